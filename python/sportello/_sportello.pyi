"""The native module."""
# Generated from the installed module by python python/scripts/gen_stubs.py; do not edit.
# python/tests/test_stubs.py checks that it is up to date (--check).

from typing import Any, List, Tuple

DEFAULT_MIN_SIMILARITY: float
DEFAULT_SEARCH_LIMIT: int
DEFAULT_TOP: int
MATCH_COLUMNS: List[Tuple[str, str]]
__version__: str

def _provoke_panic(message: Any) -> Any:
    """For tests of the panic shield only: panics inside the binding, with the GIL released,
    so that the caller can check it becomes `InternalError`."""

def cover_letter(renderer: Any, profile: Any, vacancy: Any, today: Any, lang: Any = "it", format: Any = "pdf", dpi: Any = 144.0) -> Any:
    """A cover letter from `profile` for `vacancy` (both JSON or YAML text): `(letter,
    files, pages)`; `letter` is the letter as data, each paragraph with the template and
    the profile's fields it came from (or the person's own, from `cover_letters`)."""

def default_weights() -> Any:
    """The default weights of the matcher."""

def explain(profile: Any, vacancy: Any, today: Any, lang: Any = "it", weights: Any = None, profile_id: Any = "profile") -> Any:
    """Scores one profile against one vacancy (both JSON or YAML text) and explains it in
    `lang` (it or en): the result dict with its `explanation` (heading, parts, matched,
    missing, exclusions, hints and the whole `text`)."""

def feed_entries(data: Any) -> Any:
    """The entries of a vacancy feed (a JSON array or JSON Lines, read by the core's
    `sportello::feed`): `[(line, text)]`, each entry's JSON text with the line where it
    starts; a broken line is kept as written, for the loader to report."""

def find_place(text: Any) -> Any:
    """The comune a place name stands for (`comune`, `kind`, `similarity`, `ambiguous`);
    raises `PlaceError` with suggestions when none does."""

def is_feed(file_name: Any, data: Any) -> Any:
    """Whether a file holds a feed (JSON Lines by name, a JSON array by content) rather than
    one document (`sportello::feed::is_feed`)."""

def load(text: Any, kind: Any = None, today: Any = None) -> Any:
    """Reads a profile or vacancy: `{"kind": "profile"|"vacancy", "document": {...},
    "warnings": [...]}`, the document with every default filled in."""

def match_feed(profile: Any, feed_text: Any, today: Any, lang: Any = "it", top: Any = ..., include_excluded: Any = False, weights: Any = None, profile_id: Any = "profile") -> Any:
    """Ranks the vacancies of a feed (JSON array or JSON Lines) for one profile in memory, no
    index: `(matches, problems)`, each match `{vacancy, result, explanation}` with the
    explanation in `lang`, each problem an entry left out `{index, line, id, message,
    problems}`."""

def page_files(target: Any, n: Any) -> Any:
    """Where the files of a render go: `[target]`, or `stem-1.ext`, `stem-2.ext`... beside it
    for one file per page (`sportello::render::page_files`, as the command line names them)."""

def redact(profile: Any, key: Any, keep_birth_year: Any = False) -> Any:
    """A pseudonymised copy of a profile (JSON or YAML text) for analysis
    (`sportello::redact`): the name becomes a keyed pseudonym; contacts and sensitive data go."""

def search_places(text: Any, limit: Any = ...) -> Any:
    """Comuni matching a name (or the comune of an ISTAT code), best first."""

def tailored_cv(renderer: Any, profile: Any, vacancy: Any, today: Any, lang: Any = "it", template: Any = None, format: Any = "pdf", dpi: Any = 144.0, max_pages: Any = None) -> Any:
    """The CV of `profile` tailored to `vacancy` (both JSON or YAML text): `(files, pages,
    warnings, changes)`, each change a dict (`path`, `item`, `from`, `to`, `why`)."""

def validate(text: Any, kind: Any = None, today: Any = None, lang: Any = "en") -> Any:
    """Validates a profile or vacancy (JSON or YAML text) and returns its warnings; raises
    `ValidationError` listing every problem when it has errors. Messages in `lang`."""


class Desk:
    """The desk's caseload (see the module docs)."""
    def __init__(self, path: Any, writable: Any = False, operator: Any = None, sensitive: Any = False) -> None: ...
    def caseload(self, desk: Any = None, case_manager: Any = None, kind: Any = None, state: Any = None, target: Any = None, name: Any = None, offset: Any = 0, limit: Any = 50) -> Any:
        """A page of the caseload (paths with their people), most recently active first:
        `{"rows": [...], "total": n}`."""
    def person(self, key: Any) -> Any:
        """A person's whole file (by number or codice fiscale); only when opened for writing,
        since the opening is recorded in the audit log."""
    def report(self, start: Any, end: Any, desk: Any = None, lang: Any = "it") -> Any:
        """The report of the months `start` to `end` (`YYYY-MM`), of one desk or every desk,
        worded in `lang`: `{"from", "to", "desk", "scope", "lang", "generated_on", "tables":
        [{"name", "title", "note"?, "key", "columns", "rows", "total"?,
        "small_counts_withheld"}], "notes"}`; a withheld count reads `"<3"` or `"*"`."""
    def table(self, name: Any) -> Any:
        """A whole table (`people`, `paths`, `events`, `appointments`, `outcomes`) as a list of
        `{"name", "kind", "values"}` columns (`kind`: `int`, `text` or `bool`)."""
    def verify_audit(self) -> Any:
        """Walks the audit chain: `{"entries", "head", "broken"?: {"seq", "reason"}}`."""


