"""Scale-out with Dask: the same matches on a LocalCluster of two worker processes as in
one process. Kept small so that the test stays quick."""

import json

import pandas as pd
import pytest

import sportello

from conftest import TODAY

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")


def test_match_batch_on_a_local_cluster_equals_one_process(index_dir, profiles):
    import sportello.dask

    frame = pd.DataFrame({"id": list(profiles), "document": [json.dumps(p) for p in profiles.values()]})
    expected = sportello.Index.open(index_dir).match_batch(frame, top=5, today=TODAY)

    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        ddf = dd.from_pandas(frame, npartitions=4)
        lazy = sportello.dask.match_batch(ddf, index_dir, top=5, today=TODAY)
        assert list(lazy.columns) == [name for name, _ in sportello.MATCH_COLUMNS]
        got = lazy.compute()
        # A worker that matched opened the index once and kept it for its partitions.
        opened = client.run(lambda: list(sportello.dask._INDEXES))
        assert len(opened) == 2 and all(v in ([], [str(index_dir)]) for v in opened.values())
        assert [str(index_dir)] in opened.values()
        # A second run reuses the open indexes.
        assert len(sportello.dask.match_batch(ddf, index_dir, top=1, today=TODAY).compute()) == len(profiles)

    got = got.sort_values(["profile_id", "rank"]).reset_index(drop=True)
    expected = expected.sort_values(["profile_id", "rank"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert len(got) > len(profiles)


def test_meta_matches_a_real_table(index, profiles):
    import sportello.dask

    real = index.match_batch(profiles, top=1, today=TODAY)
    assert (sportello.dask.meta().dtypes == real.dtypes).all()
