//! One module per subcommand.

pub mod about;
pub mod demo;
pub mod init;
pub mod render;
pub mod schema;
pub mod validate;
