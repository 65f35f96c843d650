//! Hover: what the element under the cursor is, in the law's words — its titles, citations,
//! the quoted source text, `unverified` marks and the interval it is in force; an input's
//! type; how a duration is counted; a lint's page for a name in `allow`; for a keyword, what
//! it means and its word in each set of keywords.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::element::{self, Element};
use super::index::{Hit, Kind, Symbol};
use super::workspace::Snapshot;
use crate::semantic::model::Meta;
use crate::syntax::ast::{self, CiteTarget, TimePoint, TypeExpr};
use crate::vocab::{Duration, DurationUnit, Lang, Texts};

/// The hover for a position.
pub fn hover(s: &Snapshot, lang: Lang, params: &HoverParams) -> Option<Hover> {
    let at = &params.text_document_position_params;
    let file = s.file_of(&at.text_document.uri)?;
    let offset = s.offset(file, at.position);
    let Some(hit) = s.index.at(file, offset) else {
        return keyword(s, file, offset, lang);
    };
    let (text, span) = match hit {
        Hit::Declared(n) => {
            let symbol = s.index.symbols.get(n)?;
            (describe(s, symbol, lang), symbol.span)
        }
        Hit::Used(n, span) => (describe(s, s.index.symbols.get(n)?, lang), span),
        Hit::Lint(name, span) => {
            let text = match crate::lint::lookup(name) {
                Some(lint) => crate::lint::docs::page(lint),
                None => match lang {
                    Lang::En => format!("No lint is named `{name}`."),
                    Lang::Ru => format!("Правила проверки `{name}` нет."),
                    Lang::Kk => format!("`{name}` деген тексеру ережесі жоқ."),
                },
            };
            (text, span)
        }
        Hit::Duration(d, span) => {
            let mut text = counting(d, lang);
            // a service's term: the law's words for it, as for any element
            if let Some(term) = term_of(s, span) {
                if let Some(w) = &term.written
                    && w.span != span
                {
                    let label = match lang {
                        Lang::En => "the act writes",
                        Lang::Ru => "в акте написано",
                        Lang::Kk => "актіде жазылғаны",
                    };
                    text.push_str(&format!("\n\n*{label}:* `{}`", w.node));
                }
                text.push('\n');
                provenance(s, &term.provenance, lang, &mut text);
            }
            (text, span)
        }
        Hit::Citation(c) => (citation(s, c, file, offset, lang), c.span),
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: s.range(span),
    })
}

/// A keyword under the cursor: what it means and how each set spells it.
fn keyword(s: &Snapshot, file: usize, offset: usize, lang: Lang) -> Option<Hover> {
    use crate::syntax::keywords::{self, Set};
    let text = s.text(file);
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let start = text
        .get(..offset)?
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = offset
        + text
            .get(offset..)?
            .find(|c: char| !is_word(c))
            .unwrap_or(text.len() - offset);
    let word = text.get(start..end)?;
    let k = keywords::of_word(word)?;
    let head = match lang {
        Lang::En => "keyword",
        Lang::Ru => "ключевое слово",
        Lang::Kk => "кілт сөз",
    };
    let spellings: Vec<String> = Set::ALL
        .iter()
        .map(|set| format!("{} `{}`", set.tag(), k.word(*set)))
        .collect();
    let value = format!(
        "**{word}** — {head}: {}\n\n{}\n",
        k.gloss,
        spellings.join(" · ")
    );
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: s.range(crate::source::Span::new(file, start, end)),
    })
}

