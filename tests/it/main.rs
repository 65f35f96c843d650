//! The integration tests: one binary, one module per phase.

mod batch;
mod check;
mod codes;
mod cost;
mod diagnostics;
mod examples;
mod fmt;
mod fuzz;
mod hostile;
mod intake;
mod lint;
mod lint_baseline;
mod lint_config;
mod lint_fix;
mod lint_logic;
mod lint_output;
mod recovery;
mod report;
mod schema;
mod semantic;
mod spans;
mod support;
mod syntax;
mod syntax_errors;
mod time;
mod who_and_why;
