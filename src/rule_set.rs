//! The rule set: rule files read, parsed, analysed and compiled together, ready to check
//! bundles. The rules shipped in `rules/` are embedded in the binary.

use std::path::Path;

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};

use crate::analysis::{Analysis, analyze_sources};
use crate::check::{self, Options, Report};
use crate::codes;
use crate::compile::{Plan, compile};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::mask::Masker;
use crate::semantic::Model;
use crate::source::{SourceFile, SourceMap};
use crate::vocab::{Lang, Wording};

static SHIPPED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// A folder or file of rule files that could not be read, and why.
fn unreadable(path: &Path, reason: &Wording) -> Diagnostic {
    let shown = path.display();
    Diagnostic::nowhere(
        &codes::UNREADABLE_RULE_FILES,
        Wording::new(
            format!(
                "cannot read rule files at `{shown}`: {}",
                reason.get(Lang::En)
            ),
            format!(
                "не удаётся прочитать файлы правил в `{shown}`: {}",
                reason.get(Lang::Ru)
            ),
            format!(
                "`{shown}` ішіндегі ереже файлдарын оқу мүмкін емес: {}",
                reason.get(Lang::Kk)
            ),
        ),
    )
    .with_help(Wording::new(
        "pass the folder that holds the `.ereje` files with `--rules`",
        "укажите в `--rules` папку, в которой лежат файлы `.ereje`",
        "`.ereje` файлдары жатқан қалтаны `--rules` арқылы көрсетіңіз",
    ))
}

/// Why a file could not be read: a bound it broke in each language, or an error of the
/// system in its own words (English), whatever the language asked for.
fn system(e: &std::io::Error) -> Wording {
    use crate::source::Unfit;
    match e.get_ref().and_then(|inner| inner.downcast_ref::<Unfit>()) {
        Some(Unfit::TooLarge(mib)) => Wording::new(
            e.to_string(),
            format!("он больше {mib} МиБ — наибольшего размера файла правил"),
            format!("ол {mib} МиБ-тан үлкен — ереже файлының ең үлкен өлшемі осы"),
        ),
        Some(Unfit::NotUtf8(at)) => Wording::new(
            e.to_string(),
            format!("это не текст в UTF-8 (кодировка нарушена на байте {at})"),
            format!("бұл UTF-8 мәтіні емес (кодтау {at}-байтта бұзылады)"),
        ),
        None => Wording::same(e.to_string()),
    }
}

/// A compiled rule set.
#[derive(Debug)]
pub struct RuleSet {
    model: Model,
    plan: Plan,
    version: String,
    /// Whether these are the rules embedded in the binary, named after the crate's folder.
    embedded: bool,
}

impl RuleSet {
    /// The rules shipped with ereje (`rules/`, embedded in the binary). They have no warnings
    /// (a test says so), so none are returned.
    pub fn shipped() -> Result<RuleSet, Diagnostics> {
        let mut files = Vec::new();
        collect_embedded(&SHIPPED, &mut files);
        files.sort_by(|a, b| a.name.cmp(&b.name));
        RuleSet::from_sources(files).map(|(rules, _)| RuleSet {
            embedded: true,
            ..rules
        })
    }

    /// Every `.ereje` file under `dir` (or the one file `dir` names), with the warnings found.
    pub fn load(dir: &Path) -> Result<(RuleSet, Diagnostics), Diagnostics> {
        RuleSet::from_sources(read_rule_files(dir)?)
    }

    /// Compile rule files given as text, with the warnings found.
    pub fn from_sources(files: Vec<SourceFile>) -> Result<(RuleSet, Diagnostics), Diagnostics> {
        RuleSet::from_analysis(analyze_sources(files))
    }

    /// Compile an analysed rule set: its errors stop it, its warnings are returned beside it.
    pub fn from_analysis(analysis: Analysis) -> Result<(RuleSet, Diagnostics), Diagnostics> {
        if analysis.diagnostics.has_errors() {
            return Err(analysis.diagnostics);
        }
        let mut hasher = Sha256::new();
        for file in analysis.model.sources.files() {
            hasher.update(file.name.as_bytes());
            hasher.update([0]);
            hasher.update(file.text.as_bytes());
            hasher.update([0]);
        }
        let plan = compile(&analysis.model);
        let rules = RuleSet {
            model: analysis.model,
            plan,
            version: format!("sha256:{:x}", hasher.finalize()),
            embedded: false,
        };
        Ok((rules, analysis.diagnostics))
    }

    /// Check one bundle (its JSON text); with `options.mask`, the personal values its
    /// findings quote are masked.
    pub fn check(&self, bundle: &str, options: &Options) -> Report {
        let mut report = check::check(&self.plan, bundle, options, &self.version);
        if options.mask {
            Masker::for_report(&self.plan, &report, bundle).report(&mut report);
        }
        report
    }

