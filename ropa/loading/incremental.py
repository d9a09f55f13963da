"""What a run learns about each file, kept for the next run: incremental validation (``.ropa_cache/``).

The report cache (:mod:`ropa.loading.cache`) answers a repeat run of an unchanged register. After one file
of a large register is edited its key changes; this store lets that run redo only what the edit touched:

- **File digests by stat** (``stats``): the hash of a file's bytes, kept with its size, modification and
  change times, inode and device; a file whose stat is unchanged is not read again to fingerprint the
  register. A stat recorded less than :data:`RACY_SECONDS` after the file last changed is not trusted
  (a file rewritten within the timestamps' resolution could keep them all), as git does.
- **Parsed files** (``parsed``): the plain data and the YAML problems of each file, by the hash of its
  bytes (and of ropa itself); an unchanged file is not parsed again. Its entities are validated again
  (pydantic), which keeps every structural diagnostic exactly as a fresh run gives it.
- **Findings per file** (``findings``): the diagnostics of the activity-local rules
  (:data:`ropa.rules.engine.ACTIVITY_LOCAL`) on the activities of a file that holds activities only,
  with their positions, by the file's name and bytes and the *context* (:func:`context_key`): ropa, the
  configuration, the date, the rules, and everything in the register that is not an activity. Those rules
  run again only on the activities of files without an entry; the other rules run on the whole register.

Everything is plain JSON in SQLite (``files.sqlite``): nothing is executed on reading, a damaged or foreign
entry is a miss, and the store never changes a result. An entry is deleted once it has not been used for
:data:`KEEP_RUNS` runs (its mark is renewed when it is half that old, so between half and all of them).
Any SQLite error turns the store off for the run (the run only costs what it would without it).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ropa.diagnostics import Diagnostic, Template
from ropa.loading.cache import diagnostic_from_plain, diagnostic_to_plain, package_key

if TYPE_CHECKING:
    import sqlite3

    from ropa.loading.loader import ParseOutcome, _Collector

__all__ = [
    "KEEP_RUNS",
    "RACY_SECONDS",
    "FileStore",
    "Parser",
    "PositionMemory",
    "ScannedFile",
    "context_key",
    "findings_from_plain",
    "findings_key",
    "findings_to_plain",
    "fingerprint",
    "known_findings",
    "outcome_from_plain",
    "outcome_to_plain",
    "parse_key",
    "scan",
]

KEEP_RUNS = 8
"""Entries not used by one of the last this many runs (of any register sharing the folder) are deleted."""
RACY_SECONDS = 2.0
"""A stat taken less than this long after the file last changed is not kept: a file rewritten within the
resolution of its timestamps could keep the same size and times."""
_FORMAT = "ropa-files/2"
_TABLES = ("stats", "parsed", "findings", "positions")
_BATCH = 500
"""Keys per SQL ``IN (...)`` (SQLite allows at least 999 parameters). Queries are built only from the
constant table names of this module and ``?`` placeholders (hence the ``S608`` exemptions)."""


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


@dataclass(frozen=True, slots=True)
class ScannedFile:
    """A register file as the scan found it: its name relative to the root, its path, the size and hash of
    its bytes (``None`` when unreadable), the bytes when they were read, or the error."""

    name: str
    path: str
    size: int | None = None
    digest: str | None = None
    data: bytes | None = None
    error: OSError | None = None

    def read(self) -> bytes:
        """The bytes (read now when the scan took the hash from the stat cache)."""
        if self.data is not None:
            return self.data
        from ropa.loading.loader import _read_file

        return _read_file(self.path)


def _signature(info: os.stat_result) -> str:
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_dev}"


def scan(root: Path, store: FileStore | None) -> tuple[list[ScannedFile], list[tuple[str, str]]]:
    """The files of the register at ``root`` in load order with the hashes of their bytes, and the folders
    that could not be read. A file is read only when ``store`` cannot vouch for its hash by its stat."""
    from ropa.loading.loader import FileTooLarge, _discover, _read_file

    found: list[tuple[str, str]]
    if root.is_dir():
        found, errors = _discover(root)
    else:
        found, errors = [(root.name, os.fspath(root))], []
    base = os.path.abspath(root) + "\x00"
    known = store.stats([base + name for name, _ in found]) if store is not None else {}
    now = time.time_ns()
    fresh: list[tuple[str, str, str]] = []
    out: list[ScannedFile] = []
    for name, path in found:
        cached = known.get(base + name)
        if cached is not None:
            try:
                info = os.stat(path)
            except OSError as exc:
                out.append(ScannedFile(name, path, error=exc))
                continue
            signature = _signature(info)
            if stat.S_ISREG(info.st_mode) and signature == cached[0]:
                out.append(ScannedFile(name, path, info.st_size, cached[1]))
                continue
        try:
            data = _read_file(path)
            info = os.stat(path)
        except FileTooLarge as exc:
            out.append(ScannedFile(name, path, error=exc))
            continue
        except OSError as exc:
            out.append(ScannedFile(name, path, error=exc))
            continue
        digest = _digest(data)
        out.append(ScannedFile(name, path, len(data), digest, data))
        settled = now - max(info.st_mtime_ns, info.st_ctime_ns) > RACY_SECONDS * 1e9
        if settled and info.st_size == len(data):
            fresh.append((base + name, _signature(info), digest))
    if store is not None and fresh:
        store.put_stats(fresh)
    return out, errors


def fingerprint(files: Iterable[ScannedFile], folder_errors: Iterable[tuple[str, str]]) -> str:
    """A hash of the register's files: each name with the size and hash of its bytes, or the error that kept
    it unread, and the folders that could not be read (the same value
    :func:`ropa.loading.cache.register_fingerprint` gives for the bytes themselves)."""
    digest = hashlib.blake2b(digest_size=20)
    for file in files:
        digest.update(file.name.encode("utf-8", "surrogateescape") + b"\0")
        if file.digest is None or file.size is None:
            digest.update(b"E" + str(file.error or "").encode("utf-8", "replace"))
        else:
            digest.update(b"D" + file.size.to_bytes(8, "little") + bytes.fromhex(file.digest))
    for name, error in folder_errors:
        digest.update(f"{name}/".encode("utf-8", "surrogateescape") + b"\0")
        digest.update(b"E" + str(error).encode("utf-8", "replace"))
    return digest.hexdigest()


class FileStore:
    """The SQLite file of a cache folder: stats, parsed files and findings per file (see the module)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._db: sqlite3.Connection | None = None
        self._run = 0
        self._used: dict[str, set[str]] = {table: set() for table in _TABLES}
        """Keys read this run whose mark is old: :meth:`close` marks them as used by this run."""

    def __enter__(self) -> FileStore:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> bool:
        """Open (and create) the store; ``False`` (and the store stays off) when it cannot be used."""
        import sqlite3

        try:
            from ropa.loading.cache import ReportCache

            ReportCache(self.folder).prepare()
            db = sqlite3.connect(self.folder / "files.sqlite", timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            for table in _TABLES:
                db.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, data TEXT, run INTEGER)"
                )
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            if row is None or row[0] != _FORMAT:
                for table in _TABLES:
                    db.execute(f"DELETE FROM {table}")  # noqa: S608 - a table name of ours
                db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (_FORMAT,))
            row = db.execute("SELECT value FROM meta WHERE key = 'run'").fetchone()
            self._run = (int(row[0]) if row is not None else 0) + 1
            db.execute("INSERT OR REPLACE INTO meta VALUES ('run', ?)", (str(self._run),))
            db.execute("COMMIT")
        except (sqlite3.Error, OSError, ValueError):
            self._db = None
            return False
        self._db = db
        return True

    @property
    def active(self) -> bool:
        """True while the store is open and usable."""
        return self._db is not None

    def close(self) -> None:
        """Mark what this run used, delete what the last :data:`KEEP_RUNS` runs did not use, and close."""
        import sqlite3

        db = self._db
        self._db = None
        if db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            for table, keys in self._used.items():
                for chunk in _chunks(sorted(keys)):
                    marks = ",".join("?" * len(chunk))
                    db.execute(f"UPDATE {table} SET run = ? WHERE key IN ({marks})", (self._run, *chunk))  # noqa: S608
                db.execute(f"DELETE FROM {table} WHERE run < ?", (self._run - KEEP_RUNS,))  # noqa: S608
            db.execute("COMMIT")
        except sqlite3.Error:
            pass
        finally:
            db.close()

    def _get(self, table: str, keys: Iterable[str], *, raw: bool = False) -> dict[str, Any]:
        import sqlite3

        db = self._db
        if db is None:
            return {}
        wanted = sorted(set(keys))
        out: dict[str, Any] = {}
        stale = self._used[table]
        try:
            for chunk in _chunks(wanted):
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, data, run FROM {table} WHERE key IN ({marks})"  # noqa: S608 - ours, "?"s
                for key, data, run in db.execute(query, chunk):
                    if raw:
                        out[key] = data
                    else:
                        try:
                            out[key] = json.loads(data)
                        except ValueError:
                            continue
                    if run < self._run - KEEP_RUNS // 2:  # marked as used again now and then only
                        stale.add(key)
        except sqlite3.Error:
            self._db = None
            return {}
        return out

    def _put(self, table: str, rows: Iterable[tuple[str, Any]], *, raw: bool = False) -> None:
        import sqlite3

        db = self._db
        if db is None:
            return
        encoded = [
            (key, value if raw else json.dumps(value, ensure_ascii=False), self._run) for key, value in rows
        ]
        if not encoded:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", encoded)  # noqa: S608
            db.execute("COMMIT")
        except sqlite3.Error:
            self._db = None

    # --- stats -------------------------------------------------------------------------------------------
    def stats(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """``key → (stat signature, hash)`` for the files (by absolute root and name) the store knows."""
        out: dict[str, tuple[str, str]] = {}
        for key, data in self._get("stats", keys, raw=True).items():
            signature, _, digest = str(data).partition("|")
            if digest:
                out[key] = (signature, digest)
        return out

    def put_stats(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Remember ``(key, stat signature, hash)``."""
        self._put("stats", ((key, f"{signature}|{digest}") for key, signature, digest in rows), raw=True)

    # --- parsed files ------------------------------------------------------------------------------------
    def parsed(self, keys: Iterable[str]) -> dict[str, Any]:
        """The parse outcomes stored under ``keys`` (see :func:`parse_key`)."""
        return self._get("parsed", keys)

    def put_parsed(self, rows: Iterable[tuple[str, Any]]) -> None:
        """Store parse outcomes."""
        self._put("parsed", rows)

    # --- positions of pointers per file ------------------------------------------------------------------
    def positions(self, keys: Iterable[str]) -> dict[str, Any]:
        """The positions stored under ``keys`` (see :class:`PositionMemory`)."""
        return self._get("positions", keys)

    def put_positions(self, rows: Iterable[tuple[str, Any]]) -> None:
        """Store the positions of files."""
        self._put("positions", rows)

    # --- findings per file -------------------------------------------------------------------------------
    def findings(self, keys: Iterable[str]) -> dict[str, Any]:
        """The findings stored under ``keys`` (see :func:`findings_key`)."""
        return self._get("findings", keys)

    def put_findings(self, rows: Iterable[tuple[str, Any]]) -> None:
        """Store the findings of files."""
        self._put("findings", rows)


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def parse_key(digest: str) -> str:
    """The key of a file's parse outcome: the hash of its bytes and of ropa itself."""
    return _hash(package_key(), "parsed", digest)


def findings_key(context: str, name: str, digest: str) -> str:
    """The key of the activity-local findings of the file ``name`` with the bytes hashed as ``digest``."""
    return _hash(context, "findings", name, digest)


def context_key(parts: Iterable[str]) -> str:
    """The key of everything the activity-local findings of a file depend on besides the file itself."""
    return _hash(package_key(), "context", *parts)


def _hash(*parts: str) -> str:
    text = "\x1e".join(parts)
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()


# --- diagnostics as plain data ----------------------------------------------------------------------------


def findings_from_plain(data: Any) -> tuple[list[Diagnostic], list[tuple[str, int]]] | None:
    """The diagnostics and used suppressions ``(entity pointer, index)`` of a findings entry; ``None``
    when the entry is damaged."""
    try:
        diagnostics = [diagnostic_from_plain(item) for item in data["d"]]
        used = [(str(pointer), int(index)) for pointer, index in data["u"]]
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return diagnostics, used


def findings_to_plain(diagnostics: Sequence[Diagnostic], used: Iterable[tuple[str, int]]) -> dict[str, Any]:
    """A findings entry (see :func:`findings_from_plain`)."""
    return {"d": [diagnostic_to_plain(d) for d in diagnostics], "u": [list(pair) for pair in used]}


def known_findings(
    store: FileStore, keys: Mapping[str, str]
) -> dict[str, tuple[list[Diagnostic], list[tuple[str, int]]]]:
    """``file → (diagnostics, used suppressions)`` for the files (``file → findings key``) the store has."""
    stored = store.findings(keys.values())
    out = {}
    for file, key in keys.items():
        entry = stored.get(key)
        if entry is None:
            continue
        parsed = findings_from_plain(entry)
        if parsed is not None:
            out[file] = parsed
    return out


# --- positions of findings, per file ----------------------------------------------------------------------


class PositionMemory:
    """The positions of pointers found in the files of a register, by the hash of each file's bytes: a
    finding at the same place of an unchanged file needs no reading and locating again (the findings of
    the rules that run on the whole register, on files nobody edited)."""

    def __init__(self, store: FileStore, digests: Mapping[str, str]) -> None:
        self.store = store
        self.keys = {file: _hash(package_key(), "positions", digest) for file, digest in digests.items()}
        self.known: dict[str, dict[str, tuple[int, int]]] = {}
        self.learnt: set[str] = set()

    def prefetch(self, files: Iterable[str]) -> None:
        """Read the stored positions of ``files`` (one query for all)."""
        wanted = {self.keys[file]: file for file in files if file in self.keys and file not in self.known}
        for key, data in self.store.positions(wanted).items():
            try:
                self.known[wanted[key]] = {str(p): (int(at[0]), int(at[1])) for p, at in data.items()}
            except (AttributeError, TypeError, ValueError, IndexError):
                continue

    def get(self, file: str) -> dict[str, tuple[int, int]]:
        """The positions known for ``file``."""
        return self.known.get(file, {})

    def learn(self, file: str, found: Mapping[str, tuple[int, int]]) -> None:
        """Remember positions found in ``file`` now."""
        if file in self.keys and found:
            self.known.setdefault(file, {}).update(found)
            self.learnt.add(file)

    def save(self) -> None:
        """Store what was learnt."""
        self.store.put_positions(
            (self.keys[file], {p: list(at) for p, at in self.known[file].items()})
            for file in sorted(self.learnt)
        )


# --- parsing, with the parse of unchanged files from the store ---------------------------------------------


class Parser:
    """Parses the scanned ``files`` for :func:`ropa.loading.loader.load_parsed`, taking the parse of each
    unchanged file from ``store``; :meth:`save` keeps the parses made."""

    def __init__(self, files: Sequence[ScannedFile], store: FileStore | None) -> None:
        self.files = files
        self.store = store
        self.keys = {f.name: parse_key(f.digest) for f in files if f.digest is not None}
        self.stored = store.parsed(self.keys.values()) if store is not None else {}
        self.made: list[tuple[str, Any]] = []

    def __call__(self, collector: _Collector, index: int) -> str | None:
        from ropa.loading.loader import apply_outcome, parse_bytes

        file = self.files[index]
        outcome = outcome_from_plain(self.stored.get(self.keys.get(file.name, "")))
        if outcome is not None:
            decoded = outcome.decoded
            apply_outcome(collector, file.name, outcome, lambda: _text_of(file, decoded))
            return None
        try:
            data = file.read()
        except OSError as exc:  # it went away since the scan
            collector.say("IO-001.file", file.name, "", reason=exc.strerror or str(exc))
            collector.unloaded[file.name] = None
            return None
        text, fresh = parse_bytes(data)
        if text is not None:
            collector.sources._texts[file.name] = text
        apply_outcome(collector, file.name, fresh, lambda: text if text is not None else _lenient(data))
        if file.name in self.keys:
            self.made.append((self.keys[file.name], outcome_to_plain(fresh)))
        return text

    def save(self) -> None:
        """Keep the parses made (a store that is off keeps nothing)."""
        if self.store is not None:
            self.store.put_parsed(self.made)


def _lenient(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _text_of(file: ScannedFile, decoded: bool) -> str | None:
    """The text of a file that did not load (for what it may define): ``None`` when it cannot be read."""
    from ropa.loading._yaml import decode

    try:
        data = file.read()
    except OSError:
        return None
    return decode(data)[0] if decoded else _lenient(data)


# --- parse outcomes as plain data -------------------------------------------------------------------------


def outcome_to_plain(outcome: ParseOutcome) -> dict[str, Any]:
    """A file's parse outcome as JSON-able data (:func:`outcome_from_plain` gives it back)."""
    return {
        "d": outcome.decoded,
        "p": [
            [
                p.code,
                p.message,
                p.hint,
                p.line,
                p.column,
                p.pointer,
                [p.template.key, p.template.message, p.template.hint, [list(a) for a in p.template.args]]
                if p.template is not None
                else None,
            ]
            for p in outcome.problems
        ],
        "v": outcome.value,
    }


def outcome_from_plain(data: Any) -> ParseOutcome | None:
    """The parse outcome :func:`outcome_to_plain` made ``data`` from; ``None`` when it is damaged."""
    from ropa.loading._yaml import YamlProblem
    from ropa.loading.loader import ParseOutcome

    try:
        problems = tuple(
            YamlProblem(
                str(code),
                str(message),
                str(hint),
                int(line),
                int(column),
                str(pointer),
                Template(t[0], t[1], t[2], tuple((k, v) for k, v in t[3])) if t is not None else None,
            )
            for code, message, hint, line, column, pointer, t in data["p"]
        )
        return ParseOutcome(bool(data["d"]), problems, data["v"])
    except (KeyError, TypeError, ValueError, IndexError):
        return None
