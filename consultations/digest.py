"""The weekly research digest: when a subscription is due, and what it says. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from consultations.triage.profile import Profile
from consultations.triage.results import TriageResult

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
}


def subscription_key(platform: str, workspace: str, channel: str) -> str:
    """The one way a channel's digest is named (subscriptions, ledgers, reactions)."""
    return f"{platform}:{workspace}:{channel}"


class Subscription(BaseModel):
    model_config = ConfigDict(extra="forbid")

    platform: str = Field(pattern=r"^(slack|teams)$")
    workspace: str = Field(pattern=r"^[A-Za-z0-9._:@-]{1,128}$")
    channel: str = Field(pattern=r"^[A-Za-z0-9._:@;-]{1,200}$")
    day: int = Field(default=0, ge=0, le=6)  # Monday = 0
    at: time = time(9, 0)
    timezone: str = "UTC"
    top: int = Field(default=5, ge=1, le=20)
    profile: Profile = Field(default_factory=Profile)
    subscribed_by: str = ""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, tz: str) -> str:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise ValueError(f"unknown time zone {tz!r} (for example Europe/Paris)") from e
        return tz

    @property
    def key(self) -> str:
        return subscription_key(self.platform, self.workspace, self.channel)

    def describe(self) -> str:
        at = f"{self.at:%H:%M:%S}" if self.at.second else f"{self.at:%H:%M}"
        return f"every {DAYS[self.day].title()} at {at} {self.timezone}, top {self.top}"


def period_of(sub: Subscription, now: datetime) -> str:
    """The weekly period ``now`` falls in, counted from the subscription's slot (ISO week)."""
    local = now.astimezone(ZoneInfo(sub.timezone))
    slot = datetime.combine(
        local.date() - timedelta(days=(local.weekday() - sub.day) % 7), sub.at, tzinfo=local.tzinfo
    )
    if slot > local:
        slot -= timedelta(days=7)
    year, week, _ = slot.isocalendar()
    return f"{year}-W{week:02d}"


def due_period(sub: Subscription, now: datetime, last: str | None) -> str | None:
    """The period to post for now, or None when this period's digest is already out."""
    period = period_of(sub, now)
    return None if period == last else period


def parse_subscribe(words: Sequence[str]) -> dict[str, object]:
    """`[#channel] [day] [HH:MM] [Area/City]` in any order; unknown words are an error."""
    out: dict[str, object] = {}
    for w in words:
        low = w.casefold().rstrip(",")
        if low.startswith("<#") or low.startswith("#"):
            out["channel"] = w.strip("<>#").split("|")[0]
        elif low.rstrip(".") in _DAY_WORDS:
            out["day"] = _DAY_WORDS[low.rstrip(".")]
        elif ":" in low and low.replace(":", "").isdigit():
            try:
                hh, mm, *ss = (int(x) for x in low.split(":"))
                out["at"] = time(hh, mm, ss[0] if ss else 0)
            except (TypeError, ValueError) as e:
                raise ValueError(f"{w!r} is not a time of day (HH:MM)") from e
        elif low in ZONE_ABBREVIATIONS:
            out["timezone"] = ZONE_ABBREVIATIONS[low]
        elif "/" in w:
            out["timezone"] = _zone(w)
        else:
            raise ValueError(
                f"I did not understand {w!r}: use [#channel] [day] [HH:MM] "
                "[time zone], e.g. `#research monday 09:00 Europe/Paris`"
            )
    return out


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


def header(items: Sequence[TriageResult], period: str | None = None) -> str:
    if not items:
        return "**Research digest** — nothing new passed the filter this time."
    head = f"**Research digest{f' — {period}' if period else ''}** · {len(items)} papers that "
    return head + "answer cost, failure or compute. React 👍 or 👎 to an item to tune this digest."


def item(n: int, r: TriageResult) -> str:
    return f"{n}. **{r.title}** ({r.score:.0f}/100) — {r.why}"


def render(items: Sequence[TriageResult], period: str | None = None) -> str:
    """The whole digest as one text (previews)."""
    return "\n".join([header(items, period), *(item(n, r) for n, r in enumerate(items, 1))])


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
