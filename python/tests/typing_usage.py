"""A small program using the public API, checked with `mypy --strict` against the stubs
(sportello/__init__.pyi) by test_typing.py. It is not run."""

from pathlib import Path
from typing import Any, Dict, List, Optional

import sportello as sp


def main(profiles_dir: Path, index_dir: Path) -> None:
    warnings: List[Dict[str, Any]] = sp.validate(profiles_dir / "anna.yaml", kind="profile", today="2026-11-23")
    profile: Dict[str, Any] = sp.load_profile(profiles_dir / "anna.yaml")
    pdf: bytes = sp.render(profile, template="europass", lang="it")
    written: List[Path] = sp.render(profile, format="png", out=Path("cv.png"))
    hits = sp.search_skills("muletto", limit=3)
    uri: Optional[str] = hits[0]["uri"] if hits else None
    normalised = sp.normalise_skill("muletto")
    place = sp.find_place("Trecate")
    tailored: Dict[str, Any] = sp.tailored_cv(profile, profiles_dir.parent / "nov-01.yaml", max_pages=2, today="2026-11-23")
    letter: Dict[str, Any] = sp.cover_letter(profile, {"id": "v1", "title": "Cuoco"}, lang="en", out=Path("lettera.pdf"))
    with sp.Index.open_or_create(index_dir) as idx:
        added: Dict[str, Any] = idx.add(profiles_dir.parent / "vacancies.jsonl", errors="skip")
        results: List[Dict[str, Any]] = idx.match(profile, top=5, weights={"distance": 0.2})
        records: List[Dict[str, Any]] = idx.match_batch(profiles_dir, top=10, output="records")
        frame = idx.match_batch(profiles_dir, top=10)
        people = idx.candidates("nov-01", profiles_dir)
        why: Dict[str, Any] = idx.explain(profile, "nov-01", lang="en")
        gaps = sp.skill_gaps(profiles_dir, idx, by="comune", output="records")
        n: int = idx.remove(["nov-01"])
    try:
        sp.Index.open("missing")
    except sp.SportelloIndexError as e:
        kind: str = e.kind
        hint: Optional[str] = e.hint
    except sp.ValidationError as e:
        problems: List[Dict[str, Any]] = e.problems
    print(warnings, pdf[:4], written, tailored, letter, uri, normalised, place, added, results, records, frame, people, why, gaps, n, sp.__version__)
