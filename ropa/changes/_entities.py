"""Match the entities of two registers by kind and id, and walk each matched pair.

The kinds are the fields of :class:`~ropa.models.Register`: a field that holds one model (``register``,
``organisation``) is one entity; a field that holds a list is matched by ``id`` (several entities with the
same id, which ACT-006 reports, are paired in order). Where an entity was read from does not count: an
entity moved to another file, or to another place in its file, is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ropa.changes._model import EntityChange, EntityStatus, FieldChange
from ropa.changes._walk import pair_items, walk
from ropa.loading.loader import ENTITY_NOUN, LoadResult
from ropa.models import Register

__all__ = ["Pair", "entity_changes", "entity_pairs"]


@dataclass(frozen=True, slots=True)
class Pair:
    """One entity in the old and the new version (either may be missing)."""

    kind: str
    noun: str
    id: str | None
    old: Any
    new: Any

    @property
    def label(self) -> str:
        """``activity newsletter``, ``organisation``."""
        return f"{self.noun} {self.id}" if self.id is not None else self.noun


def _ident(entity: Any) -> str | None:
    value = getattr(entity, "id", None)
    return value if isinstance(value, str) else None


def entity_pairs(base: LoadResult, head: LoadResult) -> Iterator[Pair]:
    """Every entity of either register with its counterpart, kind by kind in the register's field order;
    within a list kind, in the new version's order, then the removed ones in the old version's order.

    An entity missing from one version because it does not load there (a structural error,
    :attr:`~ropa.LoadResult.broken`, or a file that does not load at all and may define it,
    :attr:`~ropa.LoadResult.unloaded`) is left out: it was neither added nor removed, and the structural
    finding that comes or goes says what happened to it.
    """
    for pair in _all_pairs(base.register, head.register):
        if (pair.new is None and _hidden(head, pair)) or (pair.old is None and _hidden(base, pair)):
            continue
        yield pair


def _hidden(result: LoadResult, pair: Pair) -> bool:
    """True when ``result`` may hold the entity of ``pair`` in a part that did not load."""
    if (pair.kind, pair.id or "") in result.broken:
        return True
    for unloaded in result.unloaded:
        if pair.id is None:  # the organisation or register block: by kind alone
            if unloaded.kinds is None or pair.kind in unloaded.kinds:
                return True
        elif unloaded.may_define(pair.kind, pair.id):
            return True
    return False


def _all_pairs(base: Register, head: Register) -> Iterator[Pair]:
    for name, info in type(head).model_fields.items():
        kind = info.alias or name
        noun = ENTITY_NOUN.get(kind, kind.replace("_", " "))
        old, new = getattr(base, name, None), getattr(head, name, None)
        if not isinstance(old, tuple) and not isinstance(new, tuple):
            if old is not None or new is not None:
                yield Pair(kind, noun, None, old, new)
            continue
        olds, news = list(old or ()), list(new or ())
        if all(_ident(e) is not None for e in (*olds, *news)):
            yield from _by_id(kind, noun, olds, news)
        else:  # a kind without ids: pair the entities like list items
            pairs, removed, _ = pair_items(olds, news)
            paired = {j: i for i, j in pairs}
            for j, entity in enumerate(news):
                i = paired.get(j)
                yield Pair(kind, noun, str(j), olds[i] if i is not None else None, entity)
            for i in removed:
                yield Pair(kind, noun, f"old-{i}", olds[i], None)


def _by_id(kind: str, noun: str, olds: list[Any], news: list[Any]) -> Iterator[Pair]:
    remaining: dict[str, list[Any]] = {}
    for entity in olds:
        remaining.setdefault(str(_ident(entity)), []).append(entity)
    for entity in news:
        ident = str(_ident(entity))
        queue = remaining.get(ident)
        yield Pair(kind, noun, ident, queue.pop(0) if queue else None, entity)
    for entity in olds:
        ident = str(_ident(entity))
        queue = remaining.get(ident)
        if queue and queue[0] is entity:
            queue.pop(0)
            yield Pair(kind, noun, ident, entity, None)


def _name(entity: Any) -> str | None:
    value = getattr(entity, "name", None)
    return value if isinstance(value, str) else None


def entity_changes(pairs: list[Pair], base: LoadResult, head: LoadResult) -> list[EntityChange]:
    """The entities that were added, removed or changed."""
    out = []
    for pair in pairs:
        old, new = pair.old, pair.new
        if old is not None and new is not None and old == new:
            continue
        status: EntityStatus
        changes: tuple[FieldChange, ...] = ()
        if old is None:
            status = "added"
        elif new is None:
            status = "removed"
        else:
            status, changes = "changed", tuple(walk(old, new))
        out.append(
            EntityChange(
                kind=pair.kind,
                noun=pair.noun,
                id=pair.id,
                status=status,
                name_before=_name(old),
                name_after=_name(new),
                changes=changes,
                base_location=base.locate(old, "", pair.label) if old is not None else None,
                head_location=head.locate(new, "", pair.label) if new is not None else None,
            )
        )
    return out
