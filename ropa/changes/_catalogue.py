"""The table of change codes: what a kind of change means in law (``ropa/changes/codes.json``).

The table is data: code, name, severity, summary, what to do, the provisions, a longer explanation, how
the change is recognised, and an example pair of registers. ``docs/changes/`` is generated from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from ropa.diagnostics import LegalRef, Severity

__all__ = [
    "ALL_OPS",
    "CATALOGUE_FILE",
    "DOCS",
    "ChangeCode",
    "FieldTrigger",
    "change_code",
    "change_codes",
    "render_change_code",
    "table",
]

CATALOGUE_FILE = "codes.json"
"""The data file, in the ``ropa.changes`` package."""
DOCS = "https://github.com/ropa-register/ropa/blob/main/docs/changes"
"""Where the page of each change code is published: ``{DOCS}/CHG-001.md``."""

ALL_OPS = ("added", "removed", "changed")
"""Every kind of field change."""


@dataclass(frozen=True, slots=True)
class FieldTrigger:
    """A change code that applies whenever some fields of a changed entity change.

    Attributes:
        kind: the register key of the entity kind (``organisation``, ``parties``).
        fields: top-level fields of the entity; a change anywhere inside them counts.
        ops: which field changes count (``added``, ``removed``, ``changed``).
    """

    kind: str
    fields: tuple[str, ...]
    ops: tuple[str, ...] = ALL_OPS


@dataclass(frozen=True, slots=True)
class ChangeCode:
    """One entry of the table of change codes.

    Attributes:
        code: ``CHG-001`` ...; stable, never reused.
        name: kebab-case name, e.g. ``transfer-added``.
        severity: ``error`` (a legal requirement is now unmet), ``warning`` (act before the change takes
            effect) or ``info`` (for the record).
        summary: one line.
        action: what to do.
        legal_refs: the provisions.
        guidance: regulators' guidance and case law behind the meaning.
        why: the explanation (Markdown).
        field: the fields whose change gives the code, if it is recognised that way.
        findings: finding codes whose appearance gives the code.
        python: recognised by a detector in :mod:`ropa.changes._detect`.
        ignore_fields: fields a detector leaves out of consideration (``dpia-outdated``).
        example_before: a register before the change (YAML).
        example_after: the register after it.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    action: str
    legal_refs: tuple[LegalRef, ...]
    guidance: tuple[str, ...]
    why: str
    field: FieldTrigger | None
    findings: tuple[str, ...]
    python: bool
    ignore_fields: tuple[str, ...]
    example_before: str
    example_after: str

    @property
    def docs_url(self) -> str:
        """The published page of the code (``docs/changes/CHG-001.md``)."""
        return f"{DOCS}/{self.code}.md"

    def translated(self, lang: str) -> ChangeCode:
        """This entry with its summary, what to do and why in ``lang`` (``en``, ``nl``, ``fr``, ``de``),
        from the catalogue of that language; a text without a current translation stays in English.

        Raises:
            ValueError: an unsupported language.
        """
        from ropa.changes._texts import check_lang, code_text

        if check_lang(lang) == "en":
            return self
        return replace(
            self,
            summary=code_text(self.code, "summary", self.summary, lang),
            action=code_text(self.code, "action", self.action, lang),
            why=code_text(self.code, "why", self.why, lang),
        )


def _entry(raw: dict[str, Any]) -> ChangeCode:
    detect = raw["detect"]
    trigger = detect.get("field")
    return ChangeCode(
        code=raw["code"],
        name=raw["name"],
        severity=Severity(raw["severity"]),
        summary=raw["summary"],
        action=raw["action"],
        legal_refs=tuple(LegalRef.parse(r) for r in raw["legal_refs"]),
        guidance=tuple(raw.get("guidance", ())),
        why=raw["why"],
        field=(
            FieldTrigger(trigger["kind"], tuple(trigger["fields"]), tuple(trigger.get("ops", ALL_OPS)))
            if trigger
            else None
        ),
        findings=tuple(detect.get("findings", ())),
        python=bool(detect.get("python", False)),
        ignore_fields=tuple(detect.get("ignore_fields", ())),
        example_before=raw["example"]["before"],
        example_after=raw["example"]["after"],
    )


@cache
def table() -> dict[str, Any]:
    """The parsed data file, with its name, version, source and date."""
    text = resources.files("ropa.changes").joinpath(CATALOGUE_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def change_codes() -> tuple[ChangeCode, ...]:
    """Every change code, in code order."""
    return tuple(_entry(raw) for raw in table()["codes"])


@cache
def _by_key() -> dict[str, ChangeCode]:
    out: dict[str, ChangeCode] = {}
    for entry in change_codes():
        out[entry.code] = entry
        out[entry.name] = entry
    return out


def change_code(code_or_name: str) -> ChangeCode:
    """The change code with this code (``CHG-022``) or name (``transfer-added``).

    Raises:
        KeyError: no such code.
    """
    return _by_key()[code_or_name]


def render_change_code(code: str | ChangeCode, lang: str = "en") -> str:
    """The page of a change code as Markdown (what ``ropa explain CHG-022`` prints, and, in English,
    ``docs/changes/CHG-022.md``), in ``lang``: ``en``, ``nl``, ``fr`` or ``de``.

    Args:
        code: a change code (``CHG-022``), its name (``transfer-added``) or its entry.
        lang: the language of the page; codes, names, YAML and the guidance documents' titles stay as
            they are.

    Raises:
        KeyError: no such code.
        ValueError: an unsupported language.
    """
    from ropa.changes.docs import render_code

    entry = code if isinstance(code, ChangeCode) else change_code(code)
    return render_code(entry, lang)
