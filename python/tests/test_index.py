"""The vacancy index from Python: building it from every kind of input, matching one
profile, batches as DataFrames, candidates, explanations, skill gaps, bad input,
threads."""

import json
import math
import threading

import pandas as pd
import pytest

import sportello

from conftest import FIXTURES, TODAY


def test_build_from_folder_feed_list_and_dataframe(vacancies):
    from_feed = sportello.Index.build(FIXTURES / "vacancies.jsonl", today=TODAY)
    from_folder = sportello.Index.build(FIXTURES / "vacancies", today=TODAY)
    from_list = sportello.Index.build(vacancies, today=TODAY)
    frame = pd.read_json(FIXTURES / "vacancies.jsonl", lines=True, dtype=False)
    from_frame = sportello.Index.build(frame, today=TODAY)
    for idx in (from_feed, from_folder, from_list, from_frame):
        assert idx.stats()["vacancies"] == 12 and len(idx) == 12
    ids = sorted(v["id"] for v in from_frame.vacancies())
    assert ids == sorted(v["id"] for v in vacancies)
    assert from_frame.get("nov-01")["essential"][0]["uri"].startswith("http://data.europa.eu/esco/skill/")
    assert from_frame.get("nope") is None


def test_add_replace_remove_and_reopen(tmp_path, vacancies, profiles):
    path = tmp_path / "idx"
    with sportello.Index.create(path) as idx:
        out = idx.add(vacancies[:3], today=TODAY)
        assert (out["added"], out["vacancies"], out["skipped"]) == (3, 3, [])
        changed = dict(vacancies[0], title="Magazziniere (nuovo)")
        assert idx.add([changed], today=TODAY)["vacancies"] == 3
        assert idx.get("nov-01")["title"] == "Magazziniere (nuovo)"
        assert idx.remove("nov-02") == 2
        assert idx.remove(["nov-03", "not-there"]) == 1
        assert idx.path == path
    assert idx.closed
    with pytest.raises(sportello.SportelloIndexError, match="closed"):
        idx.match(profiles["franco-magazziniere-58"])
    again = sportello.Index.open(str(path))
    assert [v["id"] for v in again.vacancies()] == ["nov-01"]
    assert again.reindex(today=TODAY) == 1
    assert again.stats()["vacancies"] == 1
    with pytest.raises(sportello.SportelloIndexError, match="not empty"):
        sportello.Index.create(path)
    assert sportello.Index.open_or_create(tmp_path / "fresh").stats()["vacancies"] == 0


def test_match_one_profile(index, profiles, profile_paths):
    results = index.match(profiles["franco-magazziniere-58"], today=TODAY)
    assert results[0]["vacancy_id"] == "nov-01"
    assert results == sorted(results, key=lambda r: -r["score"])
    first = results[0]
    assert {"score", "parts", "matched", "missing", "occupation", "exclusions", "distance_km", "hints"} <= set(first)
    assert first["occupation"] == {"by": "carrellista", "link": {"how": "same"}, "inferred": False}
    assert math.isclose(sum(p["contribution"] for p in first["parts"]), first["score"], abs_tol=1e-9)
    assert not any(r["vacancy_id"] == "nov-11" for r in results)  # expired
    everything = index.match(profile_paths[1], today=TODAY, top=20, include_excluded=True)
    expired = [r for r in everything if r["vacancy_id"] == "nov-11"]
    assert expired and expired[0]["excluded"] and expired[0]["exclusions"][0]["reason"] == "expired"
    assert everything[0]["profile_id"] == profile_paths[1].stem


def test_weights_change_scores_and_are_checked(index, profiles):
    p = profiles["sara-cuoca"]
    default = index.match(p, today=TODAY)[0]["score"]
    skills_only = index.match(p, today=TODAY, weights={"essential_skills": 1, "optional_skills": 0, "occupation": 0, "languages": 0,
                                                       "education": 0, "experience": 0, "distance": 0})[0]
    assert skills_only["score"] != default
    with pytest.raises(sportello.ValidationError) as info:
        index.match(p, today=TODAY, weights={"essentiall": 1})
    assert info.value.problems[0]["path"] == "weights"
    assert sportello.default_weights()["distance"] == 0.1


