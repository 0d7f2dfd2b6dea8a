"""The weekly research digest: when a subscription is due, and what it says. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from consultations.scripts import Question
from consultations.text import literal
from consultations.triage.profile import Profile
from consultations.triage.results import TriageResult

MAX_TOP = 20  # papers in one digest
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# whole words only: "monthly" is not Monday, "sunshine" is not Sunday
_DAY_WORDS = {
    **{d: n for n, d in enumerate(DAYS)},
    **{d + "s": n for n, d in enumerate(DAYS)},
    **{d[:3]: n for n, d in enumerate(DAYS)},
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
# common abbreviations → the zone they usually mean (with its daylight saving time)
ZONE_ABBREVIATIONS = {
    "utc": "UTC",
    "gmt": "Etc/GMT",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "est": "America/New_York",
    "edt": "America/New_York",
    "ist": "Asia/Kolkata",
    "jst": "Asia/Tokyo",
    "bst": "Europe/London",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "aest": "Australia/Sydney",
}
_AREAS = ("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
# a part of the day after a time ("8:30 in the morning", "5 in the afternoon")
_PART_OF_DAY = {"morning": "am", "afternoon": "pm", "evening": "pm", "night": "pm"}


@cache
def city_zones() -> dict[str, str]:
    """A zone's city as people type it ("london", "new york", "sao paulo") → its Area/City
    name; a city two areas share (none today) is left out rather than guessed."""
    found: dict[str, set[str]] = {}
    for name in available_timezones():
        area, _, city = name.partition("/")
        if area in _AREAS and city and "/" not in city:
            found.setdefault(city.replace("_", " ").casefold(), set()).add(name)
    return {city: next(iter(zones)) for city, zones in found.items() if len(zones) == 1}


Cadence = Literal["daily", "weekly", "biweekly", "monthly"]
CADENCES: dict[str, Cadence] = {c: c for c in get_args(Cadence)}


def cadence_words(choice: Question) -> dict[str, Cadence]:
    """The words `digest mine …` reads as a cadence ("fortnightly", "every other week", "once
    a month"): the Research Curation's cadence choice, its values and synonyms, so a cadence
    means the same in the consultation and in the command. A day's name there ("fridays") is
    left to be read as the digest's day (a day is weekly anyway)."""
    words: dict[str, Cadence] = dict(CADENCES)
    for option in choice.choices:
        if (cadence := CADENCES.get(option.value)) is not None:
            named = (option.value, option.label, *option.synonyms)
            words |= {w.casefold(): cadence for w in named if w.casefold() not in _DAY_WORDS}
    return words


_OFFSET_ZONE = re.compile(r"(?:utc|gmt)([+-])(\d{1,2})(?::?00)?")
# what a user's own digest may read: built-in lists, arXiv queries, OpenReview venues, feeds
SOURCE_NAMES = {  # the curation consultation's choices → a source spec
    "arxiv": "arxiv",  # the deployment's arXiv query (NEURIPS_DIGEST_SOURCE)
    "neurips2025": "neurips2025",
    "colm2025": "colm2025",
    "openreview": "openreview:NeurIPS.cc/2025/Conference",
}
_EPOCH_MONDAY = date(1970, 1, 5)


def subscription_key(platform: str, workspace: str, channel: str) -> str:
    """The one way a channel's digest is named (subscriptions, ledgers, reactions)."""
    return f"{platform}:{workspace}:{channel}"


def personal_channel(user: str) -> str:
    """Where a user's own digest goes: their direct messages with the bot ("@" + user id)."""
    return "@" + user


class Subscription(BaseModel):
    model_config = ConfigDict(extra="forbid")

    platform: str = Field(pattern=r"^(slack|teams)$")
    workspace: str = Field(pattern=r"^[A-Za-z0-9._:@-]{1,128}$")
    channel: str = Field(pattern=r"^[A-Za-z0-9._:@;-]{1,200}$")
    day: int = Field(default=0, ge=0, le=6)  # Monday = 0
    at: time = time(9, 0)
    timezone: str = "UTC"
    top: int = Field(default=5, ge=1, le=MAX_TOP)
    profile: Profile = Field(default_factory=Profile)
    subscribed_by: str = ""
    cadence: Cadence = "weekly"
    user: str = ""  # set: one user's own digest (in their DMs), ranked by their own taste
    sources: tuple[str, ...] = ()  # source specs; none: the deployment's default source

    @field_validator("sources")
    @classmethod
    def _sources(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for spec in v:
            if not spec.startswith(("arxiv:", "openreview:", "https://", "http://")) and (
                spec not in SOURCE_NAMES.values()
            ):
                raise ValueError(f"{spec!r} is not a source a digest can read")
        return tuple(dict.fromkeys(v))[:10]

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, tz: str) -> str:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise ValueError(f"unknown time zone {tz!r} (for example Europe/Paris)") from e
        return tz

    @model_validator(mode="after")
    def _personal_is_its_owners(self) -> Subscription:
        """ "@user" names that user's own digest: no one else's subscription can take it."""
        if self.channel.startswith("@") != bool(self.user) or (
            self.user and self.channel != personal_channel(self.user)
        ):
            raise ValueError(f"{self.channel!r} is not a channel")
        return self

    @property
    def key(self) -> str:
        return subscription_key(self.platform, self.workspace, self.channel)

    def describe(self) -> str:
        at = f"{self.at:%H:%M:%S}" if self.at.second else f"{self.at:%H:%M}"
        when = {
            "daily": "every day",
            "weekly": f"every {DAYS[self.day].title()}",
            "biweekly": f"every other {DAYS[self.day].title()}",
            "monthly": "on the 1st of every month",
        }[self.cadence]
        text = f"{when} at {at} {shown_zone(self.timezone)}, top {self.top}"
        return text + (f", from {', '.join(self.sources)}" if self.sources else "")


def shown_zone(tz: str) -> str:
    """A zone as people write it: "Etc/GMT-2" (the POSIX sign, inverted) is UTC+2."""
    if m := re.fullmatch(r"Etc/GMT([+-])(\d{1,2})", tz):
        return f"UTC{'-' if m[1] == '+' else '+'}{m[2]}"
    return tz


def period_of(sub: Subscription, now: datetime) -> str:
    """The period ``now`` falls in, counted from the subscription's slot: a day, an ISO week,
    a pair of ISO weeks (paired from a fixed Monday, 1970-01-05) or a month."""
    local = now.astimezone(ZoneInfo(sub.timezone))
    if sub.cadence == "daily":
        day = local.date() - timedelta(days=1 if local.time() < sub.at else 0)
        return day.isoformat()
    if sub.cadence == "monthly":
        first = local.date().replace(day=1)
        if local < datetime.combine(first, sub.at, tzinfo=local.tzinfo):
            first = (first - timedelta(days=1)).replace(day=1)
        return f"{first:%Y-%m}"
    slot = datetime.combine(
        local.date() - timedelta(days=(local.weekday() - sub.day) % 7), sub.at, tzinfo=local.tzinfo
    )
    if slot > local:
        slot -= timedelta(days=7)
    if sub.cadence == "biweekly":
        pair = (slot.date() - timedelta(days=slot.weekday()) - _EPOCH_MONDAY).days // 14
        first = _EPOCH_MONDAY + timedelta(days=14 * pair)
        (year, week, _), (_, then, _) = first.isocalendar(), (first + timedelta(7)).isocalendar()
        return f"{year}-W{week:02d}/W{then:02d}"
    year, week, _ = slot.isocalendar()
    return f"{year}-W{week:02d}"


def due_period(sub: Subscription, now: datetime, last: str | None) -> str | None:
    """The period to post for now, or None when this period's digest is already out."""
    period = period_of(sub, now)
    return None if period == last else period


_WORKDAYS = {"weekday", "workday", "work day", "business day", "working day"}  # not offered
_FILLERS = {"at", "on", "every", "each", "in", "the", "around", "from", "time"}
_POLITE = {"pls", "plz", "please", "thanks", "thx", "ty", "thank", "you"}  # said, not options
_TOP = re.compile(r"top(\d{1,3})?")  # "top 3", "top3"
_MERIDIEM = re.compile(r"[ap]\.?m\.?")
_CLOCK = re.compile(  # 09:00, 9:30:00, 9am, 9:30 p.m., 21h, 9h30, 9.30am, 0800; noon, midnight
    r"(?P<h>\d{1,2})(?:(?P<sep>[:h.])(?P<m>\d{2})?(?::(?P<s>\d{2}))?)?(?P<ampm>[ap]\.?m\.?)?"
    r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?:\s?h(?:rs|ours)?)?"  # military: 0800, 1430hrs
    r"|(?P<word>noon|midday|midnight)"
)


