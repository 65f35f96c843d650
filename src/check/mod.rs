//! Check: a bundle (JSON) against a compiled checker plan → findings, deadlines, verdict.

pub mod pointer_index;
