"""Configuration: ``[tool.ropa]`` in ``pyproject.toml`` or a ``ropa.toml``, found by walking up.

Keys (dashes or underscores)::

    [tool.ropa]                      # or, in ropa.toml, at the top level
    select = ["ALL"]                 # codes (LAW-001), prefixes (LAW), names (missing-lawful-basis)
    ignore = ["GOV-003"]
    profile = ["eu", "nl"]           # default: eu, plus nl when the organisation is Dutch
    fail-on = "error"                # error | warning | info | never
    [tool.ropa.severity]
    RET-001 = "error"
    [tool.ropa.options]
    dpf-max-age-months = 12

    [tool.ropa.due]                  # ropa due
    within = "30d"
    fail-on = "overdue"              # overdue | due | never
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ropa.configfile import find_config_file
from ropa.diagnostics import Severity
from ropa.errors import ConfigError

__all__ = [
    "Config",
    "DueConfig",
    "FailOn",
    "RuleOptionsConfig",
    "default_config",
    "find_config",
    "load_config",
]

FailOn = Literal["error", "warning", "info", "never"]


def _dash(name: str) -> str:
    return name.replace("_", "-")


class RuleOptionsConfig(BaseModel):
    """Options read by individual rules."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=_dash, validate_by_name=True, frozen=True, defer_build=True
    )

    dpf_max_age_months: int = Field(default=12, ge=1)
    """TRF-005: months after which a DPF check is stale."""
    data_max_age_months: int | None = Field(default=None, ge=1)
    """TRF-011: override of the legal data files' shelf life."""
    strict: bool = False
    """Raise "where possible" warnings (RET-001, SEC-001) to errors."""
    dsr_default_days: int = Field(default=28, ge=1)
    """RGT-001: longest response promise in days that always fits in one calendar month."""


class DueConfig(BaseModel):
    """Defaults of ``ropa due``: ``[tool.ropa.due]``."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=_dash, validate_by_name=True, frozen=True, defer_build=True
    )

    within: str = Field(default="30d", pattern=r"^(?:\d+\s*[dwmyDWMY]?|[Pp](?:\d+[YMWDymwd])+)$")
    """How far ahead to look: days (``30`` or ``30d``), ``6w``, ``3m``, ``1y`` or an ISO 8601 duration."""
    fail_on: Literal["overdue", "due", "never"] = "overdue"
    """Exit 1 when something is overdue (default), also when something falls due, or never."""


class Config(BaseModel):
    """Rule selection, severities, profiles and the failure threshold."""

    model_config = ConfigDict(
        extra="forbid", alias_generator=_dash, validate_by_name=True, frozen=True, defer_build=True
    )

    select: list[str] | None = None
    """Rules to run: codes, prefixes, names or ``ALL``. Default: every rule of the active profiles."""
    ignore: list[str] = Field(default_factory=list)
    """Rules not to run: codes, prefixes or names."""
    severity: dict[str, Severity] = Field(default_factory=dict)
    """Severity per code, prefix or name."""
    profile: list[str] | None = None
    """Profiles: ``eu`` always; ``nl`` adds the Dutch rules. Default: from the organisation's country."""
    fail_on: FailOn = "error"
    """Lowest severity that makes ``ropa validate`` exit 1."""
    options: RuleOptionsConfig = Field(default_factory=RuleOptionsConfig)
    """Options of individual rules."""
    due: DueConfig = Field(default_factory=DueConfig)
    """Defaults of ``ropa due``."""
    source: str | None = Field(default=None, exclude=True)
    """The file the configuration was read from."""

    def with_overrides(self, overrides: Mapping[str, Any]) -> Config:
        """This configuration with the values in ``overrides`` (by key, dashes or underscores) replacing its
        own, validated as a whole, as ``ropa validate``'s options replace the file's.

        Raises:
            ConfigError: a key or value is invalid.
        """
        data = {
            **self.model_dump(exclude={"source"}),
            **{k.replace("-", "_"): v for k, v in overrides.items()},
        }
        return _config_from(data, self.source or "the configuration overrides").model_copy(
            update={"source": self.source}
        )


def load_config(path: str | Path) -> Config:
    """Read a configuration file (``ropa.toml`` or ``pyproject.toml``).

    Raises:
        ConfigError: the file is not valid TOML or holds unknown keys or values.
    """
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read configuration: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: invalid TOML: {exc}") from exc
    table: Any = data
    if file.name == "pyproject.toml":
        table = data.get("tool", {}).get("ropa", {})
    return _config_from(table, str(file))


def default_config(source: str | None = None) -> Config:
    """The default configuration, the same as ``Config()`` (every field, ``model_fields_set``), made without
    validating: the first validation builds pydantic's validators of the configuration models, about 25 ms
    of a cold ``ropa validate`` of a register with no configuration or an empty one."""
    config = Config.model_construct(
        set(),
        options=RuleOptionsConfig.model_construct(set()),
        due=DueConfig.model_construct(set()),
    )
    return config if source is None else config.model_copy(update={"source": source})


def _config_from(table: Any, source: str) -> Config:
    if table == {}:  # nothing to validate: the defaults
        return default_config(source)
    if isinstance(table, dict) and isinstance(table.get("profile"), str):
        table = {**table, "profile": [table["profile"]]}
    try:
        config = Config.model_validate(table)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"{source}: invalid configuration: {problems}") from exc
    return config.model_copy(update={"source": source})


def find_config(start: str | Path) -> Config:
    """The nearest ``ropa.toml``, or ``pyproject.toml`` with a ``[tool.ropa]`` table, from ``start`` up.

    Returns the default configuration when there is none.
    """
    found = find_config_file(start)
    return load_config(found) if found is not None else default_config()
