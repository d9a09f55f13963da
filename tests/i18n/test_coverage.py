"""Every English text a rule or the loader can put into a message has its translation.

Two checks. Statically, every piece of English prose written in a rule module (a string literal or the
literal parts of an f-string, outside docstrings and the ``Rule(...)`` declaration) occurs in an English
source of each catalogue: a rule that gains a new fragment fails here until it is translated. Dynamically,
every diagnostic that the rule fixtures, the first user's register and a set of broken files produce is
translated in full in every language.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

import ropa
from ropa.config import Config
from ropa.i18n import catalogue, untranslated
from ropa.loading.codes import MESSAGES
from ropa.rules import ALL_RULES
from tests.rules.conftest import DEFAULT_PROFILES

from ._sources import TRANSLATED

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "ropa" / "rules"
FIXTURES = REPO / "tests" / "rules" / "fixtures"

NOT_MESSAGES = {
    # ACT-002 recognises these generic labels in a purpose; they are matched, never shown.
    "business operations", "legitimate business", "human resources", "internal use", "data processing",
    "service provision", "provision services", "algemene bedrijfsvoering", "interne bedrijfsvoering",
    "financiële administratie", "activités commerciales", "gestion administrative", "ressources humaines",
    "prestation services", "usage interne",
    # SPC-005 lists category ids and cuts the list with an ellipsis, the same in every language.
    ", …",
}  # fmt: skip
"""Literals in rule modules that are data, not message text."""


def _prose(module: Path) -> list[tuple[int, list[str]]]:
    """``(line, literal pieces)`` of every string with a space written in a rule module."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # docstrings of modules, functions and attributes
        if isinstance(node, ast.Raise):
            skip.update(id(n) for n in ast.walk(node))  # exceptions are for developers
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Rule":
            skip.update(id(n) for kw in node.keywords for n in ast.walk(kw.value))
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "compile":
            skip.update(id(n) for n in ast.walk(node))  # regular expressions
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            pieces = [node.value]
        elif isinstance(node, ast.JoinedStr):
            pieces = [
                v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
            ]
        else:
            continue
        text = "".join(pieces)
        if " " in text.strip() and text not in NOT_MESSAGES:
            out.append((node.lineno, [p for p in pieces if p.strip()]))
    return out


def _english_sources(lang: str) -> str:
    """Every English text of the catalogue of ``lang``, with placeholders cut out, one per line."""
    texts = []
    for entry in catalogue(lang).messages.values():
        texts += [t.en for t in (entry.message, entry.hint) if t is not None]
        for table in entry.fields.values():
            texts += [f.source for f in table.fragments]
            texts += [t.en for t in (table.join, table.last) if t is not None]
    return "\n".join(re.sub(r"\{\w*\}", "\n", t.replace("{{", "{").replace("}}", "}")) for t in texts)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_english_fragment_in_the_rules_is_translated(lang: str) -> None:
    sources = _english_sources(lang)
    missing = []
    for module in sorted(RULES.rglob("*.py")):
        if module.name in ("engine.py", "docs.py", "_base.py", "__init__.py"):
            continue
        for line, pieces in _prose(module):
            for piece in pieces:
                if piece.strip() not in sources:
                    missing.append(f"{module.relative_to(REPO)}:{line}: {piece!r}")
    assert missing == [], f"{lang}: English in rule modules without a translation:\n" + "\n".join(missing)


def _fixture(code: str) -> Path:
    single = FIXTURES / code / "fail.yaml"
    return single if single.exists() else FIXTURES / code / "fail"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_every_finding_of_the_fail_fixtures_is_translated(rule: object) -> None:
    code = rule.code  # type: ignore[attr-defined]
    profile = None if code in DEFAULT_PROFILES else ["eu", "nl"]
    report = ropa.validate(
        ropa.load(_fixture(code)), Config(select=[code], profile=profile), today=dt.date(2026, 6, 1)
    )
    assert len(report) > 0
    problems = [f"{lang}: {why}" for d in report for lang in TRANSLATED if (why := untranslated(d, lang))]
    assert problems == []


def test_every_finding_on_the_first_users_register_is_translated() -> None:
    report = ropa.validate(REPO / "registers" / "miki4all", today=dt.date(2026, 11, 25))
    assert len(report) > 50
    problems = [f"{lang}: {why}" for d in report for lang in TRANSLATED if (why := untranslated(d, lang))]
    assert problems == []


