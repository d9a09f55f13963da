"""ropa diff in the user's language: the change codes' texts, the details, the reports and the Changes sheet
follow ``lang``; codes, names, entity labels in JSON and fingerprints do not; English reads no catalogue."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ropa
from ropa.changes import change_codes
from ropa.changes._texts import CODE_FIELDS, TEXTS
from ropa.i18n import catalogue
from ropa.models import Register
from tests.cli.conftest import Run, write_register
from tests.strategies import register_data

from .test_properties import _overlapping

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 3)
TRANSLATED = ("nl", "fr", "de")

BEFORE = """\
register: {language: nl}
organisation: {name: Shop B.V., country: NL}
parties:
  - {id: mailer, name: Mailer Inc., role: processor, country: US}
activities:
  - id: newsletter
    name: Newsletter
    purposes: [{description: Send product news, lawful_basis: 6-1-a}]
"""
AFTER = """\
register: {language: nl}
organisation: {name: Shop B.V., country: NL}
parties:
  - {id: mailer, name: Mailer Inc., role: processor, country: US}
activities:
  - id: newsletter
    name: Newsletter
    purposes: [{description: Send product news, lawful_basis: 6-1-f}]
    recipients: [mailer]
    transfers: [{country: US, recipient: mailer}]
"""


def _diff(lang: str, *, findings: bool = False) -> ropa.Diff:
    return ropa.diff(
        ropa.loads(BEFORE), ropa.loads(AFTER), ropa.Config(), today=TODAY, findings=findings, lang=lang
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_change_code_has_its_texts_in_the_catalogue(lang: str) -> None:
    messages = catalogue(lang).messages
    for entry in change_codes():
        translated = entry.translated(lang)
        for name in CODE_FIELDS:
            english, text = getattr(entry, name), getattr(translated, name)
            assert messages[f"{entry.code}.{name}"].message.en == english  # type: ignore[union-attr]
            assert text != english, f"{entry.code}.{name} is not translated into {lang}"
        assert (translated.code, translated.name, translated.severity, translated.legal_refs) == (
            entry.code,
            entry.name,
            entry.severity,
            entry.legal_refs,
        )


@pytest.mark.parametrize("entry", change_codes(), ids=lambda c: c.code)
def test_every_example_gives_the_same_meanings_in_every_language(entry: Any) -> None:
    """Each code's example register pair, diffed in each language: the same codes, entities and paths, the
    code's texts in that language, and a detail that is no longer the English one where it has words."""
    before, after = ropa.loads(entry.example_before), ropa.loads(entry.example_after)
    english = ropa.diff(before, after, ropa.Config(), today=TODAY)
    for lang in TRANSLATED:
        other = ropa.diff(before, after, ropa.Config(), today=TODAY, lang=lang)
        assert other.lang == lang
        assert [(m.code, m.name, m.severity, m.entity, m.path, m.location) for m in other.meanings] == [
            (m.code, m.name, m.severity, m.entity, m.path, m.location) for m in english.meanings
        ]
        assert [e.label for e in other.entities] == [e.label for e in english.entities]
        for en, tr in zip(english.meanings, other.meanings, strict=True):
            text = ropa.change_code(tr.code).translated(lang)
            assert (tr.summary, tr.action) == (text.summary, text.action)
            if _prose(en.detail) & _english_words():
                assert tr.detail != en.detail, f"{lang}: {en.detail!r} not translated"


def _prose(detail: str) -> set[str]:
    """The words of a detail that are not quoted register content, YAML keys or codes."""
    text = re.sub(r"\b[\w.-]+:", " ", re.sub(r"'[^']*'", " ", detail))
    return {w for w in text.split() if w.isalpha() and w.islower()}


def _english_words() -> set[str]:
    """Lower-case words of the English detail templates (what a translated detail must not repeat)."""
    words: set[str] = set()
    for key, template in TEXTS.items():
        if key.startswith(("diff.page.", "diff.col.", "diff.h.")):
            continue
        words |= {w for w in template.replace("'", " ").split() if w.isalpha() and len(w) > 3}
    return words - {"status", "ended", "regime"}  # YAML the details quote


