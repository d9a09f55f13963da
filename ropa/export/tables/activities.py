"""Processing activities (Art. 30(1)(b)–(g)): one row per activity.

The Art. 30(1)(b)–(g) columns come first, in the order of the law, then the lawful basis, legitimate
interests, the law, consent, the Art. 9/10 conditions, sources, the DPIA, status and review dates, and
finally one column per heading that an import kept in ``unmapped``, under that heading, so that a register
imported from a spreadsheet shows everything the organisation gave.

An activity with two or more purposes numbers them, and the lawful bases, laws, interests, assessments
and consent details carry the number of their purpose: a cell with several lines reads against the
purposes cell line by line however the lines wrap.
"""

from __future__ import annotations

from collections.abc import Callable

from ropa.export.retention_text import retention_text
from ropa.export.spec import Column, Context, Table, Value
from ropa.export.tables._text import country, destination, lines, measures, names, numbered, safeguard
from ropa.models import Activity, Purpose
from ropa.models.vocab import Frequency, LawfulBasis, ProcessingRole, Regime, Status

__all__ = ["ACTIVITIES", "automated_text", "purpose_items"]


def purpose_items(a: Activity, part: Callable[[Purpose], str | None]) -> list[str] | str | None:
    """``part`` of each purpose that has it, numbered by purpose when there are two or more;
    ``None`` when no purpose has it."""
    purposes = a.purposes or ()
    items = [(n, text) for n, p in enumerate(purposes, start=1) if (text := part(p))]
    return numbered(items, len(purposes)) if items else None


def _purposes(a: Activity, ctx: Context) -> Value:
    if a.purposes is None:
        return None
    return numbered(list(enumerate((p.description for p in a.purposes), start=1)), len(a.purposes))


def _recipients(a: Activity, ctx: Context) -> Value:
    if a.recipients is None:
        return None
    out = []
    for recipient in a.recipients:
        if recipient.category is not None:  # a category of recipients, with its own role and country
            role = ctx.t(recipient.role) if recipient.role else None
            out.append(" — ".join(lines([recipient.category, role, country(recipient.country, ctx.lang)])))
            continue
        ident = recipient.party or ""
        party = ctx.index.parties.get(ident)
        name = party.name if party else ident
        out.append(f"{name} — {ctx.t(party.role)}" if party and party.role else name)
    return out


def _authority_disclosures(a: Activity, ctx: Context) -> Value:
    if a.authority_disclosures is None:
        return None
    out = []
    for disclosure in a.authority_disclosures:
        law = f"{ctx.t('ui.law')}: {disclosure.law}" if disclosure.law else None
        out.append(" — ".join(lines([disclosure.authority, law, disclosure.description])))
    return out


def _transfers(a: Activity, ctx: Context) -> Value:
    return None if a.transfers is None else [destination(t, ctx) for t in a.transfers]


def _safeguards(a: Activity, ctx: Context) -> Value:
    return None if a.transfers is None else [safeguard(t, ctx) for t in a.transfers]


def _retention(a: Activity, ctx: Context) -> Value:
    if a.retention is None:
        return None
    out = []
    for rule in a.retention:
        text = retention_text(rule, ctx.lang)
        if rule.data_categories:
            category_names = ", ".join(ctx.index.category_name(c) for c in rule.data_categories)
            text = f"{category_names}: {text}"
        out.append(text)
    return out


def _lawful_bases(a: Activity, ctx: Context) -> Value:
    if a.purposes is None:
        return None
    bases = [ctx.t(p.lawful_basis) if p.lawful_basis else ctx.not_stated for p in a.purposes]
    return numbered(list(enumerate(bases, start=1)), len(bases))


def _consent(a: Activity, ctx: Context) -> Value:
    def said(purpose: Purpose) -> str | None:
        consent = purpose.consent
        if consent is None:
            return None
        parts = []
        if consent.explicit:
            parts.append(ctx.t("ui.explicit"))
        if consent.records:
            parts.append(f"{ctx.t('ui.consent_records')}: {consent.records}")
        if consent.withdrawal:
            parts.append(f"{ctx.t('ui.consent_withdrawal')}: {consent.withdrawal}")
        if consent.minimum_age is not None:
            parts.append(f"{ctx.t('ui.minimum_age')}: {consent.minimum_age}")
        return "; ".join(parts) or None

    return purpose_items(a, said)


def _special_categories(a: Activity, ctx: Context) -> Value:
    found: list[str] = []
    for category_id in a.data_categories or ():
        category = ctx.index.data_categories.get(category_id)
        if category is not None and category.special is not None:
            text = ctx.t(category.special)
            if text not in found:
                found.append(text)
    if found:
        return found
    return [] if a.special_categories is False else None


def _art9(a: Activity, ctx: Context) -> Value:
    if a.art9 is None:
        return None
    return [
        f"{ctx.t(b.condition)} ({ctx.t('ui.law')}: {b.law})" if b.law else ctx.t(b.condition) for b in a.art9
    ]


def _criminal(a: Activity, ctx: Context) -> Value:
    found = []
    for category_id in a.data_categories or ():
        category = ctx.index.data_categories.get(category_id)
        if category is not None and category.criminal:
            found.append(category.name)
    if a.art10 is not None and a.art10.authorisation:
        found.append(a.art10.authorisation)
    return found or None


def _sources(a: Activity, ctx: Context) -> Value:
    if a.sources is None:
        return None
    return [f"{ctx.t(s.kind)}: {s.description}" if s.description else ctx.t(s.kind) for s in a.sources]


