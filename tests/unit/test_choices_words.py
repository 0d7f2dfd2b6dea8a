"""Choices read from everyday words: a 'none' is never fuzzily another option, and a reason
given in other words than the label still counts."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog


@pytest.mark.parametrize("typed", ["none", "nope"])
def test_none_at_why_several_vendors_is_asked_not_read_as_only_one_vendor(
    catalog: Catalog, typed: str
) -> None:
    """'none' was read as 'We use only one' (a near spelling of 'one') after two vendors."""
    with pytest.raises(AnswerError):
        parse_answer(catalog.by_slug("model-convergence").question("reasons"), typed)


@pytest.mark.parametrize("typed", ["nope", "nah", "no"])
def test_no_in_other_words_still_picks_no(catalog: Catalog, typed: str) -> None:
    a = parse_answer(catalog.by_slug("reasoning-telemetry").question("audit"), typed)
    assert a.choices == ("none",)


def test_a_second_reason_in_other_words_is_kept(catalog: Catalog) -> None:
    """'different flavours for ideas' was dropped: only Price was noted."""
    q = catalog.by_slug("model-convergence").question("reasons")
    a = parse_answer(q, "price, and we like different flavours for ideas")
    assert a.choices == ("price", "diversity")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("30 min", "minutes"),
        ("15 minutes max", "minutes"),
        ("10 seconds", "instant"),
        ("2h", "hours"),
        ("we'd be dead in the water", "instant"),
        ("can't go down at all", "instant"),
        ("we can wait a few minutes but not hours", "minutes"),
    ],
)
def test_an_outage_tolerance_given_as_a_time_or_in_words_picks_its_option(
    catalog: Catalog, typed: str, value: str
) -> None:
    """'30 min' at 'how long could you wait?' was refused."""
    q = catalog.by_slug("model-convergence").question("outage_tolerance")
    assert parse_answer(q, typed).choices == (value,)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("ok so 2", "interactive"), ("hmm, 3 i guess", "relaxed"), ("option 4", "batch")],
)
def test_an_option_number_with_filler_words_is_that_option(
    catalog: Catalog, typed: str, value: str
) -> None:
    """'ok so 2' was refused: 'Pick one of: …'."""
    q = catalog.by_slug("edge-economics").question("latency")
    assert parse_answer(q, typed).choices == (value,)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("yes for debugging", "internal"),
        ("yes, BaFin can ask", "regulated"),
        ("GDPR applies", "regulated"),
        ("the EU AI Act will require it", "regulated"),
    ],
)
def test_an_audit_need_is_read_by_what_it_is_for(catalog: Catalog, typed: str, value: str) -> None:
    """'yes for debugging' was read as 'a regulator or customer can ask' (keep every run in
    full for years), because 'yes' alone stood for the regulated option."""
    q = catalog.by_slug("reasoning-telemetry").question("audit")
    assert parse_answer(q, typed).choices == (value,)


def test_a_bare_yes_to_the_audit_question_is_asked_which(catalog: Catalog) -> None:
    with pytest.raises(AnswerError, match="For internal review"):
        parse_answer(catalog.by_slug("reasoning-telemetry").question("audit"), "yes")


@pytest.mark.parametrize(
    ("typed", "value"),
    [("sentry", ("apm",)), ("splunk", ("logs",)), ("grafana + loki", ("logs", "apm"))],
)
def test_observability_tools_by_name(catalog: Catalog, typed: str, value: tuple[str, ...]) -> None:
    q = catalog.by_slug("reasoning-telemetry").question("stack")
    assert parse_answer(q, typed).choices == value


@pytest.mark.parametrize(
    ("key", "typed", "value"),
    [
        ("sensitivity", "HR records", "confidential"),
        ("sensitivity", "our source code", "internal"),
        ("sensitivity", "it's all on our website anyway", "public"),
        ("sensitivity", "nothing secret", "public"),
        ("sensitivity", "kids' data", "regulated"),
        ("latency", "it's a voice assistant", "realtime"),
        ("latency", "background jobs", "batch"),
        ("latency", "doesn't matter", "relaxed"),
    ],
)
def test_data_and_speed_in_a_teams_own_words(
    catalog: Catalog, key: str, typed: str, value: str
) -> None:
    """Each of these was refused with the list of options."""
    q = catalog.by_slug("edge-economics").question(key)
    assert parse_answer(q, typed).choices == (value,)


def test_the_eu_one_is_no_single_vendor(catalog: Catalog) -> None:
    """'the EU one for GDPR' was read as compliance and 'We use only one' ('one')."""
    q = catalog.by_slug("model-convergence").question("reasons")
    assert parse_answer(q, "the EU one for GDPR").choices == ("compliance",)
    assert parse_answer(q, "each one is best at something").choices == ("capability",)
    assert parse_answer(q, "one").choices == ("single",)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("docs are too big", ("context-length",)),
        ("to save money", ("cost",)),
        ("so users only see what they're allowed to", ("access-control",)),
        ("it was faster", ("latency",)),
    ],
)
def test_workarounds_in_a_teams_own_words(
    catalog: Catalog, typed: str, value: tuple[str, ...]
) -> None:
    q = catalog.by_slug("attention-readiness").question("workarounds")
    assert parse_answer(q, typed).choices == value


def test_autocomplete_really_fast_is_instant(catalog: Catalog) -> None:
    """'autocomplete, so really fast' was asked 'Just one, please: Instantly or Within a
    second?'."""
    q = catalog.by_slug("edge-economics").question("latency")
    assert parse_answer(q, "autocomplete, so really fast").choices == ("realtime",)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "picked"),
    [
        ("diffusion-ip-risk", "content", "nothing, just abstract art", ("none",)),  # was artwork
        ("diffusion-ip-risk", "content", "none, only product shots", ("none",)),
        ("diffusion-ip-risk", "content", "product shots, sometimes celebs", ("likenesses",)),
        ("automation-frontier", "checkable", "yes", ("verify",)),
        ("automation-frontier", "checkable", "no", ("human",)),
        ("model-convergence", "outage_tolerance", "a few seconds", ("instant",)),
        ("attention-readiness", "workarounds", "1+3", ("context-length", "cost")),
        ("attention-readiness", "workarounds", "1/3", ("context-length", "cost")),
        ("attention-readiness", "workarounds", "(1) and (3)", ("context-length", "cost")),
        ("edge-economics", "latency", "#2", ("interactive",)),
        ("edge-economics", "latency", "2\ufe0f\u20e3", ("interactive",)),
        ("edge-economics", "latency", "option two", ("interactive",)),
        ("model-convergence", "reasons", "one", ("single",)),  # 'one' alone: one vendor
        ("research-curation", "cadence", "wöchentlich", ("weekly",)),
        ("research-curation", "cadence", "alle zwei Wochen", ("biweekly",)),
        ("model-convergence", "outage_tolerance", "ein paar Minuten", ("minutes",)),
        ("model-convergence", "outage_tolerance", "sofort", ("instant",)),
        ("automation-frontier", "logs", "ja", ("rich",)),
        ("automation-frontier", "logs", "nein", ("none",)),
    ],
)
def test_answers_as_people_type_them_pick_the_option_meant(
    catalog: Catalog, slug: str, key: str, typed: str, picked: tuple[str, ...]
) -> None:
    """'nothing, just abstract art' at 'What could the images resemble that someone else owns?'
    was read as 'Characters and artwork'. Refused with the list of options: 'yes' / 'no' at
    'Can the outcome … be checked automatically?', 'a few seconds' at the outage question,
    option numbers typed '1+3', '#2', '(1) and (3)', '2️⃣' or 'option two', and German words
    ('wöchentlich', 'ein paar Minuten', 'ja') though German numbers and units were read."""
    assert parse_answer(catalog.by_slug(slug).question(key), typed).choices == picked


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("me and 2 designers, nobody checks", "nobody checks"),
        ("the designers, nobody really reviews them", "nobody really reviews"),
        ("ich und 2 Designer, niemand prüft", "niemand prüft"),
    ],
)
def test_nobody_checks_settles_who_checks_images(catalog: Catalog, typed: str, said: str) -> None:
    """'me and 2 designers, nobody checks' asked 'Just one, please: Spot checks or Nobody?'
    ('me' and 'designer' name spot checks); the people are who make the images."""
    a = parse_answer(catalog.by_slug("diffusion-ip-risk").question("review"), typed)
    assert a.choices == ("none",)
    assert a.note == f"read from “{said}”"


