import datetime
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, Union, overload

from . import _inputs as _inputs
from ._errors import DeskError as DeskError
from ._errors import ImportFormatError as ImportFormatError
from ._errors import InternalError as InternalError
from ._errors import PlaceError as PlaceError
from ._errors import RenderError as RenderError
from ._errors import SportelloError as SportelloError
from ._errors import SportelloIndexError as SportelloIndexError
from ._errors import SportelloWarning as SportelloWarning
from ._errors import TaxonomyError as TaxonomyError
from ._errors import ValidationError as ValidationError

__version__: str
MATCH_COLUMNS: List[Tuple[str, str]]
DEFAULT_MIN_SIMILARITY: float
DEFAULT_TOP: int
DEFAULT_SEARCH_LIMIT: int
GAP_COLUMNS: List[str]

Today = Union[None, str, datetime.date]
Weights = Optional[Mapping[str, float]]
PathLike = Union[str, os.PathLike[str]]
#: A profile or vacancy: a dict, JSON or YAML text, or a path.
Source = Union[Mapping[str, Any], str, bytes, os.PathLike[str]]
#: Many documents: a DataFrame, a mapping of id to document, a folder or feed, or a list.
Sources = Any
Result = Dict[str, Any]
TableOutput = Literal["pandas", "polars", "arrow", "columns"]
GapOutput = Literal["pandas", "polars"]
Errors = Literal["raise", "skip"]
Format = Literal["pdf", "svg", "png", "text"]

def validate(
    source: Source, *, kind: Optional[Literal["profile", "vacancy"]] = ..., today: Today = ..., lang: Literal["en", "it"] = ...
) -> List[Dict[str, Any]]: ...
def load(source: Source, *, kind: Optional[Literal["profile", "vacancy"]] = ..., today: Today = ...) -> Dict[str, Any]: ...
def load_profile(source: Source, *, today: Today = ...) -> Dict[str, Any]: ...
def load_vacancy(source: Source, *, today: Today = ...) -> Dict[str, Any]: ...
def default_weights() -> Dict[str, float]: ...
def redact(profile: Source, key: Union[str, bytes], *, keep_birth_year: bool = ...) -> Dict[str, Any]: ...
def tailored_cv(
    profile: Source,
    vacancy: Source,
    *,
    max_pages: Optional[int] = ...,
    template: Optional[str] = ...,
    lang: str = ...,
    format: Format = ...,
    dpi: float = ...,
    today: Today = ...,
    out: Optional[PathLike] = ...,
    renderer: Optional[Renderer] = ...,
) -> Dict[str, Any]: ...
def cover_letter(
    profile: Source,
    vacancy: Source,
    *,
    lang: str = ...,
    format: Format = ...,
    dpi: float = ...,
    today: Today = ...,
    out: Optional[PathLike] = ...,
    renderer: Optional[Renderer] = ...,
) -> Dict[str, Any]: ...

class Renderer:
    def __init__(self) -> None: ...
    def add_template(self, name: str, files: Union[Mapping[str, str], PathLike], description: str = ...) -> None: ...
    def templates(self) -> List[Dict[str, Any]]: ...
    def locales(self) -> List[str]: ...
    def fonts(self) -> List[str]: ...
    def render_pages(
        self,
        profile: Source,
        *,
        template: Optional[str] = ...,
        lang: Optional[str] = ...,
        format: Format = ...,
        dpi: float = ...,
        pdf_standard: Optional[Literal["ua-1", "a-2b"]] = ...,
        options: Optional[Mapping[str, Any]] = ...,
        photo: Optional[bytes] = ...,
        today: Today = ...,
    ) -> Tuple[List[bytes], int, List[str]]: ...
    @overload
    def render(
        self,
        profile: Source,
        *,
        template: Optional[str] = ...,
        lang: Optional[str] = ...,
        format: Format = ...,
        dpi: float = ...,
        pdf_standard: Optional[Literal["ua-1", "a-2b"]] = ...,
        options: Optional[Mapping[str, Any]] = ...,
        photo: Optional[bytes] = ...,
        today: Today = ...,
        out: None = ...,
    ) -> bytes: ...
    @overload
    def render(
        self,
        profile: Source,
        *,
        template: Optional[str] = ...,
        lang: Optional[str] = ...,
        format: Format = ...,
        dpi: float = ...,
        pdf_standard: Optional[Literal["ua-1", "a-2b"]] = ...,
        options: Optional[Mapping[str, Any]] = ...,
        photo: Optional[bytes] = ...,
        today: Today = ...,
        out: PathLike,
    ) -> List[Path]: ...
    def render_many(
        self,
        profiles: Sources,
        *,
        template: Optional[str] = ...,
        lang: Optional[str] = ...,
        format: Format = ...,
        dpi: float = ...,
        pdf_standard: Optional[Literal["ua-1", "a-2b"]] = ...,
        options: Optional[Mapping[str, Any]] = ...,
        today: Today = ...,
        errors: Errors = ...,
    ) -> List[Dict[str, Any]]: ...

