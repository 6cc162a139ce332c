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


def _shown(value: object) -> str:
    """A figure as the Italian PDF writes it: 1.234 and 12,5."""
    if isinstance(value, float):
        whole, tenth = f"{value:.1f}".split(".")
        return f"{int(whole):,}".replace(",", ".") + "," + tenth
    return f"{value:,}".replace(",", ".")


def test_the_report_agrees_with_the_command_lines_json_csv_and_pdf(demo_db: Path, tmp_path: Path) -> None:
    import csv
    import json

    frames = sportello.Desk(demo_db).report("2022-11", "2023-10")
    headline = frames["headline"].set_index("key")["value"]
    assert (headline["activated"], headline["concluded"], headline["ongoing"], headline["assigned_by_cpi"]) == (534, 207, 327, 256)
    period = [_cli(), "desk", "--db", str(demo_db), "report", "--from", "2022-11", "--to", "2023-10"]
    as_json = json.loads(subprocess.run([*period, "--format", "json"], check=True, capture_output=True).stdout)
    assert [t["name"] for t in as_json["tables"]] == list(frames)
    for table in as_json["tables"]:
        df = frames[table["name"]].set_index("key")
        for row in table["rows"] + ([table["total"]] if table.get("total") else []):
            for column, cell in zip(table["columns"], row["cells"]):
                got = df.loc[row["key"], column["name"]]
                if isinstance(cell, str):
                    assert got is pd_na() and (row["key"], column["name"], cell) in frames[table["name"]].attrs["withheld"]
                elif cell is None:
                    assert got is pd_na()
                else:
                    assert got == cell, (table["name"], row["key"], column["name"])
    lines = subprocess.run([*period, "--format", "csv"], check=True, capture_output=True, text=True).stdout.splitlines()
    n = 0
    for record in csv.DictReader(lines):
        got = frames[record["table"]].set_index("key").loc[record["key"], record["column"]]
        expected = record["value"]
        if got is pd_na():
            assert expected in ("", "<3", "*")
        else:
            assert float(expected) == float(got), record
        n += 1
    assert n > 100
    # The PDF, read back by poppler: the month table's totals, as the Italian report writes them.
    pdf = tmp_path / "report.pdf"
    subprocess.run([*period, "-o", str(pdf)], check=True, capture_output=True)
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext (poppler-utils) is needed: scripts/test.sh installs it"
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    total = frames["by_month"].set_index("key").loc["total"]
    row = " ".join(_shown(total[c]) for c in ["taken_in_charge", "assigned_by_cpi", "activated", "concluded", "ongoing", "closed_otherwise"])
    assert row in " ".join(text.split()), row


def pd_na() -> object:
    import pandas as pd

    return pd.NA


def test_a_report_of_one_desk_in_english_withholds_small_counts(demo_db: Path) -> None:
    frames = sportello.Desk(demo_db).report("2023-03", "2023-03", desk="Romentino", lang="en")
    assert frames["by_kind"].attrs["title"] == "By kind of path"
    withheld = [w for name in ("by_kind", "by_comune", "by_sex", "by_age", "by_target") for w in frames[name].attrs["withheld"]]
    assert withheld and {w[2] for w in withheld} <= {"<3", "*"}
    for name in ("by_kind", "by_comune", "by_sex", "by_age"):
        df = frames[name]
        numbers = df.drop(columns=["key", "label"])
        assert not numbers.isin([1, 2]).any().any(), name
    report = sportello.Desk(demo_db).report("2023-03", "2023-03", desk="romentino", output="dict")
    assert report["desk"] == "romentino" and report["scope"] == "Sportello Lavoro di Romentino"


def test_a_bad_report_request_is_refused_with_the_field(demo_db: Path) -> None:
    desk = sportello.Desk(demo_db)
    with pytest.raises(ValueError, match="start.*AAAA-MM"):
        desk.report("2022-13", "2023-10")
    with pytest.raises(sportello.DeskError, match="before it begins"):
        desk.report("2023-10", "2022-11")
    with pytest.raises(sportello.DeskError, match="atlantide"):
        desk.report("2023-01", "2023-02", desk="atlantide")
    with pytest.raises(ValueError, match="output="):
        desk.report("2023-01", "2023-02", output="excel")
