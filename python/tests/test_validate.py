"""Tests of the Python binding: validation results and errors cross the boundary intact."""

from pathlib import Path

import pytest

import sportello

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def test_every_fixture_profile_validates():
    profiles = sorted((FIXTURES / "profiles").iterdir())
    assert len(profiles) >= 6
    for path in profiles:
        problems = sportello.validate(path.read_text(encoding="utf-8"))
        assert all(p["severity"] == "warning" for p in problems), (path, problems)


def test_errors_become_a_validation_error_with_every_problem():
    with pytest.raises(sportello.ValidationError) as info:
        sportello.validate("person: {given_name: A}\nwork: [{role: x, start: 2021-13}]")
    paths = [p["path"] for p in info.value.problems]
    assert set(paths) == {"work[0].start", "person.family_name"}
    assert isinstance(info.value, sportello.SportelloError)


def test_syntax_errors_are_sportello_errors():
    with pytest.raises(sportello.SportelloError, match="line 1"):
        sportello.validate('{"person": ')
