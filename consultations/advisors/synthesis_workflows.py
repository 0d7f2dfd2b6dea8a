"""The workflow, delivery or written work a roadmap goal names ("cut loan-review time by
30%" → loan-review; "ship a self-serve onboarding flow"; "the time dentists spend on notes"),
for a prototype of that one rather than a hunt for one. Pure."""

from __future__ import annotations

import re

_WORKFLOW_TIME = re.compile(  # "cut KYC onboarding time by 40%": the workflow is KYC onboarding
    r"\b(?:cut|reduce|halve|shorten|lower|decrease|speed up|bring down|improve)\s+"
    r"(?:the\s+|our\s+|my\s+|their\s+)?(?P<w>[a-z0-9][\w&/-]*(?:\s+[\w&/-]+){0,3}?)\s+times?\b",
    re.I,
)
_WORKFLOW_TIME_DOWN = re.compile(  # "KYC onboarding time -40%", "claims time down 30%"
    r"^\s*(?P<w>[a-z0-9][\w&/-]*(?:\s+[\w&/-]+){0,3}?)\s+times?\s*"
    r"(?:[-−–]|down(?:\s+by)?|minus|reduced\s+by|halved)\s*(?:\d{1,3}\s*%|$)",
    re.I,
)
NO_WORKFLOW = {  # "cut response time": a measure, not a workflow to prototype
    *("response", "handling", "processing", "wait", "waiting", "lead", "turnaround", "cycle"),
    *("resolution", "review", "average", "total", "reply", "answer", "loading", "load", "run"),
    *("the", "our", "their", "its", "down", "idle", "screen", "build", "compute", "query"),
    # "cut KYC analyst time": whose time, not another workflow than KYC
    *("analyst", "analysts", "clerk", "clerks", "handler", "handlers", "officer", "officers"),
    *("staff", "employee", "employees", "sachbearbeiter"),
    *("optimisation", "optimization", "optimising", "optimizing"),  # "slotting optimisation"
}


_WORKFLOW_PILOT = re.compile(  # "launch a broker-email agent pilot": the broker-email agent
    r"\b(?:launch|start|run|ship|build|deploy|do)\s+(?:a|an|the|our)\s+"
    r"(?P<w>[a-z0-9][\w&/-]*(?:\s+[\w&/-]+){0,3}?)\s+(?:pilot|prototype|poc|proof of concept)\b",
    re.I,
)
_PILOT_FOR = re.compile(  # "launch an agent pilot for broker emails": the broker emails
    r"\b(?:pilot|prototype|poc|proof of concept)\s+(?:for|on|of)\s+"
    r"(?:the\s+|our\s+|my\s+|their\s+)?"
    r"(?P<w>[a-z][\w&/-]*(?:\s+(?!by\b|in\b|to\b|before\b|until\b|and\b|with\b|this\b|"
    r"next\b|within\b)[a-z][\w&/-]*){0,2})",
    re.I,
)
_PILOT_VERB = re.compile(  # "prototype load planning by Q2": the load planning
    r"^\s*(?:(?:we\s+)?(?:must|need\s+to|want\s+to|should)\s+|to\s+)?(?:prototype|pilot)\s+"
    r"(?:the\s+|our\s+|an?\s+)?"
    r"(?P<w>[a-z][\w&/-]*(?:\s+(?!by\b|in\b|to\b|before\b|until\b|and\b|with\b|this\b|"
    r"next\b|within\b|for\b)[a-z][\w&/-]*){0,2})",
    re.I,
)
_WORKFLOW_AUTOMATE = re.compile(  # "automate invoice exception handling": that workflow
    r"\bautomat(?:e|ing)\s+(?:the\s+|our\s+|my\s+|their\s+|more\s+of\s+)?"
    r"(?P<w>[a-z][\w&/-]*(?:\s+(?!by\b|for\b|with\b|in\b|to\b|before\b|until\b|and\b|"
    r"end-to-end\b|e2e\b|fully\b|completely\b|entirely\b)"
    r"[a-z][\w&/-]*){0,3})",
    re.I,
)
WORKFLOW_MANUAL = re.compile(  # "cut manual invoice matching by half": invoice matching
    r"\b(?:cut|reduce|halve|shrink|lower|decrease|end|eliminate|remove|automate)\s+"
    r"(?:the\s+|our\s+|my\s+|their\s+)?(?:amount\s+of\s+)?manual\s+"
    r"(?P<w>[a-z][\w&/-]*(?:\s+(?!by\b|for\b|with\b|in\b|to\b|before\b|until\b|and\b)"
    r"[a-z][\w&/-]*){0,3})",
    re.I,
)
_WORKFLOW_FASTER = re.compile(  # "Schadenbearbeitung um 30 % beschleunigen": that workflow
    r"^(?P<w>[^\W\d_][\w-]*)\s+um\s+\d+(?:[.,]\d+)?\s*(?:%|prozent)\s+"
    r"(?:beschleunigen|verkürzen|schneller)",
    re.I,
)
_FASTER_WORKFLOW = re.compile(  # "faster fraud review", "speed up claims handling": that one
    r"^\s*(?:(?:make|get)\s+)?(?:faster|quicker|speedier|speed\s+up)\s+(?:the\s+|our\s+)?"
    r"(?P<w>[a-z][\w&/-]*(?:\s+[\w&/-]+){0,3}?)\s*(?:$|[,.;]|\s+(?:by|to|in|within)\b)",
    re.I,
)
_MEASURES = {"time", "times", "market", "responses", "replies", "answers", "results", "turnaround"}
_NO_AUTOMATE = {  # "automate more workflows": no workflow named
    *("more", "workflows", "workflow", "processes", "process", "tasks", "work", "it"),
    *("everything", "things", "parts", "manual", "repetitive", "some", "most", "of"),
}
THINGS = {"agent", "agents", "assistant", "bot", "chatbot", "copilot", "model", "tool", "pilot"}
_GENERIC = {
    "ai",
    "genai",
    "gen",
    "llm",
    "new",
    "first",
    "small",
    "internal",
    "agentic",
    "something",
    "anything",
    "things",
    "stuff",
    *THINGS,
}


