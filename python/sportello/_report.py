"""A desk's report (:meth:`sportello.Desk.report`) as DataFrames: one per table, the same
figures as the PDF, the CSV and the JSON of ``sportello desk report``.

Each DataFrame has the columns ``key`` and ``label`` and one column per figure; the total
row, where a table has one, comes last with the key ``"total"``. A count withheld by the
small-count rule (``"<3"``, or ``"*"`` where it is hidden so that a small one cannot be
worked out) is missing (``<NA>``) and listed in ``df.attrs["withheld"]`` as
``(key, column, mark)``; ``df.attrs`` also holds the table's ``title`` and ``note``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from ._tables import import_pandas

#: What a withheld count reads as.
MARKS = ("<3", "*")


def _dtype(values: List[Any]) -> str:
    """Int64 for counts, Float64 when any figure has decimals."""
    return "Float64" if any(isinstance(v, float) for v in values) else "Int64"


def report_frames(report: Dict[str, Any]) -> Dict[str, Any]:
    """The report's tables as pandas DataFrames, by table name."""
    pd = import_pandas()
    frames: Dict[str, Any] = {}
    for table in report["tables"]:
        rows = list(table["rows"]) + ([table["total"]] if table.get("total") else [])
        withheld: List[Tuple[str, str, str]] = []
        data: Dict[str, Any] = {
            "key": pd.array([r["key"] for r in rows], dtype="string"),
            "label": pd.array([r["label"] for r in rows], dtype="string"),
        }
        for i, column in enumerate(table["columns"]):
            values = []
            for r in rows:
                cell = r["cells"][i]
                if isinstance(cell, str):
                    withheld.append((r["key"], column["name"], cell))
                    cell = None
                values.append(cell)
            data[column["name"]] = pd.array(values, dtype=_dtype(values))
        df = pd.DataFrame(data)
        df.attrs.update(title=table["title"], note=table.get("note"), withheld=withheld)
        frames[table["name"]] = df
    return frames
