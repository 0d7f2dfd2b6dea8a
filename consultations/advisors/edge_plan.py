"""Edge economics: the verdict, the quality comparison and the pilot plan, from the answers."""

from __future__ import annotations

from consultations.advisors.words import number
from consultations.report import Recommendation

# % of *their own* full-precision accuracy that 4-bit models kept in NeurIPS 2025 research
QUALITY_KEPT_4BIT = (90.0, 95.0)
PRIVATE = ("confidential", "regulated")


def verdict_and_reasons(
    requests: float,
    break_even: float,
    sensitivity: str,
    latency: str,
    tolerance: float,
    premium: str | None = None,
    small_saving: str | None = None,
) -> tuple[str, list[str], str | None]:
    """The verdict, its reasons, and — when local costs more (``premium``, a month over the
    API) and the verdict still moves traffic without saying why — what moves it.
    ``small_saving``: what local saves a month, in words, when that is small (below
    ``SMALL_SAVING``): then the money is not what the verdict rests on."""
    reasons: list[str] = []
    private = sensitivity in PRIVATE
    fast = latency == "realtime"
    if private:
        reasons.append(
            "Your data is "
            + ("regulated" if sensitivity == "regulated" else "confidential")
            + ": keeping it on your own hardware lowers exposure."
        )
    elif sensitivity == "internal":
        reasons.append("Internal data: keeping it in-house is a plus, not a requirement.")
    else:
        reasons.append("Public data: nothing forces it onto your own hardware; cost decides.")
    if latency == "interactive":
        reasons.append(
            "Answers within a second: a local server on your network avoids the API round "
            "trip; the pilot measures p95 latency."
        )
    elif latency == "relaxed":
        reasons.append("A few seconds is fine: latency is no reason to go local here.")
    if fast:
        reasons.append(
            "You need answers under 100 ms; a network round trip to an API rarely allows it."
        )
    if latency == "batch":
        reasons.append(
            "Batch work waits in a queue: the API's batch price applies, and local hardware "
            "only has to keep up with the daily total, not the peaks."
        )
    why = (sensitivity if private else "under-100 ms") + (" data" if private else " answers")
    if requests >= break_even * 1.5 and small_saving:
        head = (
            f"Run it locally for your {why}, not for the money — a pilot first."
            if private or fast
            else f"Run it locally only if the pilot costs little — it saves just {small_saving} "
            "a month."
        )
        reasons.append(
            f"Local saves only {small_saving} a month, before the engineering time to build and "
            "evaluate the pilot, which this comparison leaves out"
            + (f": the case rests on your {why}." if private or fast else ".")
        )
    elif requests >= break_even * 1.5:
        head = "Run it locally — a pilot first."
    elif requests >= break_even * 0.67:
        head = "Hybrid: pilot local inference on part of the traffic, " + (
            "sensitive requests first; the API stays the fallback for the rest only."
            if private  # sensitive requests cannot fall back to the API (see the plan)
            else "keep the API as fallback."
        )
    elif private or fast:  # cost says stay: the data or the speed is what pays for it
        head = (
            f"Hybrid, for your {why}, not for cost: pilot local inference for the requests "
            "that need it, and keep the API for any that do not"
            + (f"; at today's volume {premium}." if premium else ".")
        )
    else:
        head = "Stay on the API for now."
        reasons.append("Volume is well below break-even: the hardware would sit mostly idle.")
    drivers = [  # only those that hold: never "your confidential data and ."
        d
        for d in (
            f"your {sensitivity} data" if private else "",
            "answers under 100 ms" if fast else "",
        )
        if d
    ]
    unsaid = (  # the "not for cost" verdict says it itself
        " and ".join(drivers) or "a volume close to the break-even"
        if premium and head.startswith(("Run", "Hybrid:"))
        else None
    )
    return head, reasons, unsaid


def tight(tolerance: float, head: str) -> bool:
    """A tolerance below what 4-bit models can lose, for a verdict that moves traffic."""
    return tolerance < 100 - QUALITY_KEPT_4BIT[1] and not head.startswith("Stay")


def quality_note(tolerance: float, too_tight: bool = False) -> str:
    """Against today's model, not against the same model at full precision; with a tolerance
    below what 4-bit models can lose (``too_tight``), what to pilot instead, in the same line."""
    low, high = 100 - QUALITY_KEPT_4BIT[1], 100 - QUALITY_KEPT_4BIT[0]
    accept = (
        f"You accept {number(tolerance)}% quality loss against today's model"
        if tolerance > 0
        else "You accept no quality loss against today's model"
    )
    cost = f"{number(low)}-{number(high)}%"
    return (
        (
            f"{accept}; 4-bit quantisation can cost {cost} against the same model at full "
            + ("precision, more than your tolerance" if tolerance > 0 else "precision")
            + ": pilot 8-bit weights or a larger model. A local open model also starts"
            if too_tight
            else f"{accept}. The {cost} that 4-bit quantisation can cost is measured against "
            "the same model at full precision; a local open model starts"
        )
        + " from its own level, which may sit below the model you use today, so the gap to "
        "today's answers is unmeasured until the pilot measures it on your tasks."
    )


def load_said(rps: float) -> str:
    """An average load in a unit that shows it: "1.93 requests a second", "11.1 requests an
    hour" (never "0.00 requests a second")."""
    if rps >= 0.1:
        return f"{rps:.2f} requests a second"
    if rps * 60 >= 1:
        return f"{rps * 60:.1f} requests a minute"
    return f"{rps * 3600:.1f} requests an hour"


