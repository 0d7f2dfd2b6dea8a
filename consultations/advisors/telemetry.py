"""Reasoning Telemetry Architecture: a trace model and what to record, keep and alert on."""

from __future__ import annotations

import re

from consultations.advisors.base import AdvisorInput, assumed_lines
from consultations.advisors.telemetry_fears import labelled, none_yet
from consultations.advisors.telemetry_readers import reader_of, split, unanswered
from consultations.advisors.words import count, counted, join, join_all, plural
from consultations.answers.hosted import said_in_house
from consultations.answers.peaks import peak_multiple
from consultations.report import Figure, Recommendation, Report, Section, Table

STEPS_PER_RUN = 8
BYTES_PER_STEP = 2_000
SAMPLE_ABOVE = 10_000  # runs a day above which successes are sampled (unless audited)
SMALL_RUNS = 500  # runs a day at or below which one developer does it all (our assumption)
_FILLER = re.compile(  # "just one support bot really": the support bot
    r"^(?:(?:just|only|basically|simply)\s+)*(?:(?:a|an|one)\s+)?|"
    r"\s+(?:really|basically|i guess|for now|at the moment)\s*$",
    re.I,
)
RETENTION = {
    "regulated": "every decision, its inputs and its tool calls for as long as the regulator "
    "requires (plan for years)",
    "internal": "90 days in full, then run summaries for a year",
    "none": "30 days in full",
}
PROTECTION = {
    "regulated": "Access, not redaction: tool arguments and outputs are kept in full so a "
    "decision can be reconstructed; encrypt them, pseudonymise the identifiers of the people "
    "in them (customers, patients, citizens) with a key compliance holds, log every read, and "
    "strip only secrets (keys, passwords).",
    "internal": "Redaction before storage: personal data in tool arguments and outputs replaced "
    "by typed placeholders; the decision and its reasons stay readable.",
    "none": "Redaction before storage: personal data and secrets in tool arguments and outputs "
    "replaced by typed placeholders.",
}
HELD = {  # the storage figure for each retention above: (label, days held in full)
    "regulated": ("Trace storage a year", 365),
    "internal": ("Trace storage held (90 days in full)", 90),
    "none": ("Trace storage held (30 days)", 30),
}
STACK_STEP = {
    "logs": "sent as OpenTelemetry traces to a managed backend.",
    "apm": "sent to your APM.",
    "otel": "on your existing OpenTelemetry pipeline.",
    "llm-obs": "exported from your LLM observability tool to your main tracing.",
}
STACK_ORDER = ("otel", "llm-obs", "apm", "logs")
STORES = {
    "logs": "Start with OpenTelemetry traces sent to a managed backend; logs alone cannot "
    "link a tool call to the run that made it.",
    "apm": "Send OpenTelemetry spans to your APM; model and tool attributes ride on the spans.",
    "otel": "Extend your OpenTelemetry traces with GenAI attributes: no new system needed.",
    "llm-obs": "Keep your LLM observability tool for prompts, and export spans to your main "
    "tracing so agent runs sit beside the services they call.",
}
OWN_STORE = "a self-hosted trace store (for example Grafana Tempo or Jaeger) on your own servers"


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    agents = sheet.items("agents", ("your agent",))
    tools = sheet.items("tools", ())  # none: "it just answers from the prompt"
    failures = sheet.text("failures", "unknown failures")
    stacks = sheet.choices("stack", ("logs",))
    stack = next(s for s in STACK_ORDER if s in stacks or s == "logs")  # the richest one held
    audit = sheet.choice("audit", "internal")
    runs = sheet.number("runs_per_day", 1_000)
    blind = sheet.text("blind_spots")
    on_prem = said_in_house(*(sheet.raw(q.key) for q in request.script.questions))

    held_label, held_days = HELD[audit]
    retention = RETENTION[audit]
    if audit == "regulated" and (years := _years_said(sheet.raw("audit"))):
        held_days = round(years * 365)  # "7 years retention": what the store holds
        held_label = f"Trace storage held ({plural(years, 'year')})"
        retention = (
            f"every decision, its inputs and its tool calls for {plural(years, 'year')}, "
            "as you said"
        )
    sampled = runs > SAMPLE_ABOVE and audit != "regulated"
    kept = runs * (0.1 + 0.9 * 0.05) if sampled else runs  # 10% of runs + all failures (~5%)
    size = kept * STEPS_PER_RUN * BYTES_PER_STEP
    peak = peak_multiple(sheet.raw("runs_per_day"))  # "3x at month end": size for that day
    regulated = audit == "regulated"
    agents = tuple(_FILLER.sub("", a) or a for a in agents)  # not "just one support bot really"
    fields = Table(
        title="Trace model: run → step → tool call",
        columns=("level", "record"),
        rows=(
            (
                "run",
                "run id, agent (" + join_all(agents) + "), version of prompts and "
                "model, user or tenant, goal, outcome, cost, latency",
            ),
            (
                "step",
                "step number, model and parameters, "
                + (  # an audit asks what the model saw when it decided, not how much of it
                    "the full input the model saw (prompt version, messages, and the "
                    "retrieved context or tool results it was given, by reference; encrypted) "
                    "and its output, "
                    if regulated
                    else ""
                )
                + "input and output token counts, the reasoning summary or trace, the "
                "decision taken, confidence",
            ),
            (
                "tool call",
                "tool and protocol ("
                + (join_all(tools) if tools else "none named today: add them as they come")
                + "), "
                + (
                    "arguments and result in full (encrypted), "
                    if regulated
                    else "arguments with personal data redacted, "
                )
                + "result status, latency, retries, error",
            ),
            ("feedback", "human correction, escalation, final business outcome, linked to the run"),
        ),
    )
    loop_said = next((f for f, _ in _failures(failures) if _LOOP.search(f)), failures)
    looped = _tool_named(tools, loop_said)  # "it looped 40 times on search": that tool
    alerts = (
        (
            (
                (f"Loops: {looped} (or any tool)" if looped else "Loops: any tool")
                + " called with the same arguments more than 3 times in a run.",
                "Tool error rate above its weekly baseline, per tool: " + join_all(tools) + ".",
            )
            if tools
            else (
                "Loops: a run taking more than twice its agent's usual number of steps (no tools "
                "named: steps are what repeats).",
            )
        )
        + ("Cost per run above the 99th percentile of last week.",)
        + tuple(
            f"{'A failure you fear' if feared else 'Your known failure'} — {f}: {_detector(f)}."
            for f, feared in _failures(failures)
        )
    )
    reader = reader_of(blind)
    small = runs <= SMALL_RUNS and not regulated  # a bot or two: no teams to hand steps to

    solo = reader == "you" and small  # "just me", a bot or two: every step is the user's own

    def owner(role: str) -> str:
        return "you" if solo else "the agent's developer" if small else role

    names = join(list(agents))  # not "your just a little bot"
    owned = (
        f"all {len(agents)} of your agents"  # each named in the trace model below
        if len(agents) > 3
        else names
        if names.casefold().startswith(("our ", "your ", "the "))
        else f"your {names}"
    )
    verdict = f"Trace every run of {owned} as run → step → tool call" + (
        ", sampling successes at 10% and keeping every failure."
        if sampled
        else ", keeping every run"
        + (" in full so each decision can be reconstructed for an audit." if regulated else ".")
    )
    recs = [
        Recommendation(
            title="Instrument runs and tool calls",
            detail="One span per run and per tool call, with the fields above, "
            + _on_prem(STACK_STEP[stack], on_prem),
            horizon="0-1 month",
            owner=owner("platform team"),
        ),
    ]
    if regulated:
        recs.insert(
            0,
            Recommendation(
                title="Agree the audit record with compliance",
                detail="Which decisions a regulator can ask about, for how long, and who may "
                "read the full record; the trace fields follow from that list.",
                horizon="0-1 month",
                owner="compliance lead",
            ),
        )
    recs.append(
        Recommendation(
            title="Add step-level reasoning and feedback",
            detail="Attach reasoning summaries and human corrections to the run.",
            horizon="1-2 months" if small else "1-3 months",
            owner=owner("ML engineer"),
            depends_on="Instrument runs and tool calls",
        )
    )
    recs.append(
        Recommendation(
            title="Alert and review weekly",
            detail="The alerts above, and a weekly review of the worst runs"
            + (
                f" with {reader}, starting from what "
                f"{'you' if reader.split()[0] == 'you' else 'they'} cannot answer today: "
                f"{unanswered(blind)}"
                if blind and split(blind)[1]
                else f" with {reader}"
                if blind and not solo
                else ""
            )
            + ".",
            horizon="2-3 months" if small else "3-6 months",
            owner=owner("on-call lead"),
            depends_on="Instrument runs and tool calls",
        )
    )
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=verdict,
        summary=(
            "By one conference summary's account, the large labs' message at NeurIPS 2025 was "
            "that reasoning can be measured: Apple "
            "and others pushed to record the steps, tool calls and searches, not just the final "
            "answer, and to treat traces as telemetry. That is what makes a failing agent "
            "debuggable"
            + (" and its decisions auditable." if regulated else ".")
            + " Separately, the RLVR paper suggests that current RL-tuned models mostly find "
            "answers faster rather than finding new ones (on the benchmarks it tested): "
            "traces show where runs diverge."
        ),
        tables=(fields,),
        figures=(
            Figure(
                label="Runs kept per day",
                value=kept,
                display=count(kept),
                working=(
                    f"{count(runs)} × (10% of successes + every failure, ~5%)"
                    if sampled
                    else f"all {counted(runs, 'run')}"
                ),
            ),
            Figure(
                label="Trace storage per day",
                value=size / 1e9,
                display=_bytes(size),
                working=f"{counted(kept, 'run')} × {STEPS_PER_RUN} steps × "
                f"{BYTES_PER_STEP:,} bytes",
            ),
            *(
                (
                    Figure(  # the collector and store must take the busiest day, not the average
                        label="Trace storage on a peak day",
                        value=size * peak[1] / 1e9,
                        display=_bytes(size * peak[1]),
                        working=f"{_bytes(size)} a day × {peak[1]:g}, {peak[0]}: "
                        f"{counted(runs * peak[1], 'run')} that day; size the collector for it",
                    ),
                )
                if peak
                else ()
            ),
            Figure(  # what the store holds at its retention: the figure to budget
                label=held_label,
                value=size * held_days / 1e9,
                display=_bytes(size * held_days),
                working=f"{_bytes(size)} a day × {held_days:,} days",
            ),
        ),
        sections=(
            Section(
                title="Storage, retention, sampling and "
                + ("access" if regulated else "redaction"),
                items=(
                    _on_prem(STORES[stack], on_prem),
                    f"Retention: {retention}.",
                    "Sampling: "
                    + (
                        "every failure and escalation, 10% of successful runs."
                        if sampled
                        else f"keep every run (at {count(runs)} a day "
                        + ("an audit needs them all)." if regulated else "it stays cheap).")
                    ),
                    PROTECTION[audit],
                ),
            ),
            Section(
                title="Dashboards and alerts",
                items=(
                    f"For {reader}: runs by outcome per agent, steps and cost per run, "
                    "slowest tools.",
                    *alerts,
                ),
            ),
            Section(title="Questions for agent vendors", items=_vendor_questions(audit, on_prem)),
        ),
        recommendations=tuple(recs),
        assumptions=assumed_lines(
            sheet,
            {
                "runs_per_day": "No volume given: assumed 1,000 runs a day.",
                "blind_spots": "Nobody was named as debugging the agents.",
                "tools": "No tools named: the trace has runs and steps; tool calls join it "
                "when the agents get tools.",
                "audit": "No audit need given: assumed internal review.",
            },
        )
        + (
            f"A run averages {STEPS_PER_RUN} steps of about {BYTES_PER_STEP:,} bytes each "
            "(our assumption).",
            *(
                (
                    "The full inputs an audit keeps can make a step several times larger: size "
                    "the store on a week of real traces.",
                )
                if regulated
                else ()
            ),
        ),
        shifts=(3,),
        caveats=(
            "Our caution: reasoning traces shown by a model are summaries, not a faithful "
            "record of its computation: judge them by the tool calls and outcomes they lead to.",
            "The RLVR finding may not hold for newer RL methods: keep measuring pass@k of base "
            "and tuned models on your own tasks.",
            "The trace store holds "
            + (
                "regulated records: it falls under the same controls as the decisions it records."
                if regulated
                else "sensitive data: treat it as production data."
            ),
        ),
    )


