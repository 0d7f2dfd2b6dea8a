"""Model families and vendor names as people type them, in any case ("claude 3.5", "gpt-4o",
"openai"): what a list of vendors names, and what no figure is read from."""

from __future__ import annotations

import re

# Model families whose version follows the name ("claude 3.5", "gpt-4o", "llama 3 70b")
VERSIONED_MODELS = (
    "gpt",
    "claude",
    "llama",
    "gemini",
    "gemma",
    "qwen",
    "mistral",
    "mixtral",
    "codestral",
    "phi",
    "deepseek",
    "grok",
    "olmo",
    "granite",
    "kimi",
    "glm",
    "sdxl",
)
# A model's tier between its family and its version ("claude sonnet 4", "mistral large 2")
MODEL_TIERS = (
    "large",
    "medium",
    "small",
    "nemo",
    "sonnet",
    "opus",
    "haiku",
    "pro",
    "flash",
    "ultra",
    "nano",
    "mini",
    "turbo",
    "coder",
    "maverick",
    "scout",
)
# Model and vendor names people type in lower case ("claude for code, llama 3 on prem")
MODEL_WORDS = frozenset(VERSIONED_MODELS) | {
    "openai",
    "chatgpt",
    "anthropic",
    "google",
    "palm",
    "bard",
    "meta",
    "cohere",
    "xai",
    "azure",
    "bedrock",
    "titan",
    "falcon",
    "dall",
    "dalle",
    "midjourney",
    "stable",
    "flux",
    "imagen",
    "firefly",
    "copilot",
    "whisper",
    "ernie",
    "jamba",
    "perplexity",
}

# API vendors whose list prices are in US dollars, by the names people type for them
_USD_VENDORS = (
    (r"azure(?:[\s-]+open\s?ai)?", "Azure OpenAI"),
    (r"aws|amazon|bedrock", "AWS Bedrock"),
    (r"open\s?ai|chat\s?gpt|gpt(?=[\s-]?\d|\b)|o[134](?:-mini)?\b", "OpenAI"),
    (r"anthropic|claude", "Anthropic"),
    (r"google|gemini|vertex", "Google"),
)
_OTHER_VENDORS = re.compile(r"\b(?:mistral|aleph\s?alpha|ionos|stackit|ovh)\b", re.I)


def usd_vendor(text: str) -> str | None:
    """The vendor named in ``text`` that prices its API in US dollars ("bei openai so 2,50 /
    10"; "claude on bedrock": the first of these named), or None when none is, or a vendor
    pricing in other currencies is named too."""
    if _OTHER_VENDORS.search(text):
        return None
    named = [name for words, name in _USD_VENDORS if re.search(rf"\b(?:{words})", text, re.I)]
    return named[0] if named else None
