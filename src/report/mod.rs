//! Reporting: findings and diagnostics rendered for people (miette), as JSON, and for CI
//! (SARIF, GitHub workflow commands). Findings are worded here, in the report's language
//! (`words`), and located in the bundle's text here (`spans`); the checker knows neither.

mod compact;
mod concise;
pub(crate) mod contract;
pub mod findings;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
mod snippet;
pub mod spans;
pub mod throughput;
pub mod words;

pub use contract::REPORT_VERSION;
pub use snippet::escaped;

/// The JSON Schema (draft 2020-12) of the report of [`REPORT_VERSION`] (docs/report.schema.json,
/// shipped inside ereje): every report `serde_json::to_string(&report)` writes is valid against
/// it, a test holds every report of the example bundles and of the benches' NDJSON to it.
pub const SCHEMA: &str = include_str!("../../docs/report.schema.json");
