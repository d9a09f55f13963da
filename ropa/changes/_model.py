"""The values a diff is made of: field changes, entity changes, legal meanings, and the diff itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ropa.diagnostics import Diagnostic, LegalRef, Location, Severity

if TYPE_CHECKING:
    from ropa.changes._rows import ChangeRow
    from ropa.changes._snapshot import Snapshot

__all__ = [
    "ChangeOp",
    "Diff",
    "EntityChange",
    "EntityStatus",
    "FieldChange",
    "Meaning",
    "Side",
]

_CONTEXT = 20
"""Characters shown before the first difference of two long texts."""
ChangeOp = Literal["added", "removed", "changed"]
"""What happened to a field or list item: it appeared, disappeared, or took another value."""
EntityStatus = Literal["added", "removed", "changed"]
"""What happened to an entity (matched by kind and id)."""
Side = Literal["base", "head"]
"""Which version a location points into: the old one (base) or the new one (head)."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One difference inside an entity.

    Attributes:
        op: ``added`` (not stated before), ``removed`` (not stated any more) or ``changed``.
        path: RFC 6901 JSON Pointer relative to the entity, e.g. ``/purposes/1/lawful_basis``; list
            indexes are those of the new version (of the old one for removed items).
        before: the old value as JSON data (``None`` when added).
        after: the new value as JSON data (``None`` when removed).
        item: the list item the change is in, for people: ``purpose 'Send the newsletter'``.
    """

    op: ChangeOp
    path: str
    before: Any
    after: Any
    item: str | None = None

    def line(self, show: Callable[[Any], str]) -> str:
        """The change on one line: ``+ field: new``, ``- field: old`` or ``field: old → new``, with the
        values written by ``show``."""
        where = self.field + (f" ({self.item})" if self.item else "")
        if self.op == "added":
            return f"+ {where}: {show(self.after)}"
        if self.op == "removed":
            return f"- {where}: {show(self.before)}"
        before, after = self.before, self.after
        if isinstance(before, str) and isinstance(after, str):  # long texts: start near the first difference
            same = next(
                (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
                min(len(before), len(after)),
            )
            if same > _CONTEXT:
                before, after = "…" + before[same - _CONTEXT :], "…" + after[same - _CONTEXT :]
        return f"{where}: {show(before)} → {show(after)}"

    @property
    def field(self) -> str:
        """The path written as people read it: ``purposes[1].lawful_basis``."""
        out = ""
        for part in self.path.split("/")[1:]:
            name = part.replace("~1", "/").replace("~0", "~")
            out += f"[{name}]" if name.isdigit() else (f".{name}" if out else name)
        return out


@dataclass(frozen=True, slots=True)
class EntityChange:
    """An entity that was added, removed or changed; entities are matched by kind and id.

    An entity that only moved to another file, or to another place in its file, has not changed.

    Attributes:
        kind: the register key of its kind: ``activities``, ``parties``, ``organisation``, ``register``.
        noun: the kind for people: ``activity``, ``party``, ``organisation``.
        id: the entity's id; ``None`` for the organisation and the register block.
        status: ``added``, ``removed`` or ``changed``.
        name_before: the name in the old version (``None`` when added or unnamed).
        name_after: the name in the new version (``None`` when removed or unnamed).
        changes: the field changes of a changed entity, in field order; empty when added or removed.
        base_location: where the entity was in the old version (file relative to the register root).
        head_location: where it is in the new version.
    """

    kind: str
    noun: str
    id: str | None
    status: EntityStatus
    name_before: str | None = None
    name_after: str | None = None
    changes: tuple[FieldChange, ...] = ()
    base_location: Location | None = None
    head_location: Location | None = None

    @property
    def label(self) -> str:
        """``activity newsletter``, ``organisation``."""
        return f"{self.noun} {self.id}" if self.id is not None else self.noun

    @property
    def renamed(self) -> bool:
        """True when a changed entity kept its id but changed its name."""
        return self.status == "changed" and self.name_before != self.name_after

    @property
    def name(self) -> str | None:
        """The current name (the old one for a removed entity)."""
        return self.name_after if self.name_after is not None else self.name_before


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a change means in law: an entry of the change-code table applied to one entity.

    Attributes:
        code: the change code, e.g. ``CHG-023``; stable, never reused.
        name: its kebab-case name, e.g. ``transfer-added``.
        severity: how urgently it needs attention: ``error`` (a legal requirement is now unmet),
            ``warning`` (act before the change takes effect), ``info`` (for the record).
        summary: the change code's one-line summary.
        action: what to do.
        legal_refs: the provisions behind it.
        kind: the register key of the entity's kind (``activities``).
        entity: the entity for people: ``activity newsletter``.
        detail: the concrete change: ``transfer to US (party mailer)``.
        path: JSON Pointer relative to the entity (``""`` for the entity as a whole).
        location: where to look: in the new version when the entity still exists, else in the old one.
        side: which version ``location`` points into.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    action: str
    legal_refs: tuple[LegalRef, ...]
    kind: str
    entity: str
    detail: str
    path: str = ""
    location: Location | None = None
    side: Side = "head"


@dataclass(frozen=True)
class Diff:
    """The difference between two versions of a register, with what it means in law.

    Attributes:
        base: the old version.
        head: the new version.
        entities: entities added, removed or changed, in register order (register, organisation, then
            each list kind), by id within a kind.
        meanings: the legal meaning of the changes, most severe first, then in entity order.
        introduced: findings of the new version that the old one did not have (matched by fingerprint).
        resolved: findings of the old version that the new one no longer has.
        findings_compared: False when findings were not computed (``ropa.diff(..., findings=False)``).
        lang: the language of its texts for people (``ropa.diff(..., lang="nl")``): the findings'
            messages, the change codes' summaries and what to do, the details, and the words
            :func:`~ropa.changes.render_diff` and :meth:`rows` add. Codes, names, ids, entity labels
            and the JSON keys are the same in every language.
    """

    base: Snapshot
    head: Snapshot
    entities: tuple[EntityChange, ...] = ()
    meanings: tuple[Meaning, ...] = ()
    introduced: tuple[Diagnostic, ...] = ()
    resolved: tuple[Diagnostic, ...] = ()
    findings_compared: bool = True
    lang: str = "en"

    @property
    def empty(self) -> bool:
        """True when nothing changed: no entity and no finding."""
        return not (self.entities or self.introduced or self.resolved)

    def count(self, status: EntityStatus) -> int:
        """How many entities were added, removed or changed."""
        return sum(1 for e in self.entities if e.status == status)

    @property
    def meaning_counts(self) -> dict[str, int]:
        """Meanings per severity, always with all three keys."""
        out = {s.value: 0 for s in Severity}
        for m in self.meanings:
            out[m.severity.value] += 1
        return out

    def at_least(self, severity: Severity) -> tuple[Meaning, ...]:
        """The meanings at or above ``severity``."""
        return tuple(m for m in self.meanings if m.severity.rank >= severity.rank)

    def rows(self) -> tuple[ChangeRow, ...]:
        """The diff as rows for people (the Changes sheet of the workbook): one per entity change with
        its legal meaning, one per entity affected by a change elsewhere, one per finding introduced or
        resolved."""
        from ropa.changes._rows import change_rows

        return tuple(change_rows(self, self.lang))
