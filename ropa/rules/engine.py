"""Runs the selected rules over a loaded register and turns findings into diagnostics.

The engine stamps code, severity and location on each finding, applies in-register suppressions, and
reports unused, expired or unknown suppressions (``SUP-001``–``SUP-003``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass

from ropa.config import Config
from ropa.diagnostics import Diagnostic, LegalRef, Location, Severity, Span, Template
from ropa.errors import ConfigError
from ropa.law import is_led, is_processor_record
from ropa.loading.codes import STRUCTURAL, render
from ropa.loading.loader import LoadResult, Unloaded, gc_paused
from ropa.models import (
    Activity,
    DataCategory,
    DataSubjectCategory,
    Organisation,
    Party,
    ProcessorActivity,
    Register,
    RegisterMeta,
    RopaModel,
    SecurityMeasure,
    Suppression,
)
from ropa.rules._base import Finding, Rule, RuleContext, RuleOptions

__all__ = ["ACTIVITY_LOCAL", "LocalFindings", "entity_label", "profiles_for", "run_rules", "select_rules"]

META_CODES = {
    "SUP-001": ("unused-suppression", "A suppression matches no finding."),
    "SUP-002": ("expired-suppression", "A suppression's 'until' date has passed."),
    "SUP-003": ("unknown-suppressed-rule", "A suppression names no known rule."),
}

SUPPRESSION_MESSAGES: dict[str, tuple[str, str]] = {
    "SUP-001": (
        "suppression of {rule} on {entity} matches no finding",
        "Remove the suppression: the rule no longer reports this entity.",
    ),
    "SUP-002": (
        "suppression of {rule} on {entity} expired on {until}",
        "Fix the finding, or renew the suppression with a new justification and date.",
    ),
    "SUP-003": (
        "suppression on {entity} names unknown rule '{rule}'",
        "Use a rule code such as RET-005 or its name; 'ropa rules' lists them.",
    ),
}
"""The English message and hint templates of the SUP codes."""

_LABELS: dict[type[RopaModel], str] = {
    Activity: "activity",
    Party: "party",
    DataCategory: "data category",
    DataSubjectCategory: "data-subject category",
    SecurityMeasure: "security measure",
    ProcessorActivity: "processor activity",
}


def entity_label(entity: RopaModel | None) -> str | None:
    """``activity order-handling``, ``party mollie``, ``organisation``, ..."""
    if entity is None:
        return None
    if isinstance(entity, Organisation):
        return "organisation"
    if isinstance(entity, RegisterMeta):
        return "register"
    noun = _LABELS.get(type(entity))
    ident = getattr(entity, "id", None)
    return f"{noun} {ident}" if noun and ident else noun


_NEEDS: dict[str, frozenset[str]] = {
    "ORG": frozenset({"organisation"}),
    "GOV-002": frozenset({"register"}),
    "GOV-003": frozenset({"organisation"}),
    "GOV-005": frozenset({"register"}),
    "EXM-002": frozenset({"register"}),
    "RGT-004": frozenset({"organisation"}),
    "SEC-001": frozenset({"security_measures"}),
    "SEC-002": frozenset({"security_measures"}),
    "SEC-003": frozenset({"security_measures"}),
}
"""Rules whose findings rest on the absence of something a register-level block holds (the organisation,
the register metadata, the organisation-level security measures), by code or family, with the kinds
they need in full. While a file that may hold such a block did not load, the rule does not run: a file
that does not parse invents nothing (references to ids are handled by :meth:`RuleContext.undefined`)."""


ACTIVITY_LOCAL: frozenset[str] = frozenset(
    {
        # the organisation, the register block, parties: no activity at all
        *("ORG-001", "ORG-002", "ORG-003", "ORG-006", "EXM-002", "GOV-002", "GOV-003", "GOV-005"),
        *("PRC-001", "PRC-002", "PRC-003", "PRC-004", "PRC-006", "REC-005", "REC-006", "TRF-005"),
        *("RGT-001", "RGT-002", "ACT-010"),
        # each activity on its own, with what is not an activity
        *("ORG-007", "EXM-001", "ACT-001", "ACT-002", "ACT-003", "ACT-004", "ACT-005", "ACT-007", "ACT-008"),
        *("ACT-009", "LAW-001", "LAW-002", "LAW-003", "LAW-004", "LAW-005", "LAW-006", "LAW-007", "LAW-008"),
        *("LAW-009", "LAW-010", "LAW-011", "LAW-012", "SPC-001", "SPC-002", "SPC-003", "SPC-004", "SPC-005"),
        *("SPC-006", "REC-001", "REC-004", "REC-007", "TRF-001", "TRF-002", "TRF-003", "TRF-004", "TRF-006"),
        *("TRF-007", "TRF-008", "TRF-009", "TRF-010", "TRF-012", "RET-001", "RET-002", "RET-003", "RET-004"),
        *("RET-005", "RET-006", "RET-007", "RET-008", "SEC-001", "SEC-003", "DPIA-001", "DPIA-002"),
        *("DPIA-003", "DPIA-004", "DPIA-005", "RGT-003", "RGT-004", "RGT-005", "GOV-001", "GOV-004"),
        *("NL-001", "NL-002", "NL-003", "NL-004", "NL-005"),
    }
)
"""The activity-local rules: what a rule reports on an activity depends on that activity alone and on the
part of the register that is not an activity (the organisation, the register block, parties, data and
data-subject categories, security measures, processor activities), with the date, options and profiles;
what it reports on anything else depends on that part alone. Run on a register holding only some of the
activities, such a rule reports exactly its findings on those. The incremental cache
(:mod:`ropa.loading.incremental`) keeps their findings per file and runs them only on the activities of
edited files. Every other rule (a new rule too, until it is listed here) depends on the whole register:
ACT-006 (duplicates), ORG-004 and ORG-005 (what all activities together imply), PRC-005, PRC-007,
REC-002 and REC-003 (which activities use a party), SEC-002 (a count over activities), TRF-011 (the
first transfer).
``tests/rules/test_locality.py`` checks the property for every rule listed, on every fixture register
and on generated ones."""


@dataclass(frozen=True)
class LocalFindings:
    """The findings of the :data:`ACTIVITY_LOCAL` rules kept per file, for :func:`run_rules`.

    Attributes:
        files: the files that hold activities only (and loaded): their local findings are taken from
            ``known`` or made now.
        known: for some of those files, their diagnostics (positions resolved) and the suppressions their
            findings used, ``(entity pointer, index)``.
    """

    files: frozenset[str]
    known: Mapping[str, tuple[Sequence[Diagnostic], Sequence[tuple[str, int]]]]


def _needs(rule: Rule) -> frozenset[str]:
    return _NEEDS.get(rule.code) or _NEEDS.get(rule.prefix) or frozenset()


def _matches(rule: Rule, selector: str) -> bool:
    return selector in ("ALL", rule.code, rule.prefix, rule.name)


def profiles_for(config: Config, result: LoadResult) -> frozenset[str]:
    """Active profiles: configured, else the register's, else ``eu`` plus ``nl`` for a Dutch organisation."""
    if config.profile is not None:
        return frozenset({"eu", *config.profile})
    meta = result.register.meta
    if meta is not None and meta.profile:
        return frozenset({"eu", meta.profile})
    org = result.register.organisation
    if org is not None and org.country == "NL":
        return frozenset({"eu", "nl"})
    return frozenset({"eu"})


