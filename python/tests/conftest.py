"""Shared fixtures: the profiles and vacancies of tests/fixtures/ (the same ones the Rust
and browser tests use), a fixed "today", and indexes built from them once per session."""

from pathlib import Path
from typing import Dict, List

import pytest

import sportello

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
TODAY = "2026-11-23"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def today() -> str:
    return TODAY


@pytest.fixture(scope="session")
def profile_paths() -> List[Path]:
    return sorted((FIXTURES / "profiles").iterdir())


@pytest.fixture(scope="session")
def profiles() -> Dict[str, dict]:
    """Every fixture profile as a dict, by file stem."""
    return {p.stem: sportello.load_profile(p, today=TODAY) for p in sorted((FIXTURES / "profiles").iterdir())}


@pytest.fixture(scope="session")
def vacancies() -> List[dict]:
    return [sportello.load_vacancy(p, today=TODAY) for p in sorted((FIXTURES / "vacancies").iterdir())]


@pytest.fixture(scope="session")
def index() -> sportello.Index:
    """The twelve fixture vacancies, in memory."""
    return sportello.Index.build(FIXTURES / "vacancies.jsonl", today=TODAY)


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The twelve fixture vacancies in an index on disk (closed again)."""
    path = tmp_path_factory.mktemp("index") / "vacancies-index"
    with sportello.Index.build(FIXTURES / "vacancies", path, today=TODAY):
        pass
    return path
