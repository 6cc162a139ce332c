//! Reading the caseload's text columns back into typed values (days, wire names); a
//! value that does not parse is a damaged row and says which column.

use std::fmt::Display;
use std::str::FromStr;

use rusqlite::Row;
use rusqlite::types::Type;

/// Column `i` parsed with `FromStr`.
pub(crate) fn parse_col<T: FromStr>(r: &Row<'_>, i: usize) -> rusqlite::Result<T>
where
    T::Err: Display,
{
    let text: String = r.get(i)?;
    text.parse().map_err(|e: T::Err| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, e.to_string().into()))
}

/// Column `i`, possibly NULL, parsed with `FromStr`.
pub(crate) fn parse_opt<T: FromStr>(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<T>>
where
    T::Err: Display,
{
    let text: Option<String> = r.get(i)?;
    text.map(|t| t.parse().map_err(|e: T::Err| rusqlite::Error::FromSqlConversionFailure(i, Type::Text, e.to_string().into()))).transpose()
}
