//! Reporting: findings and diagnostics rendered for people (miette), and as JSON and SARIF.

pub mod codes;
pub mod human;
