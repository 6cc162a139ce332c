"""The conformance suite (tests/conformance/) through the Python package: every case run
with the public API, its answer compared with the one the command line and the wasm
binding give (tests/conformance/expected/)."""

import json
import math
import re
import warnings
from pathlib import Path
from typing import Any, Dict, List

import pytest

import sportello

ROOT = Path(__file__).resolve().parents[2]
SUITE = ROOT / "tests" / "conformance"
TODAY = "2026-11-23"


def rounded(v: Any) -> Any:
    """Every number rounded to 6 decimals, as a float (see the suite's README)."""
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, (int, float)):
        return math.copysign(math.floor(abs(v) * 1e6 + 0.5) / 1e6, v)
    if isinstance(v, list):
        return [rounded(x) for x in v]
    return {k: rounded(x) for k, x in v.items()}


def case_files(case: Dict[str, Any]) -> List[str]:
    files: List[str] = []
    for d in case["dirs"]:
        names = sorted(p.name for p in (ROOT / d).iterdir())
        files += [f"{d}/{n}" for n in names if not n.endswith(".expected") and not n.startswith("README") and n not in case.get("skip", [])]
    return files


def without_null_hint(p: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in p.items() if not (k == "hint" and v is None)}


def validate(case: Dict[str, Any]) -> Dict[str, Any]:
    answer = {}
    for f in case_files(case):
        try:
            problems, ok = sportello.validate(ROOT / f, today=TODAY, lang=case["lang"]), True
        except sportello.ValidationError as e:
            problems, ok = e.problems, False
        answer[f] = {"ok": ok, "problems": [without_null_hint(p) for p in problems]}
    return answer


def match_feed(case: Dict[str, Any]) -> Dict[str, Any]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = sportello.match_feed(ROOT / case["profile"], ROOT / case["feed"], lang=case["lang"], top=case["top"],
                                     include_excluded=case["include_excluded"], today=TODAY)
    left_out: List[int] = []
    for w in caught:
        m = re.search(r"\(lines ([\d, ]+)\)", str(w.message))
        if m:
            left_out += [int(x) for x in m.group(1).split(", ")]
    matches = [{"vacancy_id": m["result"]["vacancy_id"], "score": m["result"]["score"], "excluded": m["result"]["excluded"],
                "explanation": m["explanation"]} for m in found]
    return {"matches": matches, "left_out": left_out}


def search_skills(case: Dict[str, Any]) -> Dict[str, Any]:
    keys = ("uri", "preferred_label", "preferred_label_lang", "kind", "similarity")
    return {q: [{k: h[k] for k in keys} for h in sportello.search_skills(q, limit=case["limit"], lang=case["lang"])] for q in case["queries"]}


def render_text(case: Dict[str, Any]) -> str:
    out = sportello.render(ROOT / case["profile"], format="text", lang=case["lang"], today=TODAY)
    assert isinstance(out, bytes)
    return out.decode("utf-8")


RUNNERS = {"validate": validate, "match_feed": match_feed, "search_skills": search_skills, "render_text": render_text}
CASES = sorted((SUITE / "cases").glob("*.json"))


def test_the_suite_has_its_cases() -> None:
    assert len(CASES) >= 9


@pytest.mark.parametrize("case_path", CASES, ids=[c.stem for c in CASES])
def test_python_gives_the_expected_answer(case_path: Path) -> None:
    case = json.loads(case_path.read_text(encoding="utf-8"))
    expected = json.loads((SUITE / "expected" / case_path.name).read_text(encoding="utf-8"))
    assert rounded(RUNNERS[case["op"]](case)) == rounded(expected)
