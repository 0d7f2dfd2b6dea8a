"""A roadmap goal as the user wrote it: what kind of outcome it names (its tags) and what
measures it. Pure."""

from __future__ import annotations

import re

from consultations.advisors.synthesis_dates import DUE
from consultations.advisors.synthesis_workflows import (
    WORKFLOW_MANUAL,
    delivery_measure,
    delivery_named,
    task_measure,
    task_named,
)
from consultations.answers.lexer import scan
from consultations.answers.lists import VERSIONED_MODELS
from consultations.answers.model import plain

GOAL_WORDS = {
    "cost": (
        "cost",
        "cheap",
        "spend",
        "margin",
        "save",
        "saving",
        "budget",
        "price",
        "bill",
        "expens",
    ),
    "time": ("time", "faster", "handling", "hours", "throughput"),
    "automation": (
        "automat",
        "workflow",
        "pilot",
        "prototype",
        "self-serve",
        "ticket",
        "escalation",  # "cut support escalations by 25%": cases that reach a second line
        "deflect",
        "back office",
        "back-office",
        *("manual ", "manually", "by hand"),  # "cut manual invoice matching by half"
    ),
    "revenue": (
        "revenue",
        "new clients",
        *("win new", "win more", "win deals", "win business", "win customers", "win clients"),
        *("win accounts", "win contracts", "win tenders", "win the deal"),
        "sales",
        "customers pay",
        "paid feature",
        "paying customers",
        "upsell",
        "monetis",
        "monetiz",
        "new customers",
        "pay for it",
        *("make money", "profitab", "break even", "break-even", "earn money", "first revenue"),
    ),
    "agents": ("agent",),
    "contacts": (  # "reduce call centre volume by 15%": customers getting in touch, fewer of them
        *("call centre", "call center", "contact centre", "contact center", "call volume"),
        *("phone calls", "customer calls", "inbound calls", "support calls", "contact volume"),
        *("support tickets", "ticket volume", "support volume", "deflect", "inbound contacts"),
        *("tier-1", "tier 1", "first-line", "first line", "level-1", "level 1 tickets"),
        *("support bot", "support chatbot", "% of tickets", "% of support"),
    ),
    "launch": (  # "get the underwriting assistant to production": a delivery is an outcome
        "production",
        "go live",
        "go-live",
        "goes live",
        "launch",
        "roll out",
        "rollout",
        "deploy",
        "ship ",
        *(" live by", " live before", " live until", " live in q", " live from"),  # "… live by Q3"
        *(
            " on every ",
            " on all ",
            " for every ",
            " across all ",
            " in every ",
        ),  # "on every article"
    ),
    "local": ("offline", "local", "on-device", "on device", "on-prem", "on prem", "own hardware"),
    "compliance": (
        "residency",
        *("shadow ai", "shadow chatgpt", "shadow it", "shadow use", "shadow gpt", "unsanctioned"),
        "outside the eu",
        "in the eu",
        "gdpr",
        "sovereign",
        "data protection",
        "vendors outside",
        *("leaves our network", "leave our network", "leaves our premises", "leave our premises"),
        *("leaves the building", "leaves the hospital", "stays on prem", "stays on-prem"),
        *("leaves the eu", "leave the eu", "stays in the eu", "stay in the eu", "leaves europe"),
    ),
    "inventory": (  # "get the AI Act inventory done": a list of AI systems is the outcome
        *("inventory", "ai act", "register of ai", "ai register", "list of ai systems"),
        *("inventori", "inventoried", "every ai system", "all ai systems"),  # "… inventoried"
        *("ai systems register", "ai use register"),
    ),
    "audit": (
        *("audit", "trace", "regulat", "complian", "model-risk", "model risk", "explain"),
        *("supervis", "ecb", "eba ", "eba/", "/eba", "bafin", "fca ", "sec exam"),
        *("soc2", "soc 2", "soc-2", "iso 27001", "iso27001", "hipaa", "pci", "certif"),
    ),
    "risk": (
        *("ip risk", "legal claim", "copyright", "infring", "lawsuit", "intellectual property"),
        *("ip complaint", "ip claim", "ip issue", "ip problem", "ip dispute", "trademark"),
        *("ip trouble", "ip headache", "ip exposure", "copyright trouble", "ip-sicher"),
        *("ip incident", "ip case", "ip risk"),
        "takedown",
    ),
    "images": (
        "image",
        "visual",
        "creative",
        "photo",
        "key art",
        "concept art",
        "artwork",
        "illustration",
    ),
    "latency": (
        *("latency", "second", "instant", "fast", "real time", "realtime", "response time"),
        *("p90", "p95", "p99", "slow"),
    ),
    "quality": ("quality", "accura", "error", "hallucinat"),
    "reliability": ("uptime", "outage", "reliab", "availability"),
}
# the same goal kinds in German and French (stems, matched inside words: "API-Kosten",
# "Bearbeitungszeit", "automatisieren"); a word is here only where it cannot be part of an
# unrelated one ("bild" is in "Ausbildung", so images are "bilder")
FOREIGN_GOAL_WORDS = {
    "cost": ("kosten", "ausgaben", "einspar", "sparen", "coût", "cout", "dépense", "économ"),
    "time": (
        *("zeit", "stunden", "schneller", "beschleunig", "verkürz", "le temps", "du temps"),
        *("heures", "délai", "accélér"),
    ),
    "automation": ("automatis", "arbeitsablauf", "prototyp", "pilotprojekt", "projet pilote"),
    "revenue": ("umsatz", "neukunden", "erlös", "chiffre d'affaires", "nouveaux clients"),
    "contacts": ("anrufe", "callcenter", "call-center", "kundenanfragen", "centre d'appels"),
    "launch": (
        *("in produktion", "produktivbetrieb", "live gehen", "einführ", "ausroll", " live bis"),
        *(" live ab", " live d'ici", " live avant"),
        *("mise en production", "déploi", "lancer"),
    ),
    "local": ("lokal", "eigene hardware", "en local", "sur site"),
    "compliance": (
        *("datenschutz", "dsgvo", "souverän", "rgpd", "protection des données"),
        *("hébergé", "hébergement", "souverain", "gehostet", "hosting in", "hosted in"),
        *("stays in", "stay in", "données restent"),  # "tout hébergé en France"
    ),
    "inventory": ("inventar", "ai-act", "ki-verordnung", "ki-register", "inventaire", "ia act"),
    "audit": ("prüfung", "nachvollzieh", "regulier", "konform", "conformité", "réglement"),
    "risk": ("urheberrecht", "markenrecht", "droit d'auteur", "contrefaçon"),
    "images": ("bilder", "fotos", "visuels"),
    "latency": ("latenz", "antwortzeit", "sekunde", "latence", "temps de réponse"),
    "quality": ("qualität", "genauigkeit", "fehler", "qualité", "précision", "erreur"),
    "reliability": ("verfügbarkeit", "ausfall", "disponibilité", "panne"),
}
for _tag, _words in FOREIGN_GOAL_WORDS.items():
    GOAL_WORDS[_tag] = (*GOAL_WORDS[_tag], *_words)
