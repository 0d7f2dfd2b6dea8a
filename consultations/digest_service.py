"""Digest subscriptions, platform-neutral: Slack and Teams both call this."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Protocol

from consultations.digest import (
    CADENCES,
    Cadence,
    Subscription,
    parse_subscribe,
    period_of,
    personal_channel,
    personal_options,
    subscription_key,
)
from consultations.ports import JobQueue
from consultations.state import Owner
from consultations.triage.profile import Profile


class DigestStorePort(Protocol):
    def subscribe(self, sub: Subscription) -> None: ...
    def unsubscribe(self, key: str) -> bool: ...
    def subscription(self, key: str) -> Subscription | None: ...
    def set_last_period(self, key: str, period: str) -> None: ...
    def profile(self, owner: Owner) -> Profile | None: ...
    def save_digest_options(self, owner: Owner, options: dict[str, object]) -> None: ...
    def digest_options(self, owner: Owner) -> dict[str, object]: ...
    def react(self, key: str, ts: str, delta: int, by: Owner | None = None) -> list[str]: ...
    def forget_subscriber(self, platform: str, workspace: str, user: str) -> int: ...


class DigestService:
    def __init__(
        self,
        store: DigestStorePort,
        jobs: JobQueue,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        cadences: Mapping[str, Cadence] = CADENCES,
    ) -> None:
        """``cadences``: the words `digest mine …` reads as a cadence (``cadence_words`` of the
        Research Curation's cadence question)."""
        self._store, self._jobs, self._clock = store, jobs, clock
        self._cadences = cadences

    @staticmethod
    def key(owner: Owner, channel: str) -> str:
        return subscription_key(owner.platform, owner.workspace, channel)

    def subscribe(self, owner: Owner, channel: str, words: Sequence[str]) -> Subscription:
        """Raises ValueError with a message for the user when the words do not make sense."""
        options = parse_subscribe(words, cadences=self._cadences)
        channel = str(options.pop("channel", channel))
        sub = Subscription.model_validate(
            {
                "platform": owner.platform,
                "workspace": owner.workspace,
                "channel": channel,
                "subscribed_by": owner.user,
                **options,
            }
        )
        profile = self._store.profile(owner)
        if profile is not None:
            sub = sub.model_copy(update={"profile": profile})
        self._store.subscribe(sub)
        # the first digest comes at the next slot, not at once
        self._store.set_last_period(sub.key, period_of(sub, self._clock()))
        return sub

    def unsubscribe(self, owner: Owner, channel: str) -> bool:
        return self._store.unsubscribe(self.key(owner, channel))

    def request(self, owner: Owner, channel: str, mode: str) -> bool:
        """`preview` (to this user) or `now`; False when the channel has no digest."""
        key = self.key(owner, channel)
        if self._store.subscription(key) is None:
            return False
        self._jobs.post_digest(key, mode, "", owner.user if mode == "preview" else "")
        return True

    def react(self, owner: Owner, channel: str, ts: str, delta: int) -> list[str]:
        """A 👍/👎 on a digest item nudges that channel's weights, and teaches the channel's
        taste and the reacting user's own; the questions nudged. An item of the user's own
        digest (posted in their DMs) is found under their personal digest."""
        by = owner if owner.user not in ("", "unknown") else None
        nudged = self._store.react(self.key(owner, channel), ts, delta, by)
        if not nudged and by is not None:
            nudged = self._store.react(self.personal_key(owner), ts, delta, by)
        return nudged

    # --- a user's own digest (in their DMs) ---------------------------------------------------

    @staticmethod
    def personal_key(owner: Owner) -> str:
        return subscription_key(owner.platform, owner.workspace, personal_channel(owner.user))

    def personal(self, owner: Owner) -> Subscription | None:
        return self._store.subscription(self.personal_key(owner))

    def subscribe_personal(
        self,
        owner: Owner,
        words: Sequence[str] = (),
        curation: Mapping[str, object] | None = None,
    ) -> Subscription:
        """Create or change the user's own digest: from a finished Research Curation (its
        cadence, papers per issue and sources; a new one's first issue comes at the next check,
        the reader asked for it just now) or from `digest mine …` words (from the next slot).
        Raises ValueError with a message for the user when the words do not make sense."""
        options = personal_options(curation) if curation is not None else {}
        if curation is not None:  # kept: where `digest mine …` starts again after `off`
            self._store.save_digest_options(owner, dict(options))
        options.update(parse_subscribe(words, personal=True, cadences=self._cadences))
        current = self.personal(owner)
        base = current.model_dump() if current else self._store.digest_options(owner)
        sub = Subscription.model_validate(
            {
                **base,
                "platform": owner.platform,
                "workspace": owner.workspace,
                "channel": personal_channel(owner.user),
                "user": owner.user,
                "subscribed_by": owner.user,
                **options,
            }
        )
        profile = self._store.profile(owner)
        if profile is not None:
            sub = sub.model_copy(update={"profile": profile})
        self._store.subscribe(sub)
        if curation is None:
            self._store.set_last_period(sub.key, period_of(sub, self._clock()))
        return sub

    def remember_curation(self, owner: Owner, curation: Mapping[str, object]) -> str:
        """A finished curation whose digest cannot be delivered yet (a Teams user with no
        personal chat): its choices are kept for `digest mine …`; its cadence word."""
        options = personal_options(curation)
        self._store.save_digest_options(owner, options)
        return str(options["cadence"])

    def unsubscribe_personal(self, owner: Owner) -> bool:
        return self._store.unsubscribe(self.personal_key(owner))

    def subscription(self, owner: Owner, channel: str) -> Subscription | None:
        return self._store.subscription(self.key(owner, channel))

    def forget(self, owner: Owner) -> int:
        return self._store.forget_subscriber(owner.platform, owner.workspace, owner.user)

    def profile(self, owner: Owner) -> Profile | None:
        return self._store.profile(owner)
