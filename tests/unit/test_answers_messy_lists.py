"""Lists of vendors and tasks as users type them in a hurry: joined by "and also" or "plus",
hedged ("idk maybe cohere"), or with no list at all ("depends")."""

from __future__ import annotations

import pytest

from consultations.answers import AnswerError, parse_answer
from consultations.catalog import Catalog

CONVERGENCE = "model-convergence"


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        (
            "we use openai and also mistral (self-hosted on 2 A100s)",
            ("openai", "mistral (self-hosted on 2 A100s)"),
        ),
        ("OpenAI plus Mistral self-hosted", ("OpenAI", "Mistral self-hosted")),
        ("openai and as well anthropic", ("openai", "anthropic")),
    ],
)
def test_two_vendors_joined_by_and_also_or_plus_are_two(
    catalog: Catalog, typed: str, items: tuple[str, ...]
) -> None:
    """'we use openai and also mistral (self-hosted on 2 A100s)' was echoed 'Noted: openai and
    also mistral (self-hosted on 2 A100s).': one vendor, "and also" in its name."""
    vendors = catalog.by_slug(CONVERGENCE).question("vendors")
    answer = parse_answer(vendors, typed)
    assert answer.items == items
    assert answer.display(vendors) == "; ".join(items)


def test_a_vendor_typed_with_a_doubt_is_named_and_the_doubt_kept_apart(catalog: Catalog) -> None:
    """'openai, mistral (self-hosted), idk maybe cohere' listed a vendor called 'idk maybe
    cohere'."""
    vendors = catalog.by_slug(CONVERGENCE).question("vendors")
    answer = parse_answer(vendors, "openai, mistral (self-hosted), idk maybe cohere")
    assert answer.items == ("openai", "mistral (self-hosted)", "cohere (maybe)")


@pytest.mark.parametrize(
    ("slug", "key", "typed"),
    [
        (CONVERGENCE, "vendors", "depends"),
        (CONVERGENCE, "vendors", "it depends tbh"),
        ("automation-frontier", "workflows", "hard to say"),
        (CONVERGENCE, "diverse_tasks", "varies"),
        (CONVERGENCE, "monthly_spend", "depends"),
    ],
)
def test_it_depends_is_asked_for_a_rough_answer_not_kept_as_one(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    """'depends' at 'Which models and vendors do you use?' was 'Noted: depends.', a vendor."""
    q = catalog.by_slug(slug).question(key)
    with pytest.raises(AnswerError) as refused:
        parse_answer(q, typed)
    said = str(refused.value)
    assert said.startswith(f"“{typed}” is fair, but the report needs a rough answer")
    assert f"for example: {q.example}" in said
    assert ("`skip`" in said) is q.optional


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        ("we use: gpt-4o, claude", ("gpt-4o", "claude")),  # was "we use: gpt-4o"; "claude"
        ("Vendors: OpenAI, Anthropic", ("OpenAI", "Anthropic")),
        ("currently: openai (chat), anthropic (code)", ("openai (chat)", "anthropic (code)")),
        ("Claude: code review, GPT-4o: chat", ("Claude: code review", "GPT-4o: chat")),
    ],
)
def test_words_introducing_a_list_are_not_part_of_its_first_item(
    catalog: Catalog, typed: str, items: tuple[str, ...]
) -> None:
    vendors = catalog.by_slug(CONVERGENCE).question("vendors")
    assert parse_answer(vendors, typed).items == items


@pytest.mark.parametrize("typed", ["MCP: jira, github, slack", "MCP: jira, github and slack"])
def test_a_protocol_before_a_colon_is_how_each_tool_is_called(catalog: Catalog, typed: str) -> None:
    """'MCP: jira, github, slack' listed 'MCP: jira', 'github', 'slack'."""
    tools = catalog.by_slug("reasoning-telemetry").question("tools")
    assert parse_answer(tools, typed).items == ("jira via MCP", "github via MCP", "slack via MCP")


@pytest.mark.parametrize(
    "typed",
    [
        "gpt-4o, claude, no wait, not claude, gemini",  # was gpt-4o; claude; gemini
        "gpt-4o, claude — scratch claude, gemini",  # was "claude — scratch claude" a vendor
    ],
)
def test_a_vendor_taken_back_mid_answer_goes(catalog: Catalog, typed: str) -> None:
    vendors = catalog.by_slug(CONVERGENCE).question("vendors")
    answer = parse_answer(vendors, typed)
    assert answer.items == ("gpt-4o", "gemini")
    assert answer.note == "left out “claude” as you said"


