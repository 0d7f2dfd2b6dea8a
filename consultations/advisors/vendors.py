"""Vendors as named in answers: which company each model belongs to (two models of one company
are one vendor) and which make images, or search vectors, transcripts and speech, rather than
answers."""

from __future__ import annotations

import re

from consultations.advisors.words import join

IMAGE_WORDS = (
    "midjourney",
    "dall-e",
    "dalle",
    "firefly",
    "sdxl",
    "stable diffusion",
    "imagen",
    "flux",
    "image",
    "textur",  # a games studio's "Unity Muse for textures"
    "sprite",
    "concept art",
    "illustrat",
    "artwork",
    "picture",
    "photo",
)
# Models that make search vectors, rankings, transcripts, speech or translations, not answers:
# the convergence result (open-ended answers) says nothing about them; no chat model replaces
# the first four, and a translation service is judged on its own task
SEARCH_KINDS = (  # what it makes, and the set to judge it on
    ("embeddings", "search", r"embed\w*|vectors?"),
    ("rankings", "search", r"re-?rank\w*"),
    ("transcripts", "transcription", r"transcri\w*|speech[- ]to[- ]text|whisper|dictation"),
    ("speech", "voice", r"text[- ]to[- ]speech|tts|voices?|voice[- ]?overs?|elevenlabs"),
    # a translation service, not a language model used to translate ("GPT-4o for translation")
    (
        "translations",
        "translation",
        r"deepl|google translate|(?:azure|microsoft) translator|amazon translate|aws translate",
    ),
)
OWN_TASK = {"translations"}  # what language models do too: judged on its own evaluation
_KIND_WORDS = [(made, on, re.compile(rf"\b(?:{w})\b", re.I)) for made, on, w in SEARCH_KINDS]
# The company behind a model's name: two models of one company are one vendor (one contract,
# one SDK), so "gpt-4o and gpt-4o-mini" is not a second integration to upkeep
MAKERS = (
    ("OpenAI", r"openai|chatgpt|gpt|dall-?e|whisper|o[134](?:-mini)?"),
    ("Anthropic", r"anthropic|claude"),
    ("Google", r"google|gemini|gemma|palm|bard|imagen|vertex"),
    ("Meta", r"meta|llama"),
    ("Mistral", r"mistral|mixtral|codestral|pixtral"),
    ("Cohere", r"cohere"),
    ("xAI", r"xai|grok"),
    ("DeepSeek", r"deepseek"),
    ("Alibaba", r"qwen"),
)
MAKER_WORDS = [
    (name, re.compile(rf"(?<![a-z])(?:{words})(?![a-z])", re.I)) for name, words in MAKERS
]


def _maker(item: str) -> str | None:
    """The company whose name or model the line names first ("azure openai (gpt-4o)": OpenAI)."""
    hits = [(m.start(), name) for name, words in MAKER_WORDS if (m := words.search(item))]
    return min(hits)[1] if hits else None


def by_maker(items: tuple[str, ...]) -> tuple[list[str], str]:
    """One line per vendor: models of one company (of one kind: answers, images, or search and
    speech) together, and the sentence that says which were put together."""
    groups: dict[tuple[str, bool, bool], list[str]] = {}
    for item in items:
        groups.setdefault((_maker(item) or item, is_image(item), is_search(item)), []).append(item)
    vendors, joined = [], []
    for (maker, _, _), members in groups.items():
        if len(members) == 1:
            vendors.append(members[0])
            continue
        models = [m for m in members if m.casefold() != maker.casefold()]  # "OpenAI" said alone
        if not models:  # "OpenAI, openai": the maker twice
            vendors.append(members[0])
            continue
        vendors.append(f"{maker} ({'; '.join(models)})")
        joined.append(
            f"{models[0]} counts as {maker}"
            if len(models) == 1
            else f"{join(models)} count as one vendor, {maker}"
        )
    return vendors, "; ".join(joined)


def is_image(vendor: str) -> bool:
    low = vendor.casefold()
    return any(w in low for w in IMAGE_WORDS)


def is_search(vendor: str) -> bool:
    """A model of search vectors, rankings, transcripts or speech ("Whisper for dictation")."""
    return search_kind(vendor) is not None


def search_kind(vendor: str) -> tuple[str, str] | None:
    """What such a model makes ("transcripts") and the set to judge it on ("transcription")."""
    return next(((made, on) for made, on, w in _KIND_WORDS if w.search(vendor)), None)
