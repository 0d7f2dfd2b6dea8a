"""What a loaded engineer-day costs, in the currency the user's amounts are in (our
assumption, stated in every report that uses it). $800 reads as a day rate in dollars, euros,
pounds and francs alike; in rupees, yen or won it would be a tip, so those have their own."""

from __future__ import annotations

DAY_RATE = 800.0  # loaded engineer-day in dollars, euros, pounds, Swiss francs (our assumption)
_LOCAL = {  # currencies where 800 units is no day's pay: a loaded day there (our assumption)
    "INR": 20_000.0,
    "JPY": 100_000.0,
    "CNY": 4_000.0,
    "KRW": 900_000.0,
    "PLN": 2_500.0,
    "SEK": 8_000.0,
    "NOK": 8_000.0,
    "DKK": 6_000.0,
}


def day_rate(currency: str | None) -> float:
    """A loaded engineer-day in ``currency`` (dollars when None)."""
    return _LOCAL.get(currency or "USD", DAY_RATE)
