"""Text for chat platforms, shared by Slack and Teams: making untrusted text inert and
splitting long text to a platform's limit. Pure."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_INERT = str.maketrans({"<": "‹", ">": "›", "[": "⁅", "]": "⁆", "`": "'"})
# an ampersand only where it could start an entity ("&lt;", "&#60;"): "M&A", "R&D" stay as typed
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_DELINK = str.maketrans({"<": "‹", ">": "›", "[": "⁅", "]": "⁆"})
_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
# a scheme only where a link could follow it ("data:text/html…", not "Public data: none"), also
# glued to a word before it ("gotohttps://…": some linkifiers start a link there)
_SCHEME = re.compile(r"(?i)(https?|ftp|mailto|slack|file|javascript|data|tel|sms):(?=\S)(//)?")
_DOMAIN = re.compile(r"(?i)\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b")
_DOT = "\u2024"  # one dot leader: reads as a dot, links nothing
FENCE = "```"


_ASCII_CONTROL = {c: None for c in (*range(0x20), 0x7F) if chr(c) not in "\n\t"}


def visible(text: str) -> str:
    """Without control and format characters (zero-width, right-to-left overrides), except
    newlines and tabs."""
    if text.isprintable():  # no control or format character (nor a newline or tab)
        return text
    if text.isascii():  # ASCII has no format characters, only these controls
        return text.translate(_ASCII_CONTROL)
    # each distinct character looked up once (a text has few), not every one of its characters
    dropped = {
        ord(ch): None
        for ch in set(text)
        if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf")
    }
    return text.translate(dropped) if dropped else text


def delink(text: str) -> str:
    """Untrusted text in a message of ours, on any platform: no link, image, HTML tag, mention
    or auto-linked address can form from it (brackets, schemes and domains are broken), while
    Markdown emphasis and lists stay."""
    text = visible(text).translate(_DELINK)
    text = _BROADCAST.sub("@\u200b\\1", text)
    text = _SCHEME.sub(lambda m: m.group(1) + ":\u200b" + (m.group(2) or ""), text)
    return _DOMAIN.sub(lambda m: m.group(0).replace(".", _DOT), text)


def inert(fragment: str, limit: int = 200) -> str:
    """A user-given fragment to quote back inside our own message: no mention, link, markup or
    code fence can form from it, and it is cut to ``limit`` characters with a note."""
    fragment = visible(fragment)
    text = fragment if len(fragment) <= limit else fragment[: limit - 1] + "…"
    return delink(_ENTITY.sub("＆", text.translate(_INERT)))


# what untrusted text inside our own emphasis (a paper's title in "**…**") must not start:
# standard Markdown (Teams) escapes it with a backslash; Slack's mrkdwn has no escape, so a
# look-alike stands in ("∗", "∼", "'"), and "_" only at a word's edge, where it could italicise
_MARKDOWN_MARKS = re.compile(r"([\\`*_~])")
_MRKDWN_MARKS = str.maketrans({"*": "\u2217", "~": "\u223c", "`": "'"})
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")


def literal(text: str, platform: str) -> str:
    """Untrusted text shown as typed inside our Markdown on ``platform`` ("slack": mrkdwn,
    else standard Markdown): no emphasis, strike-through or code can start or end in it."""
    if platform == "slack":
        return _EDGE_UNDERSCORE.sub("\u02cd", text.translate(_MRKDWN_MARKS))
    return _MARKDOWN_MARKS.sub(r"\\\1", text)


def split_text(
    text: str, limit: int, size: Callable[[str], int] = len, reserve: int = 8
) -> list[str]:
    """Split on paragraphs, then lines, then words, then characters, so that ``size`` of every
    piece is at most ``limit``. ``size`` measures a piece as the platform will see it (after
    escaping): split first, escape each piece after, and no escape sequence is ever cut. A code
    fence cut in two is closed and reopened (``reserve`` characters are kept for that)."""
    budget = limit - reserve
    pieces: list[str] = []
    for para in text.split("\n\n"):
        pieces += [para] if size(para) <= budget else _split(para, budget, size, "\n")
    return _balance_fences(_pack(pieces, budget, size, "\n\n"))


def _split(text: str, budget: int, size: Callable[[str], int], sep: str) -> list[str]:
    units = text.split(sep)
    out: list[str] = []
    for unit in units:
        if size(unit) <= budget:
            out.append(unit)
        elif sep == "\n":
            out += _split(unit, budget, size, " ")
        else:
            out += _hard(unit, budget, size)
    return _pack(out, budget, size, sep)


def _hard(word: str, budget: int, size: Callable[[str], int]) -> list[str]:
    out, current = [], ""
    for ch in word:
        if current and size(current + ch) > budget:
            out.append(current)
            current = ""
        current += ch
    return [*out, current] if current else out


def _pack(units: list[str], budget: int, size: Callable[[str], int], sep: str) -> list[str]:
    """Greedy packing; sizes add up (escaping is per character), so each unit is measured once."""
    chunks: list[str] = []
    current: list[str] = []
    used, gap = 0, size(sep)
    for unit in units:
        n = size(unit)
        if current and used + gap + n > budget:
            chunks.append(sep.join(current))
            current, used = [], 0
        used += (gap if current else 0) + n
        current.append(unit)
    if current and any(current):
        chunks.append(sep.join(current))
    return chunks


def _balance_fences(chunks: list[str]) -> list[str]:
    fixed, carry = [], False
    for chunk in chunks:
        text = f"{FENCE}\n{chunk}" if carry else chunk
        carry = text.count(FENCE) % 2 == 1
        fixed.append(text + f"\n{FENCE}" if carry else text)
    return fixed
