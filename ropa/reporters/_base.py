"""What every reporter shares: the render options, display paths, the code catalogue and the summary line.

Reporters are pure functions from a :class:`~ropa.diagnostics.Report` to text: they never print, never
exit and never read the environment. The CLI decides colour, verbosity and paths and passes them in a
:class:`RenderOptions`.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ropa._version import __version__
from ropa.diagnostics import Diagnostic, LegalRef, Report, Severity

if TYPE_CHECKING:
    from ropa.rules import Rule

__all__ = [
    "DOCS_BASE",
    "HOMEPAGE",
    "NON_RULE_ANCHOR",
    "CodeInfo",
    "CodeKind",
    "RenderOptions",
    "catalogue",
    "clean",
    "code_info",
    "docs_url",
    "escape_control",
    "plural",
    "register_paths",
    "summary_line",
    "ui",
]

HOMEPAGE = "https://github.com/ropa-register/ropa"
"""The project's home page (SARIF ``informationUri``)."""
DOCS_BASE = f"{HOMEPAGE}/blob/main/docs"
"""Where the documentation lives online; rule pages are ``{DOCS_BASE}/rules/<CODE>.md``."""
NON_RULE_ANCHOR = "codes-that-are-not-rules"
"""The heading in ``docs/cli.md`` that documents the structural (SYN/STR/IO) and suppression (SUP) codes."""

CodeKind = Literal["rule", "structural", "suppression"]


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One diagnostic code with its metadata: a rule of the catalogue, a structural code or a SUP code.

    Attributes:
        code: ``LAW-001``, ``STR-002``, ``SUP-001``.
        name: the kebab-case name.
        summary: one line.
        severity: the default severity.
        kind: ``rule``, ``structural`` (from loading; cannot be suppressed) or ``suppression`` (SUP).
        legal_refs: the provisions behind a rule (empty for the other kinds).
        profile: the profile a rule belongs to (``eu``, ``nl``).
        doc: the documentation: a rule's docstring, or a short generated text for the other kinds.
    """

    code: str
    name: str
    summary: str
    severity: Severity
    kind: CodeKind
    legal_refs: tuple[LegalRef, ...] = ()
    profile: str = "eu"
    doc: str = ""

    @property
    def family(self) -> str:
        """The code's prefix, e.g. ``LAW`` or ``STR``."""
        return self.code.split("-", 1)[0]


def _structural_doc(code: str, name: str, summary: str) -> str:
    return (
        f"{code} {name}: {summary}\n\n"
        "A structural diagnostic: it comes from loading the register files (YAML syntax, the shape of the "
        "documents, field names, types and values), before any rule runs. Structural diagnostics cannot be "
        "suppressed; fix the file. The entity that failed to load is left out of the register, so the "
        "rules do not report it a second time.\n\n"
        "The message names the file, the line and column, and what was expected; the hint says how to fix "
        "it. 'ropa validate -v' prints the hints.\n"
    )


def _suppression_doc(code: str, name: str, summary: str) -> str:
    return (
        f"{code} {name}: {summary}\n\n"
        "A diagnostic about the register's own suppressions (the 'suppress:' entries that waive a rule for "
        "one entity, with a justification and an optional 'until' date). It is a warning by default and is "
        "itself not a rule: it cannot be suppressed or ignored.\n\n"
        "- SUP-001: the suppression matches no finding any more; remove it.\n"
        "- SUP-002: the 'until' date has passed; the finding is reported again. Fix it or renew the "
        "suppression.\n"
        "- SUP-003: the suppression names a rule that does not exist; 'ropa rules' lists the codes.\n"
    )


