//! The keyword sets: every keyword of the language in English, Kazakh and Russian, as data.
//!
//! A rule file chooses its set on its first line (`// ereje: keywords kk`; no directive is
//! English) and writes every keyword in it. The grammar accepts the three spellings of a
//! keyword in the same place (a test holds its `kw_*` rules to this table), so the sets differ
//! in words only, never in the order of clauses. The Kazakh and Russian words are taken from
//! the order's own text where it has them; all of them await legal review (`docs/keywords.md`
//! is generated from this table).

mod page;

use std::collections::HashMap;
use std::sync::OnceLock;

use super::parser::Rule;
use crate::vocab::Lang;

pub use page::page;

/// A set of keywords: the language the keywords of a file are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Set {
    /// English (the default).
    En,
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
}

impl Set {
    /// All sets, English first.
    pub const ALL: [Set; 3] = [Set::En, Set::Kk, Set::Ru];

    /// The set a directive names: `en`, `kk` or `ru`.
    pub fn parse(tag: &str) -> Option<Set> {
        match tag {
            "en" => Some(Set::En),
            "kk" => Some(Set::Kk),
            "ru" => Some(Set::Ru),
            _ => None,
        }
    }

    /// The tag a directive writes.
    pub fn tag(self) -> &'static str {
        match self {
            Set::En => "en",
            Set::Kk => "kk",
            Set::Ru => "ru",
        }
    }

    /// The language of messages that goes with the set.
    pub fn lang(self) -> Lang {
        match self {
            Set::En => Lang::En,
            Set::Kk => Lang::Kk,
            Set::Ru => Lang::Ru,
        }
    }
}

/// One keyword: its grammar rule and its spellings in each set. The first spelling of a set is
/// the one to write; a later one is an alternative the grammar also reads (`art` for `art.`),
/// and the n-th alternative of one set translates to the n-th of another, so that a
/// translation loses nothing.
#[derive(Debug, Clone, Copy)]
pub struct Keyword {
    /// The grammar rule, `kw_*`.
    pub rule: &'static str,
    /// English spellings.
    pub en: &'static [&'static str],
    /// Kazakh spellings.
    pub kk: &'static [&'static str],
    /// Russian spellings.
    pub ru: &'static [&'static str],
    /// What the keyword means, in a few words.
    pub gloss: &'static str,
    /// Where the Kazakh and Russian words come from, for the legal review.
    pub review: &'static str,
}

impl Keyword {
    /// The spellings of the keyword in `set`.
    pub fn spellings(&self, set: Set) -> &'static [&'static str] {
        match set {
            Set::En => self.en,
            Set::Kk => self.kk,
            Set::Ru => self.ru,
        }
    }

    /// The spelling to write in `set`.
    pub fn word(&self, set: Set) -> &'static str {
        self.spellings(set).first().copied().unwrap_or("")
    }

    /// Which spelling `text` is, in any set: the alternative's index.
    pub fn index_of(&self, text: &str) -> Option<usize> {
        Set::ALL
            .iter()
            .find_map(|s| self.spellings(*s).iter().position(|w| *w == text))
    }

    /// `text` (a spelling of this keyword in any set) as `set` spells it.
    pub fn translate(&self, text: &str, set: Set) -> &'static str {
        let spellings = self.spellings(set);
        self.index_of(text)
            .and_then(|i| spellings.get(i))
            .copied()
            .unwrap_or_else(|| self.word(set))
    }
}

/// The review note of a Kazakh word taken from the order's text (its Kazakh text is the one
/// the project holds; the Russian words are the usual terms of Russian legal texts).
const LAW: &str = "the Kazakh word is the order's own";

/// Shorthand for a table entry with one spelling a set.
const fn kw(
    rule: &'static str,
    en: &'static [&'static str],
    kk: &'static [&'static str],
    ru: &'static [&'static str],
    gloss: &'static str,
    review: &'static str,
) -> Keyword {
    Keyword {
        rule,
        en,
        kk,
        ru,
        gloss,
        review,
    }
}

