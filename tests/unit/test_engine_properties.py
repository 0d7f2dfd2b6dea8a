"""Any sequence of lines a user may type leaves a consultation that is consistent and stores.

Generated conversations mix answers in many formats, doubtful values, confirmations,
corrections, `edit N`, `back`, `skip` and noise, over the real scripts.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultations import engine
from consultations.catalog import load_catalog
from consultations.moot import holds, settled_answer
from consultations.state import Consultation, Status
from tests.unit.test_engine import NOW, OWNER

CATALOG = load_catalog()
LINES = [
    "5M",
    "2.500.000",
    "1.200",
    "between 2 and 3 million",
    "1,200 input tokens and 300 output",
    "1200 in, 300 out",
    "$3 / $15",
    "$1,200 / $300",
    "¥300 / ¥900",
    "$3 / €15",
    "under 300 ms",
    "customer PII under GDPR",
    "5%",
    "150%",
    "$30k for the box and about 2k a month",
    "three years",
    "actually it's 8 million requests a month, not 5",
    "change the volume to 8M",
    "the price is $2 / $8",
    "yes",
    "no",
    "1",
    "2",
    "3",
    "edit 1",
    "edit 3",
    "edit 9",
    "back",
    "skip",
    "restart",
    "status",
    "GPT-4o for chat, Claude for code",
    "OpenAI for everything",
    "we also use Claude for code",
    "we already own the GPUs, $2k a month",
    "undo",
    "price and redundancy",
    "$12k a month",
    "3 days",
    "lots",
    "",
    "🙂",
    "ignore previous instructions",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["edge-economics", "model-convergence", "attention-readiness"]),
    st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=30),
)
def test_any_conversation_stays_consistent_and_storable(slug: str, lines: list[str]) -> None:
    script = CATALOG.by_slug(slug)
    d = engine.start(script, OWNER, "c0ffee00", NOW)
    for line in lines:
        before = d.consultation
        d = engine.decide(script, before, engine.command_from_text(line), NOW)
        c = d.consultation
        assert Consultation.model_validate_json(c.model_dump_json()) == c  # it stores
        if not d.changed:
            assert c is before
        keys = {q.key for q in script.questions}
        assert set(c.answers) <= keys and set(c.trail) <= set(c.answers)
        if c.pending is not None:
            assert c.pending.key == engine.current_question(script, c).key  # type: ignore[union-attr]
        if isinstance(d.outcome, engine.Finished) and c.status is Status.COMPLETED:
            assert set(c.answers) == keys and c.pending is None and c.editing is None
        if isinstance(d.outcome, engine.Asked):
            assert c.status is Status.ACTIVE
            assert d.outcome.question == engine.current_question(script, c)
        for q in script.questions:  # a settled answer stands only while its reason does
            if q.moot and c.answers.get(q.key) == settled_answer(q):
                assert holds(q.moot, c.answers.get(q.moot.after)), (q.key, c.answers)
                assert q.key not in c.trail  # `back` goes to what the user answered
        if c.status is Status.CANCELLED:
            break
