"""The verbs of the public API: load, validate, export. Nothing here prints or exits."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal, overload

from ropa.config import Config, find_config
from ropa.diagnostics import Report
from ropa.loading.loader import LoadResult, load, loads

if TYPE_CHECKING:
    from ropa.loading.cache import CachedReport
    from ropa.models import Register
    from ropa.rules._base import Rule

__all__ = ["cached_validation", "export_json", "export_xlsx", "load", "loads", "validate"]

Lang = Literal["en", "nl", "fr", "de"]


def _as_result(source: str | os.PathLike[str] | Register | LoadResult) -> LoadResult:
    if isinstance(source, LoadResult):
        return source
    if isinstance(source, str | os.PathLike):
        return load(source)
    return LoadResult(register=source)


def validate(
    source: str | os.PathLike[str] | Register | LoadResult,
    config: Config | None = None,
    *,
    today: dt.date | None = None,
    rules: tuple[Rule, ...] | None = None,
    lang: str = "en",
    cache: bool | str | os.PathLike[str] = False,
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
        cache: for a path (and the default rules), reuse the report of an earlier run when nothing it
            depends on has changed (see :mod:`ropa.loading.cache`): ``True`` for ``.ropa_cache/`` beside
            the configuration file (else in the current folder), or the cache folder to use.

    Returns:
        A :class:`~ropa.diagnostics.Report`, sorted by file, line and code.

    Raises:
        FileNotFoundError: the path does not exist.
        ConfigError: the configuration is invalid.
        ValueError: ``lang`` is not supported.
    """
    report = cached_validation(source, config, today=today, rules=rules, cache=cache).report
    if lang == "en":
        return report
    from ropa.i18n import translate_report

    return translate_report(report, lang)


def cached_validation(
    source: str | os.PathLike[str] | Register | LoadResult,
    config: Config | None = None,
    *,
    today: dt.date | None = None,
    rules: tuple[Rule, ...] | None = None,
    cache: bool | str | os.PathLike[str] = False,
    progress: Callable[[int, int], None] | None = None,
    cache_key: str | None = None,
) -> CachedReport:
    """What :func:`validate` does, with the codes of the rules that ran (for reporters that list them) and
    the failure threshold; ``progress`` is called with (files loaded, files in all) while the register
    loads; ``cache_key`` replaces the computed key (see :func:`ropa.loading.cache.raw_report_key`)."""
    from ropa.loading.cache import CachedReport, ReportCache, cache_folder, register_fingerprint, report_key
    from ropa.loading.loader import read_register

    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    store: ReportCache | None = None
    key = ""
    if cache is not False and rules is None and isinstance(source, str | os.PathLike):
        root = Path(source)
        if config is None:
            config = find_config(root)
        folder = cache_folder(config.source) if cache is True else Path(cache)
        store = ReportCache(folder)
        if cache_key is not None:
            key = cache_key
        elif root.exists():
            entries, errors = read_register(root)
            fingerprint = register_fingerprint([*entries, *((f"{n}/", None, e) for n, e in errors)])
            key = report_key(fingerprint, config, day)
        if key:
            hit = store.get(key)
            if hit is not None:
                return hit

    from ropa.loading.loader import gc_paused

    # The cyclic GC stays paused from loading to the sorted report: a register is millions of acyclic
    # objects freed by reference counting, and every collection in between (the first ones after a pause
    # walk every object allocated during it) would walk all of them again, about 0.65 s at 10,000
    # activities. The rules are imported inside the pause for the same reason.
    with gc_paused():
        from ropa.rules import ALL_RULES
        from ropa.rules.engine import profiles_for, run_rules, select_rules

        result = (
            load(source, progress=progress) if isinstance(source, str | os.PathLike) else _as_result(source)
        )
        if config is None:
            config = find_config(result.root) if result.root is not None else Config()
        catalogue = rules if rules is not None else ALL_RULES
        selected = select_rules(catalogue, config, profiles_for(config, result))
        findings = run_rules(result, selected, config, today=day, all_rules=catalogue)
        report = Report.build([*result.diagnostics, *findings], result.files)
    meta = result.register.meta
    language = meta.language if meta is not None else None
    checked = CachedReport(report, frozenset(r.code for r in selected), config.fail_on, language)
    if store is not None and key:
        store.put(key, checked)
    return checked


@overload
def export_json(register: Register | LoadResult, path: None = None) -> str: ...
@overload
def export_json(register: Register | LoadResult, path: str | os.PathLike[str]) -> Path: ...
def export_json(register: Register | LoadResult, path: str | os.PathLike[str] | None = None) -> str | Path:
    """The canonical JSON form of a register (valid against ``schemas/register.schema.json``).

    Args:
        register: the register, or a load result.
        path: where to write the JSON, atomically. It is streamed there one entity at a time, so the
            whole text is never held in memory.

    Returns:
        Without ``path``, the JSON text (UTF-8, in the model's field order, two-space indent, trailing
        newline); with ``path``, the path written.

    Raises:
        ExportError: the file could not be written.
    """
    from ropa.export.json import iter_register_json, register_to_json
    from ropa.export.write import write_atomic_with

    reg = register.register if isinstance(register, LoadResult) else register
    if path is None:
        return register_to_json(reg)

    def writer(handle: BinaryIO) -> None:
        pending: list[str] = []
        size = 0
        for piece in iter_register_json(reg):
            pending.append(piece)
            size += len(piece)
            if size >= 1 << 20:
                handle.write("".join(pending).encode("utf-8"))
                pending, size = [], 0
        handle.write("".join(pending).encode("utf-8"))

    return write_atomic_with(Path(path), writer)


def export_xlsx(
    register: Register | LoadResult,
    path: str | os.PathLike[str],
    *,
    lang: Lang = "en",
    report: Report | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the register as an Excel workbook that reads like Art. 30 (ropa's own streaming writer).

    Args:
        register: the register, or a load result.
        path: where to write; written atomically, the previous file survives a failure.
        lang: language of sheet names, headers and labels.
        report: findings to include in a Findings sheet.
        progress: called with (table rows written, table rows in all), e.g. to draw a progress bar.

    Returns:
        The path written.

    Raises:
        ExportError: the workbook could not be written.
    """
    from ropa.export.xlsx import write_workbook

    reg = register.register if isinstance(register, LoadResult) else register
    return write_workbook(reg, Path(path), lang=lang, report=report, progress=progress)
