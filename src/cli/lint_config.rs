//! Where `ereje lint` finds its configuration, and what it does with it: the levels under the
//! command line's, the files the rule set is made of, the levels of the overrides per file.
//!
//! Without `--config`, the file is the `ereje.toml` nearest the first PATH: in its folder (or
//! in it, for a folder), else in the closest folder above. The first PATH, not the current
//! folder, because the settings belong to the rules, not to where a command is typed:
//! `ereje lint ../project/rules` from anywhere, and an editor that lints one file from its
//! own folder, follow the project's settings, as ruff and eslint find theirs. Patterns are
//! relative to the folder of the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostics;
use crate::lint::config::{Config, FILE_NAME};
use crate::lint::{Level, Settings};
use crate::source::SourceFile;
use crate::vocab::Wording;

/// A configuration read from its file.
#[derive(Debug, Clone)]
pub(super) struct Loaded {
    /// What it says.
    pub config: Config,
    /// Its folder, canonical: the root of its patterns.
    pub dir: PathBuf,
    /// The file, as found or given.
    pub path: PathBuf,
}

/// Why there is no configuration to follow.
#[derive(Debug)]
pub(super) enum Failure {
    /// The file cannot be read: why, in each language.
    Unreadable(Wording),
    /// It says something ereje cannot follow; the diagnostics point into it.
    Invalid(Diagnostics, String),
}

/// The run's configuration: the file `--config` names, or the one nearest the first PATH
/// (none when there is none).
pub(super) fn load(given: Option<&Path>, paths: &[PathBuf]) -> Result<Option<Loaded>, Failure> {
    let path = match given {
        Some(p) => p.to_path_buf(),
        None => {
            let first = paths.first().map_or(Path::new("."), PathBuf::as_path);
            match nearest(first) {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    let shown = super::out::shown(&path);
    let text = crate::source::read_text_bounded(&path, crate::source::MAX_RULE_FILE_BYTES)
        .map_err(|e| {
            Failure::Unreadable(Wording::new(
                format!("cannot read the configuration `{shown}`: {e}"),
                format!("не удаётся прочитать файл настроек `{shown}`: {e}"),
                format!("`{shown}` баптау файлын оқу мүмкін емес: {e}"),
            ))
        })?;
    let name = path.display().to_string();
    let config = Config::parse(&name, &text).map_err(|d| Failure::Invalid(d, name))?;
    // `ereje.toml`'s parent is the empty path, which names no folder
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let dir = canonical(parent.unwrap_or(Path::new(".")));
    Ok(Some(Loaded { config, dir, path }))
}

/// The `ereje.toml` in `start`'s folder or the closest one above it.
fn nearest(start: &Path) -> Option<PathBuf> {
    let start = canonical(start);
    let first = if start.is_dir() {
        start.as_path()
    } else {
        start.parent()?
    };
    let found = first
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())?;
    // named from the current folder when it is below it, as the rule files are
    let here = std::env::current_dir().map(|d| canonical(&d));
    match here.as_ref().map(|h| found.strip_prefix(h)) {
        Ok(Ok(relative)) => Some(relative.to_path_buf()),
        _ => Some(found),
    }
}

/// A path made absolute and, where it exists, with its links resolved, so that a file and
/// the configuration's folder compare.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

impl Loaded {
    /// A rule file's path relative to the configuration's folder, names separated by `/`
    /// (`None`: outside it).
    pub fn relative(&self, name: &str) -> Option<String> {
        let path = canonical(Path::new(name));
        let rest = path.strip_prefix(&self.dir).ok()?;
        let names: Vec<String> = rest
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(names.join("/"))
    }

    /// The files found under `path` that the configuration keeps: all of them for a file
    /// named on the command line (naming it is asking for it), those `[lint.paths]` selects
    /// for a folder.
    pub fn keep(&self, path: &Path, files: Vec<SourceFile>) -> Vec<SourceFile> {
        if !path.is_dir() {
            return files;
        }
        files
            .into_iter()
            .filter(|f| self.config.selects(self.relative(&f.name).as_deref()))
            .collect()
    }

    /// The settings of the run: the configuration's levels under those of the command line
    /// (`command_line`), and the overrides' levels per file, except for the lints the
    /// command line sets, which it sets everywhere.
    pub fn settings(
        &self,
        command_line: &BTreeMap<&'static str, Level>,
        files: &[SourceFile],
    ) -> Settings {
        let mut levels = self.config.levels.clone();
        levels.extend(command_line.iter().map(|(k, v)| (*k, *v)));
        let mut by_file = BTreeMap::new();
        for f in files {
            let Some(relative) = self.relative(&f.name) else {
                continue;
            };
            let mut own = self.config.levels_in(&relative);
            own.retain(|code, _| !command_line.contains_key(code));
            if !own.is_empty() {
                by_file.insert(f.name.clone(), own);
            }
        }
        Settings {
            levels,
            files: by_file,
            ..Settings::default()
        }
    }
}