/// Every keyword, in the order of the grammar.
#[rustfmt::skip]
pub const TABLE: &[Keyword] = &[
    kw("kw_act", &["act"], &["акт"], &["акт"], "a legal act", ""),
    kw("kw_service", &["service"], &["қызмет"], &["услуга"], "a public service", LAW),
    kw("kw_calendar", &["calendar"], &["күнтізбе"], &["календарь"], "a working-day calendar", ""),
    kw("kw_title", &["title"], &["атауы"], &["наименование"], "the title", LAW),
    kw("kw_kind", &["kind"], &["түрі"], &["вид"], "what kind of act or annex", ""),
    kw("kw_issued", &["issued"], &["қабылданған"], &["принят"], "the day the act was adopted", ""),
    kw("kw_issuer", &["issuer"], &["шығарушы"], &["издатель"], "who issued the act", ""),
    kw("kw_number", &["number"], &["нөмірі"], &["номер"], "the act's number", ""),
    kw("kw_registered", &["registered"], &["тіркелген"], &["зарегистрирован"], "state registration", LAW),
    kw("kw_published", &["published"], &["жарияланған"], &["опубликован"], "first publication", ""),
    kw("kw_in_force", &["in_force"], &["қолданысқа_енгізіледі"], &["вступает_в_силу"], "entry into force", LAW),
    kw("kw_amended", &["amended"], &["өзгертілген"], &["изменён"], "amended by another act", ""),
    kw("kw_repealed", &["repealed"], &["күші_жойылған"], &["утратил_силу"], "repealed by another act", LAW),
    kw("kw_annex", &["annex"], &["қосымша"], &["приложение"], "an annex", LAW),
    kw("kw_excluded", &["excluded"], &["алып_тасталған"], &["исключён"], "excluded by an amendment", LAW),
    kw("kw_refers", &["refers"], &["сілтейді"], &["ссылается"], "how the text names another act", ""),
    kw("kw_dated", &["dated"], &["датасы"], &["датированный"], "the date the text gives an act", ""),
    kw("kw_paragraphs", &["paragraphs"], &["тармақтар"], &["пункты"], "the paragraph numbers", LAW),
    kw("kw_of", &["of"], &["ішіндегі"], &["к"], "an annex of an annex", ""),
    kw("kw_empty", &["empty"], &["бос"], &["пусто"], "an annex with a heading only", ""),
    kw("kw_addressed", &["addressed"], &["жолданады"], &["направлено"], "to whom a step sends its result", LAW),
    kw("kw_results", &["results"], &["нәтижелері"], &["результаты"], "what the service gives", LAW),
    kw("kw_produces", &["produces"], &["береді"], &["выдает"], "the results a step gives", ""),
    kw("kw_names", &["names"], &["атайды"], &["называет"], "abbreviations a step's text names", ""),
    kw("kw_as", &["as"], &["ретінде"], &["как"], "what the text calls an act", ""),
    kw("kw_unknown", &["unknown"], &["белгісіз"], &["неизвестно"], "a date not known", ""),
    kw("kw_by", &["by"], &["арқылы"], &["через"], "by an act, by an actor", ""),
    kw("kw_at", &["at"], &["орны"], &["место"], "where in the text", ""),
    kw("kw_on", &["on"], &["күні"], &["дата"], "on a day", ""),
    kw("kw_standard", &["standard"], &["стандарт"], &["стандарт"], "the service's standard", LAW),
    kw("kw_timezone", &["timezone"], &["уақыт_белдеуі"], &["часовой_пояс"], "the time zone", ""),
    kw("kw_channel", &["channel"], &["арна"], &["канал"], "an intake channel", ""),
    kw("kw_actor", &["actor"], &["қатысушы"], &["участник"], "who takes part in the process", ""),
    kw("kw_input", &["input"], &["дерек"], &["данные"], "a fact the bundle gives", ""),
    kw("kw_let", &["let"], &["болсын"], &["пусть"], "a named condition", ""),
    kw("kw_document", &["document"], &["құжат"], &["документ"], "a required document", LAW),
    kw("kw_required", &["required"], &["қажет"], &["требуется"], "when a document is required", LAW),
    kw("kw_always", &["always"], &["әрқашан"], &["всегда"], "required in every case", ""),
    kw("kw_when", &["when"], &["егер"], &["если"], "a condition", ""),
    kw("kw_unless", &["unless"], &["қоспағанда"], &["кроме"], "an exception", ""),
    kw("kw_valid", &["valid"], &["жарамды"], &["действителен"], "when a document is valid", ""),
    kw("kw_for", &["for"], &["үшін"], &["для"], "a document for each item", ""),
    kw("kw_each", &["each"], &["әрбір"], &["каждого"], "each item of a list", ""),
    kw("kw_in", &["in"], &["ішінен"], &["в"], "membership, the list iterated", ""),
    kw("kw_where", &["where"], &["қайда"], &["где"], "a filter on items", ""),
    kw("kw_matched", &["matched"], &["сәйкес"], &["сопоставлен"], "how a document finds its item", ""),
    kw("kw_refusal", &["refusal"], &["бас_тарту"], &["отказ"], "a ground for refusal", LAW),
    kw("kw_message", &["message"], &["хабарлама"], &["сообщение"], "the words shown to an applicant", ""),
    kw("kw_quote", &["quote"], &["дәйексөз"], &["цитата"], "the source text, verbatim", ""),
    kw("kw_source", &["source"], &["дереккөз"], &["источник"], "where a fact was read", ""),
    kw("kw_unverified", &["unverified"], &["тексерілмеген"], &["не_проверено"], "a fact not checked against an official text", ""),
    kw("kw_note", &["note"], &["ескерту"], &["примечание"], "a remark for legal review", ""),
    kw("kw_since", &["since"], &["бастап"], &["с"], "in force from", ""),
    kw("kw_until", &["until"], &["дейін"], &["до"], "in force up to", ""),
    kw("kw_allow", &["allow"], &["рұқсат"], &["разрешить"], "a lint suppression", ""),
    kw("kw_wording", &["wording"], &["редакция"], &["редакция"], "the wording an amendment gave", LAW),
    kw("kw_from", &["from"], &["бойынша"], &["согласно"], "the amending act of a wording", ""),
    kw("kw_because", &["because"], &["себебі"], &["потому_что"], "the reason of a suppression", ""),
    kw("kw_process", &["process"], &["рәсім"], &["процедура"], "the sequence of steps", LAW),
    kw("kw_view", &["view"], &["көрініс"], &["представление"], "a second view of the process", ""),
    kw("kw_step", &["step"], &["қадам"], &["шаг"], "a step of the process", ""),
    kw("kw_within", &["within"], &["ішінде"], &["в_течение"], "a step's deadline", LAW),
    kw("kw_after", &["after"], &["кейін"], &["после"], "what a deadline counts from", LAW),
    kw("kw_parallel", &["parallel"], &["қатар"], &["параллельно"], "a step run alongside another", ""),
    kw("kw_with", &["with"], &["бірге"], &["вместе_с"], "the step run alongside", ""),
    kw("kw_maps", &["maps"], &["сәйкестенеді"], &["соответствует"], "a view's step and its step of the process", ""),
    kw("kw_to", &["to"], &["қарай"], &["на"], "the target of a mapping, an address, a transfer", ""),
    kw("kw_term", &["term"], &["мерзімі"], &["срок"], "the overall service term", LAW),
    kw("kw_action", &["action"], &["әрекет"], &["действие"], "what a step does", ""),
    kw("kw_written", &["written"], &["жазылған"], &["написано"], "a duration as the act writes it", ""),
    kw("kw_example", &["example"], &["мысал"], &["пример"], "a test case", ""),
    kw("kw_bundle", &["bundle"], &["пакет"], &["пакет"], "the example's application bundle", ""),
    kw("kw_expect", &["expect"], &["күтіледі"], &["ожидается"], "the verdict expected", ""),
    kw("kw_finding", &["finding"], &["анықталған"], &["замечание"], "a finding expected", ""),
    kw("kw_others", &["others"], &["басқалар"], &["прочие"], "other findings allowed", ""),
    kw("kw_and_others", &["and"], &["және"], &["и"], "the `and` of `and others`", ""),
    kw("kw_art", &["art.", "art"], &["бап", "бап."], &["ст.", "ст"], "an article of a law", ""),
    kw("kw_and", &["and"], &["және"], &["и"], "both conditions", LAW),
    kw("kw_or", &["or"], &["немесе"], &["или"], "either condition", LAW),
    kw("kw_not", &["not"], &["емес"], &["не"], "the opposite condition", ""),
    kw("kw_has_any", &["has_any"], &["бірін_қамтиды"], &["содержит_любое"], "a set holds one of the values", ""),
    kw("kw_has", &["has"], &["қамтиды"], &["содержит"], "a set holds the value, a bundle has a document", ""),
    kw("kw_true", &["true"], &["ақиқат"], &["истина"], "yes", ""),
    kw("kw_false", &["false"], &["жалған"], &["ложь"], "no", ""),
    kw("kw_list", &["list"], &["тізім"], &["список"], "a list of records", ""),
    kw("kw_set", &["set"], &["жиын"], &["множество"], "a set of values", ""),
    kw("kw_one_of", &["one_of"], &["бірі"], &["одно_из"], "one value of several", ""),
    kw("kw_weekend", &["weekend"], &["демалыс"], &["выходные"], "the weekend days", ""),
    kw("kw_holiday", &["holiday"], &["мереке"], &["праздник"], "a public holiday", ""),
    kw("kw_working", &["working"], &["жұмыс"], &["рабочий"], "a weekend day made working", LAW),
    kw("kw_transfer", &["transfer"], &["ауыстыру"], &["перенос"], "a day off moved", ""),
    kw("kw_observed", &["observed"], &["орнына_демалыс"], &["выходной_взамен"], "the day off after a holiday on a weekend", ""),
    kw("kw_fixed", &["fixed"], &["тұрақты"], &["постоянный"], "a religious day off, never moved", ""),
    kw("kw_years", &["years"], &["жылдар"], &["годы"], "the years a calendar covers", ""),
    kw("kw_counting", &["counting"], &["есептеу"], &["исчисление"], "a term-counting switch", ""),
    kw("kw_any", &["any"], &["кез_келген"], &["хотя_бы_один"], "some item of a list", ""),
    kw("kw_all", &["all"], &["барлық"], &["все"], "every item of a list", ""),
    kw("kw_personal", &["personal"], &["жеке"], &["персональные"], "data that tells who the applicant is", ""),
];