SPEND_CAP = re.compile(  # "no more than EUR 250k external spend on AI", "keep AI spend under €300k"
    r"\b(?:no more than|not more than|at most|under|below|less than|within|up to|max(?:imum)?"
    r"(?:\s+of)?|capped at|a cap of)\s+(?:an?\s+|the\s+)?(?:[€$£]|eur|usd|gbp|chf)?\s*\d[\d.,]*"
    r"\s*(?:k|m|tsd|mio)?\b(?:(?!\b(?:cut|reduce|lower|by)\b).)*?"
    r"\b(?:spend|spending|budget|costs?|expenses?|subscriptions?|licen[cs]es?|bills?)\b"
    r"|\b(?:spend|spending|budget|costs?|subscriptions?|licen[cs]es?|bills?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:under|below|within|at most|"
    r"no more than|less than)\s+(?:[€$£]|eur|usd|gbp|chf)?\s*\d",
    re.I,
)
CAP_MEASURE = (
    "spend outside the team (model calls, licences, hardware) to date against it, each quarter"
)
CAP_SERVED = (
    "nothing on its own: it is a ceiling, not an outcome; the steps above are priced in "
    "people's time, so what they buy from outside (model calls, licences, hardware) stays "
    "within it"
)
POLICY_MEASURE = "the policy published, every team told, and its exceptions reviewed each quarter"
CONTACTS_MEASURE = "calls, chats and tickets a week that reach a person, against this month's"
REVENUE_MEASURE = "paying customers and the monthly revenue they bring"
GOAL_MEASURES = (
    ("policy", POLICY_MEASURE),
    (
        "inventory",
        "every AI system in use or in a pilot on the list, with its owner and risk class",
    ),
    (
        "risk",
        "IP claims and complaints received, and the share of published images that passed "
        "the controls",
    ),
    ("latency", "p95 latency on real traffic, measured weekly"),
    ("audit", "the share of sampled decisions you can reconstruct on request"),
    ("images", "images published a week, and the share that passed the controls"),
    ("model-cost", "monthly model spend against this month's"),
    ("cost", "the cost the goal names, against a baseline taken this month"),
    ("time", "the time in the goal against a baseline taken this month"),
    ("contacts", CONTACTS_MEASURE),
    ("automation", "the share of cases the prototype handles as well as people"),
    ("revenue", REVENUE_MEASURE),
    ("compliance", "no workload outside its residency rules, checked each quarter"),
    ("local", "the local model within your tolerance on your own test tasks"),
    ("agents", "the agent live on real cases, and the share it handles as well as people"),
    ("launch", "live in production for its users, its answers on real cases as good as the bar"),
)
YES_NO = "a yes/no review with the team at the end of each quarter"
_TIMED = re.compile(
    r"\d|(?<!on-)(?<!on )\b(?:faster|times?|hours?|days?|weeks?|minutes?)\b|zeit|stunden|"
    r"\btemps\b|heures",
    re.I,
)


