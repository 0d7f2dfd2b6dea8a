"""Attention Infrastructure Readiness: which long-context workarounds can go."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from consultations.advisors.attention_costs import costs, shares
from consultations.advisors.base import AdvisorInput, assumed_lines
from consultations.advisors.day_rate import DAY_RATE, day_rate
from consultations.advisors.per_item import values_named, values_said
from consultations.advisors.pipelines import named
from consultations.advisors.words import (
    count,
    counted,
    join,
    money,
    plural,
    quoted,
    said_once,
    share,
)
from consultations.answers.choices import stem
from consultations.answers.peaks import peak_multiple
from consultations.report import Figure, Recommendation, Report, Section

HOURLY_RATE = DAY_RATE / 8  # loaded engineer-hour: the advisor's assumption ($100)

KEEP_FOR = {"access-control", "freshness"}
FADES = {"context-length", "lost-in-middle"}
RETRIEVAL_WORDS: tuple[str, ...] = ("search", "retriev", "index", "rag", "vector", "embedding")
RETRIEVAL_WORDS += ("lookup", "suche", "vektor", "recherche")  # German, French too
# A pipeline whose own line says it guards who sees what ("RAG with permission filtering")
GUARD_WORDS = re.compile(
    r"\b(?:permission\w*|acls?|access[- ]control\w*|access rights|rbac|entitlements?|"
    r"need[- ]to[- ]know|who can see|"
    r"berechtigung\w*|zugriffsrecht\w*|zugriffskontroll\w*|rechtekonzept|"  # German, French
    r"droits d'accès|habilitations?|contrôle d'accès)\b",
    re.I,
)
# A pipeline whose own line says it exists for what better attention fixes ("because the
# retriever kept missing stuff in the middle"): not kept for permissions or freshness said of
# the pipelines in general
FADING_WORDS = re.compile(
    r"\b(?:in the middle|lost[- ]in[- ]the[- ]middle|context (?:limits?|length|window)|"
    r"(?:didn'?t|don'?t|does ?n[o']t|did not|do not|wouldn'?t) fit)\b",
    re.I,
)
# a pipeline that makes one call a piece of a document (map-reduce, summaries in passes):
# whole documents replace many of its calls with one
PIECEWISE = re.compile(r"map[- ]?reduce|multi[- ]?pass|\bpasses\b|summari[sz]|zusammenfass", re.I)
UGLY_WORDS = ("map-reduce", "map reduce", "multi-pass", "summar", "chunk", "split", "stitch")


_TYPICAL = re.compile(  # a typical size named, or the larger one said to be now and then
    # ("40k, sometimes 250k", "meestal 40.000, soms 250.000"): the spread, not a corpus
    r"\b(?:typical(?:ly)?|usual(?:ly)?|average|avg|normally|median|sometimes|occasionally|"
    r"at times|now and then|rarely|up to|at most|"
    r"meistens|normalerweise|typischerweise|durchschnittlich|manchmal|gelegentlich|selten|"
    r"bis zu|en général|généralement|habituellement|en moyenne|typiquement|parfois|rarement|"
    r"jusqu'à|meestal|gemiddeld|normaal|soms|af en toe|zelden)(?!\w)",
    re.I,
)


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    pipelines = tuple(map(named, sheet.items("pipelines", ("your preprocessing pipeline",))))
    workarounds = set(sheet.choices("workarounds", ("context-length",)))
    doc = sheet.number("doc_tokens", 50_000)
    window = sheet.number("context_window", 128_000)
    calls_month = sheet.number("calls", 10_000)
    price = sheet.number("input_price", 3.0)
    cur = sheet.currency("input_price")
    hours = sheet.number("upkeep_hours", 20)
    incidents = sheet.text("incidents")
    question = request.script.question("doc_tokens")
    typed = values_said(sheet.raw("doc_tokens"), question)
    corpus = (  # "pages 1-2k, the whole workspace 400k"; not "40-200 pages, typical 80"
        max(typed) if len(typed) > 1 and not _TYPICAL.search(sheet.raw("doc_tokens")) else doc
    )
    searching = all(any(w in p.casefold() for w in RETRIEVAL_WORDS) for p in pipelines)
    if (
        searching
        and corpus > doc
        and len(values_named(pipelines, sheet.raw("doc_tokens"), question)) <= 1
    ):
        doc = corpus  # retrievers only: what they search is the set, not one page of it

    retrievers = [any(w in p.casefold() for w in RETRIEVAL_WORDS) for p in pipelines]
    sizes = values_named(  # "help articles 2-3k, contract bundles 300k": each its own
        pipelines, sheet.raw("doc_tokens"), question
    )
    size_of = {}
    if len(sizes) == 1 and len(typed) > 1:  # "pages 1-2k; the review dumps 150k": one named
        ((one, its),) = sizes.items()  # the others keep the answer's own figure
        sizes = {**dict.fromkeys(pipelines, doc), one: its} if its != doc else sizes
    for p, retrieval in zip(pipelines, retrievers, strict=True):
        size = sizes.get(p, doc) if len(sizes) > 1 else doc
        if retrieval and len(sizes) <= 1 and corpus > size:  # it searches the whole set
            size = corpus
        size_of[p] = size
    calls_said, hours_said = (  # "the 10-K one only ~200": a figure per pipeline
        values_named(pipelines, sheet.raw(k), request.script.question(k))
        if len(pipelines) > 1
        else {}
        for k in ("calls", "upkeep_hours")
    )
    calls_of = shares(pipelines, calls_month, calls_said)  # "the 10-K one only ~200"
    hours_of = shares(pipelines, hours, hours_said)
    calls_month, hours = sum(calls_of.values()), sum(hours_of.values())
    hourly = day_rate(cur) / 8  # ¥12,500, never ¥100 an hour
    cost = costs(size_of, calls_of, {p: h * hourly for p, h in hours_of.items()}, price)
    # each pipeline on its own figures: sizes, calls or upkeep said apart
    apart = len(set(size_of.values())) > 1 or bool(calls_said) or bool(hours_said)
    largest = max(pipelines, key=lambda p: size_of[p])
    kept_for_access = [  # retrievers for permissions or freshness, guards: kept at any price
        bool(
            (retrieval and workarounds & KEEP_FOR and not FADING_WORDS.search(p))
            or GUARD_WORDS.search(p)
        )
        for p, retrieval in zip(pipelines, retrievers, strict=True)
    ]
    # what whole documents would replace: not the retrievers kept for permissions or freshness
    replaced = [p for p, kept in zip(pipelines, kept_for_access, strict=True) if not kept]
    replaced = replaced or list(pipelines)
    whole = sum(cost[p].whole for p in replaced)  # input cost of sending whole documents
    upkeep = hours * hourly
    upkeep_replaced = sum(cost[p].upkeep for p in replaced)
    calls_replaced = sum(cost[p].calls for p in replaced)
    costly = whole > upkeep_replaced
    for_cost = bool(workarounds & {"cost", "latency"})
    free = price == 0  # self-hosted: no price per token, GPU time instead
    money_note = (  # the chunks' own input is unknown: whole documents cost at most this more
        (
            "whole documents have no price per token (self-hosted): at "
            f"{counted(calls_replaced, 'call')} their cost is GPU time and latency, which the "
            "test measures, against about "
            if free
            else f"whole documents would cost up to about {money(whole, cur)} a month of input "
            f"at {counted(calls_replaced, 'call')} (less what the chunks send today), against "
            "about "
        )
        + f"{money(upkeep_replaced, cur)} of upkeep"
        + (
            ""
            if len(pipelines) == 1
            else f" for the {plural(len(replaced), 'pipeline')} they would replace"
            if len(replaced) < len(pipelines)
            else " for both pipelines"
            if len(pipelines) == 2
            else f" for all {len(pipelines)} pipelines"
        )
    )
    told = [False]  # whether the verdict gives the comparison of the totals

    def said(why: str) -> str:
        """The comparison of the totals, said in full where a reader first meets it."""
        if _COST not in why:
            return why
        if told[0]:
            more = "more" if costly else "less"
            whose = "the pipelines'" if len(pipelines) > 1 else "its"
            return why.replace(
                _COST,
                f"whole documents cost {more} in input than {whose} upkeep (the figures above)",
            )
        told[0] = True
        return why.replace(_COST, money_note)

    def priced(p: str) -> str:
        """The comparison for one pipeline: its own figures when they differ, else the totals';
        with the calls a month below which whole documents win, as its true share of the
        calls may not be the one assumed."""
        if not apart:
            return _COST
        c = cost[p]
        per_call = c.size * price / 1e6
        at = (
            f"at {counted(c.calls, 'call')}"
            + ("" if p in calls_said else f" (the rest of your {counted(calls_month, 'call')})")
            if calls_said
            else f"at an even share of your calls ({counted(c.calls, 'call')})"
        )
        win = (
            f" (whole documents win below about {counted(c.upkeep / per_call, 'call')} a month "
            "through it)"
            if per_call > 0
            else ""
        )
        if free:
            return (
                "a whole document has no price per token (self-hosted): its cost is GPU time "
                f"and latency {at}, which the test measures, against about "
                f"{money(c.upkeep, cur)} of its upkeep"
            )
        return (
            f"a whole document costs about {money(per_call, cur)} of input a call, about "
            f"{money(c.whole, cur)} a month {at}, against about {money(c.upkeep, cur)} of its "
            f"upkeep{win}"
        )

    calls = []
    for p, for_access, retrieval in zip(pipelines, kept_for_access, retrievers, strict=True):
        size = size_of[p]
        costly_here = cost[p].costly if apart else costly
        if for_access:
            guards = [  # what it enforces, as said: the pipeline's own words, then the answer
                w
                for w, said_so in (
                    (
                        "enforces permissions",
                        GUARD_WORDS.search(p) or "access-control" in workarounds,
                    ),
                    (
                        "keeps answers as fresh as the data",
                        retrieval and "freshness" in workarounds,
                    ),
                )
                if said_so
            ]
            calls.append(
                (
                    p,
                    "keep",
                    f"it {join(guards, 'and')}, which a longer context does not replace",
                )
            )
        elif size > window * 0.8:
            calls.append(
                (
                    p,
                    "simplify",
                    f"documents of about {count(size)} tokens "
                    + ("do not fit" if size > window else "exceed 80% of")
                    + f" your {count(window)}-token window: fewer, larger chunks, one pass",
                )
            )
        elif costly_here and for_cost:
            why_kept = join([w for w in ("cost", "latency") if w in workarounds])
            calls.append((p, "keep", f"it exists for {why_kept}, and {priced(p)}"))
        elif costly_here:
            calls.append(
                (
                    p,
                    "simplify",
                    f"documents of about {count(size)} tokens fit, but {priced(p)}: larger "
                    "chunks, not whole documents, until prices fall",
                )
            )
        else:
            calls.append(
                (
                    p,
                    "retire",
                    f"documents of about {count(size)} tokens fit in your "
                    f"{count(window)}-token window, and {priced(p)}; retire it once "
                    "long-context quality holds on your documents",
                )
            )
    order = {"retire": 0, "simplify": 1, "keep": 2}
    calls.sort(key=lambda c: (order[c[1]], -_ugliness(c[0], incidents)))
    movable = [p for p, call, _ in calls if call == "retire"]  # the verdict starts with one
    movable = movable or [p for p, call, _ in calls if call != "keep"]
    ugliest = max(movable, key=lambda p: _ugliness(p, incidents)) if movable else None
    retire = sum(1 for c in calls if c[1] == "retire")
    if retire:
        verdict = (
            f"Retire {retire} of {plural(len(pipelines), 'pipeline')} within 6-12 months; "
            f"start with {ugliest}."
        )
    elif ugliest:
        verdict = f"Simplify rather than retire: start with {ugliest}."
    else:
        it = "them" if len(pipelines) > 1 else "it"
        told[0] = not all(kept_for_access) and not apart  # kept for cost on the totals
        verdict = (
            f"Keep {it}: "
            + (
                "permissions and freshness are not context problems"
                if all(kept_for_access)
                else money_note
                if told[0]
                else "whole documents would cost more in input than the upkeep they save "
                "(each pipeline's figures below)"
            )
            + "."
        )
    calls = [(p, call, said(why)) for p, call, why in calls]
    target = ugliest or "your pipeline"
    incident = _behind_incident(pipelines, incidents)
    tested = size_of[ugliest or largest]  # the size the document test works with
    fits = tested <= window * 0.8
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=verdict,
        summary=(
            "Gated attention (a per-head sigmoid gate after attention) cut the share of "
            "attention on the first token from about 46.7% to 4.8% in the Qwen team's "
            "measurements and improved long-context behaviour; it already ships in Qwen3-Next "
            "with contexts up to 1M tokens, and the article expects meaningful improvements in "
            "the APIs you use in roughly 6-12 months. Some workarounds for context length will "
            "become overhead as this reaches the major providers; in our reading, retrieval for "
            "permissions and freshness stays; a chunker that saves input tokens is judged on its "
            "price."
        ),
        figures=(
            Figure(
                label="Document size against window",
                value=size_of[largest] / window if window > 0 else None,
                display=share(size_of[largest], window, "the window")
                or "no window to compare with",
                working=f"{count(size_of[largest])} ÷ {count(window)} tokens"
                + (f", {largest}, the largest" if len(set(size_of.values())) > 1 else ""),
            ),
            Figure(
                label="Whole-document input per month",
                value=whole,
                display=money(whole, cur),
                working=(
                    " + ".join(
                        f"{counted(cost[p].calls, 'call')} × {count(cost[p].size)} tokens"
                        for p in replaced
                    )
                    + f" = {count(sum(cost[p].calls * cost[p].size for p in replaced))} tokens"
                    if apart and len(replaced) > 1
                    else f"{counted(calls_replaced, 'call')} × {count(cost[replaced[0]].size)} "
                    "tokens"
                )
                + (
                    " × no price per token (self-hosted)"
                    if free
                    else f" × {money(price, cur)} / 1M"
                )
                + (
                    ", the pipelines kept for permissions or freshness left out"
                    if len(replaced) < len(pipelines)
                    else ""
                ),
            ),
            *(
                (
                    Figure(  # "double that in December": the month the input bill peaks
                        label="Whole-document input in your peak month",
                        value=whole * peak[1],
                        display=money(whole * peak[1], cur),
                        working=f"{money(whole, cur)} × {peak[1]:g}, {peak[0]}",
                    ),
                )
                if (peak := peak_multiple(sheet.raw("calls"))) and not free
                else ()
            ),
            Figure(
                label="Pipeline upkeep per month",
                value=upkeep,
                display=money(upkeep, cur),
                working=f"{plural(hours, 'engineer-hour')} × {money(hourly, cur)}",
            ),
        ),
        sections=(
            Section(
                title="Retire, simplify or keep, ugliest first",
                items=said_once([(p, f"{call}: {why}.") for p, call, why in calls]),
            ),
            Section(
                title="Before deleting code: test on your own documents",
                items=(
                    "Take 30 real documents, including the longest and "
                    + (
                        f"the ones behind your incident ({quoted(incidents)})."
                        if incidents
                        else "any behind past incidents."
                    ),
                    "Write 5 questions per document whose answers you know, including some that "
                    "need facts from far apart in the text.",
                    *(
                        (
                            f"Answer them twice: through {target}, and with the whole document "
                            "in one long-context call.",
                            "Retire the pipeline only if the long-context answers are at least "
                            "as accurate, and the cost and latency per answer are acceptable.",
                        )
                        if tested <= window
                        else (  # a whole document is no option: the test is for larger chunks
                            f"Answer them twice: through {target} as it is, and with fewer, "
                            "larger chunks (each up to 80% of the window) in one pass.",
                            "Simplify only if the larger chunks answer at least as accurately, "
                            "at an acceptable cost and latency per answer.",
                        )
                    ),
                ),
            ),
        ),
        recommendations=_sized(
            _plan(
                target if ugliest else None,
                retire > 0,
                f"up to {money(whole, cur)} a month of extra input",
                incidents,
                _weighed(incident, calls, size_of, window),
                None if fits else (tested, window),
                whole=dict((p, c) for p, c, _ in calls).get(target) == "retire",
                hosted=free,
            ),
            small=hours <= SMALL_UPKEEP_HOURS,
        ),
        assumptions=assumed_lines(
            sheet,
            {
                "doc_tokens": "No document size given: assumed 50,000 tokens.",
                "context_window": "No context window given: assumed 128,000 tokens.",
                "upkeep_hours": "No upkeep given: assumed 20 engineer-hours a month.",
                "incidents": "No incidents were described.",
                "calls": "No call volume given: assumed 10,000 calls a month.",
                "input_price": f"No input price given: assumed {money(3.0, cur)} per million "
                "tokens.",
            },
        )
        + _even(apart, len(pipelines), calls_said, hours_said, calls_month, hours)
        + (
            "A document counts as fitting when it uses at most 80% of the window.",
            f"An engineer-hour costs {money(hourly, cur)} fully loaded (our assumption"
            + (" for your currency)." if hourly != HOURLY_RATE else ")."),
        ),
        shifts=(1,),
        caveats=(
            "Vendors may ship better attention later than 6-12 months; the test decides, not "
            "the calendar.",
            "Long contexts cost more per call; at high volume, a retriever can stay cheaper.",
            "Permissions and freshness are not context problems: those retrievers stay.",
            *(
                (
                    f"{join(piecewise)} {'reads' if len(piecewise) == 1 else 'read'} each "
                    "document in pieces, one call a piece: whole documents need one call per "
                    "document, so their input can be far below the figures above — count the "
                    "documents a month and rerun with that as the calls.",
                )
                if (
                    piecewise := [
                        p
                        for p, call, why in calls
                        if call != "retire"
                        and "cost" in why
                        and PIECEWISE.search(p)
                        and not any(w in p.casefold() for w in RETRIEVAL_WORDS)
                    ]
                )
                else ()
            ),
        ),
    )


_COST = "\x00cost\x00"  # where a line compares whole-document input with the upkeep
_PLAIN = {"that", "with", "from", "over", "into", "this", "they", "them", "their", "when", "which"}


def _even(
    apart: bool,
    n: int,
    calls_said: Mapping[str, float],
    hours_said: Mapping[str, float],
    calls: float,
    hours: float,
) -> tuple[str, ...]:
    """The split assumed where pipelines are priced apart but the calls or the upkeep were
    given only as a total."""
    parts = [
        f"of the {what} ({each} a month each)"
        for what, said, each in (
            ("calls", calls_said, counted(calls / n, "call")),
            ("upkeep", hours_said, plural(hours / n, "engineer-hour")),
        )
        if not said
    ]
    if not apart or not parts:
        return ()
    return (
        f"Not said per pipeline: each pipeline is taken to have an even share {join(parts)}; "
        "say them per pipeline for a sharper verdict on each.",
    )


def _ugliness(pipeline: str, incidents: str) -> int:
    low = pipeline.casefold()
    score = sum(w in low for w in UGLY_WORDS)
    words = set(re.findall(r"[a-z0-9]{4,}", low)) - _PLAIN  # "'smart chunker'": chunker
    said = {stem(w) for w in re.findall(r"[a-z0-9]{4,}", incidents.casefold())}
    return score + 2 * sum(stem(w) in said for w in words)  # "threads" names "a thread"


def _weighed(
    incident: str | None,
    calls: Sequence[tuple[str, str, str]],
    size_of: Mapping[str, float],
    window: float,
) -> str | None:
    """The pipeline behind the incident, when it is kept for cost and its documents fit: whole
    documents would avoid its failure, so they are worth testing on it."""
    if incident is None or size_of[incident] > window * 0.8:
        return None
    why = next(why for p, call, why in calls if p == incident)
    kept_for_cost = any(p == incident and call == "keep" for p, call, _ in calls)
    return incident if kept_for_cost and why.startswith("it exists for") else None


def _behind_incident(pipelines: Sequence[str], incidents: str) -> str | None:
    """The pipeline the incident names, if any (its own words appear in it)."""
    named = [p for p in pipelines if _ugliness(p, incidents) - _ugliness(p, "") > 0]
    return max(named, key=lambda p: _ugliness(p, incidents)) if named else None


SMALL_UPKEEP_HOURS = 10.0  # a month: a script one person looks after (our assumption)
_SOONER = {"0-3 months": "0-1 month", "3-6 months": "1-2 months"}  # retiring waits for vendors


def _sized(recs: tuple[Recommendation, ...], small: bool) -> tuple[Recommendation, ...]:
    """A pipeline that takes a few hours a month: one person, and weeks rather than quarters."""
    if not small:
        return recs
    return tuple(
        r.model_copy(
            update={
                "owner": "whoever maintains the pipelines",
                "horizon": _SOONER.get(r.horizon or "", r.horizon),
            }
        )
        for r in recs
    )


def _plan(
    target: str | None,
    retiring: bool,
    extra: str,
    incidents: str,
    incident_pipeline: str | None = None,
    too_long: tuple[float, float] | None = None,
    whole: bool = False,
    hosted: bool = False,
) -> tuple[Recommendation, ...]:
    """``whole``: the target's documents fit, so whole documents replace it (no simplifying);
    ``hosted``: the model runs on the user's GPUs, with no price per token."""
    test = Recommendation(
        title="Run the document test",
        detail="On the current model now, and again on each new long-context release.",
        horizon="0-3 months",
        owner="ML engineer",
    )
    weigh = (  # kept for cost, but its failure is the kind whole documents avoid
        (
            Recommendation(
                title=f"Test whole documents on {incident_pipeline}",
                detail="Your incident is what a whole document in one call avoids: run the "
                "document test on it now; if whole documents answer right, weigh that accuracy "
                "against the whole-document input in the numbers above.",
                horizon="0-1 month",
                owner="ML engineer",
            ),
        )
        if incident_pipeline and incident_pipeline != target
        else ()
    )
    if target is None:
        fix = (
            Recommendation(
                title="Turn your incident into a regression test",
                detail="Keep the document behind it in a test the pipeline must pass; overlap "
                "chunks where the boundary fell.",
                horizon="0-1 month",
                owner="ML engineer",
            ),
        )
        return (
            *(fix if incidents else ()),
            *weigh,
            Recommendation(
                title="Measure GPU time for whole documents",
                detail="Self-hosted, whole documents cost GPU time and latency, not tokens: "
                "time a day of whole-document calls on your GPUs before changing the pipeline.",
                horizon="0-1 month",
                owner="platform team",
            )
            if too_long is None and hosted
            else Recommendation(
                title="Re-price whole documents when long-context prices fall",
                detail=f"Today whole documents mean {extra}; rerun this consultation with the "
                "new price.",
                horizon="each vendor price change",
                owner="engineering lead",
            )
            if too_long is None
            else Recommendation(  # no price makes a document that does not fit an option
                title="Re-check when context windows grow",
                detail=f"Your documents (about {count(too_long[0])} tokens) do not fit your "
                f"{count(too_long[1])}-token window, so whole documents are no option at any "
                "price today; rerun this consultation when your vendor's window passes "
                f"{count(too_long[0] / 0.8)} tokens.",
                horizon="each new model release",
                owner="engineering lead",
            ),
        )
    title, detail = (
        (  # its documents fit: whole documents replace it
            f"Replace {target} with whole documents",
            "One long-context call per document where the test passes",
        )
        if whole
        else (f"Simplify {target}", "Fewer, larger chunks and one pass where the test allows")
    )
    recs = [
        test,
        *weigh,
        Recommendation(
            title=title,
            detail=f"{detail}; keep the old path behind a flag.",
            horizon="3-6 months",
            owner="platform team",
            depends_on=test.title,
        ),
    ]
    if retiring:
        recs.append(
            Recommendation(
                title="Retire what the test clears",
                detail=(
                    "As better long-context open models (Qwen3-Next already has gated attention) "
                    "run on your GPUs"
                    if hosted
                    else "As better long-context models reach your vendor's API"
                )
                + ", delete the pipelines that passed.",
                horizon="6-12 months",
                owner="engineering lead",
                depends_on=recs[-1].title,
            )
        )
    elif too_long is not None:  # larger chunks now; whole documents once the window allows
        recs.append(
            Recommendation(
                title="Re-test whole documents when your window grows",
                detail=f"Your documents (about {count(too_long[0])} tokens) do not fit your "
                f"{count(too_long[1])}-token window today; once your vendor's window passes "
                f"{count(too_long[0] / 0.8)} tokens, run the document test with whole documents "
                "and retire what it clears.",
                horizon="6-12 months",
                owner="engineering lead",
                depends_on=recs[-1].title,
            )
        )
    return tuple(recs)
