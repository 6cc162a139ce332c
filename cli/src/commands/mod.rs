//! One module per subcommand.

pub mod about;
pub mod apply;
pub mod demo;
pub mod desk;
pub mod index;
pub mod init;
pub mod interop;
pub mod matching;
pub mod outreach;
pub mod recruiting;
pub mod redact;
pub mod render;
pub mod schema;
pub mod taxonomy;
pub mod validate;
