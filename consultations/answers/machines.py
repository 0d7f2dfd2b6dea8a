"""Machines typed with an amount: "an RTX 4090" is a name, not 4,090; "2 servers at 40k each"
is 80k for two machines."""

from __future__ import annotations

import re
from dataclasses import replace

from consultations.answers.amounts import typed_figure
from consultations.answers.lexer import Quantity, scan
from consultations.answers.units import THINGS

_CARD = r"[1-5]0[5-9]0(?:\s?ti)?"  # a graphics card's model number: 3090, 4090 Ti
_HARDWARE = re.compile(  # "an RTX 4090", "4 A100s", "H100 servers": names, not amounts
    r"\b(?:rtx|gtx|rx|geforce|radeon)[\s-]?\d{3,4}(?:\s?(?:ti|super|xtx?))?s?\b"
    r"|\b(?:[abhlv]\d{2,3}|[lt]4|l40s?|[gb]h?\d{3}|mi\d{3}x?)s?\b"
    rf"|(?:(?<=\ba )|(?<=\ban )|(?<=\bmy )|(?<=\bour )|(?<=\bx )){_CARD}\b"
    rf"|\b{_CARD}(?:s\b|(?=\s*(?:gpus?|cards?)\b))",
    re.I,
)
_COUNTED = re.compile(  # what follows a count of machines: "4x ####", "2 servers", "three boxes"
    r"\s*(?:x|×)?\s*(?:\x00+|(?:gpus?|cards?|servers?|box(?:es)?|machines?|nodes?|macs?|"
    r"laptops?|workstations?|devices?|phones?)\b)",
    re.I,
)
_EACH = re.compile(  # "1.200 EUR/month each": a period may come between the price and "each"
    r"\s*(?:(?:/|per\s+|a\s+)\s*(?:month|mo|year|yr|week|day|hour|h)\b\s*)?"
    r"(?:each|apiece|a piece|per (?:gpu|card|server|box|machine|node|unit|device))\b",
    re.I,
)
_SERVERS = re.compile(  # a count of whole machines, not of the cards in one: "2 servers",
    # "3 H100 boxes", "4 GPU servers"; "2x H100 box" is two cards in one box
    r"\s*(?:x|×)?\s*(?:(?:\x00+\s*)?(?:(?:gpu|inference|dedicated|rack|bare[- ]metal)\s+)?"
    r"(?:servers|box(?:es)|machines|nodes|workstations)\b"
    r"|(?:servers?|box|machine|node|workstation)\b)",
    re.I,
)


_TIMES_AFTER = re.compile(
    r"\s*(?:/\s*(?:box|server|machine|node|gpu|unit)\s*)?(?:x|×|times)\s*(?P<n>\d{1,3})(?!\d|[.,]\d)",
    re.I,
)


_PER_BOX_TIMES = re.compile(
    r"/\s*(?:box|server|machine|node)\s*(?:x|×|times)\s*(?P<n>\d{1,3})(?!\d|[.,]\d)", re.I
)


def mask_hardware(text: str) -> str:
    """Hardware names blanked out so their digits are never read as amounts."""
    return _HARDWARE.sub(lambda m: "\x00" * len(m.group()), text)


