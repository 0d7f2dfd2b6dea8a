"""What a roadmap costs and what it stops: effort per item (our rough sizing, stated as such),
its price at a loaded engineer-day, and the work to stop or not start, from the user's own
constraints, goals and earlier verdicts. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from consultations.advisors.day_rate import day_rate
from consultations.advisors.synthesis_items import Item, effort_weeks
from consultations.advisors.words import join, money, plural
from consultations.answers import Answer
from consultations.answers.lexer import scan
from consultations.answers.money import CURRENCY_WORDS, currency_code
from consultations.answers.rates import rate_after

WEEKS_A_YEAR = 46  # working weeks a person gives a year, after leave and holidays (ours)


def cost(weeks: float, cur: str = "USD") -> float:
    return weeks * 5 * day_rate(cur)


_PLACES = (  # where the user says they work, for the currency their costs are in (ours)
    ("GBP", r"uk|u\.k\.|united kingdom|britain|british|england|scotland|london|fca|royaume-uni"),
    ("CHF", r"switzerland|swiss|finma|zurich|geneva|schweiz|suisse|zürich|genève|basel|bern"),
    (
        "INR",
        r"india|indian|bharat|bengaluru|bangalore|mumbai|delhi|hyderabad|pune|chennai|rbi|sebi",
    ),
    (
        "EUR",
        r"eu|e\.u\.|europe|european|eurozone|euro area|ecb|bafin|germany|german|france|french|"
        r"netherlands|dutch|nl|spain|spanish|italy|italian|austria|austrian|belgium|ireland|"
        r"irish|finland|portugal|greece|luxembourg|dach|benelux|berlin|paris|amsterdam|munich|"
        r"frankfurt|madrid|milan|dublin|vienna|deutschland|österreich|frankreich|spanien|italien|"
        r"niederlande|europa|allemagne|autriche|espagne|italie|belgique|pays-bas|münchen|wien|"
        r"köln|hamburg",
    ),
)


_NAMES = {
    "GBP": "pounds",
    "CHF": "Swiss francs",
    "EUR": "euros",
    "USD": "US dollars",
    "INR": "rupees",
}
_INDIAN = re.compile(r"\d\s*(?:lakhs?|crores?|cr)\b", re.I)  # "80 lakh", "1.2 crore": rupees


def currency_of(
    earlier: Iterable[Mapping[str, Answer]], said: str = "", place: str = "", use: str = ""
) -> tuple[str, str | None]:
    """The currency the user typed here ("keep AI spend under €300k", "from 1.2 crore") or in
    earlier consultations (a bank's euros), else that of a bill in their AI use that is not
    in dollars ("₹2.5 lakh a month on OpenAI": a dollar bill is the vendor's), else that of
    the place they named first ("EU + UK": euros), else dollars; with the assumption to state
    when no amount named it."""
    if m := CURRENCY_WORDS.search(said):
        return currency_code(m.group()), None
    if _INDIAN.search(said):
        return "INR", None
    for answers in earlier:
        for a in answers.values():
            if a.currency:
                return a.currency, None
    billed = [currency_code(m.group()) for m in CURRENCY_WORDS.finditer(use)]
    if own := next((c for c in billed if c != "USD"), None) or (
        "INR" if _INDIAN.search(use) else None
    ):
        return own, None
    found = [
        (m.start(), code, m.group())
        for code, words in _PLACES
        if (m := re.search(rf"(?<![a-z])(?:{words})(?![a-z])", place, re.I))
    ]
    if not found:
        return "USD", "No amount you gave named a currency: amounts are in US dollars."
    _, code, word = min(found)
    others = sorted({w for _, c, w in found if c != code})
    return code, (
        f"No amount you gave named a currency: amounts are in {_NAMES[code]}, for “{word}” "
        + (f"(named before {join([f'“{w}”' for w in others])}) " if others else "")
        + "in your industry answer; type one in a goal (“keep AI spend under $300k”) to change it."
    )


def effort_line(item: Item, cur: str) -> str:
    weeks = effort_weeks(item)
    return (
        f"Effort: about {plural(weeks, 'person-week')} "
        f"(≈ {money(cost(weeks, cur), cur)} at {money(day_rate(cur), cur)} a day)."
    )


VERDICT_STOPS = (  # an earlier verdict that says what not to do this year
    (
        "edge-economics",
        "Stay",
        "Stop planning local inference hardware this year: your edge "
        "consultation found the API cheaper at your volume.",
    ),
    (
        "attention-readiness",
        "Keep",
        "Stop rebuilding your long-context pipelines this year: "
        "your attention consultation found them worth keeping at today's prices.",
    ),
    (
        "automation-frontier",
        "Not yet",
        "Stop building automation for the shelved workflows "
        "until the step your automation consultation named is done.",
    ),
    (
        "model-convergence",
        "Consolidate",
        "Stop paying for the language-model vendors your side-by-side does not keep: cancel "
        "each at its renewal; your convergence consultation found one primary enough.",
    ),
    (
        "model-convergence",
        "Restructure",
        "Stop adding a language-model vendor for a second view: the Artificial Hivemind paper "
        "found language models answer open-ended questions alike; keep only the vendors your "
        "convergence consultation kept.",
    ),
    (
        "diffusion-ip-risk",
        "Risk: high",
        "Stop publishing generated images without the review and records your IP consultation "
        "set out: its risk is high today.",
    ),
    (
        "model-convergence",
        "Keep your single vendor",
        "Stop any second-vendor integration "
        "beyond a tested fallback: your convergence consultation found one vendor enough.",
    ),
)
CONSTRAINT_STOPS = {
    "budget": "Stop paying for AI tools and pilots that serve none of the goals above: list "
    "them this month and cancel each at its renewal.",
    "skills": "Stop adding vendors, SDKs or frameworks the team must learn: new work goes "
    "through what this plan already uses.",
    "regulation": "Stop putting any AI use into production before it is traced and reviewed "
    "as the plan above sets out.",
    "data": "Stop sending data to any vendor or region that has not cleared your residency rules.",
    "latency": "Stop adding model calls to the slowest path until its p95 latency is measured.",
}


_UNUSED = re.compile(  # "a RAG thing over policies nobody uses": in use, by nobody
    r"\s*(?:that\s+|which\s+)?(?:(?:nobody|no one|no-one|hardly anyone|barely anyone|few people)"
    r"\s+(?:really\s+|actually\s+)?(?:uses?|used|touches|opens)(?:\s+it)?|(?:is\s+|are\s+)?"
    r"(?:unused|not used|never used|barely used|hardly used)|den niemand nutzt|die niemand nutzt|"
    r"(?:wird\s+)?kaum genutzt|ungenutzt)\b",
    re.I,
)
_PIECE = re.compile(r"[,;]|\s+and\s+|\s+und\s+")


def unused_in(use: str) -> list[str]:
    """What the user says runs but nobody uses ("a RAG thing over policies nobody uses")."""
    out, before = [], ""
    for piece in _PIECE.split(use):
        if m := _UNUSED.search(piece):
            thing = re.sub(r"^\s*(?:we\s+(?:also\s+)?(?:have|run|use)\s+)?", "", piece[: m.start()])
            thing = thing.strip(" .(") or before.strip(" .(")  # "ein Chatbot, den niemand nutzt"
            if thing:
                out.append(thing)
        before = piece
    return out


def stops(
    verdicts: Mapping[str, str],
    constraints: Sequence[str],
    deferred: Sequence[Item],
    unserved: Sequence[str],
    unused: Sequence[str] = (),
    wait: str = "no track is free",
) -> tuple[str, ...]:
    lines = [
        text for slug, start, text in VERDICT_STOPS if verdicts.get(slug, "").startswith(start)
    ]
    lines += [
        f"Stop paying for and maintaining {u}: you say nobody uses it; switch it off this "
        "quarter unless someone names the use it will have by then."
        for u in unused
    ]
    lines += [CONSTRAINT_STOPS[c] for c in constraints if c in CONSTRAINT_STOPS]
    lines += [f"Not this year: {i.title} — {wait}." for i in deferred]
    if unserved:
        lines.append(
            f"Nothing above serves {join([f'“{g}”' for g in unserved])}: staff it beside this "
            "plan or drop it for this year, on purpose rather than by drift."
        )
    return tuple(lines)


_A_YEAR = {"w": 46.0, "2w": 23.0, "mo": 12.0, "q": 4.0, "y": 1.0}  # budget periods in a year
_PERIOD = {"w": "a week", "2w": "a fortnight", "mo": "a month", "q": "a quarter", "y": "a year"}
_YEARLY = re.compile(
    r"\b(?:for the year|this year|next year|per year|a year|annual(?:ly)?|yearly|p\.\s?a\.|pa|"
    r"im jahr|pro jahr|jährlich|par an|per annum)\b",
    re.I,
)


def budget_said(said: str) -> tuple[float, str | None, str | None] | None:
    """The budget typed beside the 'Budget' choice ("maybe 2.500 € a month tops"): the largest
    amount of money said, its currency when named, and the period it is per ("mo"; "y" for
    "for the year"; None when no period is said); None when no amount is said."""
    found = [q for q in scan(said) if q.unit is None and (q.currency or q.scale >= 1_000)]
    if not found:
        return None
    q = max(found, key=lambda q: max(q.readings))
    rate = rate_after(said, q.end)
    if rate not in _A_YEAR:
        rate = "y" if _YEARLY.search(said, q.end) else None
    return max(q.readings), q.currency, rate


def budget_figure(amount: float, rate: str | None, cur: str) -> tuple[float, str]:
    """The budget a year and how it reads back: "€2,500 a month (€30,000 a year)"."""
    if rate is None:
        return amount, f"{money(amount, cur)} (read as a year)"
    a_year = amount * _A_YEAR[rate]
    shown = f"{money(amount, cur)} {_PERIOD[rate]}"
    return a_year, shown if rate == "y" else f"{shown} ({money(a_year, cur)} a year)"


def budget_working(said: str, per_year: float, plan: float, cur: str) -> str:
    """How the budget stands against the plan's people's time, said both ways (we cannot tell
    whether it pays for the team's own time)."""
    line = f"from your answer “{said.strip()}”"
    if plan <= per_year:
        return (
            f"{line}; the plan's {money(plan, cur)} of people's time is within it, even if "
            "it must pay for that time too"
        )
    return (
        f"{line}; the plan's {money(plan, cur)} of people's time is "
        f"{money(plan - per_year, cur)} more than it: if it must pay for that time too, the last "
        "step waits or shrinks; if it only pays for what the steps buy from outside (model "
        "calls, licences, hardware), keep that within it"
    )
