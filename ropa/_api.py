"""The verbs of the public API: load, validate, check, write and export. Nothing here prints or exits.

Importing this module is cheap: the configuration (pydantic), the models and the rules are imported by the
verbs that need them, so that a cached :func:`check` of an unchanged register needs none of them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, overload

from ropa.diagnostics import Report
from ropa.loading.loader import LoadResult, load, loads

if TYPE_CHECKING:
    from ropa.changes import Diff, Snapshot
    from ropa.config import Config
    from ropa.deadlines import DueItem
    from ropa.diagnostics import Diagnostic
    from ropa.export.yaml import Layout
    from ropa.loading.cache import CheckResult
    from ropa.loading.incremental import FileStore, ScannedFile
    from ropa.models import Register, RopaModel
    from ropa.reporters import RenderOptions
    from ropa.rules import Rule

    Scanned = tuple[list[ScannedFile], list[tuple[str, str]]]

__all__ = [
    "cached_validation",
    "check",
    "check_register_folder",
    "diff",
    "due",
    "dump",
    "explain",
    "export_csv",
    "export_json",
    "export_xlsx",
    "load",
    "loads",
    "render_report",
    "validate",
    "write_register",
    "write_report",
]

Lang = Literal["en", "nl", "fr", "de"]


def _nearest_config(start: str | os.PathLike[str] | None) -> Config:
    from ropa.config import default_config, find_config

    return find_config(Path(start)) if start is not None else default_config()


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


def check(
    path: str | os.PathLike[str],
    *,
    config_file: str | os.PathLike[str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    cache: bool | str | os.PathLike[str] = False,
    progress: Callable[[int, int], None] | None = None,
    lang: str | None = "en",
) -> CheckResult:
    """What ``ropa validate PATH`` does: validate a register folder or file with its configuration file and
    overrides, taking the report from the cache when nothing it depends on has changed.

    A cached report is found from the bytes of the register's files, of the configuration file and of the
    overrides alone: the configuration is not validated, nothing is loaded and no rule runs (an entry is
    written only after the same bytes were validated).

    Args:
        path: the register folder or file.
        config_file: the configuration file (``ropa.toml``, or ``pyproject.toml`` with ``[tool.ropa]``);
            default: the nearest one from ``path`` up, else the defaults.
        overrides: configuration values that replace the file's, by key (``select``, ``ignore``,
            ``profile``, ``fail_on``, ``severity``, ``options``), as ``ropa validate``'s options do.
        today: the date for date-dependent rules (default: today).
        cache: ``True`` for ``.ropa_cache/`` beside the configuration file (else in the current folder),
            a folder, or ``False`` for no cache (the default).
        progress: called with (files loaded, files in all) while the register loads.
        lang: the language of the report's messages and hints: ``en`` (default), ``nl``, ``fr`` or ``de``;
            ``None`` for the register's ``language:`` when ropa has it, else English. With the cache, the
            report is kept in that language too, so that a repeat run does not translate it again.

    Returns:
        A :class:`CheckResult`: the report (in ``lang``), the rules that ran, the failure threshold and the
        register's ``language:``; ``.failed`` says whether the check fails.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ConfigError: the configuration file or an override is invalid.
        ValueError: ``lang`` is not supported.
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    from ropa.configfile import find_config_file

    file = Path(config_file) if config_file is not None else find_config_file(root)
    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant

    def configured() -> Config:
        from ropa.config import default_config, load_config

        config = load_config(file) if file is not None else default_config()
        return config.with_overrides(overrides) if overrides else config

    if lang not in (None, "en"):
        from ropa.i18n import LANGS

        if lang not in LANGS:
            raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    if cache is False:
        return _in_lang(cached_validation(root, configured(), today=day, progress=progress), lang)
    from ropa.loading.cache import ReportCache, cache_folder, raw_report_key, translated_key
    from ropa.loading.incremental import FileStore, fingerprint, scan

    folder = cache_folder(str(file) if file is not None else None) if cache is True else Path(cache)
    with FileStore(folder) as files:  # the stat cache: unchanged files are not read to be hashed
        store = files if files.active else None
        scanned = scan(root, store)
        raw = json.dumps(dict(overrides or {}), sort_keys=True, default=str)
        key = raw_report_key(fingerprint(*scanned), file, raw, day)
        reports = ReportCache(folder)
        # The report as it is shown, in its language: a repeat run reads no translation catalogue.
        shown = translated_key(key, lang or "the register's language")
        hit = reports.get(shown) if lang != "en" else None
        if hit is not None:
            return hit
        checked = reports.get(key)
        made = checked is None
        if checked is None:
            checked = _validate_scanned(root, scanned, configured(), day, store, progress)
    translated = _in_lang(checked, lang)
    if made and translated is checked:  # in English: kept under the key of the English report
        reports.put(key, checked)
    elif translated is not checked:  # only as it is shown (a run in another language validates again)
        reports.put(shown, translated)
    return translated


