"""Scale :meth:`sportello.Index.match_batch` out with Dask.

:func:`match_batch` runs the batch over a Dask DataFrame of profiles with
``map_partitions``: each partition is matched by :meth:`Index.match_batch` on the worker
that holds it, with all that worker's cores. The index is opened once per worker process
and kept (cached by its absolute path), so later partitions and later calls reuse it.
The index folder must be readable at the same path by every worker (a shared or
replicated file system); Tantivy only reads it.

"Today" is fixed once, on the client, so that every worker scores with the same date.

Example (a local cluster; on a real one, use its scheduler's address)::

    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster
    import sportello.dask

    with LocalCluster(n_workers=4, threads_per_worker=1) as cluster, Client(cluster):
        profiles = dd.read_parquet("profiles.parquet")   # columns: id, document (JSON text)
        matches = sportello.dask.match_batch(profiles, "vacancies-index", top=10)
        matches.to_parquet("matches.parquet")

The result has the columns of :data:`sportello.MATCH_COLUMNS`; each partition's rows keep
the order of :meth:`Index.match_batch` (by profile, then rank), and its index restarts at 0.
"""

from __future__ import annotations

import os
import threading
from typing import Any, Dict, Mapping, Optional

from . import MATCH_COLUMNS, Index, _inputs, _tables

__all__ = ["match_batch", "worker_index", "meta"]

_INDEXES: Dict[str, Index] = {}
_LOCK = threading.Lock()


def worker_index(path: "str | os.PathLike[str]") -> Index:
    """The index in ``path``, opened once per process and then reused."""
    key = os.path.abspath(os.fspath(path))
    with _LOCK:
        idx = _INDEXES.get(key)
        if idx is None or idx.closed:
            idx = Index.open(key)
            _INDEXES[key] = idx
        return idx


def meta() -> Any:
    """An empty pandas DataFrame with the columns and types of a match table (Dask's
    ``meta``)."""
    return _tables.match_table({name: [] for name, _ in MATCH_COLUMNS}, "pandas")


def _match_partition(part: Any, path: str, top: int, today: str, weights: Optional[Dict[str, float]], errors: str) -> Any:
    return worker_index(path).match_batch(part, top=top, today=today, weights=weights, errors=errors, output="pandas")


def match_batch(profiles: Any, index_path: "str | os.PathLike[str]", top: int = 10, *, today: Any = None,
                weights: Optional[Mapping[str, float]] = None, errors: str = "raise") -> Any:
    """Match a Dask DataFrame of profiles against the index in ``index_path``.

    ``profiles`` has one profile per row, as for :meth:`sportello.Index.match_batch`
    (the profile's fields as columns, or a ``document`` column of JSON/YAML text or
    dicts; an ``id`` column gives the ids). Returns a lazy Dask DataFrame of matches with
    the columns of :data:`sportello.MATCH_COLUMNS`; call ``.compute()`` or write it out.
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors={errors!r} (expected "raise" or "skip")')
    fixed_today = _inputs.today(today)
    path = os.path.abspath(os.fspath(index_path))
    w = None if weights is None else dict(weights)
    return profiles.map_partitions(_match_partition, path, top, fixed_today, w, errors, meta=meta())