_OWN_NUMBER_FIRST = {"automation", "agents"}  # "cut support tickets by 30%": the 30% counts


RULE = re.compile(  # "but also no new vendors", "never customer data in prompts": a rule kept
    r"^(?:(?:but|and|plus)\s+)?(?:also\s+)?(?:no|never|not|nothing|without|keine?|kein|pas de|"
    r"aucun\w*)\s+"
    r"(?!later\b|worse\b|more than\b|less\b|fewer\b)\S",
    re.I,
)
RULE_SERVED = "nothing on its own: it is a rule the plan keeps, not an outcome to plan for"


def is_rule(goal: str) -> bool:
    """ "but also no new vendors": a rule among the goals, which no step serves."""
    return RULE.match(goal.strip()) is not None and not is_cap(goal) and not goal_tags(goal)


_RULE_PLAIN = {
    *("year", "month", "quarter", "week", "this", "next", "also", "more", "purchase"),
    # "nothing that needs me to …": the little words of a rule forbid nothing
    *("nothing", "anything", "that", "which", "need", "needs", "with", "from", "into", "have"),
    *("must", "should", "your", "their", "them", "these", "those", "ever", "other"),
}


def rule_touches(rule: str, text: str) -> bool:
    """A step whose words name what a rule among the goals forbids ("no hardware purchases
    this year" and a pilot "on your own hardware")."""
    return ruled_word(rule, text) is not None


