"""A content-addressed cache of validation reports: ``.ropa_cache/`` beside the configuration file.

A repeat ``ropa validate`` of an unchanged register reads the files, hashes them and takes the report from
the cache instead of parsing, validating and running the rules again. The key covers everything the report
depends on:

- the bytes and names of every register file (and the folders that could not be read);
- ropa's version and the bytes of its own package (code, rule data files, vocabularies), so that an
  upgrade, an edited rule or new legal data never serves an old report;
- the effective configuration (after command-line overrides), the date the rules use, and the rules to
  choose from.

Entries are written to a temporary file and renamed into place, so concurrent runs see either no entry or
a whole one; an unreadable or corrupt entry is a miss. The cache never changes a result: a failure to
read or write it (a read-only folder) only costs the time it would have saved. The folder holds a
``.gitignore`` (``*``) and a ``CACHEDIR.TAG``; delete it at any time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ropa._version import __version__
from ropa.diagnostics import Diagnostic, LegalRef, Location, Report, Severity, Span, Template

if TYPE_CHECKING:
    from ropa.config import Config

__all__ = [
    "CACHE_DIR",
    "CachedReport",
    "CheckResult",
    "ReportCache",
    "cache_folder",
    "diagnostic_from_plain",
    "diagnostic_to_plain",
    "package_key",
    "raw_report_key",
    "register_fingerprint",
    "report_key",
    "translated_key",
]

CACHE_DIR = ".ropa_cache"
MAX_ENTRIES = 32
"""Reports kept per cache folder; the least recently written go first (a report of 10,000 activities
with their findings is about 4 MB)."""
_FORMAT = "ropa-cache/4"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# A cache of ropa validate reports (docs/performance.md); delete it at any time.\n"
)


def cache_folder(config_source: str | None) -> Path:
    """Where the cache lives: beside the configuration file when there is one (the project root), else in
    the current folder, as ruff does; never inside a register folder unless the configuration is there
    (the loader skips hidden folders, so it would not read the cache as register files either)."""
    if config_source:
        return Path(config_source).resolve().parent / CACHE_DIR
    return Path.cwd() / CACHE_DIR


@cache
def _package_digest() -> str:
    """A hash of ropa's installed files: code, rule data, vocabularies and translations (plain ``os``
    calls: pathlib costs more than reading the 2.6 MB)."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    skip = len(os.path.join(root, ""))
    found: list[tuple[str, str]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        relative = folder[skip:].replace(os.sep, "/")
        found.extend(
            (f"{relative}/{name}" if relative else name, os.path.join(folder, name))
            for name in files
            if not name.endswith((".pyc", ".pyo"))
        )
    digest = hashlib.blake2b(digest_size=16)
    for name, path in sorted(found):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:  # a file that vanished or cannot be read: its name still counts
            data = b"\xff"
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
    return digest.hexdigest()


def register_fingerprint(files: Iterable[tuple[str, bytes | None, OSError | str | None]]) -> str:
    """A hash of the register's files: each name with its bytes (or the error that kept it unread)."""
    digest = hashlib.blake2b(digest_size=20)
    for name, data, error in files:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        if data is None:
            digest.update(b"E" + str(error or "").encode("utf-8", "replace"))
        else:
            digest.update(
                b"D" + len(data).to_bytes(8, "little") + hashlib.blake2b(data, digest_size=20).digest()
            )
    return digest.hexdigest()


def report_key(register: str, config: Config, today: dt.date) -> str:
    """The cache key of a report: the register's fingerprint, the effective configuration, the date, and
    ropa itself (version, package files, Python version)."""
    return _key(register, "config", config.model_dump_json(), today.isoformat())


def raw_report_key(register: str, config_file: Path | None, overrides: str, today: dt.date) -> str:
    """The cache key of a report from the configuration *file's* path and bytes and the command-line
    ``overrides`` (a canonical text): computed without validating the configuration, so that a cached run
    needs no pydantic. An entry under this key was written only after the same bytes were validated."""
    if config_file is None:
        config = "no configuration file"
    else:
        try:
            data = config_file.read_bytes()
        except OSError as exc:
            config = f"unreadable {exc}"
        else:
            config = f"{config_file.resolve()}\x1f{hashlib.blake2b(data, digest_size=20).hexdigest()}"
    return _key(register, "raw config", config, overrides, today.isoformat())


def translated_key(key: str, lang: str) -> str:
    """The cache key of the report stored under ``key`` with its messages in ``lang``: a repeat run in the
    register's language takes the translated report as it is, without reading the translation
    catalogue (about as costly as the rest of a cached run)."""
    return _key(key, "translated", lang)


def package_key() -> str:
    """ropa itself as part of a key: the cache format, ropa's version and files, the Python version."""
    return "\x1e".join(
        [_FORMAT, __version__, f"{sys.version_info[0]}.{sys.version_info[1]}", _package_digest()]
    )


def _key(*parts: str) -> str:
    text = "\x1e".join([package_key(), *parts])
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()


@dataclass(frozen=True)
class CheckResult:
    """What :func:`ropa.check` gives: the report, the rules that ran and the failure threshold.

    Attributes:
        report: structural diagnostics and rule findings, sorted by file, line and code.
        selected: the codes of the rules that ran (JUnit reports a passing test case for each of them
            without findings).
        fail_on: the lowest severity that fails the check (``error``, ``warning``, ``info``) or ``never``.
        language: the register's own ``language:`` (the default language of the command's output).
    """

    report: Report
    selected: frozenset[str]
    fail_on: str = "error"
    language: str | None = None

    @property
    def unreadable(self) -> bool:
        """True when a register file or folder could not be read (an ``IO-`` diagnostic)."""
        return any(d.code.startswith("IO-") for d in self.report)

    @property
    def failed(self) -> bool:
        """True when a diagnostic reaches :attr:`fail_on` (never with ``never``), or when the register
        is :attr:`unreadable`."""
        if self.unreadable:
            return True
        if self.fail_on == "never":
            return False
        return bool(self.report.at_least(Severity(self.fail_on)))


CachedReport = CheckResult
"""The name :class:`CheckResult` had before it became public."""


class ReportCache:
    """Validation reports by key, in ``folder`` (created on first write)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / "reports" / key[:2] / f"{key}.json"

    def get(self, key: str) -> CheckResult | None:
        """The report stored under ``key``; ``None`` when there is none or it cannot be read."""
        try:
            data = json.loads(self._path(key).read_bytes())
            if data.get("format") != _FORMAT or data.get("key") != key:
                return None
            return CheckResult(
                Report(tuple([diagnostic_from_plain(d) for d in data["diagnostics"]]), tuple(data["files"])),
                frozenset(data["selected"]),
                str(data["fail_on"]),
                data["language"],
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, entry: CheckResult) -> None:
        """Store ``entry`` under ``key``; a folder that cannot be written is left alone."""
        report = entry.report
        data = {
            "format": _FORMAT,
            "key": key,
            "fail_on": entry.fail_on,
            "language": entry.language,
            "files": list(report.files),
            "selected": sorted(entry.selected),
            "diagnostics": [diagnostic_to_plain(d) for d in report],
        }
        try:
            self.prepare()
            target = self._path(key)
            target.parent.mkdir(parents=True, exist_ok=True)
            _atomic(target, lambda handle: handle.write(json.dumps(data, ensure_ascii=False).encode("utf-8")))
        except OSError:
            return
        self._prune()

    def _prune(self) -> None:
        """Delete the oldest entries beyond :data:`MAX_ENTRIES` (best effort: another run may be at it)."""
        try:
            entries = list((self.folder / "reports").glob("*/*.json"))
            if len(entries) <= MAX_ENTRIES:
                return
            entries.sort(key=lambda path: path.stat().st_mtime_ns)
        except OSError:
            return
        for path in entries[: len(entries) - MAX_ENTRIES]:
            path.unlink(missing_ok=True)

    def prepare(self) -> None:
        """Create the folder with its ``.gitignore`` and ``CACHEDIR.TAG`` (once).

        Raises:
            OSError: the folder cannot be written.
        """
        if (self.folder / ".gitignore").exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        _atomic(self.folder / "CACHEDIR.TAG", lambda handle: handle.write(_TAG.encode("ascii")))
        _atomic(self.folder / ".gitignore", lambda handle: handle.write(b"# Created by ropa.\n*\n"))


def _atomic(path: Path, write: Callable[[Any], object]) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


_SEVERITIES = {severity.value: severity for severity in Severity}


def diagnostic_to_plain(d: Diagnostic) -> list[Any]:
    """A diagnostic as JSON-able data, a list (:func:`diagnostic_from_plain` gives it back, equal)."""
    loc = d.location
    template = d.template
    return [
        d.code,
        d.rule,
        d.severity.value,
        d.message,
        loc.file,
        loc.pointer,
        [loc.span.line, loc.span.column] if loc.span else None,
        loc.entity,
        d.hint,
        [[r.article, r.paragraph, r.point, r.instrument] for r in d.legal_refs],
        (
            [template.key, template.message, template.hint, [list(pair) for pair in template.args]]
            if template is not None
            else None
        ),
    ]


def diagnostic_from_plain(data: Any) -> Diagnostic:
    """The diagnostic :func:`diagnostic_to_plain` made ``data`` from.

    Raises:
        ValueError, TypeError, KeyError, IndexError: ``data`` is not such data (a damaged entry).
    """
    code, rule, severity, message, file, pointer, span, entity, hint, refs, template = data
    return Diagnostic(
        code,
        rule,
        _SEVERITIES[severity],
        message,
        Location(file, pointer, Span(*span) if span else None, entity),
        hint,
        tuple([LegalRef(*ref) for ref in refs]) if refs else (),
        Template(template[0], template[1], template[2], tuple([(k, v) for k, v in template[3]]))
        if template is not None
        else None,
    )
