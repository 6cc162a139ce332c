"""Profiles and vacancies as documents: validating, loading (every default filled in) and
pseudonymising them (the core's ``load``, ``validate`` and ``redact``).

Sources are dicts, JSON/YAML text or paths, turned into text by :mod:`._inputs`.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Union

from . import _inputs
from . import _sportello as _native
from ._errors import ValidationError  # raised by the core; the doctests catch it
from ._inputs import Today

__all__ = ["validate", "load", "load_profile", "load_vacancy", "redact"]


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