def test_a_remark_in_brackets_is_no_vendor(catalog: Catalog) -> None:
    """'openai; anthropic; (we dropped cohere last year)' listed the remark as a vendor."""
    vendors = catalog.by_slug(CONVERGENCE).question("vendors")
    answer = parse_answer(vendors, "openai; anthropic; (we dropped cohere last year)")
    assert answer.items == ("openai", "anthropic")
    assert "“(we dropped cohere last year)” left out: a remark" in (answer.note or "")


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        ("just claude, via bedrock", ("claude (via bedrock)",)),
        ("Claude, on our own GPUs", ("Claude (on our own GPUs)",)),
        ("llama 3, on prem", ("llama 3 (on prem)",)),
        (
            "openai, using the assistants api, and mistral",
            ("openai (using the assistants api)", "mistral"),
        ),
    ],
)
def test_how_a_vendor_is_reached_stays_with_it(
    catalog: Catalog, typed: str, items: tuple[str, ...]
) -> None:
    """'just claude, via bedrock' was two vendors ('claude; via bedrock'), so consultation 1
    asked 'Why do you use more than one?'."""
    vendors = catalog.by_slug(CONVERGENCE).question("vendors")
    assert parse_answer(vendors, typed).items == items


@pytest.mark.parametrize("typed", ["we only use openai", "we just use claude really"])
def test_we_only_use_one_vendor_is_the_single_vendor_option(catalog: Catalog, typed: str) -> None:
    """'we only use openai' at 'Why do you use more than one?' was refused with the pick-list."""
    reasons = catalog.by_slug(CONVERGENCE).question("reasons")
    assert parse_answer(reasons, typed).choices == ("single",)


def test_a_plus_sign_lists_and_picks_that_match_no_option_are_said(catalog: Catalog) -> None:
    """'arxiv + HF daily papers + twitter' at 'Where should papers come from?' was noted
    'arXiv', the other two dropped without a word; 'ai2 + whoever releases code' was one lab."""
    sources = catalog.by_slug("research-curation").question("sources")
    answer = parse_answer(sources, "arxiv + HF daily papers + twitter")
    assert answer.choices == ("arxiv",)
    assert (
        answer.note == "“HF daily papers” and “twitter” match no option, so they are kept as yours"
    )
    assert parse_answer(sources, "arxiv, openreview").note is None
    canon = catalog.by_slug("research-curation").question("canon")
    assert parse_answer(canon, "deepmind, ai2 + whoever releases code").items == (
        "deepmind",
        "ai2",
        "whoever releases code",  # the report leaves it out: it names no lab
    )


@pytest.mark.parametrize(
    ("typed", "last"),
    [
        ("support agent, plus planned: a purchasing agent", "purchasing agent (planned)"),
        ("Kundenservice-Agent, plus geplant: ein Einkaufs-Agent", "Einkaufs-Agent (planned)"),
        ("agent de support, prévu : un agent achats", "agent achats (planned)"),
    ],
)
def test_an_item_said_to_be_planned_is_that_item_planned(
    catalog: Catalog, typed: str, last: str
) -> None:
    """'plus geplant: ein Einkaufs-Agent' was the agent 'geplant: ein Einkaufs-Agent', and the
    telemetry report traced 'geplant: ein Einkaufs-Agent'."""
    q = catalog.by_slug("reasoning-telemetry").question("agents")
    assert parse_answer(q, typed).items[-1] == last


@pytest.mark.parametrize(
    ("typed", "item"),
    [
        (
            "Azure OpenAI for service; and we are piloting Mistral on-prem for document "
            "classification, which is not in production yet",
            "Mistral on-prem for document classification (being tested; which is not in "
            "production yet)",
        ),
        (
            "GPT-4o for chat, and we're testing Gemini for summaries, which looks cheaper",
            "Gemini for summaries (being tested; which looks cheaper)",
        ),
    ],
)
def test_a_vendor_being_tested_and_a_comment_share_one_bracket(
    catalog: Catalog, typed: str, item: str
) -> None:
    """Read as '… (which is not in production yet (being tested))' and '… (being tested) (which
    looks cheaper)'."""
    q = catalog.by_slug("model-convergence").question("vendors")
    assert parse_answer(q, typed).items[-1] == item


@pytest.mark.parametrize(
    "typed",
    [
        "gpt-4o, claude, scratch that: gemini instead of claude",  # was 3 items, claude kept
        "gpt-4o, claude, actually gemini instead of claude",
        "gpt-4o, claude, gemini statt claude",
    ],
)
def test_an_item_swapped_for_another_replaces_it(catalog: Catalog, typed: str) -> None:
    vendors = catalog.by_slug("model-convergence").question("vendors")
    answer = parse_answer(vendors, typed)
    assert answer.items == ("gpt-4o", "gemini")
    assert "“claude” replaced by “gemini”" in (answer.note or "")


def test_a_swapped_item_keeps_its_task(catalog: Catalog) -> None:
    vendors = catalog.by_slug("model-convergence").question("vendors")
    answer = parse_answer(vendors, "gpt-4o for chat, claude for code, gemini instead of claude")
    assert answer.items == ("gpt-4o for chat", "gemini for code")


