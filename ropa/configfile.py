"""Finding and reading the configuration file, without validating it (so without pydantic).

:func:`ropa.config.find_config` validates what this finds; a cached ``ropa validate`` only needs the file's
path and bytes for its cache key, and a repeat run with the same bytes was validated before.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

__all__ = ["config_file", "find_config_file"]


def find_config_file(start: str | os.PathLike[str]) -> Path | None:
    """The nearest ``ropa.toml``, or ``pyproject.toml`` with a ``[tool.ropa]`` table, from ``start`` up;
    ``None`` when there is none. A ``pyproject.toml`` that cannot be read as TOML is passed over."""
    try:
        here = Path(start).resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        here = Path(start).absolute()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "ropa.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "ropa" in data.get("tool", {}):
                return pyproject
    return None


config_file = find_config_file
"""The short name of :func:`find_config_file` inside ropa."""
