"""Digests that learn: a synthetic reader with a hidden preference reacts to four weekly
digests through the real store (Redis); the fifth digest is measured against the first."""

from __future__ import annotations

import re

import redis

from consultations import digest
from consultations.adapters.paper_sources import builtin
from consultations.adapters.redis_digest import DigestStore
from consultations.adapters.triage_model import default_model
from consultations.triage import taste
from consultations.triage.pipeline import triage

HIDDEN = re.compile(r"\bagents?\b|\bagentic\b", re.IGNORECASE)  # the reader's hidden taste


def test_a_readers_reactions_teach_the_channel_its_taste(redis_client: redis.Redis) -> None:
    store = DigestStore(redis_client)
    model = default_model()
    papers = list(builtin("colm2025"))
    by_id = {p.id: p for p in papers}

    def likes(pid: str) -> bool:
        p = by_id[pid]
        return bool(HIDDEN.search(f"{p.title} {p.abstract}"))

    features = taste.vectors(papers, model)
    offline = triage(papers, top=None, semantic=model)
    key = "slack:T1:CTASTE"
    precision = []
    for week in range(5):
        learned = taste.learn(store.examples(key))
        items = digest.pick(taste.rerank(offline, features, learned), store.posted(key), 10)
        precision.append(sum(likes(r.id) for r in items) / len(items))
        posted = {f"17000000{week}.{n:06d}": r for n, r in enumerate(items)}
        store.remember_items(
            key,
            {ts: r.questions for ts, r in posted.items()},
            vectors={ts: features[r.id] for ts, r in posted.items()},
        )
        store.mark_posted(key, [r.id for r in items])
        for ts, r in posted.items():  # 👍 what they like, 👎 the rest
            store.react(key, ts, 1 if likes(r.id) else -1)
        if week == 0:
            assert taste.learn(store.examples(key)) is not None
            assert len(store.examples(key)) == 10

    print(f"precision@10 by week: {precision}")
    assert precision[0] <= 0.5  # the offline ranking alone does not know this reader
    assert precision[4] >= precision[0] + 0.3 and precision[4] >= 0.7


def test_items_liked_say_so_and_no_reactions_change_nothing(redis_client: redis.Redis) -> None:
    model = default_model()
    papers = list(builtin("colm2025"))[:60]
    features = taste.vectors(papers, model)
    offline = triage(papers, top=None, semantic=model)
    assert taste.rerank(offline, features, taste.learn([])) == offline
    liked = [features[p.id] for p in papers if HIDDEN.search(f"{p.title} {p.abstract}")]
    other = [features[p.id] for p in papers if not HIDDEN.search(f"{p.title} {p.abstract}")]
    learned = taste.learn([(v, 1) for v in liked] + [(v, -1) for v in other])
    top = taste.rerank(offline, features, learned)[0]
    assert HIDDEN.search(top.title + " " + papers[[p.id for p in papers].index(top.id)].abstract)
    assert top.why.endswith("; like the papers this channel liked.")
