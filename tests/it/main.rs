//! The integration tests: one binary, one module per phase.

mod batch;
mod check;
mod codes;
mod diagnostics;
mod fmt;
mod fuzz;
mod pointer_index;
mod recovery;
mod semantic;
mod support;
mod syntax;
mod syntax_errors;
mod time;