_DELIVERY = re.compile(  # "ship a self-serve onboarding flow": a thing to build and put live
    r"\b(?:(?:ship|launch|build|deliver|release|roll out|go live with)\s+(?:a|an|the|our)\s+"
    r"(?P<w>[a-z0-9][\w&/-]*(?:\s+[\w&/-]+){0,3}?)\s+"
    r"(?:flow|journey|portal|app|wizard|form|experience|self-service)\b"
    r"|(?:ship|deliver|release|roll out|go live with)\s+(?:(?:a|an|the|our)\s+)?"  # to users
    r"(?P<u>[a-z0-9][\w&/-]*(?:\s+[\w&/-]+){0,3}?)\s+(?:copilot|assistant)\s+to\s+(?=[a-z]))",
    re.I,
)


def delivery_named(goal: str) -> str | None:
    """The thing a goal asks to put live ("ship a self-serve onboarding flow" → "self-serve
    onboarding flow"), or None."""
    m = _DELIVERY.search(goal)
    part = ("w" if m.group("w") else "u") if m else "w"
    words = re.findall(r"[a-z0-9]+", m.group(part).casefold()) if m else []
    if m and any(w not in _GENERIC for w in words):
        end = m.end() if part == "w" else goal.rfind(" to ", m.start(part), m.end())
        return goal[m.start(part) : end]
    return None


def delivery_process(thing: str) -> str:
    """What a delivery does, by hand today: "self-serve onboarding flow" → "onboarding"."""
    words = thing.split()[:-1]
    plain = {"self-serve", "self-service", "online", "ai", "genai", "llm", "smart", "ai-powered"}
    kept = [w for w in words if w.casefold() not in plain]  # "AI onboarding": onboarding
    return " ".join(kept) or thing


def delivery_measure(thing: str) -> str:
    if thing.split()[-1].casefold() in ("copilot", "assistant"):  # it helps a person decide
        return (
            f"the share of {delivery_process(thing)} cases where people accept the {thing}'s "
            "suggestion, and the time each case takes against this month's"
        )
    return (
        f"the share of {delivery_process(thing)} cases completed in the {thing} without a "
        "person, against this month's"
    )


_TIME_ON = re.compile(  # "the time dentists spend on notes by half": who, and on what
    r"\b(?:time|hours|days|minutes)\s+(?P<who>(?:(?!on\b)[a-z'-]+\s+){1,3}?)spends?\s+"
    r"(?:on|writing|doing)\s+(?:the\s+|their\s+|our\s+)?"
    r"(?P<w>[a-z][\w-]*(?:\s+(?!by\b|per\b|to\b|in\b|each\b)[a-z][\w-]*){0,2})",
    re.I,
)
_WHO_PLAIN = {"the", "our", "their", "each", "every", "we", "you", "they", "i"}
DOCUMENTS = {  # written work a person drafts by hand: a draft to correct and sign is the step
    *("note", "notes", "letter", "letters", "report", "reports", "summary", "summaries"),
    *("documentation", "paperwork", "charting", "write-up", "write-ups", "minutes", "records"),
}


