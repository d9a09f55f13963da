"""A diff as rows for people: one row per entity change (with its legal meaning), per entity that another
change affects, and per finding introduced or resolved. The Changes sheet of the workbook is built from
these rows through the export's column specification (:data:`ropa.export.columns.CHANGES`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ropa.changes._model import Diff, EntityChange, Meaning
from ropa.changes._texts import entity
from ropa.diagnostics import Diagnostic, LegalRef, Location, Severity

__all__ = ["ChangeRow", "change_rows"]


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One row of the Changes sheet.

    The texts are in the language of the diff (:attr:`Diff.lang`).

    Attributes:
        subject: the entity, with its name: ``activity newsletter (Newsletter)``; ``register`` for a
            finding about the whole register.
        change: ``added``, ``removed``, ``changed``, ``renamed``, ``affected`` (the entity did not change,
            but a change elsewhere gives it a legal meaning), ``introduced`` or ``resolved`` (findings).
        details: what changed, one line per field; the code and message of a finding.
        meanings: the change codes that apply: ``CHG-022 transfer-added: to US (party mailer)``.
        actions: what to do, one line per change code.
        legal_refs: the provisions of the change codes, or of the finding.
        severity: the highest severity of the change codes, or the finding's; ``None`` when none apply.
        location: ``file:line:column`` relative to the register (the old version for what was removed).
    """

    subject: str
    change: str
    details: tuple[str, ...]
    meanings: tuple[str, ...]
    actions: tuple[str, ...]
    legal_refs: tuple[LegalRef, ...]
    severity: Severity | None
    location: str | None


def _where(location: Location | None) -> str | None:
    if location is None or location.file is None:
        return None
    if location.span is None:
        return location.file
    return f"{location.file}:{location.line}:{location.column}"


def _value(value: object) -> str:
    if value is None:
        return "–"
    text = value if isinstance(value, str) else str(value)
    return " ".join(text.split())


def _refs(meanings: list[Meaning]) -> tuple[LegalRef, ...]:
    out: list[LegalRef] = []
    for m in meanings:
        out.extend(r for r in m.legal_refs if r not in out)
    return tuple(out)


def _row(
    subject: str, change: str, details: tuple[str, ...], meanings: list[Meaning], where: str | None
) -> ChangeRow:
    worst = max((m.severity for m in meanings), key=lambda s: s.rank, default=None)
    return ChangeRow(
        subject=subject,
        change=change,
        details=details,
        meanings=tuple(f"{m.code} {m.name}: {m.detail}" for m in meanings),
        actions=tuple(dict.fromkeys(f"{m.code}: {m.action}" for m in meanings)),
        legal_refs=_refs(meanings),
        severity=worst,
        location=where,
    )


def _subject(change: EntityChange, lang: str) -> str:
    name = change.name
    return entity(change.label, lang) + (f" ({name})" if name and name != change.id else "")


def _finding(d: Diagnostic, change: str, lang: str) -> ChangeRow:
    return ChangeRow(
        subject=entity(d.location.entity or "register", lang),
        change=change,
        details=(f"{d.code} {d.rule}: {d.message}",),
        meanings=(),
        actions=(d.hint,) if d.hint else (),
        legal_refs=d.legal_refs,
        severity=d.severity,
        location=_where(d.location),
    )


def change_rows(diff: Diff, lang: str = "en") -> Iterator[ChangeRow]:
    """The rows of the Changes sheet, in the order of the diff; the subjects in ``lang`` (the other texts
    are in the diff's language)."""
    by_entity: dict[str, list[Meaning]] = {}
    for m in diff.meanings:
        by_entity.setdefault(m.entity, []).append(m)
    for e in diff.entities:
        change = "renamed" if e.renamed else e.status
        location = e.head_location if e.head_location is not None else e.base_location
        meanings = by_entity.pop(e.label, [])
        details = tuple(c.line(_value) for c in e.changes)
        yield _row(_subject(e, lang), change, details, meanings, _where(location))
    for label, meanings in by_entity.items():
        yield _row(entity(label, lang), "affected", (), meanings, _where(meanings[0].location))
    for d in diff.introduced:
        yield _finding(d, "introduced", lang)
    for d in diff.resolved:
        yield _finding(d, "resolved", lang)
