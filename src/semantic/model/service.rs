//! An analysed service: its channels, inputs, document requirements and refusal grounds,
//! its process and its examples.

use super::{Condition, DocField, Meta, ProcessView, Type};
use crate::source::Span;
use crate::syntax::ast;
use crate::vocab::Texts;

/// An intake channel: `channel NAME since … § …`.
#[derive(Debug, Clone)]
pub struct ChannelDef {
    /// `provider`, `state_corporation`.
    pub name: String,
    /// Its citations and when it is open (`meta.validity`).
    pub meta: Meta,
}

/// A service input: a fact the bundle provides.
#[derive(Debug, Clone)]
pub struct InputDef {
    /// `["applicant", "birth_date"]`.
    pub path: Vec<String>,
    /// Its type.
    pub ty: Type,
    /// Declared with `?`.
    pub optional: bool,
    /// Declared `personal`: its value tells who the applicant is (for a list, so does every
    /// field of its records).
    pub personal: bool,
    /// Where declared.
    pub span: Span,
}

impl InputDef {
    /// The JSON pointer of the input in a bundle: `/applicant/birth_date`.
    pub fn pointer(&self) -> String {
        self.path.iter().map(|s| format!("/{s}")).collect()
    }
}

/// A document requirement.
#[derive(Debug, Clone)]
pub struct DocumentRule {
    /// The document kind.
    pub kind: String,
    /// When it is needed.
    pub required: Option<Requirement>,
    /// Conditions on each document of this kind.
    pub validity: Vec<(Condition, Texts)>,
    /// Its fields marked `personal` (each once, in the order written).
    pub personal: Vec<DocField>,
    /// Provenance, messages, validity.
    pub meta: Meta,
}

/// When a document is required.
#[derive(Debug, Clone)]
pub enum Requirement {
    /// Under a condition (`Const(true)` for `always`), minus an exemption.
    When {
        /// The condition.
        when: Condition,
        /// The exemption.
        unless: Option<Condition>,
    },
    /// One per item of a list input that satisfies a filter, matched by a document field.
    PerItem {
        /// The list input.
        list: usize,
        /// Which items need one.
        filter: Option<Condition>,
        /// The exemption, for the whole requirement.
        unless: Option<Condition>,
        /// The document field holding the item's index.
        matched_by: DocField,
    },
}

/// A refusal ground.
#[derive(Debug, Clone)]
pub struct RefusalRule {
    /// Its id.
    pub id: String,
    /// When it holds.
    pub when: Condition,
    /// Its exemption.
    pub unless: Option<Condition>,
    /// Provenance, messages.
    pub meta: Meta,
}

/// An analysed service.
#[derive(Debug, Clone)]
pub struct ServiceModel {
    /// Its id.
    pub id: String,
    /// The act that defines it, and the annex.
    pub act: Option<(String, Option<u32>)>,
    /// The standard it implements.
    pub standard: Option<(String, Option<u32>)>,
    /// Its timezone.
    pub timezone: chrono_tz::Tz,
    /// Its calendar's id.
    pub calendar: Option<String>,
    /// Intake channels, each with its citations and validity.
    pub channels: Vec<ChannelDef>,
    /// Actors: id and abbreviation.
    pub actors: Vec<(String, Option<String>, Span)>,
    /// Inputs.
    pub inputs: Vec<InputDef>,
    /// Named conditions.
    pub lets: Vec<(String, Condition)>,
    /// Document requirements.
    pub documents: Vec<DocumentRule>,
    /// Refusal grounds.
    pub refusals: Vec<RefusalRule>,
    /// The authoritative process.
    pub process: ProcessView,
    /// Second views.
    pub views: Vec<ProcessView>,
    /// Examples (run by `ereje test`).
    pub examples: Vec<ast::Example>,
    /// Provenance, titles, validity.
    pub meta: Meta,
}
