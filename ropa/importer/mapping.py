"""Mapping files: tell ``ropa import`` what columns ropa does not recognise mean.

TOML::

    sheet = "Verwerkingen"      # optional: the sheet to import
    header_row = 4              # optional: the 1-based row of the headings
    key = "Verwerking"          # optional: rows repeating this column's value are one activity

    [columns]
    "Wat doen we?" = "purposes"
    "Soort gegevens" = "data_categories"
    "Kleurcode" = "ignore"

YAML has the same keys (``columns:`` as a mapping). Headings are compared like the built-in synonyms
(case, accents, punctuation and parenthesised remarks do not matter). The fields are those of
:data:`ropa.importer.synonyms.FIELDS`.
"""

from __future__ import annotations

import difflib
import os
import stat
import tomllib
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ropa.errors import ConfigError
from ropa.importer.synonyms import FIELDS, normalise, normalise_full

__all__ = ["ColumnMapping", "load_mapping", "mapping_from_data"]

_MAX_MAPPING_BYTES = 1024 * 1024
_KEYS = ("columns", "sheet", "header_row", "key")


@dataclass(frozen=True)
class ColumnMapping:
    """Column headings mapped to import fields, plus an optional sheet and header row."""

    columns: dict[str, str] = field(default_factory=dict)
    """Heading as written in the spreadsheet → import field."""
    sheet: str | None = None
    """The sheet to import (by name)."""
    header_row: int | None = None
    """The 1-based row that holds the headings."""
    source: str | None = None
    """Where the mapping was read from, for messages."""
    key: str | None = None
    """The heading of the column that identifies an activity: rows repeating its value are one activity."""

    def normalised(self) -> dict[str, str]:
        """Normalised heading → field, for both ways of normalising a heading."""
        out: dict[str, str] = {}
        for heading, target in self.columns.items():
            for key in (normalise(heading), normalise_full(heading)):
                if key:
                    out.setdefault(key, target)
        return out


def mapping_from_data(data: Any, source: str = "<mapping>") -> ColumnMapping:
    """Validate plain data (from TOML, YAML or a dict) into a :class:`ColumnMapping`.

    A bare ``{heading: field}`` mapping without a ``columns`` key is accepted too.

    Raises:
        ConfigError: unknown keys, unknown fields, or values of the wrong type.
    """
    if not isinstance(data, MappingABC):
        raise ConfigError(
            f"{source}: a mapping file holds 'columns' (heading = field), not a {type(data).__name__}"
        )
    bare = all(isinstance(value, str) for value in data.values())
    if "columns" not in data and not (set(data) & {"sheet", "header_row", "key"}) and bare:
        data = {"columns": dict(data)}
    unknown = [str(k) for k in data if k not in _KEYS]
    if unknown:
        raise ConfigError(f"{source}: unknown key '{unknown[0]}'; known keys: {', '.join(_KEYS)}")
    columns = data.get("columns") or {}
    if not isinstance(columns, MappingABC):
        raise ConfigError(f"{source}: 'columns' must map column headings to fields")
    out: dict[str, str] = {}
    for heading, target in columns.items():
        if not isinstance(heading, str) or not isinstance(target, str):
            raise ConfigError(f"{source}: column '{heading}' must map to a field name (text)")
        if target not in FIELDS:
            close = difflib.get_close_matches(target, list(FIELDS), n=1)
            suggestion = f" Did you mean '{close[0]}'?" if close else ""
            raise ConfigError(
                f"{source}: column '{heading}' maps to unknown field '{target}'.{suggestion} "
                f"Fields: {', '.join(FIELDS)}"
            )
        out[heading] = target
    sheet = data.get("sheet")
    if sheet is not None and not isinstance(sheet, str):
        raise ConfigError(f"{source}: 'sheet' must be the name of a sheet")
    header_row = data.get("header_row")
    if header_row is not None and (
        isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 1
    ):
        raise ConfigError(f"{source}: 'header_row' must be a row number (1 or more)")
    key = data.get("key")
    if key is not None and not isinstance(key, str):
        raise ConfigError(f"{source}: 'key' must be a column heading")
    return ColumnMapping(out, sheet, header_row, source, key)


def load_mapping(path: str | os.PathLike[str]) -> ColumnMapping:
    """Read a mapping file: TOML (``.toml``) or YAML (``.yaml``/``.yml``).

    Raises:
        ConfigError: the file cannot be read or is not a valid mapping file.
    """
    file = Path(path)
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # a pipe would block, a device never end
            raise ConfigError(f"cannot read mapping file {file}: it is not a regular file")
        with file.open("rb") as handle:
            data = handle.read(_MAX_MAPPING_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read mapping file {file}: {exc.strerror or exc}") from exc
    if len(data) > _MAX_MAPPING_BYTES:
        raise ConfigError(
            f"{file}: a mapping file should be small; this one has more than {_MAX_MAPPING_BYTES:,} bytes"
        )
    if file.suffix.lower() == ".toml":
        try:
            parsed: Any = tomllib.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
    elif file.suffix.lower() in (".yaml", ".yml"):
        from ropa.loading import read_yaml

        parsed, problems = read_yaml(data)
        if problems:
            first = problems[0]
            raise ConfigError(f"{file}:{first.line}:{first.column}: {first.message}")
        if parsed is None:
            raise ConfigError(f"{file}: the mapping file is empty")
        if isinstance(parsed, dict) and isinstance(parsed.get("columns"), dict):
            parsed["columns"] = {str(k): v for k, v in parsed["columns"].items()}
    else:
        raise ConfigError(f"{file}: a mapping file is .toml, .yaml or .yml")
    return mapping_from_data(parsed, str(file))
