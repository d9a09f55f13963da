"""The CNIL's simplified register (*registre simplifié*): a list sheet and one *fiche* per activity.

The list sheet (``2 - Liste des traitements``) has the organisation block (controller, representative,
DPO) above a table of the activities: name, reference, dates, main purpose, sub-purposes, sensitive data
(and ropa's *Base légale* after them). Each activity then has a form sheet (``3 - Fiche 1``,
``3 - Fiche 2``, ...) laid out like the template's *Modèle de fiche de registre*: labels in column A,
values beside them, in the template's sections (actors, purposes, categories of data with their retention,
sensitive data, data subjects, recipients, security measures, transfers). The sheets are numbered rather
than named after the activities, so that no name can make a sheet look like the template's example
(``4 - Exemple de fiche``). Every label is in ``ropa/data/export_layouts.json``.
"""

from __future__ import annotations

from typing import Any

from ropa.export.layouts.content import FIELDS, contact_of
from ropa.export.layouts.template import columns, layout_data
from ropa.export.plan import Line, SheetPlan, TableBlock
from ropa.export.retention_text import retention_text
from ropa.export.spec import Cell, Context, Table, Value
from ropa.export.tables import ACTIVITIES
from ropa.export.tables._text import country
from ropa.models import Activity

__all__ = ["plan", "titles"]


def _items(value: Value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def _text(value: Value) -> Cell:
    items = _items(value)
    return "\n".join(items) if items else None


def _list_sheet(ctx: Context) -> SheetPlan:
    data = layout_data("cnil")
    head: list[Line] = []
    for role_label, role, fields in data["organisation"]["rows"]:
        values = contact_of(ctx, role)
        cells: list[tuple[Cell, str] | None] = [(role_label, "ropa subtitle")]
        for field_label, field in fields:
            cells += [(field_label, "ropa header"), (values.get(field), "ropa text")]
        head.append(Line(cells, compare=True))
    head.append(Line([]))
    cols = columns("cnil", ctx)
    table = Table[Activity](key="layout_cnil", columns=cols, rows=ACTIVITIES.rows, count=ACTIVITIES.count)
    block = TableBlock(table, ctx, headings=[c.label(ctx.lang) for c in cols], before=head, auto_filter=True)
    header_row = len(head) + 1
    return SheetPlan(
        str(data["sheet"]),
        [block],
        widths=[24.0, 10.0, 24.0, 14.0, 24.0, 14.0, 24.0, 14.0, 20.0],
        freeze=f"A{header_row + 1}",
        print_title_rows=f"{header_row}:{header_row}",
    )


def _row(label: str, *values: Cell) -> Line:
    cells: list[tuple[Cell, str] | None] = [(label, "ropa subtitle")]
    cells += [(v, "ropa text") if v is not None else None for v in values]
    return Line(cells, compare=True)


def _section(labels: list[str | None]) -> Line:
    return Line([(text, "ropa header") if text else None for text in labels])


def _retention_for(a: Activity, category: str, ctx: Context) -> str | None:
    texts = [
        retention_text(rule, ctx.lang)
        for rule in a.retention or ()
        if not rule.data_categories or category in rule.data_categories
    ]
    return "; ".join(texts) or None


def _fiche(number: int, a: Activity, ctx: Context) -> SheetPlan:
    form: dict[str, Any] = layout_data("cnil")["fiche"]
    index = ctx.index
    lines = [
        Line(
            [
                (form["title"], "ropa title"),
                None,
                None,
                (form["reference"], "ropa subtitle"),
                (a.id, "ropa text"),
            ]
        ),
        Line([]),
        _section([form["description"]]),
    ]
    for label, field in form["header"]:
        lines.append(_row(label, FIELDS[field](a, ctx) if field in FIELDS else None))  # type: ignore[arg-type]
    lines += [Line([]), _section(form["actors"])]
    for label, role in form["roles"]:
        values = contact_of(ctx, role)
        lines.append(_row(label, values.get("name"), None, values.get("phone"), values.get("email")))
    lines += [
        _row(form["joint"], _text(FIELDS["joint_controllers"](a, ctx))),
        Line([]),
        _section(form["purposes"]),
    ]
    for n, purpose in enumerate(a.purposes or ()):
        label = form["main_purpose"] if n == 0 else form["sub_purpose"].format(n=n)
        lines.append(_row(label, purpose.description))
    lines += [Line([]), _section(form["data"])]
    sensitive: list[tuple[str, str]] = []
    for n, category_id in enumerate(a.data_categories or (), start=1):
        category = index.data_categories.get(category_id)
        if category is not None and category.special is not None:
            sensitive.append((form["sensitive_rows"][category.special.value], category_id))
        elif category is not None and category.criminal:
            sensitive.append((form["criminal_row"], category_id))
        else:
            name = index.category_name(category_id)
            lines.append(_row(form["data_row"].format(n=n), name, None, _retention_for(a, category_id, ctx)))
    lines += [Line([]), _section(form["sensitive"])]
    for label, category_id in sensitive:
        lines.append(_row(label, index.category_name(category_id), None, _retention_for(a, category_id, ctx)))
    lines += [Line([]), _section(form["subjects"])]
    for n, subject_id in enumerate(a.data_subjects or (), start=1):
        subject = index.data_subjects.get(subject_id)
        details = subject.description if subject else None
        lines.append(_row(form["subject_row"].format(n=n), index.subject_name(subject_id), None, details))
    lines += [Line([]), _section(form["recipients"])]
    for n, text in enumerate(_items(FIELDS["recipients"](a, ctx)), start=1):
        lines.append(_row(form["recipient_row"].format(n=n), text))
    lines += [Line([]), _section(form["measures"])]
    for n, text in enumerate(_items(FIELDS["security_measures"](a, ctx)), start=1):
        lines.append(_row(form["measure_row"].format(n=n), text))
    lines += [Line([]), _section(form["transfers"])]
    for n, transfer in enumerate(a.transfers or (), start=1):
        recipient = index.party_name(transfer.recipient) if transfer.recipient else None
        place = country(transfer.country, ctx.lang) or transfer.international_organisation
        mechanism = ctx.t(transfer.mechanism) if transfer.mechanism else None
        lines.append(_row(form["transfer_row"].format(n=n), recipient, place, mechanism, None, transfer.tia))
    title = str(layout_data("cnil")["fiche_sheet"]).format(n=number)
    return SheetPlan(title, list(lines), widths=[36.0, 40.0, 16.0, 26.0, 26.0, 30.0], landscape=False)


def titles(ctx: Context) -> list[str]:
    """The names of the list sheet and the fiches, without planning them."""
    data = layout_data("cnil")
    count = len(ctx.register.activities or ())
    return [str(data["sheet"]), *(str(data["fiche_sheet"]).format(n=n) for n in range(1, count + 1))]


def plan(ctx: Context) -> list[SheetPlan]:
    """The list sheet and one fiche per activity."""
    plans = [_list_sheet(ctx)]
    plans += [_fiche(n, a, ctx) for n, a in enumerate(ctx.register.activities or (), start=1)]
    return plans