def _on_prem(step: str, on_prem: bool) -> str:
    """Where traces go, kept on the user's own servers when the answers say nothing leaves them."""
    return step.replace("a managed backend", OWN_STORE) if on_prem else step


_LOOP = re.compile(r"\bloop|schleife|endlos", re.I)
_YEARS = re.compile(  # "7 years", "10 Jahre Aufbewahrung", "5 ans"
    r"\b(\d{1,2}(?:[.,]\d)?)\s*(?:-\s*)?(?:years?|yrs?|y|jahre|jahren|ans?|années?)\b", re.I
)
_COMMON = {"the", "and", "for", "its", "our", "was", "are", "not", "but", "any", "all", "one"}
_COMMON |= {"two", "via", "out", "too", "got", "has", "had", "who", "why", "how", "new", "old"}


def _years_said(raw: str) -> float | None:
    """A retention period typed beside the audit answer ("yes, 7 years retention")."""
    m = _YEARS.search(raw)
    years = float(m.group(1).replace(",", ".")) if m else 0.0
    return years if 0 < years <= 30 else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]{3,}", text.casefold())) - _COMMON


def _tool_named(tools: tuple[str, ...], failures: str) -> str | None:
    """The tool a failure names by one of its words ("looped on search" → "web search …",
    "looping on OCR retries" → "document OCR")."""
    said = _words(failures)
    return next((t for t in tools if said & _words(t)), None)


