"""Turning the native module's results into what Python users read: pandas, polars or
Arrow tables, a dict of columns, or a list of records (the counterpart of
:mod:`._inputs`). Tables are built column by column, with no Python loop over rows.
"""

from __future__ import annotations

from typing import Any, Dict, List

from . import _sportello as _native

#: The columns of :func:`sportello.skill_gaps` tables, in order.
GAP_COLUMNS: List[str] = ["group", "group_label", "skill", "uri", "missing", "people", "matches", "share"]


def import_pandas() -> Any:
    """The pandas module, or an ImportError saying how to get it."""
    try:
        import pandas
    except ImportError:
        raise ImportError("output='pandas' needs pandas: pip install pandas (or pass output='records')") from None
    return pandas


_DTYPES = {"str": "str", "int": "int64", "float": "float64", "bool": "bool", "list": "object"}


def match_table(columns: Dict[str, List[Any]], output: str) -> Any:
    """A dict of column lists as a DataFrame, built column by column (no loop over rows)."""
    if output == "pandas":
        pd = import_pandas()
        df = pd.DataFrame(columns)
        return df.astype({name: _DTYPES[kind] for name, kind in _native.MATCH_COLUMNS})
    if output == "polars":
        import polars as pl

        return pl.DataFrame(columns)
    if output == "arrow":
        import pyarrow as pa

        return pa.table(columns)
    if output == "columns":
        return columns
    raise ValueError(f'output={output!r} (expected "pandas", "polars", "arrow", "records" or "columns")')


def records_table(rows: List[Dict[str, Any]], names: List[str], output: str) -> Any:
    """Rows (dicts) as records, or as a table with the columns ``names`` in that order."""
    if output == "records":
        return rows
    if output == "pandas":
        return import_pandas().DataFrame.from_records(rows, columns=names)
    if output == "polars":
        import polars as pl

        return pl.DataFrame(rows, schema=names) if rows else pl.DataFrame({n: [] for n in names})
    raise ValueError(f'output={output!r} (expected "pandas", "polars" or "records")')
