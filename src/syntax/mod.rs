//! Syntax: rule text → AST with spans. `parser` is the generated pest parser, `lower` turns its
//! pairs into `ast`, `error` turns pest errors into diagnostics that name what was expected in
//! plain words. `cst` is the lossless tree the formatter prints from; `shape` compares two
//! ASTs with their spans left out.

pub mod ast;
pub mod cst;
pub mod error;
mod holes;
pub mod keywords;
pub(crate) mod lower;
mod mixed;
pub(crate) mod parser;
mod recover;
mod scan;
pub mod shape;

pub use error::SyntaxError;
pub use holes::Holes;
pub use lower::{Parsed, parse_file, parse_recovering};
