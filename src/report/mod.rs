//! Reporting: findings and diagnostics rendered for people (miette) and as JSON.

pub mod codes;
pub mod human;
pub mod spans;
