//! The rule set an editor works on: the `.ereje` files under the workspace's folders, with the
//! text of every open file as the editor has it (unsaved edits included), analysed together
//! as `ereje lint` analyses a folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lsp_types::Url;

use super::index::Index;
use super::position::Lines;
use crate::analysis::{Analysis, analyze_sources};
use crate::diagnostic::Diagnostic;
use crate::lint::config::{Config, FILE_NAME};
use crate::lint::{Linted, Settings};
use crate::source::SourceFile;

/// A file the editor has open.
#[derive(Debug, Clone)]
pub struct Open {
    /// Its text as the editor has it.
    pub text: String,
    /// The editor's version of it.
    pub version: i32,
}

/// The configuration file read: where it is, its text, its problems.
#[derive(Debug)]
pub struct ConfigFile {
    /// Its path.
    pub path: PathBuf,
    /// Its text, as the editor has it when it is open.
    pub text: String,
    /// What is wrong in it.
    pub problems: Vec<Diagnostic>,
}

/// The workspace: its folders and open files.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The folders whose rule files form the rule set.
    pub roots: Vec<PathBuf>,
    /// The open files, by address.
    pub open: BTreeMap<Url, Open>,
}

/// One analysis of the workspace, and what the requests read from it.
#[derive(Debug)]
pub struct Snapshot {
    /// The analysis of every rule file (`analysis.model.sources` names them by path).
    pub analysis: Analysis,
    /// What the lints found, when the rule set compiled.
    pub linted: Linted,
    /// The examples that failed, as diagnostics at their `example` blocks.
    pub examples: Vec<Diagnostic>,
    /// The configuration file, its text as analysed, and its problems.
    pub config: Option<ConfigFile>,
    /// The open files too large to analyse (their text is analysed as empty).
    pub oversized: Vec<Url>,
    /// The names.
    pub index: Index,
    /// The address of each source, by its index (none for a name that is no path).
    pub uris: Vec<Option<Url>>,
    /// The lines of each source.
    pub lines: Vec<Lines>,
}

impl Workspace {
    /// Analyse the rule set as it stands now.
    pub fn analyse(&self) -> Snapshot {
        // by name: a path for a file, the address for an editor's buffer that has none
        let mut texts: BTreeMap<String, (Option<Url>, String)> = BTreeMap::new();
        for root in &self.roots {
            // a folder that cannot be read (or has no rule files yet) contributes none
            if let Ok(files) = crate::rule_set::read_rule_files(root) {
                for f in files {
                    let uri = Url::from_file_path(&f.name).ok();
                    texts.insert(f.name.clone(), (uri, f.text.to_string()));
                }
            }
        }
        let mut oversized = Vec::new();
        for (uri, open) in &self.open {
            let path = uri.to_file_path().ok();
            // an open file of another kind (`ereje.toml`) is no rule file
            if path
                .as_ref()
                .is_some_and(|p| p.extension().is_none_or(|e| e != "ereje"))
            {
                continue;
            }
            let name = path.map_or_else(|| uri.to_string(), |p| p.display().to_string());
            let text = if open.text.len() > crate::source::MAX_RULE_FILE_BYTES {
                oversized.push(uri.clone());
                String::new()
            } else {
                open.text.clone()
            };
            texts.insert(name, (Some(uri.clone()), text));
        }
        let mut uris = Vec::with_capacity(texts.len());
        let mut files = Vec::with_capacity(texts.len());
        for (name, (uri, text)) in texts {
            uris.push(uri);
            files.push(SourceFile::new(name, text));
        }
        let lines = files.iter().map(|f| Lines::new(&f.text)).collect();
        let (settings, config) = self.settings(&files);
        let analysis = analyze_sources(files);
        let index = Index::build(&analysis.files);
        let compiled = !analysis.diagnostics.has_errors();
        let (linted, examples) = if compiled {
            (
                crate::lint::lint(&analysis, &settings),
                super::examples::failures(&analysis),
            )
        } else {
            (Linted::default(), Vec::new())
        };
        Snapshot {
            analysis,
            linted,
            examples,
            config,
            oversized,
            index,
            uris,
            lines,
        }
    }

    /// The lint settings of the nearest `ereje.toml` above the first folder, and its problems.
    fn settings(&self, files: &[SourceFile]) -> (Settings, Option<ConfigFile>) {
        let Some(path) = self.roots.first().and_then(|r| nearest_config(r)) else {
            return (Settings::default(), None);
        };
        let most = crate::source::MAX_RULE_FILE_BYTES;
        // the configuration as the editor has it, when it is open (unsaved edits included)
        let open = Url::from_file_path(&path)
            .ok()
            .and_then(|u| self.open.get(&u))
            .map(|o| o.text.clone());
        let Some(text) = open.or_else(|| crate::source::read_text_bounded(&path, most).ok()) else {
            return (Settings::default(), None);
        };
        let name = path.display().to_string();
        match Config::parse(&name, &text) {
            Err(d) => (
                Settings::default(),
                Some(ConfigFile {
                    path,
                    text,
                    problems: d.list,
                }),
            ),
            Ok(config) => {
                let dir = path.parent().unwrap_or(Path::new("/")).to_path_buf();
                let mut by_file = BTreeMap::new();
                for f in files {
                    let Ok(rest) = Path::new(&f.name).strip_prefix(&dir) else {
                        continue;
                    };
                    let relative: Vec<String> = rest
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect();
                    let own = config.levels_in(&relative.join("/"));
                    if !own.is_empty() {
                        by_file.insert(f.name.clone(), own);
                    }
                }
                let settings = Settings {
                    levels: config.levels.clone(),
                    files: by_file,
                    ..Settings::default()
                };
                (
                    settings,
                    Some(ConfigFile {
                        path,
                        text,
                        problems: Vec::new(),
                    }),
                )
            }
        }
    }
}

/// The `ereje.toml` in `root` or the closest folder above it.
fn nearest_config(root: &Path) -> Option<PathBuf> {
    root.ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

impl Snapshot {
    /// The index of the source at `uri`.
    pub fn file_of(&self, uri: &Url) -> Option<usize> {
        self.uris.iter().position(|u| u.as_ref() == Some(uri))
    }

    /// The text of source `file`.
    pub fn text(&self, file: usize) -> &str {
        self.analysis
            .model
            .sources
            .get(file)
            .map_or("", |f| &f.text)
    }

    /// The range of a span.
    pub fn range(&self, span: crate::source::Span) -> Option<lsp_types::Range> {
        let lines = self.lines.get(span.file)?;
        Some(lines.range(self.text(span.file), span.start, span.end))
    }

    /// The location of a span.
    pub fn location(&self, span: crate::source::Span) -> Option<lsp_types::Location> {
        Some(lsp_types::Location::new(
            self.uris.get(span.file)?.clone()?,
            self.range(span)?,
        ))
    }

    /// The byte offset of a position in source `file`.
    pub fn offset(&self, file: usize, position: lsp_types::Position) -> usize {
        self.lines
            .get(file)
            .map_or(0, |l| l.offset(self.text(file), position))
    }
}
