"""Research Curation System: a saved profile that drives triage and the digest."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from consultations.advisors.base import AdvisorInput, AnswerSheet, assumed_lines, role_phrase
from consultations.advisors.topic_words import in_english
from consultations.advisors.words import briefly, join, number, plural
from consultations.answers import Answer
from consultations.answers.choices import unmatched
from consultations.answers.units import DAYS_A_MONTH
from consultations.digest import DAYS, SOURCE_NAMES, day_in
from consultations.render import SHIFT_NAMES
from consultations.report import Figure, Recommendation, Report, Section
from consultations.scripts import Shift

MINUTES_PER_PAPER = 15  # a skim of abstract, figures and conclusion: our assumption
PER_WEEK = {"daily": 7.0, "weekly": 1.0, "biweekly": 0.5, "monthly": 7 / DAYS_A_MONTH}
MAX_PER_DIGEST = 20
_EVERY = {"daily": "daily", "weekly": "weekly", "biweekly": "every two weeks", "monthly": "monthly"}
_CHANNEL = re.compile(
    r"(?<![\w#])#[a-z0-9][a-z0-9_-]{0,79}", re.I
)  # a Slack channel: "#model-risk"


def profile_from_answers(answers: Mapping[str, Answer]) -> dict[str, Any]:
    """The curation profile triage and the digest use (plain data, safe to store as JSON)."""
    return _profile(AnswerSheet(answers))


_VAGUE = re.compile(  # "whoever does good eval work": names no lab, so nothing to lift
    r"\s*(?:whoever|anyone|anybody|any lab|whatever|people who|folks who|those who|etc|"
    r"(?:not sure|unsure|no idea|dunno|maybe)\b.*\b(?:others?|rest|more|else)|"
    r"(?:and\s+)?(?:others?|the rest|more|some more|a few others?)(?:\s+(?:too|maybe))?\s*$|"
    r"(?:no idea|not sure|unsure|dunno|idk|honestly|tbh|none yet|nobody yet)"  # hedges alone
    r"(?:\s+(?:honestly|really|tbh|yet|really))*\s*$)\b",
    re.I,
)


_ROLE_END = re.compile(  # where the role ends and the decisions it names begin
    r"\s*(?:;|\s[—–-]\s|:|,(?=\s*(?:what|which|whether|how|when|deciding|decisions?|choosing|"
    r"picking|vendor|build|buy|(?:i|we)\s+[a-z']+)\b))",  # "researcher, I decide what …"
    re.I,
)


def _profile(sheet: AnswerSheet) -> dict[str, Any]:
    raw = sheet.numbers("weights", {"cost": 1.0, "failure": 1.0, "compute": 1.0})
    total = sum(max(v, 0.0) for v in raw.values()) or 1.0
    weights = {k: round(max(v, 0.0) / total, 4) for k, v in raw.items()}
    hours = sheet.number("hours", 2.0)
    cadence = sheet.choice("cadence", "weekly")
    fit = hours * 60 / PER_WEEK.get(cadence, 1.0) / MINUTES_PER_PAPER
    return {
        "topics": list(dict.fromkeys(e for t in sheet.items("topics") for e in in_english(t))),
        "canon": [c for c in sheet.items("canon") if not _VAGUE.match(c)],
        "weights": weights,
        "sources": list(sheet.choices("sources", ("arxiv",))),
        "cadence": cadence,
        "papers_per_digest": max(1, min(MAX_PER_DIGEST, int(fit))),
        "to_triage": list(sheet.items("to_triage")),
        "day": day_in(sheet.raw("cadence")),  # "fridays, weekly": the digest comes on Fridays
    }


def advise(request: AdvisorInput) -> Report:
    sheet = request.sheet
    role = sheet.text("role", "your role")
    who = role_phrase(_ROLE_END.split(role, maxsplit=1)[0].strip() or role)  # "CTO, what …"
    profile = _profile(sheet)
    w = profile["weights"]
    leaders = [k for k in w if w[k] >= max(w.values()) - 0.02]  # 34/33/33: no single lead
    lead = (
        "weighs cost, failure and compute equally"
        if len(leaders) == 3
        else f"leads with {join(leaders)}"
    )
    question = request.script.question("sources")
    chosen = profile["sources"]
    read = [s for s in chosen if s in SOURCE_NAMES]
    unread = [question.label_of(s) for s in chosen if s not in SOURCE_NAMES]
    own = unmatched(question, sheet.raw("sources"))  # "arXiv, HAL": HAL is the user's own
    unread += [f"{s} (your own)" for s in own]
    sources = ", ".join(question.label_of(s) for s in read) or "arXiv (the default feed)"
    per = profile["papers_per_digest"]
    hours = sheet.number("hours", 2.0)
    cadence = profile["cadence"]
    weekly_minutes = per * PER_WEEK.get(cadence, 1.0) * MINUTES_PER_PAPER
    budget = hours * 60
    check = _budget_check(per, cadence, weekly_minutes, budget, hours)
    items = [
        "Topics: "
        + (", ".join(profile["topics"]) or "none yet")
        + _read_in_english(sheet.items("topics")),
        "Canon: "
        + (", ".join(profile["canon"]) or "none yet — add labs as they earn it")
        + _left_out(sheet.items("canon")),
        f"Weights: cost {w['cost']:.0%}, failure {w['failure']:.0%}, compute {w['compute']:.0%}"
        + _scaled(sheet.numbers("weights", {})),
        "Sources the digest reads: " + sources,
        *(
            (
                f"Not read by the digest: {join(unread)} — it cannot fetch them; keep them on "
                "your own reading list"
                + ("" if read else ", or add arXiv, OpenReview or a built-in list (`edit 4`)")
                + ".",
            )
            if unread
            else ()
        ),
        f"Digest: {cadence}, {plural(per, 'paper')}" + _on_day(cadence, profile["day"]),
    ]
    to_triage = profile["to_triage"]
    sections = [Section(title="Your curation profile (saved)", items=tuple(items))]
    if to_triage:
        sections.append(
            Section(
                title="First triage of what you pasted (by title, offline)",
                items=_first_triage(to_triage, profile, request.context.shifts),
            )
        )
    channels = list(dict.fromkeys(_CHANNEL.findall(sheet.raw("cadence"))))  # "to #model-risk"
    return Report(
        slug=request.script.slug,
        title=request.script.title,
        verdict=f"Your filter {lead}: {plural(per, 'paper')} a {_period(cadence)}, "
        "each tied to one of the three questions." + (" " + check if check else ""),
        summary=(
            f"For you as {briefly(who)}: NeurIPS 2025 took 21,575 main-track submissions and "
            "accepted 5,290 under heavy review strain, so an acceptance says little. Your profile "
            "ranks papers by cost, failure and compute, lifts your topics and canon, and "
            "passes over benchmark-only gains and theory with no route to deployment."
        ),
        figures=(
            Figure(
                label="Papers per digest",
                value=per,
                display=str(per),
                working=f"{_reading(hours)} a week" + ("" if hours < 1 else " × 60") + " ÷ "
                f"{_digests(cadence)} a week ÷ "
                f"{MINUTES_PER_PAPER} minutes a paper (at least 1, at most {MAX_PER_DIGEST})",
            ),
            Figure(
                label="Reading time the digest asks for",
                value=weekly_minutes,
                display=f"{plural(round(weekly_minutes), 'minute')} a week, against your "
                f"{_reading(hours)} a week",
                working=f"{plural(per, 'paper')} × {_digests(cadence)} a week × "
                f"{MINUTES_PER_PAPER} minutes",
            ),
        ),
        sections=tuple(sections),
        recommendations=(
            Recommendation(
                title=f"Read your own digest; post one in {join(channels)}"
                if channels
                else "Read your own digest; share one with a channel",
                detail=f"Your own digest now comes {_EVERY.get(cadence, 'weekly')} to your "
                "direct messages (in Teams: your personal chat with the bot), from the sources "
                "above (`digest mine` changes it, `digest mine off` stops it); "
                + (
                    f"you asked for {join(channels)}: type `digest subscribe` in "
                    f"{'it' if len(channels) == 1 else 'each'} to post it there for the team."
                    if channels
                    else "`digest subscribe` in a channel posts one for a team."
                ),
                horizon="now",
            ),
            Recommendation(
                title="Triage big batches on a worker",
                detail="`/neurips triage` or `neurips-advisor triage FILE` ranks "
                "thousands of papers with this profile in seconds.",
                horizon="now",
            ),
            Recommendation(
                title="Prune the canon each quarter",
                detail="Keep labs whose papers turned into something you could use.",
                horizon="quarterly",
            )
            if profile["canon"]
            else Recommendation(
                title="Start a canon this quarter",
                detail="Add the two or three labs or authors whose papers in your digest turned "
                "into something you could use (`edit 3`); the digest lifts their papers after.",
                horizon="this quarter",
            ),
        ),
        assumptions=assumed_lines(
            sheet,
            {
                "weights": "No weights given: the three questions count equally.",
                "canon": "No canon given: no lab or author is lifted yet.",
                "hours": "No reading time given: assumed 2 hours a week.",
                "sources": "No source it can fetch given: the digest reads arXiv."
                if own
                else "No sources given: the digest reads arXiv.",
            },
        )
        + (
            "Weights are normalised to add up to 100%.",
            f"A paper takes about {MINUTES_PER_PAPER} minutes to skim (our assumption).",
        ),
        shifts=(1, 2, 3, 4, 5, 6),
        caveats=(
            "A keyword filter misses papers that describe a big result in unusual words: "
            "skim the runners-up now and then.",
            "A canon can harden into a bubble; add one new source a quarter.",
        ),
    )


def _budget_check(
    per: int, cadence: str, weekly_minutes: float, budget: float, hours: float
) -> str:
    """Cadence × papers × minutes against the reading budget: say so when they disagree."""
    if weekly_minutes > budget * 1.05:
        weekly = max(1, min(MAX_PER_DIGEST, int(budget // MINUTES_PER_PAPER)))
        return (
            f"Note: even {plural(per, 'paper')} a {_period(cadence)} takes "
            f"{plural(round(weekly_minutes), 'minute')} a week, more than your "
            f"{_reading(hours)} a week: a weekly digest of {plural(weekly, 'paper')} "
            "fits, or give reading more time."
        )
    if per == MAX_PER_DIGEST and weekly_minutes < budget * 0.8:
        return (
            f"Your {_reading(hours)} a week would allow more, but {MAX_PER_DIGEST} "
            "papers is the most one digest carries: a shorter cadence would use the time."
        )
    return ""


def _reading(hours: float) -> str:
    """ "15 minutes" under an hour ("0.2 hours" hid a quarter hour), else "2.5 hours"."""
    return plural(round(hours * 60), "minute") if hours < 1 else plural(hours, "hour")


def _on_day(cadence: str, day: int | None) -> str:
    """When the digest comes: a monthly one on the 1st, whatever day was named ("first
    Monday of the month"), as the digest schedules it."""
    if cadence == "monthly" and day is not None:
        named = DAYS[day].title()
        return f", on the 1st of every month (not on a {named}: a monthly digest keeps the 1st)"
    if cadence == "monthly":
        return ", on the 1st of every month"
    return f", on {DAYS[day].title()}s" if day is not None else ""


def _scaled(raw: dict[str, float]) -> str:
    """ "60/30/20" adds to 110%: said, since the weights shown are not the ones typed."""
    total = sum(max(v, 0.0) for v in raw.values())
    if not raw or not total or abs(total - 100) <= 1:
        return ""
    return f" (your figures added up to {number(total, 1)}, not 100: scaled)"


def _period(cadence: str) -> str:
    return {"daily": "day", "weekly": "week", "biweekly": "fortnight", "monthly": "month"}.get(
        cadence, "week"
    )


SHOWN = 20  # pasted papers the report lists one by one; the rest are counted


def _first_triage(
    pasted: list[str], profile: dict[str, Any], shifts: Sequence[Shift]
) -> tuple[str, ...]:
    """Rank the pasted titles or links with the new profile (links are judged by their text);
    a paper the research context describes is judged by that description too."""
    from consultations.triage.papers import Paper, arxiv_id
    from consultations.triage.pipeline import triage
    from consultations.triage.scorer import Profile

    links, titles = _links_and_titles(pasted)
    described = [t for t in titles if _DESCRIBED.match(t)]
    titles = [t for t in titles if t not in described]
    known = {n: _known(text, shifts) for n, text in enumerate(titles, 1)}
    papers = [
        Paper(
            id=f"pasted:{n}",
            title=text[:1000],
            arxiv_id=arxiv_id(text),
            abstract=_described_as(shift) if (shift := known[n]) else "",
            affiliations=_labs_named(shift, profile["canon"]) if (shift := known[n]) else (),
        )
        for n, text in enumerate(titles, 1)
    ]
    ranked = triage(papers, Profile.model_validate(profile), top=None) if papers else []
    award = {f"pasted:{n}": s for n, s in known.items() if s is not None}
    return (
        tuple(
            f"{r.title} — {r.score:.0f}/100. {r.why}"
            + (
                f" (A NeurIPS 2025 award paper: judged on what shift {s.number}, "
                f"{SHIFT_NAMES.get(s.number, s.name)}, says of it too.)"
                if (s := award.get(r.id))
                else ""
            )
            for r in ranked[:SHOWN]
        )
        + (
            (
                f"{plural(len(ranked) - SHOWN, 'more paper')} ranked lower, from "
                f"{ranked[SHOWN].score:.0f}/100 down: `/neurips triage` (or `neurips-advisor "
                "triage FILE`) ranks a whole list and shows each.",
            )
            if len(ranked) > SHOWN
            else ()
        )
        + tuple(
            f"{link} — not judged: offline a link has no title to read; paste the paper's title "
            "to rank it here."
            for link in links
        )
        + tuple(
            f"{text} — not judged: that describes a paper rather than titling it; paste its title "
            "to rank it here."
            for text in described
        )
    )


def _known(title: str, shifts: Sequence[Shift]) -> Shift | None:
    """The shift whose paper this pasted title is ("Gated Attention for Large Language Models"
    is the start of that best paper's title), or None."""
    said = _words(title)
    if len(said) < 12 or " " not in said:  # "Artificial Hivemind", not "attention"
        return None
    for shift in shifts:
        full = _words(shift.paper or "")
        if full and full.startswith(said):
            return shift
    return None


def _words(title: str) -> str:
    """A title's words, as typed or not: "Don't" and "Dont" are one word."""
    return " ".join(re.findall(r"\w+", re.sub(r"['’]", "", title.casefold())))


def _described_as(shift: Shift) -> str:
    return " ".join((shift.summary, *shift.facts, shift.consequence))


def _labs_named(shift: Shift, canon: Sequence[str]) -> tuple[str, ...]:
    """The canon's labs and authors the research context names as this paper's own."""
    return tuple(c for c in canon if c.casefold() in shift.summary.casefold())


_DESCRIBED = re.compile(  # "the Qwen gated attention paper", "that RLVR one"
    r"^(?:the|that|this|those|these)\b.{0,80}\b(?:paper|papers|one|ones|work|study|preprint|"
    r"article|result)\W*$",
    re.I,
)


_LINK = re.compile(r"(?:https?://|www\.|arxiv\.org/)\S+", re.I)
_LINK_JOINER = re.compile(r"^(?:and|plus|also|&|,|;)\s+|\s+(?:and|plus|&)$", re.I)


def _links_and_titles(pasted: list[str]) -> tuple[list[str], list[str]]:
    """ "https://arxiv.org/abs/2505.06708 and that gated attention paper": a link (no title
    to judge offline) and a title; a link with a title beside it is judged by the title."""
    links: list[str] = []
    titles: list[str] = []
    for item in pasted:
        found = _LINK.findall(item)
        rest = _LINK_JOINER.sub("", _LINK.sub(" ", item).strip(" ,;()")).strip()
        if found and len(rest.split()) < 3:
            links.extend(found)
        elif found and re.search(r"\s(?:and|plus|&)\s", f" {_LINK.sub(' LINK ', item)} "):
            links.extend(found)  # two things joined: the link, and a title
            titles.append(rest)
        else:
            quoted = _QUOTED.findall(item)  # 'this one i saw on twitter: "…" idk': the title
            titles.append(quoted[0] if len(quoted) == 1 and len(quoted[0].split()) >= 3 else item)
    return links, titles


_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{8,300})[\"“”«»]")


def _read_in_english(typed: Sequence[str]) -> str:
    """ " (read in English, as papers are written: Agenten → agents)", or ""."""
    read = [f"{t} → {', '.join(e)}" for t in typed if (e := in_english(t)) != (t,)]
    return f" (read in English, as papers are written: {'; '.join(read)})" if read else ""


def _digests(cadence: str) -> str:
    """ "1 digest", "7 digests", "0.23 digests" (monthly is 12 in 52 weeks)."""
    n = PER_WEEK.get(cadence, 1.0)
    return "1 digest" if n == 1 else f"{number(n, 2)} digests"


def _left_out(canon: Sequence[str]) -> str:
    vague = [c for c in canon if _VAGUE.match(c)]
    # "DeepMind, Mistral; left out, …": not read as a note on the last lab named
    return f"; left out, as it names no lab or author: {'; '.join(vague)}" if vague else ""
