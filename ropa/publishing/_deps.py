"""Optional dependencies of the publishing verbs, with a clear message when one is missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from ropa.errors import ExportError

__all__ = ["MissingDependencyError", "require"]

EXTRA = "publish"


class MissingDependencyError(ExportError, ImportError):
    """A package of the ``publish`` extra is not installed; the message says how to install it."""


def require(module: str, package: str, purpose: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingDependencyError` naming ``package`` and the extra."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"{purpose} needs the Python package '{package}': pip install 'ropa-register[{EXTRA}]'"
        ) from exc
