"""A bounded memo table for pure per-link computations (canonical form, link triage)."""
from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

V = TypeVar("V")


class BoundedMemo(Generic[V]):
    """Remember `fn(key)` for up to `max_size` keys, then start afresh (menus and footers repeat on every page)."""

    def __init__(self, max_size: int = 50_000) -> None:
        self.max_size = max_size
        self._values: dict[Hashable, V] = {}

    def get(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The remembered value for `key`, computing and storing it on a miss."""
        try:
            return self._values[key]
        except KeyError:
            pass
        value = compute()
        if len(self._values) >= self.max_size:
            self._values.clear()
        self._values[key] = value
        return value