/// The keywords the grammar reserves: in no set can they be names, unless in backticks.
pub const RESERVED: &[&str] = &[
    "kw_act",
    "kw_service",
    "kw_calendar",
    "kw_and",
    "kw_or",
    "kw_not",
    "kw_in",
    "kw_has_any",
    "kw_has",
    "kw_within",
    "kw_after",
    "kw_when",
    "kw_where",
    "kw_for",
    "kw_each",
    "kw_true",
    "kw_false",
    "kw_document",
    "kw_since",
    "kw_until",
    "kw_by",
    "kw_unknown",
];

/// The table entry of a `kw_*` rule.
pub fn of_rule(rule: Rule) -> Option<&'static Keyword> {
    static BY_RULE: OnceLock<HashMap<Rule, &'static Keyword>> = OnceLock::new();
    BY_RULE
        .get_or_init(|| {
            let names: HashMap<&str, &Keyword> = TABLE.iter().map(|k| (k.rule, k)).collect();
            Rule::all_rules()
                .iter()
                .filter_map(|r| names.get(format!("{r:?}").as_str()).map(|k| (*r, *k)))
                .collect()
        })
        .get(&rule)
        .copied()
}

/// The keyword `word` spells, in any set (`and` is the `and` of conditions).
pub fn of_word(word: &str) -> Option<&'static Keyword> {
    static BY_WORD: OnceLock<HashMap<&'static str, &'static Keyword>> = OnceLock::new();
    BY_WORD
        .get_or_init(|| {
            let mut map = HashMap::new();
            for k in TABLE.iter().rev() {
                for set in Set::ALL {
                    for w in k.spellings(set) {
                        map.insert(*w, k);
                    }
                }
            }
            map
        })
        .get(word)
        .copied()
}

