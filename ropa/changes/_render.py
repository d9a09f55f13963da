"""Render a :class:`~ropa.changes.Diff` as text, JSON or Markdown.

``json`` is a versioned contract described by ``schemas/diff.schema.json``: the reporter builds exactly
the typed dicts below, from which the schema is generated, so output and schema cannot drift apart. Within
``"version": "1"`` fields are only added. ``text`` and ``markdown`` are for people (a terminal; a pull
request comment or the GitHub job summary) and are not contracts.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field
from typing_extensions import TypedDict

from ropa._version import __version__
from ropa.changes._catalogue import DOCS
from ropa.changes._model import Diff, EntityChange, FieldChange, Side
from ropa.changes._snapshot import WORKING_TREE, Snapshot
from ropa.changes._texts import count, entity, refs, say
from ropa.diagnostics import Diagnostic, LegalRef, Location, Report, Severity
from ropa.reporters import RenderOptions, clean
from ropa.reporters.json import Counts, DiagnosticEntry, LocationEntry, Tool, location_entry, report_document

__all__ = ["DIFF_FORMATS", "DOCS", "DiffDocument", "diff_document", "render_diff"]

DIFF_FORMATS = ("text", "json", "markdown")
"""The formats of :func:`render_diff`."""
FORMAT_VERSION: Literal["1"] = "1"
_VALUE_LENGTH = 80
_FIELDS_SHOWN = 25
_ENTITIES_SHOWN = 300

SeverityName = Literal["error", "warning", "info"]


class SourceEntry(TypedDict):
    """One of the two versions compared."""

    label: Annotated[
        str, Field(description="The revision as given ('origin/main'), 'working tree', or the path.")
    ]
    revision: Annotated[str | None, Field(description="The full commit hash of a git revision; else null.")]
    exists: Annotated[bool, Field(description="False when there was no register there (everything is new).")]
    path: Annotated[
        str | None, Field(description="The register path as given; null for a register in memory.")
    ]
    skipped: Annotated[
        list[str], Field(description="Files not read at a revision: symbolic links and submodules.")
    ]


class FieldChangeEntry(TypedDict):
    """One difference inside a changed entity."""

    op: Annotated[Literal["added", "removed", "changed"], Field(description="What happened to the value.")]
    path: Annotated[
        str, Field(description="JSON Pointer relative to the entity, e.g. '/purposes/1/lawful_basis'.")
    ]
    field: Annotated[str, Field(description="The same path for people: 'purposes[1].lawful_basis'.")]
    item: Annotated[
        str | None, Field(description="The list item the change is in: \"purpose 'Send the newsletter'\".")
    ]
    before: Annotated[Any, Field(description="The old value as JSON; null when added.")]
    after: Annotated[Any, Field(description="The new value as JSON; null when removed.")]


class EntityEntry(TypedDict):
    """An entity added, removed or changed; entities are matched by kind and id."""

    kind: Annotated[
        str, Field(description="The register key of the kind: 'activities', 'parties', 'organisation'.")
    ]
    id: Annotated[
        str | None, Field(description="The entity's id; null for the organisation and register blocks.")
    ]
    label: Annotated[str, Field(description="The entity for people: 'activity newsletter'.")]
    status: Annotated[
        Literal["added", "removed", "changed"], Field(description="What happened to the entity.")
    ]
    renamed: Annotated[bool, Field(description="True when the id stayed and the name changed.")]
    name_before: Annotated[str | None, Field(description="The old name; null when added or unnamed.")]
    name_after: Annotated[str | None, Field(description="The new name; null when removed or unnamed.")]
    location: Annotated[
        LocationEntry | None,
        Field(description="Where the entity is: in the new version, or in the old one when removed."),
    ]
    changes: Annotated[
        list[FieldChangeEntry], Field(description="The field changes; empty when added or removed.")
    ]


class MeaningEntry(TypedDict):
    """What a change means in law."""

    code: Annotated[
        str, Field(pattern=r"^CHG-[0-9]{3}$", description="The change code; stable, never reused.")
    ]
    name: Annotated[str, Field(description="The change code's kebab-case name, e.g. 'transfer-added'.")]
    severity: Annotated[
        SeverityName,
        Field(description="error: a requirement is now unmet; warning: act before the change; info."),
    ]
    summary: Annotated[str, Field(description="The change code's summary. Not stable: do not parse.")]
    action: Annotated[str, Field(description="What to do. Not stable: do not parse.")]
    legal_refs: Annotated[list[str], Field(description="The provisions, e.g. 'Art. 13(1)(f) GDPR'.")]
    kind: Annotated[str, Field(description="The register key of the entity's kind.")]
    entity: Annotated[str, Field(description="The entity the change concerns: 'activity newsletter'.")]
    detail: Annotated[str, Field(description="The concrete change, for people. Not stable: do not parse.")]
    path: Annotated[
        str, Field(description="JSON Pointer relative to the entity; '' for the entity as a whole.")
    ]
    location: Annotated[
        LocationEntry | None, Field(description="Where to look (the new version when possible).")
    ]
    docs: Annotated[str, Field(description="The page of the change code.")]


class EntityCounts(TypedDict):
    """Entities per status; all three keys are always present."""

    added: Annotated[int, Field(ge=0)]
    removed: Annotated[int, Field(ge=0)]
    changed: Annotated[int, Field(ge=0)]


class DiffSummary(TypedDict):
    """Totals of the diff."""

    entities: EntityCounts
    meanings: Annotated[Counts, Field(description="Legal meanings per severity.")]
    introduced: Annotated[
        int, Field(ge=0, description="Findings of the new version the old one did not have.")
    ]
    resolved: Annotated[
        int, Field(ge=0, description="Findings of the old version the new one no longer has.")
    ]


class FindingsEntry(TypedDict):
    """Findings that came or went, matched by fingerprint."""

    compared: Annotated[bool, Field(description="False when the versions were not validated.")]
    introduced: Annotated[list[DiagnosticEntry], Field(description="Paths and positions in the new version.")]
    resolved: Annotated[list[DiagnosticEntry], Field(description="Paths and positions in the old version.")]


class DiffDocument(TypedDict):
    """The whole output of 'ropa diff --format json'."""

    version: Annotated[Literal["1"], Field(description="Version of this contract.")]
    tool: Tool
    base: SourceEntry
    head: SourceEntry
    summary: DiffSummary
    meanings: Annotated[list[MeaningEntry], Field(description="Most severe first, then in entity order.")]
    entities: Annotated[list[EntityEntry], Field(description="In register order; by id within a kind.")]
    findings: FindingsEntry


# --------------------------------------------------------------------------------------------------------
# Paths
# --------------------------------------------------------------------------------------------------------


def _prefix(snapshot: Snapshot) -> str:
    """The folder that the snapshot's file names are relative to, as shown: relative to the working
    directory when inside it, else absolute; ``""`` for the working directory or a register in memory."""
    if snapshot.path is None:
        return ""
    path = Path(snapshot.path)
    folder = path.parent if snapshot.is_file else path
    absolute = Path(os.path.abspath(folder))
    try:
        shown = absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        shown = absolute.as_posix()
    return "" if shown == "." else shown


class _Paths:
    def __init__(self, diff: Diff) -> None:
        self.options: dict[Side, RenderOptions] = {
            "base": RenderOptions(base=_prefix(diff.base)),
            "head": RenderOptions(base=_prefix(diff.head)),
        }

    def where(self, location: Location | None, side: Side) -> str | None:
        if location is None or location.file is None:
            return None
        path = self.options[side].path(location.file)
        return f"{path}:{location.line}:{location.column}" if location.span is not None else path

    def entry(self, location: Location | None, side: Side) -> LocationEntry | None:
        return location_entry(location, self.options[side]) if location is not None else None


def _entity_location(entity: EntityChange) -> tuple[Location | None, Side]:
    if entity.head_location is not None:
        return entity.head_location, "head"
    return entity.base_location, "base"


# --------------------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------------------


def _source(snapshot: Snapshot) -> SourceEntry:
    return {
        "label": snapshot.label,
        "revision": snapshot.revision,
        "exists": snapshot.exists,
        "path": snapshot.path,
        "skipped": list(snapshot.skipped),
    }


def _field_entry(change: FieldChange) -> FieldChangeEntry:
    return {
        "op": change.op,
        "path": change.path,
        "field": change.field,
        "item": change.item,
        "before": change.before,
        "after": change.after,
    }


def _findings(diagnostics: tuple[Diagnostic, ...], options: RenderOptions) -> list[DiagnosticEntry]:
    return report_document(Report(diagnostics), options)["diagnostics"]


def diff_document(diff: Diff) -> DiffDocument:
    """The diff as the JSON-ready dict of the contract (``schemas/diff.schema.json``)."""
    paths = _Paths(diff)
    entities: list[EntityEntry] = []
    for e in diff.entities:
        location, side = _entity_location(e)
        entities.append(
            {
                "kind": e.kind,
                "id": e.id,
                "label": e.label,
                "status": e.status,
                "renamed": e.renamed,
                "name_before": e.name_before,
                "name_after": e.name_after,
                "location": paths.entry(location, side),
                "changes": [_field_entry(c) for c in e.changes],
            }
        )
    meanings: list[MeaningEntry] = [
        {
            "code": m.code,
            "name": m.name,
            "severity": m.severity.value,
            "summary": m.summary,
            "action": m.action,
            "legal_refs": [str(r) for r in m.legal_refs],
            "kind": m.kind,
            "entity": m.entity,
            "detail": m.detail,
            "path": m.path,
            "location": paths.entry(m.location, m.side),
            "docs": f"{DOCS}/{m.code}.md",
        }
        for m in diff.meanings
    ]
    counts = diff.meaning_counts
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "ropa", "version": __version__},
        "base": _source(diff.base),
        "head": _source(diff.head),
        "summary": {
            "entities": {
                "added": diff.count("added"),
                "removed": diff.count("removed"),
                "changed": diff.count("changed"),
            },
            "meanings": {"error": counts["error"], "warning": counts["warning"], "info": counts["info"]},
            "introduced": len(diff.introduced),
            "resolved": len(diff.resolved),
        },
        "meanings": meanings,
        "entities": entities,
        "findings": {
            "compared": diff.findings_compared,
            "introduced": _findings(diff.introduced, paths.options["head"]),
            "resolved": _findings(diff.resolved, paths.options["base"]),
        },
    }


# --------------------------------------------------------------------------------------------------------
# Text and Markdown
# --------------------------------------------------------------------------------------------------------


class _Words:
    """The words the text and Markdown reports add, in the diff's language."""

    def __init__(self, diff: Diff) -> None:
        self.lang = diff.lang

    def __call__(self, key: str, /, **values: object) -> str:
        return say(key, self.lang, **values)

    def entity(self, label: str) -> str:
        return entity(label, self.lang)

    def refs(self, values: tuple[LegalRef, ...]) -> str:
        return refs(values, self.lang)

    def short(self, value: Any) -> str:
        if value is None:
            return self("diff.not-stated")
        text = (
            value
            if isinstance(value, str)
            else json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        )
        text = " ".join(clean(text).split()) if isinstance(value, str) else clean(text)
        return text if len(text) <= _VALUE_LENGTH else text[: _VALUE_LENGTH - 1] + "…"

    def heading(self, diff: Diff) -> str:
        def side(s: Snapshot) -> str:
            text = self("diff.working-tree") if s.label == WORKING_TREE else s.label
            if s.revision:
                text += f" ({s.revision[:12]})"
            return text + ("" if s.exists else " " + self("diff.no-register"))

        return f"{side(diff.base)} → {side(diff.head)}"

    def totals(self, diff: Diff) -> str:
        counts = diff.meaning_counts
        parts = [
            self(
                "diff.totals.entities",
                added=diff.count("added"),
                changed=diff.count("changed"),
                removed=diff.count("removed"),
            ),
            count("diff.totals.meanings", len(diff.meanings), self.lang, **counts),
        ]
        if diff.findings_compared:
            parts.append(
                self("diff.totals.findings", introduced=len(diff.introduced), resolved=len(diff.resolved))
            )
        return "; ".join(parts)

    def entity_title(self, e: EntityChange) -> str:
        name = e.name
        title = self.entity(e.label) + (f" ({clean(name)})" if name and name != e.id else "")
        if e.renamed:
            title = self("diff.renamed-from", title=title, before=self.short(e.name_before))
        return title

    def finding_groups(self, diff: Diff) -> list[tuple[str, tuple[Diagnostic, ...], Side]]:
        return [
            (self("diff.h.introduced"), diff.introduced, "head"),
            (self("diff.h.resolved"), diff.resolved, "base"),
        ]


