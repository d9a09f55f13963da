"""Exceptions raised by ropa.

Bad register content is never raised: it is reported as diagnostics. Exceptions are for callers who ask
for one, and for conditions under which ropa cannot run at all::

    RopaError
    ├── RegisterError      raised by LoadResult.raise_for_errors() / Report.raise_for_errors(); carries
    │                      the diagnostics
    ├── ConfigError        invalid configuration ([tool.ropa], ropa.toml, a bad option value)
    ├── ExportError        an export could not be written (the previous file is left untouched)
    └── RevisionError      a register could not be read at a git revision (no git, not a repository,
                           an unknown revision)

    ExportWarning (a UserWarning)  an export was written, but some content could not be represented
                                   exactly (control characters removed, over-long text cut)
"""

from __future__ import annotations

from collections.abc import Sequence

from ropa.diagnostics import Diagnostic

__all__ = ["ConfigError", "ExportError", "ExportWarning", "RegisterError", "RevisionError", "RopaError"]


class RopaError(Exception):
    """Base class of every exception ropa raises on purpose."""


class RegisterError(RopaError):
    """A register has errors; ``diagnostics`` holds all of them (errors first)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        first = str(self.diagnostics[0]) if self.diagnostics else "no diagnostics"
        more = len(self.diagnostics) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))


class ConfigError(RopaError):
    """The configuration is invalid; the message says where and how to fix it."""


class ExportError(RopaError):
    """An export could not be written."""


class RevisionError(RopaError):
    """A register could not be read at a git revision: git is missing, the path is not inside a git
    repository, or the revision is unknown. The message says which."""


class ExportWarning(UserWarning):
    """An export was written, but some content could not be represented exactly (control characters
    removed, over-long text cut, rows left out). The full register is always in the JSON export."""