def select_rules(rules: Sequence[Rule], config: Config, profiles: frozenset[str]) -> tuple[Rule, ...]:
    """The rules to run under ``config`` for the active ``profiles``.

    Raises:
        ConfigError: a selector matches no rule.
    """
    for selector in [*(config.select or ()), *config.ignore, *config.severity]:
        if selector != "ALL" and not any(_matches(r, selector) for r in rules):
            raise ConfigError(f"unknown rule selector '{selector}' (use a code, a prefix or a rule name)")
    out = []
    for rule in rules:
        if rule.profile not in profiles:
            continue
        if config.select is not None and not any(_matches(rule, s) for s in config.select):
            continue
        if any(_matches(rule, s) for s in config.ignore):
            continue
        out.append(rule)
    return tuple(out)


def _configured_severity(rule: Rule, config: Config) -> Severity | None:
    # The most specific selector wins: code, then name, then prefix.
    for key in (rule.code, rule.name, rule.prefix):
        if key in config.severity:
            return config.severity[key]
    if config.options.strict and rule.code in ("RET-001", "SEC-001"):
        return Severity.ERROR
    return None


def _suppressions(entity: RopaModel | None) -> list[Suppression]:
    return list(getattr(entity, "suppress", None) or ())


def run_rules(
    result: LoadResult,
    rules: Sequence[Rule],
    config: Config,
    *,
    today: dt.date,
    all_rules: Iterable[Rule] = (),
    local: LocalFindings | None = None,
    fresh: MutableMapping[str, tuple[list[Diagnostic], list[tuple[str, int]]]] | None = None,
) -> list[Diagnostic]:
    """Run ``rules`` on ``result`` and return their diagnostics (unsorted).

    Nothing runs on a folder without register files (IO-002 says so). While a file did not load, the
    rules that need what it may hold in full do not run, references to ids it may define are not reported
    one by one, and one STR-007 per such file says what was not checked.

    With ``local`` (and every file loaded), the :data:`ACTIVITY_LOCAL` rules run only on the activities
    of files without known findings, the known ones are used as they are, and ``fresh`` receives, for each
    other file of ``local.files``, the local findings made now: the result is the same as without.
    """
    if any(d.code == "IO-002" for d in result.diagnostics):
        return []
    profiles = profiles_for(config, result)
    options = RuleOptions(
        dpf_max_age_months=config.options.dpf_max_age_months,
        data_max_age_months=config.options.data_max_age_months,
        strict=config.options.strict,
        dsr_default_days=config.options.dsr_default_days,
    )
    meta = result.register.meta
    chosen = config.profile is not None or bool(meta is not None and meta.profile)

    def context(register: Register) -> RuleContext:
        return RuleContext(
            register,
            today=today,
            profiles=profiles,
            options=options,
            broken=result.broken,
            unloaded=result.unloaded,
            profiles_chosen=chosen,
        )

    ctx = context(result.register)
    if local is not None and ctx.unloaded:
        local = None  # a file that did not load may hold anything: everything runs
    partial = ctx
    reused: list[Diagnostic] = []
    used: set[tuple[int, int]] = set()
    if local is not None and local.known:
        activities = result.register.activities or ()
        kept = [a for a in activities if _file_of(a) not in local.known]
        partial = context(result.register.model_copy(update={"activities": tuple(kept)}))
        by_origin = {(_file_of(a), _pointer_of(a)): a for a in activities if _file_of(a) in local.known}
        for file, (diagnostics, suppressions) in local.known.items():
            reused.extend(diagnostics)
            for pointer, index in suppressions:
                entity = by_origin.get((file, pointer))
                if entity is not None:
                    used.add((id(entity), index))
    withheld = [r for r in rules if _needs(r) and ctx.may_be_unloaded(*_needs(r))]
    rules = [r for r in rules if r not in withheld]
    pending: list[tuple[Rule, Severity, Finding]] = []
    stored: dict[int, str] = {}  # pending index -> the file whose local findings it belongs to
    stored_used: dict[str, list[tuple[str, int]]] = {}
    # The rules allocate nothing cyclic; with the collector paused, the register (and the node trees
    # composed for positions) are not walked again and again by full collections.
    with gc_paused():
        for rule in rules:
            configured = _configured_severity(rule, config)
            is_local = local is not None and rule.code in ACTIVITY_LOCAL
            use = partial if is_local else ctx
            for finding in rule.check(use):
                if not _applies(rule, finding.entity, use):
                    continue
                matched = _suppression(rule, finding, today)
                owner = _file_of(finding.entity) if is_local and local is not None else None
                if owner is not None and local is not None and owner not in local.files:
                    owner = None  # a finding not kept per file (an entity of another kind of file)
                if matched is not None:
                    used.add((id(finding.entity), matched))
                    if owner is not None:
                        stored_used.setdefault(owner, []).append((_pointer_of(finding.entity), matched))
                    continue
                if owner is not None:
                    stored[len(pending)] = owner
                pending.append((rule, configured or finding.severity or rule.severity, finding))
        out = _with_positions(pending, result)
    if local is not None and fresh is not None:
        for file in local.files - set(local.known):
            fresh[file] = ([], stored_used.get(file, []))
        for position, file in stored.items():
            fresh[file][0].append(out[position])
    out.extend(reused)
    known = list(all_rules) or list(rules)
    out.extend(_suppression_findings(result, known, rules, today, used))
    out.extend(_unloaded_findings(ctx, withheld))
    return out


