"""The English sources every catalogue translates: rule messages and hints, the loader's and the engine's
messages, and the words the reporters add."""

from __future__ import annotations

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
    return out
