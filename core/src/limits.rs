//! Explicit limits on everything that enters the library.
//!
//! Every input is checked against these before or while it is parsed, and going past one
//! is an error that names the limit. They are documented for users in `docs/limits.md`
//! (generated from this file's values by hand: keep the two in step).

/// Largest profile or vacancy file accepted, in bytes (5 MiB).
pub const MAX_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
/// Deepest nesting of JSON or YAML accepted (objects and arrays).
pub const MAX_DEPTH: usize = 64;
/// Longest list accepted anywhere in a profile or vacancy (work entries, skills, ...).
pub const MAX_LIST_ITEMS: usize = 500;
/// Longest short text field (names, titles, labels), in characters.
pub const MAX_SHORT_TEXT_CHARS: usize = 500;
/// Longest long text field (summaries, descriptions), in characters.
pub const MAX_LONG_TEXT_CHARS: usize = 20_000;
/// Most problems reported for one document; the rest are counted, not listed.
pub const MAX_PROBLEMS: usize = 200;
/// Largest file of vacancies accepted by the importers (CSV, JSON-LD feeds, job lists), in
/// bytes (20 MiB). A single CV in any format is held to [`MAX_DOCUMENT_BYTES`].
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// Most vacancies read from one file by the importers (CSV rows, JobPostings, jobs).
pub const MAX_IMPORT_ROWS: usize = 20_000;
/// Longest skill or occupation text searched in the taxonomy, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Largest photo accepted in a CV, in bytes.
pub const MAX_PHOTO_BYTES: usize = 5 * 1024 * 1024;
/// Largest photo accepted in a CV, in pixels per side.
pub const MAX_PHOTO_PIXELS: u32 = 6000;
/// Most pages a CV may have before rendering is refused as runaway.
pub const MAX_PAGES: usize = 20;
/// Largest taxonomy pack accepted once decompressed, in bytes (512 MiB; the embedded
/// English ESCO unpacks to about 12 MB): a guard against decompression bombs.
pub const MAX_PACK_UNPACKED_BYTES: usize = 512 * 1024 * 1024;

/// Largest logo printed on the desk's papers (PNG, JPEG or SVG), in bytes.
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;
/// Longest text made into a QR code (a denser code does not scan from paper), in characters.
pub const MAX_QR_CHARS: usize = 500;
/// Most offers in one bulletin.
pub const MAX_BULLETIN_VACANCIES: usize = 500;
/// Most vacancies of one recruiting day.
pub const MAX_DAY_VACANCIES: usize = 50;

/// The lowest and highest resolution of PNG pages, in dots per inch.
pub const DPI_RANGE: std::ops::RangeInclusive<f32> = 18.0..=1200.0;

/// The most results a search returns.
pub const MAX_SEARCH_LIMIT: usize = 50;