/// `word` in English if it is a keyword of any set, else `word` itself: the scans of error
/// recovery read every set through this.
pub fn english(word: &str) -> &str {
    of_word(word).map_or(word, |k| k.translate(word, Set::En))
}

/// Whether `word` is a keyword of `set`.
pub fn is_keyword_of(word: &str, set: Set) -> bool {
    TABLE.iter().any(|k| k.spellings(set).contains(&word))
}

/// Whether `word` is a reserved keyword in some set: it can only be a name in backticks.
pub fn is_reserved(word: &str) -> bool {
    of_word(word).is_some_and(|k| RESERVED.contains(&k.rule))
}

/// A name as the AST has it: without the backticks that escape a keyword.
pub fn bare(name: &str) -> String {
    name.replace('`', "")
}

/// What a file's first line says about its keywords.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    /// No directive: English.
    Absent,
    /// `// ereje: keywords kk`; the range is the set's tag.
    Set(Set, std::ops::Range<usize>),
    /// A directive that names no set; the range is what it names instead.
    Unknown(String, std::ops::Range<usize>),
}

/// The words a directive starts with, after `//`.
const DIRECTIVE: &str = "ereje: keywords";

impl Directive {
    /// Read the directive on the first line of `text`.
    pub fn of(text: &str) -> Directive {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let line = text.get(bom..).unwrap_or("").lines().next().unwrap_or("");
        let Some(rest) = line.trim_start().strip_prefix("//") else {
            return Directive::Absent;
        };
        let Some(tail) = rest.trim_start().strip_prefix(DIRECTIVE) else {
            return Directive::Absent;
        };
        let name = tail.trim();
        let start = bom + (line.len() - tail.len()) + (tail.len() - tail.trim_start().len());
        let range = start..start + name.len();
        match Set::parse(name) {
            Some(set) => Directive::Set(set, range),
            None => Directive::Unknown(name.to_string(), range),
        }
    }