BROKEN = {
    "SYN-006.utf16": b"\xff\xfeo\x00r\x00",
    "SYN-006.invalid-byte": b"organisation:\n  name: caf\xe9\n",
    "SYN-006.nul": b"organisation:\n  name: a\x00b\n",
    "SYN-001.character": b"organisation:\n  name: a\x07b\n",
    "SYN-001.tab": b"activities:\n\t- id: a\n",
    "SYN-001.unclosed-quote": b"activities:\n  - id: 'a\n    name: b\n",
    "SYN-001.runaway-quote": b"parties:\n  - id: a\n    name: \"A\n    role: processor\n"
    b"  - id: b\n    name: \"B\"\n  x: [\n",
    "SYN-001.unclosed-bracket": b"organisation: {name: X\n",
    "SYN-001.escape": b'organisation:\n  name: "C:\\Users"\n',
    "SYN-001.syntax": b"organisation:\n  name: X\n  : 1\n",
    "SYN-005.documents": b"organisation: {name: A}\n---\norganisation: {name: B}\n",
    "SYN-007.too-deep": b"organisation: " + b"[" * 70 + b"]" * 70 + b"\n",
    "SYN-004.alias-bomb": b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + b"".join(b"%c: &%c [" % (c, c) + b", ".join([b"*%c" % (c - 1)] * 10) + b"]\n" for c in range(98, 106)),
    "SYN-004.recursive-alias": b"a: &a [*a]\n",
    "SYN-004.merge-key": b"organisation:\n  <<: {name: X}\n",
    "SYN-003.tag": b"organisation: !!python/object {name: X}\n",
    "SYN-003.scalar-tag": b"organisation:\n  name: !!binary aGk=\n",
    "SYN-002.duplicate-key": b"organisation:\n  name: A\n  name: B\n",
    "SYN-008.key": b"organisation:\n  [a, b]: 1\n",
    "STR-001.empty": b"# nothing\n",
    "STR-001.not-mapping": b"- a\n- b\n",
    "STR-002.unknown-kind": b"activites: []\n",
    "STR-002.unknown-field": b"organisation:\n  name: A\n  nmae: B\n",
    "STR-002.flow-comma": b"parties: [{id: a, name: FG (extern, via X)}]\n",
    "STR-003.not-list": b"activities: {id: a}\n",
    "STR-003.entity-not-mapping": b"activities: [a]\n",
    "STR-003.wrong-type": b"organisation:\n  name: [A]\n",
    "STR-003.quoted-number": b"organisation:\n  name: A\n  employees: '12'\n",
    "STR-004.missing": b"activities:\n  - name: A\n",
    "STR-005.duplicate-id": b"parties:\n  - {id: p, name: P}\n  - {id: p, name: Q}\n",
    "STR-005.enum": b"parties:\n  - {id: p, name: P, role: vendor}\n",
    "STR-005.country": b"organisation:\n  name: A\n  country: USA\n",
    "STR-005.id": b"parties:\n  - {id: 'a b', name: P}\n",
    "STR-005.date": b"register:\n  last_updated: 2026-02-30\n",
    "STR-005.not-type": b"organisation:\n  name: A\n  public_authority: maybe\n",
    "STR-005.at-least": b"organisation:\n  name: A\n  employees: -1\n",
    "STR-005.too-long": b"organisation:\n  name: " + b"x" * 100_001 + b"\n",
    "STR-006.singleton": None,  # two files, below
    "STR-007.references": None,
    "STR-007.rules": None,
    "STR-007.both": None,
    "IO-002.empty": None,
    "IO-003.file": None,
    "STR-008.too-many": b"activities:\n" + b"- {}\n" * 150,  # 300 problems: 200 reported, 100 counted
}  # fmt: skip
UNREACHABLE = {"STR-005.at-most", "STR-005.invalid", "IO-001.folder", "IO-001.file"}
"""Loader messages no input here produces: no field has an upper bound or an error kind without ropa's own
words yet, and running as root makes any file readable. Their translations are still checked above."""


def _diagnostics(tmp_path: Path) -> list[ropa.Diagnostic]:
    out: list[ropa.Diagnostic] = []
    for key, data in BROKEN.items():
        if data is not None:
            out += ropa.loads(data, name=f"{key}.yaml").diagnostics
    two = tmp_path / "two"
    two.mkdir()
    (two / "a.yaml").write_text("organisation: {name: A}\n", encoding="utf-8")
    (two / "b.yaml").write_text("organisation: {name: B}\n", encoding="utf-8")
    out += ropa.validate(two).diagnostics
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.yaml").write_text("activity: {id: a, name: A, recipients: [p]}\n", encoding="utf-8")
    (broken / "b.yaml").write_text("parties:\n  - id: p\n    name: [P\n", encoding="utf-8")
    (broken / "c.yaml").write_text("organisation:\n  name: [X\n", encoding="utf-8")
    (broken / "d.yaml").write_text(
        "organisation:\n  name: X\nparties:\n  - id: q\n  x: [\n", encoding="utf-8"
    )
    (broken / "e.yaml").write_text("activity: {id: e, name: E, recipients: [q]}\n", encoding="utf-8")
    out += ropa.validate(broken).diagnostics
    empty = tmp_path / "empty"
    empty.mkdir()
    out += ropa.validate(empty).diagnostics
    large = tmp_path / "large"
    large.mkdir()
    with (large / "huge.yaml").open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: only its size is real
    out += ropa.validate(large).diagnostics
    return out


def test_every_loader_message_is_produced_and_translated(tmp_path: Path) -> None:
    diagnostics = _diagnostics(tmp_path)
    produced = {d.template.key for d in diagnostics if d.template is not None} & set(MESSAGES)
    assert produced | UNREACHABLE == set(MESSAGES), sorted(set(MESSAGES) - produced - UNREACHABLE)
    problems = [
        f"{lang}: {why}" for d in diagnostics for lang in TRANSLATED if (why := untranslated(d, lang))
    ]
    assert problems == []