def _meridiem(low: str, rest: list[str]) -> str:
    """After a number, takes an "am"/"pm" that stands as its own word next."""
    if low.isdigit() and rest and _MERIDIEM.fullmatch(rest[0].casefold()):
        return rest.pop(0).casefold()
    return ""


def _time_of(clock: re.Match[str], typed: str, part_of_day: bool = False) -> time:
    """``part_of_day``: "in the morning" follows, so a bare "9" is a time of day."""
    if clock["word"]:
        return time(0) if clock["word"] == "midnight" else time(12)
    if clock["hh"]:
        return time(int(clock["hh"]), int(clock["mm"]))
    if not (clock["sep"] or clock["ampm"] or part_of_day):  # a bare "9" could be a day of the
        raise ValueError(f"{typed!r}: give a time of day as HH:MM or 9am")  # month
    hh, mm, ss = int(clock["h"]), int(clock["m"] or 0), int(clock["s"] or 0)
    if clock["ampm"]:
        if not 1 <= hh <= 12:
            raise ValueError(f"{typed!r} is not a time of day (HH:MM or 9am)")
        hh = hh % 12 + (12 if clock["ampm"].startswith("p") else 0)
    try:
        return time(hh, mm, ss)
    except ValueError as e:
        raise ValueError(f"{typed!r} is not a time of day (HH:MM or 9am)") from e


