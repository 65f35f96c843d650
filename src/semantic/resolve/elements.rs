//! Document requirements and refusal grounds: their conditions typed in the service's scope.

use super::ServiceResolver;
use crate::semantic::error::{SemanticError, Subject};
use crate::semantic::model::{
    Condition, Const, DocField, DocumentRule, Interval, RefusalRule, Requirement, TExpr,
};
use crate::semantic::types::{Scope, Typer};
use crate::syntax::ast::{self};
use crate::vocab::Wording;

impl ServiceResolver<'_> {
    pub(super) fn documents(
        &mut self,
        s: &ast::Service,
        scope: &Scope<'_>,
        outer: &Interval,
    ) -> Vec<DocumentRule> {
        let mut out: Vec<DocumentRule> = Vec::new();
        for d in &s.documents {
            if let Some(first) = out
                .iter()
                .find(|x| x.kind == d.kind.node)
                .map(|x| x.meta.span)
            {
                self.duplicate("document", &d.kind, first);
                continue;
            }
            let what = Subject {
                kind: "document",
                name: d.kind.node.clone(),
            };
            let texts = (&d.title, &d.message);
            let meta = self.element_meta(s, what, &d.provenance, outer, d.kind.span, texts);
            let (required, slots) = match d.required.as_ref().map(|r| self.requirement(r, scope)) {
                Some((required, slots)) => (Some(required), slots),
                None => (None, Vec::new()),
            };
            self.message_slots(&d.message, &slots);
            let doc_scope = Scope {
                document_fields: true,
                ..*scope
            };
            let validity = d
                .validity
                .iter()
                .map(|v| {
                    let mut typer = Typer {
                        source: self.source,
                        errors: self.errors,
                        compared: None,
                    };
                    let expr = typer.condition(&v.condition, &doc_scope);
                    (
                        Condition {
                            expr,
                            span: v.condition.span,
                        },
                        v.message.clone(),
                    )
                })
                .collect();
            out.push(DocumentRule {
                kind: d.kind.node.clone(),
                required,
                validity,
                personal: self.personal_fields(&d.personal),
                meta,
            });
        }
        out
    }

    /// A document's requirement, and the slots its message can fill (§ `slots`).
    pub(super) fn requirement(
        &mut self,
        r: &ast::Required,
        scope: &Scope<'_>,
    ) -> (Requirement, Vec<String>) {
        let mut typer = Typer {
            source: self.source,
            errors: self.errors,
            compared: None,
        };
        let unless = r.unless.as_ref().map(|u| Condition {
            expr: typer.condition(u, scope),
            span: u.span,
        });
        match &r.when {
            ast::RequiredWhen::Always => (
                Requirement::When {
                    when: Condition {
                        expr: TExpr::Const(Const::Bool(true)),
                        span: r.span,
                    },
                    unless,
                },
                Vec::new(),
            ),
            ast::RequiredWhen::When(e) => (
                Requirement::When {
                    when: Condition {
                        expr: typer.condition(e, scope),
                        span: e.span,
                    },
                    unless,
                },
                Vec::new(),
            ),
            ast::RequiredWhen::PerItem {
                binding,
                list,
                filter,
                matched_by,
            } => {
                let Some((index, fields)) = typer.list_input(list, scope) else {
                    // the list is not known: its items' slots are excused, not checked
                    let excused = vec![
                        String::from("n"),
                        String::from("nth"),
                        format!("{}.*", binding.node),
                    ];
                    return (
                        Requirement::When {
                            when: Condition {
                                expr: TExpr::Const(Const::Bool(false)),
                                span: r.span,
                            },
                            unless,
                        },
                        excused,
                    );
                };
                let inner = Scope {
                    binding: Some((binding.node.as_str(), fields)),
                    ..*scope
                };
                let filter = filter.as_ref().map(|f| Condition {
                    expr: typer.condition(f, &inner),
                    span: f.span,
                });
                let matched = match DocField::from_name(&matched_by.node) {
                    Some(DocField::Child) => DocField::Child,
                    _ => {
                        self.errors.push(SemanticError::WrongType {
                            message: Wording::new(
                                format!("documents are matched to list items by their `child` field, not `{}`", matched_by.node),
                                format!("документы сопоставляются с элементами списка по полю `child`, а не `{}`", matched_by.node),
                                format!("құжаттар тізім элементтерімен `{}` өрісі бойынша емес, `child` өрісі бойынша сәйкестендіріледі", matched_by.node),
                            ),
                            help: Wording::new(
                                "write `matched by child`",
                                "напишите `matched by child`",
                                "`matched by child` деп жазыңыз",
                            ),
                            span: matched_by.span,
                            label: Wording::new(
                                "not an index field of a document",
                                "не индексное поле документа",
                                "құжаттың индекс өрісі емес",
                            ),
                        });
                        DocField::Child
                    }
                };
                (
                    Requirement::PerItem {
                        list: index,
                        filter,
                        unless,
                        matched_by: matched,
                    },
                    super::slots::item_slots(&binding.node, fields),
                )
            }
        }
    }

    pub(super) fn refusals(
        &mut self,
        s: &ast::Service,
        scope: &Scope<'_>,
        outer: &Interval,
    ) -> Vec<RefusalRule> {
        let mut out: Vec<RefusalRule> = Vec::new();
        for r in &s.refusals {
            if let Some(first) = out
                .iter()
                .find(|x| x.id == r.name.node)
                .map(|x| x.meta.span)
            {
                self.duplicate("refusal ground", &r.name, first);
                continue;
            }
            let what = Subject {
                kind: "refusal ground",
                name: r.name.node.clone(),
            };
            let texts = (&r.title, &r.message);
            let meta = self.element_meta(s, what, &r.provenance, outer, r.name.span, texts);
            let mut typer = Typer {
                source: self.source,
                errors: self.errors,
                compared: None,
            };
            let when = match &r.when {
                Some(w) => Condition {
                    expr: typer.condition(w, scope),
                    span: w.span,
                },
                None => {
                    typer.errors.push(SemanticError::WrongType {
                        message: Wording::new(
                            format!("refusal ground `{}` has no condition", r.name.node),
                            format!("у основания для отказа `{}` нет условия", r.name.node),
                            format!("`{}` бас тарту негізінің шарты жоқ", r.name.node),
                        ),
                        help: Wording::new(
                            "say when the ground holds: `when …`",
                            "укажите, когда основание выполняется: `when …`",
                            "негіз қашан орындалатынын көрсетіңіз: `when …`",
                        ),
                        span: r.name.span,
                        label: Wording::new("no `when`", "нет `when`", "`when` жоқ"),
                    });
                    Condition {
                        expr: TExpr::Const(Const::Bool(false)),
                        span: r.span,
                    }
                }
            };
            let unless = r.unless.as_ref().map(|u| Condition {
                expr: typer.condition(u, scope),
                span: u.span,
            });
            out.push(RefusalRule {
                id: r.name.node.clone(),
                when,
                unless,
                meta,
            });
        }
        out
    }
}
