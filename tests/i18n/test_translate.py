"""Translating diagnostics: templates, fragments, lists, and the English fallback."""

from __future__ import annotations

import dataclasses

import pytest

import ropa
from ropa.diagnostics import Diagnostic, Location, Severity, Template
from ropa.i18n import entity_text, message, plural_category, translate, translate_report, untranslated

REGISTER = """\
parties:
  - {id: mollie, name: Mollie, role: processor, agreement: {reference: dpa.pdf, signed: true}}
data_subjects: [{id: klanten, name: Klanten}]
data_categories: [{id: naam, name: Naam}]
activity:
  id: betalingen
  name: Betalingen
  purposes: [{description: Betalingen afhandelen}]
  data_subjects: [klanten]
  data_categories: [naam, betaalgegevens]
  recipients: [Mollie]
"""


def _one(code: str, lang: str = "en") -> Diagnostic:
    report = ropa.validate(ropa.loads(REGISTER), lang=lang)
    (found,) = [d for d in report if d.code == code]
    return found


@pytest.mark.parametrize(
    ("lang", "text", "hint"),
    [
        (
            "en",
            "activity betalingen: recipient 'Mollie' is not a defined party",
            "Did you mean 'mollie'? Define",
        ),
        (
            "nl",
            "activiteit betalingen: ontvanger 'Mollie' is geen gedefinieerde partij",
            "Bedoelt u 'mollie'? Definieer",
        ),
        (
            "fr",
            "activité betalingen : le destinataire 'Mollie' n'est pas une partie définie",
            "Vouliez-vous dire 'mollie' ? Définissez",
        ),
        (
            "de",
            "Verarbeitungstätigkeit betalingen: der Empfänger 'Mollie' ist keine definierte Stelle",
            "Meinten Sie 'mollie'? Definieren",
        ),
    ],
)
def test_a_finding_in_each_language(lang: str, text: str, hint: str) -> None:
    found = _one("REC-001", lang)
    assert found.message == text
    assert found.hint is not None
    assert found.hint.startswith(hint)


def test_translation_keeps_code_location_and_fingerprint() -> None:
    english = _one("ACT-005")
    dutch = translate(english, "nl")
    assert dutch.message == "activiteit betalingen: gegevenscategorie 'betaalgegevens' is niet gedefinieerd"
    assert (dutch.code, dutch.rule, dutch.severity, dutch.location) == (
        english.code,
        english.rule,
        english.severity,
        english.location,
    )
    assert dutch.fingerprint == english.fingerprint
    assert translate(dutch, "en") == english  # the template still gives the English back
    assert translate(english, "en") is english


def test_a_stale_translation_is_not_used() -> None:
    english = _one("REC-001")
    assert english.template is not None
    changed = dataclasses.replace(
        english, template=dataclasses.replace(english.template, message="{entity}: '{ref}' is unknown")
    )
    assert translate(changed, "nl") is changed
    assert untranslated(changed, "nl") == "REC-001: the message is stale"


def test_a_value_no_fragment_matches_leaves_the_finding_in_english() -> None:
    english = _one("REC-001")
    assert english.template is not None
    args = tuple((k, "Perhaps 'x'? " if k == "suggest" else v) for k, v in english.template.args)
    odd = dataclasses.replace(english, template=dataclasses.replace(english.template, args=args))
    assert translate(odd, "de") is odd
    assert untranslated(odd, "de") == "REC-001: no fragment matches \"Perhaps 'x'? \""


def test_a_diagnostic_built_by_hand_stays_in_english() -> None:
    hand = Diagnostic("XYZ-001", "custom", Severity.INFO, "a custom finding", Location("a.yaml"))
    assert translate(hand, "fr") is hand
    unknown = dataclasses.replace(hand, template=Template("XYZ-001", "a custom finding"))
    assert translate(unknown, "fr") is unknown
    assert untranslated(unknown, "fr") == "no entry for XYZ-001"


def test_lists_and_nested_fragments_are_translated() -> None:
    """TRF-009 joins its missing items with ', ' and ' and '; each item is a fragment."""
    template = Template(
        "TRF-009",
        "{entity}: transfer to {destination} under Art. 49(1) second subparagraph lacks {missing}",
        "Record 'documentation:' with 'assessment:', 'safeguards:' and 'sa_notified:' (the date the "
        "supervisory authority was informed), as Art. 49(6) requires.",
        (
            ("entity", "activity disputes"),
            ("destination", "TR"),
            (
                "missing",
                "the assessment, the suitable safeguards and the date the supervisory authority was informed",
            ),
        ),
    )
    message, _ = template.render()
    diagnostic = Diagnostic("TRF-009", "x", Severity.ERROR, message, template=template)
    assert translate(diagnostic, "nl").message == (
        "activiteit disputes: bij de doorgifte naar TR op grond van Art. 49(1), tweede alinea, ontbreekt het "
        "volgende: de beoordeling, de passende waarborgen en de datum waarop de toezichthoudende autoriteit "
        "is ingelicht"
    )
    assert translate(diagnostic, "fr").message.endswith(
        "il manque l'évaluation, les garanties appropriées et la date à laquelle l'autorité de contrôle "
        "a été informée"
    )


def test_dates_in_a_message_are_said_in_the_language() -> None:
    org = "organisation:\n  name: X\n  request_handling: {channel: a@b.nl, response_deadline: P30D}\n"
    report = ropa.validate(ropa.loads(org), lang="de")
    (found,) = [d for d in report if d.code == "RGT-001"]
    assert "ein am 1. Februar 2027 eingegangener Antrag würde am 3. März 2027 beantwortet" in found.message
    french = translate_report(ropa.validate(ropa.loads(org)), "fr")
    (found,) = [d for d in french if d.code == "RGT-001"]
    assert "une demande reçue le 1er février 2027" in found.message


def test_structural_messages_are_translated() -> None:
    result = ropa.loads("organisation:\n  name: A\n  country: USA\n  colour: red\n")
    dutch = [translate(d, "nl").message for d in result.diagnostics]
    assert dutch == [
        "'country' in organisatie: 'USA' is geen ISO 3166-1 alpha-2-code; bedoelt u US?",
        "onbekend veld 'colour' in organisatie",
    ]


def test_entity_labels_and_reporter_words() -> None:
    assert entity_text("activity orders", "de") == "Verarbeitungstätigkeit orders"
    assert entity_text("party mollie", "fr") == "partie mollie"
    assert entity_text("something else", "nl") == "something else"
    assert message("ui.summary.clean", "no findings in {files}", "nl", files="3 bestanden") == (
        "geen bevindingen in 3 bestanden"
    )
    assert plural_category(1, "nl") == "one"
    assert plural_category(0, "fr") == "one"
    assert plural_category(0, "de") == "other"


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        translate(_one("REC-001"), "es")