    /// The set the file is written in; `None` when the directive names none.
    pub fn set(&self) -> Option<Set> {
        match self {
            Directive::Absent => Some(Set::En),
            Directive::Set(set, _) => Some(*set),
            Directive::Unknown(..) => None,
        }
    }
}

/// The set the file `text` is written in (English when its directive names none).
pub fn set_of(text: &str) -> Set {
    Directive::of(text).set().unwrap_or(Set::En)
}

/// The directive line for `set`; English needs none.
pub fn directive_line(set: Set) -> Option<String> {
    (set != Set::En).then(|| format!("// {DIRECTIVE} {}", set.tag()))
}

/// The description of an error's expectation with its keywords in `set`: every word in
/// backticks that is an English keyword is written as `set` writes it (units of durations,
/// which the grammar reads in English only, stay).
pub fn in_set(text: &str, set: Set) -> String {
    if set == Set::En {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 0 {
            out.push_str(part);
            continue;
        }
        out.push_str(&translate_code(part, set));
    }
    out
}

/// Words of durations: `calendar` and `working` before them are units, not keywords.
const UNITS: &[&str] = &[
    "minutes", "minute", "hours", "hour", "days", "day", "months", "month", "years", "year",
    "calendar", "working",
];

/// A snippet of code (`amended by`, `one_of(…)`, `§ standard 4`) with its English keywords
/// in `set`; units of durations stay.
pub fn code_in_set(code: &str, set: Set) -> String {
    if set == Set::En {
        code.to_string()
    } else {
        translate_code(code, set)
    }
}

