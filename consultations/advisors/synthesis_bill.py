"""What a team pays for models a month, where its answers say so, and the roadmap's budget
step for a bill too small for a local server to pay back. Pure."""

from __future__ import annotations

from collections.abc import Iterable

from consultations.advisors.base import EarlierConsultation
from consultations.advisors.synthesis_items import Item
from consultations.answers.lexer import scan
from consultations.answers.rates import DAYS, rate_after

# below this a month, one local machine (thousands up front, plus power) cannot pay back
# within its life, so pricing one costs more than it can find
SMALL_BILL = 1_000.0


def monthly_bill(use: str, earlier: Iterable[EarlierConsultation]) -> tuple[float, str] | None:
    """(the largest amount the answers allow, its currency): the model bill a month, from
    Model Convergence's spend answer, else an amount of money per period in "How do you use AI
    today?" ("about 300 dollars a month"); None when neither says."""
    for e in earlier:
        spend = e.answers.get("monthly_spend") if e.slug == "model-convergence" else None
        if spend is not None and spend.number is not None:
            return spend.number, spend.currency or "USD"
    for q in scan(use):
        rate = rate_after(use, q.end)
        if q.currency and rate in DAYS:
            return max(q.readings) * DAYS["mo"] / DAYS[rate], q.currency
    return None


def cap_the_bill(amount: str) -> Item:
    """The budget step for a small bill: no pricing of servers, a cap and a cheaper model."""
    return Item(
        "Cap the model bill: a spend limit at each vendor, and the cheapest model that passes "
        "your own checks",
        f"At about {amount} a month no local machine can pay for itself (one costs thousands up "
        "front, plus power), so pricing one is not worth the time. Set a monthly limit and an "
        "alert in each vendor's console; run your usual checks on a smaller model and keep it "
        "where the answers hold.",
        "platform team",
        "monthly model spend against this month's",
        "constraint",
        {"model-cost"},
        weeks=2.0,
    )


def seats_in_use() -> Item:
    """The budget step for a team whose AI is only tools paid per seat ("ChatGPT Team for
    everyone and Microsoft Copilot"): no workload of its own to price, but seats to count."""
    return Item(
        "Count the AI seats in use against the seats you pay for, then cancel the unused at "
        "renewal",
        "Each tool's admin console shows who used it in the last 30 days; seats idle that long "
        "go at the next renewal, and a plan tier above what people use steps down.",
        "procurement",
        "monthly spend on AI seats and licences against this month's",
        "constraint",
        {"model-cost"},
        weeks=1.0,
    )