/// What a declared name names, in Markdown.
fn describe(s: &Snapshot, symbol: &Symbol, lang: Lang) -> String {
    // the kind's keyword as the file writes it
    let set = crate::syntax::keywords::set_of(s.text(symbol.span.file));
    let keyword = symbol.kind.keyword();
    let keyword =
        crate::syntax::keywords::of_word(keyword).map_or(keyword, |k| k.translate(keyword, set));
    let mut out = format!("**{keyword}** `{}`", symbol.name);
    let found = element::of(&s.analysis.files, symbol);
    if let Some(title) = found
        .as_ref()
        .and_then(Element::title)
        .and_then(|t| title(t, lang))
    {
        out.push_str(&format!(" — {title}"));
    }
    out.push('\n');
    if let Some(e) = &found {
        details(s, e, lang, &mut out);
        provenance(s, e.provenance(), lang, &mut out);
    }
    if let Some(meta) = meta(s, symbol) {
        let interval = meta.validity.describe_words();
        let label = match lang {
            Lang::En => "in force",
            Lang::Ru => "действует",
            Lang::Kk => "күшінде",
        };
        out.push_str(&format!("\n*{label}:* {}\n", interval.get(lang)));
    }
    if symbol.kind.is_catalogue() {
        out.push_str(match lang {
            Lang::En => "\n*an identifier of the public catalogue: bundles and reports spell it*\n",
            Lang::Ru => "\n*идентификатор публичного каталога: так его пишут пакеты и отчёты*\n",
            Lang::Kk => {
                "\n*жария каталогтың идентификаторы: пакеттер мен есептер оны осылай жазады*\n"
            }
        });
    }
    out
}

fn title(t: &Texts, lang: Lang) -> Option<String> {
    t.get(lang).map(str::to_string)
}

/// What only some kinds of element say.
fn details(s: &Snapshot, e: &Element<'_>, lang: Lang, out: &mut String) {
    match e {
        Element::Act(a) => {
            if let Some(kind) = &a.kind {
                out.push_str(&format!("\n{}", kind.node));
            }
            if let Some((date, number)) = &a.issued {
                out.push_str(&format!(" {}", date.node));
                if let Some(n) = number {
                    out.push_str(&format!(" № {}", n.node));
                }
            }
            out.push('\n');
            if let Some(info) = s.analysis.model.acts.get(&a.name.node) {
                let (entered, lost) = match lang {
                    Lang::En => ("entered into force", "lost force"),
                    Lang::Ru => ("вступил в силу", "утратил силу"),
                    Lang::Kk => ("күшіне енді", "күшін жойды"),
                };
                match info.in_force {
                    Some(d) if info.in_force_is_estimate => {
                        out.push_str(&format!("\n*{entered}:* ≥ {d}\n"));
                    }
                    Some(d) => out.push_str(&format!("\n*{entered}:* {d}\n")),
                    None => {}
                }
                if let Some(d) = info.lost_force {
                    out.push_str(&format!("\n*{lost}:* {d}\n"));
                }
            }
            let amended = match lang {
                Lang::En => "amended by",
                Lang::Ru => "изменён актом",
                Lang::Kk => "өзгерткен акт",
            };
            for a in &a.amendments {
                let what =
                    a.at.as_ref()
                        .map_or(String::new(), |w| format!(": {}", w.node));
                out.push_str(&format!("\n*{amended}* `{}`{what}\n", a.by.node));
            }
            if let Some(r) = &a.repealed {
                let repealed = match lang {
                    Lang::En => "repealed by",
                    Lang::Ru => "отменён актом",
                    Lang::Kk => "күшін жойған акт",
                };
                let on =
                    r.on.as_ref()
                        .map_or(String::new(), |d| format!(", {}", d.node));
                out.push_str(&format!("\n*{repealed}* `{}`{on}\n", r.by.node));
            }
        }
        Element::Input(i) => {
            let optional = if i.optional { "?" } else { "" };
            let personal = if i.personal { " personal" } else { "" };
            out.push_str(&format!(
                "\n```ereje\ninput {}{optional}: {}{personal}\n```\n",
                i.path.node,
                type_text(&i.ty.node)
            ));
        }
        Element::Step(st) => {
            if !st.actors.is_empty() {
                let actors: Vec<&str> = st.actors.iter().map(|a| a.node.as_str()).collect();
                out.push_str(&format!("\nby {}", actors.join(", ")));
            }
            if let Some(d) = &st.deadline {
                match &d.within {
                    Some(w) => out.push_str(&format!("\nwithin {} after {}", w.node, d.after.node)),
                    None => out.push_str(&format!("\nafter {}", d.after.node)),
                }
            }
            if let Some(a) = &st.action {
                out.push_str(&format!("\n\n{}", a.node));
            }
            out.push('\n');
        }
        Element::Actor(a) => {
            if let Some(l) = &a.label {
                out.push_str(&format!("\n«{}»\n", l.node));
            }
        }
        Element::View(v) => {
            if let Some(l) = &v.label {
                out.push_str(&format!("\n«{}»\n", l.node));
            }
        }
        Element::Refusal(r) => {
            if let Some(m) = r.message.get(lang) {
                out.push_str(&format!("\n{m}\n"));
            }
        }
        Element::Document(d) => {
            if let Some(m) = d.message.get(lang) {
                out.push_str(&format!("\n{m}\n"));
            }
        }
        Element::Service(_) | Element::Calendar(_) | Element::Channel(_) | Element::Let(_) => {}
    }
}

