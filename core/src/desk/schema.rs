//! The database's tables and their versions.
//!
//! One SQLite file per installation. `PRAGMA application_id` marks it as a Sportello desk
//! database and `PRAGMA user_version` holds its schema version; [`MIGRATIONS`] lists every
//! version's SQL, applied in order in one transaction, so a file of any earlier version is
//! brought up to date when opened and a file of a newer version is refused.
//!
//! The SQL is kept portable (plain types, `TEXT` dates, no SQLite-only functions) so that
//! a PostgreSQL backend could run the same statements; `docs/desk.md` lists what would
//! change (identity columns, the pragmas, the backup).

/// `SPLD` in ASCII: the `application_id` of a desk database.
pub const APPLICATION_ID: i32 = 0x5350_4C44;

/// The schema version this build writes.
pub const CURRENT_VERSION: i32 = MIGRATIONS.len() as i32;

/// Each version's SQL: `MIGRATIONS[0]` takes an empty file to version 1, and so on.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5];

const V1: &str = "
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE desks (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    comune TEXT
);
CREATE TABLE operators (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    desk_id INTEGER NOT NULL REFERENCES desks(id)
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    search_name TEXT NOT NULL,
    codice_fiscale TEXT UNIQUE,
    comune TEXT,
    desk_id INTEGER NOT NULL REFERENCES desks(id),
    case_manager_id INTEGER REFERENCES operators(id),
    arrival TEXT NOT NULL,
    arrival_date TEXT,
    profile TEXT NOT NULL,
    created_on TEXT NOT NULL
);
CREATE INDEX people_by_desk ON people(desk_id, family_name, given_name);
CREATE INDEX people_by_manager ON people(case_manager_id);
CREATE INDEX people_by_name ON people(search_name);
CREATE TABLE paths (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    desk_id INTEGER NOT NULL REFERENCES desks(id),
    case_manager_id INTEGER REFERENCES operators(id),
    gol_funded INTEGER NOT NULL DEFAULT 0,
    proposed_on TEXT NOT NULL,
    started_on TEXT,
    ended_on TEXT,
    last_event_on TEXT NOT NULL
);
CREATE INDEX paths_by_person ON paths(person_id);
CREATE INDEX paths_by_desk ON paths(desk_id, kind, state);
CREATE INDEX paths_by_manager ON paths(case_manager_id, state);
CREATE TABLE path_targets (
    path_id INTEGER NOT NULL REFERENCES paths(id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    PRIMARY KEY (path_id, target)
);
CREATE INDEX path_targets_by_target ON path_targets(target, path_id);
CREATE TABLE path_events (
    id INTEGER PRIMARY KEY,
    path_id INTEGER NOT NULL REFERENCES paths(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    on_date TEXT NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL
);
CREATE INDEX path_events_by_path ON path_events(path_id, id);
CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL DEFAULT 1,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    path_id INTEGER REFERENCES paths(id) ON DELETE SET NULL,
    service TEXT NOT NULL,
    channel TEXT NOT NULL,
    state TEXT NOT NULL,
    on_date TEXT NOT NULL,
    at_time TEXT,
    expected_minutes INTEGER NOT NULL,
    actual_minutes INTEGER,
    operator_id INTEGER REFERENCES operators(id),
    moved_to INTEGER REFERENCES appointments(id),
    vacancy_id TEXT,
    note TEXT
);
CREATE INDEX appointments_by_person ON appointments(person_id, on_date);
CREATE INDEX appointments_by_day ON appointments(on_date, operator_id);
CREATE TABLE outcomes (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    path_id INTEGER REFERENCES paths(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    contract TEXT,
    start_on TEXT NOT NULL,
    planned_months INTEGER,
    lasting INTEGER NOT NULL,
    employer TEXT,
    vacancy_id TEXT,
    evidence TEXT,
    recorded_by TEXT NOT NULL
);
CREATE INDEX outcomes_by_person ON outcomes(person_id);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    desk_id INTEGER REFERENCES desks(id),
    visibility TEXT NOT NULL,
    text TEXT NOT NULL,
    written_on TEXT NOT NULL,
    expires_on TEXT
);
CREATE INDEX notes_by_person ON notes(person_id);
CREATE TABLE acknowledgements (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    notice_version TEXT NOT NULL,
    on_date TEXT NOT NULL,
    by_whom TEXT NOT NULL,
    by_name TEXT
);
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    granted_on TEXT NOT NULL,
    withdrawn_on TEXT
);
CREATE UNIQUE INDEX consents_open ON consents(person_id, kind) WHERE withdrawn_on IS NULL;
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    person_id INTEGER,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_by_person ON audit(person_id, seq);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
";

