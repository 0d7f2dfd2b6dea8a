"""Answers told item by item with a label: in "customs: yes, checkable against the tariff db"
the words after "customs:" pick nothing, and the unlabelled clause after it says what holds
for customs. One reading for the choice said back and for the report per item."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

CLAUSES = re.compile(  # the clauses an answer tells items in; not "1,5 Mio" or "5.000 EUR"
    r"\s*(?:(?<!\d)[;,.]|[;,.](?!\d)|\+|\b(?:and|und|sowie|et|plus|but|while|whereas)\b)\s*",
    re.I,
)
LABEL = re.compile(r"\s*(?:=|:|->|→)\s*")  # "customs:", "complaint routing = annoyed customer"


_SAID_AFTER = re.compile(  # "invoices yes", "claims no", "les factures oui": a yes or no after it
    r"^(?P<subject>.*[^\W\d_].*?)\s+(?P<told>yes|yep|no|nope|ja|nein|oui|non)[\s.!]*$", re.I
)


def labelled(clause: str) -> bool:
    """The clause opens with a label: words, then ":", "=", "->" or "→"."""
    subject, *told = LABEL.split(clause, maxsplit=1)
    return bool(told) and bool(subject.strip())


def told(clause: str) -> str | None:
    """What a clause tells of the item it names: the words after its label ("customs: yes"),
    or a yes or no after the item ("invoices yes"); None when it has neither."""
    subject, *rest = LABEL.split(clause, maxsplit=1)
    if rest and subject.strip() and rest[0].strip():
        return rest[0].strip()
    m = _SAID_AFTER.match(clause.strip())
    return m.group("told") if m else None


def told_next(
    clauses: Sequence[str],
    picks: Callable[[str], bool],
    names: Callable[[str], bool] = lambda _: False,
) -> list[tuple[str, ...]]:
    """The clauses in order, a labelled one whose own words pick nothing ("customs: yes") paired
    with the clause after it when that one is unlabelled, names nothing itself (``names``) and
    picks (``picks``): "checkable against the tariff db". Every other clause stands alone."""
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(clauses):
        clause, after = clauses[i], clauses[i + 1] if i + 1 < len(clauses) else None
        if (
            after is not None
            and labelled(clause)
            and not picks(clause)
            and not labelled(after)
            and not names(after)
            and picks(after)
        ):
            out.append((clause, after))
            i += 2
            continue
        out.append((clause,))
        i += 1
    return out