def ruled_word(rule: str, text: str) -> str | None:
    """The rule's first word the step names too ("hardware"), or None."""
    found = {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", text.casefold())}
    return next(
        (
            w
            for w in re.findall(r"[a-z]{4,}", rule.casefold())
            if w not in _RULE_PLAIN and w.rstrip("s") in found
        ),
        None,
    )


def is_cap(goal: str) -> bool:
    """ "no more than EUR 250k external spend on AI": a ceiling, not an outcome to serve."""
    if _LESS.search(goal) or _MODEL_SPEND.search(goal.casefold()):  # "cut … below"; "the
        return False  # Claude bill under $2k" is model spend, which pricing a workload serves
    return SPEND_CAP.search(goal) is not None


def has_deadline(goal: str) -> bool:
    """ "ship an AI scheduling assistant by March": the goal names its own date."""
    return DUE.search(goal) is not None


def goal_measure(goal: str) -> str:
    """What shows the goal worked, the target it names ("30% below it") and the date it names
    ("…, before August")."""
    due = DUE.search(goal)
    measure = _measure(DUE.sub("", goal))  # "by Q2" names a date, not a target
    if measure == YES_NO and "launch" in goal_tags(goal):  # "… live by Q3": the date said it
        measure = dict(GOAL_MEASURES)["launch"]
    if ("baseline" in measure or "this month's" in measure) and (span := _FROM_TO.search(goal)):
        head = re.split(r",?\s+against\b", measure, maxsplit=1)[0]  # the baseline is said
        named = _LEAD_VERB.sub("", goal[: span.start()]).strip(" ,;:")  # "fraud losses"
        head = named if named and head in _VAGUE_HEADS else head
        measure = f"{head}, from {span.group('a')} today; target: {span.group('b')}"
    elif "baseline" in measure or "this month's" in measure:
        measure += target_of(goal) or _ceiling(goal)
    elif measure == REVENUE_MEASURE and (won := _WON.search(DUE.sub("", goal))):
        measure += f"; target: {won.group(0)}"  # "get 10 paying clinics": the 10 counts
    return f"{measure}, {due.group(0)}" if due else measure


_AMOUNT = (  # "2%", "1.2 crore", "CHF 4m", "€300k", "48 hours"
    r"(?:(?:[$€£₹]|(?:chf|eur|usd|inr|gbp|rs\.?)\s?)?\d[\d.,']*"
    r"(?:\s?(?:%|k|m|bn|million|billion|lakhs?|crores?|cr|days?|hours?|hrs?|minutes?|mins?|"
    r"weeks?|seconds?|secs?|ms)(?![a-z]))?)"
)
NUMBER_MEASURE = "the number in the goal"
_VAGUE_HEADS = (NUMBER_MEASURE, "the time in the goal", "the cost the goal names")
_LEAD_VERB = re.compile(
    r"^\s*(?:(?:we\s+)?(?:must|need\s+to|want\s+to|should)\s+)?(?:cut|reduce|lower|decrease|"
    r"bring(?:\s+down)?|get|increase|raise|grow|improve|lift|push|move|shrink|halve)\s+"
    r"(?:the\s+|our\s+)?",
    re.I,
)
_FROM_TO = re.compile(  # "cut chargebacks from 2% to 1%": the baseline and the target, said
    rf"\bfrom\s+(?P<a>{_AMOUNT})\s+(?:(?:down|up)\s+)?to\s+(?P<b>(?:(?:under|below|less than|"
    rf"at most|above|over|at least|more than)\s+)?{_AMOUNT})",
    re.I,
)
_UNDER = re.compile(  # "keep AI spend under CHF 100k": the ceiling the spend stays below
    rf"\b(?P<w>under|below|less than|at most|no more than|max(?:imum)?)\s+(?P<a>{_AMOUNT})"
    r"(?P<per>\s+(?:a|per|each)\s+(?:year|month|quarter|week))?",
    re.I,
)


def _ceiling(goal: str) -> str:
    """ "; ceiling: under CHF 100k" for a spend a goal keeps below a figure, else nothing."""
    m = _UNDER.search(goal)
    return f"; ceiling: {m.group(0)}" if m else ""


_SHARE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|percent|prozent)", re.I)
_LESS = re.compile(
    r"\b(?:cut|reduce|lower|decrease|shrink|shorten|bring down|speed up|save|senken|reduzieren|"
    r"verkürzen|beschleunigen|verringern|réduire|baisser)\b",
    re.I,
)
_MORE = re.compile(
    r"\b(?:increase|raise|grow|boost|lift|improve|steigern|erhöhen|augmenter)\b"
    r"|\bup\s+(?:by\s+)?\d",  # "on-time delivery up 10%"
    re.I,
)
_HALVE = re.compile(r"\b(?:halve|halving|by half|in half|halbieren|diviser par deux)\b", re.I)


