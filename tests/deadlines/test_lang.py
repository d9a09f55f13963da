"""ropa due in the user's language: subjects, actions and the words of the reports follow ``lang`` (or the
register's ``language:`` on the command line); kinds, statuses, dates and the JSON keys do not."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

import ropa
from ropa.deadlines import due_kinds, render_due
from tests.cli.conftest import Run, write_register

from .test_due import REGISTER, TODAY, _items

REPO = Path(__file__).resolve().parents[2]
TRANSLATED = ("nl", "fr", "de")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_kind_has_its_title_and_action_in_the_catalogue(lang: str) -> None:
    for kind in due_kinds().values():
        translated = kind.translated(lang)
        assert translated.title != kind.title, (lang, kind.kind)
        assert translated.action != kind.action, (lang, kind.kind)
        assert (translated.kind, translated.field, translated.legal_refs) == (
            kind.kind,
            kind.field,
            kind.legal_refs,
        )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_same_items_in_the_same_order_in_every_language(lang: str) -> None:
    english, other = _items(), _items(lang=lang)
    assert [(i.kind, i.status, i.due, i.days_left, i.entity, i.location) for i in other] == [
        (i.kind, i.status, i.due, i.days_left, i.entity, i.location) for i in english
    ]
    for en, tr in zip(english, other, strict=True):
        assert tr.subject != en.subject
        assert tr.action == due_kinds()[tr.kind].translated(lang).action


def test_subjects_in_dutch() -> None:
    subjects = {i.kind: i.subject for i in _items(lang="nl")}
    assert subjects == {
        "dpf-check": "partij analytics: controle van de certificering onder het Data Privacy Framework "
        "(laatst gecontroleerd 2025-12-10, elke 12 maanden)",
        "activity-end": "activiteit raffle: einde van de activiteit",
        "agreement-review": "partij mailer: herbeoordeling van de verwerkersovereenkomst",
        "dpia-review": "activiteit orders: herbeoordeling van de DPIA",
        "register-review": "register: herbeoordeling van het register",
        "suppression": "partij mailer: einde van een onderdrukking van PRC-004",
        "tia-review": "activiteit orders: herbeoordeling van de doorgiftetoetsing (TIA) "
        "van de doorgifte naar US",
    }
    never = next(i for i in _items(lang="nl") if i.kind == "dpf-check" and i.due is None)
    assert (
        never.subject
        == "partij cloud: DPF-certificering nooit gecontroleerd ('dpf.checked' is niet vastgelegd)"
    )


def test_the_reports_in_french() -> None:
    items = _items(lang="fr")
    text = render_due(items, "text", today=TODAY, within="30d", lang="fr")
    assert "il y a 32 jours" in text
    assert "dans 7 jours" in text
    assert "jamais fait" in text
    assert "aujourd'hui " in text
    assert text.rstrip().endswith("3 en retard, 5 à échéance dans 30 jours (aujourd'hui 2026-12-03)")
    assert "[Art. 24(1) RGPD, Art. 28(1) RGPD]" in text
    assert text.splitlines()[0].startswith("overdue ")  # the status word is the value of --fail-on
    markdown = render_due(items, "markdown", today=TODAY, within="1m", lang="fr")
    assert "3 en retard, 5 à échéance dans 1 mois (aujourd'hui 2026-12-03)." in markdown
    assert "| Statut | Échéance | Quand | Quoi | Où | Que faire |" in markdown
    assert "| **en retard** |" in markdown
    github = render_due(items, "github", today=TODAY, lang="fr")
    assert "title=ropa due%3A dpf-check (overdue%2C jamais)::partie cloud : certification DPF" in github
    document = json.loads(render_due(items, "json", today=TODAY, lang="fr"))
    english = json.loads(render_due(_items(), "json", today=TODAY))
    assert [(i["kind"], i["status"], i["due"], i["legal_refs"]) for i in document["items"]] == [
        (i["kind"], i["status"], i["due"], i["legal_refs"]) for i in english["items"]
    ]
    assert document["summary"] == english["summary"]


def test_plural_forms() -> None:
    one = ropa.loads("register:\n  next_review: 2026-12-04\n")
    items = ropa.due(one, today=TODAY, config=ropa.Config(), lang="de")
    item = next(i for i in items if i.kind == "register-review")
    assert render_due([item], "text", today=TODAY, within="1y", lang="de").splitlines()[0].split()[2:4] == [
        "in",
        "1",
    ]
    assert "0 überfällig, 1 fällig innerhalb von 1 Jahr" in render_due([item], "text", within="1y", lang="de")
    assert "in 1 Tag " in render_due([item], "text", today=TODAY, lang="de")
    assert "rien en retard ni à échéance dans 0 jour" in render_due([], "text", within=0, lang="fr")


def test_an_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        ropa.due(ropa.loads(REGISTER), today=TODAY, lang="es")
    with pytest.raises(ValueError, match="unsupported language"):
        render_due([], "text", lang="es")


def test_english_reads_no_catalogue() -> None:
    code = (
        "import datetime, ropa; from ropa.i18n import catalogue\n"
        f"items = ropa.due(ropa.loads({REGISTER!r}), today=datetime.date(2026, 12, 3))\n"
        "[ropa.render_due(items, f) for f in ('text', 'json', 'github', 'markdown')]\n"
        "print(catalogue.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "0"


def test_cli_due_in_the_registers_language(run: Run, workdir: Path) -> None:
    shop = write_register(
        workdir / "shop", {"register.yaml": REGISTER.replace("register:\n", "register:\n  language: de\n")}
    )
    german = run("due", shop, "--today", "2026-12-03", "-f", "text", "--fail-on", "never")
    assert german.code == 0, german.err
    assert "Stelle mailer: Überprüfung des Auftragsverarbeitungsvertrags" in german.out
    assert "überfällig, 5 fällig innerhalb von 30 Tagen (heute 2026-12-03)" in german.out
    english = run("due", shop, "--today", "2026-12-03", "-f", "text", "--lang", "en", "--fail-on", "never")
    assert "party mailer: review of the processing agreement" in english.out
    dutch = run("due", shop, "--today", "2026-12-03", "-f", "markdown", "--lang", "nl", "--fail-on", "never")
    assert "| Status | Datum | Wanneer | Wat | Waar | Wat te doen |" in dutch.out
    assert dt.date(2026, 12, 3).isoformat() in dutch.out


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_word_of_ropa_due_translates_in_full(lang: str) -> None:
    from ropa.deadlines._texts import TEXTS
    from tests.changes.test_lang import fills_in_full

    problems = [why for key, template in TEXTS.items() if (why := fills_in_full(key, template, lang))]
    assert problems == []