def _failures(failures: str) -> list[tuple[str, bool]]:
    """ "it looped on search; once it closed a ticket it should have escalated": two; so is
    "loops calling search, a refund approved on the wrong order" (each piece a few words);
    each with whether it is only feared ("none yet, but we fear …": one, feared)."""
    parts = [p.strip(" .") for p in _SENTENCE_END.split(failures) if p.strip(" .")]
    split: list[tuple[str, bool]] = []
    for part in parts:
        pieces = [re.sub(r"^(?:and|or|also)\s+", "", p.strip()) for p in part.split(",")]
        if len(pieces) > 1 and any(_CONSEQUENCE.match(p) for p in pieces[1:]):  # "this cost us"
            pieces = [p for p in pieces if not _CONSEQUENCE.match(p)]  # what it led to: no failure
            part = ", ".join(pieces)
        pieces = [p for p in pieces if p and not _REMARK.match(p)]  # "…, which is bad"
        listed = len(pieces) > 1 and all(len(p.split()) >= 3 or _known(p) for p in pieces)
        split.extend(labelled(pieces if listed else [", ".join(pieces) or part]))
    said = [f for f in split if not _HEDGE.fullmatch(f[0])]  # "not sure yet, maybe it loops"
    return said[:4] or split[:4] or ([] if none_yet(failures) else [(failures, False)])


