//! The words of a request `ereje serve` refused (`check::Rejection`), in each language: the
//! message and the help, as for a problem with a bundle.

use super::size;
use crate::check::Rejection;
use crate::vocab::Lang;

/// A refused request's message and help in `lang`.
pub(super) fn words(rejection: &Rejection, lang: Lang) -> (String, String) {
    match lang {
        Lang::En => en(rejection),
        Lang::Ru => ru(rejection),
        Lang::Kk => kk(rejection),
    }
}

fn en(r: &Rejection) -> (String, String) {
    match r {
        Rejection::NoRoute { path } => (
            format!("no endpoint at `{path}`"),
            "see `GET /openapi.json` for the endpoints".into(),
        ),
        Rejection::Method { method, allowed } => (
            format!("`{method}` is not what this endpoint takes"),
            format!("send the request as `{allowed}`"),
        ),
        Rejection::MediaType { expected } => (
            "the body is not of the media type this endpoint reads".into(),
            format!("send the body as `{expected}`"),
        ),
        Rejection::BodyTooLarge { bytes } => (
            format!("the request body is larger than {}", size(*bytes, "bytes")),
            "send a smaller body, or a batch in several requests".into(),
        ),
        Rejection::BodyUnreadable { detail } => (
            format!("the request body did not arrive whole: {detail}"),
            "send the request again".into(),
        ),
        Rejection::TimedOut { seconds } => (
            format!("the request took longer than {seconds} s"),
            "send the body at once, or a large batch in smaller requests".into(),
        ),
        Rejection::Busy { limit } => (
            format!("the server is checking {limit} requests already, and none finished in time"),
            "send the request again a little later".into(),
        ),
        Rejection::BadParameter { name, expected } => (
            format!("the parameter `{name}` is wrong"),
            format!("give `{name}` as {expected}"),
        ),
        Rejection::UnknownService { id, suggestion } => (
            format!("no service `{id}`"),
            match suggestion {
                Some(s) => format!("did you mean `{s}`? `GET /v1/services` lists the services"),
                None => "`GET /v1/services` lists the services".into(),
            },
        ),
        Rejection::ServiceNotInForce { id, day } => (
            format!("service `{id}` is not in force on {day}"),
            "`GET /v1/services` says when each version is in force; ask for a day within one"
                .into(),
        ),
    }
}

fn ru(r: &Rejection) -> (String, String) {
    match r {
        Rejection::NoRoute { path } => (
            format!("по адресу `{path}` нет точки доступа"),
            "точки доступа перечислены в `GET /openapi.json`".into(),
        ),
        Rejection::Method { method, allowed } => (
            format!("эта точка доступа не принимает `{method}`"),
            format!("отправьте запрос методом `{allowed}`"),
        ),
        Rejection::MediaType { expected } => (
            "тело запроса не того типа, который читает эта точка доступа".into(),
            format!("отправьте тело как `{expected}`"),
        ),
        Rejection::BodyTooLarge { bytes } => (
            format!("тело запроса больше {}", size(*bytes, "байт")),
            "отправьте тело меньше или разделите пакетную проверку на несколько запросов".into(),
        ),
        Rejection::BodyUnreadable { detail } => (
            format!("тело запроса получено не полностью: {detail}"),
            "отправьте запрос ещё раз".into(),
        ),
        Rejection::TimedOut { seconds } => (
            format!("запрос длился дольше {seconds} с"),
            "отправляйте тело сразу целиком, а большую пакетную проверку — частями".into(),
        ),
        Rejection::Busy { limit } => (
            format!("сервер уже проверяет {limit} запросов, и ни один не завершился вовремя"),
            "отправьте запрос ещё раз чуть позже".into(),
        ),
        Rejection::BadParameter { name, expected } => (
            format!("параметр `{name}` указан неверно"),
            format!("укажите `{name}` как {expected}"),
        ),
        Rejection::UnknownService { id, suggestion } => (
            format!("нет услуги `{id}`"),
            match suggestion {
                Some(s) => format!("возможно, имелась в виду `{s}`? услуги перечислены в `GET /v1/services`"),
                None => "услуги перечислены в `GET /v1/services`".into(),
            },
        ),
        Rejection::ServiceNotInForce { id, day } => (
            format!("услуга `{id}` не действует на {day}"),
            "`GET /v1/services` указывает, когда действует каждая редакция; укажите день в её пределах".into(),
        ),
    }
}

fn kk(r: &Rejection) -> (String, String) {
    match r {
        Rejection::NoRoute { path } => (
            format!("`{path}` мекенжайында қол жеткізу нүктесі жоқ"),
            "қол жеткізу нүктелері `GET /openapi.json` ішінде берілген".into(),
        ),
        Rejection::Method { method, allowed } => (
            format!("бұл қол жеткізу нүктесі `{method}` әдісін қабылдамайды"),
            format!("сұрауды `{allowed}` әдісімен жіберіңіз"),
        ),
        Rejection::MediaType { expected } => (
            "сұрау денесі бұл қол жеткізу нүктесі оқитын түрде емес".into(),
            format!("денені `{expected}` ретінде жіберіңіз"),
        ),
        Rejection::BodyTooLarge { bytes } => (
            format!("сұрау денесі {} шегінен үлкен", size(*bytes, "байт")),
            "кішірек дене жіберіңіз немесе топтама тексеруді бірнеше сұрауға бөліңіз".into(),
        ),
        Rejection::BodyUnreadable { detail } => (
            format!("сұрау денесі толық келмеді: {detail}"),
            "сұрауды қайта жіберіңіз".into(),
        ),
        Rejection::TimedOut { seconds } => (
            format!("сұрау {seconds} с-тан ұзаққа созылды"),
            "денені бірден толық жіберіңіз, ал үлкен топтаманы бөліп жіберіңіз".into(),
        ),
        Rejection::Busy { limit } => (
            format!(
                "сервер {limit} сұрауды тексеріп жатыр, және олардың ешқайсысы уақытында аяқталмады"
            ),
            "сұрауды сәл кейінірек қайта жіберіңіз".into(),
        ),
        Rejection::BadParameter { name, expected } => (
            format!("`{name}` параметрі қате берілген"),
            format!("`{name}` мәнін {expected} ретінде беріңіз"),
        ),
        Rejection::UnknownService { id, suggestion } => (
            format!("`{id}` қызметі жоқ"),
            match suggestion {
                Some(s) => format!("`{s}` болуы мүмкін бе? қызметтер `GET /v1/services` ішінде берілген"),
                None => "қызметтер `GET /v1/services` ішінде берілген".into(),
            },
        ),
        Rejection::ServiceNotInForce { id, day } => (
            format!("`{id}` қызметі {day} күні қолданыста емес"),
            "әр редакцияның қашан қолданыста болатыны `GET /v1/services` ішінде берілген; сол аралықтағы күнді көрсетіңіз".into(),
        ),
    }
}
