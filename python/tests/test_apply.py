"""Applying to one vacancy from Python: the tailored CV and the cover letter are the
core's (``sportello::apply``), on the same fixtures as the Rust tests."""

import pytest

import sportello


def _vacancy(fixtures, stem):
    return next((fixtures / "vacancies").glob(f"{stem}-*.yaml"))


def test_the_tailored_cv_moves_what_the_vacancy_asks_up_and_says_why(fixtures, today):
    sara = fixtures / "profiles" / "sara-cuoca.json"
    cv = sportello.tailored_cv(sara, _vacancy(fixtures, "nov-04"), format="text", today=today)
    assert cv["pages"] >= 1 and cv["files"][0].decode().startswith("Sara")
    assert cv["changes"], "nothing moved"
    for c in cv["changes"]:
        assert set(c) == {"path", "item", "from", "to", "why"}
        assert c["why"]
    # The order changed, the words did not: every item is in the untailored CV too.
    plain = " ".join(sportello.render(sara, format="text", today=today).decode().split())
    for c in cv["changes"]:
        assert c["item"] in plain
    english = sportello.tailored_cv(sara, _vacancy(fixtures, "nov-04"), format="text", today=today, lang="en")
    assert english["changes"][0]["why"] != cv["changes"][0]["why"]


def test_a_page_limit_leaves_out_the_least_related(fixtures, today, tmp_path):
    franco = sportello.load_profile(fixtures / "profiles" / "franco-magazziniere-58.yaml", today=today)
    franco["skills"] += [{"label": f"hobby numero {i}"} for i in range(400)]
    vacancy = _vacancy(fixtures, "nov-01")
    assert sportello.render_pages(franco, today=today)[1] > 2
    short = sportello.tailored_cv(franco, vacancy, max_pages=2, today=today, out=tmp_path / "cv.pdf")
    assert short["paths"][0].read_bytes()[:5] == b"%PDF-"
    assert short["pages"] <= 2
    left = [c["item"] for c in short["changes"] if c["to"] is None]
    assert left and all(item.startswith("hobby numero") for item in left)
    with pytest.raises(ValueError, match="max_pages"):
        sportello.tailored_cv(franco, vacancy, max_pages=0, today=today)


def test_the_letter_names_the_vacancy_the_employer_and_a_matched_skill(fixtures, today):
    franco = fixtures / "profiles" / "franco-magazziniere-58.yaml"
    vacancy = sportello.load_vacancy(_vacancy(fixtures, "nov-01"), today=today)
    out = sportello.cover_letter(franco, vacancy, format="text", today=today)
    text = " ".join(out["files"][0].decode().split())
    assert vacancy["title"] in text
    assert vacancy["employer"] in text
    assert out["pages"] == 1
    letter = out["letter"]
    templates = [p["template"] for p in letter["paragraphs"]]
    assert templates and all(templates)
    matched = [s["label"] for s in vacancy["essential_skills"] if s["label"].lower() in text.lower()]
    assert matched, text


def test_the_persons_own_paragraphs_are_printed_as_written(fixtures, today):
    franco = sportello.load_profile(fixtures / "profiles" / "franco-magazziniere-58.yaml", today=today)
    franco["cover_letters"] = [{"vacancy": "nov-01", "paragraphs": ["Scrivo io: #set text(red) *non* è markup."]}]
    out = sportello.cover_letter(franco, _vacancy(fixtures, "nov-01"), format="text", today=today, lang="en")
    assert "Scrivo io: #set text(red) *non* è markup." in " ".join(out["files"][0].decode().split())
    assert out["letter"]["edited"] is True


def test_bad_input_is_named(fixtures, today):
    with pytest.raises(sportello.ValidationError):
        sportello.cover_letter({"person": {"given_name": "A"}}, _vacancy(fixtures, "nov-01"), today=today)
    with pytest.raises(ValueError):
        sportello.cover_letter(fixtures / "profiles" / "franco-magazziniere-58.yaml", _vacancy(fixtures, "nov-01"), today=today, lang="fr")