_SENTENCE_END = re.compile(  # "…torque spec once. we fear it leaking …": typed in lower case too
    r";|\n|(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bapprox)\.\s+(?=[A-Za-z])"
)
_HEDGE = re.compile(  # a piece that says only that the user does not know
    r"(?:i'?m |we'?re |i am |we are )?(?:not sure|unsure|no idea|don'?t know|do not know|idk|"
    r"dunno|hard to say|can'?t say)(?: yet| really| tbh| honestly)*",
    re.I,
)


_REMARK = re.compile(  # "…, which is bad", "…, sometimes": about the failure before it
    r"(?:(?:which|that|this|das|was)\s+(?:is|was|are|were|ist|war|sind)\b|"
    r"(?:sometimes|often|rarely|occasionally|manchmal|oft|selten)$)",
    re.I,
)
_CONSEQUENCE = re.compile(  # "…, this cost us a penalty": what the failure before it led to
    r"(?:this|that|which|it)\s+(?:cost|caused|led|meant|made|resulted|got|gave|triggered)\b"
    # "…, nobody could figure out why": what the team could not answer, not another failure
    r"|(?:(?:nobody|no one|none of us|keiner|niemand|personne)\b|(?:we|wir|on)\s+(?:could(?:n't|"
    r"\s+not)|can(?:'t|not)|konnten\s+nicht|ne\s+(?:sait|savait|pouvait|comprend)))"
    r".{0,40}?\b(?:why|how|warum|wieso|weshalb|wie|pourquoi|comment)\b",
    re.I,
)


