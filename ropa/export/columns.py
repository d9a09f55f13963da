"""The one column specification behind the Excel and CSV exports.

Every exported table (organisation, activities, recipients, transfers, retention, ...) is a :class:`Table`:
a stable key, a source of rows and a tuple of :class:`Column`. A column has a stable key, a header label in
four languages (from :mod:`ropa.i18n`), a getter, the point of Art. 30 GDPR it documents, whether that
point is unconditional, a width cap and, for coded values, the enumeration that feeds a drop-down list.

The activities table puts the Art. 30(1)(b)–(g) columns first, in the order of the law, then the lawful
basis, the Art. 9/10 conditions, the source, the DPIA and the review dates.

Getters return plain values (:data:`Value`): text, numbers, booleans, dates, enum members or lists of
those. :func:`render` turns them into what a cell holds: enum members and booleans become labels in the
export language, lists become one line per item, an empty list becomes "None" (``[]`` states that there
are none) and ``None`` stays an empty cell (not stated).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from ropa.diagnostics import Diagnostic, Report, Severity
from ropa.export.retention_text import duration_text, retention_text
from ropa.i18n import Lang, article, entity_text, label, legal_ref
from ropa.models import (
    Activity,
    Contact,
    DataCategory,
    DataSubjectCategory,
    Party,
    ProcessorActivity,
    Register,
    RetentionRule,
    SecurityMeasure,
    Transfer,
)
from ropa.models.vocab import (
    Frequency,
    LawfulBasis,
    MeasureKind,
    PartyRole,
    ProcessingRole,
    RetentionAction,
    RetentionAnchor,
    RetentionKind,
    SpecialCategory,
    Status,
    TransferMechanism,
    VulnerableGroup,
)

if TYPE_CHECKING:
    from ropa.changes import ChangeRow, Diff

__all__ = [
    "CHANGES",
    "TABLES",
    "Column",
    "Context",
    "Index",
    "Kind",
    "Table",
    "Value",
    "render",
    "render_text",
    "table",
]

Value = str | int | bool | dt.date | Sequence[str] | None
"""What a getter returns. ``str`` includes enum members (:class:`enum.StrEnum`)."""

Kind = Literal["text", "number", "date", "bool", "enum"]
R = TypeVar("R")

USED_BY_LIMIT = 100
"""At most this many activities are named in a recipient's "Processing activities" cell."""


class Index:
    """Look-ups over a register, built on first use: parties, categories and measures by id, and usage."""

    def __init__(self, register: Register) -> None:
        self.register = register

    @cached_property
    def parties(self) -> dict[str, Party]:
        """Parties by id."""
        return {p.id: p for p in self.register.parties or ()}

    @cached_property
    def data_categories(self) -> dict[str, DataCategory]:
        """Data categories by id."""
        return {c.id: c for c in self.register.data_categories or ()}

    @cached_property
    def data_subjects(self) -> dict[str, DataSubjectCategory]:
        """Data-subject categories by id."""
        return {s.id: s for s in self.register.data_subjects or ()}

    @cached_property
    def measures(self) -> dict[str, SecurityMeasure]:
        """Security measures by id."""
        return {m.id: m for m in self.register.security_measures or ()}

    @cached_property
    def activities_by_party(self) -> dict[str, list[str]]:
        """For each party id, the names of the activities that disclose data to it, in register order."""
        out: dict[str, list[str]] = {}
        for activity in self.register.activities or ():
            seen: set[str] = set()
            for recipient in activity.recipients or ():
                if recipient.party is not None and recipient.party not in seen:
                    seen.add(recipient.party)
                    out.setdefault(recipient.party, []).append(activity.name)
        return out

    @cached_property
    def measure_use(self) -> Counter[str]:
        """How many activities and processor activities refer to each security measure."""
        counts: Counter[str] = Counter()
        for activity in self.register.activities or ():
            counts.update(set(activity.security_measures or ()))
        for processing in self.register.processor_activities or ():
            counts.update(set(processing.security_measures or ()))
        return counts

    def party_name(self, party_id: str) -> str:
        """The party's name, or its id when it is not defined."""
        party = self.parties.get(party_id)
        return party.name if party else party_id

    def category_name(self, category_id: str) -> str:
        """The data category's name, or its id."""
        category = self.data_categories.get(category_id)
        return category.name if category else category_id

    def subject_name(self, subject_id: str) -> str:
        """The data-subject category's name, or its id."""
        subject = self.data_subjects.get(subject_id)
        return subject.name if subject else subject_id