def test_the_details_in_dutch() -> None:
    d = _diff("nl")
    details = {m.name: m.detail for m in d.meanings}
    assert details == {
        "basis-changed-to-legitimate-interests": "doel 'Send product news': 6-1-a → 6-1-f",
        "basis-changed-from-consent": "doel 'Send product news': 6-1-a → 6-1-f",
        "processor-added": "partij 'mailer' (Mailer Inc.), rol processor",
        "transfer-added": "naar US (partij 'mailer' (Mailer Inc.)), geen mechanisme vastgelegd",
    }


def test_text_and_markdown_speak_the_language_of_the_diff() -> None:
    d = _diff("de")
    text = ropa.render_diff(d, "text")
    assert "Was die Änderungen rechtlich bedeuten:" in text
    assert "  geändert Verarbeitungstätigkeit newsletter (Newsletter)  register.yaml:6:5" in text
    assert (
        "Verarbeitungstätigkeit newsletter: nach US (Stelle 'mailer' (Mailer Inc.)), kein Mechanismus" in text
    )
    assert "CHG-022 transfer-added: " in text  # codes and names stay
    assert "Art. 44 DSGVO" in text  # legal references in the German style
    assert text.rstrip().endswith("0 entfernt; 4 rechtliche Bedeutungen (0 Fehler, 4 Warnung, 0 Hinweis)")
    markdown = ropa.render_diff(d, "markdown")
    assert "### Was die Änderungen rechtlich bedeuten" in markdown
    assert "| Schweregrad | Änderungscode | Betrifft | Änderung | Was zu tun ist | Vorschriften |" in markdown
    assert "| Warnung | [CHG-022]" in markdown
    english = ropa.render_diff(_diff("en"), "markdown")
    assert "### What the changes mean in law" in english
    assert "| warning | [CHG-022]" in english


def test_json_keeps_its_keys_codes_and_entity_labels() -> None:
    en = json.loads(ropa.render_diff(_diff("en", findings=True), "json"))
    fr = json.loads(ropa.render_diff(_diff("fr", findings=True), "json"))
    assert set(en) == set(fr)
    assert [(m["code"], m["entity"], m["path"], m["legal_refs"]) for m in en["meanings"]] == [
        (m["code"], m["entity"], m["path"], m["legal_refs"]) for m in fr["meanings"]
    ]
    assert [e["label"] for e in en["entities"]] == [e["label"] for e in fr["entities"]]
    assert en["meanings"][0]["entity"] == "activity newsletter"  # stable, like a finding's location
    assert [m["summary"] for m in fr["meanings"]] != [m["summary"] for m in en["meanings"]]
    transfer = next(m for m in fr["meanings"] if m["code"] == "CHG-022")
    assert transfer["action"] == ropa.change_code("CHG-022").translated("fr").action
    assert [f["fingerprint"] for f in en["findings"]["introduced"]] == [
        f["fingerprint"] for f in fr["findings"]["introduced"]
    ]


def test_the_rows_of_the_changes_sheet_follow_the_language() -> None:
    rows = _diff("fr", findings=True).rows()
    subjects = [r.subject for r in rows]
    assert "activité newsletter (Newsletter)" in subjects
    newsletter = next(r for r in rows if r.subject == "activité newsletter (Newsletter)")
    text = ropa.change_code("CHG-022").translated("fr").action
    assert f"CHG-022: {text}" in newsletter.actions
    assert any(m.startswith("CHG-022 transfer-added: vers US") for m in newsletter.meanings)


def test_an_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        ropa.diff(ropa.loads(BEFORE), ropa.loads(AFTER), findings=False, lang="es")
    with pytest.raises(ValueError, match="unsupported language"):
        ropa.change_code("CHG-001").translated("xx")


