//! The finite domain of a question: every fact its conditions read, each with the values that
//! can make a difference to them. Finite types range over all their values (a yes/no fact over
//! both, an enumeration over its values, a set over the subsets of the values the conditions
//! ask about), texts and numbers over the constants they are compared with and one value
//! compared with none, a list over the sets of kinds of items it can hold, and an optional fact
//! also over "absent". Dates, the submission day among them, are reduced to classes of days
//! ([`dates`](super::dates)): a question is asked of one or more cases (a submission day, and
//! the dates other dates are compared with), each with its own finite domain.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::dates::Case;
use super::eval::{Frame, Scene, to_json};
use crate::check::CodeList;
use crate::check::bundle::Document;
use crate::check::json::{Json, Members};
use crate::semantic::model::{CompareOp, Const, DocField, TExpr, Type};

/// A fact of an application that varies between the assignments of a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Var {
    /// A service input, by index (a list's values are whole lists).
    Input(usize),
    /// Whether a document of this kind is attached.
    Document(String),
    /// The intake channel.
    Channel,
    /// A field of the document a validity rule reads.
    Field(DocField),
}

/// One variable with its values.
#[derive(Debug)]
pub(crate) struct Dim {
    /// What varies.
    pub var: Var,
    /// Each value as a bundle writes it (`None`: absent, or no such document).
    pub values: Vec<Option<Value>>,
    /// The same, as the checker's reader holds it.
    read: Vec<Option<Json<'static>>>,
}

/// The variables of a question.
#[derive(Debug, Default)]
pub(crate) struct Domain {
    /// Each variable, with its values.
    pub dims: Vec<Dim>,
}

/// Why a question is outside what the analysis can decide exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Undecided {
    /// Dates of the application compared with each other in a pattern the cases do not
    /// represent (a chain or cycle, three in one comparison, two of one list item).
    TwoDates,
    /// More submission days or anchored dates than the analysis enumerates.
    TooManyDays,
    /// A date comparison whose truth changes more than once, or cannot be computed.
    NotMonotone,
    /// A fact of a type the analysis does not enumerate.
    Unsupported,
    /// A list whose items fall into too many kinds, or a set with too many values asked about.
    TooManyKinds,
    /// The budget of assignments or time ran out.
    Bound(super::search::Bound),
}

/// Lists whose items fall into more kinds than this are not enumerated (2^k lists).
const MAX_ITEM_KINDS: usize = 10;

/// What the conditions do with one fact.
#[derive(Debug, Default)]
pub(super) struct Usage {
    /// Texts it is compared with.
    texts: BTreeSet<String>,
    /// Numbers it is compared with.
    numbers: BTreeSet<i64>,
    /// Values a set is asked about (`has_any`).
    options: BTreeSet<String>,
    /// A set read otherwise than by `has_any`.
    whole: bool,
    /// The comparisons that read it, for a date (with the submission day, constants, and no
    /// other date fact).
    pub atoms: Vec<TExpr>,
}

/// A fact as the conditions name it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Key {
    /// A service input.
    Input(usize),
    /// A field of the items of a list input.
    Item(usize, usize),
    /// A document field, by its place in [`DocField::ALL`].
    Doc(usize),
    /// Whether a document of a kind is attached.
    HasDoc(String),
    /// The intake channel.
    Channel,
}

/// What the conditions of a question read, and how.
pub(super) struct Reads<'f, 'p> {
    /// The frame of the first submission day: the service, and which inputs are optional.
    pub frame: &'f Frame<'p>,
    /// Each fact read.
    pub usage: BTreeMap<Key, Usage>,
    /// The comparisons that read the submission moment and no fact.
    pub submission: Vec<TExpr>,
    /// The comparisons of two date facts with each other.
    pub links: Vec<(Key, Key, TExpr)>,
    problem: Option<Undecided>,
}

