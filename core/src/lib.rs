//! # Sportello
//!
//! CV building and explainable job matching for Italian job desks (Sportello Lavoro,
//! Centri per l'impiego). This crate holds all the domain logic; the command line, the
//! browser widget and the Python package only convert and forward.
//!
//! ```
//! use sportello::load::{load_profile, Format};
//!
//! let yaml = "person: {given_name: Maria, family_name: Rossi}\nskills: [{label: pulizia}]\n";
//! let loaded = sportello::load::load_profile(yaml.as_bytes(), Format::Yaml, None).unwrap();
//! assert_eq!(loaded.value.person.family_name, "Rossi");
//! ```

#[macro_use]
pub mod wire;
#[cfg(feature = "render-engine")]
pub mod apply;
mod both;
#[cfg(feature = "desk")]
pub mod desk;
pub mod error;
pub mod feed;
pub mod feed_stream;
pub mod fold;
pub mod geo;
pub mod interop;
pub mod lang;
pub mod limits;
pub mod load;
pub mod matching;
pub mod model;
pub mod normalise;
#[cfg(feature = "render-engine")]
pub mod outreach;
mod path;
pub mod problem;
pub mod redact;
pub mod reference_data;
#[cfg(feature = "render-engine")]
pub mod render;
pub mod schema;
pub mod taxonomy;
pub mod validate;

pub use error::{Error, Result};
