"""Turning what Python users hold (dicts, JSON/YAML text, paths, folders, vacancy feeds,
pandas or polars DataFrames) into the ``(id, text)`` pairs the native module reads. Feeds
(JSON Lines or a JSON array) are split by the core, as in the CLI and the widget.

DataFrames are serialised in one call (``DataFrame.to_json(orient="records",
lines=True)`` or polars' ``write_ndjson``), with no Python loop over rows; their null
cells (NaN, None) are then dropped by the native side, so that an empty cell means an
absent field.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from pathlib import Path
from typing import Any, Iterable, List, Mapping, Optional, Tuple, Union

from . import _sportello as _native


#: "Today" as the API takes it: ``None`` (``SPORTELLO_TODAY``, else the clock), ``YYYY-MM-DD`` or a date.
Today = Union[None, str, _dt.date]
#: Matcher weights to override (see :func:`sportello.default_weights`), or ``None``.
Weights = Optional[Mapping[str, float]]
PathLike = Union[str, "os.PathLike[str]"]
Docs = List[Tuple[str, Union[str, bytes]]]
_SUFFIXES = (".json", ".yaml", ".yml", ".jsonl")
# Keys that tell a single profile or vacancy from a mapping of id -> document.
_DOCUMENT_KEYS = ("person", "title", "essential_skills", "schema_version")


def today(value: Today) -> str:
    """``YYYY-MM-DD`` for the matcher: the value given, else ``SPORTELLO_TODAY``, else the
    system clock (the library itself never reads the clock)."""
    if value is None:
        return os.environ.get("SPORTELLO_TODAY") or _dt.date.today().isoformat()
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise TypeError(f"today: expected a date or 'YYYY-MM-DD', got {type(value).__name__}")


def weights(value: Weights) -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"weights: expected a dict, got {type(value).__name__}")
    return json.dumps(dict(value))


def _is_path(source: Any) -> bool:
    if isinstance(source, os.PathLike):
        return True
    if not isinstance(source, str) or "\n" in source or len(source) > 4096:
        return False
    return source.lower().endswith(_SUFFIXES) or os.path.isdir(source)


def _read(path: Path) -> bytes:
    # Bytes: the core checks the encoding and says where it is wrong.
    return path.read_bytes()


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if hasattr(value, "tolist"):  # numpy arrays
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def text(source: Any, what: str) -> Union[str, bytes]:
    """One document as JSON or YAML text."""
    if isinstance(source, Mapping):
        return json.dumps(source, ensure_ascii=False, default=_json_default)
    if _is_path(source):
        return _read(Path(source))
    if isinstance(source, str):
        return source
    if isinstance(source, bytes):
        return source
    raise TypeError(f"{what}: expected a dict, JSON/YAML text or a path, got {type(source).__name__}")


def _is_single(m: Mapping[Any, Any]) -> bool:
    return any(k in m for k in _DOCUMENT_KEYS) or not all(isinstance(v, (Mapping, str, os.PathLike)) for v in m.values())


def _expand(path: Path) -> Docs:
    if path.is_dir():
        out: Docs = []
        for f in sorted(p for p in path.iterdir() if p.suffix.lower() in _SUFFIXES):
            out.extend(_expand(f))
        return out
    data = _read(path)
    if _native.is_feed(path.name, data):
        # A feed (JSON Lines or a JSON array): the core splits it, as for the CLI and widget.
        return [(f"{path.name}:{line}", entry) for line, entry in _native.feed_entries(data)]
    return [(path.stem, data)]


def _pandas_docs(df: Any, what: str) -> Docs:
    n = len(df)
    ids: List[str] = df["id"].astype(str).tolist() if "id" in df.columns else df.index.astype(str).tolist()
    if "document" in df.columns:
        col = df["document"]
        first = col.dropna().iloc[0] if n else None
        if isinstance(first, str):
            texts: List[str] = col.fillna("").astype(str).tolist()
        else:
            texts = _lines(col.to_json(orient="records", lines=True, force_ascii=False, date_format="iso"))
    else:
        body = df.drop(columns=["id"]) if (what == "profiles" and "id" in df.columns) else df
        texts = _lines(body.to_json(orient="records", lines=True, force_ascii=False, date_format="iso", default_handler=str))
    if len(texts) != n:
        raise ValueError(f"{what}: the DataFrame gave {len(texts)} documents for {n} rows")
    return list(zip(ids, texts))


def _polars_docs(df: Any, what: str) -> Docs:
    import polars as pl

    n = df.height
    ids: List[str] = df.get_column("id").cast(pl.Utf8).to_list() if "id" in df.columns else [str(i) for i in range(n)]
    if "document" in df.columns and df.schema["document"] == pl.Utf8:
        texts: List[str] = df.get_column("document").fill_null("").to_list()
    elif "document" in df.columns:
        texts = [json.dumps(row) for row in df.get_column("document").to_list()]
    else:
        body = df.drop("id") if (what == "profiles" and "id" in df.columns) else df
        texts = _lines(body.write_ndjson())
    return list(zip(ids, texts))


def _lines(jsonl: str) -> List[str]:
    # Not str.splitlines: JSON strings may hold U+2028 and other line separators.
    lines = jsonl.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def is_pandas(obj: Any) -> bool:
    return type(obj).__module__.startswith("pandas") and type(obj).__name__ == "DataFrame"


def is_polars(obj: Any) -> bool:
    return type(obj).__module__.startswith("polars") and type(obj).__name__ == "DataFrame"


def docs(items: Any, what: str) -> Tuple[Docs, bool]:
    """Many documents as ``(id, text)`` pairs, and whether they came from a DataFrame
    (whose null cells mean absent fields).

    ``items`` may be a DataFrame (one document per row: its columns are the document's
    fields, or a ``document`` column holds dicts or JSON/YAML text; an ``id`` column, else
    the index, gives the ids), a mapping of id to document, a folder, a JSON Lines file, a
    path, or an iterable of dicts, texts and paths (ids: file names, else positions).
    """
    if is_pandas(items):
        return _pandas_docs(items, what), True
    if is_polars(items):
        return _polars_docs(items, what), True
    if isinstance(items, Mapping):
        if _is_single(items):
            return [("0", text(items, what))], False
        return [(str(k), text(v, what)) for k, v in items.items()], False
    if _is_path(items):
        return _expand(Path(items)), False
    if isinstance(items, (str, bytes)):
        return [("0", text(items, what))], False
    if not isinstance(items, Iterable):
        raise TypeError(f"{what}: expected a DataFrame, a list, a dict or a path, got {type(items).__name__}")
    out: Docs = []
    for i, item in enumerate(items):
        if _is_path(item):
            out.extend(_expand(Path(item)))
        else:
            out.append((str(i), text(item, what)))
    return out, False


def one(source: Any, what: str, default_id: str = "profile") -> Tuple[str, Union[str, bytes]]:
    """One document as ``(id, text)``; a path's id is its file name without extension."""
    if _is_path(source):
        return Path(source).stem, text(source, what)
    return default_id, text(source, what)
