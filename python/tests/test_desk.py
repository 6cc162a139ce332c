"""The desk's caseload from Python: a demo year made by the command line, read as pandas
and polars tables, a caseload page, audited person files, and the refusals."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import sportello


def _cli() -> str:
    """The `sportello` binary built beside the wheel (the test script's target folder)."""
    root = Path(__file__).resolve().parents[2]
    for candidate in [os.environ.get("SPORTELLO_BIN", ""), str(root / "target" / "debug" / "sportello"), shutil.which("sportello") or ""]:
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.skip("the sportello binary is not built")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("desk") / "demo.db"
    subprocess.run([_cli(), "desk", "--db", str(db), "demo", "--seed", "5"], check=True, capture_output=True)
    return db


def test_tables_hold_the_demo_year(demo_db: Path) -> None:
    desk = sportello.Desk(demo_db)
    paths = desk.paths()
    assert len(paths) == 534
    assert (paths["state"] == "concluso").sum() == 207
    assert set(paths["state"].unique()) <= {"proposto", "avviato", "sospeso", "concluso"}
    # Without sensitive access the protected kind is withheld and l68 dropped from targets.
    assert "collocamento_mirato" not in set(paths["kind"])
    assert (paths["kind"] == "riservato").sum() > 0
    assert not paths["targets"].fillna("").str.contains("l68").any()
    people = desk.people()
    assert len(people) == 312 and (people["arrival"] == "cpi").sum() == 256
    assert str(people["person_id"].dtype) == "Int64"
    appointments = desk.appointments(output="polars")
    held = appointments.filter(appointments["state"] == "erogato")
    assert held["actual_minutes"].null_count() == 0
    assert appointments.filter(appointments["state"] != "erogato")["actual_minutes"].null_count() == len(appointments) - len(held)
    outcomes = desk.outcomes(output="arrow")
    assert outcomes.num_rows > 50
    events = desk.events(output="columns")
    assert set(events) == {"path_id", "person_id", "event", "on", "recorded_by"}
    allowed = sportello.Desk(demo_db, sensitive=True).paths()
    assert (allowed["kind"] == "collocamento_mirato").sum() == (paths["kind"] == "riservato").sum()


def test_a_caseload_page_and_the_audit(demo_db: Path) -> None:
    desk = sportello.Desk(demo_db)
    page = desk.caseload(desk="cerano", state="concluso", per_page=5)
    assert len(page["rows"]) == 5 and page["total"] > 5
    assert all(r["desk"] == "cerano" for r in page["rows"])
    assert "broken" not in desk.verify_audit()
    with pytest.raises(sportello.DeskError) as e:
        desk.caseload(target="l68")
    assert e.value.kind == "forbidden"
    with pytest.raises(ValueError):
        desk.caseload(state="finito")


def test_person_files_are_audited_and_need_a_writable_desk(demo_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="audited"):
        sportello.Desk(demo_db).person("1")
    with pytest.raises(ValueError, match="operator"):
        sportello.Desk(demo_db, writable=True)
    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)
    desk = sportello.Desk(db, writable=True, operator="lmarchetti")
    before = desk.verify_audit()["entries"]
    file = desk.person("1")
    assert file["person"]["id"] == 1 and file["paths"]
    assert desk.verify_audit()["entries"] == before + 1
    with pytest.raises(sportello.DeskError) as e:
        desk.person("99999")
    assert e.value.kind == "not_found" and e.value.field == "person"


def test_a_missing_or_foreign_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(sportello.DeskError) as e:
        sportello.Desk(tmp_path / "none.db")
    assert e.value.kind == "not_found"
    other = tmp_path / "other.db"
    other.write_bytes(b"not a database at all" * 400)
    with pytest.raises(sportello.DeskError) as e:
        sportello.Desk(other)
    assert e.value.kind == "database"