impl Domain {
    /// The cases of the facts that `exprs` read, each with its frame (its submission day, one
    /// of the days from the frame's to `last`) and its domain.
    pub(crate) fn cases<'p>(
        frame: &Frame<'p>,
        last: NaiveDate,
        exprs: &[&TExpr],
    ) -> Result<Vec<(Frame<'p>, Domain)>, Undecided> {
        let mut reads = Reads {
            frame,
            usage: BTreeMap::new(),
            submission: Vec::new(),
            links: Vec::new(),
            problem: None,
        };
        for e in exprs {
            reads.walk(e, None);
        }
        if let Some(problem) = reads.problem {
            return Err(problem);
        }
        let cases = reads.cases(last)?;
        let mut out = Vec::with_capacity(cases.len());
        for case in cases {
            let domain = reads.domain(&case)?;
            out.push((case.frame, domain));
        }
        Ok(out)
    }

    /// How many values each variable has.
    pub(crate) fn sizes(&self) -> Vec<usize> {
        self.dims.iter().map(|d| d.values.len()).collect()
    }

    /// The application of an assignment (`at`: the index of each variable's value), for a
    /// service with `inputs` inputs; a document a validity rule reads is [`Domain::document`].
    pub(crate) fn scene(&self, at: &[usize], inputs: usize) -> Scene<'_> {
        let mut scene = Scene::empty(inputs);
        for (dim, &i) in self.dims.iter().zip(at) {
            let Some(Some(value)) = dim.read.get(i) else {
                continue;
            };
            match &dim.var {
                Var::Input(n) => {
                    if let Some(slot) = scene.facts.get_mut(*n) {
                        *slot = Some(value);
                    }
                }
                Var::Document(kind) => scene.documents.push(Document {
                    index: scene.documents.len(),
                    kind,
                    value,
                }),
                Var::Channel => scene.channel = value.as_str(),
                Var::Field(_) => {}
            }
        }
        scene
    }

    /// The document of an assignment whose fields validity rules read, if they read any.
    pub(crate) fn document(&self, at: &[usize]) -> Option<Json<'static>> {
        let mut members = Vec::new();
        for (dim, &i) in self.dims.iter().zip(at) {
            if let (Var::Field(f), Some(Some(v))) = (&dim.var, dim.read.get(i)) {
                members.push((std::borrow::Cow::Borrowed(f.name()), v.clone()));
            }
        }
        (!members.is_empty()).then_some(Json::Object(Members(members)))
    }
}

impl Reads<'_, '_> {
    /// The type of a fact.
    pub(super) fn ty(&self, key: &Key) -> Type {
        let input = |i: usize| self.frame.plan.inputs.get(i).map(|p| &p.ty);
        match key {
            Key::Input(i) => input(*i).cloned().unwrap_or(Type::Error),
            Key::Item(list, f) => match input(*list) {
                Some(Type::List(fields)) => fields.get(*f).map_or(Type::Error, |f| f.ty.clone()),
                _ => Type::Error,
            },
            Key::Doc(f) => field(*f).map_or(Type::Error, DocField::ty),
            Key::HasDoc(_) => Type::Bool,
            Key::Channel => Type::Text,
        }
    }

    fn fail(&mut self, why: Undecided) {
        self.problem.get_or_insert(why);
    }

    fn at(&mut self, key: Key) -> &mut Usage {
        self.usage.entry(key).or_default()
    }

    /// The fact an expression is, if it is one.
    pub(super) fn leaf(expr: &TExpr, list: Option<usize>) -> Option<Key> {
        match expr {
            TExpr::Input(i) => Some(Key::Input(*i)),
            TExpr::ItemField(f) => list.map(|l| Key::Item(l, *f)),
            TExpr::DocField(f) => DocField::ALL.iter().position(|x| x == f).map(Key::Doc),
            TExpr::Channel => Some(Key::Channel),
            _ => None,
        }
    }

