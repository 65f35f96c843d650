//! Reporting: findings and diagnostics rendered for people (miette) and as JSON.

pub mod human;
pub mod json;
pub mod spans;
