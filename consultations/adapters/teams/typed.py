"""A Teams message's text as its author typed it. Pure.

Teams sends a channel message (and any formatted message) as HTML: ``<p>`` paragraphs, ``<br>``,
``<strong>``, lists, entities (``&lt;100ms``, ``&nbsp;``) and ``<at>`` mentions. Plain text
from a one-on-one chat arrives as typed ("<100ms" raw): only known tags are taken as markup.
"""

from __future__ import annotations

import html
import re

_BREAKS = re.compile(r"<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|pre)>", re.I)
_TAGS = re.compile(
    r"</?(?:p|div|span|strong|b|em|i|u|s|strike|del|ul|ol|li|a|code|pre|blockquote|h[1-6]|"
    r"img|emoji|font|sup|sub)\b[^<>]*>",
    re.I,
)
_LEADING_AT = re.compile(r"^\s*(?:<at>[^<]{0,200}</at>\s*)+")  # the mention of the bot
_AT = re.compile(r"<at>([^<]{0,200})</at>")  # someone else mentioned: their name


_HTML = re.compile(r"</(?:p|div|span|strong|b|em|i|u|s|li|a|code|pre)>|<br\s*/?>", re.I)


def as_typed(text: str) -> str:
    if _HTML.search(text):  # markup, not "x<b and c>d" typed in a plain chat
        text = _TAGS.sub("", _BREAKS.sub("\n", text))
    text = _AT.sub(r"\1", _LEADING_AT.sub("", text.strip()))
    text = html.unescape(text).replace("\xa0", " ")
    return re.sub(r"\n\s*\n+", "\n", text).strip()
