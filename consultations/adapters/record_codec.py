"""How a consultation is written into its Redis hash: plain JSON while it runs, compact once
it has a report.

A running consultation is small and is stored as plain JSON of schema 2 (what the release
before compact records reads, so a rolling deploy or a rollback keeps it). A finished one
carries its report and narrative, most of a record's bytes, and is stored compact (schema 3):
defaults left out; what the key already says (the id, the owner) left out; each answer's key,
a normalised text equal to the raw one and a place that is its channel and thread said once;
and the whole deflated with a preset dictionary, so a text repeated between the report and
its narrative is stored once and referred to after. The document starts with a marker naming
the format; a format never changes once written, so every record still reads:

- ``z1`` (schema 3): the dictionary holds the record's field names;
- ``z2`` (schema 4): before them, the texts reports share (``record_z2.dict``, built by
  bench/record_dict_build.py), so a roadmap's boilerplate costs a reference, not its words.
  The schema bump makes a release that reads only ``z1`` leave such a record alone.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

from consultations.state import Consultation, Owner

PLAIN_SCHEMA = 2  # plain JSON, readable by the release before compact records
COMPACT_SCHEMA = 4  # zlib with the shared texts (z2); a release that predates it leaves it alone
MARK = b"z2"
MARKS = (b"z1", MARK)
# left out while empty, so the release before them reads it
_LATE = ("pending", "editing", "undo")
# field names and recurring words of a record, most frequent last (cheapest to refer to);
# frozen with the marker: another dictionary needs another marker
_ZDICT = (
    b'"delivery_note":"narrated_by":"offline analysis""editing":"pending":"readings":"prompt":'
    b'"series":"points":"marker_x":"marker_label":"x_label":"y_label":"chart":"shifts":'
    b'"caveats":"assumptions":"sections":"items":"tables":"columns":"rows":"depends_on":'
    b'"owner":"horizon":"recommendations":"detail":"summary":"verdict":"title":"figures":'
    b'"label":"value":"display":"working":"report":"narrative":"delivery":"delivered",'
    b'"status":"completed","location":{"place":"channel":"thread_ts":"progress_ts":'
    b'"created_at":"updated_at":"trail":"version":"slug":"owner":{"platform":"slack",'
    b'"workspace":"user":"teams","terminal","answers":{"raw":"text":true,"note":"skipped":'
    b'"choices":["items":["currency":"USD","numbers":{"number":'
)
_SHARED = (Path(__file__).with_name("record_z2.dict")).read_bytes()
_ZDICTS = {b"z1": _ZDICT, b"z2": _SHARED + _ZDICT}


def encode(c: Consultation) -> tuple[bytes, int]:
    """The document and its schema. Raises ValueError for what JSON cannot carry."""
    kept = c.undo is not None and c.undo.delivered is not None  # a report `undo` restores
    if c.report is None and c.narrative is None and not kept:
        late = {k for k in _LATE if getattr(c, k) is None}
        return c.model_dump_json(exclude=late).encode(), PLAIN_SCHEMA
    data = c.model_dump(mode="json", exclude_defaults=True, exclude={"id", "owner"})
    where = data.get("location", {})
    if where.get("place") == f"{where.get('channel')}/{where.get('thread_ts')}":
        where["place"] = True  # said by its channel and thread
    for key, answer in data.get("answers", {}).items():
        if answer.pop("key", key) != key:
            raise ValueError(f"answer {key!r} is filed under another key")
        if "text" in answer and answer["text"] == answer.get("raw"):
            answer["text"] = True  # the same as the raw answer
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    z = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, _ZDICTS[MARK])
    return MARK + z.compress(text.encode()) + z.flush(), COMPACT_SCHEMA


def is_compact(doc: bytes) -> bool:
    return doc[: len(MARK)] in MARKS


def expand(doc: bytes, cid: str, owner: Owner) -> dict[str, Any]:
    """A compact document as the plain one it stands for (a dict of schema 2's fields), with
    the id and owner its key gives."""
    if not is_compact(doc):
        raise ValueError("not a compact document")
    z = zlib.decompressobj(-15, _ZDICTS[doc[: len(MARK)]])
    try:
        data = json.loads(z.decompress(doc[len(MARK) :]) + z.flush())
    except zlib.error as e:
        raise ValueError(f"the compressed document is damaged: {e}") from e
    if not isinstance(data, dict):
        raise ValueError("the document is not an object")
    data["id"], data["owner"] = cid, owner.model_dump()
    where = data.get("location")
    if isinstance(where, dict) and where.get("place") is True:
        where["place"] = f"{where.get('channel')}/{where.get('thread_ts')}"
    for key, answer in (data.get("answers") or {}).items():
        if not isinstance(answer, dict):
            raise ValueError(f"answer {key!r} is not an object")
        answer["key"] = key
        if answer.get("text") is True:
            answer["text"] = answer.get("raw")
    return data
