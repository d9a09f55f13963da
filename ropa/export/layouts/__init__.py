"""The layouts of the workbook: ropa's own, and the templates of supervisory authorities.

``ropa export --format xlsx --layout NAME`` (``ropa.export_xlsx(..., layout=NAME)``):

- ``ropa`` (the default): ropa's own Art. 30 workbook (:mod:`ropa.export.layouts.ropa`);
- ``ico``: the ICO's documentation template for controllers (English);
- ``ap``: a Dutch register after the Autoriteit Persoonsgegevens' guidance (Dutch);
- ``cnil``: the CNIL's simplified register, a list sheet and one *fiche* per activity (French);
- ``vvt``: a German *Verzeichnis von Verarbeitungstätigkeiten* as municipalities publish it (German).

Every layout's headings are ones the importer reads as the same fields (``ropa/data/import_headings.json``;
the templates' columns are in ``ropa/data/export_layouts.json``), and every workbook embeds the register
in its hidden ``_ropa`` sheet, so importing an export gives the same register.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ropa.export.plan import SheetPlan
from ropa.export.spec import Context
from ropa.i18n import Lang

__all__ = ["DEFAULT_LAYOUT", "LAYOUTS", "Layout", "plan_workbook", "resolve"]

DEFAULT_LAYOUT = "ropa"


@dataclass(frozen=True)
class Layout:
    """A workbook layout: its name, its language and how it plans the visible sheets.

    Attributes:
        name: ``ropa``, ``ico``, ``ap``, ``cnil`` or ``vvt``.
        lang: the language of its headings and, by default, of its values.
        plan: ``plan(context)`` gives the visible sheets.
        table_sheet: the title of the sheet to import when the visible sheets differ from the embedded
            register (``None``: every visible sheet), as a function of the language.
        findings: whether the layout plans its own findings and changes sheets (ropa's does); the
            templates get ropa's after their own sheets.
        titles: ``titles(context)``, the names of the visible sheets, when they can be had more cheaply
            than by planning the sheets (the importer asks every layout, in every language).
    """

    name: str
    lang: Lang
    plan: Callable[[Context], list[SheetPlan]]
    table_sheet: Callable[[Lang], str | None]
    findings: bool = False
    titles: Callable[[Context], list[str]] | None = None

    def sheet_titles(self, ctx: Context) -> list[str]:
        """The names of the register's visible sheets in this layout (without findings and changes)."""
        if self.titles is not None:
            return self.titles(ctx)
        return [plan.title for plan in self.plan(ctx)]


def _ropa(ctx: Context) -> list[SheetPlan]:
    from ropa.export.layouts import ropa

    return ropa.plan(ctx)


def _template(name: str) -> Callable[[Context], list[SheetPlan]]:
    def plan(ctx: Context) -> list[SheetPlan]:
        from ropa.export.layouts import template

        return template.plan(name, ctx)

    return plan


def _template_sheet(name: str) -> Callable[[Lang], str | None]:
    def title(lang: Lang) -> str | None:
        from ropa.export.layouts import template

        return template.table_sheet(name)

    return title


def _cnil(ctx: Context) -> list[SheetPlan]:
    from ropa.export.layouts import cnil

    return cnil.plan(ctx)


def _cnil_titles(ctx: Context) -> list[str]:
    from ropa.export.layouts import cnil

    return cnil.titles(ctx)


def _activities_sheet(lang: Lang) -> str:
    from ropa.i18n import label

    return label("sheet.activities", lang)


LAYOUTS: dict[str, Layout] = {
    "ropa": Layout("ropa", "en", _ropa, _activities_sheet, findings=True),
    "ico": Layout("ico", "en", _template("ico"), _template_sheet("ico")),
    "ap": Layout("ap", "nl", _template("ap"), _template_sheet("ap")),
    "cnil": Layout("cnil", "fr", _cnil, lambda lang: None, titles=_cnil_titles),
    "vvt": Layout("vvt", "de", _template("vvt"), _template_sheet("vvt")),
}
"""Every layout by name."""


def resolve(name: str) -> Layout:
    """The layout called ``name``.

    Raises:
        ValueError: no such layout.
    """
    try:
        return LAYOUTS[name]
    except KeyError:
        raise ValueError(f"unknown layout {name!r}; use one of {', '.join(LAYOUTS)}") from None


def plan_workbook(ctx: Context, layout: str = DEFAULT_LAYOUT) -> list[SheetPlan]:
    """The visible sheets of the workbook of ``ctx.register`` in ``layout``."""
    chosen = resolve(layout)
    plans = chosen.plan(ctx)
    if not chosen.findings:
        from ropa.export.layouts import ropa

        plans += ropa.report_sheets(ctx)
    return plans
