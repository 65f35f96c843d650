//! ereje: public-service regulations as code.

pub mod check;
pub mod report;
pub mod source;
pub mod syntax;
pub mod time;
