//! The pest parser generated from `grammar/ereje.pest`. Nothing else lives here.

/// The generated parser; `Rule` names every grammar rule.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/ereje.pest"]
pub struct RuleParser;