def target_of(goal: str) -> str:
    """The target a goal names against its baseline: "cut API costs by 30%" → "; target: 30%
    below it"; "halve …" → 50% below; nothing when it names no share and direction."""
    if _HALVE.search(goal):
        return "; target: 50% below it"
    share = _SHARE.search(goal)
    if share is None:  # "by twenty percent", as dictated
        spoken = next((q for q in scan(goal) if q.unit == "%" and len(q.readings) == 1), None)
        if spoken is None:
            return ""
        said, level = plain(spoken.readings[0]), goal[: spoken.start].rstrip().endswith(" to")
    else:
        said, level = share.group(1), bool(re.search(rf"\bto\s+{re.escape(share.group(0))}", goal))
    if level:  # "… to 95%": a level
        return f"; target: {said}%"
    if _LESS.search(goal):
        return f"; target: {said}% below it"
    if _MORE.search(goal):
        return f"; target: {said}% above it"
    return ""


IP_NAMED = re.compile(  # a goal about intellectual property, not any legal risk
    r"\b(?:ip|copyright|trademarks?|infring\w*|intellectual property|urheberrecht\w*|"
    r"markenrecht\w*|droit d'auteur)\b",
    re.I,
)


def _measure(goal: str) -> str:
    if is_cap(goal):
        return CAP_MEASURE
    if is_rule(goal):
        return "no exception to it, checked at the end of each quarter"
    if delivered := delivery_named(goal):
        return delivery_measure(delivered)
    if INTO_USE.search(goal.casefold()):
        return dict(GOAL_MEASURES)["launch"]
    if manual := WORKFLOW_MANUAL.search(goal):  # "cut manual invoice matching by half"
        return f"the {manual.group('w')} done by hand a week, against a baseline taken this month"
    tags = goal_tags(goal)
    for tag, measure in GOAL_MEASURES:
        if tag == "time" and not _TIMED.search(goal):  # "dispute handling" names no time
            continue
        if tag == "risk" and not IP_NAMED.search(goal):  # "no lawsuits": not about images
            continue
        if tag == "images" and reduces_image_work(goal, tags):
            continue  # "cut image production cost by 30%": its cost, not images published
        if (
            tag in tags
            and tag in _OWN_NUMBER_FIRST
            and (_FIGURE.search(goal) or _HALVE.search(goal))
        ):
            break
        if tag in tags:
            return measure
    if version := _VERSION.search(goal):  # "get the toolkit to 1.0": a release, not a count
        return f"version {version.group('v')} released, with what it must do written down first"
    if counted := _COUNT_DONE.search(goal):  # "publish 2 papers": how many, against the target
        verb, n, what = counted.group("verb", "n", "what")
        if counted.group("one"):  # "win one SNSF grant": SNSF grants won, against the one
            n, what = counted.group("one"), counted.group("single") + "s"
        done = _DONE.get(verb.casefold(), verb + ("d" if verb.endswith("e") else "ed"))
        return f"{what} {done} this year, against the {n} it names"
    if _FIGURE.search(goal):
        return f"{NUMBER_MEASURE}, against a baseline taken this month"
    if task := task_named(goal):  # "draft test reports": the minutes, and what is kept
        return task_measure(*task[:2])
    return YES_NO


