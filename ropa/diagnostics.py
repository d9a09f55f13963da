"""Diagnostics: the one value type for every problem ropa reports.

Structural problems (YAML syntax, unknown keys, wrong types) and Art. 30 findings from the rules share
:class:`Diagnostic`. A :class:`Report` is a sorted, immutable collection of them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Diagnostic", "LegalRef", "Location", "Report", "Severity", "Span", "Template"]


class Severity(StrEnum):
    """How serious a diagnostic is. Ordered: ``info < warning < error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """1 for info, 2 for warning, 3 for error."""
        return _RANK[self]


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}
_LEGAL_REF = re.compile(
    r"^Art\. (?P<art>\d+[a-z]?)(?:\((?P<par>\d+)\))?(?:\((?P<pt>[a-z])\))?(?: (?P<inst>.+))?$"
)


@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based position in a source file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Location:
    """Where a diagnostic points.

    Attributes:
        file: POSIX path of the file, relative to the register folder; ``None`` for an entity built in
            memory (and for a register-wide diagnostic such as ``IO-002``).
        pointer: RFC 6901 JSON Pointer into that file's document (``/activities/0/purposes``); without a
            file, into the register as :func:`ropa.export_json` writes it (``/activities/3/purposes/0``),
            or into the data given to a model's constructor (:class:`~ropa.errors.ModelError`).
        span: line and column, when the source is known.
        entity: the entity the diagnostic is about, e.g. ``activity order-handling``.
    """

    file: str | None = None
    pointer: str = ""
    span: Span | None = None
    entity: str | None = None

    @property
    def line(self) -> int:
        """The 1-based line, or 0 when unknown."""
        return self.span.line if self.span else 0

    @property
    def column(self) -> int:
        """The 1-based column, or 0 when unknown."""
        return self.span.column if self.span else 0


@dataclass(frozen=True, slots=True)
class LegalRef:
    """A reference to a provision, rendered canonically as ``Art. 30(1)(f) GDPR``."""

    article: str
    paragraph: int | None = None
    point: str | None = None
    instrument: str = "GDPR"

    @classmethod
    def parse(cls, text: str) -> LegalRef:
        """``Art. 13(1)(f) GDPR`` → ``LegalRef("13", 1, "f")``: the inverse of :meth:`__str__`.

        Raises:
            ValueError: the text is not written that way.
        """
        match = _LEGAL_REF.match(text)
        if match is None:
            raise ValueError(f"'{text}' is not a provision written as 'Art. 13(1)(f) GDPR'")
        par = match.group("par")
        return cls(
            match.group("art"), int(par) if par else None, match.group("pt"), match.group("inst") or ""
        )

    def __str__(self) -> str:
        text = f"Art. {self.article}"
        if self.paragraph is not None:
            text += f"({self.paragraph})"
        if self.point:
            text += f"({self.point})"
        return f"{text} {self.instrument}" if self.instrument else text


@dataclass(frozen=True, slots=True)
class Template:
    """What a diagnostic's message and hint were made from, so that :func:`ropa.i18n.translate` can say
    them in another language.

    Attributes:
        key: the catalogue key: a rule code (``REC-001``), or the id of a message of the loader or the
            engine (``STR-002.unknown-field``).
        message: the English ``str.format`` template of the message.
        hint: the English template of the hint (``""`` when there is none).
        args: the ``(name, text)`` pairs the templates were filled with.
    """

    key: str
    message: str
    hint: str = ""
    args: tuple[tuple[str, str], ...] = ()

    def render(self) -> tuple[str, str | None]:
        """The English message and hint (``None`` when there is no hint template)."""
        values = dict(self.args)
        return self.message.format(**values), (self.hint.format(**values) if self.hint else None)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem or finding.

    Attributes:
        code: stable code, e.g. ``LAW-001`` (rules) or ``STR-002`` (structure); never reused.
        rule: kebab-case name, e.g. ``missing-lawful-basis``.
        severity: the effective severity after configuration.
        message: what is wrong, naming the concrete entity.
        location: where.
        hint: how to fix it.
        legal_refs: the provisions behind the finding.
        template: what message and hint were made from (for translation); not part of the value.
    """

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location = field(default_factory=Location)
    hint: str | None = None
    legal_refs: tuple[LegalRef, ...] = ()
    template: Template | None = field(default=None, compare=False, repr=False)

    @property
    def fingerprint(self) -> str:
        """A hash of code, file, pointer and entity: stable when lines shift."""
        loc = self.location
        raw = "\x1f".join((self.code, loc.file or "", loc.pointer, loc.entity or ""))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Sort by file, line, column, code, pointer."""
        loc = self.location
        return (loc.file or "", loc.line, loc.column, self.code, loc.pointer)

    def __str__(self) -> str:
        loc = self.location
        # A register built in memory has no files: its diagnostics say where by JSON Pointer alone.
        where = f"{loc.file}:{loc.line}:{loc.column}" if loc.file is not None else f"<register>{loc.pointer}"
        refs = f" [{', '.join(str(r) for r in self.legal_refs)}]" if self.legal_refs else ""
        return f"{where} {self.code} {self.severity.value} {self.message}{refs}"


@dataclass(frozen=True, slots=True)
class Report:
    """An immutable, sorted collection of diagnostics.

    It has no exit code: the failure threshold is the caller's policy (see ``ropa validate --fail-on``).
    """

    diagnostics: tuple[Diagnostic, ...] = ()
    files: tuple[str, ...] = ()

    @classmethod
    def build(cls, diagnostics: Iterable[Diagnostic], files: Iterable[str] = ()) -> Report:
        """A report with ``diagnostics`` sorted by file, line, column and code."""
        return cls(tuple(sorted(diagnostics, key=Diagnostic.sort_key)), tuple(files))

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    @property
    def counts(self) -> dict[str, int]:
        """Number of diagnostics per severity, always with all three keys."""
        out = {s.value: 0 for s in Severity}
        for d in self.diagnostics:
            out[d.severity.value] += 1
        return out

    @property
    def max_severity(self) -> Severity | None:
        """The highest severity present, or ``None`` for a clean report."""
        best: Severity | None = None
        for d in self.diagnostics:
            if best is None or d.severity.rank > best.rank:
                best = d.severity
                if best is Severity.ERROR:
                    break
        return best

    @property
    def has_errors(self) -> bool:
        """True when any diagnostic is an error."""
        return self.max_severity is Severity.ERROR

    def at_least(self, severity: Severity) -> tuple[Diagnostic, ...]:
        """The diagnostics at or above ``severity``."""
        return tuple(d for d in self.diagnostics if d.severity.rank >= severity.rank)

    def by_file(self) -> dict[str, list[Diagnostic]]:
        """Diagnostics grouped by file (``""`` for those without a file), in report order."""
        out: dict[str, list[Diagnostic]] = {}
        for d in self.diagnostics:
            out.setdefault(d.location.file or "", []).append(d)
        return out
