//! What the parser expected, in plain words: one description per grammar rule.

use crate::syntax::parser::Rule;

/// A grammar rule in plain words, or `None` for rules a user never needs to hear about.
///
/// The words are sorted and joined into "expected A, B or C", so related rules share one
/// description and are listed once: every kind of note (`quote`, `source`, …) reads as "a note",
/// every operator as "a comparison or arithmetic". `note` stands for the block's closing `}`:
/// pest does not report the `}` it tried, but wherever a note may stand, the block may also end
/// (except in a `view` heading, where `{` comes next).
pub(crate) fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "the end of the file",
        Rule::file => "`act`, `service` or `calendar`",
        // Declarations and block clauses.
        Rule::act_decl | Rule::kw_act | Rule::service_act => "`act`",
        Rule::service_decl | Rule::kw_service => "`service`",
        Rule::calendar_decl | Rule::kw_calendar | Rule::service_calendar => "`calendar`",
        Rule::title_clause | Rule::kw_title => "`title`",
        Rule::message_clause | Rule::kw_message => "`message`",
        Rule::act_kind | Rule::kw_kind => "`kind`",
        Rule::issued_clause | Rule::kw_issued => "`issued`",
        Rule::issuer_clause | Rule::kw_issuer => "`issuer`",
        Rule::kw_number => "`number`",
        Rule::registered_clause | Rule::kw_registered => "`registered`",
        Rule::published_clause | Rule::in_force_formula | Rule::kw_published => "`published`",
        Rule::in_force_clause | Rule::kw_in_force => "`in_force`",
        Rule::amended_clause | Rule::kw_amended => "`amended by`",
        Rule::repealed_clause | Rule::kw_repealed => "`repealed by`",
        Rule::annex_clause | Rule::annex_ref | Rule::kw_annex => "`annex`",
        Rule::kw_excluded => "`excluded by`",
        Rule::kw_unknown => "`unknown`",
        Rule::kw_by => "`by`",
        Rule::kw_at => "`at`",
        Rule::kw_on => "`on`",
        Rule::service_standard | Rule::kw_standard => "`standard`",
        Rule::timezone_clause | Rule::kw_timezone => "`timezone`",
        Rule::channels_clause | Rule::kw_channel => "`channel`",
        Rule::actor_decl | Rule::kw_actor => "`actor`",
        Rule::input_decl | Rule::kw_input => "`input`",
        Rule::let_decl | Rule::kw_let => "`let`",
        Rule::document_decl | Rule::kw_document => "`document`",
        Rule::required_clause | Rule::kw_required => "`required`",
        Rule::kw_always => "`always`",
        Rule::when_clause | Rule::kw_when => "`when`",
        Rule::kw_unless => "`unless`",
        Rule::valid_clause | Rule::kw_valid => "`valid when`",
        Rule::per_item | Rule::kw_for => "`for each`",
        Rule::kw_each => "`each`",
        Rule::kw_in => "`in`",
        Rule::kw_where => "`where`",
        Rule::kw_matched => "`matched by` and the item's name",
        Rule::refusal_decl | Rule::kw_refusal => "`refusal`",
        Rule::process_decl | Rule::kw_process => "`process`",
        Rule::view_decl | Rule::kw_view => "`view`",
        Rule::step_decl | Rule::kw_step => "`step`",
        Rule::term_decl | Rule::kw_term => "`term`",
        Rule::kw_within => "`within`",
        Rule::step_deadline | Rule::kw_after => {
            "`after` and the step it counts from, like `after submitted_at`"
        }
        Rule::step_parallel | Rule::kw_parallel => "`parallel with`",
        Rule::kw_with => "`with`",
        Rule::step_maps | Rule::kw_maps => "`maps to`",
        Rule::kw_to => "`to`",
        Rule::step_action | Rule::kw_action => "`action`",
        Rule::step_addressee | Rule::kw_addressed => "`addressed to` and an actor or `applicant`",
        Rule::refers_clause | Rule::kw_refers | Rule::kw_dated => {
            "`refers to`, an act and `dated` with the date the text gives it"
        }
        Rule::paragraphs_clause | Rule::kw_paragraphs | Rule::para_entry => {
            "`paragraphs` and the paragraph numbers, like `paragraphs 1, 2, 2-1`"
        }
        Rule::kw_of => "`of annex`",
        Rule::kw_empty => "`empty`",
        Rule::results_clause | Rule::kw_results => "`results` and what the service gives",
        Rule::step_produces | Rule::kw_produces => "`produces` and results of the service",
        Rule::step_names | Rule::kw_names => "`names` and the abbreviations in quotes",
        Rule::annex_kind => "`kind` and what the annex is, like `kind regulation`",
        Rule::kw_as => "`as` and what the text calls it, like `as standard`",
        Rule::written_clause | Rule::kw_written => {
            "`written` and the duration as the act writes it, like `written 90 calendar working days`"
        }
        Rule::example_decl | Rule::kw_example => "`example`",
        Rule::kw_bundle => "`bundle` and the bundle's path in quotes",
        Rule::kw_expect => "`expect` and a verdict, like `expect ok`",
        Rule::expected_finding | Rule::kw_finding => {
            "`finding` with a code and a subject, like `finding missing-document passport`"
        }
        Rule::finding_subject | Rule::subject_path => {
            "a finding's subject: a name like `passport`, a dotted name like `applicant.birth_date` or a quoted text"
        }
        Rule::other_findings | Rule::kw_others | Rule::kw_and_others => "`and others`",
        Rule::weekend_clause | Rule::kw_weekend => "`weekend`",
        Rule::years_clause | Rule::kw_years => "`years`",
        Rule::counting_clause | Rule::kw_counting => "`counting`",
        Rule::day_entry
        | Rule::transfer_entry
        | Rule::kw_holiday
        | Rule::kw_observed
        | Rule::kw_fixed
        | Rule::kw_working
        | Rule::kw_transfer => {
            "a calendar day (`holiday`, `observed`, `fixed`, `working`, `transfer`)"
        }
        // Notes on the source, grouped; `note` stands for the closing brace (see above).
        Rule::quote_clause
        | Rule::kw_quote
        | Rule::source_clause
        | Rule::kw_source
        | Rule::unverified_clause
        | Rule::kw_unverified
        | Rule::note_clause
        | Rule::since_clause
        | Rule::kw_since
        | Rule::until_clause
        | Rule::kw_until
        | Rule::allow_clause
        | Rule::kw_allow => {
            "a note (`quote`, `source`, `note`, `unverified`, `since`, `until`, `allow`)"
        }
        Rule::kw_note => "the `}` that closes the block",
        Rule::citation => "a citation like `§ 9(2)`",
        Rule::para_ref | Rule::para_number => "a paragraph like `9(2)`",
        Rule::cite_target => "an act and a paragraph, like `kz.law.migration art. 49(4)`",
        Rule::kw_art => "`art.`",
        Rule::time_point => "a date like `2019-03-23` or the name of an act",
        Rule::lint_name => "the name of a lint, like `unstated-day-kind`, or a code like `L020`",
        Rule::kw_because => "`because` and the reason in quotes",
        // Tokens.
        Rule::ident | Rule::literal_value => "a name like `passport`",
        Rule::path => "a name like `applicant.birth_date`",
        Rule::string | Rule::localized => "a quoted text like `\"…\"`",
        Rule::date => "a date like `2019-03-23`",
        Rule::number | Rule::number_lit => "a number like `7`",
        Rule::lang => "a language: `kk`, `ru` or `en`",
        Rule::duration => "a duration like `7 calendar days`",
        Rule::duration_unit | Rule::unit_word | Rule::unit_qualifier => {
            "a unit: `minutes`, `hours`, `days`, `calendar days`, `working days`, `months` or `years`"
        }
        // Types.
        Rule::type_expr => {
            "a type: `date`, `bool`, `text`, `number`, `one_of(…)`, `set(…)` or `list { … }`"
        }
        Rule::enum_type | Rule::kw_one_of => "`one_of(…)`",
        Rule::set_type | Rule::kw_set => "`set(…)`",
        Rule::list_type | Rule::kw_list => "`list { … }`",
        Rule::field_decl => "a field like `birth_date: date`",
        Rule::optional_mark => "a `?` after the type, if the fact may be unknown",
        Rule::personal_mark | Rule::personal_clause | Rule::kw_personal => "`personal`",
        // Expressions.
        Rule::expr => "a condition or a value",
        Rule::op_and | Rule::op_or | Rule::kw_and | Rule::kw_or => "`and`, `or`",
        Rule::op_eq
        | Rule::op_ne
        | Rule::op_lt
        | Rule::op_le
        | Rule::op_gt
        | Rule::op_ge
        | Rule::op_add
        | Rule::op_sub => "a comparison or arithmetic (`==`, `!=`, `<`, `<=`, `>`, `>=`, `+`, `-`)",
        Rule::op_not | Rule::kw_not => "`not`",
        Rule::op_in_list => "`in (…)`",
        Rule::op_has_any | Rule::kw_has_any => "`has_any (…)`",
        Rule::op_has | Rule::kw_has | Rule::has_document => "`has`",
        Rule::bool_lit | Rule::kw_true | Rule::kw_false => "`true`, `false`",
        Rule::quantifier | Rule::quantifier_kind | Rule::kw_any | Rule::kw_all => {
            "`any … where`, `all … where`"
        }
        Rule::value_list => "a list of values in parentheses, like `(kk, ru)`",
        Rule::call_arg => "an argument",
        _ => return None,
    })
}