def test_english_reads_no_catalogue() -> None:
    """An English diff, its reports and its rows use the English in the code and codes.json only."""
    code = (
        "import json, datetime, ropa; from ropa.i18n import catalogue\n"
        f"b, a = ropa.loads({BEFORE!r}), ropa.loads({AFTER!r})\n"
        "d = ropa.diff(b, a, today=datetime.date(2026, 12, 3))\n"
        "[ropa.render_diff(d, f) for f in ('text', 'json', 'markdown')]; d.rows()\n"
        "ropa.render_change_code('CHG-022')\n"
        "print(catalogue.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "0"


@settings(max_examples=15, deadline=None)
@given(register_data(), register_data(), st.sampled_from(TRANSLATED))
def test_any_diff_in_any_language_has_the_meanings_of_the_english_one(
    first: dict[str, Any], second: dict[str, Any], lang: str
) -> None:
    a, b = Register.model_validate(first), Register.model_validate(_overlapping(first, second))
    english = ropa.diff(a, b, ropa.Config(), today=TODAY, findings=False)
    other = ropa.diff(a, b, ropa.Config(), today=TODAY, findings=False, lang=lang)
    assert [(m.code, m.entity, m.path) for m in other.meanings] == [
        (m.code, m.entity, m.path) for m in english.meanings
    ]
    for fmt in ("text", "markdown", "json"):
        assert ropa.render_diff(other, fmt)
    assert len(other.rows()) == len(english.rows())


def test_cli_diff_defaults_to_the_registers_language(run: Run, workdir: Path) -> None:
    write_register(workdir / "old", {"r.yaml": BEFORE})
    write_register(workdir / "new", {"r.yaml": AFTER})
    dutch = run("diff", "old", "new", "--no-findings")
    assert dutch.code == 0, dutch.err
    assert "Wat de wijzigingen juridisch betekenen:" in dutch.out
    assert "naar US (partij 'mailer' (Mailer Inc.)), geen mechanisme vastgelegd" in dutch.out
    english = run("diff", "old", "new", "--no-findings", "--lang", "en")
    assert "What the changes mean in law:" in english.out
    markdown = run("diff", "old", "new", "--no-findings", "--lang", "fr", "-f", "markdown")
    assert "### Ce que les modifications signifient en droit" in markdown.out


def fills_in_full(key: str, template: str, lang: str) -> str | None:
    """Why the catalogue of ``lang`` cannot say ``template`` (``None`` when it can): filled with sample
    values (``activity orders`` for an entity, which the catalogue's entity table translates)."""
    from ropa.diagnostics import Diagnostic, Severity, Template
    from ropa.i18n import placeholders, untranslated

    values = tuple((name, "activity orders" if name == "entity" else "x") for name in placeholders(template))
    diagnostic = Diagnostic("X-000", "x", Severity.INFO, "", template=Template(key, template, "", values))
    return untranslated(diagnostic, lang)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_word_of_ropa_diff_translates_in_full(lang: str) -> None:
    """No text of the table falls back to English at run time: every one has a current translation whose
    placeholders the values fill (a value the catalogue would translate again would make it fall back)."""
    problems = [why for key, template in TEXTS.items() if (why := fills_in_full(key, template, lang))]
    assert problems == []


MODULES = [
    REPO / "ropa" / "changes" / name for name in ("_detect.py", "_render.py", "_rows.py", "_diff.py")
] + [REPO / "ropa" / "deadlines" / name for name in ("_due.py", "_render.py")]
NOT_PROSE = {
    "special-category data",  # the kind ropa.law gives a special category it cannot name: matched, not shown
    "ropa diff: ",  # the command's name heads its reports
    "## ropa diff",
    "## ropa due: ``",
    "## ropa due",
    "ropa due:  (, )",  # a GitHub annotation's title: the command, then kind and status codes
}


def _prose_literals(module: Path) -> list[str]:
    """Every string literal (or literal part of an f-string) with two words in a row, outside docstrings,
    exceptions, pydantic ``Field`` descriptions (the JSON schema) and the tables of texts."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))
        if isinstance(node, ast.Raise) or (
            isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Field"
        ):
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
        else:
            continue
        if re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", text) and text not in NOT_PROSE:
            out.append(f"{module.relative_to(REPO)}:{node.lineno}: {text!r}")
    return out


def test_no_english_prose_outside_the_tables_of_texts() -> None:
    """Words for people in ropa diff and ropa due come from the tables of texts (translated in the
    catalogues), never from a literal in the code that composes or renders them."""
    assert [line for module in MODULES for line in _prose_literals(module)] == []
