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
:func:`explain`, :func:`tailored_cv` and :func:`cover_letter` (applying to one
vacancy); :mod:`sportello.dask` scales ``match_batch`` out with Dask.
"""

from __future__ import annotations

from typing import List, Tuple

from . import _sportello as _native
from ._apply import cover_letter, tailored_cv
from ._desk import Desk
from ._documents import load, load_profile, load_vacancy, redact, validate
from ._errors import (
    DeskError,
    ImportFormatError,
    InternalError,
    PlaceError,
    RenderError,
    SportelloError,
    SportelloIndexError,
    SportelloWarning,
    TaxonomyError,
    ValidationError,
)
from ._index import Index, skill_gaps
from ._inputs import PathLike, Today, Weights  # the argument types, as before (not in __all__)
from ._matching import default_weights, explain, match_feed
from ._render import Renderer, render, render_pages, templates
from ._tables import GAP_COLUMNS
from ._taxonomy import (
    Taxonomy,
    concept,
    find_place,
    normalise_occupation,
    normalise_skill,
    search_occupations,
    search_places,
    search_skills,
    suggest_occupations,
    suggest_skills,
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
# GAP_COLUMNS, the columns of :func:`skill_gaps` tables, is defined in ._tables, which builds them.

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
    "DeskError",
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
    "tailored_cv",
    "cover_letter",
    "Desk",
]