def parse_subscribe(
    words: Sequence[str], personal: bool = False, cadences: Mapping[str, Cadence] = CADENCES
) -> dict[str, object]:
    """`[#channel] [day] [HH:MM] [Area/City] [top N]` in any order; unknown words are an
    error. A personal digest also takes a cadence (`daily`…`monthly`, or any of ``cadences``:
    see :func:`cadence_words`)."""
    out: dict[str, object] = {}
    rest = list(words)
    part = next((w for w in rest if w.casefold().strip(",.") in _PART_OF_DAY), None)
    while rest:
        w = rest.pop(0)
        low = w.casefold().rstrip(",")
        city = f"{low} {rest[0].casefold().rstrip(',')}" if rest else ""
        said = [low, *(x.casefold().rstrip(",.") for x in rest)]
        if cadence := _cadence(low, rest, cadences):
            phrase = said[: len(said) - len(rest)]  # "every other friday": its day too
            if day := next((d for d in phrase if d in _DAY_WORDS), None):
                out["day"] = _DAY_WORDS[day]
            if not personal and cadence != "weekly":
                raise ValueError(
                    f"a channel's digest comes weekly (give it a day, e.g. 'friday 09:00'); "
                    f"{cadence} is for your own digest: `digest mine {cadence}`"
                )
            if personal:
                out["cadence"] = cadence
        elif (top := _TOP.fullmatch(low)) and (top[1] or (rest and rest[0].isdigit())):
            n = int(top[1] or rest.pop(0))
            if not 1 <= n <= MAX_TOP:
                raise ValueError(f"a digest lists 1 to {MAX_TOP} papers, not {n}")
            out["top"] = n
        elif channel := _channel(w):
            out["channel"] = channel
        elif low.rstrip(".") in _DAY_WORDS:
            out["day"] = _DAY_WORDS[low.rstrip(".")]
        elif low in _FILLERS or low.strip("!.") in _POLITE:  # "every monday", "daily pls"
            continue
        elif clock := _CLOCK.fullmatch(low + _meridiem(low, rest)):  # "9 am": two words
            out["at"] = _time_of(clock, w, part is not None)
        elif low.strip(".") in _PART_OF_DAY:
            continue  # read with the time, below
        elif low.rstrip("s") in _WORKDAYS or f"{low} {city.partition(' ')[2]}" in _WORKDAYS:
            raise ValueError(
                "there is no weekdays-only digest; yours can come `daily` (weekends too) "
                "or once a week on one day, e.g. 'monday 08:00'"
                if personal
                else "a channel's digest comes once a week, on one day (e.g. 'monday 08:00'); "
                "every day is for your own digest: `digest mine daily`"
            )
        elif low in ZONE_ABBREVIATIONS:
            out["timezone"] = ZONE_ABBREVIATIONS[low]
        elif offset := _OFFSET_ZONE.fullmatch(low):  # "UTC+2": Etc's signs are the other way
            sign, hours = ("-" if offset[1] == "+" else "+"), int(offset[2])
            out["timezone"] = _zone(f"Etc/GMT{sign}{hours}" if hours else "UTC")
        elif "/" in w:
            out["timezone"] = _zone(w)
        elif low in city_zones() or city in city_zones():  # "London", "new york"
            out["timezone"] = city_zones().get(low) or city_zones()[city]
            if low not in city_zones():
                rest.pop(0)
        else:
            usage = (
                "a cadence (daily, weekly, biweekly, monthly), a day, a time, a time zone and "
                "top N, each if you like, e.g. 'daily 08:00 Europe/Paris top 3'"
                if personal
                else "#channel, a day, a time, a time zone and top N, each if you like, e.g. "
                "'#research monday 09:00 Europe/Paris top 5'"
            )
            raise ValueError(f"I did not understand {w!r}: use {usage}")
    at = out.get("at")
    pm = part is not None and _PART_OF_DAY[part.casefold().strip(",.")] == "pm"
    if pm and isinstance(at, time) and 0 < at.hour < 12:  # "5 in the afternoon"
        out["at"] = at.replace(hour=at.hour + 12)
    return out