/// A snippet of code (`amended by`, `one_of(…)`) with its English keywords in `set`.
fn translate_code(code: &str, set: Set) -> String {
    let mut out = String::with_capacity(code.len());
    let mut word = String::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i <= chars.len() {
        let c = chars.get(i).copied();
        if let Some(c) = c.filter(|c| c.is_alphanumeric() || *c == '_' || *c == '.') {
            word.push(c);
        } else {
            if !word.is_empty() {
                let rest: String = chars.get(i..).unwrap_or(&[]).iter().collect();
                let next = rest.split_whitespace().next().unwrap_or("");
                let unit = matches!(word.as_str(), "calendar" | "working")
                    && UNITS.contains(&next.trim_matches(|c: char| !c.is_alphanumeric()));
                let plain = word.contains('.') && word != "art.";
                match of_word(&word).filter(|k| !unit && !plain && k.en.contains(&word.as_str())) {
                    Some(k) => out.push_str(k.translate(&word, set)),
                    None => out.push_str(&word),
                }
                word.clear();
            }
            if let Some(c) = c {
                out.push(c);
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string literals of each `kw_*` rule of the grammar.
    fn grammar_spellings() -> Vec<(String, Vec<String>)> {
        include_str!("../../../grammar/ereje.pest")
            .lines()
            .filter(|l| l.starts_with("kw_"))
            .filter_map(|line| {
                let (name, body) = line.split_once('=')?;
                let literals = body
                    .split('"')
                    .skip(1)
                    .step_by(2)
                    .map(String::from)
                    .collect();
                Some((name.trim().to_string(), literals))
            })
            .collect()
    }

    #[test]
    fn the_grammar_and_the_table_agree() {
        let grammar = grammar_spellings();
        assert_eq!(
            grammar.len(),
            TABLE.len(),
            "a kw_ rule is missing on one side"
        );
        for (rule, literals) in grammar {
            let entry = TABLE
                .iter()
                .find(|k| k.rule == rule)
                .unwrap_or_else(|| panic!("`{rule}` is not in the keyword table"));
            let mut want: Vec<String> = Set::ALL
                .iter()
                .flat_map(|s| entry.spellings(*s).iter().map(|w| (*w).to_string()))
                .collect();
            want.sort();
            want.dedup();
            let mut got = literals;
            got.sort();
            got.dedup();
            assert_eq!(got, want, "`{rule}`: the grammar and the table disagree");
            assert!(
                of_rule(
                    Rule::all_rules()
                        .iter()
                        .copied()
                        .find(|r| format!("{r:?}") == rule)
                        .unwrap_or(Rule::EOI)
                )
                .is_some()
            );
        }
    }

    /// Two keywords never share a spelling (but `and` of `and others`, which is the `and` of
    /// conditions), in a set or across sets: a word says which keyword it is.
    #[test]
    fn a_word_is_one_keyword() {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for k in TABLE {
            let rule = k.rule.replace("kw_and_others", "kw_and");
            for set in Set::ALL {
                assert_eq!(
                    k.spellings(set).len(),
                    k.en.len(),
                    "{}: alternatives",
                    k.rule
                );
                for w in k.spellings(set) {
                    if let Some(other) = seen.insert(w, k.rule) {
                        assert_eq!(other.replace("kw_and_others", "kw_and"), rule, "`{w}`");
                    }
                }
            }
        }
    }

    #[test]
    fn the_reserved_words_are_reserved_in_every_set() {
        let grammar = include_str!("../../../grammar/ereje.pest");
        let start = grammar.find("keyword = _{").unwrap_or(0);
        let end = start + grammar[start..].find('}').unwrap_or(0);
        let mut got: Vec<&str> = grammar[start..end].split('"').skip(1).step_by(2).collect();
        got.sort_unstable();
        let mut want: Vec<&str> = TABLE
            .iter()
            .filter(|k| RESERVED.contains(&k.rule))
            .flat_map(|k| {
                Set::ALL
                    .iter()
                    .flat_map(|s| k.spellings(*s).iter().copied())
            })
            .collect();
        want.sort_unstable();
        want.dedup();
        assert_eq!(got, want);
    }

    #[test]
    fn the_directive_names_the_set() {
        assert_eq!(Directive::of("act x {}"), Directive::Absent);
        assert_eq!(
            Directive::of("// ereje: keywords kk\n"),
            Directive::Set(Set::Kk, 19..21)
        );
        assert_eq!(
            Directive::of("// ereje: keywords fr\nact"),
            Directive::Unknown("fr".into(), 19..21)
        );
        assert_eq!(set_of("//ereje: keywords ru"), Set::Ru);
    }

    #[test]
    fn expectations_speak_the_set() {
        assert_eq!(in_set("`amended by`", Set::Kk), "`өзгертілген арқылы`");
        assert_eq!(
            in_set(
                "`written` and a duration, like `written 90 calendar working days`",
                Set::Ru
            ),
            "`написано` and a duration, like `написано 90 calendar working days`"
        );
        assert_eq!(
            in_set("a name like `applicant.birth_date`", Set::Ru),
            "a name like `applicant.birth_date`"
        );
        assert_eq!(in_set("`one_of(…)`", Set::Kk), "`бірі(…)`");
    }
}