@dataclass
class Context:
    """What getters need besides the row: the language, the register with its index, the findings, and the
    changes since an earlier version (``ropa export --since``)."""

    lang: Lang
    register: Register
    report: Report | None = None
    changes: Diff | None = None
    index: Index = field(init=False)

    def __post_init__(self) -> None:
        self.index = Index(self.register)

    def t(self, key: StrEnum | str) -> str:
        """The label of an enum member or term key in the export language."""
        return label(key, self.lang)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of an exported table.

    Attributes:
        key: stable identifier (``purposes``); the header is the label ``column.<key>`` unless ``label_key``.
        getter: ``getter(row, context) -> Value``.
        art30: the point of Art. 30 GDPR the column documents (``30(1)(b)``), or ``None``.
        required: ``True`` when that point is unconditional (Art. 30(1)(a)–(d), 30(2)(a)–(b)); ``False``
            for the "where applicable" / "where possible" points (e), (f), (g).
        width: the widest the column may be, in characters.
        kind: ``text``, ``number``, ``date``, ``bool`` (rendered "Yes"/"No") or ``enum``.
        enum: for ``enum`` columns, the enumeration whose labels form the drop-down list.
        multi: ``True`` when a cell may hold several values, one per line.
    """

    key: str
    getter: Callable[[R, Context], Value]
    art30: str | None = None
    required: bool = False
    width: int = 40
    kind: Kind = "text"
    enum: type[StrEnum] | None = None
    multi: bool = False
    label_key: str | None = None

    def label(self, lang: Lang) -> str:
        """The header in ``lang``."""
        return label(self.label_key or f"column.{self.key}", lang)

    def header(self, lang: Lang) -> str:
        """The header, with the Art. 30 point on a second line (``Art. 30(1)(b) GDPR``)."""
        text = self.label(lang)
        return f"{text}\n{article(self.art30, lang)}" if self.art30 else text

    def choices(self, lang: Lang) -> list[str] | None:
        """The drop-down values in ``lang``, for enumerated and yes/no columns."""
        if self.enum is not None:
            return [label(member, lang) for member in self.enum]
        if self.kind == "bool":
            return [label("ui.yes", lang), label("ui.no", lang)]
        return None


@dataclass(frozen=True)
class Table(Generic[R]):
    """An exported table: rows and columns.

    Attributes:
        key: stable identifier; the sheet name is the label ``sheet.<key>``, the CSV file ``<key>.csv``
            with ``_`` written as ``-``.
        columns: the columns, in order.
        rows: ``rows(context)`` yields the rows.
        count: ``count(context)`` is the number of rows, cheaply.
        present: ``present(context)`` tells whether the table is exported at all.
        vertical: the workbook shows the (single) row as a list of items (the organisation sheet).
        freeze_columns: columns kept in view when scrolling right.
    """

    key: str
    columns: tuple[Column[R], ...]
    rows: Callable[[Context], Iterable[R]]
    count: Callable[[Context], int]
    present: Callable[[Context], bool] = lambda ctx: True
    vertical: bool = False
    freeze_columns: int = 2

    def sheet_name(self, lang: Lang) -> str:
        """The sheet name in ``lang`` (at most 31 characters)."""
        return label(f"sheet.{self.key}", lang)

    @property
    def file_name(self) -> str:
        """The CSV file name: ``processor-record.csv``."""
        return self.key.replace("_", "-") + ".csv"


# --------------------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------------------


def _scalar_text(value: str | int | bool | dt.date, lang: Lang) -> str:
    if isinstance(value, StrEnum):
        return label(value, lang)
    if isinstance(value, bool):
        return label("ui.yes" if value else "ui.no", lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def render(value: Value, lang: Lang) -> str | int | dt.date | None:
    """What a spreadsheet cell holds: text, a whole number or a date; ``None`` for an empty cell."""
    if value is None:
        return None
    if isinstance(value, StrEnum | bool):
        return _scalar_text(value, lang)
    if isinstance(value, str | int | dt.date):
        return value
    items = [_scalar_text(item, lang) for item in value]
    return "\n".join(items) if items else label("ui.none", lang)


def render_text(value: Value, lang: Lang) -> str:
    """The cell as text (CSV): dates in ISO 8601, ``""`` for an empty cell."""
    cell = render(value, lang)
    if cell is None:
        return ""
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


# --------------------------------------------------------------------------------------------------------
# Formatting helpers shared by the getters
# --------------------------------------------------------------------------------------------------------


def _contact(contact: Contact | None) -> list[str] | None:
    if contact is None:
        return None
    lines = [contact.name, contact.address, contact.email, contact.phone, contact.url, contact.country]
    return [line for line in lines if line]


def _one_line(contact: Contact | None) -> str:
    return ", ".join(_contact(contact) or [])


def _lines(values: Iterable[str | None]) -> list[str]:
    return [v for v in values if v]


def _capped(names: Sequence[str], ctx: Context, limit: int = USED_BY_LIMIT) -> list[str]:
    if len(names) <= limit:
        return list(names)
    more = ctx.t("ui.and_more").format(n=len(names) - limit)
    return [*names[:limit], more]


def _destination(transfer: Transfer, ctx: Context) -> str:
    place = transfer.country or transfer.international_organisation or ctx.t("ui.not_stated")
    if transfer.recipient:
        return f"{place} — {ctx.index.party_name(transfer.recipient)}"
    return place


def _safeguard(transfer: Transfer, ctx: Context) -> str:
    place = transfer.country or transfer.international_organisation or ctx.t("ui.not_stated")
    parts = [ctx.t(transfer.mechanism) if transfer.mechanism else ctx.t("ui.not_stated")]
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
    return f"{place}: {'; '.join(parts)}"


def _measures(entity: Activity | ProcessorActivity, ctx: Context) -> list[str] | None:
    if entity.security_measures is None and entity.specific_measures is None:
        return None
    out = []
    for measure_id in entity.security_measures or ():
        measure = ctx.index.measures.get(measure_id)
        out.append(measure.description if measure else measure_id)
    out.extend(m.description for m in entity.specific_measures or ())
    return out


def _names(ids: Sequence[str] | None, name: Callable[[str], str]) -> list[str] | None:
    return None if ids is None else [name(i) for i in ids]


# --------------------------------------------------------------------------------------------------------
# Organisation (Art. 30(1)(a)): one row, shown as a list of items in the workbook
# --------------------------------------------------------------------------------------------------------


def _dpo(reg: Register, ctx: Context) -> Value:
    org = reg.organisation
    if org is None or org.dpo is None:
        return None
    dpo = org.dpo
    if not dpo.designated:
        return _lines([ctx.t("ui.none_designated"), dpo.reason])
    lines = _contact(dpo.contact) or []
    if dpo.external:
        lines.append(f"({ctx.t('ui.external')})")
    return lines


def _representative(reg: Register, ctx: Context) -> Value:
    org = reg.organisation
    if org is None:
        return None
    if org.representative is not None:
        return _contact(org.representative)
    if org.representative_exemption:
        return f"{ctx.t('ui.exemption')}: {org.representative_exemption}"
    return None


def _joint_controllers(reg: Register, ctx: Context) -> Value:
    if reg.parties is None:
        return None
    out = []
    for party in reg.parties:
        if party.role is PartyRole.JOINT_CONTROLLER:
            parts = [party.name, _one_line(party.contact), party.arrangement or ""]
            out.append(" — ".join(p for p in parts if p))
    return out


def _request_handling(reg: Register, ctx: Context) -> Value:
    org = reg.organisation
    rh = org.request_handling if org else None
    if rh is None:
        return None
    lines = []
    if rh.response_deadline:
        lines.append(f"{ctx.t('ui.response_deadline')}: {duration_text(rh.response_deadline, ctx.lang)}")
    if rh.extension:
        lines.append(f"{ctx.t('ui.extension')}: {duration_text(rh.extension, ctx.lang)}")
    if rh.identity_check:
        lines.append(f"{ctx.t('ui.identity_check')}: {rh.identity_check}")
    if rh.channel:
        lines.append(f"{ctx.t('ui.channel')}: {rh.channel}")
    if rh.log:
        lines.append(f"{ctx.t('ui.log')}: {rh.log}")
    return lines


def _org(attr: str) -> Callable[[Register, Context], Value]:
    def get(reg: Register, ctx: Context) -> Value:
        value: Value = getattr(reg.organisation, attr, None) if reg.organisation else None
        return value

    return get


def _org_contact(attr: str) -> Callable[[Register, Context], Value]:
    def get(reg: Register, ctx: Context) -> Value:
        contact = reg.organisation.contact if reg.organisation else None
        value: Value = getattr(contact, attr, None) if contact else None
        return value

    return get


def _meta(attr: str) -> Callable[[Register, Context], Value]:
    def get(reg: Register, ctx: Context) -> Value:
        value: Value = getattr(reg.meta, attr, None) if reg.meta else None
        return value

    return get


ORGANISATION = Table[Register](
    key="organisation",
    columns=(
        Column("controller", _org("name"), art30="30(1)(a)", required=True, width=50),
        Column("trade_name", _org("trade_name")),
        Column("registration_number", _org("registration_number"), width=20),
        Column("address", _org_contact("address"), art30="30(1)(a)", required=True),
        Column("email", _org_contact("email"), art30="30(1)(a)", required=True),
        Column("phone", _org_contact("phone"), art30="30(1)(a)", required=True, width=20),
        Column("website", _org_contact("url")),
        Column("establishment", _org("country"), width=12),
        Column("dpo", _dpo, art30="30(1)(a)", required=True, multi=True),
        Column(
            "privacy_contact",
            lambda r, c: _contact(r.organisation.privacy_contact) if r.organisation else None,
            multi=True,
        ),
        Column("representative", _representative, art30="30(1)(a)", multi=True),
        Column("joint_controllers", _joint_controllers, art30="30(1)(a)", multi=True, width=60),
        Column(
            "processor_contact",
            lambda r, c: _contact(r.organisation.processor_contact) if r.organisation else None,
            art30="30(2)(a)",
            multi=True,
        ),
        Column("privacy_notice_url", _org("privacy_notice_url")),
        Column("request_handling", _request_handling, multi=True, width=60),
        Column("breach_register", _org("breach_register")),
        Column("employees", _org("employees"), kind="number", width=12),
        Column("public_authority", _org("public_authority"), kind="bool", width=10),
        Column("register_title", _meta("title")),
        Column("register_version", _meta("version"), width=16),
        Column("register_owner", _meta("owner")),
        Column("last_updated", _meta("last_updated"), kind="date", width=12),
        Column("next_review", _meta("next_review"), kind="date", width=12),
    ),
    rows=lambda ctx: (ctx.register,),
    count=lambda ctx: 1,
    vertical=True,
    freeze_columns=1,
)

# --------------------------------------------------------------------------------------------------------
# Processing activities (Art. 30(1)(b)–(g)): one row per activity
# --------------------------------------------------------------------------------------------------------


def _purposes(a: Activity, ctx: Context) -> Value:
    return None if a.purposes is None else [p.description for p in a.purposes]


def _recipients(a: Activity, ctx: Context) -> Value:
    if a.recipients is None:
        return None
    out = []
    for recipient in a.recipients:
        if recipient.category is not None:  # a category of recipients, with its own role
            role = recipient.role
            out.append(f"{recipient.category} — {ctx.t(role)}" if role else recipient.category)
            continue
        ident = recipient.party or ""
        party = ctx.index.parties.get(ident)
        name = party.name if party else ident
        out.append(f"{name} — {ctx.t(party.role)}" if party and party.role else name)
    return out


def _transfers(a: Activity | ProcessorActivity, ctx: Context) -> Value:
    return None if a.transfers is None else [_destination(t, ctx) for t in a.transfers]


def _safeguards(a: Activity, ctx: Context) -> Value:
    return None if a.transfers is None else [_safeguard(t, ctx) for t in a.transfers]


def _retention(a: Activity, ctx: Context) -> Value:
    if a.retention is None:
        return None
    out = []
    for rule in a.retention:
        text = retention_text(rule, ctx.lang)
        if rule.data_categories:
            names = ", ".join(ctx.index.category_name(c) for c in rule.data_categories)
            text = f"{names}: {text}"
        out.append(text)
    return out


def _lawful_bases(a: Activity, ctx: Context) -> Value:
    if a.purposes is None:
        return None
    return [p.lawful_basis or ctx.t("ui.not_stated") for p in a.purposes]


def _legitimate_interests(a: Activity, ctx: Context) -> Value:
    items = [p.legitimate_interest for p in a.purposes or () if p.legitimate_interest]
    return items or None


def _lias(a: Activity, ctx: Context) -> Value:
    items = [p.lia for p in a.purposes or () if p.lia]
    return items or None


def _laws(a: Activity, ctx: Context) -> Value:
    items = [p.law for p in a.purposes or () if p.law]
    return items or None


def _consent(a: Activity, ctx: Context) -> Value:
    out = []
    for purpose in a.purposes or ():
        consent = purpose.consent
        if consent is None:
            continue
        parts = []
        if consent.explicit:
            parts.append(ctx.t("ui.explicit"))
        if consent.records:
            parts.append(f"{ctx.t('ui.consent_records')}: {consent.records}")
        if consent.withdrawal:
            parts.append(f"{ctx.t('ui.consent_withdrawal')}: {consent.withdrawal}")
        if consent.minimum_age is not None:
            parts.append(f"{ctx.t('ui.minimum_age')}: {consent.minimum_age}")
        if parts:
            out.append("; ".join(parts))
    return out or None


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
    names = []
    for category_id in a.data_categories or ():
        category = ctx.index.data_categories.get(category_id)
        if category is not None and category.criminal:
            names.append(category.name)
    if a.art10 is not None and a.art10.authorisation:
        names.append(a.art10.authorisation)
    return names or None


def _sources(a: Activity, ctx: Context) -> Value:
    if a.sources is None:
        return None
    return [f"{ctx.t(s.kind)}: {s.description}" if s.description else ctx.t(s.kind) for s in a.sources]


def _dpia(a: Activity, ctx: Context) -> Value:
    dpia = a.dpia
    if dpia is None:
        return None
    lines = _lines(
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
    return lines or None


def _automated(a: Activity, ctx: Context) -> Value:
    ad = a.automated_decisions
    if ad is None:
        return None
    if not ad.exists:
        return ctx.t("ui.no")
    return _lines(
        [
            ctx.t("ui.yes"),
            ctx.t(ad.effect) if ad.effect else None,
            ctx.t("ui.profiling") if ad.profiling else None,
            ad.description,
            ad.safeguards,
        ]
    )


ACTIVITIES = Table[Activity](
    key="activities",
    columns=(
        Column("id", lambda a, c: a.id, width=24),
        Column("activity", lambda a, c: a.name, width=36),
        Column("purposes", _purposes, art30="30(1)(b)", required=True, multi=True, width=60),
        Column(
            "data_subjects",
            lambda a, c: _names(a.data_subjects, c.index.subject_name),
            art30="30(1)(c)",
            required=True,
            multi=True,
        ),
        Column(
            "data_categories",
            lambda a, c: _names(a.data_categories, c.index.category_name),
            art30="30(1)(c)",
            required=True,
            multi=True,
        ),
        Column("recipients", _recipients, art30="30(1)(d)", required=True, multi=True, width=50),
        Column("transfers", _transfers, art30="30(1)(e)", multi=True, width=50),
        Column("safeguards", _safeguards, art30="30(1)(e)", multi=True, width=60),
        Column("retention", _retention, art30="30(1)(f)", multi=True, width=60),
        Column("security_measures", _measures, art30="30(1)(g)", multi=True, width=60),
        Column("lawful_basis", _lawful_bases, kind="enum", enum=LawfulBasis, multi=True, width=50),
        Column("legitimate_interest", _legitimate_interests, multi=True, width=50),
        Column("lia", _lias, multi=True),
        Column("legal_provision", _laws, multi=True),
        Column("consent", _consent, multi=True, width=50),
        Column("special_categories", _special_categories, multi=True),
        Column("art9", _art9, multi=True, width=50),
        Column("criminal", _criminal, multi=True),
        Column("sources", _sources, multi=True),
        Column("dpia_required", lambda a, c: a.dpia.required if a.dpia else None, kind="bool", width=12),
        Column("dpia", _dpia, multi=True, width=50),
        Column("dpia_date", lambda a, c: a.dpia.date if a.dpia else None, kind="date", width=12),
        Column("automated_decisions", _automated, multi=True),
        Column("status", lambda a, c: a.status, kind="enum", enum=Status, width=14),
        Column("end_date", lambda a, c: a.end_date, kind="date", width=12),
        Column("role", lambda a, c: a.role, kind="enum", enum=ProcessingRole, width=20),
        Column("on_behalf_of", lambda a, c: a.on_behalf_of),
        Column("description", lambda a, c: a.description, width=60),
        Column("department", lambda a, c: a.department, width=24),
        Column("owner", lambda a, c: a.owner, width=24),
        Column("frequency", lambda a, c: a.frequency, kind="enum", enum=Frequency, width=14),
        Column("systems", lambda a, c: a.systems, multi=True),
        Column("storage_location", lambda a, c: a.storage_location),
        Column("privacy_notice", lambda a, c: a.privacy_notice),
        Column("last_modified", lambda a, c: a.last_modified, kind="date", width=12),
        Column("last_reviewed", lambda a, c: a.last_reviewed, kind="date", width=12),
        Column("next_review", lambda a, c: a.next_review, kind="date", width=12),
        Column("notes", lambda a, c: a.notes, width=60),
    ),
    rows=lambda ctx: ctx.register.activities or (),
    count=lambda ctx: len(ctx.register.activities or ()),
)

# --------------------------------------------------------------------------------------------------------
# Recipients and processors (Art. 30(1)(d), 26, 28)
# --------------------------------------------------------------------------------------------------------


def _used_by(p: Party, ctx: Context) -> Value:
    names = ctx.index.activities_by_party.get(p.id)
    return _capped(names, ctx) if names else None


PARTIES = Table[Party](
    key="parties",
    columns=(
        Column("id", lambda p, c: p.id, width=24),
        Column("recipient", lambda p, c: p.name, art30="30(1)(d)", required=True, width=36),
        Column(
            "recipient_role",
            lambda p, c: p.role,
            art30="30(1)(d)",
            required=True,
            kind="enum",
            enum=PartyRole,
            width=28,
        ),
        Column("description", lambda p, c: p.description, width=60),
        Column("country", lambda p, c: p.country, width=10),
        Column("contact", lambda p, c: _contact(p.contact), multi=True),
        Column("agreement", lambda p, c: p.agreement.reference if p.agreement else None),
        Column(
            "agreement_signed",
            lambda p, c: p.agreement.signed if p.agreement else None,
            kind="bool",
            width=12,
        ),
        Column(
            "agreement_date", lambda p, c: p.agreement.date if p.agreement else None, kind="date", width=12
        ),
        Column(
            "agreement_review",
            lambda p, c: p.agreement.review_date if p.agreement else None,
            kind="date",
            width=12,
        ),
        Column("arrangement", lambda p, c: p.arrangement),
        Column("sub_processors", lambda p, c: _names(p.sub_processors, c.index.party_name), multi=True),
        Column("dpf_certified", lambda p, c: p.dpf.certified if p.dpf else None, kind="bool", width=12),
        Column("dpf_checked", lambda p, c: p.dpf.checked if p.dpf else None, kind="date", width=12),
        Column("adequacy_scope", lambda p, c: p.adequacy_scope, width=16),
        Column("used_by", _used_by, multi=True, width=50),
        Column("notes", lambda p, c: p.notes, width=60),
    ),
    rows=lambda ctx: ctx.register.parties or (),
    count=lambda ctx: len(ctx.register.parties or ()),
)

# --------------------------------------------------------------------------------------------------------
# Transfers (Art. 30(1)(e), 30(2)(c), 44–49): one row per transfer
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TransferRow:
    """A transfer with the activity (or processor activity) it belongs to."""

    activity_id: str
    activity_name: str | None
    record: ProcessingRole
    transfer: Transfer


def _transfer_rows(ctx: Context) -> Iterator[TransferRow]:
    for a in ctx.register.activities or ():
        for t in a.transfers or ():
            yield TransferRow(a.id, a.name, ProcessingRole.CONTROLLER, t)
    for p in ctx.register.processor_activities or ():
        name = p.controller.name if p.controller else None
        for t in p.transfers or ():
            yield TransferRow(p.id, name, ProcessingRole.PROCESSOR, t)


def _transfer_count(ctx: Context) -> int:
    entities: tuple[Activity | ProcessorActivity, ...] = (
        *(ctx.register.activities or ()),
        *(ctx.register.processor_activities or ()),
    )
    return sum(len(e.transfers or ()) for e in entities)


def _doc(attr: str) -> Callable[[TransferRow, Context], Value]:
    def get(row: TransferRow, ctx: Context) -> Value:
        doc = row.transfer.documentation
        value: Value = getattr(doc, attr) if doc is not None else None
        return value

    return get


TRANSFERS = Table[TransferRow](
    key="transfers",
    columns=(
        Column("activity_id", lambda r, c: r.activity_id, width=24),
        Column("activity", lambda r, c: r.activity_name, width=36),
        Column("record", lambda r, c: r.record, kind="enum", enum=ProcessingRole, width=20),
        Column("third_country", lambda r, c: r.transfer.country, art30="30(1)(e)", width=12),
        Column(
            "international_organisation", lambda r, c: r.transfer.international_organisation, art30="30(1)(e)"
        ),
        Column(
            "recipient",
            lambda r, c: c.index.party_name(r.transfer.recipient) if r.transfer.recipient else None,
        ),
        Column("mechanism", lambda r, c: r.transfer.mechanism, kind="enum", enum=TransferMechanism, width=50),
        Column("scc_module", lambda r, c: r.transfer.scc_module, kind="number", width=10),
        Column("tia", lambda r, c: r.transfer.tia),
        Column("bcr_reference", lambda r, c: r.transfer.bcr_reference),
        Column("frequency", lambda r, c: r.transfer.frequency, kind="enum", enum=Frequency, width=14),
        Column("art49_assessment", _doc("assessment"), art30="30(1)(e)"),
        Column("art49_safeguards", _doc("safeguards"), art30="30(1)(e)"),
        Column("sa_notified", _doc("sa_notified"), kind="date", width=12),
        Column("notes", lambda r, c: r.transfer.notes, width=60),
    ),
    rows=_transfer_rows,
    count=_transfer_count,
)

# --------------------------------------------------------------------------------------------------------
# Retention (Art. 30(1)(f)): one row per rule and data category
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RetentionRow:
    """One retention rule applied to one data category (``None``: the rule names none and neither does
    the activity)."""

    activity: Activity
    rule: RetentionRule
    category: str | None


def _rule_categories(a: Activity, rule: RetentionRule) -> Sequence[str | None]:
    return rule.data_categories or a.data_categories or (None,)


def _retention_rows(ctx: Context) -> Iterator[RetentionRow]:
    for a in ctx.register.activities or ():
        for rule in a.retention or ():
            for category in _rule_categories(a, rule):
                yield RetentionRow(a, rule, category)


def _retention_count(ctx: Context) -> int:
    return sum(len(_rule_categories(a, r)) for a in ctx.register.activities or () for r in a.retention or ())


def _category(row: RetentionRow, ctx: Context) -> Value:
    return ctx.index.category_name(row.category) if row.category else ctx.t("ui.all_categories")


def _rule(attr: str) -> Callable[[RetentionRow, Context], Value]:
    def get(row: RetentionRow, ctx: Context) -> Value:
        value: Value = getattr(row.rule, attr)
        return value

    return get


def _rule_duration(attr: str) -> Callable[[RetentionRow, Context], Value]:
    def get(row: RetentionRow, ctx: Context) -> Value:
        value: str | None = getattr(row.rule, attr)
        return duration_text(value, ctx.lang) if value else None

    return get


RETENTION = Table[RetentionRow](
    key="retention",
    columns=(
        Column("activity_id", lambda r, c: r.activity.id, width=24),
        Column("activity", lambda r, c: r.activity.name, width=36),
        Column("data_category", _category, art30="30(1)(f)", width=36),
        Column("period", lambda r, c: retention_text(r.rule, c.lang), art30="30(1)(f)", width=60),
        Column("kind", _rule("kind"), kind="enum", enum=RetentionKind, width=20),
        Column("duration", _rule("duration"), width=12),
        Column("anchor", _rule("anchor"), kind="enum", enum=RetentionAnchor, width=28),
        Column("anchor_description", _rule("anchor_description")),
        Column("until", _rule("until"), kind="date", width=12),
        Column("legal_reference", _rule("legal_reference")),
        Column("criteria", _rule("criteria"), width=50),
        Column("review_period", _rule_duration("review_period"), width=20),
        Column("inactivity_fallback", _rule_duration("inactivity_fallback"), width=20),
        Column("action", _rule("action"), kind="enum", enum=RetentionAction, width=24),
        Column("justification", _rule("justification")),
        Column("backups", _rule("backups")),
        Column("rule_text", _rule("description"), width=60),
    ),
    rows=_retention_rows,
    count=_retention_count,
)

# --------------------------------------------------------------------------------------------------------
# Security measures (Art. 30(1)(g), 32), data categories and data subjects (Art. 30(1)(c))
# --------------------------------------------------------------------------------------------------------

SECURITY_MEASURES = Table[SecurityMeasure](
    key="security_measures",
    columns=(
        Column("id", lambda m, c: m.id, width=24),
        Column("measure", lambda m, c: m.description, art30="30(1)(g)", width=60),
        Column("kind", lambda m, c: m.kind, kind="enum", enum=MeasureKind, width=16),
        Column(
            "art32",
            lambda m, c: None if m.art32 is None else [_art32(p, c) for p in m.art32],
            multi=True,
            width=50,
        ),
        Column("activity_count", lambda m, c: c.index.measure_use.get(m.id, 0), kind="number", width=14),
    ),
    rows=lambda ctx: ctx.register.security_measures or (),
    count=lambda ctx: len(ctx.register.security_measures or ()),
)


def _art32(point: str, ctx: Context) -> str:
    key = f"art32.{point.strip().strip('()').lower()}"
    try:
        return ctx.t(key)
    except KeyError:
        return point


DATA_CATEGORIES = Table[DataCategory](
    key="data_categories",
    columns=(
        Column("id", lambda d, c: d.id, width=24),
        Column("data_category", lambda d, c: d.name, art30="30(1)(c)", required=True, width=36),
        Column("description", lambda d, c: d.description, width=60),
        Column("special", lambda d, c: d.special, kind="enum", enum=SpecialCategory, width=30),
        Column("criminal_flag", lambda d, c: d.criminal, kind="bool", width=14),
        Column("national_id", lambda d, c: d.national_id, kind="bool", width=14),
        Column("bookkeeping", lambda d, c: d.bookkeeping, kind="bool", width=14),
    ),
    rows=lambda ctx: ctx.register.data_categories or (),
    count=lambda ctx: len(ctx.register.data_categories or ()),
)

DATA_SUBJECTS = Table[DataSubjectCategory](
    key="data_subjects",
    columns=(
        Column("id", lambda s, c: s.id, width=24),
        Column("data_subject_category", lambda s, c: s.name, art30="30(1)(c)", required=True, width=36),
        Column("description", lambda s, c: s.description, width=60),
        Column("vulnerable", lambda s, c: s.vulnerable, kind="enum", enum=VulnerableGroup, width=24),
    ),
    rows=lambda ctx: ctx.register.data_subjects or (),
    count=lambda ctx: len(ctx.register.data_subjects or ()),
)

# --------------------------------------------------------------------------------------------------------
# Processor record (Art. 30(2)): only when the register has processor activities
# --------------------------------------------------------------------------------------------------------


def _processor_transfers(p: ProcessorActivity, ctx: Context) -> Value:
    return None if p.transfers is None else [_safeguard(t, ctx) for t in p.transfers]


PROCESSOR_RECORD = Table[ProcessorActivity](
    key="processor_record",
    columns=(
        Column("id", lambda p, c: p.id, width=24),
        Column(
            "served_controller",
            lambda p, c: _contact(p.controller),
            art30="30(2)(a)",
            required=True,
            multi=True,
        ),
        Column(
            "served_representative",
            lambda p, c: _contact(p.controller_representative),
            art30="30(2)(a)",
            multi=True,
        ),
        Column(
            "processing_categories",
            lambda p, c: p.categories,
            art30="30(2)(b)",
            required=True,
            multi=True,
            width=50,
        ),
        Column("transfers", _processor_transfers, art30="30(2)(c)", multi=True, width=60),
        Column("security_measures", _measures, art30="30(2)(d)", multi=True, width=60),
        Column("sub_processors", lambda p, c: _names(p.sub_processors, c.index.party_name), multi=True),
        Column("controller_agreement", lambda p, c: p.agreement),
        Column("notes", lambda p, c: p.notes, width=60),
    ),
    rows=lambda ctx: ctx.register.processor_activities or (),
    count=lambda ctx: len(ctx.register.processor_activities or ()),
    present=lambda ctx: bool(ctx.register.processor_activities),
    freeze_columns=1,
)

# --------------------------------------------------------------------------------------------------------
# Findings: the report of ropa.validate, when one is given
# --------------------------------------------------------------------------------------------------------


def _location(d: Diagnostic, ctx: Context) -> Value:
    loc = d.location
    if loc.file is None:
        return loc.pointer or None
    if loc.span is not None:
        return f"{loc.file}:{loc.line}:{loc.column}"
    return f"{loc.file}#{loc.pointer}" if loc.pointer else loc.file


FINDINGS = Table[Diagnostic](
    key="findings",
    columns=(
        Column("code", lambda d, c: d.code, width=10),
        Column("severity", lambda d, c: d.severity, kind="enum", enum=Severity, width=14),
        Column("entity", lambda d, c: entity_text(d.location.entity, c.lang), width=30),
        Column("message", lambda d, c: d.message, width=70),
        Column(
            "legal_refs",
            lambda d, c: [legal_ref(r, c.lang) for r in d.legal_refs] or None,
            multi=True,
            width=30,
        ),
        Column("hint", lambda d, c: d.hint, width=70),
        Column("rule", lambda d, c: d.rule, width=30),
        Column("location", _location, width=40),
    ),
    rows=lambda ctx: ctx.report.diagnostics if ctx.report is not None else (),
    count=lambda ctx: len(ctx.report) if ctx.report is not None else 0,
    present=lambda ctx: ctx.report is not None,
    freeze_columns=1,
)

# --------------------------------------------------------------------------------------------------------
# Changes: what changed since an earlier version, and what it means in law (ropa export --since REV)
# --------------------------------------------------------------------------------------------------------


def _change_rows(ctx: Context) -> Iterable[ChangeRow]:
    return ctx.changes.rows() if ctx.changes is not None else ()


CHANGES = Table["ChangeRow"](
    key="changes",
    columns=(
        Column("entity", lambda r, c: r.subject, width=40),
        Column("change", lambda r, c: c.t(f"change.{r.change}"), width=16),
        Column("change_details", lambda r, c: list(r.details) or None, multi=True, width=70),
        Column("change_meaning", lambda r, c: list(r.meanings) or None, multi=True, width=60),
        Column("change_action", lambda r, c: list(r.actions) or None, multi=True, width=70),
        Column(
            "legal_refs",
            lambda r, c: [legal_ref(ref, c.lang) for ref in r.legal_refs] or None,
            multi=True,
            width=30,
        ),
        Column("severity", lambda r, c: r.severity, kind="enum", enum=Severity, width=14),
        Column("location", lambda r, c: r.location, width=40),
    ),
    rows=_change_rows,
    count=lambda ctx: len(ctx.changes.rows()) if ctx.changes is not None else 0,
    present=lambda ctx: ctx.changes is not None,
    freeze_columns=1,
)


TABLES: tuple[Table[Any], ...] = (
    ORGANISATION,
    ACTIVITIES,
    PARTIES,
    TRANSFERS,
    RETENTION,
    SECURITY_MEASURES,
    DATA_CATEGORIES,
    DATA_SUBJECTS,
    PROCESSOR_RECORD,
    FINDINGS,
    CHANGES,
)
"""Every exported table, in the order of the workbook's sheets (after the cover sheet)."""


def table(key: str) -> Table[Any]:
    """The table with this key."""
    for t in TABLES:
        if t.key == key:
            return t
    raise KeyError(key)