class Index:
    """The vacancy index (see the module docs)."""
    def __repr__(self) -> str: ...
    def add(self, docs: Any, today: Any, drop_nulls: Any = False, errors: Any = "raise", commit_every: Any = 100000) -> Any:
        """Adds (or replaces, by id) vacancies `(id, text)` and commits."""
    def candidates(self, vacancy_id: Any, docs: Any, today: Any, top: Any = 10, include_excluded: Any = False, weights: Any = None, drop_nulls: Any = False, errors: Any = "raise") -> Any:
        """The best people among `docs` for a vacancy of the index."""
    def close(self) -> Any:
        """Closes the index; later calls raise."""
    @property
    def closed(self) -> Any:
        """Whether `close` was called."""
    @staticmethod
    def create(path: Any) -> Any:
        """Creates an empty index in a new or empty folder."""
    def explain(self, profile: Any, vacancy_id: Any, today: Any, lang: Any = "it", weights: Any = None) -> Any:
        """One profile against one vacancy of the index, explained in `lang` (it or en)."""
    def get(self, id: Any) -> Any:
        """The prepared vacancy with this id, or None."""
    @staticmethod
    def in_memory() -> Any:
        """An index in memory."""
    def match_batch(self, docs: Any, today: Any, top: Any = 10, weights: Any = None, drop_nulls: Any = False, errors: Any = "raise", records: Any = False) -> Any:
        """`top` matches for each profile, on all cores: `(table, skipped)` where the table
        is a dict of columns, or a list of result dicts with `records`."""
    def match_profile(self, profile: Any, today: Any, top: Any = 10, include_excluded: Any = False, weights: Any = None) -> Any:
        """The best vacancies for one profile, as result dicts."""
    @staticmethod
    def open(path: Any) -> Any:
        """Opens an index; a missing, damaged or other-version index raises."""
    @staticmethod
    def open_or_create(path: Any) -> Any:
        """Opens the index in `path`, or creates it when the folder is missing or empty."""
    @property
    def path(self) -> Any:
        """The folder, or None in memory."""
    def reindex(self, today: Any) -> Any:
        """Rebuilds the index from the vacancies it stores; returns the count."""
    def remove(self, ids: Any) -> Any:
        """Removes vacancies by id (ids not present are ignored) and commits; returns how
        many vacancies are left."""
    def skill_gaps(self, docs: Any, today: Any, by: Any = "all", top: Any = 10, weights: Any = None, drop_nulls: Any = False, errors: Any = "raise") -> Any:
        """The essential skills a cohort lacks most across its `top` matches each, grouped
        by `by` (all, occupation, comune): `(rows, skipped)`."""
    def stats(self) -> Any:
        """Statistics: vacancies, bytes, segments, schema_version."""
    def vacancies(self) -> Any:
        """Every vacancy stored, as given."""


class Renderer:
    """The CV renderer (see the module docs)."""
    def __init__(self) -> None: ...
    def add_template(self, name: Any, files: Any, description: Any = "") -> Any:
        """Adds a user template from its files (path relative to the template folder → text);
        it needs a `main.typ`."""
    def add_template_dir(self, name: Any, path: Any, description: Any) -> Any:
        """Adds the user template in a folder (the core reads it: `sportello::render::read_template_dir`)."""
    def fonts(self) -> Any:
        """The font families templates can use."""
    def locales(self) -> Any:
        """The locale codes."""
    def render(self, profile: Any, template: Any = None, lang: Any = None, format: Any = "pdf", dpi: Any = 144.0, pdf_standard: Any = None, options: Any = None, photo: Any = None, today: Any = None) -> Any:
        """Renders one profile (JSON or YAML text): `(files, pages, warnings)`."""
    def render_many(self, docs: Any, template: Any = None, lang: Any = None, format: Any = "pdf", dpi: Any = 144.0, pdf_standard: Any = None, options: Any = None, today: Any = None, drop_nulls: Any = False) -> Any:
        """Renders many profiles `(id, text)` with the same request, on all cores. Returns
        one item per profile, in order: `(files, pages, warnings)` or the exception."""
    def templates(self) -> Any:
        """The templates: name, description, builtin."""


class Taxonomy:
    """An ESCO taxonomy: the embedded one (English, with Sportello's Italian synonyms), or
    one read from the official ESCO CSV download."""
    def __repr__(self) -> str: ...
    def concept(self, uri: Any) -> Any:
        """A concept by URI, with every label, or None."""
    def counts(self) -> Any:
        """How many skills, occupations and labels there are."""
    @staticmethod
    def embedded() -> Any:
        """The embedded taxonomy (shared, loaded once)."""
    @staticmethod
    def from_esco_csv(folder: Any, lang: Any) -> Any:
        """Reads the ESCO CSV download (classification, CSV format) of language `lang` from a
        folder."""
    def languages(self) -> Any:
        """The label languages, in the order loaded."""
    def normalise(self, kind: Any, label: Any) -> Any:
        """The ESCO concept a label stands for, as the matcher places it (`uri`, `how`,
        `matched_label`, `similarity`), or None."""
    def occupation_skills(self, occupation_uri: Any, relation: Any = "essential", lang: Any = "it") -> Any:
        """The skills of an occupation: `relation` essential, optional or all; labels in `lang`."""
    def occupations_for_skills(self, skill_uris: Any, limit: Any = 10) -> Any:
        """The occupations that best fit a set of skill URIs, best first."""
    def search(self, kind: Any, text: Any, limit: Any = ..., lang: Any = "it", only_lang: Any = None, min_similarity: Any = ...) -> Any:
        """Ranked concepts for free text (`kind`: skill or occupation), labels shown in `lang`."""
    def source(self) -> Any:
        """Where the data comes from."""
    def with_language(self, folder: Any, lang: Any) -> Any:
        """A copy with the labels of another language from its ESCO CSV download."""
