"""Cues that a paper would change a decision, not only touch a question. Pure.

The three questions find papers about cost, failure and compute; most of them are incremental
members of a known family. The few that change what a team deploying models does this year
(bench/triage_labels/RUBRIC.md, label 2) say so in recognisable ways, and this module counts
those ways, for papers about the models businesses deploy:

- a challenge to what practitioners assume: "Does … really", "rethinking", "the illusion of",
  "limits of", "… is not …", "pitfalls", a question for a title (not "… is all you need",
  which names a paper's own method rather than doubting anyone's);
- a new class of attack rather than one more defence: jailbreak, poisoning, backdoor, injection,
  hijacking, data extraction, leakage;
- a step change rather than a few percent: "extreme", "orders of magnitude", a large factor
  ("12x"), 4-bit and below or FP4/FP8, lossless, training-free, one-shot, or the workload
  moved onto phones, laptops, browsers or edge devices; in an abstract, a measured factor of
  3x or more, or "only 1% of the data";
- less for: mitigation, detection and defence papers (their attack words do not count),
  benchmarks, data sets, surveys, frameworks.

Apart from these, `measured` reads an abstract for what the rubric says decides there: a
measured result rather than a method — a rate ("attack success rate", "in 58-90% of trials"), a
small share ("only 1% of", "less than 0.005%") — and whether it reports a finding ("we show",
"we find", "we reveal").

No paper is named anywhere; every cue is a general way of writing a finding, tuned on the dev
half of the labels only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from consultations.triage.papers import Paper

# every pattern is lower case and meets lower-cased text (8x faster than re.IGNORECASE)
# the models businesses deploy, and the practices around them
SUBJECT = re.compile(
    r"\b(?:llms?|large language|language models?|reasoning models?|agents?|agentic|vlms?|lvlms?|"
    r"mllms?|vision[- ]language|multimodal large|chatbots?|gpt[- ]?\w*|rag|retrieval[- ]augmented|"
    r"transformers?|text[- ]to[- ]image|diffusion models?|image generat\w*|generative models?|"
    r"foundation models?|rlhf|dpo|"
    r"preference (?:tuning|optimi[sz]ation|data)|post[- ]training|pre[- ]?training|"
    r"fine[- ]?tuning|chain[- ]of[- ]thought|test[- ]time (?:scaling|compute)|kv[- ]cache|"
    r"decoding|tokens?|prompts?|judges?|reasoning|attention)\b",
)
CHALLENGE = re.compile(
    r"\b(?:really|is enough|are enough|less is more|more is less|myths?|"
    r"illusions?|mirage|pitfalls?|(?<!width )(?<!depth )(?<!infinite )limits? of|limitations? of|"
    r"surprising(?:ly)?|secretly|no longer|free lunch|fails?|failing)\b",
)
# "limits of" is a doubt unless the paper is the one pushing or overcoming them
OVERCOME = re.compile(
    r"\b(?:overcom\w*|address\w*|mitigat\w*|tackl\w*|alleviat\w*|beyond|break\w*|resolv\w*|"
    r"surpass\w*|bridg\w*|push\w*|expand\w*|extend\w*|lift\w*|remov\w*)\b[^:]*\blimit"
)
# weaker: also how academic titles open a question that changes nothing
CHALLENGE_WEAK = re.compile(
    r"\b(?:rethinking|why|hidden(?! (?:states?|layers?|units?|representations?|dimensions?|"
    r"neurons?|activations?)\b)|hypothesis|matters?|not|isn'?t|aren'?t|don'?t|doesn'?t|cannot|"
    r"can'?t)\b|\?",
)
ATTACK = re.compile(
    r"\b(?:attacks?|jailbreak(?:s|ing)?|poison(?:s|ing|ed)?|backdoors?|hijack(?:s|ing)?|"
    r"(?:prompt|code|command|sql|indirect|memory|tool) injections?|malicious|data extraction|"
    r"extraction attacks?|"
    r"extracting (?:\w+ )?(?:data|secrets?|prompts?|system prompts?|weights|models?|pii)|"
    r"leak(?:s|age|ing)?|evad(?:e|es|ing)|evasion|bypass(?:es|ing)?)\b",
)
STEP = re.compile(
    r"\b(?:extreme|orders? of magnitude|\d{2,}\s?[x×]|fp4|fp8|int4|[1-4][- ]?bits?|"
    r"ternary|lossless|training[- ]free|one[- ]shot|without (?:re)?training|on[- ]device|"
    r"edge devices?|smartphones?|mobile (?:devices?|phones?)|in[- ]browser|end[- ]side|"
    r"consumer (?:gpus?|hardware)|laptops?|microcontrollers?|cpu[- ]only)(?!\w)",
)
# in an abstract the same findings are written out at length
CHALLENGE_ABSTRACT = re.compile(
    r"\bchalleng(?:e|es|ed|ing) (?:the |this |that |a )?(?:\w+ ){0,3}(?:assumptions?|beliefs?|"
    r"wisdom|views?|notions?|interpretations?|practices?)\b|\bcontrary to\b|"
    r"\b(?:commonly|widely|generally|often) (?:assumed|believed|held|thought)\b|"
    r"\bcounter[- ]?intuitive\b|\bsurprising(?:ly)?\b|\billusion\b|\bdoes not (?:hold|help|"
    r"improve|transfer|generalize|generalise)\b",
)
STEP_ABSTRACT = re.compile(
    r"\b(?:only|just|less than|under) (?:\d+(?:\.\d+)?\s?\\?%|a (?:small )?fraction) of (?:the )?"
    r"(?:\w+ ){0,2}(?:data|tokens?|compute|cost|parameters|memory|training)\b|"
    r"\borders? of magnitude\b",
)
# applications in domains far from the models businesses deploy (the rubric's label 0)
DOMAIN = re.compile(
    r"\b(?:time[- ]series|medical|clinical|molecul\w*|protein\w*|robot\w*|tabular|weather|"
    r"climate|physics|chemi\w*|biolog\w*|drugs?|brain|eeg|fmri|pdes?|traffic|point clouds?|"
    r"autonomous driving|genom\w*|single[- ]cell|ecg|remote sensing|satellite)\b"
)
# one more defence: its attack words name what it defends against, not a new attack
DEFENCE = re.compile(
    r"\b(?:defen[cs]es?|defend\w*|mitigat\w*|safeguard\w*|detect\w*|guardrails?|protect\w*|"
    r"shield\w*|immuni[sz]\w*|robustif\w*)\b"
)
# a defence by another name: what withstands or removes an attack ("Backdoor Cleaning", "Robust
# to Jailbreaks", "Resilience against Spoofing Attacks") is no new attack either
WITHSTANDS = re.compile(r"\b(?:clean\w*|purif\w*|resilien\w*|robust\w* (?:against|to))\b")
# a title's all-capitals name before its colon ("MIRAGE: …") is a name, not a claim
NAME = re.compile(r"\s*[A-Z][A-Z0-9-]{2,}\s*:")
RESOURCE = re.compile(r"\b(?:benchmark\w*|dataset|data set|survey|framework)\b|" + DEFENCE.pattern)
_FACTOR = re.compile(
    r"\b(\d+(?:\.\d+)?)\s?(?:x|×|times)\s+(?:faster|speed-?ups?|fewer|less|"
    r"lower|smaller|cheaper|higher throughput|reduction|compression)",
)
_SPEEDUP = re.compile(
    r"\b(?:speed-?ups?|faster|compression|reduction) of (?:up to )?"
    r"(\d+(?:\.\d+)?)\s?(?:x|×)",
)

# in an abstract, a measured result: a rate, or a small share of what the usual way takes
MEASURED = (
    re.compile(
        r"\battack success rates?\b|\bsuccess rates? of (?:up to |over |above |about )?\d|"
        r"\b\d+(?:\.\d+)?\s?\\?%\s(?:of (?:the )?(?:trials|cases|time|queries|prompts|samples|"
        r"instances|runs|responses))\b"
    ),
    re.compile(
        r"\b(?:only|just|less than|under|fewer than)\s"
        r"(?:\d+(?:\.\d+)?\s?\\?%|a (?:small )?fraction)(?!\w)"
    ),
)
# a figure a result is measured in: a percentage, a factor, a share below one, points
FIGURE = re.compile(r"\d\s?(?:\\?%|×|x\b|-?fold\b)|(?<![\d.])0?\.\d+\b|\d\s?(?:points?|pp)\b")
FINDING = re.compile(r"\bwe (?:show|find|demonstrate|reveal|observe)\b")

KINDS = ("challenge", "attack", "step", "resource")
SAYS = ("challenges an assumption", "a new attack", "a step change")  # for `why`, per kind
# weight of each kind in the decision score (tuned on the dev labels); resource subtracts
WEIGHTS = {"challenge": 1.0, "attack": 1.0, "step": 1.0, "resource": 0.5}
WEAK = 0.5  # a weak challenge cue (a question for a title, "rethinking", "not"), against a strong
ABSTRACT = 0.5  # a cue in the abstract, against one in the title
MEASURED_FACTOR = 3.0  # a measured factor from which an abstract claims a step change


_IN_ABSTRACT = {0: CHALLENGE_ABSTRACT, 1: ATTACK, 2: STEP_ABSTRACT}


def _overcome(title: str, hit: re.Match[str]) -> bool:
    """A challenge cue that names limits the paper itself overcomes ("Overcoming … Limitations
    of …", "Pushing the Limits of …"): no doubt about anything."""
    return hit.group(0).startswith("limit") and bool(OVERCOME.search(title))


_CLAUSE_END = re.compile(r"[,;:()\[\]]|\.(?!\d)")
_LOOSE_END = frozenset(("a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on"))
_LOOSE_END |= {"or", "than", "the", "to", "with"}


def _quote(text: str, hit: re.Match[str], more: int = 4) -> str:
    """The matched words and the few after them, within the clause, as written: up to ``more``
    words, or on to the first number when the match has none ("attack success rate of 93.2%");
    a figure that ends its clause with the few words before it ("poisoning rate of only 0.048%")."""
    clause = _CLAUSE_END.split(text[hit.end() :], maxsplit=1)[0]
    end = hit.end()
    if clause[:1].isalnum():  # the match ends inside a word or number ("of 5|7.6%"): all of it
        end += len(clause.split(maxsplit=1)[0])
        clause = clause[len(clause.split(maxsplit=1)[0]) :]
    rest = [w.strip("*_`") for w in clause.split() if any(c.isalnum() for c in w)]  # no markup
    if not any(c.isdigit() for c in text[hit.start() : end]):
        upto = next((n + 1 for n, w in enumerate(rest[:8]) if any(c.isdigit() for c in w)), more)
        rest = rest[:upto]
    else:
        rest = rest[:more]
    while rest and rest[-1].casefold() in _LOOSE_END:
        rest.pop()
    before: list[str] = []
    if not rest:  # a figure that ends its clause: what it measures comes before it
        head = _CLAUSE_END.split(text[: hit.start()])[-1].split()
        before = [w.strip("*_`") for w in head[-more:] if any(c.isalnum() for c in w)]
        while before and before[0].casefold() in _LOOSE_END:
            before.pop(0)
    glued = hit.start() > 0 and not text[hit.start() - 1].isspace()  # "58-|90%": one word
    said = " ".join(before) + ("" if glued else " ") + " ".join([text[hit.start() : end], *rest])
    return said.strip().replace("\\%", "%")


def _factor(text: str) -> float:
    found = [float(m) for rx in (_FACTOR, _SPEEDUP) for m in rx.findall(text)]
    return max(found, default=0.0)


def cues(papers: Sequence[Paper]) -> tuple[np.ndarray, np.ndarray, list[list[str]]]:
    """Per paper the strength of each kind of cue (n, 4), whether it is about the models
    businesses deploy (n,), and what each title cue says ("a new attack ('jailbreak')")."""
    out = np.zeros((len(papers), len(KINDS)), dtype=np.float32)
    about = np.zeros(len(papers), dtype=np.float32)
    words: list[list[str]] = []
    for i, p in enumerate(papers):
        found: list[str] = []
        words.append(found)
        title, abstract = p.title.lower(), p.abstract.lower()
        if DOMAIN.search(title) or not (
            SUBJECT.search(title) or (abstract and SUBJECT.search(abstract))
        ):
            continue
        about[i] = 1.0
        if name := NAME.match(p.title):
            title = p.title[name.end() :].lower()
        defence = DEFENCE.search(title) or WITHSTANDS.search(title)
        for k, rx in enumerate((CHALLENGE, ATTACK, STEP, RESOURCE)):
            if k == 1 and defence:
                continue
            hit = next((m for m in rx.finditer(title) if k or not _overcome(title, m)), None)
            if hit:
                out[i, k] = 1.0
                if k < 3:
                    found.append(f"{SAYS[k]} ({hit.group(0)!r})")
            elif abstract and k in _IN_ABSTRACT and _IN_ABSTRACT[k].search(abstract):
                out[i, k] = ABSTRACT
        if out[i, 0] < WEAK and (hit := CHALLENGE_WEAK.search(title)):
            out[i, 0] = WEAK
            cue = "a question in its title" if hit.group(0) == "?" else repr(hit.group(0))
            found.append(f"may challenge an assumption ({cue})")
        if abstract and _factor(abstract) >= MEASURED_FACTOR:
            out[i, 2] = max(out[i, 2], ABSTRACT)
    return out, about, words


def measured(papers: Sequence[Paper]) -> tuple[np.ndarray, list[list[str]]]:
    """Per paper with an abstract: how many kinds of measured result it reports (0-2) and
    whether it reports a finding (0/1), as (n, 2); and the measured results as written, those
    with a figure only ("attack success rate" alone claims no result a reader can weigh)."""
    out = np.zeros((len(papers), 2), dtype=np.float32)
    said: list[list[str]] = []
    for i, p in enumerate(papers):
        found: list[str] = []
        said.append(found)
        if not p.abstract:
            continue
        abstract = p.abstract.lower()
        written = p.abstract if len(p.abstract) == len(abstract) else abstract  # for quoting
        # each measured result names a percentage, a success rate or a fraction: most
        # abstracts are passed over without a regular expression
        said_any = "%" in abstract or "success rate" in abstract or "fraction" in abstract
        for rx in MEASURED if said_any else ():
            if hit := rx.search(abstract):
                out[i, 0] += 1.0
                quote = _quote(written, hit)
                if FIGURE.search(quote):  # told only with its figure, not "Claude 3.7"
                    found.append(quote)
        out[i, 1] = float(bool(FINDING.search(abstract)))
    return out, said


def decision(papers: Sequence[Paper]) -> tuple[np.ndarray, np.ndarray, list[list[str]]]:
    """Per paper: the decision score (0 without a cue; negative for a resource paper), whether
    it is about the models businesses deploy (0/1), and what each title cue says."""
    strength, about, words = cues(papers)
    w = np.array([WEIGHTS[k] for k in KINDS], dtype=np.float32)
    w[KINDS.index("resource")] *= -1
    return strength @ w, about, words