@pytest.mark.parametrize(
    ("slug", "key", "typed"),
    [
        ("strategy-synthesis", "industry", "dunno"),  # was 'Noted: dunno.', the industry
        ("strategy-synthesis", "role", "not sure"),
        ("reasoning-telemetry", "failures", "idk"),
        ("diffusion-ip-risk", "use", "keine Ahnung"),
        ("strategy-synthesis", "ai_use", "aucune idée"),
    ],
)
def test_not_knowing_at_a_required_question_in_words_is_asked_again(
    catalog: Catalog, slug: str, key: str, typed: str
) -> None:
    with pytest.raises(AnswerError) as asked:
        parse_answer(catalog.by_slug(slug).question(key), typed)
    assert str(asked.value).startswith(f"“{typed}” is fair, but the report needs a rough answer")


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        (
            "just one agent, it books demos from inbound emails (reads email, checks calendar)",
            ("agent that books demos from inbound emails (reads email, checks calendar)",),
        ),
        (
            "one pipeline, it chunks PDFs into 1k pieces",
            ("pipeline that chunks PDFs into 1k pieces",),
        ),
    ],
)
def test_one_thing_counted_then_said_what_it_does_is_one_item(
    catalog: Catalog, typed: str, items: tuple[str, ...]
) -> None:
    """'just one agent, it books demos …' was two agents, 'just one agent' and 'it books demos
    …', and the telemetry verdict read 'Trace every run of your agent and it books demos …'."""
    key = "agents" if "agent" in typed else "pipelines"
    slug = "reasoning-telemetry" if key == "agents" else "attention-readiness"
    assert parse_answer(catalog.by_slug(slug).question(key), typed).items == items


def test_prose_after_a_numbered_list_is_no_item(catalog: Catalog) -> None:
    """'… 4) a custom reranker … long pages. honestly the whole thing is held together with duct
    tape and one guy (Jens) knows how it works, he is leaving in March …' gave two more
    'pipelines': 'honestly the whole thing is held together with duct tape' and 'one guy …'."""
    q = catalog.by_slug("attention-readiness").question("pipelines")
    typed = (
        "we have a bunch: 1) a PDF splitter that cuts manuals into 4k chunks 2) a RAG over "
        "Confluence w/ space permissions 3) nightly map-reduce summaries of support tickets 4) a "
        "custom reranker because the retriever kept missing stuff in the middle of long pages. "
        "honestly the whole thing is held together with duct tape and one guy (Jens) knows how "
        "it works, he is leaving in March so we need to decide what to keep before that"
    )
    items = parse_answer(q, typed).items
    assert items is not None and len(items) == 4, items
    assert items[-1].startswith("custom reranker"), items


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        ("invoices - claims - KYC", ("invoices", "claims", "KYC")),  # was one item
        (
            "invoice matching | contract review | KYC checks",
            ("invoice matching", "contract review", "KYC checks"),
        ),
        ("contract review - the long ones", ("contract review - the long ones",)),  # an aside
    ],
)
def test_items_between_spaced_dashes_or_bars_are_a_list(
    catalog: Catalog, typed: str, items: tuple[str, ...]
) -> None:
    workflows = catalog.by_slug("automation-frontier").question("workflows")
    assert parse_answer(workflows, typed).items == items


@pytest.mark.parametrize(
    ("typed", "items"),
    [  # was 'ein Support-Bot; ein Agent; der Rechnungen prüft'
        (
            "ein Support-Bot und ein Agent, der Rechnungen prüft",
            ("Support-Bot", "Agent (der Rechnungen prüft)"),
        ),
        (
            "un bot support, un agent qui vérifie les factures",
            ("bot support", "agent qui vérifie les factures"),
        ),
    ],
)
def test_a_german_or_french_relative_clause_stays_with_its_item(
    catalog: Catalog, typed: str, items: tuple[str, ...]
) -> None:
    agents = catalog.by_slug("reasoning-telemetry").question("agents")
    assert parse_answer(agents, typed).items == items


def test_a_country_after_a_comma_is_still_an_item(catalog: Catalog) -> None:
    where = catalog.by_slug("diffusion-ip-risk").question("jurisdictions")
    typed = "Deutschland, die Schweiz, Österreich"
    assert parse_answer(where, typed).items == ("Deutschland", "die Schweiz", "Österreich")


@pytest.mark.parametrize("typed", ["nein", "non", "nö"])
def test_no_in_german_or_french_at_an_optional_list_is_none(catalog: Catalog, typed: str) -> None:
    """'nein' at 'Any papers or links you want triaged right away?' was a paper named 'nein'."""
    papers = catalog.by_slug("research-curation").question("to_triage")
    assert parse_answer(papers, typed).skipped


@pytest.mark.parametrize(
    "typed",
    [
        "openai mostly. some claude. we tried gemini but dropped it",
        "openai, claude, gemini (not anymore)",
        "openai and claude; we ditched gemini last year",
    ],
)
def test_a_vendor_said_to_be_dropped_is_not_in_use(catalog: Catalog, typed: str) -> None:
    """'we tried gemini but dropped it' was a vendor in use, to keep or cut."""
    vendors = catalog.by_slug("model-convergence").question("vendors")
    answer = parse_answer(vendors, typed)
    assert [i.split()[0].casefold() for i in answer.items or ()] == ["openai", "claude"]
    assert "no longer in use" in (answer.note or ""), answer.note