def _in_lang(checked: CheckResult, lang: str | None) -> CheckResult:
    """``checked`` with its report in ``lang`` (``None``: the register's language when ropa has it)."""
    if lang == "en":
        return checked
    from dataclasses import replace

    from ropa.i18n import normalise_lang, translate_report

    chosen = lang or normalise_lang(checked.language) or "en"
    return replace(checked, report=translate_report(checked.report, chosen)) if chosen != "en" else checked


def cached_validation(
    source: str | os.PathLike[str] | Register | LoadResult,
    config: Config | None = None,
    *,
    today: dt.date | None = None,
    rules: tuple[Rule, ...] | None = None,
    cache: bool | str | os.PathLike[str] = False,
    progress: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """What :func:`validate` does, with the codes of the rules that ran (for reporters that list them) and
    the failure threshold; ``progress`` is called with (files loaded, files in all) while the register
    loads.

    With ``cache`` (a path and the default rules), an unchanged register's report comes from the report
    cache; otherwise only what changed is done again (:mod:`ropa.loading.incremental`): unchanged files
    are not parsed again and the activity-local rules run only on the activities of changed files.
    """
    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    if cache is not False and rules is None and isinstance(source, str | os.PathLike):
        from ropa.loading.cache import ReportCache, cache_folder, report_key
        from ropa.loading.incremental import FileStore, fingerprint, scan

        root = Path(source)
        if not root.exists():
            raise FileNotFoundError(f"no such file or folder: {root}")
        if config is None:
            config = _nearest_config(root)
        folder = cache_folder(config.source) if cache is True else Path(cache)
        with FileStore(folder) as files:
            store = files if files.active else None
            scanned = scan(root, store)
            key = report_key(fingerprint(*scanned), config, day)
            reports = ReportCache(folder)
            hit = reports.get(key)
            if hit is not None:
                return hit
            checked = _validate_scanned(root, scanned, config, day, store, progress)
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
            config = _nearest_config(result.root)
        catalogue = rules if rules is not None else ALL_RULES
        selected = select_rules(catalogue, config, profiles_for(config, result))
        findings = run_rules(result, selected, config, today=day, all_rules=catalogue)
        report = Report.build([*result.diagnostics, *findings], result.files)
    return _checked(result, report, selected, config)


def _checked(result: LoadResult, report: Report, selected: Iterable[Rule], config: Config) -> CheckResult:
    from ropa.loading.cache import CheckResult

    meta = result.register.meta
    language = meta.language if meta is not None else None
    return CheckResult(report, frozenset(r.code for r in selected), config.fail_on, language)


def _validate_scanned(
    root: Path,
    scanned: Scanned,
    config: Config,
    day: dt.date,
    store: FileStore | None,
    progress: Callable[[int, int], None] | None,
) -> CheckResult:
    """Validate the scanned register, taking from ``store`` the parse of unchanged files and the findings
    of the activity-local rules on unchanged files of activities, and keeping what is made now."""
    from ropa.loading import incremental
    from ropa.loading.loader import gc_paused, load_parsed

    files, folder_errors = scanned
    with gc_paused():
        from ropa.rules import ALL_RULES
        from ropa.rules.engine import LocalFindings, profiles_for, run_rules, select_rules

        parser = incremental.Parser(files, store)
        result = load_parsed(root, [(f.name, f.error) for f in files], folder_errors, parser, progress)
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
    lang: Lang | None = None,
    report: Report | None = None,
    changes: Diff | None = None,
    progress: Callable[[int, int], None] | None = None,
    layout: str = "ropa",
) -> Path:
    """Write the register as an Excel workbook that reads like Art. 30 (ropa's own streaming writer).

    Args:
        register: the register, or a load result.
        path: where to write; written atomically, the previous file survives a failure.
        lang: language of sheet names, headers and labels; by default the layout's (English for ropa's
            own workbook, the template's language for the others).
        report: findings to include in a Findings sheet.
        changes: a :func:`ropa.diff` of an earlier version against this register, for a Changes sheet
            (what changed, what it means in law, findings introduced and resolved).
        progress: called with (table rows written, table rows in all), e.g. to draw a progress bar.
        layout: ``ropa`` (ropa's own workbook), or the layout of a supervisory authority's template:
            ``ico``, ``ap``, ``cnil`` or ``vvt`` (docs/exports.md). Every layout embeds the register, so
            importing the workbook gives the same register.

    Returns:
        The path written.

    Raises:
        ExportError: the workbook could not be written.
        ValueError: unknown language or layout.
    """
    from ropa.export.xlsx import write_workbook

    reg = register.register if isinstance(register, LoadResult) else register
    return write_workbook(
        reg, Path(path), lang=lang, report=report, changes=changes, progress=progress, layout=layout
    )


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
        lang: the language of the texts for people (``en``, ``nl``, ``fr``, ``de``): the findings'
            messages and hints, the change codes' summaries and what to do, the details of each change,
            and the words :func:`ropa.render_diff` adds. Codes, names, ids, entity labels and legal
            references stay the same.

    Returns:
        A :class:`~ropa.changes.Diff`; ``diff(x, x)`` is empty.

    Raises:
        FileNotFoundError: a path that does not exist.
        ConfigError: the configuration is invalid.
        ValueError: ``lang`` is not supported.
    """
    from ropa.changes import compare, snapshot_of

    base, head = snapshot_of(old), snapshot_of(new)
    if findings and config is None:
        config = _nearest_config(head.path or base.path)
    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    return compare(base, head, config if findings else None, today=day, lang=lang)


def due(
    source: str | os.PathLike[str] | Register | LoadResult,
    *,
    within: str | int = "30d",
    today: dt.date | None = None,
    config: Config | None = None,
    lang: str = "en",
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
        lang: the language of each item's ``subject`` and ``action`` (``en``, ``nl``, ``fr``, ``de``);
            pass the same to :func:`ropa.render_due`.

    Returns:
        :class:`~ropa.deadlines.DueItem` s, overdue first, then by date.

    Raises:
        ValueError: ``within`` is not a period, or ``lang`` is not supported.
        FileNotFoundError: a path that does not exist.
        ConfigError: the configuration is invalid.
    """
    from ropa.deadlines import due_items

    result = _as_result(source)
    if config is None:
        config = _nearest_config(result.root)
    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    return due_items(result, config, within=within, today=day, lang=lang)