def _cadence(low: str, rest: list[str], cadences: Mapping[str, Cadence]) -> Cadence | None:
    """The cadence a word names ("weekly"), or it and the words after it ("every other week",
    taken from ``rest``); None when they name none."""
    longest = max((len(w.split()) for w in cadences), default=1)
    for n in range(longest, 0, -1):  # the longest first: "every other week" before "every week"
        words = [low, *(w.casefold().rstrip(",.") for w in rest[: n - 1])]
        if len(words) == n and (cadence := cadences.get(" ".join(words))):
            del rest[: n - 1]
            return cadence
    return None


def _channel(word: str) -> str:
    """The channel a word names ("#research", Slack's "<#C77|research>"), else ""."""
    return word.strip("<>#").split("|")[0] if word.startswith(("#", "<#")) else ""


def named_channel(words: Sequence[str]) -> str | None:
    """The channel `digest unsubscribe #research` (or preview, now) names, if any."""
    return next((c for w in words if (c := _channel(w))), None)


def day_in(text: str) -> int | None:
    """The weekday a sentence names ("friday mornings would be nice"), Monday = 0."""
    for word in re.findall(r"[a-z]+", text.casefold()):
        if len(word) >= 3 and word in _DAY_WORDS:
            return _DAY_WORDS[word]
    return None


def personal_options(profile: Mapping[str, object]) -> dict[str, object]:
    """A finished Research Curation's answers as a personal digest's settings: its cadence,
    papers per issue and sources (names the digest cannot read, such as newsletters, drop out)."""
    cadence = CADENCES.get(str(profile.get("cadence", "weekly")), "weekly")
    raw = profile.get("sources")
    names = [str(n) for n in raw] if isinstance(raw, (list, tuple)) else []
    specs = tuple(SOURCE_NAMES[n] for n in names if n in SOURCE_NAMES)
    per = profile.get("papers_per_digest")
    top = int(per) if isinstance(per, (int, float)) else 5
    day = profile.get("day")
    return {
        "cadence": cadence,
        "top": max(1, min(20, top)),
        "sources": () if specs == ("arxiv",) else specs,  # () is the default source
        **({"day": day} if isinstance(day, int) and 0 <= day <= 6 else {}),
    }


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise ValueError(
            f"unknown time zone {name!r}: use Area/City (e.g. Europe/Paris) or one of "
            f"{', '.join(k.upper() for k in ZONE_ABBREVIATIONS)}"
        ) from e
    return name


def pick(
    results: Iterable[TriageResult],
    posted: set[str],
    top: int,
    feedback: dict[str, float] | None = None,
) -> list[TriageResult]:
    """The best papers not yet posted to this channel; reactions nudge the order."""
    nudged = sorted(
        (r for r in results if r.id not in posted and r.questions),
        key=lambda r: -(r.score + 5.0 * (feedback or {}).get(r.id, 0.0)),
    )
    return nudged[:top]


def header(items: Sequence[TriageResult], period: str | None = None, personal: bool = False) -> str:
    name = "Your research digest" if personal else "Research digest"
    if not items:
        return f"**{name}** — nothing new passed the filter this time."
    head = f"**{name}{f' — {period}' if period else ''}** · {len(items)} papers that "
    return head + "answer cost, failure or compute. React 👍 or 👎 to an item to tune this digest."


def item(n: int, r: TriageResult, platform: str) -> str:
    """One paper, in our Markdown for ``platform``: its title and why are untrusted, shown as
    typed (a "*" in a title cannot end the bold)."""
    return f"{n}. **{literal(r.title, platform)}** ({r.score:.0f}/100) — {literal(r.why, platform)}"


def render(items: Sequence[TriageResult], platform: str, period: str | None = None) -> str:
    """The whole digest as one text (previews)."""
    lines = (item(n, r, platform) for n, r in enumerate(items, 1))
    return "\n".join([header(items, period), *lines])


REACTIONS = {"+1": 1, "thumbsup": 1, "-1": -1, "thumbsdown": -1}


def nudged(profile: Profile, nudges: dict[str, float]) -> Profile:
    """A channel's reactions tilt the weights of the three questions (each within ±50%)."""
    if not nudges:
        return profile
    weights = {
        q: w * (1 + 0.1 * max(-5.0, min(5.0, nudges.get(q, 0.0))))
        for q, w in profile.weights.items()
    }
    return profile.model_copy(update={"weights": Profile(weights=weights).weights})