    /// The facts an expression reads, and whether it reads the submission moment.
    pub(super) fn leaves(expr: &TExpr, list: Option<usize>, out: &mut Vec<Key>) -> bool {
        if let Some(k) = Self::leaf(expr, list) {
            out.push(k);
            return false;
        }
        match expr {
            TExpr::SubmittedAt | TExpr::SubmittedOn => true,
            TExpr::Not(a) | TExpr::Shift(a, ..) | TExpr::InList(a, _) | TExpr::HasAny(a, _) => {
                Self::leaves(a, list, out)
            }
            TExpr::And(a, b) | TExpr::Or(a, b) | TExpr::Compare(_, a, b) | TExpr::Age(a, b) => {
                let x = Self::leaves(a, list, out);
                Self::leaves(b, list, out) || x
            }
            TExpr::HasDocument(k) => {
                out.push(Key::HasDoc(k.clone()));
                false
            }
            _ => false,
        }
    }

    fn walk(&mut self, expr: &TExpr, list: Option<usize>) {
        if let Some(key) = Self::leaf(expr, list) {
            let whole = matches!(self.ty(&key), Type::Set(_));
            self.at(key).whole |= whole;
            return;
        }
        match expr {
            TExpr::Const(_)
            | TExpr::SubmittedAt
            | TExpr::SubmittedOn
            | TExpr::Input(_)
            | TExpr::DocField(_)
            | TExpr::Channel => {}
            TExpr::ItemField(_) | TExpr::ItemIndex | TExpr::Let(_) => {
                self.fail(Undecided::Unsupported)
            }
            TExpr::HasDocument(kind) => {
                self.at(Key::HasDoc(kind.clone()));
            }
            TExpr::Not(a) | TExpr::Shift(a, ..) => self.walk(a, list),
            TExpr::And(a, b) | TExpr::Or(a, b) | TExpr::Age(a, b) => {
                self.walk(a, list);
                self.walk(b, list);
            }
            TExpr::InList(a, options) => match Self::leaf(a, list) {
                Some(key) => self.at(key).texts.extend(options.iter().cloned()),
                None => self.walk(a, list),
            },
            TExpr::HasAny(a, options) => match Self::leaf(a, list) {
                Some(key) => self.at(key).options.extend(options.iter().cloned()),
                None => self.walk(a, list),
            },
            TExpr::Quantifier { list: l, body, .. } => {
                if list.is_some() {
                    // an item of an outer list read inside an inner one
                    self.fail(Undecided::Unsupported);
                }
                self.at(Key::Input(*l));
                self.walk(body, Some(*l));
            }
            TExpr::Compare(op, a, b) => self.compare(expr, *op, (a, b), list),
        }
    }

    fn compare(
        &mut self,
        expr: &TExpr,
        op: CompareOp,
        (a, b): (&TExpr, &TExpr),
        list: Option<usize>,
    ) {
        let mut keys = Vec::new();
        let submission = Self::leaves(expr, list, &mut keys);
        keys.sort();
        keys.dedup();
        let dates: Vec<&Key> = keys.iter().filter(|k| self.ty(k) == Type::Date).collect();
        match dates.as_slice() {
            [date] => {
                if keys.len() > 1 {
                    self.fail(Undecided::Unsupported);
                    return;
                }
                let date = (*date).clone();
                self.at(date).atoms.push(expr.clone());
                return;
            }
            // two dates and nothing else: a link, decided by anchoring one ([`super::dates`])
            [x, y] if keys.len() == 2 && !submission => {
                let (x, y) = ((*x).clone(), (*y).clone());
                self.at(x.clone());
                self.at(y.clone());
                self.links.push((x, y, expr.clone()));
                return;
            }
            [] => {}
            _ => {
                self.fail(Undecided::TwoDates);
                return;
            }
        }
        if submission && keys.is_empty() {
            self.submission.push(expr.clone());
            return;
        }
        if submission {
            self.fail(Undecided::Unsupported);
            return;
        }
        let ordered = !matches!(op, CompareOp::Eq | CompareOp::Ne);
        for (x, y) in [(a, b), (b, a)] {
            let (Some(key), TExpr::Const(c)) = (Self::leaf(x, list), y) else {
                continue;
            };
            let ty = self.ty(&key);
            match c {
                Const::Text(t) if !ordered || matches!(ty, Type::Enum(_)) => {
                    self.at(key).texts.insert(t.clone());
                }
                Const::Number(n) => {
                    self.at(key).numbers.insert(*n);
                }
                Const::Bool(_) => {
                    self.at(key);
                }
                _ => self.fail(Undecided::Unsupported),
            }
            return;
        }
        // two facts compared with each other: exact only if both range over every value
        for key in keys {
            if !matches!(self.ty(&key), Type::Bool | Type::Enum(_)) {
                self.fail(Undecided::Unsupported);
            }
            self.at(key);
        }
    }

