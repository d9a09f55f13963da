"""ropa's own workbook: the register as Art. 30 reads, compact enough to print.

Sheets, in order (names in the export language):

1. **Summary**: the title, the organisation (Art. 30(1)(a)) as a list of items (label, value, article;
   optional items the register leaves empty are hidden rows), the language, the counts, the findings by
   severity, the legend of colours and markers, the not-legal-advice note.
2. **Processing activities**, 3. **Recipients and processors**: one row per activity, per party.
4. **Recipient categories**, 5. **Transfers**, 6. **Retention**: one row per category of recipients, per
   transfer, per retention rule and data category; only when the register has such rows (their content is
   also in the activities sheet).
7. **Categories and measures**: the data subjects and the data categories (Art. 30(1)(c)) and the security
   measures (Art. 30(1)(g)) one below the other.
8. **Processor record** (Art. 30(2)), only with processor activities; 9. **Findings**, only with a report.

On the table sheets row 1 is the legend and row 2 the header; optional columns that are empty in every
row are hidden (an outline group that one click shows), also from print.
"""

from __future__ import annotations

from typing import Any

from ropa._version import __version__
from ropa.diagnostics import Severity
from ropa.export.plan import Line, SheetPlan, TableBlock, header_style
from ropa.export.spec import Context, Table
from ropa.export.tables import (
    ACTIVITIES,
    CHANGES,
    DATA_CATEGORIES,
    DATA_SUBJECTS,
    FINDINGS,
    ORGANISATION,
    PARTIES,
    PROCESSOR_RECORD,
    RECIPIENT_CATEGORIES,
    RETENTION,
    SECURITY_MEASURES,
    TRANSFERS,
)
from ropa.i18n import article, label

__all__ = ["LEGEND_KEYS", "changes_sheet", "findings_sheet", "plan", "report_sheets", "tables"]

LEGEND_KEYS = (
    ("legend.required", "ropa header required"),
    ("legend.conditional", "ropa header conditional"),
    ("legend.recommended", "ropa header"),
    ("legend.not_stated", "ropa text"),
    ("legend.organisation_wide", "ropa text"),
    ("legend.numbered", "ropa text"),
    ("legend.hidden", "ropa text"),
)
"""The legend on the summary: the colours of the headings, then the markers in the cells."""

_SHEET_TABLES: tuple[Table[Any], ...] = (
    ACTIVITIES,
    PARTIES,
    RECIPIENT_CATEGORIES,
    TRANSFERS,
    RETENTION,
)
_STACKED: tuple[Table[Any], ...] = (DATA_SUBJECTS, DATA_CATEGORIES, SECURITY_MEASURES)


def tables(ctx: Context) -> list[Table[Any]]:
    """The tables the workbook shows (its contents), in order."""
    return [
        table
        for table in (*_SHEET_TABLES, *_STACKED, PROCESSOR_RECORD)
        if table.present(ctx) and not (table.detail and table.count(ctx) == 0)
    ]


def _legend_line(ctx: Context) -> Line:
    keys = ("legend.required", "legend.conditional", "legend.recommended", "legend.not_stated")
    return Line([("  ".join(ctx.t(k) for k in keys), "ropa legend")], wrap=False)


