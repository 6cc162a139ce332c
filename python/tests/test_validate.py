"""Reading and validating documents: every form of input, and every problem crossing the
boundary with its field path."""

import json
from pathlib import Path

import pytest

import sportello

from conftest import FIXTURES, TODAY


def test_every_fixture_profile_validates():
    profiles = sorted((FIXTURES / "profiles").iterdir())
    assert len(profiles) >= 6
    for path in profiles:
        problems = sportello.validate(path.read_text(encoding="utf-8"), today=TODAY)
        assert all(p["severity"] == "warning" for p in problems), (path, problems)


def test_every_fixture_vacancy_validates_from_a_path():
    for path in sorted((FIXTURES / "vacancies").iterdir()):
        assert all(p["severity"] == "warning" for p in sportello.validate(path, kind="vacancy", today=TODAY)), path


def test_errors_become_a_validation_error_with_every_problem():
    with pytest.raises(sportello.ValidationError) as info:
        sportello.validate("person: {given_name: A}\nwork: [{role: x, start: 2021-13}]")
    errors = {p["path"] for p in info.value.problems if p["severity"] == "error"}
    assert errors == {"work[0].start", "person.family_name"}
    assert isinstance(info.value, sportello.SportelloError)
    assert isinstance(info.value, ValueError)
    assert info.value.kind == "invalid"
    assert all(set(p) >= {"severity", "path", "message", "hint"} for p in info.value.problems)


def test_syntax_errors_carry_line_and_column():
    with pytest.raises(sportello.ValidationError, match="line 1") as info:
        sportello.validate('{"person": ')
    assert info.value.kind == "syntax"
    assert info.value.line == 1 and info.value.column is not None
    assert info.value.hint
    assert info.value.problems[0]["path"] == ""


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "invalid").iterdir() if p.suffix != ".expected"))
def test_invalid_fixtures_raise_with_the_expected_message(name):
    expected = (FIXTURES / "invalid" / f"{name}.expected").read_text(encoding="utf-8").strip()
    with pytest.raises(sportello.ValidationError) as info:
        sportello.validate(FIXTURES / "invalid" / name)
    text = str(info.value) + " " + " ".join(f"{p['path']}: {p['message']}" for p in info.value.problems)
    assert expected in text or expected.split(": ", 1)[-1] in text, (expected, text)


def test_dict_text_and_path_inputs_load_the_same(profile_paths):
    path = profile_paths[0]
    from_path = sportello.load_profile(path, today=TODAY)
    from_str_path = sportello.load_profile(str(path), today=TODAY)
    from_text = sportello.load_profile(path.read_text(encoding="utf-8"), today=TODAY)
    from_dict = sportello.load_profile(from_path, today=TODAY)
    assert from_path == from_str_path == from_text == from_dict
    assert json.loads(json.dumps(from_dict)) == from_dict


def test_load_tells_profiles_from_vacancies(vacancies):
    loaded = sportello.load(vacancies[0])
    assert loaded["kind"] == "vacancy" and loaded["document"]["id"] == "nov-01"
    assert isinstance(loaded["warnings"], list)
    with pytest.raises(sportello.ValidationError) as info:
        sportello.load({"name": "x"})
    assert info.value.kind == "unknown_document"


def test_wrong_types_name_the_field():
    with pytest.raises(TypeError, match="profile"):
        sportello.load_profile(["not", "a", "dict"])  # type: ignore[arg-type]
    with pytest.raises(sportello.ValidationError) as info:
        sportello.load_profile({"person": {"given_name": "A", "family_name": "B"}, "skills": {"label": "x"}})
    assert "skills" in {p["path"] for p in info.value.problems}
    with pytest.raises(sportello.ValidationError) as info:
        sportello.load_profile({"person": "Anna Bo"})
    assert any(p["path"].startswith("person") for p in info.value.problems)


def test_a_file_that_is_not_utf8(tmp_path: Path):
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("person: {given_name: Niccolò, family_name: B}".encode("latin-1"))
    with pytest.raises(sportello.ValidationError) as info:
        sportello.validate(bad)
    assert info.value.kind == "encoding"


def test_bad_arguments():
    with pytest.raises(ValueError, match="kind"):
        sportello.validate({"person": {}}, kind="cv")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="today"):
        sportello.validate({"person": {}}, today="yesterday")
    with pytest.raises(TypeError, match="today"):
        sportello.validate({"person": {}}, today=20261123)  # type: ignore[arg-type]
