"""Digests that learn: a synthetic reader with a hidden preference reacts to four weekly
digests through the real store (Redis); the fifth digest is measured against the first.

Each week brings new papers, as real weeks do: the COLM 2025 list is cut into five weekly
batches (by a hash of the id), and each week's digest is picked from that week's batch only.
Picking every week from the same list would measure how soon the reader's papers run out."""

from __future__ import annotations

import hashlib
import re

import redis

from consultations import digest
from consultations.adapters.bootstrap import NoQueue
from consultations.adapters.paper_sources import builtin
from consultations.adapters.redis_digest import DigestStore
from consultations.adapters.triage_model import default_model
from consultations.digest_service import DigestService
from consultations.state import Owner
from consultations.triage import taste
from consultations.triage.pipeline import triage
from consultations.triage.results import TriageResult

HIDDEN = re.compile(r"\bagents?\b|\bagentic\b", re.IGNORECASE)  # the reader's hidden taste


def week_of(paper_id: str) -> int:
    """Which of five weeks a paper arrives in."""
    return int(hashlib.sha256(paper_id.encode()).hexdigest(), 16) % 5


def arrived(results: list[TriageResult], week: int) -> list[TriageResult]:
    return [r for r in results if week_of(r.id) == week]


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
        ranked = arrived(taste.rerank(offline, features, learned), week)
        items = digest.pick(ranked, store.posted(key), 10)
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

    untaught = sum(likes(r.id) for r in arrived(offline, 4)[:10]) / 10  # week 5, no reactions
    print(f"precision@10 by week: {precision}; week 5 without reactions: {untaught}")
    assert precision[0] <= 0.5  # the offline ranking alone does not know this reader
    assert precision[4] >= precision[0] + 0.3  # the fifth digest against the first
    assert precision[4] >= untaught + 0.2  # and against the same week's papers, untaught


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
    assert top.why.endswith("; matches this channel's taste.")


TASTES = {  # two readers in one channel, each with a hidden preference of their own
    "UAGENTS": HIDDEN,
    "URAG": re.compile(r"retrieval|\bRAG\b", re.IGNORECASE),
}


def test_two_readers_in_one_channel_each_get_their_own_taste(redis_client: redis.Redis) -> None:
    """Both react to the channel's weekly digest and to their own (in their DMs); each reader's
    own ranking moves toward their preference, not the other's, and says "you liked"."""
    store = DigestStore(redis_client)
    digests = DigestService(store, NoQueue())
    model = default_model()
    papers = list(builtin("colm2025"))
    text = {p.id: f"{p.title} {p.abstract}" for p in papers}
    features = taste.vectors(papers, model)
    offline = triage(papers, top=None, semantic=model)
    readers = {u: Owner(platform="slack", workspace="T1", user=u) for u in TASTES}
    channel = "CSHARED"

    def likes(user: str, pid: str) -> bool:
        return bool(TASTES[user].search(text[pid]))

    def own_ranking(user: str) -> list[TriageResult]:
        learned = taste.learn(store.own_examples(readers[user]), whose=taste.YOURS)
        return taste.rerank(offline, features, learned)

    def post(key: str, items: list[TriageResult], week: int) -> dict[str, TriageResult]:
        stem = f"17{sum(map(ord, key)) % 1000:03d}{week}"
        posted = {f"{stem}.{n:06d}": r for n, r in enumerate(items)}
        store.remember_items(
            key,
            {ts: r.questions for ts, r in posted.items()},
            vectors={ts: features[r.id] for ts, r in posted.items()},
        )
        store.mark_posted(key, [r.id for r in items])
        return posted

    def precision(items: list[TriageResult], user: str) -> float:
        return sum(likes(user, r.id) for r in items) / len(items)

    own: dict[str, list[float]] = {u: [] for u in TASTES}
    split = 0  # channel items one reader liked and the other did not
    shared_key = DigestService.key(readers["UAGENTS"], channel)
    for week in range(5):
        for user, owner in readers.items():  # each reader's own digest, ranked by their taste
            ranking = arrived(own_ranking(user), week)
            own[user].append(precision(ranking[:10], user))
            mine = digest.pick(ranking, store.posted(digests.personal_key(owner)), 10)
            for ts, r in post(digests.personal_key(owner), mine, week).items():
                # reacted in the DM: the item is found under the reader's own digest
                assert digests.react(owner, f"D{user}", ts, 1 if likes(user, r.id) else -1)
        channel_taste = taste.learn(store.examples(shared_key))
        shared = digest.pick(
            arrived(taste.rerank(offline, features, channel_taste), week), set(), 10
        )
        for ts, r in post(shared_key, shared, week).items():
            split += len({likes(u, r.id) for u in TASTES}) == 2
            for user, owner in readers.items():
                digests.react(owner, channel, ts, 1 if likes(user, r.id) else -1)

    print(f"own precision@10 by week: {own}")
    for user in TASTES:
        assert own[user][0] <= 0.3  # the offline ranking knows neither reader
        assert own[user][4] >= own[user][0] + 0.4
    agents_top = own_ranking("UAGENTS")[:10]
    rag_top = own_ranking("URAG")[:10]
    assert precision(agents_top, "UAGENTS") > precision(agents_top, "URAG")
    assert precision(rag_top, "URAG") > precision(rag_top, "UAGENTS")
    assert any(r.why.endswith("; matches your taste.") for r in agents_top)
    # the channel learned from both: where they disagree, an item teaches it nothing
    assert len(store.examples(shared_key)) == 50 - split
    assert len(store.own_examples(readers["UAGENTS"])) == 100  # 50 in the DM, 50 in the channel


def test_a_readers_triage_blends_their_taste_into_the_channels() -> None:
    model = default_model()
    papers = list(builtin("colm2025"))[:120]
    features = taste.vectors(papers, model)
    offline = triage(papers, top=None, semantic=model)
    agents = [features[p.id] for p in papers if HIDDEN.search(f"{p.title} {p.abstract}")]
    other = [features[p.id] for p in papers if not HIDDEN.search(f"{p.title} {p.abstract}")]
    mine = taste.learn([(v, 1) for v in agents] + [(v, -1) for v in other[:40]], whose=taste.YOURS)
    theirs = taste.learn([(v, -1) for v in agents] + [(v, 1) for v in other[:40]])
    assert mine is not None and theirs is not None
    mixed = taste.blend(mine, theirs)
    assert mixed is not None
    (_, w_mine), (_, w_theirs) = mixed.parts
    assert w_mine > w_theirs  # many own reactions: the reader's taste leads
    top = taste.rerank(offline, features, mixed)[:5]
    assert all(
        HIDDEN.search(r.title + " " + next(p.abstract for p in papers if p.id == r.id)) for r in top
    )
    assert top[0].why.endswith("; matches your taste.")
    few = taste.learn([(agents[0], 1), (other[0], -1)], whose=taste.YOURS)
    assert few is not None
    blended = taste.blend(few, theirs)
    assert blended is not None and blended.parts[0][1] < 0.2  # two reactions: the channel leads
    assert taste.blend(None, None) is None
    # only 👍 so far: every paper looks alike to it, so none is said to match
    keen = taste.learn([(agents[0], 1), (agents[1], 1)], whose=taste.YOURS)
    assert not any("matches" in r.why for r in taste.rerank(offline, features, keen))