_VERSION = re.compile(r"\b(?:to|release|ship|reach|version)\s+v?(?P<v>\d+\.\d+(?:\.\d+)?)\b", re.I)
_NOT_A_NOUN = r"(?:this|next|in|for|to|by|and|with|per|each|from|at|on|before|within|until|of)"
_COUNT_DONE = re.compile(  # "publish 2 papers"; "win one SNSF grant": one, in the singular
    r"\b(?P<verb>publish|submit|release|ship|hire|sign|land|file|present|launch|win|secure)\s+"
    r"(?:(?P<n>\d+|two|three|four|five|six|ten)\s+(?:new\s+|more\s+)?"
    r"(?P<what>(?:[a-z][\w-]*\s+)?[a-z][\w-]*s)"
    rf"|(?P<one>one|1)\s+(?:new\s+|more\s+)?(?P<single>(?:[a-z][\w-]*\s+(?!{_NOT_A_NOUN}\b))?[a-z][\w-]*))\b",
    re.I,
)
_DONE = {"ship": "shipped", "submit": "submitted", "win": "won"}
_TIME_SPENT = re.compile(  # "the time dentists spend", "the hours our nurses spend"
    r"\b(?:time|hours|days|weeks|minutes)\s+(?:(?!on\b|for\b|of\b)[a-z'-]+\s+){1,3}?spends?\b"
)


_DURATION = re.compile(r"\b(?:under|below|within|less than|<)\s*\d+(?:\.\d+)?\s*(?:ms|s|sec)\b")
_LATENCY_SAID = re.compile(r"latency|p9\d|response time|real[- ]?time|instant|\bsec|\bms\b")
_MODEL_SPEND = re.compile(
    r"\b(?:api|apis|model|models|llm|llms|token|tokens|inference|openai|anthropic|vendor|"
    r"vendors|gpu|gpus|cloud ai|ai(?=\s+(?:spend|costs?|bills?|budget|tools?))|"
    rf"{'|'.join(VERSIONED_MODELS)}|chatgpt|azure|bedrock|midjourney|copilot|"
    r"(?:per|pro|je|par)\s+(?:request|query|inference|api call|anfrage|abfrage|requête))(?:\b|-?\d)"
)


_WIN = re.compile(
    r"\b(?:win|land|sign|gain|add)\s+(?:\d+|a|an|one|two|three|four|five|more|new|some)?\s*"
    r"(?:new\s+|more\s+)?(?:[a-z-]+\s+)?(?:clients?|customers?|accounts?|deals?|contracts?)\b"
)
_PAYING = re.compile(  # "get 10 paying clinics": customers, whatever the user calls them
    r"\bpaying\s+(?!for\b|off\b|back\b|down\b|out\b|attention\b|less\b|more\b|too\b|"
    r"twice\b|the\b|our\b|us\b|them\b|people\b|staff\b)[a-z]"
)
_WON = re.compile(  # the count a revenue goal names: "10 paying clinics", "two client pitches"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|a dozen)\s+"
    r"(?:(?:new|more|paying|[a-z]+-[a-z]+|[a-z]+)\s+){0,2}?(?:paying\s+)?[a-z]+s\b",
    re.I,
)
_NOT_A_PILOT = re.compile(r"\b(?:co|auto)-?pilots?\b")
_NOT_A_COST = re.compile(r"\bbilling\b")  # "into the billing workflow": a workflow, not a bill
INTO_USE = re.compile(
    r"\binto\s+(?:the\s+|our\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:workflow|process|production)\b"
)
_FIGURE = re.compile(r"(?<![\w-])\d")  # a figure, not the digits of a name ("ICD-10", "gpt-4o")
POLICY = re.compile(  # "a policy for staff use of chatbots", "an AI acceptable-use policy by Q2"
    r"^(?:(?:we\s+)?(?:must|need\s+to|want\s+to|should)\s+|to\s+)?"  # "we need to draft …"
    r"(?:(?:write|agree|publish|draft|adopt|set|have|get|put)\s+(?:up\s+|out\s+|in place\s+)?)?"
    r"(?:an?\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:policy|policies|guidelines?)"
    r"(?:\s+(?:for|on|about|governing|in place)\b|\s*$|\s+(?:by|before|in|until)\s)",
    re.I,
)


