//! JSON Schema of the data model, generated from the Rust types.
//!
//! The committed copies in `core/schema/` are written by `sportello schema --write` and a
//! test fails when they are stale.

use crate::model::{Profile, Vacancy};

/// The documents that have a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// [`Profile`].
    Profile,
    /// [`Vacancy`].
    Vacancy,
}

impl SchemaKind {
    /// Both kinds.
    pub const ALL: [SchemaKind; 2] = [SchemaKind::Profile, SchemaKind::Vacancy];

    /// The file name of the committed schema.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Profile => "profile.schema.json",
            SchemaKind::Vacancy => "vacancy.schema.json",
        }
    }
}

/// The JSON Schema (draft 2020-12), pretty-printed with a final newline.
pub fn json_schema(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Profile => schemars::schema_for!(Profile),
        SchemaKind::Vacancy => schemars::schema_for!(Vacancy),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schemas in `core/schema/` must be what the types produce; regenerate them with
    /// `cargo run -p sportello-cli -- schema --write core/schema`.
    #[test]
    fn committed_schemas_are_fresh() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
        for kind in SchemaKind::ALL {
            let path = dir.join(kind.file_name());
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == json_schema(kind),
                "{} is stale: run `cargo run -p sportello-cli -- schema --write core/schema`",
                path.display()
            );
        }
    }
}
