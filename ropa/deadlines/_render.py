"""Render the items of :func:`ropa.due` as text, JSON, GitHub annotations or Markdown.

``json`` is a versioned contract described by ``schemas/due.schema.json`` (generated from the typed dicts
below); ``github`` follows the workflow-command syntax of GitHub Actions (overdue items are errors, items
due soon warnings); ``text`` and ``markdown`` are for people and are not contracts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Literal, cast

from pydantic import Field
from typing_extensions import TypedDict

from ropa._version import __version__
from ropa.deadlines._due import DueItem, parse_within
from ropa.deadlines._texts import check_lang, count, say
from ropa.durations import add_to_date, format_duration
from ropa.reporters import RenderOptions, clean, register_paths
from ropa.reporters.github import escape_data, escape_property
from ropa.reporters.json import LocationEntry, Tool, location_entry

if TYPE_CHECKING:
    from ropa.i18n import Lang

__all__ = ["DUE_FORMATS", "DueDocument", "due_document", "render_due"]

DUE_FORMATS = ("text", "json", "github", "markdown")
"""The formats of :func:`render_due`."""
FORMAT_VERSION: Literal["1"] = "1"


class DueEntry(TypedDict):
    """A date that has passed or falls due within the horizon."""

    kind: Annotated[
        str,
        Field(
            description=(
                "register-review, activity-review, dpia-review, agreement-review, dpf-check, tia-review, "
                "data-file, suppression or activity-end."
            )
        ),
    ]
    status: Annotated[Literal["overdue", "due"], Field(description="overdue: the date has passed.")]
    due: Annotated[str | None, Field(description="The date (YYYY-MM-DD); null when it never happened.")]
    days_left: Annotated[
        int | None, Field(description="Days from today: negative when overdue; null with due.")
    ]
    subject: Annotated[str, Field(description="What falls due, for people. Not stable: do not parse.")]
    entity: Annotated[
        str | None, Field(description="The entity, e.g. 'activity newsletter'; null for ropa's data.")
    ]
    action: Annotated[str, Field(description="What to do. Not stable: do not parse.")]
    legal_refs: Annotated[list[str], Field(description="The provisions, e.g. 'Art. 35(11) GDPR'.")]
    location: Annotated[
        LocationEntry | None, Field(description="Where the date is written; null for ropa's data.")
    ]


class DueSummary(TypedDict):
    """Totals."""

    overdue: Annotated[int, Field(ge=0)]
    due: Annotated[int, Field(ge=0)]


class DueDocument(TypedDict):
    """The whole output of 'ropa due --format json'."""

    version: Annotated[Literal["1"], Field(description="Version of this contract.")]
    tool: Tool
    root: Annotated[str | None, Field(description="The register path, as given.")]
    today: Annotated[str, Field(description="The date counted from (YYYY-MM-DD).")]
    within: Annotated[str, Field(description="The horizon as an ISO 8601 duration, e.g. 'P30D'.")]
    horizon: Annotated[str, Field(description="The last date listed as due (YYYY-MM-DD).")]
    summary: DueSummary
    items: Annotated[list[DueEntry], Field(description="Overdue first, then by date.")]


class _Paths:
    def __init__(self, path: str | os.PathLike[str] | None) -> None:
        self.root: str | None = None
        self.options = RenderOptions()
        if path is not None:
            self.root, base = register_paths(path)
            self.options = RenderOptions(root=self.root, base=base)

    def where(self, item: DueItem) -> str | None:
        loc = item.location
        if loc is None or loc.file is None:
            return None
        path = self.options.path(loc.file)
        return f"{path}:{loc.line}:{loc.column}" if loc.span is not None else path

    def entry(self, item: DueItem) -> LocationEntry | None:
        return location_entry(item.location, self.options) if item.location is not None else None


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant


def due_document(
    items: Sequence[DueItem],
    *,
    path: str | os.PathLike[str] | None = None,
    today: dt.date | None = None,
    within: str | int = "30d",
) -> DueDocument:
    """The items as the JSON-ready dict of the contract (``schemas/due.schema.json``)."""
    paths = _Paths(path)
    day = _today(today)
    length = parse_within(within)
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "ropa", "version": __version__},
        "root": paths.root,
        "today": day.isoformat(),
        "within": format_duration(length),
        "horizon": add_to_date(day, length).isoformat(),
        "summary": {
            "overdue": sum(1 for i in items if i.overdue),
            "due": sum(1 for i in items if not i.overdue),
        },
        "items": [
            {
                "kind": i.kind,
                "status": i.status,
                "due": i.due.isoformat() if i.due else None,
                "days_left": i.days_left,
                "subject": i.subject,
                "entity": i.entity,
                "action": i.action,
                "legal_refs": [str(r) for r in i.legal_refs],
                "location": paths.entry(i),
            }
            for i in items
        ],
    }


class _Words:
    """The words the reports add, in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = check_lang(lang)

    def __call__(self, key: str, /, **values: object) -> str:
        return say(key, self.lang, **values)

    def refs(self, item: DueItem) -> str:
        if self.lang == "en":
            return ", ".join(str(r) for r in item.legal_refs)
        from ropa.i18n import legal_ref

        return ", ".join(legal_ref(r, cast("Lang", self.lang)) for r in item.legal_refs)

    def when(self, item: DueItem) -> str:
        if item.days_left is None:
            return self("due.when.never")
        if item.days_left == 0:
            return self("due.when.today")
        if item.days_left < 0:
            return count("due.when.ago", -item.days_left, self.lang)
        return count("due.when.in", item.days_left, self.lang)

    def summary(self, items: Sequence[DueItem], within: str | int) -> str:
        length = self.length(within)
        overdue = sum(1 for i in items if i.overdue)
        if not items:
            return self("due.summary.nothing", length=length)
        return self("due.summary", overdue=overdue, due=len(items) - overdue, length=length)

    def length(self, within: str | int) -> str:
        length = parse_within(within)
        parts = [
            (length.years, "year"),
            (length.months, "month"),
            (length.weeks, "week"),
            (length.days, "day"),
        ]
        text = ", ".join(count(f"due.length.{unit}", n, self.lang) for n, unit in parts if n)
        return text or count("due.length.day", 0, self.lang)


