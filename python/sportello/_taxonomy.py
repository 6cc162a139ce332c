"""ESCO skills and occupations (:class:`Taxonomy` and the module-level functions, which
use the embedded taxonomy) and the Italian comuni (:func:`find_place`,
:func:`search_places`): the core's ``taxonomy`` and ``geo``.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, List, Optional

from . import _sportello as _native
from ._inputs import PathLike

__all__ = [
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
]


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
        self, text: str, *, limit: int = 10, lang: str = "it", only_lang: Optional[str] = None, min_similarity: float = _native.DEFAULT_MIN_SIMILARITY
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
        self, text: str, *, limit: int = 10, lang: str = "it", only_lang: Optional[str] = None, min_similarity: float = _native.DEFAULT_MIN_SIMILARITY
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
    text: str, *, limit: int = 10, lang: str = "it", only_lang: Optional[str] = None, min_similarity: float = _native.DEFAULT_MIN_SIMILARITY
) -> List[Dict[str, Any]]:
    """ESCO skills for free text, typos and Italian labels included (see :meth:`Taxonomy.search_skills`).

    >>> [(h["preferred_label"], h["kind"]) for h in search_skills("operate forklfit", limit=1, lang="en")]
    [('operate forklift', 'fuzzy')]
    >>> search_skills("types of condiments for a live-in carer")
    []
    """
    return _esco().search_skills(text, limit=limit, lang=lang, only_lang=only_lang, min_similarity=min_similarity)


def search_occupations(
    text: str, *, limit: int = 10, lang: str = "it", only_lang: Optional[str] = None, min_similarity: float = _native.DEFAULT_MIN_SIMILARITY
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