/// A citation: the paragraph, the act and annex it points into (the service's own act or
/// standard when it names none), the act's title, and what the act records of the paragraph.
fn citation(s: &Snapshot, c: &ast::Citation, file: usize, offset: usize, lang: Lang) -> String {
    let service = s
        .index
        .service_at(file, offset)
        .and_then(|n| s.index.symbols.get(n))
        .and_then(|sym| {
            s.analysis
                .files
                .iter()
                .flat_map(|f| &f.decls)
                .find_map(|d| match d {
                    ast::Decl::Service(sv) if sv.name.node == sym.name => Some(sv),
                    _ => None,
                })
        });
    let (act, annex) = match &c.target {
        CiteTarget::Own => match service.and_then(|sv| sv.act.as_ref()) {
            Some((a, annex)) => (Some(a.node.clone()), *annex),
            None => (None, None),
        },
        CiteTarget::Standard(other) => match service.and_then(|sv| sv.standard.as_ref()) {
            Some((a, annex)) => (Some(a.node.clone()), other.or(*annex)),
            None => (None, *other),
        },
        CiteTarget::Act(a, annex) => (Some(a.node.clone()), *annex),
    };
    let mut out = format!("**§ {}**", c.paragraph);
    let (of, annex_word) = match lang {
        Lang::En => ("of", "annex"),
        Lang::Ru => ("—", "приложение"),
        Lang::Kk => ("—", "қосымша"),
    };
    let Some(act) = act else {
        return out;
    };
    out.push_str(&format!(" {of} `{act}`"));
    if let Some(n) = annex {
        out.push_str(&format!(" {annex_word} {n}"));
    }
    let Some(info) = s.analysis.model.acts.get(&act) else {
        return out;
    };
    if let Some(title) = info.decl.title.get(lang) {
        out.push_str(&format!("\n\n{title}"));
    }
    // what the act's record says of this paragraph: excluded, and by which act
    let number = c.paragraph.split(['(', ' ']).next().unwrap_or_default();
    for p in info
        .decl
        .paragraphs
        .iter()
        .filter(|p| p.annex.as_ref().map(|a| a.node) == annex)
    {
        for (entry, by) in &p.entries {
            if entry.node == number
                && let Some(by) = by
            {
                let excluded = match lang {
                    Lang::En => "excluded by",
                    Lang::Ru => "исключён актом",
                    Lang::Kk => "алып тасталған акт",
                };
                out.push_str(&format!("\n\n*{excluded}* `{}`", by.node));
            }
        }
    }
    out.push('\n');
    out
}

/// The term of a service (in its process or a view) whose duration, as read or as written,
/// is at `span`.
fn term_of(s: &Snapshot, span: crate::source::Span) -> Option<&ast::Term> {
    let file = s.analysis.files.get(span.file)?;
    file.decls
        .iter()
        .filter_map(|d| match d {
            ast::Decl::Service(service) => Some(service),
            _ => None,
        })
        .flat_map(|service| {
            service
                .process
                .iter()
                .chain(service.views.iter().map(|v| &v.process))
        })
        .flat_map(|p| &p.terms)
        .find(|t| t.duration.span == span || t.written.as_ref().is_some_and(|w| w.span == span))
}

