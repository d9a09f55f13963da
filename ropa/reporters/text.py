"""The ``text`` format: for people, in a terminal or a CI log. Not a parsing contract.

One line per diagnostic, grouped by file (a blank line between files)::

    registers/acme/activities.yaml:14:5 LAW-001 error activity newsletter: purpose ... [Art. 6(1) GDPR]
        hint: Add 'lawful_basis:' ...
        docs: https://github.com/ropa-register/ropa/blob/main/docs/rules/LAW-001.md

    1 error, 0 warnings, 0 infos in 3 files

Verbosity: ``<= -1`` nothing; ``0`` the diagnostics only; ``1`` (default) plus the summary line; ``>= 2``
plus a hint and a documentation link under each diagnostic.
"""

from __future__ import annotations

from ropa.diagnostics import Diagnostic, LegalRef, Report, Severity
from ropa.reporters._base import RenderOptions, clean, docs_url, summary_line, ui

__all__ = ["render"]

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_SEVERITY_COLOUR = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def _ref(ref: LegalRef, lang: str) -> str:
    """``Art. 30(1)(f) GDPR``; in Dutch ``Art. 30(1)(f) AVG``, in German ``Art. 30 Abs. 1 lit. f DSGVO``."""
    if lang == "en":
        return str(ref)
    from ropa.i18n import legal_ref, normalise_lang

    return legal_ref(ref, normalise_lang(lang) or "en")


def _line(diagnostic: Diagnostic, options: RenderOptions) -> str:
    color = options.color
    loc = diagnostic.location
    where = options.where(diagnostic)
    if loc.span is not None:
        where = f"{where}:{loc.line}:{loc.column}"
    severity = diagnostic.severity
    parts = [
        _paint(clean(where), _BOLD, color),
        _paint(diagnostic.code, _BOLD + _SEVERITY_COLOUR[severity], color),
        _paint(severity.value, _SEVERITY_COLOUR[severity], color),
        clean(diagnostic.message),
    ]
    if diagnostic.legal_refs:
        refs = ", ".join(_ref(r, options.lang) for r in diagnostic.legal_refs)
        parts.append(_paint(f"[{refs}]", _DIM, color))
    return " ".join(parts)


def render(report: Report, options: RenderOptions) -> str:
    """The report as human-readable text (empty at verbosity ``-1`` and below)."""
    if options.verbosity < 0:
        return ""
    lines: list[str] = []
    for index, (_, diagnostics) in enumerate(report.by_file().items()):
        if index:
            lines.append("")
        for diagnostic in diagnostics:
            lines.append(_line(diagnostic, options))
            if options.verbosity >= 2:
                if diagnostic.hint:
                    hint = ui("ui.hint", options.lang, hint=clean(diagnostic.hint))
                    lines.append(_paint(f"    {hint}", _DIM, options.color))
                docs = ui("ui.docs", options.lang, url=docs_url(options.info(diagnostic)))
                lines.append(_paint(f"    {docs}", _DIM, options.color))
    if options.verbosity >= 1:
        if lines:
            lines.append("")
        worst = report.max_severity
        style = _BOLD + (_SEVERITY_COLOUR[worst] if worst else "\x1b[32m")
        lines.append(_paint(summary_line(report, options.lang), style, options.color))
    return "".join(f"{line}\n" for line in lines)
