"""Attention readiness for a German Mittelstand firm answering in German: a search that guards
permissions stays, each pipeline gets the size its own documents were given, and the names
read without their lead-in words."""

from __future__ import annotations

from consultations.answers import parse_answer
from consultations.catalog import Catalog
from tests.unit.test_advisors import run, section_items

MITTELSTAND = {
    "pipelines": "Wir zerlegen Verträge in 2k-Token-Stücke, dazu eine Map-Reduce-Zusammenfassung "
    "für Wartungsprotokolle, und eine Suche über SharePoint mit Berechtigungen",
    "workarounds": "Kontextlänge, Kosten, und Zugriffsrechte bei SharePoint",
    "doc_tokens": "Verträge ca. 40 Seiten, Protokolle eher 200 Seiten, SharePoint insgesamt riesig",
    "context_window": "128.000",
    "calls": "15.000 Aufrufe im Monat",
    "input_price": "2,50 €",
    "upkeep_hours": "1,5 Tage pro Woche",
    "incidents": "Eine Kündigungsklausel wurde zerschnitten und übersehen",
}


def _lines(catalog: Catalog) -> tuple[str, ...]:
    return section_items(run(catalog, "attention-readiness", MITTELSTAND), "Retire, simplify")


def test_a_search_with_permissions_said_in_german_is_kept(catalog: Catalog) -> None:
    """'eine Suche über SharePoint mit Berechtigungen' was told 'retire'."""
    (search,) = [t for t in _lines(catalog) if "SharePoint" in t]
    assert "— keep: it enforces permissions" in search, search


def test_a_compound_names_the_pipeline_it_ends(catalog: Catalog) -> None:
    """'Protokolle eher 200 Seiten' names the summary of 'Wartungsprotokolle' (a German compound
    ends in what it is); both pipelines were priced at the contracts' 20,000 tokens."""
    (logs,) = [t for t in _lines(catalog) if "Wartungsprotokolle" in t]
    assert "documents of about 100,000 tokens" in logs, logs


def test_german_lead_in_words_are_no_part_of_a_name(catalog: Catalog) -> None:
    """'dazu eine Map-Reduce-Zusammenfassung …' and 'eine Suche über SharePoint …'."""
    q = catalog.by_slug("attention-readiness").question("pipelines")
    items = parse_answer(q, MITTELSTAND["pipelines"]).items
    assert items[1:] == (
        "Map-Reduce-Zusammenfassung für Wartungsprotokolle",
        "Suche über SharePoint mit Berechtigungen",
    ), items


DUCT_TAPE = {
    "pipelines": "1) a PDF splitter that cuts manuals into 4k chunks 2) a RAG over Confluence w/ "
    "space permissions 3) nightly map-reduce summaries of support tickets 4) a custom reranker "
    "because the retriever kept missing stuff in the middle of long pages",
    "workarounds": "all of the above tbh",
    "doc_tokens": "manuals 300 pages, tickets ~1k, confluence 2-3k",
    "context_window": "1M (gemini)",
    "calls": "120k calls/month",
    "input_price": "$1.25",
    "upkeep_hours": "Jens spends like half his time on it",
    "incidents": "the splitter cut a safety warning in half and the bot told a customer the "
    "opposite",
}


def test_a_retriever_built_for_lost_in_the_middle_is_not_kept_for_permissions(
    catalog: Catalog,
) -> None:
    """'a custom reranker because the retriever kept missing stuff in the middle of long pages'
    was kept: 'it enforces permissions and keeps answers as fresh as the data', because 'all
    of the above' named permissions and freshness for some pipeline."""
    r = run(catalog, "attention-readiness", DUCT_TAPE)
    (reranker,) = [t for t in section_items(r, "Retire, simplify") if "reranker" in t]
    assert "enforces permissions" not in reranker, reranker
    (confluence,) = [t for t in section_items(r, "Retire, simplify") if "Confluence" in t]
    assert "— keep: it enforces permissions" in confluence, confluence


def test_an_incident_on_a_kept_pipeline_gets_its_own_step(catalog: Catalog) -> None:
    """The splitter behind a safety incident was kept for cost, and the plan only dealt with
    the ticket summaries: nothing said to test the splitter's documents whole."""
    r = run(catalog, "attention-readiness", DUCT_TAPE)
    titles = [rec.title for rec in r.recommendations]
    assert "Test whole documents on PDF splitter that cuts manuals into 4k chunks" in titles