/// Citations, quoted source text, `unverified` and the validity as written.
fn provenance(s: &Snapshot, p: &ast::Provenance, lang: Lang, out: &mut String) {
    for c in &p.citations {
        let act = match &c.target {
            CiteTarget::Own => String::new(),
            CiteTarget::Standard(None) => " standard".to_string(),
            CiteTarget::Standard(Some(n)) => format!(" standard annex {n}"),
            CiteTarget::Act(name, annex) => {
                let cited = s
                    .analysis
                    .model
                    .acts
                    .get(&name.node)
                    .and_then(|a| a.decl.title.get(lang))
                    .map_or_else(|| name.node.clone(), |t| format!("{} ({t})", name.node));
                match annex {
                    Some(n) => format!(" {cited} annex {n}"),
                    None => format!(" {cited}"),
                }
            }
        };
        out.push_str(&format!("\n§ {}{act}\n", c.paragraph));
    }
    for (quote_lang, q) in &p.quotes {
        let tag = quote_lang.map_or(String::new(), |l| format!("{} ", l.tag()));
        out.push_str(&format!("\n> {tag}{}\n", q.node.replace('\n', "\n> ")));
    }
    if let Some(u) = &p.unverified {
        let label = match lang {
            Lang::En => "unverified",
            Lang::Ru => "не сверено с источником",
            Lang::Kk => "дереккөзбен салыстырылмаған",
        };
        out.push_str(&format!("\n⚠ *{label}:* {}\n", u.node));
    }
    let note = match lang {
        Lang::En => "note",
        Lang::Ru => "примечание",
        Lang::Kk => "ескертпе",
    };
    for n in &p.notes {
        out.push_str(&format!("\n*{note}:* {}\n", n.node));
    }
    if let Some(w) = &p.wording {
        out.push_str(&format!("\n`wording from {}`\n", w.node));
    }
    for (word, t) in [("since", &p.since), ("until", &p.until)] {
        if let Some(t) = t {
            let when = match &t.node {
                TimePoint::Date(d) => d.to_string(),
                TimePoint::Act(a) => a.node.clone(),
            };
            out.push_str(&format!("\n`{word} {when}`\n"));
        }
    }
}

/// The model's record of a symbol's element, for its resolved validity.
fn meta<'a>(s: &'a Snapshot, symbol: &Symbol) -> Option<&'a Meta> {
    let model = &s.analysis.model;
    let service = |n: usize| {
        let id = &s.index.symbols.get(n)?.name;
        model.services.iter().find(|m| &m.id == id)
    };
    match symbol.kind {
        Kind::Service => model
            .services
            .iter()
            .find(|m| m.id == symbol.name)
            .map(|m| &m.meta),
        Kind::Document => service(symbol.service?)?
            .documents
            .iter()
            .find(|d| d.kind == symbol.name)
            .map(|d| &d.meta),
        Kind::Refusal => service(symbol.service?)?
            .refusals
            .iter()
            .find(|r| r.id == symbol.name)
            .map(|r| &r.meta),
        Kind::Step => {
            let m = service(symbol.service?)?;
            // the process's step, or the step of the view the symbol is in
            let view = match symbol.scope {
                super::index::Scope::Process(_, Some(v)) => m.views.get(v)?,
                _ => &m.process,
            };
            view.steps
                .iter()
                .find(|st| st.id == symbol.name)
                .map(|st| &st.meta)
        }
        _ => None,
    }
}

