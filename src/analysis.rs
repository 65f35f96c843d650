//! Analysis: rule files → the checked model, with every diagnostic found on the way.
//!
//! It keeps going wherever that is sound: every file is parsed even when another has errors,
//! a declaration that does not parse leaves a hole (its names known, so their uses are not
//! reported as undefined), and the rest is resolved, typed and checked. Lints will plug in
//! here, on the model.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::semantic::{self, Model};
use crate::source::{SourceFile, SourceMap};
use crate::syntax::{self, Holes, ast};

/// What analysing a rule set found.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The checked model, as far as it could be built (its `sources` are the rule files).
    pub model: Model,
    /// The syntax tree of each rule file (`files[i]` is source `i`).
    pub files: Vec<ast::File>,
    /// Every problem, in file order: syntax errors first, then the analysis of the whole set.
    pub diagnostics: Diagnostics,
}

/// Analyse rule files given as text.
pub fn analyze_sources(files: Vec<SourceFile>) -> Analysis {
    let mut sources = SourceMap::new();
    for file in files {
        sources.add(file);
    }
    let mut asts = Vec::with_capacity(sources.files().len());
    let mut holes = Holes::new();
    let mut diagnostics = Diagnostics::new(sources.clone());
    for (index, source) in sources.files().iter().enumerate() {
        let parsed = syntax::parse_recovering(source, index);
        diagnostics.extend(parsed.errors.iter().map(Diagnostic::from));
        holes.extend(parsed.holes);
        asts.push(parsed.file);
    }
    let (model, found) = semantic::analyze(&asts, &sources, &holes);
    diagnostics.extend(found);
    Analysis {
        model,
        files: asts,
        diagnostics,
    }
}