def _summary(ctx: Context) -> SheetPlan:
    t = ctx.t
    register = ctx.register
    org = register.organisation
    org_name = (org.name if org and org.name else "") or ""
    blocks: list[Line | TableBlock] = [
        Line([(t("cover.title"), "ropa title")], wrap=False, height=22.0),
        Line([(org_name, "ropa subtitle")] if org_name else []),
        Line([]),
        Line([(t(k), "ropa header") for k in ("column.item", "column.value", "column.gdpr")]),
    ]
    columns = ORGANISATION.columns
    values = ORGANISATION.cells(columns, register, ctx)
    for column, value in zip(columns, values, strict=True):
        where = article(column.art30, ctx.lang) if column.art30 else ""
        blocks.append(
            Line(
                [(column.label(ctx.lang), header_style(column)), (value, "ropa text"), (where, "ropa text")],
                compare=True,
                hidden=value is None and column.art30 is None,
            )
        )
    blocks += [
        Line([]),
        Line([(t("cover.language"), "ropa subtitle"), (ctx.lang, "ropa text")]),
        Line([(t("cover.generated_by"), "ropa subtitle"), (f"ropa {__version__}", "ropa text")]),
    ]
    if ctx.changes is not None:
        since = ctx.changes.base
        compared = since.label + (f" ({since.revision[:12]})" if since.revision else "")
        blocks.append(Line([(t("cover.changes_since"), "ropa subtitle"), (compared, "ropa text")]))
    blocks += [
        Line([]),
        Line([(t("cover.contents"), "ropa header"), (t("cover.count"), "ropa header")]),
    ]
    for table in (*_SHEET_TABLES, *_STACKED, PROCESSOR_RECORD):
        if not table.present(ctx):
            continue
        blocks.append(Line([(table.sheet_name(ctx.lang), "ropa text"), (table.count(ctx), "ropa number")]))
        if table is RETENTION:
            rules = sum(len(a.retention or ()) for a in register.activities or ())
            blocks.append(Line([(t("cover.retention_rules"), "ropa text"), (rules, "ropa number")]))
    blocks += [
        Line([]),
        Line([(t("cover.findings"), "ropa header"), (t("cover.count"), "ropa header")]),
    ]
    if ctx.report is None:
        blocks.append(Line([(t("cover.findings_not_included"), "ropa text")]))
    else:
        counts = ctx.report.counts
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            fill = f" {severity.value}"
            blocks.append(
                Line(
                    [
                        (label(severity, ctx.lang), f"ropa text{fill}"),
                        (counts[severity.value], f"ropa number{fill}"),
                    ]
                )
            )
    blocks += [Line([]), Line([(t("cover.legend"), "ropa header")])]
    blocks += [Line([(t(key), style)]) for key, style in LEGEND_KEYS]
    blocks += [Line([]), Line([(t("cover.disclaimer"), "ropa text")])]
    return SheetPlan(
        label("sheet.cover", ctx.lang),
        blocks,
        widths=[42.0, 80.0, 22.0],
        landscape=False,
        freeze=None,
        closed=False,
    )


def _table_sheet(table: Table[Any], ctx: Context) -> SheetPlan:
    fill = (lambda row: f" {row.severity.value}") if table is FINDINGS else None
    block = TableBlock(
        table,
        ctx,
        before=[_legend_line(ctx)],
        fill=fill,
        hide_empty=True,
        auto_filter=True,
        drop_downs=True,
    )
    frozen = table.freeze_columns
    return SheetPlan(
        table.sheet_name(ctx.lang),
        [block],
        freeze=f"{chr(ord('A') + frozen)}3",
        print_title_rows="2:2",
        title_columns=frozen,
        compare=table not in (FINDINGS, CHANGES),
    )


def _stacked(ctx: Context) -> SheetPlan | None:
    blocks: list[Line | TableBlock] = [_legend_line(ctx)]
    for table in _STACKED:
        if table.count(ctx) == 0:
            continue
        title = Line([(table.sheet_name(ctx.lang), "ropa subtitle")])
        blocks.append(TableBlock(table, ctx, before=[Line([]), title], drop_downs=True))
    if len(blocks) == 1:
        return None
    return SheetPlan(label("sheet.vocabulary", ctx.lang), blocks)


def plan(ctx: Context) -> list[SheetPlan]:
    """The visible sheets of ropa's own workbook for ``ctx.register``."""
    plans = [_summary(ctx)]
    shown = tables(ctx)
    plans += [_table_sheet(t, ctx) for t in _SHEET_TABLES if t in shown]
    stacked = _stacked(ctx)
    if stacked is not None:
        plans.append(stacked)
    if PROCESSOR_RECORD in shown:
        plans.append(_table_sheet(PROCESSOR_RECORD, ctx))
    return plans + report_sheets(ctx)


def findings_sheet(ctx: Context) -> SheetPlan:
    """The findings of the report, one row each, coloured by severity (not compared by the importer)."""
    return _table_sheet(FINDINGS, ctx)


def changes_sheet(ctx: Context) -> SheetPlan:
    """The changes since an earlier version (not compared by the importer)."""
    return _table_sheet(CHANGES, ctx)


def report_sheets(ctx: Context) -> list[SheetPlan]:
    """The sheets of what was found about the register rather than what it says: the findings (with a
    report) and the changes (with a diff), after the register's own sheets in every layout."""
    plans = []
    if FINDINGS.present(ctx):
        plans.append(findings_sheet(ctx))
    if CHANGES.present(ctx):
        plans.append(changes_sheet(ctx))
    return plans