def test_someone_checking_some_and_nobody_the_rest_is_rated_by_the_rest(catalog: Catalog) -> None:
    """Was asked 'Just one, please'; the images nobody checks are rated as they go out."""
    a = parse_answer(
        catalog.by_slug("diffusion-ip-risk").question("review"),
        "designers check some, nobody checks the rest",
    )
    assert a.choices == ("none",)


@pytest.mark.parametrize(
    ("typed", "picked"),
    [
        ("too risky", ("risk",)),  # was the list of options again
        ("way too risky, and the models hallucinated", ("models", "risk")),  # was models only
    ],
)
def test_an_option_said_as_its_adjective_is_picked(
    catalog: Catalog, typed: str, picked: tuple[str, ...]
) -> None:
    """ "risky" is the option's "risk", said as an adjective."""
    why = catalog.by_slug("automation-frontier").question("why_shelved")
    answer = parse_answer(why, typed)
    assert answer.choices == picked
    assert "left out" not in (answer.note or "")


@pytest.mark.parametrize(
    ("typed", "picked"), [("ca. 1.500 €", "medium"), ("rund 60.000 €", "high")]
)
def test_an_amount_in_european_digits_picks_its_band(
    catalog: Catalog, typed: str, picked: str
) -> None:
    """ "ca. 1.500 €" at "What does one wrong action cost?" showed the options again: 1.5 and
    1,500 fall in two bands, though the euro sign after it says 1,500 as the amount answers do."""
    cost = catalog.by_slug("automation-frontier").question("error_cost")
    assert parse_answer(cost, typed).choices == (picked,)