def _text(diff: Diff) -> str:
    paths = _Paths(diff)
    say = _Words(diff)
    lines = [f"ropa diff: {say.heading(diff)}", ""]
    if diff.base.skipped or diff.head.skipped:
        skipped = sorted({*diff.base.skipped, *diff.head.skipped})
        lines += [say("diff.not-read", files=", ".join(skipped)), ""]
    if diff.meanings:
        lines.append(say("diff.h.meanings") + ":")
        for m in diff.meanings:
            where = paths.where(m.location, m.side)
            lines.append(
                f"  {m.severity.value:<7} {m.code} {m.name}: {say.entity(m.entity)}: {clean(m.detail)}"
            )
            if where:
                lines.append("          " + say("diff.at", where=where))
            lines.append(f"          {m.action} [{say.refs(m.legal_refs)}]")
        lines.append("")
    if diff.entities:
        lines.append(say("diff.h.changes") + ":")
        for e in diff.entities[:_ENTITIES_SHOWN]:
            location, side = _entity_location(e)
            where = paths.where(location, side)
            status = say(f"diff.status.{e.status}")
            lines.append(f"  {status:<7} {say.entity_title(e)}" + (f"  {where}" if where else ""))
            for c in e.changes[:_FIELDS_SHOWN]:
                lines.append(f"            {c.line(say.short)}")
            if len(e.changes) > _FIELDS_SHOWN:
                lines.append("            " + say("diff.more", n=len(e.changes) - _FIELDS_SHOWN))
        if len(diff.entities) > _ENTITIES_SHOWN:
            lines.append("  " + say("diff.more-entities", n=len(diff.entities) - _ENTITIES_SHOWN))
        lines.append("")
    for title, diagnostics, side in say.finding_groups(diff):
        if diagnostics:
            lines.append(title + ":")
            for d in diagnostics:
                where = paths.where(d.location, side) or "<register>"
                lines.append(f"  {where} {d.code} {d.severity.value} {clean(d.message)}")
            lines.append("")
    lines.append(say("diff.no-changes") if diff.empty else say.totals(diff))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return clean(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def _code(text: str) -> str:
    value = " ".join(clean(text).split()).replace("`", "'")
    if len(value) > _VALUE_LENGTH:
        value = value[: _VALUE_LENGTH - 1] + "…"
    return f"`{value}`" if value else "` `"


def _md_value(value: Any, say: _Words) -> str:
    if value is None:
        return f"*{say('diff.not-stated')}*"
    return _code(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _md_change(change: FieldChange, say: _Words) -> str:
    where = f"`{change.field}`" + (f" ({_cell(change.item)})" if change.item else "")
    if change.op == "added":
        return say("diff.md.added", field=where, value=_md_value(change.after, say))
    if change.op == "removed":
        return say("diff.md.removed", field=where, value=_md_value(change.before, say))
    return f"{where}: {_md_value(change.before, say)} → {_md_value(change.after, say)}"


def _badge(severity: Severity, say: _Words) -> str:
    word = say(f"diff.severity.{severity.value}")
    return f"**{word}**" if severity is Severity.ERROR else word


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _markdown(diff: Diff) -> str:
    paths = _Paths(diff)
    say = _Words(diff)
    root = diff.head.path or diff.base.path
    lines = [f"## ropa diff{f': `{_cell(root)}`' if root else ''}", "", f"{_cell(say.heading(diff))}", ""]
    if diff.empty:
        return "\n".join([*lines, say("diff.no-changes"), ""])
    lines += [_cell(say.totals(diff)), ""]
    if diff.meanings:
        columns = ("severity", "code", "concerns", "change", "action", "provisions")
        lines += [
            f"### {say('diff.h.meanings')}",
            "",
            _row(*(say(f"diff.col.{c}") for c in columns)),
            "|---|---|---|---|---|---|",
        ]
        for m in diff.meanings:
            lines.append(
                _row(
                    _badge(m.severity, say),
                    f"[{m.code}]({DOCS}/{m.code}.md) `{m.name}`",
                    _cell(say.entity(m.entity)),
                    _cell(m.detail),
                    _cell(m.action),
                    _cell(say.refs(m.legal_refs)),
                )
            )
        lines.append("")
    if diff.entities:
        lines += [f"### {say('diff.h.changes')}", ""]
        for e in diff.entities[:_ENTITIES_SHOWN]:
            location, side = _entity_location(e)
            where = paths.where(location, side)
            status = say(f"diff.status.{e.status}")
            lines.append(
                f"- **{status}** {_cell(say.entity_title(e))}" + (f" — `{_cell(where)}`" if where else "")
            )
            lines.extend(f"  - {_md_change(c, say)}" for c in e.changes[:_FIELDS_SHOWN])
            if len(e.changes) > _FIELDS_SHOWN:
                lines.append("  - " + _cell(say("diff.more", n=len(e.changes) - _FIELDS_SHOWN)))
        if len(diff.entities) > _ENTITIES_SHOWN:
            lines.append("- " + _cell(say("diff.more", n=len(diff.entities) - _ENTITIES_SHOWN)))
        lines.append("")
    for title, diagnostics, side in say.finding_groups(diff):
        if not diagnostics:
            continue
        headers = ("severity", "finding", "location", "message")
        lines += [
            f"### {title} ({len(diagnostics)})",
            "",
            _row(*(say(f"diff.col.{c}") for c in headers)),
            "|---|---|---|---|",
        ]
        for d in diagnostics:
            where = paths.where(d.location, side) or say.entity("register")
            lines.append(_row(_badge(d.severity, say), f"{d.code} {d.rule}", _cell(where), _cell(d.message)))
        lines.append("")
    return "\n".join(lines)


def render_diff(diff: Diff, fmt: str = "text") -> str:
    """The diff as ``text`` (for a terminal), ``json`` (the contract of ``schemas/diff.schema.json``) or
    ``markdown`` (a pull-request comment or the GitHub job summary).

    File paths are shown joined to the register path each version was read from, relative to the working
    directory when inside it. The words of ``text`` and ``markdown`` are in the diff's language
    (:attr:`Diff.lang`); ``json`` keeps its keys, codes and entity labels in every language.

    Raises:
        ValueError: an unknown format.
    """
    if fmt == "json":
        return json.dumps(diff_document(diff), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(diff)
    if fmt == "text":
        return _text(diff)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(DIFF_FORMATS)}")
