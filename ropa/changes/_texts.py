"""The words of ``ropa diff`` in the user's language: the English templates, and their translation.

The English templates below are the source; ``ropa/locales/<lang>.toml`` translates each under the same
key (``[messages."diff.transfer"]``), beside the English it was made from, as for the messages of
``ropa validate`` (see ``docs/translating.md``). The texts of the change codes themselves (summary, what
to do, why) stay in ``codes.json`` in English; their translations are under ``CHG-nnn.summary``,
``CHG-nnn.action`` and ``CHG-nnn.why``. English reads no catalogue.

Values put into a template are register content (ids, names, descriptions), codes (``6-1-a``, ``scc``,
``US``) or text that was itself composed from this table: they are inserted as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import cast

from ropa.diagnostics import LegalRef
from ropa.i18n import LANGS, Lang, catalogue, entity_text, legal_ref, message, plural_category

__all__ = [
    "CODE_FIELDS",
    "TEXTS",
    "check_lang",
    "code_text",
    "count",
    "entity",
    "refs",
    "say",
]

TEXTS: dict[str, str] = {
    # details of a legal meaning (ropa/changes/_detect.py)
    "diff.ended": "status: ended",
    "diff.ended-on": "status: ended, end date {date}",
    "diff.purpose": "purpose {purpose}",
    "diff.purpose-reworded": "purpose {purpose} (was {before})",
    "diff.basis": "purpose {purpose}: {before} → {after}",
    "diff.special-declared": "special-category data (declared)",
    "diff.special-unnamed": "special-category data",
    "diff.criminal-declared": "an Art. 10 authorisation is recorded",
    "diff.data-category": "data category '{id}'",
    "diff.data-category.named": "data category '{id}' ({name})",
    "diff.data-subjects": "data-subject category '{id}'",
    "diff.data-subjects.named": "data-subject category '{id}' ({name})",
    "diff.party": "party '{id}'",
    "diff.party.named": "party '{id}' ({name})",
    "diff.recipient-category": "recipient category {category}",
    "diff.recipient-role": "{who}, role {role}",
    "diff.recipient-no-role": "{who}, role not recorded",
    "diff.for-controller": "{party} for {whom}",
    "diff.controller": "controller {name}",
    "diff.controller.unnamed": "a controller not named",
    "diff.regime": "regime: {before} → {after}",
    "diff.country": "country {before} → {after}",
    "diff.country.unknown": "country not recorded → {after}",
    "diff.transfer": "to {place}, mechanism {mechanism}",
    "diff.transfer.no-mechanism": "to {place}, no mechanism recorded",
    "diff.transfer.party": "to {place} ({party}), mechanism {mechanism}",
    "diff.transfer.party.no-mechanism": "to {place} ({party}), no mechanism recorded",
    "diff.mechanism": "to {place}: {before} → {after}",
    "diff.retention": "{scope}: {before} → {after}",
    "diff.retention.all": "all data of the activity",
    "diff.retention.until": "until {date}",
    "diff.retention.after": "{period} after {anchor}",
    "diff.measure-removed": "{description} removed from the register",
    "diff.security-measure": "security measure '{id}'",
    "diff.security-measure.described": "security measure '{id}' ({description})",
    "diff.specific-measure": "specific measure {description}",
    "diff.automated": "automated decisions",
    "diff.automated.profiling": "profiling",
    "diff.automated.effect": "effect {effect}",
    "diff.dpia-required": "the screening now says a DPIA is required",
    "diff.dpia-changed": "changed: {fields}",
    "diff.field": "{field}: {before} → {after}",
    "diff.and-more": "and {n} more",
    "diff.not-stated": "(not stated)",
    # the reports (ropa/changes/_render.py)
    "diff.working-tree": "working tree",
    "diff.no-register": "[no register]",
    "diff.not-read": "not read (symbolic links, submodules): {files}",
    "diff.h.meanings": "What the changes mean in law",
    "diff.h.changes": "Changes",
    "diff.h.introduced": "Findings introduced",
    "diff.h.resolved": "Findings resolved",
    "diff.at": "at {where}",
    "diff.more": "... and {n} more",
    "diff.more-entities": "... and {n} more entities (see --format json)",
    "diff.no-changes": "No changes.",
    "diff.totals.entities": "{added} added, {changed} changed, {removed} removed",
    "diff.totals.meanings.one": "{n} legal meaning ({error} error, {warning} warning, {info} info)",
    "diff.totals.meanings.other": "{n} legal meanings ({error} error, {warning} warning, {info} info)",
    "diff.totals.findings": "findings: {introduced} introduced, {resolved} resolved",
    "diff.renamed-from": "{title}, renamed from {before}",
    "diff.status.added": "added",
    "diff.status.removed": "removed",
    "diff.status.changed": "changed",
    "diff.md.added": "added {field}: {value}",
    "diff.md.removed": "removed {field}: {value}",
    "diff.col.severity": "Severity",
    "diff.col.code": "Change code",
    "diff.col.concerns": "Concerns",
    "diff.col.change": "Change",
    "diff.col.action": "What to do",
    "diff.col.provisions": "Provisions",
    "diff.col.finding": "Code",
    "diff.col.location": "Location",
    "diff.col.message": "Message",
    "diff.severity.error": "error",
    "diff.severity.warning": "warning",
    "diff.severity.info": "info",
    # the page of a change code (ropa explain CHG-nnn, docs/changes/)
    "diff.page.code": "Code",
    "diff.page.name": "Name",
    "diff.page.severity": "Severity",
    "diff.page.refs": "Legal references",
    "diff.page.recognised": "Recognised by",
    "diff.page.severity.error": "error: a legal requirement is now unmet",
    "diff.page.severity.warning": "warning: act before the change takes effect",
    "diff.page.severity.info": "info: for the record",
    "diff.page.by-detector": "a detector in `ropa/changes/_detect.py`",
    "diff.page.by-field": "a change to {fields} of `{kind}`",
    "diff.page.by-field-ops": "a change to {fields} of `{kind}` ({ops})",
    "diff.page.by-findings": "the change brings in {codes}",
    "diff.page.why": "Why it matters",
    "diff.page.action": "What to do",
    "diff.page.example": "Example",
    "diff.page.before": "Before:",
    "diff.page.after": "After:",
    "diff.page.reported": "`ropa diff` reports `{code}` for this change (the test suite checks it).",
    "diff.page.guidance": "Guidance",
    "diff.page.generated": "Generated from `ropa/changes/codes.json` ({version}).",
}
"""Catalogue key → English template (``str.format``; a literal brace is written ``{{``)."""

CODE_FIELDS = ("summary", "action", "why")
"""The texts of a change code that the catalogues translate, under ``CHG-nnn.<field>``."""


def check_lang(lang: str) -> str:
    """``lang`` when ropa speaks it.

    Raises:
        ValueError: an unsupported language.
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


def say(key: str, lang: str, /, **values: object) -> str:
    """The text ``key`` of :data:`TEXTS` in ``lang``, with ``values`` filled in (English when the
    catalogue has no current translation)."""
    if lang == "en":
        return TEXTS[key].format(**values)
    return message(key, TEXTS[key], lang, **values)


def count(key: str, n: int, lang: str, /, **values: object) -> str:
    """The singular (``key.one``) or plural (``key.other``) form of ``key`` for ``n``."""
    return say(f"{key}.{plural_category(n, lang)}", lang, n=n, **values)


def entity(label: str, lang: str) -> str:
    """An entity label (``activity newsletter``) in ``lang``."""
    return label if lang == "en" else entity_text(label, lang) or label


def refs(values: Iterable[LegalRef], lang: str) -> str:
    """Legal references joined with commas, in the style of ``lang`` (``Art. 30 Abs. 1 DSGVO``)."""
    if lang == "en":
        return ", ".join(str(r) for r in values)
    return ", ".join(legal_ref(r, cast("Lang", lang)) for r in values)


@cache
def code_text(code: str, field: str, source: str, lang: str) -> str:
    """A text of change code ``code`` (``field``: ``summary``, ``action`` or ``why``; ``source``: its
    English) in ``lang``; the English when the catalogue has no current translation of ``source``.

    These texts are plain: no placeholders, braces are braces."""
    if lang == "en":
        return source
    entry = catalogue(lang).messages.get(f"{code}.{field}")
    if entry is None or entry.message is None or entry.message.en != source:
        return source
    return entry.message.text
