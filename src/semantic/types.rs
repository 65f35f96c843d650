//! Types and units: every expression resolved against its scope and given a type.
//!
//! Paths resolve, in order, to: a field of the bound list item, a document field (inside
//! `valid when`), a service input, a `let`, a built-in (`submitted_at`, `submitted_on`,
//! `channel`), and — compared with a one-of input — a value of that input.

use super::error::SemanticError;
use super::error::values_help;
use super::model::{CompareOp, Const, DocField, FieldDef, InputDef, TExpr, Type, UnitFamily};
use crate::source::{SourceFile, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{BinaryOp, Expr, ExprKind, Literal};
use crate::vocab::DurationUnit;
use crate::vocab::{Lang, Wording};

/// What names an expression can see.
pub(crate) struct Scope<'a> {
    /// The service's inputs.
    pub inputs: &'a [InputDef],
    /// `let`s defined so far, with their types.
    pub lets: &'a [(String, Type)],
    /// Document kinds the service declares.
    pub documents: &'a [String],
    /// The bound item: its name and its record's fields.
    pub binding: Option<(&'a str, &'a [FieldDef])>,
    /// Inside `valid when`: document fields are visible.
    pub document_fields: bool,
}

/// Types expressions of one file, collecting errors.
pub(crate) struct Typer<'a> {
    pub source: &'a SourceFile,
    pub errors: &'a mut Vec<SemanticError>,
    /// The other side of the comparison being typed, as written.
    pub compared: Option<String>,
}

/// The text of an expression as written, for messages.
fn written(source: &SourceFile, expr: &Expr) -> String {
    source
        .text
        .get(expr.span.start..expr.span.end)
        .unwrap_or("")
        .to_string()
}