@overload
def render(
    profile: Source,
    *,
    template: Optional[str] = ...,
    lang: Optional[str] = ...,
    format: Format = ...,
    dpi: float = ...,
    pdf_standard: Optional[Literal["ua-1", "a-2b"]] = ...,
    options: Optional[Mapping[str, Any]] = ...,
    photo: Optional[bytes] = ...,
    today: Today = ...,
    out: None = ...,
) -> bytes: ...
@overload
def render(
    profile: Source,
    *,
    template: Optional[str] = ...,
    lang: Optional[str] = ...,
    format: Format = ...,
    dpi: float = ...,
    pdf_standard: Optional[Literal["ua-1", "a-2b"]] = ...,
    options: Optional[Mapping[str, Any]] = ...,
    photo: Optional[bytes] = ...,
    today: Today = ...,
    out: PathLike,
) -> List[Path]: ...
def render_pages(profile: Source, **kwargs: Any) -> Tuple[List[bytes], int, List[str]]: ...
def templates() -> List[Dict[str, Any]]: ...

class Taxonomy:
    @classmethod
    def embedded(cls) -> Taxonomy: ...
    @classmethod
    def from_esco_csv(cls, folder: PathLike, lang: str) -> Taxonomy: ...
    def with_language(self, folder: PathLike, lang: str) -> Taxonomy: ...
    def languages(self) -> List[str]: ...
    def search_skills(self, text: str, *, limit: int = ..., lang: str = ..., only_lang: Optional[str] = ..., min_similarity: float = ...) -> List[Dict[str, Any]]: ...
    def search_occupations(self, text: str, *, limit: int = ..., lang: str = ..., only_lang: Optional[str] = ..., min_similarity: float = ...) -> List[Dict[str, Any]]: ...
    def normalise_skill(self, label: str) -> Optional[Dict[str, Any]]: ...
    def normalise_occupation(self, label: str) -> Optional[Dict[str, Any]]: ...
    def suggest_skills(self, occupation_uri: str, *, relation: Literal["essential", "optional", "all"] = ..., lang: str = ...) -> List[Dict[str, Any]]: ...
    def suggest_occupations(self, skill_uris: Iterable[str], *, limit: int = ...) -> List[Dict[str, Any]]: ...
    def concept(self, uri: str) -> Optional[Dict[str, Any]]: ...

def search_skills(text: str, *, limit: int = ..., lang: str = ..., only_lang: Optional[str] = ..., min_similarity: float = ...) -> List[Dict[str, Any]]: ...
def search_occupations(text: str, *, limit: int = ..., lang: str = ..., only_lang: Optional[str] = ..., min_similarity: float = ...) -> List[Dict[str, Any]]: ...
def normalise_skill(label: str) -> Optional[Dict[str, Any]]: ...
def normalise_occupation(label: str) -> Optional[Dict[str, Any]]: ...
def suggest_skills(occupation_uri: str, *, relation: Literal["essential", "optional", "all"] = ..., lang: str = ...) -> List[Dict[str, Any]]: ...
def suggest_occupations(skill_uris: Iterable[str], *, limit: int = ...) -> List[Dict[str, Any]]: ...
def concept(uri: str) -> Optional[Dict[str, Any]]: ...
def find_place(name: str) -> Dict[str, Any]: ...
def search_places(name: str, *, limit: int = ...) -> List[Dict[str, Any]]: ...

