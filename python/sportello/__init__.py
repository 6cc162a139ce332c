"""Sportello: CV building and explainable job matching for Italian job desks.

Everything runs in the Rust core (``sportello._sportello``); this package converts
Python values (dicts, JSON/YAML text, paths, pandas or polars DataFrames) and forwards.
Long calls release the GIL, batches use all cores, and one :class:`Index` can be queried
from several threads at once.

>>> import sportello as sp
>>> vacancy = {"id": "v1", "title": "Magazziniere", "place": {"istat": "003149"},
...            "essential_skills": [{"label": "muletto"}, {"label": "HACCP"}]}
>>> profile = {"person": {"given_name": "Anna", "family_name": "Bo"},
...            "skills": [{"label": "muletto"}], "mobility": {"home": {"istat": "003106"}}}
>>> idx = sp.Index.build([vacancy])
>>> [(m["vacancy_id"], m["missing"]) for m in idx.match(profile, today="2026-11-23")]
[('v1', ['HACCP'])]
>>> try:
...     sp.validate({"person": {"given_name": "Anna"}})
... except sp.ValidationError as e:
...     print([(p["path"], p["severity"]) for p in e.problems])
[('person.family_name', 'error'), ('skills', 'warning')]

Main entry points: :func:`validate`, :func:`load_profile`, :func:`load_vacancy`,
:func:`render`, :func:`search_skills`, :func:`normalise_skill`, :func:`suggest_skills`,
:func:`find_place`, :class:`Index` (``build``, ``open``, ``add``, ``match``,
``match_batch``, ``candidates``, ``explain``, ``skill_gaps``), :func:`skill_gaps`,
:func:`explain`; :mod:`sportello.dask` scales ``match_batch`` out with Dask.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import threading
import warnings
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _inputs
from . import _sportello as _native
from ._errors import (
    ImportFormatError,
    InternalError,
    PlaceError,
    RenderError,
    SportelloError,
    SportelloIndexError,
    SportelloWarning,
    TaxonomyError,
    ValidationError,
    _warn_skipped,
)

__version__: str = _native.__version__

#: The columns of :meth:`Index.match_batch` tables and their kinds
#: (``str``, ``int``, ``float``, ``bool``, ``list``), in order.
MATCH_COLUMNS: List[Tuple[str, str]] = [tuple(c) for c in _native.MATCH_COLUMNS]  # type: ignore[misc]
#: The similarity below which a search shows nothing (``min_similarity`` lowers it).
DEFAULT_MIN_SIMILARITY: float = _native.DEFAULT_MIN_SIMILARITY
#: How many matches are returned unless ``top`` says otherwise (as in the CLI and widget).
DEFAULT_TOP: int = _native.DEFAULT_TOP
#: How many search results are returned unless ``limit`` says otherwise.
DEFAULT_SEARCH_LIMIT: int = _native.DEFAULT_SEARCH_LIMIT
#: The columns of :func:`skill_gaps` tables, in order.
GAP_COLUMNS: List[str] = ["group", "group_label", "skill", "uri", "missing", "people", "matches", "share"]

Today = Union[None, str, _dt.date]
Weights = Optional[Mapping[str, float]]
PathLike = Union[str, "os.PathLike[str]"]

__all__ = [
    "__version__",
    "SportelloError",
    "ValidationError",
    "RenderError",
    "SportelloIndexError",
    "TaxonomyError",
    "PlaceError",
    "ImportFormatError",
    "InternalError",
    "SportelloWarning",
    "MATCH_COLUMNS",
    "DEFAULT_MIN_SIMILARITY",
    "DEFAULT_TOP",
    "DEFAULT_SEARCH_LIMIT",
    "GAP_COLUMNS",
    "validate",
    "load",
    "load_profile",
    "load_vacancy",
    "render",
    "render_pages",
    "templates",
    "Renderer",
    "Taxonomy",
    "search_skills",
    "search_occupations",
    "normalise_skill",
    "normalise_occupation",
    "suggest_skills",
    "suggest_occupations",
    "concept",
    "find_place",
    "search_places",
    "Index",
    "explain",
    "match_feed",
    "skill_gaps",
    "default_weights",
    "redact",
]


# ----- documents -----------------------------------------------------------------------


def validate(source: Any, *, kind: Optional[str] = None, today: Today = None, lang: str = "en") -> List[Dict[str, Any]]:
    """Validate a profile or vacancy and return its warnings.

    ``source`` is a dict, JSON or YAML text, or a path (a ``pathlib.Path``, or a one-line
    string ending in ``.json``, ``.yaml`` or ``.yml``). ``kind`` is ``"profile"``,
    ``"vacancy"`` or ``None`` (told apart by the fields). ``today`` (default: the clock, or
    ``SPORTELLO_TODAY``) enables the calendar checks.

    Each warning is a dict with ``severity``, ``path``, ``code`` and ``args`` (stable),
    ``message`` and ``hint`` (worded by the core in ``lang``: ``"en"`` or ``"it"``). Raises
    :class:`ValidationError` when the document has errors; its ``problems`` lists them all.

    >>> validate("person: {given_name: Maria, family_name: Rossi}\\nskills: [{label: pulizia}]")
    []
    >>> try:
    ...     validate({"person": {"given_name": "A"}, "work": [{"role": "x", "start": "2021-13"}]})
    ... except ValidationError as e:
    ...     sorted(p["path"] for p in e.problems if p["severity"] == "error")
    ['person.family_name', 'work[0].start']
    >>> try:
    ...     validate({"person": {"given_name": "A", "family_name": "B", "email": "x"}}, lang="it")
    ... except ValidationError as e:
    ...     [(p["code"], p["message"]) for p in e.problems if p["severity"] == "error"]
    [('not_an_email', '"x" non è un indirizzo e-mail (ad esempio nome@esempio.it)')]
    """
    return _native.validate(_inputs.text(source, "document"), kind, _inputs.today(today), lang)  # type: ignore[no-any-return]


def load(source: Any, *, kind: Optional[str] = None, today: Today = None) -> Dict[str, Any]:
    """Read a profile or vacancy: ``{"kind": "profile" | "vacancy", "document": {...},
    "warnings": [...]}``, the document with every default filled in.

    >>> load({"id": "v1", "title": "Cuoco", "essential_skills": [{"label": "cucinare"}]})["kind"]
    'vacancy'
    """
    return _native.load(_inputs.text(source, "document"), kind, _inputs.today(today))  # type: ignore[no-any-return]


def load_profile(source: Any, *, today: Today = None) -> Dict[str, Any]:
    """Read and validate a profile (dict, text or path); return it with defaults filled in.

    >>> load_profile({"person": {"given_name": "Anna", "family_name": "Bo"}})["person"]["family_name"]
    'Bo'
    """
    return _native.load(_inputs.text(source, "profile"), "profile", _inputs.today(today))["document"]  # type: ignore[no-any-return]


def load_vacancy(source: Any, *, today: Today = None) -> Dict[str, Any]:
    """Read and validate a vacancy (dict, text or path); return it with defaults filled in."""
    return _native.load(_inputs.text(source, "vacancy"), "vacancy", _inputs.today(today))["document"]  # type: ignore[no-any-return]


def redact(profile: Any, key: Union[str, bytes], *, keep_birth_year: bool = False) -> Dict[str, Any]:
    """A pseudonymised copy of a profile for analysis (the same as ``sportello redact``).

    The name becomes ``P-`` and 12 hex digits, a keyed hash (HMAC-SHA256) of the person's
    identity: the same key gives the same pseudonym, so cohorts can be linked across
    exports, and nobody without the key can recompute it. Contacts, the photo, free-text
    descriptions and every sensitive field go (``keep_birth_year`` keeps the year of
    birth for age bands); names, phone numbers and e-mails inside the remaining texts
    are masked; the home becomes its comune. The key must have at least 16 bytes.

    >>> p = {"person": {"given_name": "Maria", "family_name": "Rossi", "email": "m@x.it"},
    ...      "skills": [{"label": "pulizia"}], "sensitive": {"sex": "F"}}
    >>> r = redact(p, "a-secret-key-of-the-desk")
    >>> r["person"]["given_name"].startswith("P-"), "email" in r["person"], "sensitive" in r
    (True, False, False)
    >>> r == redact(p, "a-secret-key-of-the-desk")
    True
    """
    return _native.redact(_inputs.text(profile, "profile"), key, keep_birth_year)  # type: ignore[no-any-return]


def default_weights() -> Dict[str, float]:
    """The matcher's default weights (see ``docs/matching.md``); pass a dict with some of
    these keys as ``weights=`` to change them.

    >>> default_weights()["essential_skills"]
    0.4
    """
    return _native.default_weights()  # type: ignore[no-any-return]


# ----- rendering -----------------------------------------------------------------------


class Renderer:
    """Renders CVs with the shipped templates (``europass``, ``modern``, ``plain``) and any
    you add. Fonts and templates are loaded once; reuse one renderer. :func:`render` uses a
    shared default renderer.

    >>> r = Renderer()
    >>> sorted(t["name"] for t in r.templates())
    ['europass', 'modern', 'plain']
    """

    def __init__(self) -> None:
        self._native = _native.Renderer()

    def add_template(self, name: str, files: Union[Mapping[str, str], PathLike], description: str = "") -> None:
        """Add a user template: a folder, or a dict of its files (path relative to the
        template folder -> text). It needs a ``main.typ``; see ``templates/README.md``."""
        if not isinstance(files, Mapping):
            root = Path(files)
            files = {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file() and p.suffix in (".typ", ".json", ".yaml", ".yml", ".txt", ".csv")}
        self._native.add_template(name, dict(files), description)

    def templates(self) -> List[Dict[str, Any]]:
        """The templates: ``name``, ``description``, ``builtin``."""
        return self._native.templates()  # type: ignore[no-any-return]

    def locales(self) -> List[str]:
        """The locale codes (``it``, ``en``)."""
        return self._native.locales()  # type: ignore[no-any-return]

    def fonts(self) -> List[str]:
        """The font families templates can use."""
        return self._native.fonts()  # type: ignore[no-any-return]

    def render_pages(self, profile: Any, *, template: Optional[str] = None, lang: Optional[str] = None, format: str = "pdf", dpi: float = 144.0,
                     pdf_standard: Optional[str] = None, options: Optional[Mapping[str, Any]] = None, photo: Optional[bytes] = None,
                     today: Today = None) -> Tuple[List[bytes], int, List[str]]:
        """Render a profile: ``(files, pages, warnings)``; ``files`` is one PDF, or one SVG
        or PNG per page, or the plain text (``format="text"``)."""
        files, pages, warnings = self._native.render(
            _inputs.text(profile, "profile"), template, lang, format, float(dpi), pdf_standard,
            None if options is None else json.dumps(dict(options)), photo, _inputs.today(today))
        return files, pages, warnings

    def render(self, profile: Any, *, template: Optional[str] = None, lang: Optional[str] = None, format: str = "pdf", dpi: float = 144.0,
               pdf_standard: Optional[str] = None, options: Optional[Mapping[str, Any]] = None, photo: Optional[bytes] = None,
               today: Today = None, out: Optional[PathLike] = None) -> Any:
        """Render a profile (see :func:`render`)."""
        files, _, _ = self.render_pages(profile, template=template, lang=lang, format=format, dpi=dpi, pdf_standard=pdf_standard,
                                        options=options, photo=photo, today=today)
        if out is None:
            return files[0]
        return _write(Path(out), files)

    def render_many(self, profiles: Any, *, template: Optional[str] = None, lang: Optional[str] = None, format: str = "pdf",
                    dpi: float = 144.0, pdf_standard: Optional[str] = None, options: Optional[Mapping[str, Any]] = None,
                    today: Today = None, errors: str = "raise") -> List[Dict[str, Any]]:
        """Render many profiles (a list, a folder, a DataFrame...) on all cores. Returns one
        dict per profile, in order: ``id``, ``files``, ``pages``, ``warnings`` and ``error``
        (``None``, or the exception when ``errors="skip"``; with ``"raise"``, the first error
        is raised)."""
        if errors not in ("raise", "skip"):
            raise ValueError(f'errors={errors!r} (expected "raise" or "skip")')
        docs, from_frame = _inputs.docs(profiles, "profiles")
        out = self._native.render_many(docs, template, lang, format, float(dpi), pdf_standard,
                                       None if options is None else json.dumps(dict(options)), _inputs.today(today), from_frame)
        items: List[Dict[str, Any]] = []
        for (doc_id, _), item in zip(docs, out):
            if isinstance(item, BaseException):
                if errors == "raise":
                    raise item
                items.append({"id": doc_id, "files": [], "pages": 0, "warnings": [], "error": item})
            else:
                files, pages, warnings = item
                items.append({"id": doc_id, "files": files, "pages": pages, "warnings": warnings, "error": None})
        return items


def _write(out: Path, files: List[bytes]) -> List[Path]:
    if len(files) == 1:
        out.write_bytes(files[0])
        return [out]
    paths = [out.with_name(f"{out.stem}-{i + 1}{out.suffix}") for i in range(len(files))]
    for p, data in zip(paths, files):
        p.write_bytes(data)
    return paths


_DEFAULT_RENDERER: Optional[Renderer] = None
_RENDERER_LOCK = threading.Lock()


def _renderer() -> Renderer:
    global _DEFAULT_RENDERER
    with _RENDERER_LOCK:
        if _DEFAULT_RENDERER is None:
            _DEFAULT_RENDERER = Renderer()
        return _DEFAULT_RENDERER


def render(profile: Any, *, template: Optional[str] = None, lang: Optional[str] = None, format: str = "pdf", dpi: float = 144.0,
           pdf_standard: Optional[str] = None, options: Optional[Mapping[str, Any]] = None, photo: Optional[bytes] = None,
           today: Today = None, out: Optional[PathLike] = None) -> Any:
    """Render a CV.

    ``profile`` is a dict, JSON/YAML text or a path. ``template`` (default: the profile's
    choice, else ``europass``), ``lang`` (``it`` or ``en``), ``format`` (``pdf``, ``svg``,
    ``png``, ``text``), ``dpi`` for PNG, ``pdf_standard`` (``ua-1``, ``a-2b``), ``options``
    overriding the profile's ``render`` block, ``photo`` (JPEG or PNG bytes), ``today`` (for
    the signature date).

    Returns the bytes (the PDF, or the first page of SVG/PNG: see :func:`render_pages` for
    all pages), or, with ``out``, writes the file(s) (``cv-1.png``, ``cv-2.png``... for
    several pages) and returns their paths. Raises :class:`RenderError`.

    >>> pdf = render({"person": {"given_name": "Anna", "family_name": "Bo"}}, template="europass", lang="it")
    >>> pdf[:5]
    b'%PDF-'
    """
    return _renderer().render(profile, template=template, lang=lang, format=format, dpi=dpi, pdf_standard=pdf_standard,
                              options=options, photo=photo, today=today, out=out)


def render_pages(profile: Any, **kwargs: Any) -> Tuple[List[bytes], int, List[str]]:
    """Render a CV and return ``(files, pages, warnings)`` (arguments as :func:`render`)."""
    return _renderer().render_pages(profile, **kwargs)


def templates() -> List[Dict[str, Any]]:
    """The templates of the default renderer."""
    return _renderer().templates()


# ----- taxonomy and places -------------------------------------------------------------


class Taxonomy:
    """ESCO skills and occupations: the embedded taxonomy (ESCO's English labels plus
    Sportello's own Italian labels), or one read from the official ESCO CSV download. The
    module-level functions (:func:`search_skills`...) use the embedded one; matching always does.

    >>> t = Taxonomy.embedded()
    >>> t.search_skills("muletto")[0]["preferred_label"]
    'utilizzare il carrello elevatore'
    >>> t.search_skills("muletto", lang="en")[0]["preferred_label"]
    'operate forklift'
    """

    def __init__(self, native: Any) -> None:
        self._native = native

    @classmethod
    def embedded(cls) -> "Taxonomy":
        """The embedded taxonomy (ESCO v1.1.1)."""
        return cls(_native.Taxonomy.embedded())

    @classmethod
    def from_esco_csv(cls, folder: PathLike, lang: str) -> "Taxonomy":
        """Read the unzipped ESCO CSV download (classification, CSV) of ``lang``."""
        return cls(_native.Taxonomy.from_esco_csv(os.fspath(folder), lang))

    def with_language(self, folder: PathLike, lang: str) -> "Taxonomy":
        """A copy with another language's labels from its ESCO CSV download."""
        return Taxonomy(self._native.with_language(os.fspath(folder), lang))

    def languages(self) -> List[str]:
        """The label languages."""
        return self._native.languages()  # type: ignore[no-any-return]

    def search_skills(
        self, text: str, *, limit: int = 10, lang: str = "it", only_lang: Optional[str] = None, min_similarity: float = DEFAULT_MIN_SIMILARITY
    ) -> List[Dict[str, Any]]:
        """ESCO skills for free text, best first; each hit has ``uri``, ``preferred_label``
        (in ``lang`` where there is such a label; ``preferred_label_lang`` says which
        language it is in, ``preferred_label_source`` who wrote it), ``matched_label``,
        ``kind`` (exact, alt_label, synonym, token, fuzzy, via_occupation), ``label_kind``,
        ``label_source``, ``similarity``, ``lang`` and, for a job title typed as a skill,
        ``via_occupation``. Text that matches nothing at least ``min_similarity`` well
        gives no hits; ``only_lang`` matches labels of one language only."""
        return self._native.search("skill", text, limit, lang, only_lang, min_similarity)  # type: ignore[no-any-return]

    def search_occupations(
        self, text: str, *, limit: int = 10, lang: str = "it", only_lang: Optional[str] = None, min_similarity: float = DEFAULT_MIN_SIMILARITY
    ) -> List[Dict[str, Any]]:
        """ESCO occupations for a job title, best first (hits as :meth:`search_skills`)."""
        return self._native.search("occupation", text, limit, lang, only_lang, min_similarity)  # type: ignore[no-any-return]

    def normalise_skill(self, label: str) -> Optional[Dict[str, Any]]:
        """The ESCO skill the matcher places a label on (``uri``, ``how``,
        ``matched_label``, ``similarity``), or ``None``."""
        return self._native.normalise("skill", label)  # type: ignore[no-any-return]

    def normalise_occupation(self, label: str) -> Optional[Dict[str, Any]]:
        """The ESCO occupation the matcher places a job title on, or ``None``."""
        return self._native.normalise("occupation", label)  # type: ignore[no-any-return]

    def suggest_skills(self, occupation_uri: str, *, relation: str = "essential", lang: str = "it") -> List[Dict[str, Any]]:
        """The skills of an occupation (``relation``: essential, optional or all), labels in ``lang``."""
        return self._native.occupation_skills(occupation_uri, relation, lang)  # type: ignore[no-any-return]

    def suggest_occupations(self, skill_uris: Iterable[str], *, limit: int = 10) -> List[Dict[str, Any]]:
        """The occupations that best fit a set of ESCO skill URIs, best first."""
        return self._native.occupations_for_skills(list(skill_uris), limit)  # type: ignore[no-any-return]

    def concept(self, uri: str) -> Optional[Dict[str, Any]]:
        """A concept by URI with all its labels, or ``None``."""
        return self._native.concept(uri)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return repr(self._native)


_EMBEDDED: Optional[Taxonomy] = None


def _esco() -> Taxonomy:
    global _EMBEDDED
    if _EMBEDDED is None:
        _EMBEDDED = Taxonomy.embedded()
    return _EMBEDDED


def search_skills(
    text: str, *, limit: int = 10, lang: str = "it", only_lang: Optional[str] = None, min_similarity: float = DEFAULT_MIN_SIMILARITY
) -> List[Dict[str, Any]]:
    """ESCO skills for free text, typos and Italian labels included (see :meth:`Taxonomy.search_skills`).

    >>> [(h["preferred_label"], h["kind"]) for h in search_skills("operate forklfit", limit=1, lang="en")]
    [('operate forklift', 'fuzzy')]
    >>> search_skills("types of condiments for a live-in carer")
    []
    """
    return _esco().search_skills(text, limit=limit, lang=lang, only_lang=only_lang, min_similarity=min_similarity)


def search_occupations(
    text: str, *, limit: int = 10, lang: str = "it", only_lang: Optional[str] = None, min_similarity: float = DEFAULT_MIN_SIMILARITY
) -> List[Dict[str, Any]]:
    """ESCO occupations for a job title."""
    return _esco().search_occupations(text, limit=limit, lang=lang, only_lang=only_lang, min_similarity=min_similarity)


def normalise_skill(label: str) -> Optional[Dict[str, Any]]:
    """The ESCO skill the matcher places a free-text skill on, or ``None``.

    >>> normalise_skill("muletto")["uri"]
    'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da'
    """
    return _esco().normalise_skill(label)


def normalise_occupation(label: str) -> Optional[Dict[str, Any]]:
    """The ESCO occupation the matcher places a job title on, or ``None``."""
    return _esco().normalise_occupation(label)


def suggest_skills(occupation_uri: str, *, relation: str = "essential", lang: str = "it") -> List[Dict[str, Any]]:
    """The skills ESCO lists for an occupation (``relation``: essential, optional, all),
    labels in ``lang`` (``preferred_label_lang`` says where none exists in that language).

    >>> warehouse_worker = "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f"
    >>> "operate warehouse materials" in [s["preferred_label"] for s in suggest_skills(warehouse_worker, lang="en")]
    True
    >>> {s["preferred_label_lang"] for s in suggest_skills(warehouse_worker)}
    {'it'}
    """
    return _esco().suggest_skills(occupation_uri, relation=relation, lang=lang)


def suggest_occupations(skill_uris: Iterable[str], *, limit: int = 10) -> List[Dict[str, Any]]:
    """The occupations that best fit a set of ESCO skill URIs."""
    return _esco().suggest_occupations(skill_uris, limit=limit)


def concept(uri: str) -> Optional[Dict[str, Any]]:
    """An ESCO concept by URI, with every label, or ``None``."""
    return _esco().concept(uri)


def find_place(name: str) -> Dict[str, Any]:
    """The Italian comune a name stands for (``comune`` with ``istat``, ``name``,
    ``province``, ``region``, ``coordinates``; ``kind``; ``similarity``; ``ambiguous``).
    Raises :class:`PlaceError` with ``suggestions`` when none does.

    >>> find_place("Trecate")["comune"]["istat"]
    '003149'
    """
    return _native.find_place(name)  # type: ignore[no-any-return]


def search_places(name: str, *, limit: int = 10) -> List[Dict[str, Any]]:
    """Comuni matching a name, best first (possibly none)."""
    return _native.search_places(name, limit)  # type: ignore[no-any-return]


# ----- matching ------------------------------------------------------------------------


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("output='pandas' needs pandas: pip install pandas (or pass output='records')") from None
    return pandas


_DTYPES = {"str": "str", "int": "int64", "float": "float64", "bool": "bool", "list": "object"}


def _table(columns: Dict[str, List[Any]], output: str) -> Any:
    """A dict of column lists as a DataFrame, built column by column (no loop over rows)."""
    if output == "pandas":
        pd = _pandas()
        df = pd.DataFrame(columns)
        return df.astype({name: _DTYPES[kind] for name, kind in MATCH_COLUMNS})
    if output == "polars":
        import polars as pl

        return pl.DataFrame(columns)
    if output == "arrow":
        import pyarrow as pa

        return pa.table(columns)
    if output == "columns":
        return columns
    raise ValueError(f'output={output!r} (expected "pandas", "polars", "arrow", "records" or "columns")')


def _records_table(rows: List[Dict[str, Any]], names: List[str], output: str) -> Any:
    if output == "records":
        return rows
    if output == "pandas":
        return _pandas().DataFrame.from_records(rows, columns=names)
    if output == "polars":
        import polars as pl

        return pl.DataFrame(rows, schema=names) if rows else pl.DataFrame({n: [] for n in names})
    raise ValueError(f'output={output!r} (expected "pandas", "polars" or "records")')


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

    def add(self, vacancies: Any, *, today: Today = None, errors: str = "raise", commit_every: int = 10_000) -> Dict[str, Any]:
        """Add vacancies, replacing those with the same ``id``, and commit.

        ``vacancies``: a list of dicts/texts/paths, a folder, a ``.jsonl`` feed, or a
        DataFrame (one vacancy per row, columns as the vacancy's fields; null cells are
        absent fields). With ``errors="raise"`` (the default) nothing is added when any
        vacancy has errors: :class:`ValidationError` lists every problem with its ``row`` and
        ``id``. With ``errors="skip"`` bad rows are left out, returned in ``skipped`` and
        warned about (:class:`SportelloWarning`).

        Returns ``{"added", "vacancies" (now in the index), "unplaced" (skill labels not
        found in ESCO, matched by name), "skipped"}``.
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
            return _pandas().DataFrame.from_records(rows)
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
        return data if records else _table(data, output)

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
        :meth:`match`, whether excluded or not) with an ``explanation`` text in ``lang``
        (``it`` or ``en``)."""
        doc = _inputs.one(profile, "profile")
        return self._native.explain(doc, vacancy_id, _inputs.today(today), lang, _inputs.weights(weights))  # type: ignore[no-any-return]

    def skill_gaps(self, profiles: Any, *, by: str = "all", top: int = 10, today: Today = None, weights: Weights = None,
                   errors: str = "raise", output: str = "pandas") -> Any:
        """See :func:`skill_gaps`."""
        docs, from_frame = _inputs.docs(profiles, "profiles")
        rows, skipped = self._native.skill_gaps(docs, _inputs.today(today), by, top, _inputs.weights(weights), from_frame, errors)
        _warn_skipped(skipped, "profiles")
        return _records_table(rows, GAP_COLUMNS, output)


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


def explain(profile: Any, vacancy: Any, *, lang: str = "it", today: Today = None, weights: Weights = None) -> Dict[str, Any]:
    """Score one profile against one vacancy (dicts, texts or paths; no index needed) and
    explain it: the result (as :meth:`Index.match`) with an ``explanation`` in ``lang``.

    >>> r = explain({"person": {"given_name": "A", "family_name": "B"}, "skills": [{"label": "muletto"}]},
    ...             {"id": "v1", "title": "Carrellista", "essential_skills": [{"label": "muletto"}, {"label": "HACCP"}]},
    ...             lang="en", today="2026-11-23")
    >>> r["missing"]
    ['HACCP']
    >>> print(r["explanation"]["heading"])  # doctest: +ELLIPSIS
    v1 – Carrellista (...%)
    >>> [m["evidence"] for m in r["explanation"]["matched"]]
    ['same ESCO skill']
    """
    p_id, p_text = _inputs.one(profile, "profile")
    return _native.explain(p_text, _inputs.text(vacancy, "vacancy"), _inputs.today(today), lang, _inputs.weights(weights), p_id)  # type: ignore[no-any-return]


def match_feed(profile: Any, feed: Any, *, lang: str = "it", top: int = DEFAULT_TOP, include_excluded: bool = False,
               today: Today = None, weights: Weights = None) -> List[Dict[str, Any]]:
    """Rank the vacancies of a feed for one profile, in memory (no index), as the widget
    does: ``feed`` is a path or the text of a JSON array of vacancies or of JSON Lines.
    Each match is ``{"vacancy", "result", "explanation"}`` with the explanation in
    ``lang``; entries of the feed that are not usable vacancies are left out with a
    :class:`SportelloWarning` naming their line.

    >>> feed = '{"id": "v1", "title": "Carrellista", "essential_skills": [{"label": "muletto"}]}\\n'
    >>> best = match_feed({"person": {"given_name": "A", "family_name": "B"}, "skills": [{"label": "muletto"}]},
    ...                   feed, today="2026-11-23")
    >>> [(m["vacancy"]["id"], m["explanation"]["parts"][0]["label"]) for m in best]
    [('v1', 'competenze essenziali')]
    """
    p_id, p_text = _inputs.one(profile, "profile")
    feed_text = _inputs.text(feed, "feed")
    matches, problems = _native.match_feed(p_text, feed_text, _inputs.today(today), lang, top, include_excluded, _inputs.weights(weights), p_id)
    if problems:
        lines = ", ".join(str(p["line"]) for p in problems)
        warnings.warn(f"skipped {len(problems)} vacancies of the feed (lines {lines}); first: {problems[0]['message']}", SportelloWarning, stacklevel=2)
    return matches  # type: ignore[no-any-return]
