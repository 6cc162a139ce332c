"""Applying to one vacancy (the core's ``sportello::apply``): a CV tailored to it and a
cover letter for it, from the person's profile and the matcher's evidence. Nothing is
invented or reworded: the CV is only reordered (and, with a page limit, shortened), and
every sentence of the letter comes from a template and a named field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional

from . import _inputs
from . import _sportello as _native
from ._inputs import PathLike, Today
from ._render import Renderer, _renderer, _write

__all__ = ["tailored_cv", "cover_letter"]


def tailored_cv(profile: Any, vacancy: Any, *, max_pages: Optional[int] = None, template: Optional[str] = None, lang: str = "it",
                format: str = "pdf", dpi: float = 144.0, today: Today = None, out: Optional[PathLike] = None,
                renderer: Optional[Renderer] = None) -> Dict[str, Any]:
    """The CV of ``profile`` for ``vacancy`` (each a dict, JSON/YAML text or a path): skills,
    jobs and highlights in the order of what the vacancy asks, and with ``max_pages`` the
    fewest unrelated items left out to fit. Returns ``files`` (or, with ``out``, ``paths``),
    ``pages``, ``warnings`` and ``changes``: what moved or was left out and why
    (``path``, ``item``, ``from``, ``to`` (``None``: left out), ``why``, in ``lang``).

    >>> vacancy = {"id": "v1", "title": "Cuoco", "essential_skills": [{"label": "HACCP"}]}
    >>> profile = {"person": {"given_name": "Anna", "family_name": "Bo"},
    ...            "skills": [{"label": "pasticceria"}, {"label": "HACCP"}]}
    >>> cv = tailored_cv(profile, vacancy, format="text", today="2026-11-23")
    >>> [(c["item"], c["from"], c["to"]) for c in cv["changes"]]
    [('HACCP', 1, 0)]
    """
    r = renderer or _renderer()
    files, pages, warnings, changes = _native.tailored_cv(
        r._native, _inputs.text(profile, "profile"), _inputs.text(vacancy, "vacancy"), _inputs.today(today), lang, template, format,
        float(dpi), max_pages)
    return _result(files, out, pages=pages, warnings=warnings, changes=changes)


def cover_letter(profile: Any, vacancy: Any, *, lang: str = "it", format: str = "pdf", dpi: float = 144.0, today: Today = None,
                 out: Optional[PathLike] = None, renderer: Optional[Renderer] = None) -> Dict[str, Any]:
    """A one-page cover letter from ``profile`` for ``vacancy`` (each a dict, JSON/YAML text
    or a path), in ``lang`` (``it`` or ``en``). Returns ``letter`` (its parts as data: each
    paragraph with the ``template`` and the profile's ``fields`` it came from; the
    person's own paragraphs from the profile's ``cover_letters`` when they wrote them),
    ``files`` (or, with ``out``, ``paths``) and ``pages``.

    >>> vacancy = {"id": "v1", "title": "Cuoco", "employer": "Trattoria Bo", "essential_skills": [{"label": "HACCP"}]}
    >>> profile = {"person": {"given_name": "Anna", "family_name": "Bo"}, "skills": [{"label": "HACCP"}]}
    >>> letter = cover_letter(profile, vacancy, format="text", today="2026-11-23")
    >>> "HACCP" in letter["files"][0].decode()
    True
    """
    r = renderer or _renderer()
    letter, files, pages = _native.cover_letter(
        r._native, _inputs.text(profile, "profile"), _inputs.text(vacancy, "vacancy"), _inputs.today(today), lang, format, float(dpi))
    return _result(files, out, letter=letter, pages=pages)


def _result(files: List[bytes], out: Optional[PathLike], **rest: Any) -> Dict[str, Any]:
    result: Dict[str, Any] = dict(rest)
    if out is None:
        result["files"] = files
    else:
        result["paths"] = _write(Path(out), files)
    return result