def catalogue(rules: Iterable[Rule] | None = None) -> tuple[CodeInfo, ...]:
    """Every code ropa can report: the rules (default :data:`ropa.rules.ALL_RULES`), then the structural
    codes (``SYN``, ``STR``, ``IO``), then the suppression codes (``SUP``)."""
    from ropa.loading.codes import STRUCTURAL
    from ropa.rules.engine import META_CODES

    if rules is None:
        from ropa.rules import ALL_RULES

        rules = ALL_RULES
    out = [
        CodeInfo(
            code=r.code,
            name=r.name,
            summary=r.summary,
            severity=r.severity,
            kind="rule",
            legal_refs=r.legal_refs,
            profile=r.profile,
            doc=r.doc,
        )
        for r in rules
    ]
    out += [
        CodeInfo(
            code=code,
            name=spec.name,
            summary=spec.summary,
            severity=spec.severity,
            kind="structural",
            doc=_structural_doc(code, spec.name, spec.summary),
        )
        for code, spec in STRUCTURAL.items()
    ]
    out += [
        CodeInfo(
            code=code,
            name=name,
            summary=summary,
            severity=Severity.WARNING,
            kind="suppression",
            doc=_suppression_doc(code, name, summary),
        )
        for code, (name, summary) in META_CODES.items()
    ]
    return tuple(out)


def code_info(diagnostic: Diagnostic) -> CodeInfo:
    """Metadata for a code that is in no catalogue (a rule passed in by a caller, a future code)."""
    return CodeInfo(
        code=diagnostic.code,
        name=diagnostic.rule,
        summary=diagnostic.message,
        severity=diagnostic.severity,
        kind="rule",
        legal_refs=diagnostic.legal_refs,
    )


def docs_url(info: CodeInfo) -> str:
    """The documentation page of a code: ``docs/rules/<CODE>.md`` for rules, the CLI docs otherwise."""
    if info.kind == "rule":
        return f"{DOCS_BASE}/rules/{info.code}.md"
    return f"{DOCS_BASE}/cli.md#{NON_RULE_ANCHOR}"


@dataclass(frozen=True, kw_only=True)
class RenderOptions:
    """What a reporter needs besides the report. The CLI builds it; library callers may use the defaults.

    Attributes:
        root: the register as given (a POSIX path, relative to the working directory when it lies
            inside it); shown for diagnostics that have no file, and as ``root`` in the JSON output.
        base: the folder that diagnostic file names are relative to, as a POSIX prefix (``""``: use the
            file names as they are).
        rules: the rule catalogue (default :data:`ropa.rules.ALL_RULES`); SARIF describes every one.
        selected: codes of the rules that ran (default: all of ``rules``); JUnit reports a passing test
            case for each of them without findings.
        verbosity: ``1 + count(-v) - count(-q)``; only the text reporter reads it.
        color: ANSI colours in the text reporter.
        lang: the language of the words the text reporter adds (``hint:``, the summary line) and of its
            legal references; the messages themselves are translated in the report
            (:func:`ropa.i18n.translate_report`).
        tool_version: the version written into machine formats.
        fail_on: the lowest severity that fails the check, or ``never`` (``None``: every finding
            does); only the JUnit reporter reads it, together with ``junit_below``.
        junit_below: how JUnit reports a rule × entity whose findings all lie below ``fail_on``:
            ``failure`` (as every other finding), ``skipped`` or ``passed`` (the findings in
            ``<system-out>``), so that a check that exits 0 shows no failures.
    """

    root: str | None = None
    base: str = ""
    rules: Sequence[Rule] | None = None
    selected: frozenset[str] | None = None
    verbosity: int = 1
    color: bool = False
    lang: str = "en"
    tool_version: str = __version__
    fail_on: Literal["error", "warning", "info", "never"] | None = None
    junit_below: Literal["failure", "skipped", "passed"] = "failure"
    _catalogue: dict[str, CodeInfo] = field(default_factory=dict, init=False, repr=False, compare=False)

    def codes(self) -> dict[str, CodeInfo]:
        """Every known code (rules, structural, SUP) by code, computed once."""
        if not self._catalogue:
            self._catalogue.update((c.code, c) for c in catalogue(self.rules))
        return self._catalogue

    def fails(self, severity: Severity) -> bool:
        """Whether a finding of ``severity`` fails the check under ``fail_on``."""
        if self.fail_on is None:
            return True
        return self.fail_on != "never" and severity.rank >= Severity(self.fail_on).rank

    def info(self, diagnostic: Diagnostic) -> CodeInfo:
        """The metadata of a diagnostic's code (a synthesised entry when the code is unknown)."""
        return self.codes().get(diagnostic.code) or code_info(diagnostic)

    def path(self, file: str | None) -> str | None:
        """The display path of a diagnostic's file: ``base`` joined with ``file``, normalised."""
        if file is None:
            return None
        if not self.base:
            return posixpath.normpath(file)
        return posixpath.normpath(posixpath.join(self.base, file))

    def where(self, diagnostic: Diagnostic) -> str:
        """The display path of a diagnostic, or the register root (or ``<register>``) when it has no file."""
        return self.path(diagnostic.location.file) or self.root or "<register>"

    def ran(self) -> frozenset[str]:
        """The codes of the rules that ran."""
        if self.selected is not None:
            return self.selected
        return frozenset(c.code for c in self.codes().values() if c.kind == "rule")


