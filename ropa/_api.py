"""The verbs of the public API: load, validate, export. Nothing here prints or exits."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal, overload

from ropa.config import Config, find_config
from ropa.diagnostics import Report
from ropa.loading.loader import LoadResult, load, loads

if TYPE_CHECKING:
    from ropa.diagnostics import Diagnostic
    from ropa.loading.cache import CachedReport
    from ropa.loading.incremental import FileStore, ScannedFile
    from ropa.models import Register, RopaModel
    from ropa.rules._base import Rule

    Scanned = tuple[list[ScannedFile], list[tuple[str, str]]]

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
    scanned: Scanned | None = None,
) -> CachedReport:
    """What :func:`validate` does, with the codes of the rules that ran (for reporters that list them) and
    the failure threshold; ``progress`` is called with (files loaded, files in all) while the register
    loads; ``cache_key`` replaces the computed key (see :func:`ropa.loading.cache.raw_report_key`), and
    ``scanned`` the scan of the register's files (:func:`ropa.loading.incremental.scan`) made for it.

    With ``cache`` (a path and the default rules), an unchanged register's report comes from the report
    cache; otherwise only what changed is done again (:mod:`ropa.loading.incremental`): unchanged files
    are not parsed again and the activity-local rules run only on the activities of changed files.
    """
    from ropa.loading.cache import ReportCache, cache_folder, report_key

    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    if cache is not False and rules is None and isinstance(source, str | os.PathLike):
        from ropa.loading.incremental import FileStore, fingerprint, scan

        root = Path(source)
        if not root.exists():
            raise FileNotFoundError(f"no such file or folder: {root}")
        if config is None:
            config = find_config(root)
        folder = cache_folder(config.source) if cache is True else Path(cache)
        with FileStore(folder) as files:
            if scanned is None:
                scanned = scan(root, files if files.active else None)
            key = cache_key or report_key(fingerprint(*scanned), config, day)
            reports = ReportCache(folder)
            hit = reports.get(key)
            if hit is not None:
                return hit
            checked = _validate_scanned(root, scanned, config, day, files if files.active else None, progress)
        reports.put(key, checked)
        return checked

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
    return _checked(result, report, selected, config)


def _checked(result: LoadResult, report: Report, selected: Iterable[Rule], config: Config) -> CachedReport:
    from ropa.loading.cache import CachedReport

    meta = result.register.meta
    language = meta.language if meta is not None else None
    return CachedReport(report, frozenset(r.code for r in selected), config.fail_on, language)


def _validate_scanned(
    root: Path,
    scanned: Scanned,
    config: Config,
    day: dt.date,
    store: FileStore | None,
    progress: Callable[[int, int], None] | None,
) -> CachedReport:
    """Validate the scanned register, taking from ``store`` the parse of unchanged files and the findings
    of the activity-local rules on unchanged files of activities, and keeping what is made now."""
    from ropa.loading import incremental
    from ropa.loading.loader import gc_paused, load_files

    files, folder_errors = scanned
    with gc_paused():
        from ropa.rules import ALL_RULES
        from ropa.rules.engine import LocalFindings, profiles_for, run_rules, select_rules

        parser = incremental.Parser(files, store)
        result = load_files(root, [(f.name, f.error) for f in files], folder_errors, parser, progress)
        parser.save()
        digests = {f.name: f.digest for f in files if f.digest is not None}
        memory = incremental.PositionMemory(store, digests) if store is not None else None
        result.sources.memory = memory
        selected = select_rules(ALL_RULES, config, profiles_for(config, result))
        local = None
        fresh: dict[str, tuple[list[Diagnostic], list[tuple[str, int]]]] = {}
        finding_keys: dict[str, str] = {}
        if store is not None and not result.unloaded:
            context = incremental.context_key(_context_parts(result, config, day, selected))
            finding_keys = {
                name: incremental.findings_key(context, name, digests[name])
                for name in _activity_files(result)
                if name in digests
            }
            known = incremental.known_findings(store, finding_keys)
            local = LocalFindings(frozenset(finding_keys), known)
        findings = run_rules(
            result, selected, config, today=day, all_rules=ALL_RULES, local=local, fresh=fresh
        )
        if memory is not None:
            memory.save()
        if store is not None:
            store.put_findings(
                (finding_keys[name], incremental.findings_to_plain(diagnostics, used))
                for name, (diagnostics, used) in fresh.items()
            )
        report = Report.build([*result.diagnostics, *findings], result.files)
    return _checked(result, report, selected, config)


def _activity_files(result: LoadResult) -> list[str]:
    """The files whose entities are all activities (and that hold at least one)."""
    register = result.register
    kinds: dict[str, set[str]] = {}
    groups: list[tuple[str, Iterable[RopaModel | None]]] = [
        ("register", [register.meta]),
        ("organisation", [register.organisation]),
        ("security_measures", register.security_measures or ()),
        ("data_subjects", register.data_subjects or ()),
        ("data_categories", register.data_categories or ()),
        ("parties", register.parties or ()),
        ("activities", register.activities or ()),
        ("processor_activities", register.processor_activities or ()),
    ]
    for kind, entities in groups:
        for entity in entities:
            origin = entity.origin if entity is not None else None
            if origin is not None and origin.file is not None:
                kinds.setdefault(origin.file, set()).add(kind)
    return [file for file, found in kinds.items() if found == {"activities"}]


def _context_parts(result: LoadResult, config: Config, day: dt.date, selected: Iterable[Rule]) -> list[str]:
    """Everything the activity-local findings of a file depend on besides the file: the configuration, the
    date, the rules that run, and the register without its activities (with where each entity came from,
    and what failed to load)."""
    register = result.register
    origins = [
        f"{origin.file}\x1f{origin.pointer}"
        for group in (
            [register.meta, register.organisation],
            register.security_measures or (),
            register.data_subjects or (),
            register.data_categories or (),
            register.parties or (),
            register.processor_activities or (),
        )
        for entity in group
        if entity is not None and (origin := entity.origin) is not None
    ]
    return [
        config.model_dump_json(),
        day.isoformat(),
        ",".join(sorted(rule.code for rule in selected)),
        register.model_dump_json(exclude={"activities"}),
        "activities: " + ("none" if register.activities is None else "a list"),
        "\x1d".join(origins),
        repr(sorted(result.broken)),
    ]


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