def _file_of(entity: RopaModel | None) -> str | None:
    origin = entity.origin if entity is not None else None
    return origin.file if origin is not None else None


def _pointer_of(entity: RopaModel | None) -> str:
    origin = entity.origin if entity is not None else None
    return origin.pointer if origin is not None else ""


def _unloaded_findings(ctx: RuleContext, withheld: Sequence[Rule]) -> list[Diagnostic]:
    """One STR-007 per file that did not load: the references it may resolve, the rules that waited."""
    out = []
    for unloaded in ctx.unloaded:
        refs = ctx.unchecked.get(unloaded.file, set())
        codes = [r.code for r in withheld if _could_hold(unloaded, _needs(r))]
        if not refs and not codes:
            continue
        idents = sorted({ident for _, ident, _, _ in refs})
        shown = ", ".join(f"'{i}'" for i in idents[:_SHOWN_IDS]) + (", …" if len(idents) > _SHOWN_IDS else "")
        values: dict[str, object] = {"file": unloaded.file}
        if refs:
            count = len(refs)
            values["references"] = f"{count} reference" if count == 1 else f"{count} references"
            values["ids"] = shown
        if codes:
            values["codes"] = ", ".join(codes)
        key = "STR-007.both" if refs and codes else "STR-007.references" if refs else "STR-007.rules"
        code, message, hint, template = render(key, **values)
        out.append(
            Diagnostic(
                code=code,
                rule=STRUCTURAL[code].name,
                severity=STRUCTURAL[code].severity,
                message=message,
                location=Location(unloaded.file, ""),
                hint=hint,
                template=template,
            )
        )
    return out