class Index:
    @classmethod
    def open(cls, path: PathLike) -> Index: ...
    @classmethod
    def create(cls, path: PathLike) -> Index: ...
    @classmethod
    def open_or_create(cls, path: PathLike) -> Index: ...
    @classmethod
    def in_memory(cls) -> Index: ...
    @classmethod
    def build(cls, vacancies: Sources, path: Optional[PathLike] = ..., *, today: Today = ..., errors: Errors = ...) -> Index: ...
    @property
    def path(self) -> Optional[Path]: ...
    @property
    def closed(self) -> bool: ...
    def close(self) -> None: ...
    def __enter__(self) -> Index: ...
    def __exit__(self, *exc: object) -> None: ...
    def __len__(self) -> int: ...
    def add(self, vacancies: Sources, *, today: Today = ..., errors: Errors = ..., commit_every: int = ...) -> Dict[str, Any]: ...
    def remove(self, ids: Union[str, Iterable[str]]) -> int: ...
    def stats(self) -> Dict[str, Any]: ...
    def get(self, vacancy_id: str) -> Optional[Dict[str, Any]]: ...
    @overload
    def vacancies(self, *, output: Literal["records"] = ...) -> List[Dict[str, Any]]: ...
    @overload
    def vacancies(self, *, output: Literal["pandas"]) -> Any: ...
    def reindex(self, *, today: Today = ...) -> int: ...
    def match(self, profile: Source, *, top: int = ..., include_excluded: bool = ..., today: Today = ..., weights: Weights = ...) -> List[Result]: ...
    @overload
    def match_batch(
        self, profiles: Sources, *, top: int = ..., today: Today = ..., weights: Weights = ..., errors: Errors = ..., output: Literal["records"]
    ) -> List[Result]: ...
    @overload
    def match_batch(
        self, profiles: Sources, *, top: int = ..., today: Today = ..., weights: Weights = ..., errors: Errors = ..., output: TableOutput = ...
    ) -> Any: ...
    def candidates(
        self,
        vacancy_id: str,
        profiles: Sources,
        *,
        top: int = ...,
        include_excluded: bool = ...,
        today: Today = ...,
        weights: Weights = ...,
        errors: Errors = ...,
    ) -> List[Result]: ...
    def explain(self, profile: Source, vacancy_id: str, *, lang: Literal["it", "en"] = ..., today: Today = ..., weights: Weights = ...) -> Result: ...
    @overload
    def skill_gaps(
        self, profiles: Sources, *, by: Literal["all", "occupation", "comune"] = ..., top: int = ..., today: Today = ..., weights: Weights = ...,
        errors: Errors = ..., output: Literal["records"]
    ) -> List[Dict[str, Any]]: ...
    @overload
    def skill_gaps(
        self, profiles: Sources, *, by: Literal["all", "occupation", "comune"] = ..., top: int = ..., today: Today = ..., weights: Weights = ...,
        errors: Errors = ..., output: GapOutput = ...
    ) -> Any: ...

@overload
def skill_gaps(
    profiles: Sources, index: Index, *, by: Literal["all", "occupation", "comune"] = ..., top: int = ..., today: Today = ..., weights: Weights = ...,
    errors: Errors = ..., output: Literal["records"]
) -> List[Dict[str, Any]]: ...
@overload
def skill_gaps(
    profiles: Sources, index: Index, *, by: Literal["all", "occupation", "comune"] = ..., top: int = ..., today: Today = ..., weights: Weights = ...,
    errors: Errors = ..., output: GapOutput = ...
) -> Any: ...
def explain(profile: Source, vacancy: Source, *, lang: Literal["it", "en"] = ..., today: Today = ..., weights: Weights = ...) -> Result: ...
def match_feed(
    profile: Source, feed: Source, *, lang: Literal["it", "en"] = ..., top: int = ..., include_excluded: bool = ..., today: Today = ...,
    weights: Weights = ...
) -> List[Dict[str, Any]]: ...

class Desk:
    """The desk's caseload (an SQLite file of ``sportello desk``) as tables."""

    def __init__(self, path: PathLike, *, writable: bool = ..., operator: Optional[str] = ..., sensitive: bool = ...) -> None: ...
    def table(self, name: Literal["people", "paths", "events", "appointments", "outcomes"], output: TableOutput = ...) -> Any: ...
    def people(self, output: TableOutput = ...) -> Any: ...
    def paths(self, output: TableOutput = ...) -> Any: ...
    def events(self, output: TableOutput = ...) -> Any: ...
    def appointments(self, output: TableOutput = ...) -> Any: ...
    def outcomes(self, output: TableOutput = ...) -> Any: ...
    def caseload(
        self,
        *,
        desk: Optional[str] = ...,
        case_manager: Optional[str] = ...,
        kind: Optional[str] = ...,
        state: Optional[str] = ...,
        target: Optional[str] = ...,
        name: Optional[str] = ...,
        page: int = ...,
        per_page: int = ...,
    ) -> Dict[str, Any]: ...
    def person(self, key: str) -> Dict[str, Any]: ...
    def report(
        self, start: str, end: str, *, desk: Optional[str] = ..., lang: Literal["it", "en"] = ..., output: Literal["pandas", "dict"] = ...
    ) -> Dict[str, Any]: ...
    def verify_audit(self) -> Dict[str, Any]: ...
