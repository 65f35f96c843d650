//! Syntax errors (`E01xx`): pest's errors retold in plain words, and the errors of lowering.
//! They hold spans (file and bytes) and become [`Diagnostic`]s late; `found` names what stands
//! where the parser stopped, `expected` what could have stood there.

mod around;
mod expected;
mod found;
mod slips;

use crate::codes;
use crate::diagnostic::{Diagnostic, Label};
use crate::source::{SourceFile, Span};
use crate::syntax::keywords::Set;
use crate::syntax::parser::Rule;
use crate::vocab::{Lang, Wording};

pub(crate) use expected::describe;

/// An error found while reading a rule file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SyntaxError {
    /// The text does not follow the grammar.
    #[error("unexpected {found}")]
    Unexpected {
        /// What stands there, in words.
        found: Wording,
        /// What could stand there, in words (the help).
        expected: Wording,
        /// Where.
        span: Span,
        /// The label text.
        label: Wording,
    },
    /// A date that does not exist.
    #[error("`{text}` is not a real calendar date")]
    InvalidDate {
        /// The date as written.
        text: String,
        /// Where.
        span: Span,
    },
    /// A number too large to mean anything here.
    #[error("the number `{text}` is too large")]
    NumberTooLarge {
        /// The number as written.
        text: String,
        /// Where.
        span: Span,
    },
    /// Expressions nested deeper than the limit.
    #[error("this expression is nested too deeply")]
    TooDeep {
        /// The nesting limit.
        limit: usize,
        /// Where.
        span: Span,
    },
    /// An expression of more operators than the limit (each one nests the rest of the chain
    /// one level deeper in the tree every later phase walks).
    #[error("this condition has too many operators")]
    TooLong {
        /// The limit on operators.
        limit: usize,
        /// Where.
        span: Span,
    },
    /// The parser gave up (pathological input).
    #[error("this rule file is too complex to read")]
    TooComplex {
        /// Where.
        span: Span,
    },
    /// A clause that may appear once appears twice.
    #[error("`{clause}` is given twice")]
    RepeatedClause {
        /// The clause keyword.
        clause: String,
        /// The second occurrence.
        span: Span,
        /// The first occurrence.
        first: Span,
    },
    /// A keyword of another set than the file's.
    #[error("`{written}` is a keyword of the {} set; this file's keywords are {}", written_in.tag(), set.tag())]
    MixedKeywords {
        /// The keyword as written.
        written: String,
        /// The set it belongs to.
        written_in: Set,
        /// The file's set.
        set: Set,
        /// The keyword as the file's set writes it.
        right: String,
        /// Where.
        span: Span,
    },
    /// A keywords directive that names no set.
    #[error("`{name}` is not a set of keywords")]
    UnknownKeywordSet {
        /// What the directive names.
        name: String,
        /// Where.
        span: Span,
    },
    /// A calendar weekday name that is not one.
    #[error("unknown weekday `{text}`")]
    UnknownWeekday {
        /// As written.
        text: String,
        /// Where.
        span: Span,
    },
}

impl SyntaxError {
    /// The primary place.
    pub fn span(&self) -> Span {
        match self {
            SyntaxError::Unexpected { span, .. }
            | SyntaxError::InvalidDate { span, .. }
            | SyntaxError::NumberTooLarge { span, .. }
            | SyntaxError::TooDeep { span, .. }
            | SyntaxError::TooLong { span, .. }
            | SyntaxError::TooComplex { span }
            | SyntaxError::RepeatedClause { span, .. }
            | SyntaxError::UnknownWeekday { span, .. }
            | SyntaxError::MixedKeywords { span, .. }
            | SyntaxError::UnknownKeywordSet { span, .. } => *span,
        }
    }

    /// Whether the parser itself stopped here (not a problem found in a token afterwards).
    pub(crate) fn is_parse_error(&self) -> bool {
        matches!(
            self,
            SyntaxError::Unexpected { .. } | SyntaxError::TooComplex { .. }
        )
    }

