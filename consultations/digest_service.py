"""Digest subscriptions, platform-neutral: Slack and Teams both call this."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Protocol

from consultations.digest import Subscription, parse_subscribe, period_of
from consultations.state import Owner
from consultations.triage.profile import Profile


class DigestStorePort(Protocol):
    def subscribe(self, sub: Subscription) -> None: ...
    def unsubscribe(self, key: str) -> bool: ...
    def subscription(self, key: str) -> Subscription | None: ...
    def set_last_period(self, key: str, period: str) -> None: ...
    def profile(self, owner: Owner) -> Profile | None: ...
    def forget_subscriber(self, platform: str, workspace: str, user: str) -> int: ...


class DigestService:
    def __init__(
        self,
        store: DigestStorePort,
        enqueue: Callable[[str, str, str], None],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """``enqueue(key, mode, user)`` puts a digest job on the workers."""
        self._store, self._enqueue, self._clock = store, enqueue, clock

    @staticmethod
    def key(owner: Owner, channel: str) -> str:
        return f"{owner.platform}:{owner.workspace}:{channel}"

    def subscribe(self, owner: Owner, channel: str, words: Sequence[str]) -> Subscription:
        """Raises ValueError with a message for the user when the words do not make sense."""
        options = parse_subscribe(words)
        channel = str(options.pop("channel", channel))
        sub = Subscription.model_validate(
            {
                "platform": owner.platform,
                "workspace": owner.workspace,
                "channel": channel,
                "subscribed_by": owner.user,
                **options,
            }
        )  # type: ignore[arg-type]
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
        self._enqueue(key, mode, owner.user if mode == "preview" else "")
        return True

    def forget(self, owner: Owner) -> int:
        return self._store.forget_subscriber(owner.platform, owner.workspace, owner.user)

    def has_profile(self, owner: Owner) -> bool:
        return self._store.profile(owner) is not None
