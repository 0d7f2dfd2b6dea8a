"""Currencies as people type them: symbols and codes before or after the amount, and words."""

from __future__ import annotations

import re

_CURRENCY_CODES = "usd|eur|gbp|jpy|cny|rmb|inr|chf|cad|aud|krw|sek|nok|dkk|pln|brl"
PREFIX = re.compile(
    rf"(?P<c>US\$|C\$|A\$|\$|€|£|¥|₹|₩|\b(?:{_CURRENCY_CODES}|rs\.?))\s?$", re.IGNORECASE
)  # "Rs. 2,00,000": rupees
SUFFIX = re.compile(
    rf"\s?(?P<c>\$|€|£|¥|円|₹|₩|(?:{_CURRENCY_CODES}|dollars?|bucks|euros?|pounds?|yen|yuan|"
    r"rupees?|francs?|won|zł|zl|zloty|złoty)(?![a-z]))",
    re.IGNORECASE,
)
_CURRENCY = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "buck": "USD",
    "c$": "CAD",
    "a$": "AUD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "teur": "EUR",  # German: Tausend Euro (the lexer reads the thousand)
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "yen": "JPY",
    "円": "JPY",  # "30万円": Japanese, yen after the figure
    "cny": "CNY",
    "rmb": "CNY",
    "yuan": "CNY",
    "₹": "INR",
    "inr": "INR",
    "rupee": "INR",
    **dict.fromkeys(("rs", "rs."), "INR"),
    "₩": "KRW",
    "krw": "KRW",
    "won": "KRW",
    "chf": "CHF",
    "franc": "CHF",
    **dict.fromkeys(("zł", "zl", "zloty", "złoty", "pln"), "PLN"),
}
CURRENCY_WORDS = re.compile(
    rf"(?:US\$|C\$|A\$|\$|€|£|¥|円|₹|₩|\b(?:{_CURRENCY_CODES}|teur|dollars?|bucks|euros?|pounds?|yen|"
    r"yuan|rupees?|francs?|zloty|złoty)\b|zł)",
    re.IGNORECASE,
)


def currency_code(token: str) -> str:
    t = token.casefold().rstrip("s") if len(token) > 1 else token
    return _CURRENCY.get(t, _CURRENCY.get(token.casefold(), token.upper()))