def _dpia(a: Activity, ctx: Context) -> Value:
    dpia = a.dpia
    if dpia is None:
        return None
    out = lines(
        [
            ctx.t(dpia.outcome) if dpia.outcome else None,
            dpia.screening,
            f"{ctx.t('ui.reference')}: {dpia.reference}" if dpia.reference else None,
            f"{ctx.t('ui.prior_consultation')}: {dpia.prior_consultation}"
            if dpia.prior_consultation
            else None,
            f"{ctx.t('ui.next_review')}: {dpia.review_date.isoformat()}" if dpia.review_date else None,
        ]
    )
    return out or None


def automated_text(a: Activity, ctx: Context) -> Value:
    """Automated decision-making in words: no, or yes with its effect, profiling, logic and safeguards."""
    ad = a.automated_decisions
    if ad is None:
        return None
    if not ad.exists:
        return ctx.t("ui.no")
    return lines(
        [
            ctx.t("ui.yes"),
            ctx.t(ad.effect) if ad.effect else None,
            ctx.t("ui.profiling") if ad.profiling else None,
            ad.description,
            ad.safeguards,
        ]
    )


def _unmapped(heading: str) -> Callable[[Activity, Context], Value]:
    def get(a: Activity, ctx: Context) -> Value:
        return a.unmapped.get(heading) if a.unmapped else None

    return get


def _unmapped_columns(ctx: Context) -> tuple[Column[Activity], ...]:
    """One column per heading an import kept in ``unmapped``, under the heading as the sheet had it."""
    return tuple(
        Column(f"unmapped.{heading}", _unmapped(heading), heading=heading, width=40)
        for heading in ctx.index.unmapped_headings
    )


ACTIVITIES = Table[Activity](
    key="activities",
    columns=(
        Column("id", lambda a, c: a.id, width=24),
        Column("activity", lambda a, c: a.name, width=30),
        Column("purposes", _purposes, art30="30(1)(b)", required=True, multi=True, width=40),
        Column(
            "data_subjects",
            lambda a, c: names(a.data_subjects, c.index.subject_name),
            art30="30(1)(c)",
            required=True,
            multi=True,
            width=30,
        ),
        Column(
            "data_categories",
            lambda a, c: names(a.data_categories, c.index.category_name),
            art30="30(1)(c)",
            required=True,
            multi=True,
            width=30,
        ),
        Column("recipients", _recipients, art30="30(1)(d)", required=True, multi=True, width=36),
        Column("transfers", _transfers, art30="30(1)(e)", multi=True, width=30),
        Column("safeguards", _safeguards, art30="30(1)(e)", multi=True, width=40),
        Column("retention", _retention, art30="30(1)(f)", multi=True, width=40),
        Column("security_measures", measures, art30="30(1)(g)", multi=True, width=40),
        Column("lawful_basis", _lawful_bases, kind="enum", enum=LawfulBasis, multi=True, width=36),
        Column(
            "legitimate_interest",
            lambda a, c: purpose_items(a, lambda p: p.legitimate_interest),
            multi=True,
            width=36,
        ),
        Column("lia", lambda a, c: purpose_items(a, lambda p: p.lia), multi=True, width=30),
        Column("legal_provision", lambda a, c: purpose_items(a, lambda p: p.law), multi=True, width=36),
        Column("consent", _consent, multi=True, width=36),
        Column("special_categories", _special_categories, multi=True, width=30),
        Column("art9", _art9, multi=True, width=36),
        Column("criminal", _criminal, multi=True, width=30),
        Column("authority_disclosures", _authority_disclosures, multi=True, width=36),
        Column("sources", _sources, multi=True, width=30),
        Column("dpia_required", lambda a, c: a.dpia.required if a.dpia else None, kind="bool", width=12),
        Column("dpia", _dpia, multi=True, width=36),
        Column("dpia_date", lambda a, c: a.dpia.date if a.dpia else None, kind="date", width=12),
        Column("automated_decisions", automated_text, multi=True, width=30),
        Column("status", lambda a, c: a.status, kind="enum", enum=Status, width=14),
        Column("end_date", lambda a, c: a.end_date, kind="date", width=12),
        Column("role", lambda a, c: a.role, kind="enum", enum=ProcessingRole, width=20),
        Column("regime", lambda a, c: a.regime, kind="enum", enum=Regime, width=24),
        Column("on_behalf_of", lambda a, c: a.on_behalf_of, width=30),
        Column("description", lambda a, c: a.description, width=40),
        Column("department", lambda a, c: a.department, width=24),
        Column("owner", lambda a, c: a.owner, width=24),
        Column("frequency", lambda a, c: a.frequency, kind="enum", enum=Frequency, width=14),
        Column("systems", lambda a, c: a.systems, multi=True, width=30),
        Column("storage_location", lambda a, c: a.storage_location, width=30),
        Column("privacy_notice", lambda a, c: a.privacy_notice, width=30),
        Column("last_modified", lambda a, c: a.last_modified, kind="date", width=12),
        Column("last_reviewed", lambda a, c: a.last_reviewed, kind="date", width=12),
        Column("next_review", lambda a, c: a.next_review, kind="date", width=12),
        Column("notes", lambda a, c: a.notes, width=40),
    ),
    rows=lambda ctx: ctx.register.activities or (),
    count=lambda ctx: len(ctx.register.activities or ()),
    added_columns=_unmapped_columns,
)