_SHOWN_IDS = 10
"""Most ids a STR-007 names."""


def _could_hold(unloaded: Unloaded, kinds: frozenset[str]) -> bool:
    return unloaded.kinds is None or not unloaded.kinds.isdisjoint(kinds)


def _applies(rule: Rule, entity: RopaModel | None, ctx: RuleContext) -> bool:
    """False for a controller-only rule on a processor-record entry, for a rule that reports a gap in the
    record on an activity validly exempted under Art. 30(5), and for a GDPR-only rule on an activity under
    the Law Enforcement Directive (see :class:`~ropa.rules._base.Rule`)."""
    if not rule.processor_record and is_processor_record(entity):
        return False
    if rule.record_gap and ctx.is_exempt(entity):
        return False
    return rule.led is not None or not is_led(entity)


def _legal_refs(rule: Rule, finding: Finding) -> tuple[LegalRef, ...]:
    if finding.legal_refs is not None:
        return finding.legal_refs
    if rule.led is not None and is_led(finding.entity):
        return rule.led
    return rule.legal_refs


class _Places:
    """Where the entities of a register built in memory sit in it: ``/activities/3``, ``/organisation``.

    An entity read from a file has an origin (file and pointer); one built in code has none, and its
    diagnostics get the JSON Pointer of the entity in the register (as in :func:`ropa.export_json`'s
    output) instead, with no file. The index is made on the first entity without an origin.
    """

    def __init__(self, register: Register) -> None:
        self._register = register
        self._index: dict[int, str] | None = None

    def pointer(self, entity: RopaModel | None) -> str:
        if entity is None:
            return ""
        if self._index is None:
            self._index = {}
            reg = self._register
            for name, info in type(reg).model_fields.items():
                value = getattr(reg, name)
                key = "/" + (info.alias or name)
                if isinstance(value, tuple):
                    self._index.update((id(item), f"{key}/{index}") for index, item in enumerate(value))
                elif value is not None:
                    self._index[id(value)] = key
        return self._index.get(id(entity), "")

    def where(self, entity: RopaModel | None, path: str) -> tuple[str | None, str]:
        """``(file, pointer)`` of ``path`` below ``entity``."""
        origin = entity.origin if entity is not None else None
        if origin is not None:
            return origin.file, origin.pointer + path
        return None, self.pointer(entity) + path


