"""How every advisor writes numbers: money, counts, ratios, shares and plurals. Pure.

One place, so a report never shows "$-2,590", "1 hours", "vendor(s)" or "1166% of today's
volume": negative money takes a real minus sign, large ratios read as multiples, a share of
nothing is not a share, and a noun agrees with its number.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from consultations.answers.model import SYMBOLS
from consultations.answers.plausible import per_usd

MINUS = "−"  # U+2212, as typeset

_IRREGULAR = {"person": "people", "policy": "policies", "company": "companies"}


def money(value: float, currency: str = "USD") -> str:
    """$40,500 · −$2,590 · €2,833 · $0.60 · $0.0081 (small amounts keep 3 significant digits)."""
    symbol = SYMBOLS.get(currency)  # a code without a sign after the amount: "64,000 CHF"
    if not math.isfinite(value):
        return "no finite amount"
    sign = MINUS if value < 0 else ""
    v = abs(value)
    if 100 <= v < 10_000 and f"{v:.2f}".endswith(".50"):  # a half shown, not rounded either
        body = f"{v:,.2f}"  # way: "$562.50 + $375 = $937.50", never "$562 + $375 = $938"
    elif v >= 100:
        body = f"{v:,.0f}"
    elif v >= 1 or v == 0:
        body = f"{v:,.2f}".replace(".00", "")
    else:
        body = f"{Decimal(f'{v:.3g}'):f}"  # 3 digits: "$3,000 ÷ $0.0125" works out; no "1e-05"
        body += "0" if body[-2:-1] == "." else ""  # cents as cents: "$0.60", never "$0.6"
    return f"{sign}{symbol}{body}" if symbol else f"{sign}{body} {currency}"


def assumed_rate(usd: float, currency: str = "USD") -> float:
    """A dollar threshold we assume (a spend that buys leverage) in the user's currency: the
    same figure where a unit is worth about a dollar (€20,000), converted where it is worth far
    less (₹1,700,000, never ₹20,000), to two significant digits. An engineer's day is priced
    where they work instead (``day_rate``)."""
    rate = per_usd(currency)
    if rate is None or rate < 5:
        return usd
    value = usd * rate
    return round(value, 1 - int(math.floor(math.log10(value))))


def count(value: float) -> str:
    """12,345 · −3 (whole numbers, thousands grouped, a real minus sign)."""
    if not math.isfinite(value):
        return "no finite number"
    text = f"{abs(value):,.0f}"
    return f"{MINUS}{text}" if value < 0 and text != "0" else text


def number(value: float, digits: int = 1) -> str:
    """1 · 2.5 · 1,200 — no trailing zeros."""
    if not math.isfinite(value):
        return "no finite number"
    if value == round(value):
        return count(value)
    text = f"{abs(value):,.{digits}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text  # 20.5 to 0 digits: "20"
    return f"{MINUS}{text}" if value < 0 else text


def plural(n: float, noun: str, many: str | None = None) -> str:
    """'1 hour', '2 hours', '1.5 hours', '1 person', '3 people'."""
    text = number(n)
    word = noun if text == "1" else (many or _IRREGULAR.get(noun) or _plural_of(noun))
    return f"{text} {word}"


def counted(n: float, noun: str, many: str | None = None) -> str:
    """A whole count with its noun: '1 request', '30,000 requests'."""
    text = count(n)
    word = noun if text == "1" else (many or _IRREGULAR.get(noun) or _plural_of(noun))
    return f"{text} {word}"


def _plural_of(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def times(ratio: float) -> str:
    """A ratio as people say it: '11.7×', '2×', 'about a third'... used for 'x of y'."""
    if not math.isfinite(ratio) or ratio <= 0:
        return "no"
    if ratio >= 100:
        return f"{ratio:,.0f}×"
    return f"{ratio:.1f}×".replace(".0×", "×")


def share(part: float, whole: float, what: str) -> str:
    """'part' as a share of 'whole', in words that stay readable at any size.

    Below one: "a fourteenth of today's volume" / "35% of today's volume"; above one:
    "11.7× today's volume". A whole of zero (a number nobody gave) yields no share at all.
    """
    if whole <= 0 or not math.isfinite(whole) or not math.isfinite(part) or part < 0:
        return ""
    ratio = part / whole
    if ratio == 0:
        return f"none of {what}"
    if ratio >= 1.05:
        return f"{times(ratio)} {what}"
    if ratio >= 0.95:
        return f"about {what}"
    if ratio >= 0.2:
        return f"{ratio:.0%} of {what}"
    if ratio < 1e-6:
        return f"a tiny fraction of {what}"
    fraction = round(1 / ratio)
    return f"about 1/{fraction:,} of {what}"


def percent(part: float, whole: float) -> str | None:
    """A percentage only when both numbers are real and it stays below 1,000%; else None."""
    if whole <= 0 or not math.isfinite(whole) or not math.isfinite(part):
        return None
    ratio = part / whole
    if ratio >= 10:
        return None
    if 0 < ratio < 0.0005:  # $4,800 of $3M a month is not "0%"
        return "under 0.1%"
    return f"{ratio:.1%}" if 0 < ratio < 0.0095 else f"{ratio:.0%}"


def join(items: list[str] | tuple[str, ...], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def said_once(lines: list[tuple[str, str]]) -> tuple[str, ...]:
    """'name — text' lines where a text shared by several names is said once, for all of them
    ('Each of A, B and C — text'), in the order the names first came."""
    groups: dict[str, list[str]] = {}
    for name, text in lines:
        groups.setdefault(text, []).append(name)
    return tuple(
        f"{names[0]} — {text}" if len(names) == 1 else f"Each of {join(names)} — {text}"
        for text, names in groups.items()
    )


def join_all(items: list[str] | tuple[str, ...], most: int = 8) -> str:
    """Every item named ('a, b and c'); past ``most``, the first ones and how many more, so a
    list never silently drops what the user named."""
    items = [i for i in items if i]
    if len(items) <= most:
        return join(items)
    return join([*items[: most - 1], f"{len(items) - most + 1} more"])


def possessive(name: str) -> str:
    """ "bed allocation's", "onboarding emails'" (a plural name takes the apostrophe alone)."""
    return f"{name}'" if name.endswith("s") and not name.endswith("ss") else f"{name}'s"


def quoted(text: str, limit: int = 120) -> str:
    """A user's own words quoted inside a sentence of the report: the first sentence, cut at a
    word within ``limit`` characters ("…" says so), with no closing stop ("scary.." never)."""
    first = re.split(r"(?<=[.!?])\s+|\n", text.strip(), maxsplit=1)[0].rstrip(" .!?;,")
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


SAID_BACK = 200  # characters of a long answer a report quotes (the rest is the user's own)


def briefly(text: str, limit: int = SAID_BACK) -> str:
    """A long answer quoted back to its first clauses: cut at a comma or a space, "…" after
    (a 24-tool answer filled the roadmap's opening paragraph)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = max(head.rfind(", "), head.rfind("; "))
    cut = cut if cut > limit // 2 else head.rfind(" ")
    return head[: cut if cut > 0 else limit].rstrip(" ,;") + " …"
