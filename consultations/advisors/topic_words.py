"""Research topics typed in German, read in English: papers are written in English, and a
topic matches a paper only by its words ("Dokumentenverarbeitung" matched nothing). Pure."""

from __future__ import annotations

import re

# German phrases for common research topics (longest first where one holds another)
_GERMAN = (
    ("dokumentenverarbeitung", "document processing"),
    ("dokumentenanalyse", "document understanding"),
    ("kleine modelle", "small models"),
    ("kleine sprachmodelle", "small language models"),
    ("sprachmodelle", "language models"),
    ("eigener hardware", "on-device"),
    ("eigene hardware", "on-device"),
    ("lokale modelle", "local models"),
    ("lokal", "on-device"),
    ("agenten", "agents"),
    ("quantisierung", "quantization"),
    ("halluzinationen", "hallucination"),
    ("halluzination", "hallucination"),
    ("bildgenerierung", "image generation"),
    ("spracherkennung", "speech recognition"),
    ("übersetzung", "translation"),
    ("zusammenfassung", "summarization"),
    ("langer kontext", "long context"),
    ("lange kontexte", "long context"),
    ("bewertung", "evaluation"),
    ("evaluierung", "evaluation"),
    ("datenschutz", "privacy"),
    ("sicherheit", "safety"),
    ("robotik", "robotics"),
    ("effizienz", "efficiency"),
    ("suche", "search"),
    ("schlussfolgern", "reasoning"),
)


def in_english(topic: str) -> tuple[str, ...]:
    """The English topics a German one names ("kleine Modelle auf eigener Hardware" → small
    models, on-device); the topic itself when it names none of them."""
    low = topic.casefold()
    found: list[str] = []
    for german, english in _GERMAN:
        if re.search(rf"(?<![a-zäöüß]){re.escape(german)}(?![a-zäöüß])", low):
            low = low.replace(german, " ")
            found.append(english)
    return tuple(dict.fromkeys(found)) or (topic,)
