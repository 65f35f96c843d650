//! `GET /v1/services`: what the rules offer: each version of each service with its titles in
//! every language, when it is in force, and its intake channels with when each is open.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use super::respond;
use super::state::Shared;
use crate::semantic::model::{Interval, ServiceModel};
use crate::vocab::{Lang, Texts};

/// The answer of `/v1/services`.
#[derive(Debug, Serialize)]
pub struct Services<'a> {
    /// The rules' version.
    pub rules_version: &'a str,
    /// Every service version, by id and then by the day it enters into force.
    pub services: Vec<Service<'a>>,
}

/// One version of a service.
#[derive(Debug, Serialize)]
pub struct Service<'a> {
    /// Its id (the bundle's `service`).
    pub id: &'a str,
    /// Its title in each language it has one in (`kk`, `ru`, `en`).
    pub titles: BTreeMap<&'static str, &'a str>,
    /// When this version is in force.
    pub in_force: InForce,
    /// Its intake channels (the bundle's `channel`).
    pub channels: Vec<Channel<'a>>,
}

/// An interval of days: the first day in force and the first day no longer in force (`null`:
/// open on that side).
#[derive(Debug, Serialize)]
pub struct InForce {
    /// The first day in force.
    pub from: Option<String>,
    /// The first day no longer in force.
    pub until: Option<String>,
    /// Whether a bound depends on an act whose entry into force is known only within a
    /// window (the day given is then the earliest it can be).
    pub window: bool,
}

/// An intake channel.
#[derive(Debug, Serialize)]
pub struct Channel<'a> {
    /// Its name.
    pub name: &'a str,
    /// When it is open.
    pub open: InForce,
}

/// List the services.
pub async fn services(State(shared): State<Arc<Shared>>) -> Response {
    let loaded = shared.rules();
    let mut services: Vec<Service<'_>> =
        loaded.rules.model().services.iter().map(service).collect();
    services.sort_by(|a, b| (a.id, &a.in_force.from).cmp(&(b.id, &b.in_force.from)));
    let answer = Services {
        rules_version: loaded.rules.version(),
        services,
    };
    respond::json(StatusCode::OK, &answer, loaded.rules.version())
}

fn service(s: &ServiceModel) -> Service<'_> {
    Service {
        id: &s.id,
        titles: titles(&s.meta.title),
        in_force: in_force(&s.meta.validity),
        channels: s
            .channels
            .iter()
            .map(|c| Channel {
                name: &c.name,
                open: in_force(&c.meta.validity),
            })
            .collect(),
    }
}

fn titles(texts: &Texts) -> BTreeMap<&'static str, &str> {
    [Lang::Kk, Lang::Ru, Lang::En]
        .into_iter()
        .filter(|l| texts.has(*l))
        .filter_map(|l| texts.get(l).map(|t| (l.tag(), t)))
        .collect()
}

fn in_force(i: &Interval) -> InForce {
    InForce {
        from: i.from.map(|d| d.to_string()),
        until: i.until.map(|d| d.to_string()),
        window: i.from_window.is_some() || i.until_window.is_some(),
    }
}
