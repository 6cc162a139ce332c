from typing import Any, Dict, List

__version__: str

class SportelloError(Exception): ...

class ValidationError(SportelloError):
    problems: List[Dict[str, Any]]

def validate(text: str) -> List[Dict[str, Any]]: ...
