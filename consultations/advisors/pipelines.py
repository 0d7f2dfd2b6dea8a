"""A pipeline as the user named it, made a name a sentence can carry: "we chunk 10-Ks into
2k-token pieces" is "the chunking of 10-Ks into 2k-token pieces". Pure."""

from __future__ import annotations

import re

_DOING = {  # a pipeline said as what it does: named as that work
    **{"chunk": "chunking", "parse": "parsing", "extract": "extracting", "index": "indexing"},
    **{"convert": "converting", "stitch": "stitching", "clean": "cleaning", "feed": "feeding"},
    **{"preprocess": "preprocessing", "pre-process": "pre-processing", "embed": "embedding"},
    **{"split": "splitting", "summarise": "summarising", "summarize": "summarizing"},
    **{"slice": "slicing", "truncate": "truncating", "compress": "compressing"},
    **{"translate": "translating", "segment": "segmenting", "transcribe": "transcribing"},
}
_SUBJECT = re.compile(r"^(?:we|i|they|our team|the team)\s+(?:also\s+|just\s+|currently\s+)?", re.I)


def named(pipeline: str) -> str:
    """ "chunk 10-Ks into 2k-token pieces" → "the chunking of 10-Ks into 2k-token pieces", so
    "start with …", "Simplify …" and "through …" read; a name ("PDF splitter") is kept."""
    said = _SUBJECT.sub("", pipeline)
    verb, _, rest = said.partition(" ")
    doing = _DOING.get(verb.casefold())
    return f"the {doing} of {rest}" if doing and rest else said
