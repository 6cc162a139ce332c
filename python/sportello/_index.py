"""The vacancy index and matching against it: :class:`Index` (the core's
``matching::index``, bulk matching, candidates, explanations) and :func:`skill_gaps`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _inputs, _tables
from . import _sportello as _native
from ._errors import _warn_skipped
from ._inputs import PathLike, Today, Weights

__all__ = ["Index", "skill_gaps"]


class Index:
    """The vacancy index (Tantivy, on disk or in memory), with the matcher.

    Build one from vacancies (dicts, a folder, a JSON Lines feed, a DataFrame) or open a
    folder; then match profiles against it. Use it as a context manager, or call
    :meth:`close`; a closed, missing or damaged index raises
    :class:`SportelloIndexError`. Queries can run from several threads at once.

    >>> idx = Index.build([{"id": "v1", "title": "Cuoco", "essential_skills": [{"label": "cucinare"}]}])
    >>> idx.stats()["vacancies"]
    1
    >>> idx.close()
    >>> idx.stats()
    Traceback (most recent call last):
    ...
    sportello._errors.SportelloIndexError: the index is closed
    """

    def __init__(self, native: Any) -> None:
        self._native = native

    # -- opening

    @classmethod
    def open(cls, path: PathLike) -> "Index":
        """Open the index in a folder."""
        return cls(_native.Index.open(os.fspath(path)))

    @classmethod
    def create(cls, path: PathLike) -> "Index":
        """Create an empty index in a new or empty folder."""
        return cls(_native.Index.create(os.fspath(path)))

    @classmethod
    def open_or_create(cls, path: PathLike) -> "Index":
        """Open the index in a folder, or create it when the folder is missing or empty."""
        return cls(_native.Index.open_or_create(os.fspath(path)))

    @classmethod
    def in_memory(cls) -> "Index":
        """An empty index in memory."""
        return cls(_native.Index.in_memory())

    @classmethod
    def build(cls, vacancies: Any, path: Optional[PathLike] = None, *, today: Today = None, errors: str = "raise") -> "Index":
        """Create an index (in ``path``, a new or empty folder; in memory when ``None``)
        and add ``vacancies`` (see :meth:`add`)."""
        idx = cls.in_memory() if path is None else cls.create(path)
        idx.add(vacancies, today=today, errors=errors)
        return idx

    @property
    def path(self) -> Optional[Path]:
        """The folder, or ``None`` in memory."""
        p = self._native.path
        return None if p is None else Path(p)

    @property
    def closed(self) -> bool:
        return bool(self._native.closed)

    def close(self) -> None:
        """Close the index; later calls raise :class:`SportelloIndexError`."""
        self._native.close()

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return repr(self._native)

    # -- content

    def add(self, vacancies: Any, *, today: Today = None, errors: str = "raise", commit_every: int = 100_000) -> Dict[str, Any]:
        """Add vacancies, replacing those with the same ``id``, and commit.

        ``vacancies``: a list of dicts/texts/paths, a folder, a ``.jsonl`` feed, or a
        DataFrame (one vacancy per row, columns as the vacancy's fields; null cells are
        absent fields). With ``errors="raise"`` (the default) nothing is added when any
        vacancy has errors: :class:`ValidationError` lists every problem with its ``row`` and
        ``id``. With ``errors="skip"`` bad rows are left out, returned in ``skipped`` and
        warned about (:class:`SportelloWarning`).

        Returns ``{"added", "vacancies" (now in the index), "unplaced" (skill labels not
        found in ESCO, matched by name), "skipped"}``.

        Each distinct skill label and title is searched in ESCO once, on all cores, and
        the labels placed are kept in the index folder, so the next call searches only its
        new ones (the same index comes out either way; see ``docs/matching.md``).
        """
        docs, from_frame = _inputs.docs(vacancies, "vacancies")
        out: Dict[str, Any] = self._native.add(docs, _inputs.today(today), from_frame, errors, commit_every)
        _warn_skipped(out["skipped"], "vacancies")
        return out

    def remove(self, ids: Union[str, Iterable[str]]) -> int:
        """Remove vacancies by id (unknown ids are ignored); returns how many are left."""
        return int(self._native.remove([ids] if isinstance(ids, str) else list(ids)))

    def stats(self) -> Dict[str, Any]:
        """``{"vacancies", "bytes", "segments", "schema_version"}``."""
        return self._native.stats()  # type: ignore[no-any-return]

    def __len__(self) -> int:
        return int(self.stats()["vacancies"])

    def get(self, vacancy_id: str) -> Optional[Dict[str, Any]]:
        """The vacancy as prepared for matching (skills placed in ESCO, place located), or
        ``None``."""
        return self._native.get(vacancy_id)  # type: ignore[no-any-return]

    def vacancies(self, *, output: str = "records") -> Any:
        """Every vacancy stored, as given: a list of dicts, or a DataFrame
        (``output="pandas"``)."""
        rows: List[Dict[str, Any]] = self._native.vacancies()
        if output == "records":
            return rows
        if output == "pandas":
            return _tables.import_pandas().DataFrame.from_records(rows)
        raise ValueError(f'output={output!r} (expected "records" or "pandas")')

    def reindex(self, *, today: Today = None) -> int:
        """Rebuild the index from the vacancies it stores (after an upgrade); returns the
        count."""
        return int(self._native.reindex(_inputs.today(today)))

    # -- matching

    def match(self, profile: Any, *, top: int = 10, include_excluded: bool = False, today: Today = None, weights: Weights = None) -> List[Dict[str, Any]]:
        """The best ``top`` vacancies for one profile (dict, text or path), best first.

        Each result has ``vacancy_id``, ``title``, ``profile_id``, ``score`` (0 to 1),
        ``excluded``, ``parts`` (each part's ``weight``, ``credit``, ``contribution``),
        ``matched`` (skills with their evidence), ``missing`` (essential skills lacking),
        ``occupation`` (the person's occupation closest to the vacancy's: ``by``, ``link``
        with ``how`` and the ISCO group, ``inferred``; or None), ``exclusions``,
        ``distance_km`` and ``hints``. Excluded vacancies (expired, beyond
        the commute, a missing licence...) come only with ``include_excluded``.
        """
        doc = _inputs.one(profile, "profile")
        return self._native.match_profile(doc, _inputs.today(today), top, include_excluded, _inputs.weights(weights))  # type: ignore[no-any-return]

    def match_batch(self, profiles: Any, *, top: int = 10, today: Today = None, weights: Weights = None, errors: str = "raise",
                    output: str = "pandas") -> Any:
        """The best ``top`` vacancies for each profile, on all cores.

        ``profiles``: a DataFrame (one profile per row: the profile's fields as columns, or
        a ``document`` column of dicts or JSON/YAML text; ids from an ``id`` column, else
        the index), a dict of id -> profile, a folder, or a list of dicts/texts/paths.

        ``output="pandas"`` (default), ``"polars"`` or ``"arrow"``: a table with one row per
        match and the columns of :data:`MATCH_COLUMNS` (``profile_id``, ``rank`` from 1,
        ``vacancy_id``, ``title``, ``score``, ``excluded``, ``distance_km``, the credit of
        each part or NaN where it does not apply, and the lists ``matched``, ``missing``
        and ``exclusions``). ``"records"``: the full result dicts (as :meth:`match`).
        ``"columns"``: a dict of column lists.

        ``errors`` as in :meth:`add`: bad profiles raise :class:`ValidationError` naming
        each ``row`` and field, or are skipped with a warning.
        """
        docs, from_frame = _inputs.docs(profiles, "profiles")
        if output not in ("pandas", "polars", "arrow", "records", "columns"):
            raise ValueError(f'output={output!r} (expected "pandas", "polars", "arrow", "records" or "columns")')
        records = output == "records"
        data, skipped = self._native.match_batch(docs, _inputs.today(today), top, _inputs.weights(weights), from_frame, errors, records)
        _warn_skipped(skipped, "profiles")
        return data if records else _tables.match_table(data, output)

    def candidates(self, vacancy_id: str, profiles: Any, *, top: int = 10, include_excluded: bool = False, today: Today = None,
                   weights: Weights = None, errors: str = "raise") -> List[Dict[str, Any]]:
        """The best ``top`` people among ``profiles`` (as in :meth:`match_batch`) for a
        vacancy of the index, best first (results as :meth:`match`)."""
        docs, from_frame = _inputs.docs(profiles, "profiles")
        results, skipped = self._native.candidates(vacancy_id, docs, _inputs.today(today), top, include_excluded, _inputs.weights(weights), from_frame, errors)
        _warn_skipped(skipped, "profiles")
        return results  # type: ignore[no-any-return]

    def explain(self, profile: Any, vacancy_id: str, *, lang: str = "it", today: Today = None, weights: Weights = None) -> Dict[str, Any]:
        """Score one profile against one vacancy of the index: the result (as
        :meth:`match`, whether excluded or not) with its ``explanation`` in ``lang``
        (``it`` or ``en``)."""
        doc = _inputs.one(profile, "profile")
        return self._native.explain(doc, vacancy_id, _inputs.today(today), lang, _inputs.weights(weights))  # type: ignore[no-any-return]

    def skill_gaps(self, profiles: Any, *, by: str = "all", top: int = 10, today: Today = None, weights: Weights = None,
                   errors: str = "raise", output: str = "pandas") -> Any:
        """See :func:`skill_gaps`."""
        docs, from_frame = _inputs.docs(profiles, "profiles")
        rows, skipped = self._native.skill_gaps(docs, _inputs.today(today), by, top, _inputs.weights(weights), from_frame, errors)
        _warn_skipped(skipped, "profiles")
        return _tables.records_table(rows, _tables.GAP_COLUMNS, output)


def skill_gaps(profiles: Any, index: Index, *, by: str = "all", top: int = 10, today: Today = None, weights: Weights = None,
               errors: str = "raise", output: str = "pandas") -> Any:
    """Which essential skills a cohort lacks most.

    Matches every profile against ``index`` (``top`` vacancies each, as
    :meth:`Index.match_batch`) and counts the essential skills missing in those matches,
    for the whole cohort (``by="all"``) or per occupation (``"occupation"``, the
    vacancies' ESCO occupation) or comune (``"comune"``, the vacancies' ISTAT code). The
    same ESCO skill counts once whatever each vacancy calls it.

    One row per (group, skill), most missing first, with the columns of
    :data:`GAP_COLUMNS`: ``group``, ``group_label``, ``skill``, ``uri``, ``missing`` (in
    how many matches), ``people`` (how many distinct people lack it), ``matches`` (in the
    group) and ``share`` (``missing / matches``). ``output``: ``"pandas"``,
    ``"polars"`` or ``"records"``.

    >>> idx = Index.build([{"id": "v1", "title": "Magazziniere", "essential_skills": [{"label": "muletto"}, {"label": "HACCP"}]}])
    >>> people = [{"person": {"given_name": n, "family_name": "X"}, "skills": [{"label": "muletto"}]} for n in ("A", "B")]
    >>> [(g["skill"], g["people"], g["share"]) for g in skill_gaps(people, idx, output="records", today="2026-11-23")]
    [('HACCP', 2, 1.0)]
    """
    return index.skill_gaps(profiles, by=by, top=top, today=today, weights=weights, errors=errors, output=output)