    /// The domain of one case.
    fn domain(&self, case: &Case<'_>) -> Result<Domain, Undecided> {
        let mut dims = Vec::new();
        for (key, usage) in &self.usage {
            let (var, mut values, optional) = match key {
                Key::Item(..) => continue,
                Key::Input(i) => {
                    let Some(input) = self.frame.plan.inputs.get(*i) else {
                        return Err(Undecided::Unsupported);
                    };
                    let optional = self.optional(*i);
                    let values = match &input.ty {
                        Type::List(_) => self.lists(*i, case)?,
                        ty => self.scalars(key, ty, usage, case)?,
                    };
                    (
                        Var::Input(*i),
                        values.into_iter().map(Some).collect::<Vec<_>>(),
                        optional,
                    )
                }
                Key::HasDoc(kind) => (
                    Var::Document(kind.clone()),
                    vec![None, Some(json!({ "kind": kind }))],
                    false,
                ),
                Key::Channel => {
                    let mut names: BTreeSet<String> = self
                        .frame
                        .plan
                        .channels
                        .iter()
                        .map(|c| c.name.clone())
                        .collect();
                    names.extend(usage.texts.iter().cloned());
                    if names.is_empty() {
                        names.insert(String::from("provider"));
                    }
                    (
                        Var::Channel,
                        names.into_iter().map(|n| Some(Value::String(n))).collect(),
                        true,
                    )
                }
                // an absent field never makes a rule hold (the logic is monotone in what is
                // known), so a document's fields range over values only
                Key::Doc(f) => {
                    let f = field(*f).ok_or(Undecided::Unsupported)?;
                    (
                        Var::Field(f),
                        self.scalars(key, &f.ty(), usage, case)?
                            .into_iter()
                            .map(Some)
                            .collect(),
                        false,
                    )
                }
            };
            match case.fixed(key) {
                // an anchored date: the one value of its case
                Some(day) => values = vec![day.map(|d| Value::String(super::dates::text(d)))],
                None if optional => values.push(None),
                None => {}
            }
            let read = values.iter().map(|v| v.as_ref().map(to_json)).collect();
            dims.push(Dim { var, values, read });
        }
        Ok(Domain { dims })
    }

    fn optional(&self, input: usize) -> bool {
        self.frame.optional.get(input).copied().unwrap_or(true)
    }

