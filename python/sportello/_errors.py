"""The exceptions of Sportello: one base class, one subclass per family of problems.

The native module raises these classes (see ``python/src/errors.rs`` for which core error
kind maps to which class). Every instance carries:

* ``kind``: the core's short stable name of the error, e.g. ``"invalid"``, ``"index"``,
  ``"unknown_template"``, or ``"internal"`` for a bug caught at the boundary;
* ``hint``: how to fix it, or ``None``.

Subclasses add what helps to act on the error (``problems``, ``suggestions``).
"""

from __future__ import annotations

import warnings
from typing import Any, Dict, List, Optional, Tuple, Type


def _rebuild(cls: Type[BaseException], args: Tuple[Any, ...], state: Dict[str, Any]) -> BaseException:
    err = cls(*args)
    err.__dict__.update(state)
    return err


class SportelloError(Exception):
    """Base class of every error raised by Sportello.

    >>> import sportello
    >>> try:
    ...     sportello.Index.open("/no/such/index")
    ... except sportello.SportelloError as e:
    ...     print(e.kind, "|", e.hint is not None)
    index | True
    """

    def __init__(self, message: str = "", *, kind: str = "", hint: Optional[str] = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.hint = hint

    def __reduce__(self) -> Any:
        # Keep kind, hint and the rest when pickled (Dask sends errors between processes).
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class ValidationError(SportelloError, ValueError):
    """A profile or vacancy cannot be read or breaks the data model.

    Raised for syntax errors (``kind="syntax"``, with ``line`` and ``column``), documents
    too large, not UTF-8, neither profile nor vacancy, and documents with errors
    (``kind="invalid"``). ``problems`` lists every problem found, each a dict with
    ``severity`` (``"error"`` or ``"warning"``), ``path`` (e.g. ``"work[0].start"``),
    ``message`` and ``hint`` (or ``None``); when many documents were read at once (a
    DataFrame, a list), each problem also has ``row`` (0-based position) and ``id``.
    """

    problems: List[Dict[str, Any]]
    line: Optional[int]
    column: Optional[int]

    def __init__(self, message: str = "", *, kind: str = "invalid", hint: Optional[str] = None) -> None:
        super().__init__(message, kind=kind, hint=hint)
        self.problems = []
        self.line = None
        self.column = None


class RenderError(SportelloError):
    """A CV cannot be rendered: unknown template or locale, a template that fails to
    compile, an unusable photo, a CV too long."""


class SportelloIndexError(SportelloError):
    """The vacancy index cannot be created, opened, read or written, or it is closed.

    Named so as not to shadow Python's built-in ``IndexError``.
    """


class TaxonomyError(SportelloError):
    """A taxonomy problem: an unknown ESCO URI, a concept of the wrong kind (a skill where
    an occupation is needed), a search text too long, or a damaged ESCO download."""


class PlaceError(SportelloError, LookupError):
    """A place name that is no Italian comune; ``suggestions`` lists the closest ones."""

    suggestions: List[str]

    def __init__(self, message: str = "", *, kind: str = "unknown_place", hint: Optional[str] = None) -> None:
        super().__init__(message, kind=kind, hint=hint)
        self.suggestions = []


class ImportFormatError(SportelloError):
    """A file in a foreign format (JSON Resume, Europass, JobPosting, CSV) that cannot be
    imported, or whose format cannot be recognised."""


class DeskError(SportelloError):
    """A step the desk's caseload refuses, or a desk database that cannot be used.

    ``kind`` is ``invalid``, ``not_found``, ``order``, ``conflict``, ``forbidden``,
    ``database`` or ``storage``; ``field`` names the field or record."""

    field: str = ""


class InternalError(SportelloError):
    """A bug in Sportello, caught at the boundary instead of crashing Python (a Rust
    panic becomes this error). Please report it with the message."""


class SportelloWarning(UserWarning):
    """Warned when entries were skipped (``errors="skip"``)."""


def _warn_skipped(skipped: List[Dict[str, Any]], what: str) -> None:
    if skipped:
        first = skipped[0]
        warnings.warn(
            f"skipped {len(skipped)} {what} with errors (first: row {first['row']}, id {first['id']!r}: {first['message']})",
            SportelloWarning,
            stacklevel=3,
        )


__all__ = [
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
]