    /// Retell a pest error in plain words. `file` is the source's index in its source map;
    /// `piece` says which part of the text was parsed (see [`Piece`]).
    pub(crate) fn from_pest(
        err: &pest::error::Error<Rule>,
        source: &SourceFile,
        file: usize,
        piece: Piece,
    ) -> SyntaxError {
        use pest::error::{ErrorVariant, InputLocation};
        let mut offset = piece.base
            + match err.location {
                InputLocation::Pos(p) | InputLocation::Span((p, _)) => p,
            };
        let (mut positives, custom) = match &err.variant {
            ErrorVariant::ParsingError { positives, .. } => (positives.clone(), None),
            ErrorVariant::CustomError { message } => (Vec::new(), Some(message.clone())),
        };
        if offset >= piece.end {
            // The piece ended where the whole file goes on: what stands there is the next
            // token of the file, as a parse of the whole file would have said.
            offset = next_token(&source.text, piece.end);
        }
        if piece.in_block && positives.contains(&Rule::EOI) {
            // what may close a piece inside a block is the block's `}`, not the end of the file
            positives.retain(|r| *r != Rule::EOI);
            positives.push(Rule::kw_note);
        }
        if custom.as_deref().is_some_and(|m| m.contains("call limit")) {
            return SyntaxError::TooComplex {
                span: Span::new(file, offset, offset),
            };
        }
        if let Some(end) = found::unfinished_line_end(&source.text, piece.context, offset) {
            offset = end;
        }
        let (found, len) = found::describe_found(&source.text, piece.context, offset);
        let mut words: Vec<&'static str> = positives.iter().filter_map(|r| describe(*r)).collect();
        words.sort_unstable();
        words.dedup();
        // the keywords as the file's own set writes them
        let set = crate::syntax::keywords::set_of(&source.text);
        let listed = |lang: usize| -> String {
            let said: Vec<String> = words
                .iter()
                .map(|w| match lang {
                    1 => expected::translate(w).0,
                    2 => expected::translate(w).1,
                    _ => w,
                })
                .map(|w| crate::syntax::keywords::in_set(w, set))
                .collect();
            let or = ["or", "или", "немесе"][lang];
            match said.split_last() {
                None => String::new(),
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
            }
        };
        let expected = match words.as_slice() {
            [] => custom.map_or_else(
                || {
                    Wording::new(
                        "check the spelling and the order of the words here",
                        "проверьте написание и порядок слов здесь",
                        "мұндағы сөздердің жазылуы мен ретін тексеріңіз",
                    )
                },
                Wording::en,
            ),
            _ => Wording::new(
                format!("expected {}", listed(0)),
                format!("ожидалось: {}", listed(1)),
                format!("күтілгені: {}", listed(2)),
            ),
        };
        let label = match words.as_slice() {
            [_] => Wording::new(
                format!("expected {} here", listed(0)),
                format!("здесь ожидалось: {}", listed(1)),
                format!("мұнда күтілгені: {}", listed(2)),
            ),
            _ => Wording::new(
                "not expected here",
                "здесь не ожидалось",
                "мұнда күтілмеген",
            ),
        };
        SyntaxError::Unexpected {
            found,
            expected,
            span: Span::new(file, offset, offset + len),
            label,
        }
    }
}

/// Which part of a file a parse read: the whole file, or (in recovery) one declaration or the
/// elements of a block on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Where the parsed text starts in the file.
    pub base: usize,
    /// Where it ends.
    pub end: usize,
    /// Where the declaration it belongs to starts (the context of an error).
    pub context: usize,
    /// Whether it lies inside a block, which a `}` closes.
    pub in_block: bool,
}

impl Piece {
    /// The whole text.
    pub(crate) fn whole(text: &str) -> Piece {
        Piece {
            base: 0,
            end: text.len(),
            context: 0,
            in_block: false,
        }
    }
}

/// The offset of the first token at or after `offset`: spaces and comments skipped.
fn next_token(text: &str, mut offset: usize) -> usize {
    loop {
        let rest = text.get(offset..).unwrap_or("");
        let trimmed = rest.trim_start();
        offset += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            offset += trimmed.find('\n').unwrap_or(trimmed.len());
        } else {
            return offset;
        }
    }
}

