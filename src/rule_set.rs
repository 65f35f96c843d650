//! The rule set: rule files read, parsed, analysed and compiled together, ready to check
//! bundles. The rules shipped in `rules/` are embedded in the binary.

use std::fmt;
use std::path::Path;

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};

use crate::check::{self, Options, Report};
use crate::compile::{Plan, compile};
use crate::semantic::{Model, analyze};
use crate::source::{SourceFile, SourceMap};
use crate::syntax::parse_file;

static SHIPPED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// Diagnostics that stopped a rule set from compiling (or an I/O problem reading it).
pub struct Diagnostics(pub Vec<Box<dyn miette::Diagnostic + Send + Sync>>);

impl fmt::Debug for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// A rule file that could not be read.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("cannot read rule files at `{path}`: {reason}")]
#[diagnostic(
    code(E0001),
    help("pass the folder that holds the `.ereje` files with `--rules`")
)]
pub struct ReadError {
    /// The path.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// A compiled rule set.
#[derive(Debug)]
pub struct RuleSet {
    sources: SourceMap,
    model: Model,
    plan: Plan,
    calendars: Vec<std::sync::Arc<crate::time::Calendar>>,
    version: String,
}

impl RuleSet {
    /// The rules shipped with ereje (`rules/`, embedded in the binary).
    pub fn shipped() -> Result<RuleSet, Diagnostics> {
        let mut files = Vec::new();
        collect_embedded(&SHIPPED, &mut files);
        files.sort_by(|a, b| a.name.cmp(&b.name));
        RuleSet::from_sources(files)
    }

    /// Every `.ereje` file under `dir` (or the one file `dir` names).
    pub fn load(dir: &Path) -> Result<RuleSet, Diagnostics> {
        let mut paths = Vec::new();
        collect_paths(dir, &mut paths).map_err(|e| {
            Diagnostics(vec![Box::new(ReadError {
                path: dir.display().to_string(),
                reason: e.to_string(),
            })])
        })?;
        if paths.is_empty() {
            return Err(Diagnostics(vec![Box::new(ReadError {
                path: dir.display().to_string(),
                reason: String::from("no `.ereje` files there"),
            })]));
        }
        paths.sort();
        let mut files = Vec::new();
        let mut errors: Vec<Box<dyn miette::Diagnostic + Send + Sync>> = Vec::new();
        for path in paths {
            match std::fs::read_to_string(&path) {
                Ok(text) => files.push(SourceFile::new(path.display().to_string(), text)),
                Err(e) => errors.push(Box::new(ReadError {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                })),
            }
        }
        if !errors.is_empty() {
            return Err(Diagnostics(errors));
        }
        RuleSet::from_sources(files)
    }

    /// Compile rule files given as text.
    pub fn from_sources(files: Vec<SourceFile>) -> Result<RuleSet, Diagnostics> {
        let mut sources = SourceMap::new();
        let mut hasher = Sha256::new();
        let mut asts = Vec::new();
        let mut errors: Vec<Box<dyn miette::Diagnostic + Send + Sync>> = Vec::new();
        for file in files {
            hasher.update(file.name.as_bytes());
            hasher.update([0]);
            hasher.update(file.text.as_bytes());
            hasher.update([0]);
            let index = sources.add(file.clone());
            match parse_file(&file, index) {
                Ok(ast) => asts.push(ast),
                Err(es) => {
                    errors.extend(
                        es.into_iter()
                            .map(|e| Box::new(e) as Box<dyn miette::Diagnostic + Send + Sync>),
                    );
                    asts.push(crate::syntax::ast::File::default());
                }
            }
        }
        if !errors.is_empty() {
            return Err(Diagnostics(errors));
        }
        let model = analyze(&asts, &sources).map_err(|es| {
            Diagnostics(
                es.into_iter()
                    .map(|e| Box::new(e) as Box<dyn miette::Diagnostic + Send + Sync>)
                    .collect(),
            )
        })?;
        let mut calendars = Vec::new();
        for (cal, file) in &model.calendars {
            let Some(source) = sources.get(*file) else {
                continue;
            };
            match crate::time::Calendar::from_ast(cal, source) {
                Ok(c) => calendars.push(std::sync::Arc::new(c)),
                Err(es) => errors.extend(
                    es.into_iter()
                        .map(|e| Box::new(e) as Box<dyn miette::Diagnostic + Send + Sync>),
                ),
            }
        }
        if !errors.is_empty() {
            return Err(Diagnostics(errors));
        }
        let plan = compile(&model, &sources, &calendars);
        let version = format!("sha256:{:x}", hasher.finalize());
        Ok(RuleSet {
            sources,
            model,
            plan,
            calendars,
            version,
        })
    }

    /// Check one bundle (its JSON text).
    pub fn check(&self, bundle: &str, options: &Options) -> Report {
        check::check(&self.plan, bundle, options, &self.version)
    }

    /// Check one bundle given as bytes (text that is not UTF-8 gets an `invalid` report).
    pub fn check_bytes(&self, bundle: &[u8], options: &Options) -> Report {
        check::check_bytes(&self.plan, bundle, options, &self.version)
    }

    /// The rule files.
    pub fn sources(&self) -> &SourceMap {
        &self.sources
    }

    /// The checked model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The checker plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The working-day calendar of this name.
    pub fn calendar(&self, name: &str) -> Option<&crate::time::Calendar> {
        self.calendars
            .iter()
            .find(|c| c.name() == name)
            .map(AsRef::as_ref)
    }

    /// The names of every calendar.
    pub fn calendar_names(&self) -> Vec<&str> {
        self.calendars.iter().map(|c| c.name()).collect()
    }

    /// `sha256:…` of the rule sources.
    pub fn version(&self) -> &str {
        &self.version
    }
}

fn collect_embedded(dir: &Dir<'_>, out: &mut Vec<SourceFile>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "ereje")
            && let Some(text) = file.contents_utf8()
        {
            out.push(SourceFile::new(
                format!("rules/{}", file.path().display()),
                text,
            ));
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

fn collect_paths(path: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    if path.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(path)? {
        let p = entry?.path();
        if p.is_dir() {
            collect_paths(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "ereje") {
            out.push(p);
        }
    }
    Ok(())
}