def time_spent_on(goal: str) -> tuple[str, str] | None:
    """Who spends the time and on what ("cut the time dentists spend on notes by half" →
    ("dentists", "notes")), or None."""
    m = _TIME_ON.search(goal)
    if not m:
        return None
    who = [w for w in m.group("who").split() if w.casefold() not in _WHO_PLAIN]
    return (" ".join(who) or "people", m.group("w"))


def documents_named(goal: str) -> tuple[str, str] | None:
    """A time goal about written work ("… time dentists spend on notes"): who and what."""
    spent = time_spent_on(goal)
    if spent and spent[1].split()[-1].casefold() in DOCUMENTS:
        return spent
    return None


def workflow_named(goal: str) -> str | None:
    """The workflow a goal names ("cut loan-review time by 30%" → "loan-review", "launch a
    broker-email agent pilot" → "broker-email agent"), or None when it names only a measure
    ("cut response time") or a kind of thing ("launch an agent pilot"); a delivery ("ship a
    self-serve onboarding flow") is its own workflow."""
    if delivered := delivery_named(goal):
        return delivered
    if spent := time_spent_on(goal):
        return spent[1]
    for pattern, plain in (
        (_WORKFLOW_TIME, NO_WORKFLOW),
        (_WORKFLOW_TIME_DOWN, NO_WORKFLOW),
        (WORKFLOW_MANUAL, _NO_AUTOMATE | _GENERIC),
        (_WORKFLOW_PILOT, _GENERIC),
        (_PILOT_FOR, _GENERIC | _NO_AUTOMATE),
        (_PILOT_VERB, _GENERIC | _NO_AUTOMATE),
        (_WORKFLOW_AUTOMATE, _NO_AUTOMATE | _GENERIC),
        (_WORKFLOW_FASTER, {"bearbeitungszeit", "antwortzeit", "durchlaufzeit", "zeit"}),
        (_FASTER_WORKFLOW, NO_WORKFLOW | _GENERIC | _MEASURES),
    ):
        m = pattern.search(goal)
        words = re.findall(r"[a-z0-9]+", m.group("w").casefold()) if m else []
        if m and any(w not in plain for w in words):
            return m.group("w")
    return None


_DOING = {  # a task a model could do, as a goal names it: "summarise maintenance logs"
    "summarise": "summarising",
    "summarize": "summarizing",
    "draft": "drafting",
    "write": "writing",
    "translate": "translating",
    "transcribe": "transcribing",
    "extract": "extracting",
    "classify": "classifying",
    "triage": "triaging",
    "answer": "answering",
    "caption": "captioning",
    "redact": "redacting",
    "tag": "tagging",
    "route": "routing",
}
_TASK = re.compile(  # "summarise maintenance logs for technicians", "draft test reports"
    r"^\s*(?:(?:we\s+)?(?:must|need\s+to|want\s+to|should)\s+|to\s+|(?:ai|it)\s+(?:should|must)\s+)?"
    rf"(?P<v>{'|'.join(_DOING)})\s+(?:the\s+|our\s+|all\s+)?"
    r"(?P<w>[a-z][\w&/-]*(?:\s+(?!for\b|by\b|in\b|within\b|before\b|until\b|to\b|and\b|from\b|"
    r"with\b|on\b|into\b|without\b|at\b|per\b|across\b)[a-z][\w&/-]*){0,3})"
    r"(?:\s+(?:for|to)\s+(?:the\s+|our\s+|my\s+|their\s+)?(?P<who>[a-z][\w-]*(?:\s+(?!by\b|in\b|within\b|"
    r"before\b|until\b)[a-z][\w-]*)?))?",
    re.I,
)


def task_named(goal: str) -> tuple[str, str, str] | None:
    """The task a goal asks a model to do, as (doing, on what, for whom): "summarise
    maintenance logs for technicians" → ("summarising", "maintenance logs", "technicians");
    "draft test reports" → ("drafting", "test reports", "the people who do it today")."""
    m = _TASK.search(goal)
    if m is None or m.group("w").casefold() in {"it", "them", "everything", "things", "stuff"}:
        return None
    if m.group("w").split()[-1].casefold() in {"policy", "policies", "guideline", "guidelines"}:
        return None  # "draft an AI usage policy": a policy to agree, not a task to prototype
    who = m.group("who") or "the people who do it today"
    return _DOING[m.group("v").casefold()], m.group("w"), who


def task_measure(doing: str, what: str) -> str:
    return (
        f"minutes per case {doing} {what} against this month's, and the share of results "
        "used without correction"
    )