@pytest.mark.parametrize(
    ("slug", "key", "typed", "picked"),
    [  # each showed the options again, or left the words out
        ("model-convergence", "reasons", "fallback", ("redundancy",)),
        ("model-convergence", "reasons", "fallback if one goes down", ("redundancy",)),
        ("automation-frontier", "why_shelved", "no budget lol", ("cost",)),
        ("automation-frontier", "why_shelved", "kein Budget", ("cost",)),
        ("strategy-synthesis", "constraints", "GDPR, works council", ("regulation", "data")),
        ("strategy-synthesis", "constraints", "der Betriebsrat", ("regulation",)),
    ],
)
def test_everyday_words_for_an_option_pick_it(
    catalog: Catalog, slug: str, key: str, typed: str, picked: tuple[str, ...]
) -> None:
    answer = parse_answer(catalog.by_slug(slug).question(key), typed)
    assert answer.choices == picked
    assert "left out" not in (answer.note or "")


@pytest.mark.parametrize("typed", ["40 people", "about 40 engineers", "2 GPUs"])
def test_a_count_typed_at_a_choice_picks_no_option_by_its_noun(
    catalog: Catalog, typed: str
) -> None:
    """'40 people' (the team size, typed a question late) at 'What constrains you most?' was
    'Skills and hiring', read from the word 'people'."""
    constraints = catalog.by_slug("strategy-synthesis").question("constraints")
    with pytest.raises(AnswerError):
        parse_answer(constraints, typed)
    assert parse_answer(constraints, "not enough people").choices == ("skills",)


@pytest.mark.parametrize("typed", ["2 weeks", "two weeks", "zwei Wochen"])
def test_two_weeks_is_every_two_weeks(catalog: Catalog, typed: str) -> None:
    """'2 weeks' at 'How often should the digest arrive?' was Weekly."""
    cadence = catalog.by_slug("research-curation").question("cadence")
    assert parse_answer(cadence, typed).choices == ("biweekly",)


@pytest.mark.parametrize(
    "typed",
    [
        "ja, Patientendaten, DSGVO und Patientendatenschutzgesetz, 10 Jahre Aufbewahrung",
        "oui, la CNIL peut demander, conservation 5 ans",
        "oui, RGPD et données de santé",
        "yes, it's patient data",
    ],
)
def test_an_audit_need_said_in_german_or_french_or_by_patient_data_is_regulated(
    catalog: Catalog, typed: str
) -> None:
    """A hospital's 'ja, … DSGVO …, 10 Jahre Aufbewahrung' was asked 'Yes — which one: 2 or
    3?' and then refused three times: DSGVO, RGPD, the CNIL, Aufbewahrung (retention) and
    patient data are a regulator's audit, as GDPR and 'retention' already were."""
    q = catalog.by_slug("reasoning-telemetry").question("audit")
    assert parse_answer(q, typed).choices == ("regulated",)


@pytest.mark.parametrize(
    "typed",
    [
        "données personnelles des usagers, hébergement en France obligatoire (SecNumCloud)",
        "personal data, must stay in the EU by law",
        "data residency requirement, sovereign cloud only",
        "Kundendaten, gesetzlich vorgeschrieben: nur deutsche Rechenzentren",
    ],
)
def test_data_that_the_law_keeps_somewhere_is_regulated(catalog: Catalog, typed: str) -> None:
    """A public agency's 'hébergement en France obligatoire (SecNumCloud)' was merely
    'Confidential': the report said local 'lowers exposure', when the law decides where the
    data may go (the 'legal' of 'Regulated (health, finance, legal)')."""
    q = catalog.by_slug("edge-economics").question("sensitivity")
    assert parse_answer(q, typed).choices == ("regulated",)


@pytest.mark.parametrize(
    "typed", ["instantly, it is in the game loop", "instantly, in the game", "in-game, per frame"]
)
def test_instantly_with_a_reason_is_instant(catalog: Catalog, typed: str) -> None:
    """A games studio's 'instantly, it is in the game loop' was refused four times ('Pick one
    of: …'); 'instantly' alone was read."""
    q = catalog.by_slug("edge-economics").question("latency")
    assert parse_answer(q, typed).choices == ("realtime",)
