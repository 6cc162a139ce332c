"""The stubs of the compiled module (sportello/_sportello.pyi) describe the installed
``sportello._sportello``: scripts/gen_stubs.py --check regenerates them in memory and
says what differs. After changing python/src/*.rs, rebuild and run
``python python/scripts/gen_stubs.py``."""

import subprocess
import sys
from pathlib import Path

import sportello

PYTHON = Path(__file__).resolve().parents[1]
SCRIPT = PYTHON / "scripts" / "gen_stubs.py"
STUBS = PYTHON / "sportello" / "_sportello.pyi"


def test_the_committed_stubs_describe_the_installed_module(tmp_path):
    run = subprocess.run([sys.executable, str(SCRIPT), "--check", "--output", str(STUBS)], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


def test_check_names_what_is_stale(tmp_path):
    stale = tmp_path / "_sportello.pyi"
    text = STUBS.read_text(encoding="utf-8")
    assert "\ndef find_place(" in text
    stale.write_text(text.replace("\ndef find_place(", "\ndef find_a_place(") + "\nOLD_CONSTANT: int\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), "--check", "--output", str(stale)], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1
    assert "stale" in run.stderr
    assert "in the module but not in the stubs: find_place" in run.stderr
    assert "no longer in the module: find_a_place, OLD_CONSTANT" in run.stderr
    assert stale.read_text(encoding="utf-8") != text  # --check writes nothing


def test_the_package_ships_the_stubs():
    assert (Path(sportello.__file__).parent / "_sportello.pyi").exists()
