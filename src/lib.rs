//! ereje: public-service regulations as code.

pub mod report;
pub mod source;
pub mod syntax;