def dump(register: Register | LoadResult) -> str:
    """The register as one YAML document, in the canonical form of :meth:`~ropa.models.RopaModel.dump`
    (fields in model order, unstated fields left out). Every string a YAML reader could take for something
    else is quoted (``'NO'``, ``'2024-01-01'``, ``'12'``), so :func:`loads` gives an equal register back.
    """
    from ropa.export.yaml import register_to_yaml

    return register_to_yaml(register.register if isinstance(register, LoadResult) else register)


def write_register(
    register: Register | LoadResult,
    folder: str | os.PathLike[str],
    *,
    layout: Layout = "per-activity",
    force: bool = False,
) -> list[Path]:
    """Write a register folder that :func:`load` reads back as an equal register.

    The folder is written as a whole: the new register is staged beside it and swapped in, so the folder
    holds the old register or the new one, never a mix; if the process is killed, the next write finishes
    or undoes the swap. A manifest (``.ropa-manifest.json``) records the files ropa wrote and their SHA-256.

    Args:
        register: the register, or a load result.
        folder: the register folder, e.g. ``registers/acme``; it must be new or empty unless ``force``.
        layout: ``per-activity`` (``organisation.yaml``, ``vocabulary.yaml``, ``parties.yaml``,
            ``activities/<id>.yaml``, ``processor.yaml``), ``per-kind`` (``activities.yaml`` instead of the
            folder) or ``single`` (everything in ``register.yaml``).
        force: replace the register in a non-empty folder, but only when every register file in it is one
            ropa wrote (named in the manifest) and nobody changed since; other files (``README.md``,
            ``.git``) are carried over untouched.

    Returns:
        The paths written, in writing order.

    Raises:
        ExportError: the folder may not be replaced (the message lists the files in the way) or cannot be
            written; nothing was written and the old register is untouched.
        ValueError: ``layout`` is not one of ``per-activity``, ``per-kind``, ``single``.

    Warns:
        ExportWarning: an interrupted earlier write was repaired, or the old register could not be removed
            completely after the new one was in place.
    """
    from ropa.export.yaml import write_register_folder

    reg = register.register if isinstance(register, LoadResult) else register
    return write_register_folder(reg, folder, force=force, layout=layout)


