"""How the getters of several tables say things: contacts, countries, transfers, security measures, lists
that pair with the purposes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache

from ropa._data import load_data
from ropa.export.spec import Context
from ropa.i18n import Lang
from ropa.models import Activity, Contact, ProcessorActivity, Transfer

__all__ = [
    "USED_BY_LIMIT",
    "capped",
    "contact_lines",
    "country",
    "destination",
    "lines",
    "measures",
    "names",
    "numbered",
    "one_line",
    "safeguard",
]

USED_BY_LIMIT = 100
"""At most this many activities are named in a recipient's "Processing activities" cell."""


@cache
def _country_names(lang: Lang) -> dict[str, str]:
    countries = load_data("country_names")["countries"]
    return {code: entry[lang][0] for code, entry in countries.items() if entry.get(lang)}


def country(code: str | None, lang: Lang) -> str | None:
    """A country by its name in ``lang`` with its code: ``Verenigde Staten (US)``; an unknown code as
    it is."""
    if code is None:
        return None
    name = _country_names(lang).get(code)
    return f"{name} ({code})" if name else code


def contact_lines(contact: Contact | None, lang: Lang) -> list[str] | None:
    """Name, address, e-mail, phone, web address and country, one per line; ``None`` when not given."""
    if contact is None:
        return None
    values = [contact.name, contact.address, contact.email, contact.phone, contact.url]
    values.append(country(contact.country, lang))
    return [value for value in values if value]


def one_line(contact: Contact | None, lang: Lang) -> str:
    """The contact's lines joined with commas."""
    return ", ".join(contact_lines(contact, lang) or [])


def lines(values: Iterable[str | None]) -> list[str]:
    """The values that are given."""
    return [v for v in values if v]


def capped(names: Sequence[str], ctx: Context, limit: int = USED_BY_LIMIT) -> list[str]:
    """At most ``limit`` names, then "… and N more"."""
    if len(names) <= limit:
        return list(names)
    more = ctx.t("ui.and_more").format(n=len(names) - limit)
    return [*names[:limit], more]


def names(ids: Sequence[str] | None, name: Callable[[str], str]) -> list[str] | None:
    """The names of the ids; ``None`` when the list is not given."""
    return None if ids is None else [name(i) for i in ids]


def _place(transfer: Transfer, ctx: Context) -> str:
    return country(transfer.country, ctx.lang) or transfer.international_organisation or ctx.not_stated


def destination(transfer: Transfer, ctx: Context) -> str:
    """``Verenigde Staten (US) — Mailchimp``: where the data go, and to whom."""
    place = _place(transfer, ctx)
    if transfer.recipient:
        return f"{place} — {ctx.index.party_name(transfer.recipient)}"
    return place


def safeguard(transfer: Transfer, ctx: Context) -> str:
    """``Verenigde Staten (US): standard contractual clauses; module 2; TIA: ...``."""
    parts = [ctx.t(transfer.mechanism) if transfer.mechanism else ctx.not_stated]
    if transfer.scc_module is not None:
        parts.append(ctx.t("ui.scc_module").format(n=transfer.scc_module))
    if transfer.bcr_reference:
        parts.append(transfer.bcr_reference)
    if transfer.tia:
        parts.append(f"{ctx.t('ui.tia')}: {transfer.tia}")
    doc = transfer.documentation
    if doc is not None:
        if doc.assessment:
            parts.append(f"{ctx.t('ui.assessment')}: {doc.assessment}")
        if doc.safeguards:
            parts.append(f"{ctx.t('ui.safeguards')}: {doc.safeguards}")
        if doc.sa_notified:
            parts.append(f"{ctx.t('ui.sa_notified')}: {doc.sa_notified.isoformat()}")
    return f"{_place(transfer, ctx)}: {'; '.join(parts)}"


def measures(entity: Activity | ProcessorActivity, ctx: Context) -> list[str] | None:
    """The security measures that apply (Art. 30(1)(g), 30(2)(d)): the organisation-level ones it names,
    or, when it names none, every organisation-level measure marked "(organisation-wide)"; then its own.
    ``None`` when nothing applies and nothing is stated."""
    ids, inherited = ctx.index.effective_measures(entity)
    if not ids and entity.security_measures is None and entity.specific_measures is None:
        return None
    suffix = f" ({ctx.t('ui.organisation_wide')})" if inherited else ""
    out = []
    for measure_id in ids:
        measure = ctx.index.measures.get(measure_id)
        out.append((measure.description if measure else measure_id) + suffix)
    out.extend(m.description for m in entity.specific_measures or ())
    return out


def numbered(items: Sequence[tuple[int, str]], count: int) -> list[str] | str:
    """Items that belong to the purposes of an activity (its lawful bases, laws, interests): with two or
    more purposes, each carries the number of its purpose (``2. Art. 6(1)(c) ...``), so that a cell of
    bases reads against the cell of purposes however the lines wrap.

    An item with line breaks of its own has its further lines indented under its text, and the cell is
    returned whole (its numbers mark the items: no bullets, see :func:`ropa.export.spec.list_cell`)."""
    if count < 2:
        texts = [text for _, text in items]
        return "\n".join(texts) if any("\n" in text for text in texts) else texts
    out = []
    for number, text in items:
        prefix = f"{number}. "
        out.append(prefix + text.replace("\n", "\n" + " " * len(prefix)))
    return "\n".join(out) if any("\n" in text for _, text in items) else out
