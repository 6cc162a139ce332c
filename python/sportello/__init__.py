"""Sportello: CV building and explainable job matching for Italian job desks.

>>> import sportello
>>> sportello.validate("person: {given_name: Maria, family_name: Rossi}\\nskills: [{label: pulizia}]")
[]
"""

from __future__ import annotations

import json
from typing import Any, Dict, List

from ._sportello import SportelloError, ValidationError, __version__
from ._sportello import validate as _validate

__all__ = ["SportelloError", "ValidationError", "__version__", "validate"]


def validate(text: str) -> List[Dict[str, Any]]:
    """Validate a profile or vacancy given as JSON or YAML text.

    Returns the warnings (a list of dicts with ``severity``, ``path``, ``message`` and
    ``hint``). Raises :class:`ValidationError` when the document has errors; its
    ``problems`` attribute lists every problem.
    """
    try:
        return json.loads(_validate(text))
    except ValidationError as e:
        message, problems = e.args
        err = ValidationError(message)
        err.problems = json.loads(problems)  # type: ignore[attr-defined]
        raise err from None