def check_register_folder(folder: str | os.PathLike[str], *, force: bool = False) -> None:
    """Check, writing nothing, that :func:`write_register` may write to ``folder`` (before a long import).

    Raises:
        ExportError: what :func:`write_register` would refuse: ``folder`` is a file; it is not empty and
            ``force`` is not set; or, with ``force``, it holds register files that ropa did not write or
            that changed since (listed), a symbolic link where the register needs a folder, or a read-only
            folder from which old files would have to be removed.
    """
    from ropa.export.yaml import check_register_folder as check_folder

    check_folder(folder, force=force)


def export_csv(
    register: Register | LoadResult,
    folder: str | os.PathLike[str],
    *,
    lang: Lang = "en",
    report: Report | None = None,
    changes: Diff | None = None,
) -> list[Path]:
    """Write one CSV file per table of the workbook into ``folder`` (created if needed).

    Args:
        register: the register, or a load result.
        folder: where to write; each file is written atomically.
        lang: the language of headers and labels.
        report: findings for ``findings.csv`` (translated into ``lang``).
        changes: a :func:`diff` against an earlier version, for ``changes.csv``.

    Returns:
        The files written, in table order.

    Raises:
        ExportError: a file could not be written.
        ValueError: ``lang`` is not supported.

    Warns:
        ExportWarning: control characters that spreadsheets cannot hold were removed.
    """
    from ropa.export.csv import write_csv

    reg = register.register if isinstance(register, LoadResult) else register
    return write_csv(reg, Path(folder), lang=lang, report=report, changes=changes)


def render_report(report: Report, format: str = "text", options: RenderOptions | None = None) -> str:
    """A report as text in an output format of ``ropa validate``.

    Args:
        report: the report.
        format: ``text`` (for people; not a contract), ``json`` (``schemas/report.schema.json``), ``sarif``
            (SARIF 2.1.0), ``github`` (workflow commands) or ``junit`` (JUnit XML); :data:`REPORTERS` lists
            them.
        options: paths, verbosity, colour, language and the failure threshold (default: plain text, file
            names as they are).

    Raises:
        KeyError: no such format.
    """
    from ropa.reporters import REPORTERS, RenderOptions

    return REPORTERS[format].render(report, options or RenderOptions())


def write_report(
    report: Report,
    path: str | os.PathLike[str],
    format: str = "json",
    options: RenderOptions | None = None,
) -> Path:
    """Write :func:`render_report`'s text to ``path`` (UTF-8), atomically: a reader sees the old file or
    the new one, never a part.

    Returns:
        The path written.

    Raises:
        KeyError: no such format.
        ExportError: the file could not be written.
    """
    from ropa.export.write import write_atomic

    return write_atomic(Path(path), render_report(report, format, options).encode("utf-8"))


def explain(code: str, lang: str = "en") -> str:
    """The documentation of a code, as Markdown: a rule's page (``LAW-001`` or ``missing-lawful-basis``),
    what a structural (``STR-002``) or suppression (``SUP-001``) code means, or the page of a change code
    of :func:`diff` (``CHG-022`` or ``transfer-added``). :func:`catalogue` and :func:`change_codes` list
    the codes, :func:`docs_url` gives a code's page online.

    Args:
        code: the code or name, in any case.
        lang: the language of a change code's page (``en``, ``nl``, ``fr``, ``de``); the other pages are in
            English.

    Raises:
        KeyError: no rule or code has this code or name.
    """
    from ropa.changes import change_code, render_change_code
    from ropa.reporters import catalogue
    from ropa.rules import ALL_RULES
    from ropa.rules.docs import render_rule

    wanted = code.strip()
    for key in (wanted, wanted.upper(), wanted.lower()):
        try:
            return render_change_code(change_code(key), lang)
        except KeyError:
            continue
    infos = {c.code: c for c in catalogue()} | {c.name: c for c in catalogue()}
    info = infos.get(wanted) or infos.get(wanted.upper()) or infos.get(wanted.lower())
    if info is None:
        raise KeyError(code)
    if info.kind == "rule":
        return render_rule(next(r for r in ALL_RULES if r.code == info.code))
    kind = "structural code" if info.kind == "structural" else "suppression code"
    _, _, body = info.doc.partition("\n\n")
    severity = info.severity.value
    return f"# {info.code} {info.name}\n\n{info.summary}\n\nA {kind}; default severity {severity}.\n\n{body}"
