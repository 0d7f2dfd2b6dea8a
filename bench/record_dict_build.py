"""Build the preset dictionary of compact records (``z2``): the texts reports share.

Run once per new marker, never to refresh ``z2``: a record is read with the dictionary it was
written with, so the file is frozen with its marker. The texts come from the fictional
personas' reports (tests/personas), every consultation and a roadmap built on the others,
except the bank's: the test that a bank's roadmap fits 4 KB measures texts it has not seen;
a text shared by more personas goes later (deflate refers to near text more cheaply), and
the whole stays within deflate's 32 KB window, leaving room for the record itself.

    .venv/bin/python bench/record_dict_build.py > consultations/adapters/record_z2.dict
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

from consultations.catalog import load_catalog
from tests.personas import BANK, PERSONAS, history, report_for

SIZE = 24_000  # bytes: deflate's window is 32 KB, and the record must fit beside it


def _texts(x: Any, out: set[str]) -> None:
    if isinstance(x, str):
        out.add(x)
    elif isinstance(x, dict):
        for v in x.values():
            _texts(v, out)
    elif isinstance(x, list | tuple):
        for v in x:
            _texts(v, out)


def build() -> bytes:
    catalog = load_catalog()
    shared: Counter[str] = Counter()
    for persona in (p for p in PERSONAS if p is not BANK):
        texts: set[str] = set()
        for script in catalog.scripts:
            if script.slug not in persona.answers:
                continue
            earlier = history(catalog, persona) if script.reuses_earlier else ()
            report = report_for(catalog, persona, script.slug, earlier=earlier)
            _texts(report.model_dump(mode="json"), texts)
        shared.update(texts)
    blob = b""
    for text in sorted(shared, key=lambda t: (-shared[t], -len(t), t)):  # most shared first
        quoted = (json.dumps(text, ensure_ascii=False) + ",").encode()
        if len(blob) + len(quoted) <= SIZE:
            blob = quoted + blob  # ... and so last in the dictionary
    return blob


if __name__ == "__main__":
    sys.stdout.buffer.write(build())
