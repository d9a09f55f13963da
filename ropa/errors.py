"""Exceptions raised by ropa.

Bad register content is never raised: it is reported as diagnostics. Exceptions are for callers who ask
for one, and for conditions under which ropa cannot run at all::

    RopaError
    ├── RegisterError      raised by LoadResult.raise_for_errors() / Report.raise_for_errors(); carries
    │   │                  the diagnostics
    │   └── ModelError     a model was built with bad values (Activity(id="no spaces")), also a ValueError;
    │                      the diagnostics are the loader's (STR-002..005), located in the given data
    ├── ConfigError        invalid configuration ([tool.ropa], ropa.toml, a bad option value)
    ├── ExportError        an export could not be written (the previous file is left untouched)
    └── RevisionError      a register could not be read at a git revision (no git, not a repository,
                           an unknown revision)

    ExportWarning (a UserWarning)  an export was written, but some content could not be represented
                                   exactly (control characters removed, over-long text cut)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ropa.diagnostics import Diagnostic

if TYPE_CHECKING:
    from pydantic import ValidationError

__all__ = [
    "ConfigError",
    "ExportError",
    "ExportWarning",
    "ModelError",
    "RegisterError",
    "RevisionError",
    "RopaError",
]


class RopaError(Exception):
    """Base class of every exception ropa raises on purpose."""


class RegisterError(RopaError):
    """A register has errors; ``diagnostics`` holds all of them (errors first)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        first = str(self.diagnostics[0]) if self.diagnostics else "no diagnostics"
        more = len(self.diagnostics) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))


class ModelError(RegisterError, ValueError):
    """A model was built with values it does not allow: ``diagnostics`` says which, as the loader would.

    Raised by the models' constructors and ``model_copy(update=...)`` instead of pydantic's
    ``ValidationError`` (which is its ``__cause__``). Each diagnostic has the code the loader gives the same
    value in a file (``STR-002`` unknown field, ``STR-003`` wrong type, ``STR-004`` missing field,
    ``STR-005`` value not allowed), no file, and a JSON Pointer into the data given to the constructor
    (``/purposes/0/lawful_basis``). It is a ``ValueError`` too, as pydantic's error is.
    """

    @classmethod
    def from_validation_error(
        cls, error: ValidationError, model: type[Any], data: Mapping[str, Any]
    ) -> ModelError:
        """The error for pydantic's ``error`` raised while validating ``data`` as ``model``."""
        from ropa.loading.data import structural_diagnostics

        return cls(structural_diagnostics(error, model, dict(data)))


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