def _text(items: Sequence[DueItem], paths: _Paths, day: dt.date, within: str | int, say: _Words) -> str:
    lines = []
    for i in items:
        due = i.due.isoformat() if i.due else "-"
        where = paths.where(i)
        lines.append(f"{i.status:<7} {due:<10} {say.when(i):<14} {clean(i.subject)}")
        if where:
            lines.append("        " + say("due.at", where=where))
        refs = f" [{say.refs(i)}]" if i.legal_refs else ""
        lines.append(f"        {i.action}{refs}")
    if lines:
        lines.append("")
    lines.append(f"{say.summary(items, within)} ({say('due.today-is', date=day.isoformat())})")
    return "\n".join(lines) + "\n"


def _github(items: Sequence[DueItem], paths: _Paths, say: _Words) -> str:
    lines = []
    for i in items:
        props: list[tuple[str, str]] = []
        path = paths.options.path(i.location.file) if i.location is not None else None
        if path is not None and i.location is not None:
            props.append(("file", path))
            if i.location.span is not None:
                props.append(("line", str(i.location.line)))
                props.append(("col", str(i.location.column)))
        when = i.due.isoformat() if i.due else say("due.never")
        props.append(("title", f"ropa due: {i.kind} ({i.status}, {when})"))
        message = f"{i.subject}: {say.when(i)}\n{i.action}"
        if i.legal_refs:
            message += f" [{say.refs(i)}]"
        command = "error" if i.overdue else "warning"
        properties = ",".join(f"{key}={escape_property(value)}" for key, value in props)
        lines.append(f"::{command} {properties}::{escape_data(message)}")
    return "".join(f"{line}\n" for line in lines)


def _cell(text: str) -> str:
    return clean(text).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def _markdown(items: Sequence[DueItem], paths: _Paths, day: dt.date, within: str | int, say: _Words) -> str:
    title = f"## ropa due: `{_cell(paths.root)}`" if paths.root else "## ropa due"
    today = say("due.today-is", date=day.isoformat())
    lines = [title, "", f"{say.summary(items, within)} ({today}).", ""]
    if items:
        columns = ("status", "due", "when", "what", "where", "action")
        lines += ["| " + " | ".join(say(f"due.col.{c}") for c in columns) + " |", "|---|---|---|---|---|---|"]
        for i in items:
            status = say(f"due.status.{i.status}")
            if i.overdue:
                status = f"**{status}**"
            refs = f" ({say.refs(i)})" if i.legal_refs else ""
            where = paths.where(i)
            lines.append(
                f"| {status} | {i.due.isoformat() if i.due else '–'} | {say.when(i)} | {_cell(i.subject)} "
                f"| {f'`{_cell(where)}`' if where else '–'} | {_cell(i.action + refs)} |"
            )
        lines.append("")
    return "\n".join(lines)


def render_due(
    items: Sequence[DueItem],
    fmt: str = "text",
    *,
    path: str | os.PathLike[str] | None = None,
    today: dt.date | None = None,
    within: str | int = "30d",
    lang: str = "en",
) -> str:
    """The items of :func:`ropa.due` as ``text``, ``json``, ``github`` (workflow commands) or ``markdown``.

    Args:
        items: what :func:`ropa.due` returned.
        fmt: the format.
        path: the register path as given to :func:`ropa.due`; file names are shown joined to it.
        today: the date the items were computed for (default: today).
        within: the horizon they were computed with.
        lang: the language of the words the report adds (``in 3 days``, the summary, the headers) and of
            its legal references; pass the language the items were computed in (``ropa.due(...,
            lang=...)``). ``json`` is the same in every language but for the items' ``subject`` and
            ``action``.

    Raises:
        ValueError: an unknown format or language, or ``within`` is not a period.
    """
    say = _Words(lang)
    paths = _Paths(path)
    day = _today(today)
    if fmt == "json":
        document = due_document(items, path=path, today=day, within=within)
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return _github(items, paths, say)
    if fmt == "markdown":
        return _markdown(items, paths, day, within, say)
    if fmt == "text":
        return _text(items, paths, day, within, say)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(DUE_FORMATS)}")
