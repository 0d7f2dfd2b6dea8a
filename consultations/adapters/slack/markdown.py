"""The report as standard Markdown, one rendering for Slack's ``markdown`` block, its streamed
text and the report's canvas. Pure.

The narrative quotes the user's answers, so it is made inert first (``delink``: no link,
image, HTML tag, mention or auto-linked address), and character references such as ``&lt;``
are broken too, since a Markdown renderer turns them back into ``<``. Then our own Markdown
becomes standard Markdown: ``• `` bullets are list items, and lines that are not list items
are kept apart by a blank line (standard Markdown would run them together on one line)."""

from __future__ import annotations

import re

from consultations.text import FENCE, delink

MARKDOWN_LIMIT = 12_000  # characters of all markdown blocks in one message, together
_BULLET = re.compile(r"^(\s*)• ")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")
_ENTITY = re.compile(r"&(?=#?[0-9a-zA-Z]+;)")
_WORD_JOINER = "\u2060"  # invisible; "&\u2060lt;" is no character reference


def inert_markdown(text: str) -> str:
    """Untrusted text for a Markdown renderer: no link, mention, HTML or character reference
    can form from it, while emphasis, lists and code stay. Works on pieces cut at whitespace
    (as streamed text is), since nothing it breaks spans whitespace."""
    return _ENTITY.sub("&" + _WORD_JOINER, delink(text))


def standard_markdown(text: str) -> str:
    """Our Markdown (``**bold**``, ``• `` bullets, lines one under another) as standard
    Markdown that shows the same: list items, and paragraphs where lines were. Code fences
    and table rows are left as they are."""
    out: list[str] = []
    in_code = False
    for line in text.split("\n"):
        if line.lstrip().startswith(FENCE):
            in_code = not in_code
            out.append(line)
            continue
        if not in_code:
            line = _BULLET.sub(r"\1- ", line)
            prev = out[-1].strip() if out else ""
            table = prev.startswith("|") and line.strip().startswith("|")
            after_text = prev != "" and not prev.startswith(FENCE) and not table
            if after_text and line.strip() and not _LIST_ITEM.match(line):
                out.append("")  # its own paragraph, not the previous line's continuation
        out.append(line)
    return "\n".join(out)


def report_markdown(narrative: str, title: str | None = None) -> str:
    """The narrative, inert and in standard Markdown; its ``title`` line left out (the message's
    header or the canvas's title shows it)."""
    if title:
        narrative = "\n".join(ln for ln in narrative.split("\n") if ln.strip() != f"**{title}**")
    return standard_markdown(inert_markdown(narrative))


_PLAIN = re.compile(r"\*\*|__|`+|^#+\s|^\s*[-*+]\s|(?<!\w)_|_(?!\w)", re.MULTILINE)


def plain(markdown: str) -> str:
    """Markdown without its marks, for a notification's one line of text."""
    return " ".join(_PLAIN.sub("", markdown).split())
