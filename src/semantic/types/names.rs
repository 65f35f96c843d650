//! Names in expressions: a path resolved to an item field, a document field, an input, a
//! `let`, a built-in or a value of the input it is compared with; the list a quantifier ranges
//! over; the values of a value list.

use super::{Scope, Typer};
use crate::semantic::error::{SemanticError, values_help};
use crate::semantic::model::{Const, DocField, FieldDef, InputDef, TExpr, Type};
use crate::suggest::suggest;
use crate::syntax::ast::{Expr, Literal};
use crate::vocab::{Lang, Wording};

impl Typer<'_> {
    /// The list input a `for each`/`any`/`all` ranges over.
    pub fn list_input<'s>(
        &mut self,
        list: &crate::syntax::ast::Name,
        scope: &Scope<'s>,
    ) -> Option<(usize, &'s [FieldDef])> {
        let found = scope.input(&list.node);
        match found {
            Some((
                index,
                InputDef {
                    ty: Type::List(fields),
                    ..
                },
            )) => Some((index, fields.as_slice())),
            Some((_, input)) => {
                let (name, ty) = (&list.node, input.ty.describe_words());
                self.wrong(
                    Wording::new(
                        format!("`{name}` is {}, not a list", ty.get(Lang::En)),
                        format!("`{name}` — {}, а не список", ty.get(Lang::Ru)),
                        format!("`{name}` — {}, тізім емес", ty.get(Lang::Kk)),
                    ),
                    Wording::new(
                        "`for each`, `any` and `all` range over an input declared as `list { … }`",
                        "`for each`, `any` и `all` перебирают факт, объявленный как `list { … }`",
                        "`for each`, `any` және `all` `list { … }` ретінде жарияланған факт бойынша жүреді",
                    ),
                    list.span,
                    Wording::new("not a list", "не список", "тізім емес"),
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

    pub(super) fn path(
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
                        Wording::new(
                            format!("`{joined}` goes deeper than a field of `{name}`"),
                            format!("`{joined}` глубже, чем поле `{name}`"),
                            format!("`{joined}` `{name}` өрісінен тереңірек барады"),
                        ),
                        Wording::new(
                            format!("write `{name}.FIELD`"),
                            format!("напишите `{name}.FIELD`"),
                            format!("`{name}.FIELD` деп жазыңыз"),
                        ),
                        expr.span,
                        Wording::new(
                            "too many parts",
                            "слишком много частей",
                            "бөліктері тым көп",
                        ),
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
        if let Some((i, input)) = scope.input(&joined) {
            return (TExpr::Input(i), input.ty.clone());
        }
        if let [single] = segments {
            if let Some((i, ty)) = scope.let_named(&single.node) {
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
                    input: self.compared.clone(),
                    help,
                    span: single.span,
                });
                return (TExpr::Const(Const::Text(single.node.clone())), Type::Error);
            }
            if let Some(Type::Text) = hint {
                let name = &single.node;
                self.wrong(
                    not_defined(name),
                    Wording::new(
                        format!("the other side is a text: to compare with the text {name}, write it in quotes: `\"{name}\"`"),
                        format!("с другой стороны — текст: чтобы сравнить с текстом {name}, напишите его в кавычках: `\"{name}\"`"),
                        format!("екінші жағы — мәтін: {name} мәтінімен салыстыру үшін оны тырнақшаға алып жазыңыз: `\"{name}\"`"),
                    ),
                    single.span,
                    Wording::new(
                        "not a defined name",
                        "не определённое имя",
                        "анықталған атау емес",
                    ),
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

    pub(super) fn literals(
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
                            .map(str::to_string),
                        help,
                        span: option.span,
                    });
                }
                (Type::Text, Literal::Ident(_)) => self.wrong(
                    not_defined(&text),
                    Wording::new(
                        format!("the value is a text: write `\"{text}\"` in quotes"),
                        format!("значение — текст: напишите `\"{text}\"` в кавычках"),
                        format!("мәні — мәтін: `\"{text}\"` деп тырнақшаға алып жазыңыз"),
                    ),
                    option.span,
                    Wording::new(
                        "a bare name where a text is expected",
                        "имя без кавычек там, где ожидается текст",
                        "мәтін күтілетін жерде тырнақшасыз атау",
                    ),
                ),
                (Type::Enum(_) | Type::Set(_) | Type::Text | Type::Error, _) => {}
                (other, _) => {
                    let found = other.describe_words();
                    self.wrong(
                        Wording::new(
                            format!(
                                "a list of values cannot be matched against {}",
                                found.get(Lang::En)
                            ),
                            format!(
                                "список значений нельзя сопоставить со значением «{}»",
                                found.get(Lang::Ru)
                            ),
                            format!(
                                "мәндер тізімін «{}» мәнімен салыстыруға болмайды",
                                found.get(Lang::Kk)
                            ),
                        ),
                        Wording::new(
                            "`in (…)` and `has_any (…)` work on texts and on `one_of`/`set` inputs",
                            "`in (…)` и `has_any (…)` работают с текстами и с фактами `one_of`/`set`",
                            "`in (…)` және `has_any (…)` мәтіндермен және `one_of`/`set` фактілерімен жұмыс істейді",
                        ),
                        value.span,
                        found,
                    );
                    return out;
                }
            }
            out.push(text);
        }
        out
    }
}

/// "`x` is not defined", for a bare name where a text is expected.
fn not_defined(name: &str) -> Wording {
    Wording::new(
        format!("`{name}` is not defined"),
        format!("`{name}` не определено"),
        format!("`{name}` анықталмаған"),
    )
}