/// A type as written.
fn type_text(t: &TypeExpr) -> String {
    let names = |v: &[ast::Name]| {
        v.iter()
            .map(|n| n.node.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match t {
        TypeExpr::Named(n) => n.node.clone(),
        TypeExpr::Enum(v) => format!("one_of({})", names(v)),
        TypeExpr::Set(v) => format!("set({})", names(v)),
        TypeExpr::List(fields) => {
            let inner: Vec<String> = fields
                .iter()
                .map(|f| {
                    let optional = if f.optional { "?" } else { "" };
                    let personal = if f.personal { " personal" } else { "" };
                    format!(
                        "{}{optional}: {}{personal}",
                        f.name.node,
                        type_text(&f.ty.node)
                    )
                })
                .collect();
            format!("list {{ {} }}", inner.join(", "))
        }
    }
}

/// How a duration is counted (see `docs/time.md`).
fn counting(d: Duration, lang: Lang) -> String {
    let how = match (d.unit, lang) {
        (DurationUnit::Minutes | DurationUnit::Hours, Lang::En) => {
            "Ends exactly that long after the event."
        }
        (DurationUnit::Minutes | DurationUnit::Hours, Lang::Ru) => {
            "Истекает ровно через это время после события."
        }
        (DurationUnit::Minutes | DurationUnit::Hours, Lang::Kk) => {
            "Оқиғадан кейін дәл осы уақыт өткенде аяқталады."
        }
        (DurationUnit::CalendarDays, Lang::En) => {
            "Calendar days: the day of the event is not counted; the term ends at the end (23:59:59 local) of its last day."
        }
        (DurationUnit::CalendarDays, Lang::Ru) => {
            "Календарные дни: день события не считается; срок истекает в конце (23:59:59 местного времени) последнего дня."
        }
        (DurationUnit::CalendarDays, Lang::Kk) => {
            "Күнтізбелік күндер: оқиға күні есептелмейді; мерзім соңғы күннің соңында (жергілікті уақытпен 23:59:59) аяқталады."
        }
        (DurationUnit::UnstatedDays, Lang::En) => {
            "Days of unstated kind: the act does not say calendar or working; counted as calendar days, and linted (`unstated-day-kind`)."
        }
        (DurationUnit::UnstatedDays, Lang::Ru) => {
            "Дни без указания вида: акт не говорит, календарные или рабочие; считаются календарными, линтер сообщает об этом (`unstated-day-kind`)."
        }
        (DurationUnit::UnstatedDays, Lang::Kk) => {
            "Түрі көрсетілмеген күндер: акт күнтізбелік пе, жұмыс па — айтпайды; күнтізбелік ретінде есептеледі, линтер хабарлайды (`unstated-day-kind`)."
        }
        (DurationUnit::WorkingDays, Lang::En) => {
            "Working days: the term ends at the end of the N-th working day after the event's local date, on the service's calendar (weekends, holidays, transfers)."
        }
        (DurationUnit::WorkingDays, Lang::Ru) => {
            "Рабочие дни: срок истекает в конце N-го рабочего дня после местной даты события по календарю услуги (выходные, праздники, переносы)."
        }
        (DurationUnit::WorkingDays, Lang::Kk) => {
            "Жұмыс күндері: мерзім қызмет күнтізбесі бойынша оқиғаның жергілікті күнінен кейінгі N-ші жұмыс күнінің соңында аяқталады (демалыс, мереке, ауыстыру)."
        }
        (DurationUnit::CalendarWorkingDays, Lang::En) => {
            "Both calendar and working: the rules cannot count this; write how it is read and keep the text with `written`."
        }
        (DurationUnit::CalendarWorkingDays, Lang::Ru) => {
            "И календарные, и рабочие: так считать нельзя; запишите принятое прочтение, а текст акта сохраните в `written`."
        }
        (DurationUnit::CalendarWorkingDays, Lang::Kk) => {
            "Әрі күнтізбелік, әрі жұмыс: бұлай есептеу мүмкін емес; қабылданған оқылуын жазып, акт мәтінін `written` ішінде сақтаңыз."
        }
        (DurationUnit::Months | DurationUnit::Years, Lang::En) => {
            "Months and years: on the same date N months later (a year is 12 months), or the last day of that month when it has no such date; at the end of that day."
        }
        (DurationUnit::Months | DurationUnit::Years, Lang::Ru) => {
            "Месяцы и годы: в ту же дату через N месяцев (год — 12 месяцев) или в последний день месяца, если такой даты нет; в конце этого дня."
        }
        (DurationUnit::Months | DurationUnit::Years, Lang::Kk) => {
            "Айлар мен жылдар: N айдан кейінгі сол күні (жыл — 12 ай), ондай күн болмаса — сол айдың соңғы күні; сол күннің соңында."
        }
    };
    format!("**{d}**\n\n{how}")
}
