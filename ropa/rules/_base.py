"""The rule contract: a :class:`Rule` spec, the :class:`RuleContext` a rule reads, and :class:`Finding`.

A rule is a pure generator: it reads ``ctx.register`` (and the indexes on ``ctx``) and yields findings.
It never sets severity, file, line or code: the engine stamps them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ropa.diagnostics import LegalRef, Severity
from ropa.law import PartyIndex, validly_exempt
from ropa.models import (
    Activity,
    DataCategory,
    DataSubjectCategory,
    Party,
    ProcessorActivity,
    Register,
    RopaModel,
    SecurityMeasure,
)

if TYPE_CHECKING:
    from ropa.loading.loader import Unloaded

__all__ = ["LED", "Finding", "Rule", "RuleContext", "RuleOptions", "count", "excerpt", "led_ref", "ref"]

LED = "Directive (EU) 2016/680"
"""The Law Enforcement Directive, as legal references name it."""


def ref(
    article: str, paragraph: int | None = None, point: str | None = None, instrument: str = "GDPR"
) -> LegalRef:
    """Shorthand for a :class:`~ropa.diagnostics.LegalRef`."""
    return LegalRef(article, paragraph, point, instrument)


EXCERPT = 60
"""Most characters of register text a message quotes (a purpose's description, ...)."""


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """``text`` (stripped) to quote in a message: whole when short, else cut after a word and ended with
    "…", so that a reader sees it was cut.

    >>> excerpt("Verzoeken van betrokkenen afhandelen en een administratie van de verzoeken bijhouden")
    'Verzoeken van betrokkenen afhandelen en een administratie…'
    """
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def count(number: int, one: str, other: str) -> str:
    """``1 activity``, ``3 activities``: the number with the noun in its right form."""
    return f"{number} {one if number == 1 else other}"


def led_ref(article: str, paragraph: int | None = None, point: str | None = None) -> LegalRef:
    """A reference to the Law Enforcement Directive (EU) 2016/680."""
    return LegalRef(article, paragraph, point, LED)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: the entity (for its location), a pointer below it, and template fields."""

    entity: RopaModel | None
    path: str = ""
    fields: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None
    """Overrides the rule's default severity for this finding (e.g. RGT-001: warning, or error beyond one
    month); a severity set in the configuration still wins."""
    legal_refs: tuple[LegalRef, ...] | None = None
    """Overrides the rule's legal references for this finding (e.g. TRF-004 cites the adequacy decision of
    the destination country)."""


@dataclass(frozen=True)
class RuleOptions:
    """Options some rules read; set in the configuration (``[tool.ropa.options]``)."""

    dpf_max_age_months: int = 12
    """TRF-005: how old a DPF check may be."""
    data_max_age_months: int | None = None
    """TRF-011: override of the legal data files' own shelf life."""
    strict: bool = False
    """Raise "where possible" warnings (RET-001, SEC-001) to errors."""
    dsr_default_days: int = 28
    """RGT-001: longest promise in days that always fits in one calendar month."""


@dataclass(frozen=True)
class Rule:
    """A rule of the catalogue.

    Attributes:
        code: catalogue id, e.g. ``LAW-001``; never renumbered or reused.
        name: kebab-case name of the flagged pattern, e.g. ``missing-lawful-basis``.
        summary: one line: what the rule checks.
        severity: default severity.
        legal_refs: the provisions behind the rule.
        message: ``str.format`` template for the message; fields come from the finding, plus ``entity``.
        hint: how to fix it (may use the same fields).
        check: the pure generator.
        profile: ``eu`` (always on) or a national profile such as ``nl``.
        doc: the rule's documentation (its module docstring).
        processor_record: True when the rule also applies to the processor's record (Art. 30(2):
            ``processor_activities`` and activities with ``role: processor``); the engine drops the
            findings of every other rule on such entries, so controller-only rules never fire on them.
        led: the provisions of the Law Enforcement Directive the rule rests on for activities with
            ``regime: led``, which their findings cite instead of ``legal_refs``; ``None`` for a GDPR-only
            rule, whose findings on such activities the engine drops.
        record_gap: True when the rule reports only that an activity's record lacks something (an
            Art. 30 item, or a detail kept with it: a lawful basis, a retention period, security
            measures); the engine drops its findings on an activity validly exempted under Art. 30(5),
            which need not be recorded at all. Rules that report what the register shows to be contrary
            to the law (a basis a public authority cannot use, data kept forever without a reason) keep
            reporting it: the derogation lifts the duty to record, not the rest of the GDPR.
    """

    code: str
    name: str
    summary: str
    severity: Severity
    legal_refs: tuple[LegalRef, ...]
    message: str
    hint: str
    check: Callable[[RuleContext], Iterable[Finding]]
    profile: str = "eu"
    doc: str = ""
    processor_record: bool = False
    led: tuple[LegalRef, ...] | None = None
    record_gap: bool = False

    @property
    def prefix(self) -> str:
        """The code's family, e.g. ``LAW``."""
        return self.code.split("-", 1)[0]


