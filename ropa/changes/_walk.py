"""The generic part of a diff: walk two models field by field, whatever fields they have.

Nothing here knows the register's fields by name: a field added to a model shows up in diffs without a
change here. Lists are compared as collections, not by position:

- lists of values (ids, codes, texts) as sets: an item that appears is ``added``, one that disappears is
  ``removed``; a new order alone is no change;
- lists of objects (purposes, transfers, retention rules) by pairing old and new items: equal items first,
  then items with the same identity (the fields a model requires, e.g. a purpose's description, a
  recipient's party; a transfer's destination; a retention rule's data categories), then the most similar
  items that share at least half of their stated fields. Paired items are walked field by field; the rest
  are ``added`` or ``removed`` as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic_core import to_jsonable_python

from ropa.changes._model import FieldChange
from ropa.models import RopaModel

__all__ = ["identity", "item_label", "jsonable", "pair_items", "walk"]

_IDENTITY_OVERRIDES = {
    "Transfer": ("country", "international_organisation", "recipient"),
    "RetentionRule": ("data_categories",),
}
"""Identity of list items whose models require no field (everything optional); an unstated value is part of
the identity (a retention rule without ``data_categories`` is the rule for the whole activity)."""
_SIMILAR = 0.5
"""Share of stated fields two list items must have in common to be taken for the same item."""
_PAIRING_BUDGET = 250_000
"""Above this many old × new comparisons, lists of objects are paired by equality and identity only."""
_LABEL_LENGTH = 60


def jsonable(value: Any) -> Any:
    """A model value as JSON data: models as their canonical dump, dates as ISO text, codes as text."""
    if isinstance(value, RopaModel):
        return value.dump()
    return to_jsonable_python(value, by_alias=True, exclude_none=True)


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def identity(item: Any) -> tuple[Any, ...] | None:
    """The values that identify a list item among its siblings, or ``None`` when it has none."""
    if not isinstance(item, RopaModel):
        return None
    model = type(item)
    names = _IDENTITY_OVERRIDES.get(model.__name__)
    if names is not None:  # unstated counts: a retention rule without data categories covers them all
        return tuple(jsonable(getattr(item, name, None)) for name in names)
    values = tuple(
        jsonable(getattr(item, name)) for name, info in model.model_fields.items() if info.is_required()
    )
    return values or None


def _stated(item: RopaModel) -> dict[str, Any]:
    return {name: value for name, value in item.__dict__.items() if value is not None}


def _similarity(a: RopaModel, b: RopaModel) -> float:
    if type(a) is not type(b):
        return 0.0
    sa, sb = _stated(a), _stated(b)
    names = sa.keys() | sb.keys()
    if not names:
        return 1.0
    return sum(1 for n in names if sa.get(n) == sb.get(n)) / len(names)


def pair_items(old: Sequence[Any], new: Sequence[Any]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair the items of two versions of a list.

    Returns:
        ``(pairs, removed, added)``: pairs of (old index, new index) sorted by new index, the old indexes
        left unpaired and the new indexes left unpaired.
    """
    free_old = list(range(len(old)))
    pairs: list[tuple[int, int]] = []
    unpaired: list[int] = []
    for j, item in enumerate(new):  # equal items
        match = next((i for i in free_old if old[i] == item), None)
        if match is None:
            unpaired.append(j)
        else:
            free_old.remove(match)
            pairs.append((match, j))
    rest: list[int] = []
    for j in unpaired:  # same identity
        key = identity(new[j])
        match = None if key is None else next((i for i in free_old if identity(old[i]) == key), None)
        if match is None:
            rest.append(j)
        else:
            free_old.remove(match)
            pairs.append((match, j))
    added: list[int] = []
    models = all(isinstance(x, RopaModel) for x in (*old, *new))
    if models and len(free_old) * len(rest) <= _PAIRING_BUDGET:
        scored = sorted(
            ((-_similarity(old[i], new[j]), j, i) for j in rest for i in free_old),
            key=lambda t: t,
        )
        taken_new: set[int] = set()
        for score, j, i in scored:
            if -score < _SIMILAR or j in taken_new or i not in free_old:
                continue
            free_old.remove(i)
            taken_new.add(j)
            pairs.append((i, j))
        added = [j for j in rest if j not in taken_new]
    else:
        added = rest
    pairs.sort(key=lambda p: p[1])
    return pairs, sorted(free_old), added


def item_label(field: str, item: Any) -> str | None:
    """A list item for people: ``purpose 'Send the newsletter'``; ``None`` for plain values."""
    if not isinstance(item, RopaModel):
        return None
    noun = field.replace("_", " ")
    if noun.endswith("s") and not noun.endswith("ss"):
        noun = noun[:-1]
    key = identity(item)
    parts = [v for v in key or () if v is not None]
    if not parts:
        parts = [v for v in item.__dict__.values() if isinstance(v, str)][:1]
    if not parts:
        return noun
    text = " / ".join(", ".join(map(str, v)) if isinstance(v, list | tuple) else str(v) for v in parts)
    text = " ".join(text.split())
    if len(text) > _LABEL_LENGTH:
        text = text[: _LABEL_LENGTH - 1] + "…"
    return f"{noun} '{text}'"


def walk(old: RopaModel, new: RopaModel) -> list[FieldChange]:
    """Every difference between two versions of an entity (or any model), field by field."""
    out: list[FieldChange] = []
    _model(old, new, "", None, out)
    return out


def _model(old: RopaModel, new: RopaModel, path: str, item: str | None, out: list[FieldChange]) -> None:
    for name, info in type(new).model_fields.items():
        before, after = getattr(old, name, None), getattr(new, name, None)
        if before == after:
            continue
        key = info.alias or name
        _value(before, after, f"{path}/{_escape(key)}", key, item, out)


def _value(before: Any, after: Any, path: str, key: str, item: str | None, out: list[FieldChange]) -> None:
    if before is None:
        out.append(FieldChange("added", path, None, jsonable(after), item))
    elif after is None:
        out.append(FieldChange("removed", path, jsonable(before), None, item))
    elif isinstance(before, RopaModel) and type(before) is type(after):
        _model(before, after, path, item, out)
    elif isinstance(before, list | tuple) and isinstance(after, list | tuple):
        _list(before, after, path, key, item, out)
    elif isinstance(before, dict) and isinstance(after, dict):
        for k in [*before, *(k for k in after if k not in before)]:
            if before.get(k) != after.get(k):
                _value(before.get(k), after.get(k), f"{path}/{_escape(str(k))}", str(k), item, out)
    else:
        out.append(FieldChange("changed", path, jsonable(before), jsonable(after), item))


def _list(
    before: Sequence[Any], after: Sequence[Any], path: str, key: str, item: str | None, out: list[FieldChange]
) -> None:
    pairs, removed, added = pair_items(before, after)
    out.extend(
        FieldChange("removed", f"{path}/{i}", jsonable(before[i]), None, item_label(key, before[i]) or item)
        for i in removed
    )
    for i, j in pairs:
        if before[i] != after[j]:
            _value(before[i], after[j], f"{path}/{j}", key, item_label(key, after[j]) or item, out)
    out.extend(
        FieldChange("added", f"{path}/{j}", None, jsonable(after[j]), item_label(key, after[j]) or item)
        for j in added
    )