def reduces_image_work(goal: str, tags: set[str]) -> bool:
    """ "cut image production cost by 30%", "halve the time visuals take": the images are what
    the goal is about, the cost or time of making them the outcome (not IP controls)."""
    return (
        "images" in tags
        and bool(tags & {"cost", "time"})
        and not IP_NAMED.search(goal)
        and bool(_LESS.search(goal) or _HALVE.search(goal))
    )


_NOT_A_TIME = re.compile(r"\b(?:on|first|part|full|one)[- ]time\b")
_MADE = re.compile(  # "image production cost": the making of something, not a go-live
    r"\bproduction\s+(?=(?:costs?|time|times|spend|spending|budget|volume|capacity|process|"
    r"pipeline|line|lines|output|rate|team|hours|days)\b)"
)


_SOLD = re.compile(  # "offer an AI audit service to clients", "sell a package to customers"
    r"\b(?:offer|sell|package|provide)\b.{0,60}?\b(?:service|offering|package|product)s?\b"
    r".{0,20}?\b(?:to|for)\s+(?:our\s+|my\s+|the\s+)?(?:clients|customers)\b"
)


def goal_tags(goal: str) -> set[str]:
    if is_cap(goal):  # a ceiling the plan keeps: no step serves it
        return {"cap"}
    g = _TIME_SPENT.sub("time", goal.casefold())  # "the time we spend on decks": not money
    plain = _NOT_A_PILOT.sub("assistant", g)  # "ship the copilot": a launch, not a pilot
    plain = _NOT_A_COST.sub("invoicing", plain)
    plain = _MADE.sub("making ", plain)
    plain = _NOT_A_TIME.sub("punctual", plain)  # "on-time delivery up 10%": a rate, not a time
    tags = {tag for tag, words in GOAL_WORDS.items() if any(w in plain for w in words)}
    if INTO_USE.search(g):  # "get coding suggestions into the billing workflow": put live
        tags.add("launch")
    if POLICY.search(g):  # a policy to write is the outcome, whatever it governs
        tags.add("policy")
    if _WIN.search(g) or _PAYING.search(g):  # "win 2 new retainer clients", "10 paying clinics"
        tags.add("revenue")
    if _DURATION.search(g):  # "keep answers under 1s", "below 300 ms"
        tags.add("latency")
    elif {"latency", "time"} <= tags and not _LATENCY_SAID.search(g):
        tags.discard("latency")  # "answer citizen questions 30% faster": the time a case takes
    if "cost" in tags and _MODEL_SPEND.search(g):  # "cut API spend": tokens, not labour
        tags = (tags - {"cost"}) | {"model-cost"}
    if tags == {"cost"} and vague_cost(goal):  # "reduce costs": read as AI spend, said back
        tags = {"model-cost"}
    if _SOLD.search(g):  # "offer an 'AI audit' service to clients": sold, not their own audit
        return {"revenue"}
    if "audit" in tags:  # "pass the audit with every agent decision traceable": the agents are
        tags -= {"agents", "automation"}  # what is audited, not a prototype to build
    return tags


_COST_FILLER = re.compile(  # "reduce costs", "save money", "Kosten senken": no cost named
    r"\b(?:reduce|cut|lower|save|saving|savings|decrease|shrink|minimi[sz]e|bring|down|costs?|"
    r"money|spend|spending|expenses?|our|the|overall|general|in general|more|some|"
    r"kosten|senken|reduzieren|sparen|einsparen|geld|unsere|réduire|les|coûts|couts)\b|[^\w]+",
    re.I,
)


def vague_cost(goal: str) -> bool:
    """A cost goal naming neither a cost nor a target ("reduce costs"): the roadmap reads it as
    model spend and says so."""
    return not re.search(r"\d", goal) and not _COST_FILLER.sub("", goal.casefold())