def machines_priced(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "2 H100 servers at 35k each": the 2 counts machines, so it is no amount; a price "each"
    after it is multiplied by it, and said back."""
    out: list[Quantity] = []
    machines: Quantity | None = None
    counted_to = -1  # "$35k x 2": the 2 is counted in, not an amount of its own
    for q in found:
        if q.start < counted_to:
            continue
        if q.currency and (times := _TIMES_AFTER.match(text, q.end)):  # "$30k/box x2"
            boxes = int(times.group("n"))
            said = f"{q.text.strip()} × {boxes}"
            q = replace(q, readings=tuple(r * boxes for r in q.readings), note=said)
            counted_to = times.end()
        prev = out[-1] if out else machines
        if (  # "2 × $35k", "2 servers × $35k", "2 * 35k": the count times the price
            prev is not None
            and _bare_count(prev)
            and (q.currency or q.scale != 1)
            and _TIMES_BEFORE.fullmatch(text[prev.end : q.start])
        ):
            n = prev.readings[0]
            head = re.sub(
                r"\s*(?:\*|×|x|times)\s*(?=[$€£¥]?\s*$)", " × ", text[prev.start : q.start]
            )
            said = f"{head.strip()}{' ' if head.endswith(' ') else ''}{text[q.start : q.end]}"
            q = replace(q, readings=tuple(r * n for r in q.readings), note=said)
            out = [x for x in out if x is not prev]
            machines = None if prev is machines else machines
            out.append(q)
            continue
        if q.currency is None and q.scale == 1 and q.unit is None and _COUNTED.match(text, q.end):
            machines = q
            continue
        if machines is not None and len(machines.readings) == 1 and _EACH.match(text, q.end):
            n = machines.readings[0]
            said = f"{machines.text.strip()} × {q.text.strip()} each"
            q = replace(q, readings=tuple(r * n for r in q.readings), note=said)
        out.append(q)
    return out


_TIMES_BEFORE = re.compile(  # between a count and a price: " × $", "x", " servers × ", " * "
    r"\s*(?:[\x00\w-]+\s*){0,2}?(?:x|×|\*|times)\s*[$€£¥]?\s*", re.I
)


def _bare_count(q: Quantity) -> bool:
    return (
        q.currency is None
        and q.scale == 1
        and q.unit is None
        and len(q.readings) == 1
        and 1 <= q.readings[0] < 1000
    )


def servers_priced(text: str) -> int:
    """How many servers an amount was given for ("2 servers at 40k each", "three H100 boxes");
    1 when no count of servers is typed."""
    masked = mask_hardware(text)
    if each := _PER_BOX_TIMES.search(masked):  # "$30k/box x2"
        return int(each.group("n"))
    for q in scan(masked):
        count = len(q.readings) == 1 and 1 <= q.readings[0] < 1000  # not a card's "4090"
        bare = count and q.currency is None and q.scale == 1 and q.unit is None
        if bare and _SERVERS.match(masked, q.end):
            return int(q.readings[0])
    return 1


_SEATS = re.compile(
    r"\s*(?:users?|seats?|licen[cs]es?|people|employees|devs?|developers?|engineers?|"
    r"accounts?)\b",
    re.I,
)
_PER_SEAT = re.compile(
    r"\s*(?:(?:/\s*|per\s+|a\s+)(?:user|seat|licen[cs]e|person|head|dev|account)\b|each\b)",
    re.I,
)
_PER_THING = re.compile(r"\s*(?:/\s*|per\s+|a\s+|an\s+)(?P<noun>[a-z]+)\b", re.I)
_PRICE_BEFORE = re.compile(r"(?:\bat|@|\bx|×|\btimes)\s*[$€£¥]?\s*$", re.I)


def seats_priced(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "30 users at $60", "$20/user/month, 50 users", "3M requests at $0.002 each": the seats
    or things times the price of one, said back ("30 users × $60"); the count is no amount.
    A count given per period ("5k runs a day") keeps its period when the price has none."""
    seats = [
        q
        for q in found
        if q.currency is None
        and q.unit in (None, "fte")
        and (_SEATS.match(text, q.end) or THINGS.match(text, q.end))
    ]
    prices = [q for q in found if q.currency is not None]
    if not prices and len(seats) == 1 and len(found) == 2:  # "20 seats at 30 each": no sign
        prices = [q for q in found if q is not seats[0] and q.unit is None]
    if len(seats) != 1 or len(prices) != 1 or len(seats[0].readings) != 1:
        return found
    seat, price = seats[0], prices[0]
    named = _SEATS.match(text, seat.end) or THINGS.match(text, seat.end)
    if named is None:  # pragma: no cover - a seat is named by one of them
        return found
    each = (
        _PER_SEAT.match(text, price.end)
        or _per_the_thing(text, price.end, named.group())
        or (price.start > seat.end and _PRICE_BEFORE.search(text[seat.end : price.start]))
    )
    if not each:
        return found
    n = seat.readings[0]
    counted = text[seat.start : named.end()].strip()
    said = f"{counted} × {typed_figure(text, price)}"  # "8k each for 2 vendors": "2 vendors × 8k"
    rate = price.rate or seat.rate
    total = replace(price, readings=tuple(r * n for r in price.readings), note=said, rate=rate)
    return [total if q is price else q for q in found if q is not seat]


def _per_the_thing(text: str, end: int, things: str) -> bool:
    """ "$0.002 per request" after "3M requests": the price is of one of the things counted."""
    m = _PER_THING.match(text, end)
    one = things.strip().split()[-1].casefold()
    return m is not None and one.startswith(m["noun"].casefold().rstrip("s")[:4])
