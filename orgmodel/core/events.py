"""A tiny typed observer: ``Signal`` and the model's events.

The UI connects to these to mirror the model; tests connect to count. Standard library only; no
threads, no weak references: whoever connects disconnects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Signal(Generic[T]):
    """Calls each connected handler with one payload, in connection order."""

    def __init__(self) -> None:
        self._handlers: list[Callable[[T], Any]] = []

    def connect(self, handler: Callable[[T], Any]) -> None:
        self._handlers.append(handler)

    def disconnect(self, handler: Callable[[T], Any]) -> None:
        self._handlers.remove(handler)

    def emit(self, payload: T) -> None:
        for handler in list(self._handlers):
            handler(payload)


@dataclass(frozen=True)
class EntityEvent:
    """What changed: the collection, the entity before (None when added) and after (None when
    removed), and for an addition or a removal its position in the collection (None for a change).
    """

    kind: str
    old: Any
    new: Any
    index: int | None = None

    @property
    def entity_id(self) -> str:
        entity = self.new if self.new is not None else self.old
        return str(entity.id)


@dataclass
class ModelEvents:
    """The signals an OrgModel emits. ``views_reordered`` carries the new order of view ids;
    ``batch_finished`` follows the last event of a batch of writes (a command, an undo), so a
    listener may put off work that every event of the batch would redo (``OrgModel.in_batch``).
    """

    entity_added: Signal[EntityEvent] = field(default_factory=Signal)
    entity_removed: Signal[EntityEvent] = field(default_factory=Signal)
    entity_changed: Signal[EntityEvent] = field(default_factory=Signal)
    organisation_changed: Signal[Any] = field(default_factory=Signal)
    views_reordered: Signal[list[str]] = field(default_factory=Signal)
    batch_finished: Signal[None] = field(default_factory=Signal)
