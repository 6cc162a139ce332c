"""Matching without an index: one profile against one vacancy (:func:`explain`) or a
vacancy feed ranked in memory (:func:`match_feed`, as the widget does), and the
matcher's :func:`default_weights`.
"""

from __future__ import annotations

import warnings
from typing import Any, Dict, List

from . import _inputs
from . import _sportello as _native
from ._errors import SportelloWarning
from ._inputs import Today, Weights

__all__ = ["explain", "match_feed", "default_weights"]


def explain(profile: Any, vacancy: Any, *, lang: str = "it", today: Today = None, weights: Weights = None) -> Dict[str, Any]:
    """Score one profile against one vacancy (dicts, texts or paths; no index needed) and
    explain it: the result (as :meth:`Index.match`) with an ``explanation`` in ``lang``:
    ``heading``, ``parts`` (each ``name``, ``label``, ``weight``, ``credit``,
    ``contribution``), ``occupation``, ``matched`` (with the ``evidence`` in words),
    ``missing``, ``exclusions``, ``hints``, and all of it as ``text``.

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


def match_feed(profile: Any, feed: Any, *, lang: str = "it", top: int = _native.DEFAULT_TOP, include_excluded: bool = False,
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


def default_weights() -> Dict[str, float]:
    """The matcher's default weights (see ``docs/matching.md``); pass a dict with some of
    these keys as ``weights=`` to change them.

    >>> default_weights()["essential_skills"]
    0.4
    """
    return _native.default_weights()  # type: ignore[no-any-return]