# What to watch for a failure of a known kind: (words that name it, the detector)
DETECTORS = (
    (r"\bloop|schleife|endlos", "the loop alert above, and a weekly count"),
    (
        r"\btwice\b|\bdouble[- ](?:refund|charge|payment|booking|order)|\bduplicate|\bdoppelt|"
        r"\bzweimal\b|\bdeux fois\b",
        "an alert when the same action (a refund, a charge, a booking) runs twice on one record: "
        "an idempotency key per action, checked across runs",
    ),
    (
        r"\b(?:told|said|claimed|answered|replied|informed|promised|confirmed)\b.{0,80}?\bwhen "
        r"(?:it|they|he|she|that) (?:was|were|had|did|has)(?: not|n'?t)\b|\bwhich was (?:not|n'?t) "
        r"true\b|\bthat was (?:not|n'?t) true\b",
        "compare what the agent tells the user with the record its tool calls returned (a status, "
        "a date, an amount); alert when a reply states something its tool results do not say",
    ),
    (
        r"\bwrong (?:order|customer|account|record|ticket|user|item|invoice|id)s?\b|"
        r"\bfalsche[nrs]? (?:tickets?|kunden?|konten|konto|auftr(?:a|ä)ge?|bestellung(?:en)?|"
        r"rechnung(?:en)?|datens(?:a|ä)tze?)\b",
        "an alert when the record a tool call acts on differs from the one named in the run's "
        "input (the ID in the request against the ID in the tool's arguments)",
    ),
    (  # "it cited a superseded torque spec": a document, not a record's status
        r"\bsuperseded\b|\b(?:outdated|out[- ]of[- ]date|obsolete|old|stale|previous|wrong|"
        r"withdrawn|retired)\s+(?:version|revision|rev|spec|specs|specification|manual|document|"
        r"doc|docs|policy|procedure|drawing|standard|sop|price list|terms)s?\b",
        "record the document and its revision for every passage a run retrieves (the step's "
        "context, by reference); alert when an answer cites a revision that is not the latest "
        "in the source system",
    ),
    (  # "leaking ITAR data into logs someone exports": the telemetry itself is the leak path
        r"\bleak\w*\b.{0,40}?\b(?:logs?|traces?|exports?|telemetry|dashboards?)\b|"
        r"\b(?:logs?|traces?)\b.{0,30}?\bleak",
        "scan traces and logs for marked controlled data (export-controlled, classified, "
        "personal) before anything leaves the store; block the export and alert on a match, and "
        "keep the trace store inside the same boundary as the data",
    ),
    (
        r"\balready (?:been )?(?:discharged|closed|cancel+ed|refunded|paid|deleted|resolved|"
        r"shipped|left|gone)\b|\bno longer\b|\bstale\b|\bout[- ]of[- ]date\b|\boutdated\b|"
        r"\b(?:had|has|was|already)\s+(?:lapsed|expired|terminated|been cancel+ed)\b",
        "an alert when a run acts on a record whose latest status (discharged, closed, "
        "cancelled) rules the action out, checked against the newest tool result before acting",
    ),
    (
        r"\bwrong (?:\w+ )?(?:dose|dosage|amount|price|figure|value|number|date|total|rate|"
        r"sum)s?\b",
        "a rule check comparing each figure the agent writes (dose, amount, date) with the "
        "record its tool calls returned; alert on any mismatch",
    ),
    (
        r"\b(?:another|other|someone else'?s?|somebody else'?s?|the wrong)\s+"
        r"(?:customer|patient|client|user|person|employee|citizen|recipient)s?'?s?\b"
        r"|\bleak(?:s|ed|ing)?\b",
        "an alert when a run sends or shows a record belonging to anyone other than the person "
        "the run serves (the ID in the run against the IDs in what it sends out)",
    ),
    (
        r"hallucinat\w* (?:tool )?(?:args|arguments|parameters|ids?)\b|invalid (?:args|arguments)"
        r"|made[- ]up (?:args|arguments|ids?)",
        "count tool calls whose arguments fail the tool's schema or name records that do not "
        "exist, per tool and per model version",
    ),
    (
        r"hallucinat|halluzin|wrong answers?|falsche antwort|made[- ]up|invent|"
        r"makes? (?:stuff|things|facts|it) up|making (?:stuff|things) up|fabricat|confabulat",
        "grade a weekly sample of runs by hand and track the share marked wrong, per agent "
        "and model version",
    ),
    (
        r"\b(?:approved|accepted|closed|refunded|paid|granted|rejected|declined|geschlossen|"
        r"genehmigt|freigegeben|erstattet|bezahlt|abgelehnt)\b",
        "a rule check on every such decision against the facts its own tool calls returned "
        "(the trace holds them); alert on any decision that breaks a rule",
    ),
    (
        r"\b(?:delet\w*|overwr\w*|wip(?:e|es|ed|ing)\b|drop(?:s|ped)? (?:a |the )?tables?|"
        r"rm -rf|force[- ]push\w*)",
        "an alert on every destructive tool call (delete, overwrite, force-push) with the run "
        "that made it, and a weekly review of them",
    ),
    (
        r"\b(?:cost|burn\w*|expensive|kosten|teuer)|\$",
        "the cost-per-run alert above, and a weekly count",
    ),
    (
        r"\b(?:slow|timeouts?|timed out|latency|langsam|zeitüberschreitung\w*)\b",
        "p95 latency per tool and per run, alerting above last week's",
    ),
)