NEGOTIATE_ABOVE = 5_000.0  # a month of API spend worth a price talk (our assumption)
SMALL_BILL = 1_000.0  # a month of API spend below which one person runs the pilot (assumption)
SMALL_SAVING = 1_000.0  # a month saved locally that no pilot's engineering is sure to beat (ours)


def plan(
    verdict: str,
    rps: float,
    tolerance: float,
    sensitivity: str,
    batch: bool,
    api_total: float = NEGOTIATE_ABOVE,
    servers: int = 1,
    owned: bool = False,
    bill: str = "",
    *,
    device: bool = False,
    saving: float = 0.0,
    second: str = "",
    peak_rps: float = 0.0,
) -> tuple[Recommendation, ...]:
    """``owned``: the local hardware is already there ("my MacBook, already have it");
    ``bill``: the API total as shown, said when a small bill rules out a standby machine;
    ``second``: what a second server adds to the local cost, in words (empty: not priced);
    ``peak_rps``: the load at a peak the user said ("3x that in November"), 0 when none."""
    if verdict.startswith("Stay") and api_total < NEGOTIATE_ABOVE:
        return (
            Recommendation(
                title="Stay on the API and revisit at higher volume",
                detail="Rerun this consultation when volume passes the break-even above or "
                "prices change.",
                horizon="now",
                owner="engineering lead",
            ),
        )
    if verdict.startswith("Stay"):
        return (
            Recommendation(
                title="Stay on the API and revisit at higher volume",
                detail="Rerun this consultation when volume or prices change.",
                horizon="now",
                owner="engineering lead",
            ),
            Recommendation(
                title="Negotiate price with the volume you have",
                detail="The break-even above is your walk-away number in talks.",
                horizon="0-3 months",
                owner="engineering lead",
            ),
        )
    tight = tolerance < 100 - QUALITY_KEPT_4BIT[1]  # the rule tight() uses
    private = sensitivity in PRIVATE
    # a few hundred a month of confidential work: no teams, no second machine (regulated data
    # that cannot fall back keeps its failover, whatever the bill)
    small = api_total < SMALL_BILL and sensitivity != "regulated"

    def owner(role: str) -> str:
        return "you or your developer" if small else role

    where = (
        "your users' devices (test handsets first)"
        if device  # on-device: no server of ours
        else "the hardware you already have"
        if owned
        else "one server"
    )
    model = "an 8-bit or larger open model" if tight else "a quantised 7B-class model"
    load = (
        "a day's batch end to end"
        if batch
        else "p95 latency on the slowest device you support"
        if device
        else f"p95 latency and load at your peak ({load_said(peak_rps)}; average {load_said(rps)})"
        if peak_rps > rps
        else f"p95 latency and peak load (average {load_said(rps)} overall)"
    )
    recs = [
        Recommendation(
            title="Build an evaluation set from real traffic",
            detail="Sample a few hundred real requests and the answers today's model gave; the "
            + (
                f"pilot passes if the local model stays within your {number(tolerance)}% of them."
                if tolerance > 0
                else "pilot passes only if the local model's answers are as good as those."
            ),
            horizon="weeks 1-2",
            owner=owner("ML engineer"),
        ),
        Recommendation(
            title=f"Pilot {model} on {where}",
            detail=f"Shadow 10% of traffic; measure quality against today's answers, and {load}.",
            horizon="weeks 3-6",
            owner=owner("platform team"),
            depends_on="Build an evaluation set from real traffic",
        ),
    ]
    queued = private and batch and not small  # batch work waits out a repair: no standby
    if private and servers < 2 and not small and not batch:  # two priced: already in the cost
        recs.append(
            Recommendation(
                title="Add a second server before sensitive traffic moves",
                detail="Sensitive requests cannot fall back to the API, so they need a second "
                "local server as failover; until it runs, they stay where they are today."
                + (f" {second}" if second else ""),
                horizon="month 2",
                owner="platform team",
                depends_on=f"Pilot {model} on {where}",
            )
        )
    recs.append(
        Recommendation(
            title="Switch with a fallback",
            detail=(
                "Route to local by default; other requests fall back to the API on errors "
                "or low confidence, sensitive ones wait for the local machine"
                + (
                    f" (at about {bill} a month of API spend, a standby machine would not "
                    "pay for itself)."
                    if bill
                    else "."
                )
                if private and small
                else "Route to local by default; other requests fall back to the API on errors "
                "or low confidence, sensitive ones queue until the local machine is back: "
                "batch work can wait out a repair (if a day's delay is too long, add a second "
                "server)."
                if queued and servers < 2
                else "Route to local by default; other requests fall back to the API on errors "
                "or low confidence, sensitive ones to "
                + ("another of the servers you priced." if servers > 1 else "the second server.")
                if private
                else "Route to local by default and fall back to the API on errors or low "
                "confidence"
                + (", and on devices too weak to run it" if device else "")
                + (
                    "; keep the contract month to month until the savings are proven."
                    if saving > 0
                    else "."
                )
            ),
            horizon="month 2-3",
            owner=owner("engineering lead"),
            depends_on=recs[-1].title,
        )
    )
    return tuple(recs)