impl From<&SyntaxError> for Diagnostic {
    fn from(e: &SyntaxError) -> Diagnostic {
        let message = e.to_string();
        match e {
            SyntaxError::Unexpected {
                found,
                expected,
                span,
                label,
            } => Diagnostic::new(
                &codes::UNEXPECTED_TEXT,
                Wording::new("unexpected", "не ожидалось:", "күтілмеген:").join(" ", found),
                Label::new(*span, label.clone()),
            )
            .with_help(expected.clone()),
            SyntaxError::InvalidDate { text, span } => Diagnostic::new(
                &codes::INVALID_DATE,
                Wording::new(
                    message,
                    format!("`{text}` — не существующая календарная дата"),
                    format!("`{text}` — күнтізбеде жоқ күн"),
                ),
                Label::new(*span, Wording::new("no such day", "такого дня нет", "мұндай күн жоқ")),
            )
            .with_help(Wording::new(
                "write the date as YYYY-MM-DD, with a month from 01 to 12 and a day that exists in that month",
                "пишите дату как YYYY-MM-DD: месяц от 01 до 12 и день, который в этом месяце есть",
                "күнді YYYY-MM-DD түрінде жазыңыз: ай 01-ден 12-ге дейін, күн сол айда бар болуы тиіс",
            )),
            SyntaxError::NumberTooLarge { text, span } => Diagnostic::new(
                &codes::NUMBER_TOO_LARGE,
                Wording::new(
                    message,
                    format!("число `{text}` слишком велико"),
                    format!("`{text}` саны тым үлкен"),
                ),
                Label::new(*span, Wording::new("too large", "слишком велико", "тым үлкен")),
            )
            .with_help(Wording::new(
                "numbers in rule files must be below 1000000",
                "числа в файлах правил должны быть меньше 1000000",
                "ереже файлдарындағы сандар 1000000-нан кіші болуы тиіс",
            )),
            SyntaxError::TooDeep { limit, span } => Diagnostic::new(
                &codes::NESTING_TOO_DEEP,
                Wording::new(
                    message,
                    "у этого выражения слишком глубокая вложенность",
                    "бұл өрнектің кірістірілуі тым терең",
                ),
                Label::new(
                    *span,
                    Wording::new(
                        "nesting limit reached here",
                        "здесь достигнут предел вложенности",
                        "кірістіру шегіне осында жетті",
                    ),
                ),
            )
            .with_help(Wording::new(
                format!("split the condition into named parts with `let`; at most {limit} levels of nesting are read"),
                format!("разбейте условие на именованные части через `let`; читается не более {limit} уровней вложенности"),
                format!("шартты `let` арқылы аталған бөліктерге бөліңіз; кірістірудің ең көбі {limit} деңгейі оқылады"),
            )),
            SyntaxError::TooLong { limit, span } => Diagnostic::new(
                &codes::NESTING_TOO_DEEP,
                Wording::new(
                    message,
                    "в этом условии слишком много операторов",
                    "бұл шартта операторлар тым көп",
                ),
                Label::new(*span, Wording::new("this condition", "это условие", "осы шарт")),
            )
            .with_help(Wording::new(
                format!("split the condition into named parts with `let`; a condition has at most {limit} operators (`and`, `or`, `not`, comparisons, `+`, `-`, `in`, `has`)"),
                format!("разбейте условие на именованные части через `let`; в условии не более {limit} операторов (`and`, `or`, `not`, сравнения, `+`, `-`, `in`, `has`)"),
                format!("шартты `let` арқылы аталған бөліктерге бөліңіз; шартта ең көбі {limit} оператор болады (`and`, `or`, `not`, салыстырулар, `+`, `-`, `in`, `has`)"),
            )),
            SyntaxError::TooComplex { span } => Diagnostic::new(
                &codes::FILE_TOO_COMPLEX,
                Wording::new(
                    message,
                    "этот файл правил слишком сложен для чтения",
                    "бұл ереже файлы оқу үшін тым күрделі",
                ),
                Label::new(
                    *span,
                    Wording::new(
                        "reading stopped here",
                        "чтение остановлено здесь",
                        "оқу осында тоқтады",
                    ),
                ),
            )
            .with_help(Wording::new(
                "the file exceeds the parser's work limit; split it or simplify its expressions",
                "файл превышает предел работы разбора; разделите его или упростите выражения",
                "файл талдау жұмысының шегінен асады; оны бөліңіз немесе өрнектерін жеңілдетіңіз",
            )),
            SyntaxError::RepeatedClause {
                clause,
                span,
                first,
            } => Diagnostic::new(
                &codes::REPEATED_CLAUSE,
                Wording::new(
                    message,
                    format!("`{clause}` указано дважды"),
                    format!("`{clause}` екі рет жазылған"),
                ),
                Label::new(
                    *span,
                    Wording::new(
                        format!("second `{clause}`"),
                        format!("второе `{clause}`"),
                        format!("екінші `{clause}`"),
                    ),
                ),
            )
            .with_label(Label::new(
                *first,
                Wording::new("first given here", "впервые указано здесь", "алғаш осында жазылған"),
            ))
            .with_help(Wording::new(
                format!("keep one `{clause}` clause and delete the other"),
                format!("оставьте одно предложение `{clause}`, а другое удалите"),
                format!("бір `{clause}` жолын қалдырып, екіншісін алып тастаңыз"),
            )),
            SyntaxError::MixedKeywords {
                written,
                written_in,
                set,
                right,
                span,
            } => mixed_keywords(written, *written_in, *set, right, *span),
            SyntaxError::UnknownKeywordSet { name, span } => unknown_keyword_set(name, *span),
            SyntaxError::UnknownWeekday { text, span } => Diagnostic::new(
                &codes::UNKNOWN_WEEKDAY,
                Wording::new(
                    message,
                    format!("неизвестный день недели `{text}`"),
                    format!("`{text}` — белгісіз апта күні"),
                ),
                Label::new(*span, Wording::new("not a weekday", "не день недели", "апта күні емес")),
            )
            .with_help(Wording::new(
                "write weekdays as mon, tue, wed, thu, fri, sat, sun",
                "пишите дни недели как mon, tue, wed, thu, fri, sat, sun",
                "апта күндерін mon, tue, wed, thu, fri, sat, sun деп жазыңыз",
            )),
        }
    }
}

