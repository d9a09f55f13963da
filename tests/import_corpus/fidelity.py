"""The import fidelity benchmark: per file of the corpus, cells lost, fields read correctly on a
hand-checked sample, and findings the source contradicts.

    make import-corpus          # prints the table of docs/import.md

``cells lost`` uses the fate the importer records for every cell (:class:`ropa.importer.Fate`) and checks
it against the register independently: a kept cell's pieces must be in the register verbatim (up to
whitespace) and cover the cell's text; a cell read exactly must re-read to a value with nothing left
over; a skipped cell must be a heading, a form label, or reported in full in a diagnostic at its row.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import ropa
from ropa.importer import Fate, ImportResult, Limits, import_file
from ropa.importer._countries import _names
from ropa.importer._recipients import read_recipient_cell, strip_role
from ropa.importer._report import Reporter
from ropa.importer._tables import SheetTable
from ropa.importer._values import (
    AnswerKind,
    fold,
    is_not_stated,
    parse_activity_role,
    parse_art9,
    parse_countries,
    parse_date,
    parse_frequency,
    parse_lawful_bases,
    parse_status,
    read_answer,
    split_items,
    states_none,
)
from ropa.importer._vocab import terms, terms_by

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
CHECKS = HERE / "checks.yaml"


def tables(path: Path) -> list[SheetTable]:
    """The sheets of ``path`` as the readers see them (before any interpretation)."""
    data = path.read_bytes()
    rep = Reporter(str(path))
    limits = Limits()
    if path.suffix == ".csv":
        from ropa.importer._csv import read_csv

        table = read_csv(data, limits, rep)
        return [table] if table else []
    if path.suffix == ".ods":
        from ropa.importer._ods import read_ods

        return read_ods(data, limits, rep, sheet=None) or []
    from ropa.importer._xlsx import read_workbook

    content = read_workbook(data, limits, rep, sheet=None)
    return content.sheets if content else []


def _norm(text: str) -> str:
    return " ".join(text.split())


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _glue() -> frozenset[str]:
    words: set[str] = {"and", "en", "und", "et", "or", "of", "oder", "ou", "as", "als"}
    for section in ("not_stated", "none", "yes", "no", "negations", "exceptions"):
        for term in terms(section):
            words.update(term.split())
    for phrases in terms_by("party_roles").values():
        for phrase in phrases:
            words.update(phrase.split())
    for name in _names():
        words.update(name.split())
    return frozenset(words)


def _covered(text: str, pieces: tuple[str, ...]) -> bool:
    """True when ``pieces`` (kept verbatim) cover ``text`` up to separators and glue words."""
    rest = f" {fold(text)} "
    for piece in sorted(pieces, key=len, reverse=True):
        folded = fold(piece)
        if folded:
            rest = (
                rest.replace(f" {folded} ", " ", 1) if f" {folded} " in rest else rest.replace(folded, " ", 1)
            )
    glue = _glue()
    return all(word in glue or word.isdigit() or len(word) == 1 for word in rest.split())


def _org_covered(text: str, haystack: str) -> bool:
    """An organisation-block cell is a label, states nothing, or its values are in the register."""
    from ropa.importer._orgblock import label

    if _norm(text) in haystack or label(text) is not None or is_not_stated(text):
        return True
    pieces = tuple(s for s in haystack.split("\x00") if s and s in _norm(text))
    rest = f" {fold(text)} "
    for piece in sorted(pieces, key=len, reverse=True):
        rest = rest.replace(fold(piece), " ", 1)
    generic = {"contact", "contactgegevens", "contactpersoon", "kontakt", "kontaktdaten", "coordonnees"}
    return all(label(word) is not None or word in _glue() or word in generic for word in rest.split())


def _exact(fate: Fate) -> bool:
    """Re-read a cell the importer read exactly: the reading must leave nothing over."""
    text, how = fate.text, fate.how
    if how == "not stated":
        return is_not_stated(text)
    if how in ("read as yes/no", "read as yes", "read as no", "read as no joint controllers"):
        answer = read_answer(text)
        return answer.kind in (AnswerKind.YES, AnswerKind.NO) and not answer.rest
    if how in ("read as no transfers", "read as no recipients"):
        answer = read_answer(text)
        cell = read_recipient_cell(text, [])
        return states_none(text) or (answer.kind is AnswerKind.NO and not answer.rest) or cell.none
    if how == "read as a date":
        return parse_date(text) is not None
    if how.startswith("read as lawful bases"):
        reading = parse_lawful_bases(text)
        return bool(reading.bases) and not reading.extra
    if how.startswith("read as countries") or how == "read as yes with countries":
        body = read_answer(text).rest if how.startswith("read as yes") else text
        found, rest = parse_countries(split_items(body))
        return bool(found) and not rest and all(remark is None for _, remark in found)
    if how.startswith("read as status"):
        return parse_status(text) is not None
    if how.startswith("read as frequency"):
        return parse_frequency(text) is not None
    if how.startswith("read as role"):
        return parse_activity_role(text)[0] is not None
    if how == "read as Art. 9(2) condition":
        conditions, extra = parse_art9(text)
        return bool(conditions) and not extra
    if how == "read as id":
        return bool(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", text.strip()))
    return False


@dataclass(frozen=True)
class Lost:
    """A cell the register does not account for."""

    sheet: str | None
    row: int
    column: int
    text: str
    why: str


def cells_lost(path: Path, result: ImportResult) -> list[Lost]:
    """Every non-empty cell of ``path`` that the imported register does not account for."""
    fates = {(f.sheet, f.row, f.column): f for f in result.fates}
    dumped = result.register.model_dump(mode="json", by_alias=True, exclude_none=True)
    haystack = "\x00".join(_norm(s) for s in _strings(dumped))
    messages: dict[tuple[str | None, int], str] = {}
    sheet_reports = {
        d.location.pointer[1:].replace("~1", "/").replace("~0", "~")
        for d in result.diagnostics
        if d.code in ("IMP-015", "IMP-017", "IMP-036") and d.location.pointer.count("/") == 1
    }
    for d in result.diagnostics:
        if d.location.span is not None:
            sheet = d.location.pointer.split("/")[1] if d.location.pointer.count("/") >= 2 else None
            key = (
                sheet.replace("~1", "/").replace("~0", "~") if sheet is not None else None,
                d.location.span.line,
            )
            messages[key] = messages.get(key, "") + "\n" + d.message
    lost: list[Lost] = []
    for table in tables(path):
        for r, row in enumerate(table.rows, start=1):
            for c, text in enumerate(row, start=1):
                if not text:
                    continue
                fate = fates.get((table.name, r, c))
                if (
                    fate is not None
                    and fate.how == "sheet not imported: reported"
                    and table.name in sheet_reports
                ):
                    continue
                why = _why_lost(fate, text, haystack, messages.get((table.name, r), ""))
                if why:
                    lost.append(Lost(table.name, r, c, text, why))
    return lost


def _why_lost(fate: Fate | None, text: str, haystack: str, message: str) -> str | None:
    if fate is None:
        return "no fate recorded"
    if fate.kind == "exact":
        return None if _exact(fate) else f"read exactly as '{fate.how}', but re-reading leaves text over"
    if fate.kind == "skipped":
        if fate.how in (
            "heading",
            "form label",
            "ignored (mapping file)",
            "section title: kept as department",
        ):
            return None
        if fate.how == "read as the organisation block":
            return None if _org_covered(text, haystack) else "organisation-block cell not in the register"
        return (
            None
            if _norm(text) in _norm(message)
            else f"skipped ({fate.how}) without its text in a diagnostic"
        )
    missing = [p for p in fate.pieces if _norm(p) not in haystack and _norm(strip_role(p)) not in haystack]
    if missing:
        return f"pieces not in the register: {missing}"
    if not _covered(text, fate.pieces):
        return f"pieces {list(fate.pieces)} do not cover the cell"
    return None


# --- the hand-checked sample ----------------------------------------------------------------------


def _walk(value: Any, path: list[str]) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            found = _walk(item, path)
            if isinstance(found, list):
                out.extend(found)
            elif found is not None:
                out.append(found)
        return out
    if isinstance(value, dict):
        return _walk(value.get(head), rest)
    return None


@dataclass(frozen=True)
class FileResult:
    """The benchmark figures of one corpus file."""

    name: str
    cells: int
    lost: list[Lost]
    checked: int
    correct: int
    wrong: list[str]
    contradicted: list[str]

    @property
    def accuracy(self) -> float:
        return self.correct / self.checked if self.checked else 1.0


def evaluate(name: str, spec: dict[str, Any]) -> FileResult:
    """Import one corpus file and compare it with its hand-checked expectations."""
    path = FILES / name
    result = import_file(path)
    register = result.register.model_dump(mode="json", by_alias=True, exclude_none=True)
    wrong: list[str] = []
    checked = 0
    for dotted, expected in (spec.get("register") or {}).items():
        checked += 1
        actual = _walk(register, dotted.split("."))
        if actual != expected:
            wrong.append(f"{dotted}: {actual!r} != {expected!r}")
    by_name = {a["name"]: a for a in register.get("activities", [])}
    for activity, fields in (spec.get("activities") or {}).items():
        act = by_name.get(activity)
        for dotted, expected in fields.items():
            checked += 1
            actual = _walk(act, dotted.split(".")) if act is not None else None
            if actual != expected:
                wrong.append(f"{activity}: {dotted}: {actual!r} != {expected!r}")
    contradicted: list[str] = []
    report = ropa.validate(result.register)
    for activity, codes in (spec.get("not_findings") or {}).items():
        act = by_name.get(activity)
        ident = act["id"] if act else None
        for d in report.diagnostics:
            if d.code in codes and (activity == "*" or (d.location.entity or "").endswith(f" {ident}")):
                contradicted.append(f"{activity}: {d.code} {d.message}")
    for code, where in (spec.get("not_diagnostics") or {}).items():
        for d in result.diagnostics:
            if d.code == code and (where == "*" or d.location.pointer in where):
                contradicted.append(f"import: {d.code} at {d.location.pointer}: {d.message}")
    cells = sum(1 for t in tables(path) for row in t.rows for cell in row if cell)
    correct = checked - len(wrong)
    return FileResult(name, cells, cells_lost(path, result), checked, correct, wrong, contradicted)


def run() -> list[FileResult]:
    """Evaluate every file of ``checks.yaml``."""
    spec = yaml.safe_load(CHECKS.read_text(encoding="utf-8"))
    return [evaluate(name, entry) for name, entry in spec.items()]


def table(results: list[FileResult]) -> str:
    """The Markdown table of docs/import.md."""
    lines = [
        "| file | cells | cells lost (target 0) | fields read correctly (target ≥ 95 %) | findings the "
        "source contradicts (target 0) |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| `{r.name}` | {r.cells} | {len(r.lost)} | {r.correct}/{r.checked} ({r.accuracy:.0%}) | "
            f"{len(r.contradicted)} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    results = run()
    print(table(results))
    failed = False
    for r in results:
        for item in r.lost:
            print(f"LOST {r.name}: {item}")
        for item in r.wrong:
            print(f"WRONG {r.name}: {item}")
        for item in r.contradicted:
            print(f"CONTRADICTED {r.name}: {item}")
        failed = failed or bool(r.lost or r.contradicted or r.accuracy < 0.95)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
