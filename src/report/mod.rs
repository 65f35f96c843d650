//! Reporting: findings and diagnostics rendered for people (miette) and as JSON. Findings are
//! worded here, in the report's language (`words`), and located in the bundle's text here
//! (`spans`); the checker knows neither.

pub(crate) mod contract;
pub mod findings;
pub mod human;
pub mod json;
pub mod spans;
pub mod words;

pub use contract::REPORT_VERSION;
