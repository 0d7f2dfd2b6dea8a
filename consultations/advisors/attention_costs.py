"""What whole documents would cost each pipeline: its own document size, times its share of the
calls, against its share of the upkeep. Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Priced:
    size: float  # tokens a whole document of this pipeline holds
    calls: float  # its calls a month
    upkeep: float  # its upkeep a month, in money
    whole: float  # its whole-document input a month, in money

    @property
    def costly(self) -> bool:
        return self.whole > self.upkeep


def shares(items: Sequence[str], total: float, said: Mapping[str, float]) -> dict[str, float]:
    """Each item's part of a total: the figures said per item ("the 10-K one only ~200"), the
    rest of the total evenly over the items not named (none left when the figures said pass
    the total); else an even share each."""
    named = {w: v for w, v in said.items() if w in items}
    rest = [w for w in items if w not in named]
    if named and not rest:
        return dict(named)
    left = total - sum(named.values())
    if named and left > 0:
        return {w: named.get(w, left / len(rest)) for w in items}
    if named:  # "2M search calls + 50k review summaries" read as 2M: the figures said stand
        return {w: named.get(w, 0.0) for w in items}
    return {w: total / len(items) for w in items} if items else {}


def costs(
    sizes: Mapping[str, float],
    calls: Mapping[str, float],
    upkeep: Mapping[str, float],
    price: float,
) -> dict[str, Priced]:
    """``sizes``, ``calls``, ``upkeep``: per pipeline, in the same keys."""
    return {
        p: Priced(size, calls[p], upkeep[p], calls[p] * size * price / 1e6)
        for p, size in sizes.items()
    }
