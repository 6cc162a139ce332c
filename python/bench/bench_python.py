"""Benchmarks of the Python binding (figures only, no pass/fail):

1. building an index from an N-row pandas DataFrame of vacancies (default 100,000);
2. match_batch of a cohort from Python versus `sportello match-batch` from the CLI on the
   same index and profiles (the Python overhead: conversion in and DataFrame out).

    python python/bench/bench_python.py [--rows 100000] [--people 400] [--cli PATH]

Synthetic data: the twelve fixture vacancies repeated with new ids and the comuni of
the fixtures, the eight fixture profiles repeated with new ids.
"""

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pandas as pd

import sportello as sp

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
TODAY = "2026-11-23"


def vacancies_frame(rows: int) -> pd.DataFrame:
    base = pd.read_json(FIXTURES / "vacancies.jsonl", lines=True, dtype=False)
    base = base[base["id"] != "nov-11"]  # not the expired one
    reps = -(-rows // len(base))
    df = pd.concat([base] * reps, ignore_index=True).iloc[:rows].copy()
    df["id"] = [f"v{i:07}" for i in range(rows)]
    return df


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--people", type=int, default=400)
    ap.add_argument("--cli", default=str(Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache/sportello/target")) / "debug" / "sportello"))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="sportello-bench-"))
    try:
        df = vacancies_frame(args.rows)
        sp.search_skills("warm up the taxonomy")
        t = time.perf_counter()
        idx = sp.Index.build(df, tmp / "index", today=TODAY)
        build = time.perf_counter() - t
        print(f"index build from a {args.rows:,}-row DataFrame: {build:.1f} s, {args.rows / build:,.0f} vacancies/s "
              f"({idx.stats()['bytes'] / 1e6:.0f} MB on disk)")

        profiles = {p.stem: sp.load_profile(p, today=TODAY) for p in sorted((FIXTURES / "profiles").iterdir())}
        people = {f"{pid}-{i}": p for i in range(-(-args.people // len(profiles))) for pid, p in profiles.items()}
        people = dict(list(people.items())[: args.people])
        folder = tmp / "profiles"
        folder.mkdir()
        for pid, p in people.items():
            (folder / f"{pid}.json").write_text(json.dumps(p), encoding="utf-8")
        frame = pd.DataFrame([dict(p, id=pid) for pid, p in people.items()])

        runs = []
        for _ in range(3):
            t = time.perf_counter()
            out = idx.match_batch(frame, top=10, today=TODAY)
            runs.append(time.perf_counter() - t)
        py = min(runs)
        t = time.perf_counter()
        idx.match_batch(folder, top=10, today=TODAY)
        py_files = time.perf_counter() - t
        idx.close()
        print(f"match_batch from Python, {len(people)} people, top 10 ({len(out)} rows): DataFrame in {py:.3f} s "
              f"(best of 3), profile files in {py_files:.3f} s")
        if shutil.which(args.cli) or Path(args.cli).exists():
            env = dict(os.environ, SPORTELLO_TODAY=TODAY)
            cli_runs = []
            for _ in range(3):
                t = time.perf_counter()
                subprocess.run([args.cli, "match-batch", "--profiles", str(folder), "--index", str(tmp / "index"), "--top", "10",
                                "-o", str(tmp / "out.jsonl")], check=True, env=env, capture_output=True)
                cli_runs.append(time.perf_counter() - t)
            cli = min(cli_runs)
            print(f"the same batch from the CLI (whole process, files to JSON Lines): {cli:.3f} s (best of 3); "
                  f"Python / CLI = {py / cli:.2f} (DataFrame), {py_files / cli:.2f} (files)")
        else:
            print(f"(no CLI at {args.cli}: build it with `cargo build -p sportello-cli`)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
