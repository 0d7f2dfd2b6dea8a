"""A self-hosted model has no price per token: a hospital's 'no idea, it is our own GPU' at the
input price was refused ('I need a number here, for example $3'); skipped, $3 a million was
assumed and decided the verdict ('larger chunks, not whole documents, until prices fall')."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from consultations.render import render_report_markdown
from tests.unit.test_advisors import run, section_items

HOSPITAL = {
    "pipelines": "a map-reduce summariser for patient histories, a retriever that only returns "
    "documents the clinician may see",
    "workarounds": "context length, and access control",
    "doc_tokens": "80 pages",
    "context_window": "128k",
    "calls": "3.000 per working day",
    "input_price": "no idea, it is our own GPU",
}


def test_our_own_gpu_is_no_price_per_token(catalog: Catalog) -> None:
    q = catalog.by_slug("attention-readiness").question("input_price")
    for typed in ("no idea, it is our own GPU", "self-hosted", "we run Llama on-prem"):
        a = parse_answer(q, typed)
        assert a.number == 0, typed
        assert a.note and "no price per token" in a.note


def test_a_self_hosted_report_weighs_gpu_time_not_a_zero_dollar_bill(catalog: Catalog) -> None:
    r = run(catalog, "attention-readiness", HOSPITAL)
    text = render_report_markdown(r)
    assert "cost up to about $0" not in text
    assert "No input price given" not in text
    assert "no price per token (self-hosted)" in text
    assert "GPU" in text
    assert "your vendor's API" not in text


def test_a_typical_size_beside_its_spread_is_no_corpus(catalog: Catalog) -> None:
    """'40-200 pages, typical maybe 80 pages' sized the retrievers at 60,000 tokens (the
    range's midpoint taken as the whole set they search), so the report's 'largest' document
    was one nobody described."""
    r = run(
        catalog,
        "attention-readiness",
        {**HOSPITAL, "doc_tokens": "40-200 pages, typical maybe 80 pages"},
    )
    assert r.figure("Document size against window").display == "31% of the window"
    assert "$0" not in render_report_markdown(r).split("**Retire, simplify")[1]


def test_our_own_gpu_is_not_doubted_as_far_below_list_prices(catalog: Catalog) -> None:
    """Read as 0, it was then asked 'I read 0 — far below today's list prices … Is that
    right?'; the words said why it is none."""
    from consultations import engine
    from tests.unit.test_engine import begin, step

    script = catalog.by_slug("attention-readiness")
    d = begin(script)
    for text in ["a map-reduce summariser", "context length", "80 pages", "128k", "3000 a day"]:
        d = step(script, d.consultation, text)
    d = step(script, d.consultation, "no idea, it is our own GPU")
    assert isinstance(d.outcome, engine.Asked) and d.outcome.question.key == "upkeep_hours"
    assert d.consultation.answers["input_price"].number == 0


def test_one_pipeline_named_with_its_size_keeps_it(catalog: Catalog) -> None:
    """'product pages are small, 1-2k tokens; the review dumps for bestsellers 150k+' named the
    review summariser's 150k, but with only one pipeline named the figure went to the search
    retriever (as 'the set it searches') and the summariser was told 'documents of about 1,500
    tokens fit … retire it' — for review dumps that do not fit a 128k window."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "product descriptions chunked into Pinecone for the search box, a "
            "nightly job that summarises reviews per product in three passes",
            "workarounds": "context length, token cost",
            "doc_tokens": "product pages are small, 1-2k tokens; the review dumps for "
            "bestsellers 150k+",
            "context_window": "128k",
        },
    )
    (review,) = [x for x in section_items(r, "Retire, simplify") if "reviews" in x.split("—")[0]]
    assert "150,000 tokens" in review and "retire:" not in review, review


def test_calls_said_per_pipeline_are_used_though_they_pass_the_total(catalog: Catalog) -> None:
    """'~2M search calls a month + 50k review summaries' read the total as 2M (the 50k 'left
    out'), and since the two named figures passed it, every pipeline got an even third:
    666,667 review summaries a month × 150,000 tokens, $15,000 of input instead of $1,125."""
    r = run(
        catalog,
        "attention-readiness",
        {
            "pipelines": "product descriptions chunked into Pinecone for the search box, a "
            "nightly job that summarises reviews per product, a freshness layer that re-indexes "
            "prices",
            "workarounds": "context length, token cost, freshness",
            "doc_tokens": "product pages are small, 1-2k tokens; the review dumps for "
            "bestsellers 150k+",
            "context_window": "200k",
            "calls": "~2M search calls a month + 50k review summaries",
            "input_price": "$0.15",
        },
    )
    whole = r.figure("Whole-document input per month")
    assert "50,000 calls × 150,000 tokens" in (whole.working or ""), whole.working
