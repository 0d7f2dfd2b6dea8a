"""Answers that say the data stays on the user's own servers ("all on-prem", "nothing leaves
our servers", "air-gapped"): then nothing is sent to someone else's cloud. Pure."""

from __future__ import annotations

import re

ON_PREM = re.compile(
    r"\b(?:on[- ]?prem(?:ise|ises)?|self[- ]?host(?:ed|ing)?|air[- ]?gapped|"
    r"(?:our|their) own (?:servers?|data ?cent(?:er|re)s?|hardware|infrastructure|racks?)|"
    r"(?:hosted|run|kept|stored) in[- ]house|"
    r"nothing (?:may |can |must |should |is allowed to )?leaves? (?:our|the)\b|"
    r"(?:never|must not|mustn'?t|cannot|can'?t|may not) leave (?:our|the)\b|"
    r"no (?:public )?cloud|"
    r"eigene[nrs]? (?:server|rechenzentr\w*|hardware)|selbst gehostet|"
    r"nos propres (?:serveurs|machines)|auto-?h[ée]berg[ée]s?)",
    re.I,
)


def said_on_prem(*answers: str) -> bool:
    """Any of the answers, as typed, says the data stays in-house."""
    return any(ON_PREM.search(a) for a in answers)
