"""The verbs of the public API: load, validate, export. Nothing here prints or exits."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ropa.config import Config, find_config
from ropa.diagnostics import Report
from ropa.loading.loader import LoadResult, load, loads
from ropa.models import Register

if TYPE_CHECKING:
    from ropa.changes import Diff, Snapshot
    from ropa.deadlines import DueItem
    from ropa.rules._base import Rule

__all__ = ["diff", "due", "export_json", "export_xlsx", "load", "loads", "validate"]

Lang = Literal["en", "nl", "fr", "de"]


def _as_result(source: str | os.PathLike[str] | Register | LoadResult) -> LoadResult:
    if isinstance(source, LoadResult):
        return source
    if isinstance(source, Register):
        return LoadResult(register=source)
    return load(source)


def validate(
    source: str | os.PathLike[str] | Register | LoadResult,
    config: Config | None = None,
    *,
    today: dt.date | None = None,
    rules: tuple[Rule, ...] | None = None,
    lang: str = "en",
) -> Report:
    """Load (if needed) and check a register: structural diagnostics plus every selected rule.

    Args:
        source: a register folder or file, a :class:`~ropa.models.Register`, or a :class:`LoadResult`.
        config: rule selection and severities; by default the nearest ``ropa.toml`` / ``[tool.ropa]``
            above a path, else the defaults.
        today: the date that date-dependent rules use (default: the real date).
        rules: the rules to choose from (default: :data:`ropa.rules.ALL_RULES`).
        lang: the language of messages and hints: ``en`` (default), ``nl``, ``fr`` or ``de``. Codes,
            locations and fingerprints do not depend on it; :func:`ropa.i18n.translate_report` translates
            a report later.

    Returns:
        A :class:`~ropa.diagnostics.Report`, sorted by file, line and code.

    Raises:
        FileNotFoundError: the path does not exist.
        ConfigError: the configuration is invalid.
        ValueError: ``lang`` is not supported.
    """
    from ropa.rules import ALL_RULES
    from ropa.rules.engine import profiles_for, run_rules, select_rules

    result = _as_result(source)
    if config is None:
        config = find_config(result.root) if result.root is not None else Config()
    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    catalogue = rules if rules is not None else ALL_RULES
    selected = select_rules(catalogue, config, profiles_for(config, result))
    findings = run_rules(result, selected, config, today=day, all_rules=catalogue)
    report = Report.build([*result.diagnostics, *findings], result.files)
    if lang == "en":
        return report
    from ropa.i18n import translate_report

    return translate_report(report, lang)


def export_json(register: Register | LoadResult, path: str | os.PathLike[str] | None = None) -> str:
    """The canonical JSON form of a register (valid against ``schemas/register.schema.json``).

    Args:
        register: the register, or a load result.
        path: when given, the JSON is also written there atomically.

    Returns:
        The JSON text (UTF-8, sorted by the model's field order, two-space indent, trailing newline).
    """
    from ropa.export.json import register_to_json
    from ropa.export.write import write_atomic

    reg = register.register if isinstance(register, LoadResult) else register
    text = register_to_json(reg)
    if path is not None:
        write_atomic(Path(path), text.encode("utf-8"))
    return text


def export_xlsx(
    register: Register | LoadResult,
    path: str | os.PathLike[str],
    *,
    lang: Lang = "en",
    report: Report | None = None,
    changes: Diff | None = None,
) -> Path:
    """Write the register as an Excel workbook that reads like Art. 30 (openpyxl is imported only here).

    Args:
        register: the register, or a load result.
        path: where to write; written atomically, the previous file survives a failure.
        lang: language of sheet names, headers and labels.
        report: findings to include in a Findings sheet.
        changes: a :func:`ropa.diff` of an earlier version against this register, for a Changes sheet
            (what changed, what it means in law, findings introduced and resolved).

    Returns:
        The path written.

    Raises:
        ExportError: the workbook could not be written.
    """
    from ropa.export.xlsx import write_workbook

    reg = register.register if isinstance(register, LoadResult) else register
    return write_workbook(reg, Path(path), lang=lang, report=report, changes=changes)


def diff(
    old: str | os.PathLike[str] | Register | LoadResult | Snapshot,
    new: str | os.PathLike[str] | Register | LoadResult | Snapshot,
    config: Config | None = None,
    *,
    today: dt.date | None = None,
    findings: bool = True,
    lang: str = "en",
) -> Diff:
    """Compare two versions of a register: what changed, what it means in law, which findings came or went.

    Entities are matched by kind and id: an entity that only moved to another file is unchanged, a new
    name under the same id is a rename. Every field is compared, also fields added to the models later; a
    change that the table of change codes knows (``docs/changes/``) gets its code, the provisions and what
    to do.

    Args:
        old: the old version: a register folder or file, a :class:`~ropa.models.Register`, a
            :class:`LoadResult`, or a :class:`~ropa.changes.Snapshot` (:func:`ropa.load_revision` reads one
            at a git revision).
        new: the new version, in the same forms.
        config: the configuration both versions are validated with (default: the nearest ``ropa.toml`` /
            ``[tool.ropa]`` above the new version's path, else the defaults).
        today: the date for date-dependent rules, the same for both versions (default: today).
        findings: False to skip validating the versions: no findings introduced or resolved, and no change
            codes that depend on findings.
        lang: the language of the findings' messages and hints (``en``, ``nl``, ``fr``, ``de``); the
            change codes are in English.

    Returns:
        A :class:`~ropa.changes.Diff`; ``diff(x, x)`` is empty.

    Raises:
        FileNotFoundError: a path that does not exist.
        ConfigError: the configuration is invalid.
    """
    from ropa.changes import compare, snapshot_of

    base, head = snapshot_of(old), snapshot_of(new)
    if findings and config is None:
        where = head.path or base.path
        config = find_config(where) if where is not None else Config()
    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    return compare(base, head, config if findings else None, today=day, lang=lang)


def due(
    source: str | os.PathLike[str] | Register | LoadResult,
    *,
    within: str | int = "30d",
    today: dt.date | None = None,
    config: Config | None = None,
) -> list[DueItem]:
    """What falls due: every date of the register that has passed, or falls within ``within`` of today.

    The dates are the register's review, activity reviews, DPIA reviews, processing-agreement reviews, DPF
    certification checks (``dpf-max-age-months`` after the last check), transfer-impact-assessment reviews,
    the end of the shelf life of ropa's legal data files, the expiry of suppressions, and the end dates of
    activities.

    Args:
        source: a register folder or file, a :class:`~ropa.models.Register`, or a :class:`LoadResult`.
        within: how far ahead to look: days (``30``), ``30d``, ``6w``, ``3m``, ``1y`` or an ISO 8601
            duration (``P3M``); ``0`` lists only what is due today or overdue.
        today: the date to count from (default: today).
        config: the DPF check interval and the data files' shelf life come from its options (default: the
            nearest ``ropa.toml`` / ``[tool.ropa]``).

    Returns:
        :class:`~ropa.deadlines.DueItem` s, overdue first, then by date.

    Raises:
        ValueError: ``within`` is not a period.
        FileNotFoundError: a path that does not exist.
        ConfigError: the configuration is invalid.
    """
    from ropa.deadlines import due_items

    result = _as_result(source)
    if config is None:
        config = find_config(result.root) if result.root is not None else Config()
    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    return due_items(result, config, within=within, today=day)
