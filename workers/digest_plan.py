"""What a digest carries, and whose taste ranks it: a channel's digest learns from every 👍/👎
in that channel; a user's own digest (in their DMs) and their triage from that user's own
reactions. A finished Research Curation starts the user's own digest (Slack: in their DMs;
Teams: in their personal chat with the bot, when it is known or can be opened)."""

from __future__ import annotations

from itertools import chain
from typing import Any

import structlog

from consultations.digest import Subscription, subscription_key
from consultations.state import Consultation, Owner
from consultations.triage.taste import YOURS, Blend, Taste, blend, learn
from workers.runtime import runtime

log = structlog.get_logger(__name__)


def after_curation(owner: Owner, c: Consultation) -> str | None:
    """The curation profile drives this user's triage and digests; its sources and cadence
    become the schedule of their own digest. In Teams that needs their personal chat with the
    bot: when it cannot be opened, no digest is scheduled (its choices are kept for `digest
    mine …`) and the returned notice (posted after the report) says how to open it."""
    from consultations.adapters.teams.gateway import TeamsGateway
    from consultations.adapters.teams.personal import how_to_open
    from consultations.advisors.curation import profile_from_answers
    from consultations.triage.profile import Profile

    rt = runtime()
    answers = profile_from_answers(c.answers)
    rt.digest_store.save_profile(owner, Profile.model_validate(answers))
    if owner.platform == "teams":
        gateway = rt.gateway("teams")
        if not (isinstance(gateway, TeamsGateway) and gateway.reach_personal(owner, c)):
            cadence = rt.digests.remember_curation(owner, answers)
            log.info("digest.personal_unreachable")
            return how_to_open(f"digest mine {cadence}")
    elif owner.platform != "slack":
        return None
    sub = rt.digests.subscribe_personal(owner, curation=answers)
    log.info("digest.personal", schedule=sub.describe())
    return None


def own_taste(owner: Owner) -> Taste | None:
    return learn(runtime().digest_store.own_examples(owner), whose=YOURS)


def digest_taste(sub: Subscription) -> Taste | Blend | None:
    """A user's own digest: their own taste; a channel's: the taste of all its reactions."""
    if sub.user:
        return own_taste(Owner(platform=sub.platform, workspace=sub.workspace, user=sub.user))
    return learn(runtime().digest_store.examples(sub.key))


def triage_taste(spec: dict[str, str]) -> Blend | None:
    """A user's triage in a channel: their own taste blended into that channel's."""
    try:
        owner = Owner(platform=spec["platform"], workspace=spec["workspace"], user=spec["user"])
    except (KeyError, ValueError):
        return None
    channel = subscription_key(owner.platform, owner.workspace, spec.get("channel", ""))
    return blend(own_taste(owner), learn(runtime().digest_store.examples(channel)))


def plan_digest(sub: Subscription, period: str) -> dict[str, Any]:
    """The papers of this period's digest, with what each item says and its feature vector."""
    from consultations import digest
    from consultations.adapters.paper_sources import papers_from
    from consultations.adapters.triage_model import default_model
    from consultations.triage import taste
    from consultations.triage.dedupe import dedupe
    from consultations.triage.pipeline import triage

    rt = runtime()
    store, s = rt.digest_store, rt.settings
    specs = [s.neurips_digest_source if x == "arxiv" else x for x in sub.sources or ("arxiv",)]
    papers = dedupe(
        chain.from_iterable(
            papers_from(spec, s.arxiv_api_url, s.openreview_api_url, redis=rt.redis)
            for spec in specs
        )
    )
    profile = digest.nudged(sub.profile, store.nudges(sub.key))
    model = default_model()
    ranked = triage(papers, profile, top=None, semantic=model)
    features = taste.vectors(papers, model)  # 👍/👎 re-rank these
    ranked = taste.rerank(ranked, features, digest_taste(sub))
    items = digest.pick(ranked, store.posted(sub.key), sub.top)
    return {
        "vectors": [features.get(r.id) for r in items],
        "header": digest.header(items, period or None, personal=bool(sub.user)),
        "lines": [digest.item(n, r, sub.platform) for n, r in enumerate(items, 1)],
        "ids": [i.id for i in items],
        "questions": [r.questions for r in items],
        "markdown": digest.render(items, sub.platform),
        "of": len(papers),
    }
