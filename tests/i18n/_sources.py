"""The English sources every catalogue translates: rule messages and hints, the loader's and the engine's
messages, the words the reporters add, and the texts of ropa diff and ropa due (the change codes' summary,
action and why, the kinds of dates, the details and the words of their reports)."""

from __future__ import annotations

from ropa.changes import change_codes
from ropa.changes._texts import CODE_FIELDS
from ropa.changes._texts import TEXTS as DIFF_TEXTS
from ropa.deadlines import due_kinds
from ropa.deadlines._texts import KIND_FIELDS
from ropa.deadlines._texts import TEXTS as DUE_TEXTS
from ropa.loading.codes import MESSAGES
from ropa.reporters._base import UI
from ropa.rules import ALL_RULES
from ropa.rules.engine import SUPPRESSION_MESSAGES

TRANSLATED = ("nl", "fr", "de")


def english_sources() -> dict[str, tuple[str, str | None]]:
    """Catalogue key → (English message template, English hint template or ``None``)."""
    out: dict[str, tuple[str, str | None]] = {}
    for rule in ALL_RULES:
        out[rule.code] = (rule.message, rule.hint)
    for key, spec in MESSAGES.items():
        out[key] = (spec.message, spec.hint)
    for key, (message, hint) in SUPPRESSION_MESSAGES.items():
        out[key] = (message, hint)
    for key, message in UI.items():
        out[key] = (message, None)
    for entry in change_codes():
        for name in CODE_FIELDS:
            out[f"{entry.code}.{name}"] = (getattr(entry, name), None)
    for kind in due_kinds().values():
        for name in KIND_FIELDS:
            out[f"due.kind.{kind.kind}.{name}"] = (getattr(kind, name), None)
    for key, message in (DIFF_TEXTS | DUE_TEXTS).items():
        out[key] = (message, None)
    return out