def test_match_batch_as_a_dataframe(index, profiles):
    df = index.match_batch(profiles, top=3, today=TODAY)
    assert list(df.columns) == [name for name, _ in sportello.MATCH_COLUMNS]
    assert set(df["profile_id"]) == set(profiles)
    assert df.groupby("profile_id")["rank"].max().max() <= 3
    assert df["score"].dtype == "float64" and df["excluded"].dtype == bool and df["rank"].dtype == "int64"
    # The same as one profile at a time.
    for pid, p in profiles.items():
        one = [(r["vacancy_id"], r["score"]) for r in index.match(p, top=3, today=TODAY)]
        assert list(zip(df.loc[df.profile_id == pid, "vacancy_id"], df.loc[df.profile_id == pid, "score"])) == one
    row = df[(df.profile_id == "kofi-autista") & (df.vacancy_id == "nov-10")].iloc[0]
    assert row["credit_essential_skills"] > 0 and isinstance(row["matched"], list)
    records = index.match_batch(profiles, top=3, today=TODAY, output="records")
    assert [r["vacancy_id"] for r in records] == list(df["vacancy_id"])
    table = index.match_batch(profiles, top=3, today=TODAY, output="arrow")
    assert table.num_rows == len(df)
    cols = index.match_batch(profiles, top=3, today=TODAY, output="columns")
    assert cols["score"] == list(df["score"])
    with pytest.raises(ValueError, match="output"):
        index.match_batch(profiles, output="excel")  # type: ignore[call-overload]


def test_match_batch_from_a_dataframe_with_nan_cells(index, profiles):
    rows = [dict(p, id=pid) for pid, p in profiles.items()]
    frame = pd.DataFrame(rows)  # columns absent in some profiles become NaN cells
    assert frame.isna().any().any()
    df = index.match_batch(frame, top=2, today=TODAY)
    assert set(df["profile_id"]) == set(profiles)
    expected = index.match_batch(profiles, top=2, today=TODAY)
    pd.testing.assert_frame_equal(df, expected)
    # A `document` column of JSON text works the same.
    docs = pd.DataFrame({"id": list(profiles), "document": [json.dumps(p) for p in profiles.values()]})
    pd.testing.assert_frame_equal(index.match_batch(docs, top=2, today=TODAY), expected)


def test_bad_rows_are_reported_per_row_or_skipped(index, profiles):
    frame = pd.DataFrame([
        dict(profiles["sara-cuoca"], id="ok"),
        {"id": "no-name", "person": {"given_name": "C"}, "skills": [{"label": "cucinare"}]},
        {"id": "bad-skills", "person": {"given_name": "D", "family_name": "E"}, "skills": "muletto"},
    ])
    with pytest.raises(sportello.ValidationError) as info:
        index.match_batch(frame, today=TODAY)
    errors = [(p["row"], p["id"], p["path"]) for p in info.value.problems if p["severity"] == "error"]
    assert (1, "no-name", "person.family_name") in errors
    assert any(r == 2 and i == "bad-skills" and path.startswith("skills") for r, i, path in errors)
    with pytest.warns(sportello.SportelloWarning, match="skipped 2 profiles"):
        df = index.match_batch(frame, today=TODAY, errors="skip")
    assert set(df["profile_id"]) == {"ok"}
    with pytest.raises(TypeError):
        index.match_batch(42)
    with pytest.raises(ValueError, match="errors"):
        index.match_batch(profiles, errors="ignore")  # type: ignore[call-overload]