/// The directive that declares `set`, as the file writes it (English: no directive).
fn declaring(set: Set) -> Wording {
    match crate::syntax::keywords::directive_line(set) {
        Some(line) => Wording::new(
            format!("the file declares `{line}` on its first line"),
            format!("файл объявляет `{line}` в первой строке"),
            format!("файл бірінші жолында `{line}` деп жариялайды"),
        ),
        None => Wording::new(
            "the file has no `// ereje: keywords` line, so its keywords are English",
            "в файле нет строки `// ereje: keywords`, поэтому его ключевые слова английские",
            "файлда `// ereje: keywords` жолы жоқ, сондықтан оның кілт сөздері ағылшынша",
        ),
    }
}

/// A set's name in three languages.
fn set_name(set: Set) -> Wording {
    match set {
        Set::En => Wording::new("English", "английский", "ағылшын"),
        Set::Kk => Wording::new("Kazakh", "казахский", "қазақ"),
        Set::Ru => Wording::new("Russian", "русский", "орыс"),
    }
}

fn mixed_keywords(written: &str, written_in: Set, set: Set, right: &str, span: Span) -> Diagnostic {
    let (of, file) = (set_name(written_in), set_name(set));
    let message = Wording::new(
        format!(
            "`{written}` is a keyword in {}; this file's keywords are in {}",
            of.get(Lang::En),
            file.get(Lang::En)
        ),
        format!(
            "`{written}` — ключевое слово набора «{}», а ключевые слова этого файла — из набора «{}»",
            of.get(Lang::Ru),
            file.get(Lang::Ru)
        ),
        format!(
            "`{written}` — {} кілт сөзі, ал бұл файлдың кілт сөздері {} тілінде",
            of.get(Lang::Kk),
            file.get(Lang::Kk)
        ),
    );
    Diagnostic::new(
        &codes::MIXED_KEYWORDS,
        message,
        Label::new(
            span,
            Wording::new(
                format!("write `{right}` here"),
                format!("здесь пишется `{right}`"),
                format!("мұнда `{right}` деп жазылады"),
            ),
        ),
    )
    .with_help(
        Wording::new(
            format!("write `{right}`: one file uses one set of keywords, and "),
            format!("пишите `{right}`: в одном файле один набор ключевых слов, и "),
            format!("`{right}` деп жазыңыз: бір файлда кілт сөздердің бір жиыны болады, және "),
        )
        .join("", &declaring(set)),
    )
}

fn unknown_keyword_set(name: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &codes::UNKNOWN_KEYWORD_SET,
        Wording::new(
            format!("`{name}` is not a set of keywords"),
            format!("`{name}` — не набор ключевых слов"),
            format!("`{name}` — кілт сөздер жиыны емес"),
        ),
        Label::new(
            span,
            Wording::new("not `kk`, `ru` or `en`", "не `kk`, `ru` или `en`", "`kk`, `ru` немесе `en` емес"),
        ),
    )
    .with_help(Wording::new(
        "write `// ereje: keywords kk` (Kazakh), `ru` (Russian) or `en` (English) on the file's first line",
        "напишите в первой строке файла `// ereje: keywords kk` (казахский), `ru` (русский) или `en` (английский)",
        "файлдың бірінші жолына `// ereje: keywords kk` (қазақша), `ru` (орысша) немесе `en` (ағылшынша) деп жазыңыз",
    ))
}

impl From<SyntaxError> for Diagnostic {
    fn from(e: SyntaxError) -> Diagnostic {
        Diagnostic::from(&e)
    }
}
