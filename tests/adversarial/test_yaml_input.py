"""Broken and hostile YAML: every case is a located diagnostic, through the library and through the CLI.

Each case gives the bytes of one register file and the exact structural diagnostics expected, as
(code, line, column). The library is called in-process; the CLI runs ``python -m ropa validate FILE`` in
a subprocess and must exit 1 (never 3, never a traceback) and print the same code at ``FILE:LINE:``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import pytest

import ropa
from ropa.diagnostics import Severity

from ._helpers import CliRun, run_cli, run_cli_batch


@dataclass(frozen=True)
class Case:
    id: str
    data: bytes
    expected: tuple[tuple[str, int | None, int | None], ...]
    """The structural diagnostics, exactly: (code, line, column), in report order."""


def _garbage(seed: int, size: int) -> bytes:
    rng = random.Random(seed)  # noqa: S311 - seeded: the same bytes every run
    return bytes(rng.randrange(256) for _ in range(size))


ORG_FOO = b"organisation:\n  name: X\n  foo: 1\n"
"""A valid file with one unknown field at line 3, column 3: shows that lines are counted right."""

SYNTAX = [
    Case("tab-indents-sequence", b"activities:\n\t- id: a\n", (("SYN-001", 2, 1),)),
    Case("tab-indents-mapping", b"organisation:\n\tname: X\n", (("SYN-001", 2, 1),)),
    # '     name:' is indented deeper than the '- id' entry: the ':' (column 10) is refused
    Case("bad-indentation", b"activities:\n  - id: a\n     name: b\n", (("SYN-001", 3, 10),)),
    # 'name X' runs on into 'country' and the ':' at line 3 column 10 is not allowed there
    Case("missing-colon", b"organisation:\n  name X\n  country: NL\n", (("SYN-001", 3, 10),)),
    # unclosed quotes and brackets are found at the end of the file
    # an unclosed quote or bracket is reported where it opens, not where the file ends
    Case("unclosed-single-quote", b"activities:\n  - id: 'a\n    name: b\n", (("SYN-001", 2, 9),)),
    Case("unclosed-double-quote", b'activities:\n  - id: "a\n    name: b\n', (("SYN-001", 2, 9),)),
    Case("unclosed-bracket", b"activities: [\n  {id: a\n", (("SYN-001", 2, 3),)),
    Case("unclosed-brace", b"organisation: {name: X\n", (("SYN-001", 1, 15),)),
    Case("extra-closing-bracket", b"activities: []]\n", (("SYN-001", 1, 15),)),
    Case("unknown-escape", b'organisation:\n  name: "a\\qb"\n', (("SYN-001", 2, 11),)),
    Case("undefined-alias", b"organisation:\n  name: *nope\n", (("SYN-001", 2, 9),)),
    Case("reserved-indicator-at", b"organisation:\n  name: @home\n", (("SYN-001", 2, 9),)),
    Case("reserved-indicator-backtick", b"organisation:\n  name: `x`\n", (("SYN-001", 2, 9),)),
    Case("yaml-2-directive", b"%YAML 2.0\n---\norganisation: {name: X}\n", (("SYN-001", 1, 1),)),
    Case("key-without-name", b"organisation:\n  name: X\n  : 1\n", (("SYN-001", 3, 3),)),
    # control characters are refused where they are, not at the start of the file
    Case("control-character-bell", b"organisation:\n  name: a\x07b\n", (("SYN-001", 2, 10),)),
    Case("control-character-escape", b"organisation:\n  name: a\x1bb\n", (("SYN-001", 2, 10),)),
    Case("control-character-delete", b"organisation:\n  name: a\x7fb\n", (("SYN-001", 2, 10),)),
]

ENCODING = [
    Case("latin-1", "organisation:\n  name: Café\n".encode("latin-1"), (("SYN-006", 2, 12),)),
    Case("windows-1252-quotes", "organisation:\n  name: “X”\n".encode("cp1252"), (("SYN-006", 2, 9),)),
    Case("overlong-utf-8", b"organisation:\n  name: \xc0\xafX\n", (("SYN-006", 2, 9),)),
    Case("utf-8-encoded-surrogate", b"organisation:\n  name: \xed\xa0\x80X\n", (("SYN-006", 2, 9),)),
    Case("truncated-utf-8-at-end", b"organisation:\n  name: X\xe2\x82", (("SYN-006", 2, 10),)),
    Case("utf-16-le-bom", b"\xff\xfe" + "organisation: {}\n".encode("utf-16-le"), (("SYN-006", 1, 1),)),
    Case("utf-16-be-bom", b"\xfe\xff" + "organisation: {}\n".encode("utf-16-be"), (("SYN-006", 1, 1),)),
    Case("utf-16-le-no-bom", "organisation: {}\n".encode("utf-16-le"), (("SYN-006", 1, 2),)),
    Case("utf-16-be-no-bom", "organisation: {}\n".encode("utf-16-be"), (("SYN-006", 1, 1),)),
    Case("utf-32-bom", "organisation: {}\n".encode("utf-32"), (("SYN-006", 1, 1),)),
    Case("nul-byte", b"activities: []\n\x00\n", (("SYN-006", 2, 1),)),
    Case("nul-in-value", b"organisation:\n  name: a\x00b\n", (("SYN-006", 2, 10),)),
    Case("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (("SYN-006", 1, 1),)),
    Case("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", (("SYN-006", 1, 2),)),
    Case("zip", b"PK\x03\x04\x14\x00\x00\x00", (("SYN-006", 1, 6),)),
    # a UTF-8 BOM is accepted and does not shift lines or columns; nor do CRLF or CR line ends
    Case("utf-8-bom", b"\xef\xbb\xbf" + ORG_FOO, (("STR-002", 3, 3),)),
    Case("two-utf-8-boms", b"\xef\xbb\xbf\xef\xbb\xbf" + ORG_FOO, (("STR-002", 3, 3),)),
    Case("crlf", ORG_FOO.replace(b"\n", b"\r\n"), (("STR-002", 3, 3),)),
    Case("cr", ORG_FOO.replace(b"\n", b"\r"), (("STR-002", 3, 3),)),
]

DOCUMENTS = [
    Case("empty", b"", (("STR-001", 1, 1),)),
    Case("whitespace-only", b"   \n\n  \n", (("STR-001", 1, 1),)),
    Case("comments-only", b"# a register\n# nothing here yet\n", (("STR-001", 1, 1),)),
    Case("document-marker-only", b"---\n", (("STR-001", 1, 1),)),
    Case("null-document", b"~\n", (("STR-001", 1, 1),)),
    Case("text-document", b"hello\n", (("STR-001", 1, 1),)),
    Case("list-document", b"- a\n- b\n", (("STR-001", 1, 1),)),
    Case("two-documents", b"organisation: {name: X}\n---\nparties: []\n", (("SYN-005", 2, 1),)),
    Case("three-documents", b"organisation: {name: X}\n---\na: 1\n---\nb: 2\n", (("SYN-005", 2, 1),)),
    Case("document-after-end-marker", b"organisation: {name: X}\n...\n---\nb: 2\n", (("SYN-005", 3, 1),)),
]

KEYS = [
    Case("duplicate-kind", b"activities: []\nactivities: []\n", (("SYN-002", 2, 1),)),
    Case(
        "duplicate-singular-kind",
        b"activity:\n  id: a\n  name: b\nactivity:\n  id: c\n",
        (("SYN-002", 4, 1),),
    ),
    Case("duplicate-field", b"activities:\n  - id: a\n    id: b\n    name: x\n", (("SYN-002", 3, 5),)),
    Case("duplicate-in-flow-mapping", b"activities: [{id: a, id: b, name: c}]\n", (("SYN-002", 1, 22),)),
    Case("duplicate-quoted-and-plain", b'organisation:\n  name: X\n  "name": Y\n', (("SYN-002", 3, 3),)),
    Case(
        "duplicate-nested",
        b"activities:\n  - id: a\n    name: b\n    purposes:\n      - description: x\n"
        b"        consent:\n          explicit: true\n          explicit: false\n",
        (("SYN-002", 8, 11),),
    ),
    Case(
        "duplicate-in-contact",
        b"organisation:\n  contact:\n    email: a@example.org\n    email: b@example.org\n",
        (("SYN-002", 4, 5),),
    ),
    # one SYN-004 at '<<'; the unknown kind 'base' (STR-002) and the activity without its (merged) name
    # (STR-004) are reported too, so nothing silently disappears
    Case(
        "merge-key",
        b"base: &b {name: x}\nactivities:\n  - <<: *b\n    id: a\n",
        (("STR-002", 1, 1), ("STR-004", 3, 5), ("SYN-004", 3, 5)),
    ),
    Case("quoted-merge-key-is-a-field", b'organisation:\n  name: X\n  "<<": 1\n', (("STR-002", 3, 3),)),
    Case("integer-key", b"organisation:\n  name: X\n  1: y\n", (("STR-002", 3, 3),)),
    Case("boolean-key", b"organisation:\n  name: X\n  true: y\n", (("STR-002", 3, 3),)),
    Case("null-key", b"organisation:\n  name: X\n  ~: y\n", (("STR-002", 3, 3),)),
    Case("top-level-integer-key", b"1: x\n", (("STR-002", 1, 1),)),
    Case("list-key", b"organisation:\n  name: X\n  [a, b]: y\n", (("SYN-008", 3, 3),)),
    Case("mapping-key", b"organisation:\n  name: X\n  ? {a: 1}\n  : y\n", (("SYN-008", 3, 5),)),
    Case("binary-key", b"organisation:\n  name: X\n  !!binary aGk=: y\n", (("SYN-008", 3, 3),)),
    # reported at the anchored collection that contains its own alias
    Case("recursive-alias", b"organisation: &a\n  name: X\n  contact: *a\n", (("SYN-004", 1, 15),)),
]
NESTING = [
    # 62 brackets inside organisation/name: depth 64 is accepted (and is then a wrong type)
    Case("depth-64", b"organisation:\n  name: " + b"[" * 62 + b"]" * 62 + b"\n", (("STR-003", 2, 3),)),
    Case("depth-65", b"organisation:\n  name: " + b"[" * 63 + b"]" * 63 + b"\n", (("SYN-007", 2, 71),)),
    Case("block-depth-100", b"activities:\n" + b"- " * 100 + b"x\n", (("SYN-007", 2, 127),)),
    # beyond libyaml's own limit of 1000 levels the parser stops; that is also "too deep"
    Case(
        "flow-depth-10000", b"activities: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", (("SYN-007", 1, 1012),)
    ),
    Case(
        "flow-mapping-depth-10000",
        b"activities: " + b"{a: " * 10_000 + b"1" + b"}" * 10_000 + b"\n",
        (("SYN-007", 1, 4009),),
    ),
    Case("block-depth-10000", b"activities:\n" + b"- " * 10_000 + b"x\n", (("SYN-007", 2, 1999),)),
    Case(
        "block-mapping-depth-1100",
        b"activities:\n" + b"".join(b" " * (i + 1) + b"k%d:\n" % i for i in range(1100)),
        (("SYN-007", 1000, 1004),),
    ),
]

CASES = [*SYNTAX, *ENCODING, *DOCUMENTS, *KEYS, *NESTING, Case("binary-garbage", _garbage(7, 4096), ())]


def _structural(result: ropa.LoadResult) -> tuple[tuple[str, int, int], ...]:
    return tuple((d.code, d.location.line, d.location.column) for d in result.diagnostics)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_library_reports_located_diagnostics(case: Case) -> None:
    result = ropa.loads(case.data, name="case.yaml")
    if case.id == "binary-garbage":
        assert [d.code for d in result.diagnostics] == ["SYN-006"]
        assert result.diagnostics[0].location.line >= 1
        return
    assert _structural(result) == case.expected
    assert all(d.location.file == "case.yaml" for d in result.diagnostics)


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[ropa.LoadResult, CliRun, dict[str, CliRun]]:
    """Every case as one file of a register folder (library and CLI), and every case as a single file
    given to the CLI: ``ropa validate`` runs once per path, all in one measured process."""
    folder = tmp_path_factory.mktemp("cases")
    singles = {}
    for case in CASES:
        (folder / f"{case.id}.yaml").write_bytes(case.data)
        singles[case.id] = tmp_path_factory.mktemp(case.id) / "case.yaml"
        singles[case.id].write_bytes(case.data)
    runs = run_cli_batch([["validate", folder], *(["validate", path] for path in singles.values())])
    return ropa.load(folder), runs[0], dict(zip(singles, runs[1:], strict=True))


def test_cli_reports_every_case_of_a_folder(
    cli_runs: tuple[ropa.LoadResult, CliRun, dict[str, CliRun]],
) -> None:
    result, run, _ = cli_runs
    run.assert_handled(1)
    structural = [d for d in result.diagnostics if d.code[:3] in ("SYN", "STR")]
    assert {d.location.file for d in structural} == {f"{case.id}.yaml" for case in CASES}
    for d in structural:
        assert d.location.file is not None
        assert run.lines_with(d.location.file, d.location.line, d.code), (d, run.stdout[-3000:])


def test_folder_of_cases_reports_each_file_on_its_own(
    cli_runs: tuple[ropa.LoadResult, CliRun, dict[str, CliRun]],
) -> None:
    """Side by side in one folder, each file keeps its own syntax diagnostics (SYN-*)."""
    result, _, _ = cli_runs
    found: dict[str, list[tuple[str, int, int]]] = {}
    for d in result.diagnostics:
        if d.code.startswith("SYN") and d.location.file is not None:
            found.setdefault(d.location.file, []).append((d.code, d.location.line, d.location.column))
    for case in CASES:
        expected = [x for x in case.expected if x[0].startswith("SYN")]
        if case.id == "binary-garbage":
            assert [c for c, _, _ in found[f"{case.id}.yaml"]] == ["SYN-006"]
        else:
            assert found.get(f"{case.id}.yaml", []) == expected, case.id


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_cli_on_one_file(cli_runs: tuple[ropa.LoadResult, CliRun, dict[str, CliRun]], case: Case) -> None:
    run = cli_runs[2][case.id]
    run.assert_handled(1)
    for code, line, _ in case.expected or (("SYN-006", None, None),):
        assert run.lines_with("case.yaml", line, code), (code, line, run.stdout[-2000:])


@pytest.mark.parametrize("case_id", ["unclosed-bracket", "latin-1", "flow-depth-10000"])
def test_cli_as_a_separate_process(tmp_path: Path, case_id: str) -> None:
    """``python -m ropa validate FILE`` itself, as a process of its own, for a case of three kinds."""
    case = next(c for c in CASES if c.id == case_id)
    path = tmp_path / "case.yaml"
    path.write_bytes(case.data)
    run = run_cli("validate", path, timeout=60)
    run.assert_handled(1)
    for code, line, _ in case.expected:
        assert run.lines_with("case.yaml", line, code), (code, line, run.stdout[-2000:])


def test_utf_8_bom_file_loads_its_content() -> None:
    result = ropa.loads(b"\xef\xbb\xbforganisation:\n  name: Caf\xc3\xa9\n")
    assert result.diagnostics == ()
    assert result.register.organisation is not None
    assert result.register.organisation.name == "Café"


def test_duplicate_key_keeps_the_first_value() -> None:
    result = ropa.loads(b"activities:\n  - id: a\n    id: b\n    name: x\n")
    assert [a.id for a in result.register.activities or []] == ["a"]


def test_merge_key_drops_only_the_merge() -> None:
    result = ropa.loads(b"activities:\n  - <<: {notes: merged}\n    id: a\n    name: A\n")
    assert [d.code for d in result.diagnostics] == ["SYN-004"]
    activities = result.register.activities or []
    assert [(a.id, a.name, a.notes) for a in activities] == [("a", "A", None)]


def test_one_broken_entity_does_not_hide_the_others() -> None:
    text = (
        b"activities:\n"
        b"  - {id: one, name: One}\n"
        b"  - {id: two, name: Two, notes: !!python/object/apply:os.getcwd []}\n"
        b"  - {id: three, name: [nested]}\n"
        b"  - {id: four, name: Four}\n"
    )
    result = ropa.loads(text)
    assert [a.id for a in result.register.activities or []] == ["one", "two", "four"]
    assert _structural(result) == (("SYN-003", 3, 33), ("STR-003", 4, 17))
    assert ("activities", "three") in result.broken


def test_empty_file_is_a_warning_not_an_error() -> None:
    result = ropa.loads(b"")
    assert [(d.code, d.severity) for d in result.diagnostics] == [("STR-001", Severity.WARNING)]
    assert result.ok


def test_a_document_start_and_end_marker_make_one_document() -> None:
    result = ropa.loads(b"---\norganisation:\n  name: X\n...\n")
    assert result.diagnostics == ()
    assert result.register.organisation is not None


def test_tabs_inside_values_and_flow_are_accepted() -> None:
    result = ropa.loads(b"organisation:\n  name:\tX\nactivities: [\t{id: a, name: b}]\n")
    assert result.diagnostics == ()
    assert result.register.organisation is not None
    assert result.register.organisation.name == "X"


def test_text_with_a_lone_surrogate_is_a_diagnostic() -> None:
    # A Python str can hold a lone surrogate (from os.fsdecode, or JSON "\ud800"); it is not UTF-8.
    result = ropa.loads("organisation:\n  name: a\ud800b\n")
    assert _structural(result) == (("SYN-006", 2, 10),)


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"], ids=["NEL", "LS", "PS"])
def test_unicode_line_separators_do_not_shift_lines(char: str) -> None:
    """libyaml (YAML 1.1) also breaks lines at NEL, LS and PS; editors and YAML 1.2 do not. Text pasted
    from a word processor can hold them: the lines of later diagnostics must not move."""
    text = f'organisation:\n  name: "a{char}b"\n  foo: 1\nparties:\n  - {{id: p, name: P, colour: red}}\n'
    result = ropa.loads(text)
    assert _structural(result) == (("STR-002", 3, 3), ("STR-002", 5, 22))
    assert ropa.loads(text.replace("\n", "\r\n")).diagnostics == result.diagnostics
    # in a plain value, libyaml ends the line there and 'b' starts a key that never gets its ':'; the
    # error is found at 'foo:' and reported where an editor shows it (line 3, not libyaml's line 4)
    result = ropa.loads(f"organisation:\n  name: a{char}b\n  foo: 1\n")
    assert [(d.code, d.location.line, d.location.column) for d in result.diagnostics] == [("SYN-001", 3, 6)]


def test_quoted_line_and_paragraph_separators_are_kept() -> None:
    for char in ("\u2028", "\u2029"):
        result = ropa.loads(f'organisation:\n  name: "a{char}b"\n')
        assert result.register.organisation is not None
        assert result.register.organisation.name == f"a{char}b"


def test_unicode_line_separators_do_not_shift_rule_findings() -> None:
    text = 'organisation:\n  name: "a\u2028b"\nactivities:\n  - {id: a, name: A}\n'
    report = ropa.validate(ropa.loads(text), today=dt.date(2026, 6, 1))
    assert {d.location.line for d in report if d.code == "ACT-001"} == {4}
