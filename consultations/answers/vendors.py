"""Model families and vendor names as people type them, in any case ("claude 3.5", "gpt-4o",
"openai"): what a list of vendors names, and what no figure is read from."""

from __future__ import annotations

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
