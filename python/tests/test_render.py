"""Rendering: bytes for every format, files on disk, batches and user templates."""

import pytest

import sportello

from conftest import TODAY


def test_pdf_svg_png_and_text(profiles):
    sara = profiles["sara-cuoca"]
    pdf = sportello.render(sara, template="europass", lang="it", today=TODAY)
    assert pdf.startswith(b"%PDF-")
    files, pages, warnings = sportello.render_pages(sara, format="svg", template="modern")
    assert len(files) == pages >= 1 and files[0].lstrip().startswith(b"<svg")
    assert isinstance(warnings, list)
    png = sportello.render(sara, format="png", dpi=36)
    assert png.startswith(b"\x89PNG")
    text = sportello.render(sara, format="text", template="plain").decode("utf-8")
    assert sara["person"]["family_name"] in text
    # The core checks the resolution and the names, as for the command line.
    with pytest.raises(ValueError, match="dpi: 5 is not allowed"):
        sportello.render(sara, format="png", dpi=5)
    with pytest.raises(ValueError, match="format: \"txt2\" is not an output format"):
        sportello.render(sara, format="txt2")


def test_render_is_deterministic(profiles):
    a = sportello.render(profiles["kofi-autista"], lang="en", today=TODAY)
    b = sportello.render(profiles["kofi-autista"], lang="en", today=TODAY)
    assert a == b


def test_render_to_a_path(tmp_path, profile_paths):
    out = sportello.render(profile_paths[0], out=tmp_path / "cv.pdf")
    assert out == [tmp_path / "cv.pdf"] and out[0].read_bytes().startswith(b"%PDF-")


def test_bad_options_and_profiles(profiles):
    with pytest.raises(ValueError, match="format"):
        sportello.render(profiles["sara-cuoca"], format="docx")  # type: ignore[arg-type]
    with pytest.raises(sportello.RenderError):
        sportello.render(profiles["sara-cuoca"], options={"accent": "blue"})
    with pytest.raises(sportello.ValidationError):
        sportello.render({"person": {"given_name": "A"}})
    with pytest.raises(sportello.RenderError) as info:
        sportello.render(profiles["sara-cuoca"], photo=b"not an image")
    assert info.value.kind == "photo"


def test_render_many_keeps_order_and_reports_bad_rows(profiles):
    r = sportello.Renderer()
    batch = [profiles["sara-cuoca"], {"person": {"given_name": "A"}}, profiles["marco-ict"]]
    with pytest.raises(sportello.ValidationError):
        r.render_many(batch, format="text")
    out = r.render_many(batch, format="text", errors="skip")
    assert [o["error"] is None for o in out] == [True, False, True]
    assert isinstance(out[1]["error"], sportello.ValidationError)
    assert profiles["marco-ict"]["person"]["family_name"].encode() in out[2]["files"][0]


def test_user_template():
    r = sportello.Renderer()
    r.add_template("mine", {"main.typ": '#let d = json("/data.json")\nHello #d.at("name", default: "x")'}, "a test template")
    assert "mine" in [t["name"] for t in r.templates()]
    assert r.render({"person": {"given_name": "A", "family_name": "B"}}, template="mine").startswith(b"%PDF-")
    with pytest.raises(sportello.RenderError):
        r.add_template("broken", {"other.typ": ""})
    assert "it" in r.locales() and r.fonts()


def test_user_template_folder_is_read_by_the_core(tmp_path):
    (tmp_path / "parts").mkdir()
    (tmp_path / "main.typ").write_text('#import "parts/words.typ": hello\n#hello', encoding="utf-8")
    (tmp_path / "parts" / "words.typ").write_text("#let hello = [Ciao]", encoding="utf-8")
    r = sportello.Renderer()
    r.add_template("folder", tmp_path)
    text = r.render({"person": {"given_name": "A", "family_name": "B"}}, template="folder", format="text").decode("utf-8")
    assert "Ciao" in text
    with pytest.raises(sportello.RenderError, match="cannot read"):
        r.add_template("missing", tmp_path / "nowhere")