def register_paths(
    path: str | os.PathLike[str], cwd: str | os.PathLike[str] | None = None
) -> tuple[str, str]:
    """``(root, base)`` for :class:`RenderOptions` from the register path given on the command line.

    ``root`` is the path itself and ``base`` the folder its diagnostics' file names are relative to (the
    path, or its parent for a single file). Paths inside ``cwd`` (default: the working directory) become
    relative POSIX paths (``base`` is ``""`` for the working directory itself); others stay absolute.
    """
    target = Path(path)
    here = Path(cwd) if cwd is not None else Path.cwd()
    folder = target if target.is_dir() else target.parent
    base = _display(folder, here)
    return _display(target, here), "" if base == "." else base


def _display(path: Path, cwd: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path(os.path.abspath(cwd))).as_posix()
    except ValueError:
        return absolute.as_posix()


def plural(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


UI: dict[str, str] = {
    "ui.count.error.one": "{n} error",
    "ui.count.error.other": "{n} errors",
    "ui.count.warning.one": "{n} warning",
    "ui.count.warning.other": "{n} warnings",
    "ui.count.info.one": "{n} info",
    "ui.count.info.other": "{n} infos",
    "ui.count.file.one": "{n} file",
    "ui.count.file.other": "{n} files",
    "ui.summary": "{errors}, {warnings}, {infos} in {files}",
    "ui.summary.clean": "no findings in {files}",
    "ui.hint": "hint: {hint}",
    "ui.docs": "docs: {url}",
}
"""The English templates of the words reporters add around the diagnostics; ``ropa/locales`` translates
them under the same keys."""


def ui(key: str, lang: str = "en", /, **values: object) -> str:
    """The reporter text ``key`` of :data:`UI` in ``lang``."""
    if lang == "en":
        return UI[key].format(**values)
    from ropa.i18n import message

    return message(key, UI[key], lang, **values)


def _count(noun: str, number: int, lang: str) -> str:
    if lang == "en":
        category = "one" if number == 1 else "other"
    else:
        from ropa.i18n import plural_category

        category = plural_category(number, lang)
    return ui(f"ui.count.{noun}.{category}", lang, n=number)


def summary_line(report: Report, lang: str = "en") -> str:
    """``3 errors, 5 warnings, 2 infos in 7 files``, or ``no findings in 7 files`` (in ``lang``)."""
    counts = report.counts
    files = _count("file", len(report.files), lang)
    if not report.diagnostics:
        return ui("ui.summary.clean", lang, files=files)
    errors, warnings, infos = (
        _count(s.value, counts[s.value], lang) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    return ui("ui.summary", lang, errors=errors, warnings=warnings, infos=infos, files=files)


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))}


def escape_control(text: str) -> str:
    """``text`` with control characters (ANSI escapes, newlines, NUL) shown as ``\\xNN``.

    Messages quote register content; printing it raw would let a register file drive the terminal. Use it
    on every message, hint or file name written to a terminal.
    """
    return text.translate(_CONTROL)


clean = escape_control
"""The reporters' short name for :func:`escape_control`."""