/// A description of [`describe`] in Russian and Kazakh. Descriptions that are only keywords in
/// backticks read the same in every language.
pub(crate) fn translate(en: &'static str) -> (&'static str, &'static str) {
    match en {
        "the end of the file" => ("конец файла", "файлдың соңы"),
        "`act`, `service` or `calendar`" => (
            "`act`, `service` или `calendar`",
            "`act`, `service` немесе `calendar`",
        ),
        "`amended by`" => ("`amended by`", "`amended by`"),
        "`addressed to` and an actor or `applicant`" => (
            "`addressed to` и участник или `applicant`",
            "`addressed to` және қатысушы немесе `applicant`",
        ),
        "`refers to`, an act and `dated` with the date the text gives it" => (
            "`refers to`, акт и `dated` с датой, которую даёт текст",
            "`refers to`, акт және мәтіндегі күнімен `dated`",
        ),
        "`paragraphs` and the paragraph numbers, like `paragraphs 1, 2, 2-1`" => (
            "`paragraphs` и номера пунктов, например `paragraphs 1, 2, 2-1`",
            "`paragraphs` және тармақ нөмірлері, мысалы `paragraphs 1, 2, 2-1`",
        ),
        "`of annex`" => ("`of annex`", "`of annex`"),
        "`empty`" => ("`empty`", "`empty`"),
        "`results` and what the service gives" => (
            "`results` и то, что даёт услуга",
            "`results` және қызмет беретін нәтижелер",
        ),
        "`produces` and results of the service" => (
            "`produces` и результаты услуги",
            "`produces` және қызмет нәтижелері",
        ),
        "`names` and the abbreviations in quotes" => (
            "`names` и сокращения в кавычках",
            "`names` және тырнақшадағы қысқартулар",
        ),
        "`kind` and what the annex is, like `kind regulation`" => (
            "`kind` и вид приложения, например `kind regulation`",
            "`kind` және қосымшаның түрі, мысалы `kind regulation`",
        ),
        "`as` and what the text calls it, like `as standard`" => (
            "`as` и то, как его называет текст, например `as standard`",
            "`as` және мәтін оны қалай атайды, мысалы `as standard`",
        ),
        "`written` and the duration as the act writes it, like `written 90 calendar working days`" => {
            (
                "`written` и срок так, как он написан в акте, например `written 90 calendar working days`",
                "`written` және актіде жазылғандай мерзім, мысалы `written 90 calendar working days`",
            )
        }
        "`after` and the step it counts from, like `after submitted_at`" => (
            "`after` и шаг, от которого идёт отсчёт, например `after submitted_at`",
            "`after` және есеп басталатын қадам, мысалы `after submitted_at`",
        ),
        "`matched by` and the item's name" => (
            "`matched by` и имя элемента",
            "`matched by` және элементтің атауы",
        ),
        "`bundle` and the bundle's path in quotes" => (
            "`bundle` и путь к пакету в кавычках",
            "`bundle` және пакеттің жолы тырнақшада",
        ),
        "`expect` and a verdict, like `expect ok`" => (
            "`expect` и вердикт, например `expect ok`",
            "`expect` және шешім, мысалы `expect ok`",
        ),
        "`finding` with a code and a subject, like `finding missing-document passport`" => (
            "`finding` с кодом и предметом, например `finding missing-document passport`",
            "коды мен нысаны бар `finding`, мысалы `finding missing-document passport`",
        ),
        "a finding's subject: a name like `passport`, a dotted name like `applicant.birth_date` or a quoted text" => {
            (
                "предмет `finding`: имя вида `passport`, составное имя вида `applicant.birth_date` или текст в кавычках",
                "`finding` нысаны: `passport` түріндегі атау, `applicant.birth_date` түріндегі құрама атау немесе тырнақшадағы мәтін",
            )
        }
        "a calendar day (`holiday`, `observed`, `fixed`, `working`, `transfer`)" => (
            "день календаря (`holiday`, `observed`, `fixed`, `working`, `transfer`)",
            "күнтізбе күні (`holiday`, `observed`, `fixed`, `working`, `transfer`)",
        ),
        "a note (`quote`, `source`, `note`, `unverified`, `since`, `until`, `allow`)" => (
            "пометка (`quote`, `source`, `note`, `unverified`, `since`, `until`, `allow`)",
            "белгі (`quote`, `source`, `note`, `unverified`, `since`, `until`, `allow`)",
        ),
        "the `}` that closes the block" => ("`}`, закрывающая блок", "блокты жабатын `}`"),
        "a citation like `§ 9(2)`" => ("ссылка вида `§ 9(2)`", "`§ 9(2)` түріндегі сілтеме"),
        "a paragraph like `9(2)`" => ("пункт вида `9(2)`", "`9(2)` түріндегі тармақ"),
        "an act and a paragraph, like `kz.law.migration art. 49(4)`" => (
            "акт и пункт, например `kz.law.migration art. 49(4)`",
            "акт пен тармақ, мысалы `kz.law.migration art. 49(4)`",
        ),
        "a date like `2019-03-23` or the name of an act" => (
            "дата вида `2019-03-23` или имя акта",
            "`2019-03-23` түріндегі күн немесе акт атауы",
        ),
        "the name of a lint, like `unstated-day-kind`, or a code like `L020`" => (
            "имя проверки, например `unstated-day-kind`, или код вида `L020`",
            "тексеру атауы, мысалы `unstated-day-kind`, немесе `L020` түріндегі код",
        ),
        "`because` and the reason in quotes" => (
            "`because` и причина в кавычках",
            "`because` және себебі тырнақшада",
        ),
        "a name like `passport`" => ("имя вида `passport`", "`passport` түріндегі атау"),
        "a name like `applicant.birth_date`" => (
            "имя вида `applicant.birth_date`",
            "`applicant.birth_date` түріндегі атау",
        ),
        "a quoted text like `\"…\"`" => (
            "текст в кавычках вида `\"…\"`",
            "`\"…\"` түріндегі тырнақшадағы мәтін",
        ),
        "a date like `2019-03-23`" => ("дата вида `2019-03-23`", "`2019-03-23` түріндегі күн"),
        "a number like `7`" => ("число вида `7`", "`7` түріндегі сан"),
        "a language: `kk`, `ru` or `en`" => {
            ("язык: `kk`, `ru` или `en`", "тіл: `kk`, `ru` немесе `en`")
        }
        "a duration like `7 calendar days`" => (
            "срок вида `7 calendar days`",
            "`7 calendar days` түріндегі мерзім",
        ),
        "a unit: `minutes`, `hours`, `days`, `calendar days`, `working days`, `months` or `years`" => {
            (
                "единица: `minutes`, `hours`, `days`, `calendar days`, `working days`, `months` или `years`",
                "өлшем бірлігі: `minutes`, `hours`, `days`, `calendar days`, `working days`, `months` немесе `years`",
            )
        }
        "a type: `date`, `bool`, `text`, `number`, `one_of(…)`, `set(…)` or `list { … }`" => {
            (
                "тип: `date`, `bool`, `text`, `number`, `one_of(…)`, `set(…)` или `list { … }`",
                "түр: `date`, `bool`, `text`, `number`, `one_of(…)`, `set(…)` немесе `list { … }`",
            )
        }
        "a field like `birth_date: date`" => (
            "поле вида `birth_date: date`",
            "`birth_date: date` түріндегі өріс",
        ),
        "a `?` after the type, if the fact may be unknown" => (
            "`?` после типа, если факт может быть неизвестен",
            "факт белгісіз болуы мүмкін болса, түрден кейін `?`",
        ),
        "a condition or a value" => ("условие или значение", "шарт немесе мән"),
        "`and`, `or`" => ("`and`, `or`", "`and`, `or`"),
        "a comparison or arithmetic (`==`, `!=`, `<`, `<=`, `>`, `>=`, `+`, `-`)" => (
            "сравнение или арифметика (`==`, `!=`, `<`, `<=`, `>`, `>=`, `+`, `-`)",
            "салыстыру немесе арифметика (`==`, `!=`, `<`, `<=`, `>`, `>=`, `+`, `-`)",
        ),
        "`true`, `false`" => ("`true`, `false`", "`true`, `false`"),
        "`any … where`, `all … where`" => (
            "`any … where`, `all … where`",
            "`any … where`, `all … where`",
        ),
        "a list of values in parentheses, like `(kk, ru)`" => (
            "список значений в скобках, например `(kk, ru)`",
            "жақшадағы мәндер тізімі, мысалы `(kk, ru)`",
        ),
        "an argument" => ("аргумент", "аргумент"),
        // the rest are keywords in backticks
        other => (other, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lint a description names as an example is one that exists, by name and by code,
    /// in every language: the examples cannot drift from the table of codes.
    #[test]
    fn the_lints_a_description_names_exist() {
        let en = describe(Rule::lint_name).unwrap_or_default();
        let (ru, kk) = translate(en);
        for text in [en, ru, kk] {
            let quoted: Vec<&str> = text.split('`').skip(1).step_by(2).collect();
            assert_eq!(quoted.len(), 2, "{text}");
            for word in quoted {
                let code = crate::codes::CODES
                    .iter()
                    .find(|c| c.name == word || c.code == word)
                    .unwrap_or_else(|| panic!("`{word}` in `{text}` is no code"));
                assert_eq!(code.family(), crate::codes::Family::Lint, "{word}");
            }
        }
    }

    /// Every description that is more than keywords has its Russian and Kazakh words.
    #[test]
    fn every_description_is_translated() {
        for rule in Rule::all_rules() {
            let Some(en) = describe(*rule) else { continue };
            let (ru, kk) = translate(en);
            // outside the backticks, nothing but commas and "or"
            let outside: String = en.split('`').step_by(2).collect();
            let only_keywords = outside.split([',', ' ']).all(|w| w.is_empty() || w == "or");
            if !only_keywords {
                assert_ne!(ru, en, "{rule:?}: `{en}` has no Russian words");
                assert_ne!(kk, en, "{rule:?}: `{en}` has no Kazakh words");
            }
        }
    }
}