def test_candidates_for_a_vacancy(index, profiles):
    people = index.candidates("nov-01", profiles, top=3, today=TODAY)
    assert people[0]["profile_id"] == "franco-magazziniere-58"
    assert all(p["vacancy_id"] == "nov-01" for p in people)
    with pytest.raises(sportello.SportelloIndexError, match="no vacancy"):
        index.candidates("nov-99", profiles, today=TODAY)


def test_explain(index, profiles, vacancies):
    e = index.explain(profiles["sara-cuoca"], "nov-12", lang="en", today=TODAY)
    assert e["excluded"] and "km from home" in e["explanation"]["text"]
    assert e["explanation"]["exclusions"] and e["explanation"]["lang"] == "en"
    it = index.explain(profiles["sara-cuoca"], "nov-12", today=TODAY)
    assert "esclusa" in it["explanation"]["text"]
    free = sportello.explain(profiles["sara-cuoca"], vacancies[11], lang="en", today=TODAY, )
    assert free["score"] == e["score"] and free["explanation"]["parts"] == e["explanation"]["parts"]
    with pytest.raises(ValueError, match="lang"):
        index.explain(profiles["sara-cuoca"], "nov-12", lang="fr")  # type: ignore[arg-type]


def test_skill_gaps(index, profiles):
    gaps = sportello.skill_gaps(profiles, index, today=TODAY)
    assert list(gaps.columns) == sportello.GAP_COLUMNS
    assert gaps["missing"].is_monotonic_decreasing
    assert gaps["group"].isna().all()
    assert ((gaps["share"] > 0) & (gaps["share"] <= 1)).all()
    by_occ = sportello.skill_gaps(profiles, index, by="occupation", today=TODAY, output="records")
    assert all(g["group"].startswith("http://data.europa.eu/esco/occupation/") for g in by_occ)
    by_comune = index.skill_gaps(profiles, by="comune", today=TODAY)
    assert set(by_comune["group"]) <= {v["istat"] for v in (index.get(f"nov-{i:02}") for i in range(1, 13)) if v}
    # Totals agree whatever the grouping.
    assert by_comune["missing"].sum() == gaps["missing"].sum() == sum(g["missing"] for g in by_occ)
    with pytest.raises(ValueError, match="by"):
        index.skill_gaps(profiles, by="region")  # type: ignore[call-overload]


def test_two_threads_query_one_index(index, profiles):
    expected = index.match_batch(profiles, top=5, today=TODAY, output="records")
    out = {}
    errors = []

    def work(n):
        try:
            for _ in range(3):
                out[n] = index.match_batch(profiles, top=5, today=TODAY, output="records")
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and out[0] == out[1] == expected


def test_long_calls_release_the_gil(index, profiles):
    """While the main thread is inside a native batch, another Python thread keeps
    running: it records when it ran, and some of those moments fall in the middle of the
    call (with the GIL held throughout, none could)."""
    import time

    docs = [(str(i), json.dumps(p)) for i, p in enumerate(list(profiles.values()) * 6)]
    stamps = []
    done = threading.Event()

    def tick():
        last = 0.0
        while not done.is_set():
            now = time.perf_counter()
            if now - last > 0.001:
                stamps.append(now)
                last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        time.sleep(0.01)
        t0 = time.perf_counter()
        index._native.match_batch(docs, TODAY, 10, None, False, "raise", True)
        t1 = time.perf_counter()
    finally:
        done.set()
        ticker.join()
    middle = [s for s in stamps if t0 + 0.25 * (t1 - t0) < s < t0 + 0.75 * (t1 - t0)]
    assert t1 - t0 > 0.01 and middle, (t1 - t0, len(stamps))


def test_polars_in_and_out(index, profiles):
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame({"id": list(profiles), "document": [json.dumps(p) for p in profiles.values()]})
    out = index.match_batch(frame, top=2, today=TODAY, output="polars")
    expected = index.match_batch(profiles, top=2, today=TODAY)
    assert out.columns == list(expected.columns) and out.get_column("score").to_list() == list(expected["score"])