impl Typer<'_> {
    /// Type a condition: it must be yes/no.
    pub fn condition(&mut self, expr: &Expr, scope: &Scope<'_>) -> TExpr {
        let (t, ty) = self.expr(expr, scope, None);
        if ty != Type::Bool && ty != Type::Error {
            self.errors.push(SemanticError::NotACondition {
                found: ty.describe(),
                span: expr.span,
            });
        }
        t
    }

    /// Two values of kinds that do not go together, each side labelled with its kind.
    fn mismatch(
        &mut self,
        message: impl Into<Wording>,
        help: impl Into<Wording>,
        left: (&Expr, &Type),
        right: (&Expr, &Type),
    ) {
        self.errors.push(SemanticError::TypeMismatch {
            message: message.into(),
            help: help.into(),
            left: left.0.span,
            left_label: left.1.describe_words(),
            right: right.0.span,
            right_label: right.1.describe_words(),
        });
    }

    fn wrong(
        &mut self,
        message: impl Into<Wording>,
        help: impl Into<Wording>,
        span: Span,
        label: impl Into<Wording>,
    ) {
        self.errors.push(SemanticError::WrongType {
            message: message.into(),
            help: help.into(),
            span,
            label: label.into(),
        });
    }

    /// Type an expression; `hint` is the type of the other side of a comparison.
    pub fn expr(&mut self, expr: &Expr, scope: &Scope<'_>, hint: Option<&Type>) -> (TExpr, Type) {
        match &expr.kind {
            ExprKind::Bool(b) => (TExpr::Const(Const::Bool(*b)), Type::Bool),
            ExprKind::Str(s) => (TExpr::Const(Const::Text(s.clone())), Type::Text),
            ExprKind::Number(n) => (TExpr::Const(Const::Number(*n)), Type::Number),
            ExprKind::Date(d) => (TExpr::Const(Const::Date(*d)), Type::Date),
            ExprKind::Duration(d) => {
                if d.unit == DurationUnit::CalendarWorkingDays {
                    self.errors
                        .push(SemanticError::MixedDayKind { span: expr.span });
                    return (TExpr::Const(Const::Duration(*d)), Type::Error);
                }
                (
                    TExpr::Const(Const::Duration(*d)),
                    Type::Duration(UnitFamily::of(d.unit)),
                )
            }
            ExprKind::Path(segments) => self.path(expr, segments, scope, hint),
            ExprKind::Not(inner) => (
                TExpr::Not(Box::new(self.condition(inner, scope))),
                Type::Bool,
            ),
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, scope),
            ExprKind::InList(value, options) => {
                let (t, ty) = self.expr(value, scope, None);
                let values = self.literals(options, &ty, value);
                (TExpr::InList(Box::new(t), values), Type::Bool)
            }
            ExprKind::HasAny(set, options) => self.has(set, options, scope),
            ExprKind::Has(set, option) => self.has(set, std::slice::from_ref(option), scope),
            ExprKind::HasDocument(kind) => {
                if !scope.documents.contains(&kind.node) {
                    self.errors.push(SemanticError::Undefined {
                        what: "document",
                        name: kind.node.clone(),
                        suggestion: suggest(&kind.node, scope.documents.iter().map(String::as_str))
                            .map(String::from),
                        how: Wording::new(
                            "declare it with `document …` in this service",
                            "объявите его через `document …` в этой услуге",
                            "оны осы қызметте `document …` арқылы жариялаңыз",
                        ),
                        repeats: 0,
                        span: kind.span,
                    });
                }
                (TExpr::HasDocument(kind.node.clone()), Type::Bool)
            }
            ExprKind::Quantifier {
                any,
                binding,
                list,
                body,
            } => {
                let Some((index, fields)) = self.list_input(list, scope) else {
                    return (TExpr::Const(Const::Bool(false)), Type::Error);
                };
                let inner = Scope {
                    binding: Some((binding.node.as_str(), fields)),
                    ..*scope
                };
                let body = self.condition(body, &inner);
                (
                    TExpr::Quantifier {
                        any: *any,
                        list: index,
                        body: Box::new(body),
                    },
                    Type::Bool,
                )
            }
            ExprKind::Call(name, args) => self.call(expr, name, args, scope),
        }
    }

    /// The list input a `for each`/`any`/`all` ranges over.
    pub fn list_input<'s>(
        &mut self,
        list: &crate::syntax::ast::Name,
        scope: &Scope<'s>,
    ) -> Option<(usize, &'s [FieldDef])> {
        let found = scope
            .inputs
            .iter()
            .enumerate()
            .find(|(_, i)| i.path.join(".") == list.node);
        match found {
            Some((
                index,
                InputDef {
                    ty: Type::List(fields),
                    ..
                },
            )) => Some((index, fields.as_slice())),
            Some((_, input)) => {
                self.wrong(
                    format!("`{}` is {}, not a list", list.node, input.ty.describe()),
                    String::from(
                        "`for each`, `any` and `all` range over an input declared as `list { … }`",
                    ),
                    list.span,
                    String::from("not a list"),
                );
                None
            }
            None => {
                let names = scope
                    .inputs
                    .iter()
                    .map(|i| i.path.join("."))
                    .collect::<Vec<_>>();
                self.errors.push(SemanticError::Undefined {
                    what: "input",
                    name: list.node.clone(),
                    suggestion: suggest(&list.node, names.iter().map(String::as_str))
                        .map(String::from),
                    how: Wording::new(
                        "declare it with `input … : list { … }`",
                        "объявите его через `input … : list { … }`",
                        "оны `input … : list { … }` арқылы жариялаңыз",
                    ),
                    repeats: 0,
                    span: list.span,
                });
                None
            }
        }
    }

    fn path(
        &mut self,
        expr: &Expr,
        segments: &[crate::syntax::ast::Name],
        scope: &Scope<'_>,
        hint: Option<&Type>,
    ) -> (TExpr, Type) {
        let joined: String = segments
            .iter()
            .map(|s| s.node.as_str())
            .collect::<Vec<_>>()
            .join(".");
        // the bound item
        if let (Some((name, fields)), Some(first)) = (scope.binding, segments.first())
            && first.node == name
        {
            return match segments {
                [_] => (TExpr::ItemIndex, Type::Number),
                [_, field] => match fields.iter().position(|f| f.name == field.node) {
                    Some(i) => (
                        TExpr::ItemField(i),
                        fields.get(i).map_or(Type::Error, |f| f.ty.clone()),
                    ),
                    None => {
                        let all = fields
                            .iter()
                            .map(|f| f.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ");
                        self.errors.push(SemanticError::Undefined {
                            what: "field",
                            name: field.node.clone(),
                            suggestion: suggest(
                                &field.node,
                                fields.iter().map(|f| f.name.as_str()),
                            )
                            .map(|s| format!("{name}.{s}")),
                            how: Wording::new(
                                format!("the fields are: {all}"),
                                format!("поля: {all}"),
                                format!("өрістері: {all}"),
                            ),
                            repeats: 0,
                            span: field.span,
                        });
                        (TExpr::Const(Const::Bool(false)), Type::Error)
                    }
                },
                _ => {
                    self.wrong(
                        format!("`{joined}` goes deeper than a field of `{name}`"),
                        format!("write `{name}.FIELD`"),
                        expr.span,
                        String::from("too many parts"),
                    );
                    (TExpr::Const(Const::Bool(false)), Type::Error)
                }
            };
        }
        if scope.document_fields
            && let [single] = segments
            && let Some(field) = DocField::from_name(&single.node)
        {
            return (TExpr::DocField(field), field.ty());
        }
        if let Some((i, input)) = scope
            .inputs
            .iter()
            .enumerate()
            .find(|(_, i)| i.path.join(".") == joined)
        {
            return (TExpr::Input(i), input.ty.clone());
        }
        if let [single] = segments {
            if let Some((i, (_, ty))) = scope
                .lets
                .iter()
                .enumerate()
                .find(|(_, (n, _))| *n == single.node)
            {
                return (TExpr::Let(i), ty.clone());
            }
            match single.node.as_str() {
                "submitted_at" => return (TExpr::SubmittedAt, Type::Instant),
                "submitted_on" => return (TExpr::SubmittedOn, Type::Date),
                "channel" => {
                    return (
                        TExpr::Channel,
                        Type::Enum(vec![
                            String::from("provider"),
                            String::from("state_corporation"),
                        ]),
                    );
                }
                _ => {}
            }
            if let Some(Type::Error) = hint {
                // the other side is already wrong: one error is enough
                return (TExpr::Const(Const::Text(single.node.clone())), Type::Error);
            }
            if let Some(Type::Enum(values)) = hint {
                if values.contains(&single.node) {
                    return (
                        TExpr::Const(Const::Text(single.node.clone())),
                        Type::Enum(values.clone()),
                    );
                }
                let help = values_help(
                    suggest(&single.node, values.iter().map(String::as_str)),
                    values,
                );
                self.errors.push(SemanticError::UnknownValue {
                    value: single.node.clone(),
                    input: self
                        .compared
                        .clone()
                        .unwrap_or_else(|| String::from("the compared value")),
                    help,
                    span: single.span,
                });
                return (TExpr::Const(Const::Text(single.node.clone())), Type::Error);
            }
            if let Some(Type::Text) = hint {
                self.wrong(
                    format!("`{}` is not defined", single.node),
                    format!("the other side is a text: to compare with the text {0}, write it in quotes: `\"{0}\"`", single.node),
                    single.span,
                    String::from("not a defined name"),
                );
                return (TExpr::Const(Const::Text(single.node.clone())), Type::Error);
            }
        }
        let mut candidates: Vec<String> = scope.inputs.iter().map(|i| i.path.join(".")).collect();
        candidates.extend(scope.lets.iter().map(|(n, _)| n.clone()));
        candidates.extend(["submitted_at", "submitted_on", "channel"].map(String::from));
        if scope.document_fields {
            candidates.extend(DocField::ALL.iter().map(|f| f.name().to_string()));
        }
        let suggestion = suggest(&joined, candidates.iter().map(String::as_str)).map(String::from);
        self.errors.push(SemanticError::Undefined {
            what: "name",
            name: joined,
            suggestion,
            how: Wording::new(
                "declare it with `input NAME: TYPE` or `let NAME = …` in this service",
                "объявите его через `input NAME: TYPE` или `let NAME = …` в этой услуге",
                "оны осы қызметте `input NAME: TYPE` немесе `let NAME = …` арқылы жариялаңыз",
            ),
            repeats: 0,
            span: expr.span,
        });
        (TExpr::Const(Const::Bool(false)), Type::Error)
    }

    fn literals(
        &mut self,
        options: &[crate::source::Spanned<Literal>],
        ty: &Type,
        value: &Expr,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for option in options {
            let text = option.node.text().to_string();
            match (ty, &option.node) {
                (Type::Enum(values) | Type::Set(values), _) if !values.contains(&text) => {
                    let help =
                        values_help(suggest(&text, values.iter().map(String::as_str)), values);
                    self.errors.push(SemanticError::UnknownValue {
                        value: text.clone(),
                        input: self
                            .source
                            .text
                            .get(value.span.start..value.span.end)
                            .unwrap_or("")
                            .to_string(),
                        help,
                        span: option.span,
                    });
                }
                (Type::Text, Literal::Ident(_)) => self.wrong(
                    format!("`{text}` is not defined"),
                    format!("the value is a text: write `\"{text}\"` in quotes"),
                    option.span,
                    String::from("a bare name where a text is expected"),
                ),
                (Type::Enum(_) | Type::Set(_) | Type::Text | Type::Error, _) => {}
                (other, _) => {
                    self.wrong(
                        format!(
                            "a list of values cannot be matched against {}",
                            other.describe()
                        ),
                        String::from(
                            "`in (…)` and `has_any (…)` work on texts and on `one_of`/`set` inputs",
                        ),
                        value.span,
                        other.describe(),
                    );
                    return out;
                }
            }
            out.push(text);
        }
        out
    }

    fn has(
        &mut self,
        set: &Expr,
        options: &[crate::source::Spanned<Literal>],
        scope: &Scope<'_>,
    ) -> (TExpr, Type) {
        let (t, ty) = self.expr(set, scope, None);
        if !matches!(ty, Type::Set(_) | Type::Error) {
            self.wrong(
                format!("`has` needs a set of values, but this is {}", ty.describe()),
                String::from("use `==` or `in (…)` to compare a single value"),
                set.span,
                ty.describe(),
            );
            return (TExpr::Const(Const::Bool(false)), Type::Error);
        }
        let values = self.literals(options, &ty, set);
        (TExpr::HasAny(Box::new(t), values), Type::Bool)
    }

    fn binary(&mut self, op: BinaryOp, l: &Expr, r: &Expr, scope: &Scope<'_>) -> (TExpr, Type) {
        match op {
            BinaryOp::And | BinaryOp::Or => {
                let a = Box::new(self.condition(l, scope));
                let b = Box::new(self.condition(r, scope));
                (
                    if op == BinaryOp::And {
                        TExpr::And(a, b)
                    } else {
                        TExpr::Or(a, b)
                    },
                    Type::Bool,
                )
            }
            BinaryOp::Add | BinaryOp::Sub => self.shift(op, l, r, scope),
            _ => {
                // type the side that is not a bare name first, so a bare enum value gets its hint
                let bare = |e: &Expr| matches!(&e.kind, ExprKind::Path(s) if s.len() == 1);
                let (lt, lty, rt, rty) = if bare(l) && !bare(r) {
                    let (rt, rty) = self.expr(r, scope, None);
                    self.compared = Some(written(self.source, r));
                    let (lt, lty) = self.expr(l, scope, Some(&rty));
                    (lt, lty, rt, rty)
                } else {
                    let (lt, lty) = self.expr(l, scope, None);
                    self.compared = Some(written(self.source, l));
                    let (rt, rty) = self.expr(r, scope, Some(&lty));
                    (lt, lty, rt, rty)
                };
                self.compared = None;
                let cmp = match op {
                    BinaryOp::Eq => CompareOp::Eq,
                    BinaryOp::Ne => CompareOp::Ne,
                    BinaryOp::Lt => CompareOp::Lt,
                    BinaryOp::Le => CompareOp::Le,
                    BinaryOp::Gt => CompareOp::Gt,
                    _ => CompareOp::Ge,
                };
                self.comparable(op, &lty, &rty, l, r);
                (TExpr::Compare(cmp, Box::new(lt), Box::new(rt)), Type::Bool)
            }
        }
    }

    fn comparable(&mut self, op: BinaryOp, lty: &Type, rty: &Type, l: &Expr, r: &Expr) {
        let ordered = !matches!(op, BinaryOp::Eq | BinaryOp::Ne);
        let ok = match (lty, rty) {
            (Type::Error, _) | (_, Type::Error) => true,
            (Type::Duration(a), Type::Duration(b)) => a == b,
            (Type::Number | Type::Date | Type::Instant, _) => lty == rty,
            (Type::Enum(_), Type::Enum(_))
            | (Type::Enum(_) | Type::Text, Type::Text)
            | (Type::Text, Type::Enum(_))
            | (Type::Bool, Type::Bool) => !ordered,
            _ => false,
        };
        if ok {
            return;
        }
        let help = match (lty, rty) {
            (Type::Duration(_), Type::Number) | (Type::Number, Type::Duration(_)) => Wording::new(
                "give the number its unit, e.g. `16 years` or `7 calendar days`",
                "укажите единицу числа, например `16 years` или `7 calendar days`",
                "санның өлшем бірлігін жазыңыз, мысалы `16 years` немесе `7 calendar days`",
            ),
            (Type::Date, Type::Instant) | (Type::Instant, Type::Date) => Wording::new(
                "compare a date with a date: use `submitted_on` (the local date) instead of `submitted_at`",
                "сравнивайте дату с датой: используйте `submitted_on` (местную дату) вместо `submitted_at`",
                "күнді күнмен салыстырыңыз: `submitted_at` орнына `submitted_on` (жергілікті күн) қолданыңыз",
            ),
            _ if ordered && lty == rty => {
                let kind = lty.describe_words();
                Wording::new(
                    format!("{} has no order: use `==` or `!=`", kind.get(Lang::En)),
                    format!(
                        "у типа «{}» нет порядка: используйте `==` или `!=`",
                        kind.get(Lang::Ru)
                    ),
                    format!(
                        "«{}» реттелмейді: `==` немесе `!=` қолданыңыз",
                        kind.get(Lang::Kk)
                    ),
                )
            }
            _ => Wording::new(
                "compare values of the same kind: a date with a date, a duration with a duration of the same unit family",
                "сравнивайте значения одного рода: дату с датой, срок со сроком в тех же единицах",
                "бір текті мәндерді салыстырыңыз: күнді күнмен, мерзімді сол өлшемдегі мерзіммен",
            ),
        };
        let (left, right) = (lty.describe_words(), rty.describe_words());
        let message = Wording::new(
            format!(
                "{} is compared with {}",
                left.get(Lang::En),
                right.get(Lang::En)
            ),
            format!(
                "{} сравнивается с: {}",
                left.get(Lang::Ru),
                right.get(Lang::Ru)
            ),
            format!(
                "{} мынамен салыстырылады: {}",
                left.get(Lang::Kk),
                right.get(Lang::Kk)
            ),
        );
        self.mismatch(message, help, (l, lty), (r, rty));
    }

    fn shift(&mut self, op: BinaryOp, l: &Expr, r: &Expr, scope: &Scope<'_>) -> (TExpr, Type) {
        let (lt, lty) = self.expr(l, scope, None);
        let (rt, rty) = self.expr(r, scope, None);
        let forward = op == BinaryOp::Add;
        match (&lty, &rty, &rt) {
            (Type::Error, _, _) | (_, Type::Error, _) => {
                (TExpr::Const(Const::Bool(false)), Type::Error)
            }
            (
                Type::Date,
                Type::Duration(UnitFamily::Days | UnitFamily::Months),
                TExpr::Const(Const::Duration(d)),
            ) => (TExpr::Shift(Box::new(lt), *d, forward), Type::Date),
            (Type::Instant, Type::Duration(_), TExpr::Const(Const::Duration(d))) => {
                (TExpr::Shift(Box::new(lt), *d, forward), Type::Instant)
            }
            (Type::Number, Type::Number, _) => {
                self.wrong(
                    String::from("arithmetic on numbers is not part of the language"),
                    String::from("write the resulting number, or compare durations instead"),
                    l.span.to(r.span),
                    String::from("number arithmetic"),
                );
                (TExpr::Const(Const::Bool(false)), Type::Error)
            }
            _ => {
                let (left, right) = (lty.describe_words(), rty.describe_words());
                let help = match (&lty, &rty) {
                    (Type::Date, Type::Duration(UnitFamily::Clock)) => Wording::new(
                        "a date has no time of day: add days, months or years, or use `submitted_at` for minutes and hours",
                        "у даты нет времени суток: прибавляйте дни, месяцы или годы, а для минут и часов используйте `submitted_at`",
                        "күннің тәулік уақыты жоқ: күн, ай немесе жыл қосыңыз, ал минут пен сағат үшін `submitted_at` қолданыңыз",
                    ),
                    (_, Type::Duration(_)) => Wording::new(
                        format!(
                            "durations can be added to a date or a moment in time, not to {}",
                            left.get(Lang::En)
                        ),
                        format!(
                            "срок можно прибавить к дате или моменту времени, но не к значению «{}»",
                            left.get(Lang::Ru)
                        ),
                        format!(
                            "мерзімді күнге немесе уақыт сәтіне қосуға болады, «{}» мәніне емес",
                            left.get(Lang::Kk)
                        ),
                    ),
                    _ => Wording::new(
                        "write `DATE + DURATION`, e.g. `submitted_on + 180 calendar days`",
                        "пишите `DATE + DURATION`, например `submitted_on + 180 calendar days`",
                        "`DATE + DURATION` деп жазыңыз, мысалы `submitted_on + 180 calendar days`",
                    ),
                };
                let message = Wording::new(
                    format!(
                        "{} cannot be added to {}",
                        right.get(Lang::En),
                        left.get(Lang::En)
                    ),
                    format!(
                        "{} нельзя прибавить к значению «{}»",
                        right.get(Lang::Ru),
                        left.get(Lang::Ru)
                    ),
                    format!(
                        "{} мәнін «{}» мәніне қосуға болмайды",
                        right.get(Lang::Kk),
                        left.get(Lang::Kk)
                    ),
                );
                self.mismatch(message, help, (l, &lty), (r, &rty));
                (TExpr::Const(Const::Bool(false)), Type::Error)
            }
        }
    }

    fn call(
        &mut self,
        expr: &Expr,
        name: &crate::syntax::ast::Name,
        args: &[(Option<crate::syntax::ast::Name>, Expr)],
        scope: &Scope<'_>,
    ) -> (TExpr, Type) {
        if name.node != "age" {
            self.errors.push(SemanticError::UnknownFunction {
                name: name.node.clone(),
                span: name.span,
            });
            return (TExpr::Const(Const::Bool(false)), Type::Error);
        }
        let positional: Vec<&Expr> = args
            .iter()
            .filter(|(l, _)| l.is_none())
            .map(|(_, e)| e)
            .collect();
        let on = args
            .iter()
            .find(|(l, _)| l.as_ref().is_some_and(|l| l.node == "on"))
            .map(|(_, e)| e);
        let (Some(birth), Some(on), 1) = (positional.first(), on, positional.len()) else {
            self.wrong(
                String::from("`age` takes a birth date and the day to count on"),
                String::from("write `age(applicant.birth_date, on: submitted_on)`"),
                expr.span,
                String::from("wrong arguments"),
            );
            return (TExpr::Const(Const::Bool(false)), Type::Error);
        };
        let date_arg = |this: &mut Self, e: &Expr| {
            let (t, ty) = this.expr(e, scope, None);
            if !matches!(ty, Type::Date | Type::Error) {
                let help = if ty == Type::Instant {
                    String::from(
                        "use the local date `submitted_on` instead of the moment `submitted_at`",
                    )
                } else {
                    String::from("`age` counts whole years between two dates")
                };
                this.wrong(
                    format!("`age` needs a date here, but this is {}", ty.describe()),
                    help,
                    e.span,
                    ty.describe(),
                );
            }
            t
        };
        let b = date_arg(self, birth);
        let o = date_arg(self, on);
        (
            TExpr::Age(Box::new(b), Box::new(o)),
            Type::Duration(UnitFamily::Months),
        )
    }
}
