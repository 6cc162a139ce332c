"""The typed stubs: mypy --strict accepts a program using the public API."""

import subprocess
import sys
from pathlib import Path

import pytest


def test_mypy_strict_accepts_the_usage_example(tmp_path):
    pytest.importorskip("mypy")
    usage = Path(__file__).with_name("typing_usage.py")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(usage)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_package_ships_its_types():
    import sportello

    root = Path(sportello.__file__).parent
    assert (root / "py.typed").exists() and (root / "__init__.pyi").exists()
