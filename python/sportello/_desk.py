"""The desk's caseload (:class:`Desk`): the SQLite file that ``sportello desk`` keeps,
read as pandas, polars or Arrow tables for analysis, and its reports as DataFrames.

Read-only unless opened with ``writable=True`` and an ``operator``; protected path kinds
(``collocamento_mirato``) and targets (``l68``) read as withheld unless ``sensitive=True``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from . import _sportello as _native
from ._inputs import PathLike
from ._report import report_frames
from ._tables import import_pandas

#: The tables :meth:`Desk.table` offers.
TABLES: List[str] = ["people", "paths", "events", "appointments", "outcomes"]


def _frame(columns: List[Dict[str, Any]], output: str) -> Any:
    """Typed columns as a table: nullable integers and booleans stay what they are."""
    if output == "columns":
        return {c["name"]: c["values"] for c in columns}
    if output == "pandas":
        pd = import_pandas()
        dtypes = {"int": "Int64", "text": "string", "bool": "boolean"}
        return pd.DataFrame({c["name"]: pd.array(c["values"], dtype=dtypes[c["kind"]]) for c in columns})
    if output == "polars":
        import polars as pl

        dtypes = {"int": pl.Int64, "text": pl.Utf8, "bool": pl.Boolean}
        return pl.DataFrame([pl.Series(c["name"], c["values"], dtype=dtypes[c["kind"]]) for c in columns])
    if output == "arrow":
        import pyarrow as pa

        types = {"int": pa.int64(), "text": pa.string(), "bool": pa.bool_()}
        return pa.table({c["name"]: pa.array(c["values"], type=types[c["kind"]]) for c in columns})
    raise ValueError(f'output={output!r} (expected "pandas", "polars", "arrow" or "columns")')


class Desk:
    """A desk database (``sportello desk init`` or ``sportello desk demo`` makes one).

    >>> import sportello, subprocess, tempfile, os  # doctest: +SKIP
    >>> desk = sportello.Desk("sportello-desk.db")  # doctest: +SKIP
    >>> desk.paths().groupby("state").size()  # doctest: +SKIP
    """

    def __init__(self, path: PathLike, *, writable: bool = False, operator: Optional[str] = None, sensitive: bool = False) -> None:
        self._native = _native.Desk(str(path), writable, operator, sensitive)

    def table(self, name: str, output: str = "pandas") -> Any:
        """One of :data:`TABLES` as a DataFrame (``output``: pandas, polars, arrow, columns)."""
        return _frame(self._native.table(name), output)

    def people(self, output: str = "pandas") -> Any:
        """People: number, desk, case manager, comune, arrival (no names, no profile)."""
        return self.table("people", output)

    def paths(self, output: str = "pandas") -> Any:
        """Paths: kind, state, desk, case manager, GOL funding, dates, targets."""
        return self.table("paths", output)

    def events(self, output: str = "pandas") -> Any:
        """Every event of every path, oldest first."""
        return self.table("events", output)

    def appointments(self, output: str = "pandas") -> Any:
        """Appointments: service, channel, state, day, expected and actual minutes."""
        return self.table("appointments", output)

    def outcomes(self, output: str = "pandas") -> Any:
        """Outcomes: contracts (with ``lasting`` for more than six months), traineeships, training."""
        return self.table("outcomes", output)

    def caseload(
        self,
        *,
        desk: Optional[str] = None,
        case_manager: Optional[str] = None,
        kind: Optional[str] = None,
        state: Optional[str] = None,
        target: Optional[str] = None,
        name: Optional[str] = None,
        page: int = 1,
        per_page: int = 50,
    ) -> Dict[str, Any]:
        """A page of the caseload (``{"rows": [...], "total": n}``), as ``sportello desk paths list``."""
        if page < 1:
            raise ValueError(f"page={page} (expected 1 or more)")
        return self._native.caseload(desk, case_manager, kind, state, target, name, (page - 1) * per_page, per_page)  # type: ignore[no-any-return]

    def person(self, key: str) -> Dict[str, Any]:
        """A person's whole file, by number or codice fiscale (needs ``writable=True``: the
        opening is audited under ``operator``)."""
        return self._native.person(str(key))  # type: ignore[no-any-return]

    def report(self, start: str, end: str, *, desk: Optional[str] = None, lang: str = "it", output: str = "pandas") -> Any:
        """The report of the months ``start`` to ``end`` (``"2022-11"``, ``"2023-10"``) of one
        desk (by code or name) or every desk, worded in ``lang``: a dict of DataFrames by
        table name (``headline``, ``by_month``, ``by_kind``, ``by_desk``, ``by_comune``,
        ``by_sex``, ``by_age``, ``by_target``, ``services``, ``outcomes``; see
        :mod:`sportello._report`), or with ``output="dict"`` the report as
        ``sportello desk report --format json`` writes it.

        >>> desk.report("2022-11", "2023-10")["headline"].set_index("key").loc["activated", "value"]  # doctest: +SKIP
        534.0
        """
        report = self._native.report(start, end, desk, lang)
        if output == "dict":
            return report
        if output == "pandas":
            return report_frames(report)
        raise ValueError(f'output={output!r} (expected "pandas" or "dict")')

    def verify_audit(self) -> Dict[str, Any]:
        """Walks the audit chain: ``{"entries", "head", "broken"?}``."""
        return self._native.verify_audit()  # type: ignore[no-any-return]