def _known(failure: str) -> bool:
    """The failure is of a kind with its own detector ("loops", "timeouts")."""
    return any(re.search(words, failure.casefold()) for words, _ in DETECTORS)


def _detector(failure: str) -> str:
    low = failure.casefold()
    return next(
        (d for words, d in DETECTORS if re.search(words, low)), "a detector and a weekly count"
    )


def _bytes(n: float) -> str:
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= size:
            return f"{n / size:,.1f} {unit}"
    return plural(round(n), "byte")


def _vendor_questions(audit: str, on_prem: bool = False) -> tuple[str, ...]:
    """``on_prem``: the data stays on the user's own servers, so whether the product runs
    there is asked, not how data is redacted before it leaves a cloud tenant."""
    qs = [
        "Can we export every step and tool call of every run, in OpenTelemetry format?",
        "Do you record why a tool was chosen, not only that it was called?",
        "Can we replay a run against a new model version?",
    ]
    if audit == "regulated":
        qs.insert(
            1,
            "Can we keep the full record of every decision for the retention period "
            "our regulator sets, " + ("on our own servers?" if on_prem else "in our own tenant?"),
        )
    if on_prem:
        qs.append("Can your product run entirely on our own servers, with nothing sent to yours?")
    elif audit != "regulated":
        qs.append("How do you redact personal data before traces leave our tenant?")
    return tuple(qs)