class RuleContext:
    """What a rule may read: the register, the date, the options, and indexes built once."""

    def __init__(
        self,
        register: Register,
        *,
        today: dt.date,
        profiles: frozenset[str] = frozenset({"eu"}),
        options: RuleOptions | None = None,
        broken: frozenset[tuple[str, str]] = frozenset(),
        unloaded: tuple[Unloaded, ...] = (),
        profiles_chosen: bool = False,
    ) -> None:
        self.register = register
        self.today = today
        self.profiles = profiles
        self.profiles_chosen = profiles_chosen
        """True when the configuration or the register's ``profile:`` chose :attr:`profiles`; False when
        they follow from the organisation's country (ORG-008)."""
        self.options = options or RuleOptions()
        self.broken = broken
        """``(kind, id)`` of entities that failed structural loading: rules do not report them again."""
        self.unloaded = unloaded
        """Files whose content did not load at all (a syntax error, ...): they may define anything."""
        self.unchecked: dict[str, set[tuple[str, str, int, str]]] = {}
        """For each file of :attr:`unloaded`, the references not reported because that file may define
        their target: ``(kind, id, id() of the referring entity, path)``. The engine sums them up in one
        STR-007 per file."""

    # --- lists (never None) -------------------------------------------------------------------------
    @cached_property
    def activities(self) -> tuple[Activity, ...]:
        """All controller activities."""
        return tuple(self.register.activities or ())

    @cached_property
    def parties(self) -> tuple[Party, ...]:
        """All parties."""
        return tuple(self.register.parties or ())

    @cached_property
    def processor_activities(self) -> tuple[ProcessorActivity, ...]:
        """All Art. 30(2) entries."""
        return tuple(self.register.processor_activities or ())

    # --- indexes --------------------------------------------------------------------------------------
    @cached_property
    def party_by_id(self) -> dict[str, Party]:
        """Parties by id."""
        return {p.id: p for p in self.parties}

    @cached_property
    def category_by_id(self) -> dict[str, DataCategory]:
        """Data categories by id."""
        return {c.id: c for c in self.register.data_categories or ()}

    @cached_property
    def subject_by_id(self) -> dict[str, DataSubjectCategory]:
        """Data-subject categories by id."""
        return {s.id: s for s in self.register.data_subjects or ()}

    @cached_property
    def measure_by_id(self) -> dict[str, SecurityMeasure]:
        """Organisation-level security measures by id."""
        return {m.id: m for m in self.register.security_measures or ()}

    @cached_property
    def activities_by_party(self) -> dict[str, list[Activity]]:
        """For each party id, the activities that name it as recipient or transfer importer."""
        out: dict[str, list[Activity]] = {}
        for activity in self.activities:
            seen: set[str] = set()
            for recipient in activity.recipients or ():
                if recipient.party is not None:
                    seen.add(recipient.party)
            for transfer in activity.transfers or ():
                if transfer.recipient:
                    seen.add(transfer.recipient)
            for party_id in seen:
                out.setdefault(party_id, []).append(activity)
        return out

    def is_broken(self, kind: str, ident: str) -> bool:
        """True when the entity ``ident`` of ``kind`` failed structural loading."""
        return (kind, ident) in self.broken

    @cached_property
    def party_index(self) -> PartyIndex:
        """The parties indexed for name look-ups and sub-processor chains (:mod:`ropa.law`)."""
        return PartyIndex(self.parties)

    @cached_property
    def exempt_activities(self) -> frozenset[int]:
        """Identities (``id()``) of the activities validly exempted from the record under Art. 30(5)."""
        org, categories = self.register.organisation, self.category_by_id
        return frozenset(id(a) for a in self.activities if validly_exempt(a, org, categories))

    def is_exempt(self, entity: RopaModel | None) -> bool:
        """True for an activity validly exempted from the record under Art. 30(5)."""
        return isinstance(entity, Activity) and id(entity) in self.exempt_activities

    def suppresses(self, entity: RopaModel | None, code: str, name: str) -> bool:
        """True when ``entity`` carries a suppression of the rule ``code`` (or ``name``) that has not
        expired: the register's own statement that the rule does not apply to it (LAW-008's hint asks
        for one when processing lies outside a public authority's tasks)."""
        for suppression in getattr(entity, "suppress", None) or ():
            if suppression.rule in (code, name):
                return suppression.until is None or suppression.until >= self.today
        return False

    def may_be_unloaded(self, *kinds: str) -> bool:
        """True when a file that did not load may hold entities of any of ``kinds``."""
        return any(u.kinds is None or not u.kinds.isdisjoint(kinds) for u in self.unloaded)

    def undefined(self, kind: str, ident: str, entity: RopaModel, path: str) -> bool:
        """Whether a reference from ``entity`` (at ``path`` below it) to ``ident``, an id of ``kind`` that
        the register does not define, is to be reported.

        Not when the entity ``ident`` failed structural loading (the loader reported it), nor when a file
        that did not load may define it: a file that does not parse invents nothing. Such a reference is
        counted for that file's summary (STR-007) instead.
        """
        if self.is_broken(kind, ident):
            return False
        for unloaded in self.unloaded:
            if unloaded.may_define(kind, ident):
                self.unchecked.setdefault(unloaded.file, set()).add((kind, ident, id(entity), path))
                return False
        return True

    def has_broken_category(self, activity: Activity) -> bool:
        """True when a data category the activity references failed to load: what it holds is unknown."""
        return any(self.is_broken("data_categories", cid) for cid in activity.data_categories or ())

    def categories_of(self, activity: Activity) -> Iterator[DataCategory]:
        """The defined data categories an activity references (undefined ones are skipped)."""
        index = self.category_by_id
        for cid in activity.data_categories or ():
            category = index.get(cid)
            if category is not None:
                yield category

    def subjects_of(self, activity: Activity) -> Iterator[DataSubjectCategory]:
        """The defined data-subject categories an activity references."""
        index = self.subject_by_id
        for sid in activity.data_subjects or ():
            subject = index.get(sid)
            if subject is not None:
                yield subject

    def finding(
        self,
        entity: RopaModel | None,
        path: str = "",
        *,
        severity: Severity | None = None,
        legal_refs: tuple[LegalRef, ...] | None = None,
        **fields: Any,
    ) -> Finding:
        """A finding on ``entity`` at the JSON Pointer ``path`` below it."""
        return Finding(entity, path, fields, severity, legal_refs)