def _with_positions(pending: list[tuple[Rule, Severity, Finding]], result: LoadResult) -> list[Diagnostic]:
    """Diagnostics for the findings, their positions resolved in one pass per file."""
    places = _Places(result.register)
    wanted: dict[str, set[str]] = {}
    for _, _, finding in pending:
        file, pointer = places.where(finding.entity, finding.path)
        if file is not None:
            wanted.setdefault(file, set()).add(pointer)
    result.sources.prefetch(wanted)
    spans = {file: result.sources.spans(file, pointers) for file, pointers in wanted.items()}
    out = []
    for rule, severity, finding in pending:
        file, pointer = places.where(finding.entity, finding.path)
        span = spans[file].get(pointer) if file is not None else None
        out.append(_diagnostic(rule, severity, finding, file, pointer, span))
    return out


def _suppression(rule: Rule, finding: Finding, today: dt.date) -> int | None:
    """The index of the entity's suppression that suppresses ``finding``, or ``None``."""
    for index, suppression in enumerate(_suppressions(finding.entity)):
        if suppression.rule in (rule.code, rule.name):
            if suppression.until is not None and suppression.until < today:
                return None
            return index
    return None


def _diagnostic(
    rule: Rule, severity: Severity, finding: Finding, file: str | None, pointer: str, span: Span | None
) -> Diagnostic:
    entity = finding.entity
    label = entity_label(entity)
    fields = {"entity": label or "the register", **finding.fields}
    args = tuple((name, str(value)) for name, value in fields.items())
    built = Template(rule.code, rule.message, rule.hint, args)
    template: Template | None = built
    try:
        message, hint = built.render()
    except (KeyError, IndexError, ValueError):  # a template/field mismatch must not hide the finding
        message, hint, template = rule.summary, rule.hint, None
    return Diagnostic(
        code=rule.code,
        rule=rule.name,
        severity=severity,
        message=message,
        location=Location(file, pointer, span, label),
        hint=hint,
        legal_refs=_legal_refs(rule, finding),
        template=template,
    )


def _all_entities(result: LoadResult) -> list[RopaModel]:
    reg = result.register
    out: list[RopaModel] = []
    if reg.meta is not None:
        out.append(reg.meta)
    if reg.organisation is not None:
        out.append(reg.organisation)
    for group in (
        reg.security_measures,
        reg.data_subjects,
        reg.data_categories,
        reg.parties,
        reg.activities,
        reg.processor_activities,
    ):
        out.extend(group or ())
    return out


def _suppression_findings(
    result: LoadResult,
    known: Sequence[Rule],
    ran: Sequence[Rule],
    today: dt.date,
    used: set[tuple[int, int]],
) -> list[Diagnostic]:
    names = {r.code for r in known} | {r.name for r in known}
    ran_names = {r.code for r in ran} | {r.name for r in ran}
    places = _Places(result.register)
    out: list[Diagnostic] = []
    for entity in _all_entities(result):
        for index, suppression in enumerate(_suppressions(entity)):
            pointer_tail = f"/suppress/{index}"
            label = entity_label(entity)
            if suppression.rule not in names:
                code = "SUP-003"
            elif suppression.until is not None and suppression.until < today:
                code = "SUP-002"
            elif suppression.rule in ran_names and (id(entity), index) not in used:
                code = "SUP-001"
            else:
                continue
            values = {"entity": label, "rule": suppression.rule, "until": suppression.until}
            template = Template(
                code, *SUPPRESSION_MESSAGES[code], tuple((k, str(v)) for k, v in values.items())
            )
            message, hint = template.render()
            file, pointer = places.where(entity, pointer_tail)
            out.append(
                Diagnostic(
                    code=code,
                    rule=META_CODES[code][0],
                    severity=Severity.WARNING,
                    message=message,
                    location=Location(file, pointer, result.sources.span(file, pointer), label),
                    hint=hint,
                    template=template,
                )
            )
    return out