/// Version 2: the caseload's order (most recently active first) served by indexes, so a
/// page stops after its rows instead of sorting every path.
const V2: &str = "
CREATE INDEX paths_by_activity ON paths(last_event_on, id);
CREATE INDEX paths_by_desk_activity ON paths(desk_id, state, last_event_on, id);
CREATE INDEX paths_by_manager_activity ON paths(case_manager_id, last_event_on, id);
DROP INDEX paths_by_manager;
";

/// Version 3: the console's accounts (`sportello serve user add`): a role, a desk, an
/// Argon2id password hash (PHC string), never the password; people shared with accounts
/// of other desks; and the indexes of the
/// console's lists: a desk's caseload most recently active first (an operator's default
/// page), a person's paths with their desk (counting a name search reads the index alone;
/// it replaces the index on the person alone) and the appointments still to be held, by
/// day (the overdue ones of "today").
const V3: &str = "
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    desk_id INTEGER REFERENCES desks(id),
    sensitive INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE shares (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    account TEXT NOT NULL,
    shared_by TEXT NOT NULL,
    shared_on TEXT NOT NULL,
    UNIQUE (person_id, account)
);
CREATE INDEX shares_by_account ON shares(account, person_id);
CREATE INDEX paths_by_desk_recent ON paths(desk_id, last_event_on, id);
CREATE INDEX paths_by_person_desk ON paths(person_id, desk_id);
DROP INDEX paths_by_person;
CREATE INDEX appointments_to_hold ON appointments(on_date) WHERE state = 'da_erogare';
";

/// Version 4: what the reports count by. A person's sex and year of birth, read from their
/// profile's sensitive block or else from the codice fiscale (`demographics.rs` fills them,
/// for the people already held too): statistics only, never shown on a list. The comuni
/// each desk serves (the convention's territory). Each appointment's desk (its path's, else
/// the person's when it was booked: the desk that held it), and indexes that give a
/// period's appointments and paths with everything a report counts without reading the
/// tables.
const V4: &str = "
ALTER TABLE people ADD COLUMN sex TEXT;
ALTER TABLE people ADD COLUMN birth_year INTEGER;
CREATE TABLE desk_comuni (
    desk_id INTEGER NOT NULL REFERENCES desks(id) ON DELETE CASCADE,
    comune TEXT NOT NULL,
    PRIMARY KEY (desk_id, comune)
);
ALTER TABLE appointments ADD COLUMN desk_id INTEGER REFERENCES desks(id);
UPDATE appointments SET desk_id = COALESCE(
    (SELECT desk_id FROM paths WHERE paths.id = appointments.path_id),
    (SELECT desk_id FROM people WHERE people.id = appointments.person_id));
CREATE INDEX appointments_for_reports ON appointments(on_date, state, service, desk_id, person_id, actual_minutes, expected_minutes);
CREATE INDEX paths_for_reports ON paths(proposed_on, ended_on, state, kind, desk_id, person_id);
";

/// Version 5: how a desk is reached, printed on its posters, bulletins and letters
/// (`contact.rs`).
const V5: &str = "
ALTER TABLE desks ADD COLUMN address TEXT;
ALTER TABLE desks ADD COLUMN phone TEXT;
ALTER TABLE desks ADD COLUMN email TEXT;
ALTER TABLE desks ADD COLUMN web TEXT;
";