    /// Check one bundle given as bytes (text that is not UTF-8 gets an `invalid` report);
    /// with `options.mask`, masked as [`RuleSet::check`] masks.
    pub fn check_bytes(&self, bundle: &[u8], options: &Options) -> Report {
        let mut report = check::check_bytes(&self.plan, bundle, options, &self.version);
        if options.mask {
            let text = String::from_utf8_lossy(bundle);
            Masker::for_report(&self.plan, &report, &text).report(&mut report);
        }
        report
    }

    /// A masker for the bundle `text` and its report (`crate::mask`): its text for
    /// snippets, the values a trace shows.
    pub fn masker<'r>(&'r self, report: &Report, text: &str) -> Masker<'r> {
        Masker::for_report(&self.plan, report, text)
    }

    /// The report of a bundle that ereje failed to check (a bug): `invalid`, with one
    /// `internal-error` finding saying what failed.
    pub fn failed(&self, message: &str, options: &Options) -> Report {
        check::failed(&self.version, options, message)
    }

    /// The report of an HTTP request refused before checking (`request-rejected`).
    pub fn rejected(&self, rejection: crate::check::Rejection, options: &Options) -> Report {
        check::rejected(&self.version, options, rejection)
    }

    /// The rule files.
    pub fn sources(&self) -> &SourceMap {
        &self.model.sources
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
        self.model
            .calendars
            .iter()
            .find(|c| c.name() == name)
            .map(AsRef::as_ref)
    }

    /// The names of every calendar.
    pub fn calendar_names(&self) -> Vec<&str> {
        self.model.calendars.iter().map(|c| c.name()).collect()
    }

    /// Whether these are the rules embedded in the binary ([`RuleSet::shipped`]): their files are
    /// named `rules/…` after the crate's folder at build time, not after a folder on this disk.
    pub fn is_embedded(&self) -> bool {
        self.embedded
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

/// Read every `.ereje` file under `dir` (or the one file it names), sorted by path.
pub fn read_rule_files(dir: &Path) -> Result<Vec<SourceFile>, Diagnostics> {
    let mut paths = Vec::new();
    collect_paths(dir, &mut paths)
        .map_err(|e| Diagnostics::without_sources(vec![unreadable(dir, &e)]))?;
    if paths.is_empty() {
        return Err(Diagnostics::without_sources(vec![unreadable(
            dir,
            &Wording::new(
                "no `.ereje` files there",
                "там нет файлов `.ereje`",
                "онда `.ereje` файлдары жоқ",
            ),
        )]));
    }
    paths.sort();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match crate::source::read_text_bounded(&path, crate::source::MAX_RULE_FILE_BYTES) {
            Ok(text) => files.push(SourceFile::new(path.display().to_string(), text)),
            Err(e) => errors.push(unreadable(&path, &system(&e))),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics::without_sources(errors))
    }
}

/// The `.ereje` files under `path`, or `path` itself when it is a file. Only regular files
/// are read: a FIFO or a device would block or never end, so it is an error, as is a link to
/// a folder (it may loop back up the tree); a link to a file is read.
fn collect_paths(path: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), Wording> {
    let meta = std::fs::metadata(path).map_err(|e| system(&e))?;
    if !meta.is_dir() {
        if !meta.is_file() {
            return Err(not_regular(path));
        }
        out.push(path.to_path_buf());
        return Ok(());
    }
    for entry in std::fs::read_dir(path).map_err(|e| system(&e))? {
        let entry = entry.map_err(|e| system(&e))?;
        let p = entry.path();
        let kind = entry.file_type().map_err(|e| system(&e))?;
        if kind.is_dir() {
            collect_paths(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "ereje") || kind.is_symlink() {
            let target = std::fs::metadata(&p).map_err(|e| system(&e))?;
            if target.is_dir() {
                let shown = p.display();
                return Err(Wording::new(
                    format!(
                        "`{shown}` is a link to a folder; ereje does not follow those (one may loop back up the tree): name the folder itself"
                    ),
                    format!(
                        "`{shown}` — ссылка на папку; ereje по таким не переходит (она может вести вверх по дереву и зациклиться): укажите саму папку"
                    ),
                    format!(
                        "`{shown}` — қалтаға сілтеме; ereje ондайларға өтпейді (ол ағаштың жоғарысына қайта апарып, тұйықталуы мүмкін): қалтаның өзін көрсетіңіз"
                    ),
                ));
            }
            if p.extension().is_some_and(|e| e == "ereje") {
                if !target.is_file() {
                    return Err(not_regular(&p));
                }
                out.push(p);
            }
        }
    }
    Ok(())
}

fn not_regular(path: &Path) -> Wording {
    let shown = path.display();
    Wording::new(
        format!(
            "`{shown}` is not a regular file (a pipe or a device is never read: it may not end)"
        ),
        format!(
            "`{shown}` — не обычный файл (канал или устройство не читаются: они могут не закончиться)"
        ),
        format!(
            "`{shown}` — кәдімгі файл емес (арна немесе құрылғы оқылмайды: олар аяқталмауы мүмкін)"
        ),
    )
}