    /// The values of a list: every set of kinds of items it can hold (the conditions read a
    /// list only through `any` and `all`, whose truth depends on which kinds are there).
    fn lists(&self, list: usize, case: &Case<'_>) -> Result<Vec<Value>, Undecided> {
        let mut kinds: Vec<serde_json::Map<String, Value>> = vec![serde_json::Map::new()];
        let Some(fields) = self.frame.plan.inputs.get(list).map(|p| &p.fields) else {
            return Err(Undecided::Unsupported);
        };
        for (key, usage) in self
            .usage
            .range(Key::Item(list, 0)..=Key::Item(list, usize::MAX))
        {
            let Key::Item(_, f) = key else { continue };
            let name = fields.get(*f).ok_or(Undecided::Unsupported)?;
            let values = self.scalars(key, &self.ty(key), usage, case)?;
            let mut next = Vec::new();
            for kind in &kinds {
                for v in &values {
                    let mut item = kind.clone();
                    item.insert(name.clone(), v.clone());
                    next.push(item);
                }
            }
            kinds = next;
            if kinds.len() > MAX_ITEM_KINDS {
                return Err(Undecided::TooManyKinds);
            }
        }
        let n = kinds.len();
        Ok((0u32..1 << n)
            .map(|mask| {
                Value::Array(
                    kinds
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, k)| Value::Object(k.clone()))
                        .collect(),
                )
            })
            .collect())
    }

    fn scalars(
        &self,
        key: &Key,
        ty: &Type,
        usage: &Usage,
        case: &Case<'_>,
    ) -> Result<Vec<Value>, Undecided> {
        match ty {
            Type::Bool => Ok(vec![Value::Bool(false), Value::Bool(true)]),
            Type::Enum(values) => Ok(values.iter().cloned().map(Value::String).collect()),
            Type::Set(values) => {
                let asked: Vec<&String> = values
                    .iter()
                    .filter(|v| usage.whole || usage.options.contains(*v))
                    .collect();
                if asked.len() > MAX_ITEM_KINDS {
                    return Err(Undecided::TooManyKinds);
                }
                Ok((0u32..1 << asked.len())
                    .map(|mask| {
                        Value::Array(
                            asked
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| mask & (1 << i) != 0)
                                .map(|(_, v)| Value::String((*v).clone()))
                                .collect(),
                        )
                    })
                    .collect())
            }
            Type::Text => Ok(self.texts(key, usage)),
            Type::Number => {
                let mut numbers = BTreeSet::from([0i64]);
                for n in &usage.numbers {
                    numbers.extend([n.saturating_sub(1), *n, n.saturating_add(1)]);
                }
                Ok(numbers.into_iter().map(Value::from).collect())
            }
            Type::Date if case.fixed(key).is_some() => Ok(Vec::new()),
            Type::Date => Ok(self
                .dates(key, case)?
                .into_iter()
                .map(|d| Value::String(super::dates::text(d)))
                .collect()),
            _ => Err(Undecided::Unsupported),
        }
    }

    /// The texts a fact is compared with, and one it is not compared with; a fact written in
    /// a standard code list takes codes of the list (any other text is invalid input).
    fn texts(&self, key: &Key, usage: &Usage) -> Vec<Value> {
        let list = match key {
            Key::Input(i) => self
                .frame
                .plan
                .inputs
                .get(*i)
                .and_then(|p| CodeList::of_input(&p.name)),
            Key::Doc(f) if field(*f) == Some(DocField::Language) => Some(CodeList::Language),
            _ => None,
        };
        let mut texts: Vec<String> = Vec::new();
        for t in &usage.texts {
            let t = match list {
                Some(l) => match l.canonical(t) {
                    Some(code) => code.to_string(),
                    None => continue,
                },
                None => t.clone(),
            };
            if !texts.contains(&t) {
                texts.push(t);
            }
        }
        let taken = |c: &str| texts.iter().any(|t| t.eq_ignore_ascii_case(c));
        let other = match list {
            Some(l) => l
                .codes()
                .iter()
                .find(|c| !taken(c))
                .map(|c| (*c).to_string()),
            None => (0..=texts.len())
                .map(|n| format!("other{n}"))
                .find(|c| !taken(c)),
        };
        texts.extend(other);
        texts.into_iter().map(Value::String).collect()
    }
}

/// The document field at a place of [`DocField::ALL`].
pub(super) fn field(i: usize) -> Option<DocField> {
    DocField::ALL.get(i).copied()
}
