//! The integration tests: one binary, one module per phase.

mod syntax;
