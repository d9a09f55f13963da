"""Reading what the cells of real registers say (issue 10): bases, Art. 9/10, "not stated", yes/no,
placeholders, transfers, retention, roles, agreements, recipients, organisation blocks, grouped rows."""

from __future__ import annotations

from pathlib import Path

import pytest

import ropa
from ropa.importer import ImportResult, import_csv
from ropa.importer._countries import parse_countries, parse_mechanisms
from ropa.importer._orgblock import read_org_block
from ropa.importer._recipients import names_organisation, read_recipient_cell, strip_role
from ropa.importer._retention import Why, read_retention
from ropa.importer._values import AnswerKind, is_not_stated, parse_art10, parse_lawful_bases, read_answer
from ropa.models import Activity


def one(tmp_path: Path, header: str, row: str) -> tuple[Activity, ImportResult]:
    path = tmp_path / "register.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    result = import_csv(path)
    (activity,) = result.register.activities or []
    return activity, result


@pytest.mark.parametrize(
    ("text", "bases"),
    [
        ("Art. 6 lid 1 sub c en sub e AVG", ["6-1-c", "6-1-e"]),
        ("Art. 6 Abs. 1 lit. c) und lit. e) DSGVO", ["6-1-c", "6-1-e"]),
        ("Art. 6 Abs. 1 lit. b, c und f DSGVO", ["6-1-b", "6-1-c", "6-1-f"]),
        ("Art. 6 Abs. 1 Nr. e) DSGVO, Art. 4 BayDSG", ["6-1-e"]),
        ("Art. 6(1)(b) a contract with the customer", ["6-1-b"]),
        ("Art. 9 lid 2 sub h AVG jo. art. 30 lid 3 UAVG", []),
    ],
)
def test_several_bases_in_one_cell(text: str, bases: list[str]) -> None:
    assert [b.value for b in parse_lawful_bases(text).bases] == bases


def test_one_purpose_entry_per_basis_with_the_law_and_art9(tmp_path: Path) -> None:
    activity, _ = one(
        tmp_path,
        "Naam,Doel,Rechtmatige grondslag,Grondslag",
        'Bijstand,Uitkering verstrekken,"Art. 6 lid 1 sub c en sub e AVG",'
        '"Participatiewet; Art. 9 lid 2 sub h AVG jo. art. 30 lid 3 UAVG"',
    )
    purposes = activity.purposes or []
    assert [p.lawful_basis.value for p in purposes if p.lawful_basis] == ["6-1-c", "6-1-e"]
    assert {p.description for p in purposes} == {"Uitkering verstrekken"}
    assert all(p.law and "Participatiewet" in p.law for p in purposes)
    assert [c.condition.value for c in activity.art9 or []] == ["9-2-h"]
    report = ropa.validate(ropa.Register(activities=[activity]))
    assert not [d for d in report.diagnostics if d.code in ("LAW-001", "SPC-001")]


def test_art10_in_the_basis_column(tmp_path: Path) -> None:
    activity, _ = one(
        tmp_path,
        "Naam,Doel,Grondslag",
        'VOG,Integriteit toetsen,"Wettelijke verplichting; Art. 10 AVG jo. art. 33 UAVG"',
    )
    assert activity.art10 is not None
    assert activity.art10.authorisation == "Wettelijke verplichting; Art. 10 AVG jo. art. 33 UAVG"
    assert parse_art10("Art. 10 DSGVO")
    assert not parse_art10("art. 10 Wet BRP")


@pytest.mark.parametrize(
    "text", ["n.v.t.", "N/A", "-", "k. A.", "entfällt", "sans objet", "", "nvt", "Non concerné"]
)
def test_not_stated_in_four_languages(text: str) -> None:
    assert is_not_stated(text)
    assert read_answer(text or " ").kind is AnswerKind.NOT_STATED


@pytest.mark.parametrize(
    "text", ["Oui/non", "Ja/Nee", "yes / no", "Sélectionnez un élément…", "Kies een item."]
)
def test_template_placeholders_are_not_answers(text: str) -> None:
    assert read_answer(text).kind is AnswerKind.PLACEHOLDER
    assert read_answer(text).value is None


def test_tri_state_yes_no(tmp_path: Path) -> None:
    assert read_answer("Ja, uitgevoerd in 2023").value is True
    assert read_answer("nein.").value is False
    assert read_answer("N/A").value is None  # was no, with the text "/A"
    answer = read_answer("yes, only for the US branch")
    assert (answer.value, answer.conditional) == (True, True)
    activity, _ = one(
        tmp_path, "Name,Purpose,Automated decision-making,Special category data", "A,B,N/A,Oui/non"
    )
    assert activity.automated_decisions is None
    assert activity.special_categories is None
    assert activity.data_categories is None  # "non" is no data category


def test_a_bare_yes_is_a_transfer_to_an_unknown_destination(tmp_path: Path) -> None:
    activity, _ = one(tmp_path, "Name,Purpose,Transfers", "Hosting,Host the site,yes")
    (transfer,) = activity.transfers or []
    assert transfer.country is None
    report = ropa.validate(ropa.Register(activities=[activity]))
    assert "TRF-001" in {d.code for d in report.diagnostics}


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("USA, IND, CHN", ["US", "IN", "CN"]),
        ("VS en India", ["US", "IN"]),
        ("Vereinigte Staaten; Schweiz", ["US", "CH"]),
        ("États-Unis", ["US"]),
        ("GBR", ["GB"]),
    ],
)
def test_every_country_of_a_list(text: str, codes: list[str]) -> None:
    from ropa.importer._values import split_items

    found, rest = parse_countries(split_items(text))
    assert [code for code, _ in found] == codes
    assert rest == []


def test_mechanisms_in_prose() -> None:
    assert [m.value for m in parse_mechanisms("Data Privacy Framework en standaardcontractbepalingen")] == [
        "adequacy",
        "scc",
    ]
    assert [m.value for m in parse_mechanisms("Standardvertragsklauseln")] == ["scc"]
    assert [m.value for m in parse_mechanisms("clauses contractuelles types")] == ["scc"]
    assert [m.value for m in parse_mechanisms("Art. 49 Abs. 1 lit. a DSGVO")] == ["49-1-a"]


def test_a_mechanism_stated_in_prose_satisfies_trf002(tmp_path: Path) -> None:
    activity, _ = one(
        tmp_path,
        "Naam,Doel,Doorgifte",
        'Nieuwsbrief,Nieuwsbrief sturen,"VS; Data Privacy Framework en standaardcontractbepalingen"',
    )
    (transfer,) = activity.transfers or []
    assert (transfer.country, transfer.mechanism.value if transfer.mechanism else None) == ("US", "adequacy")
    report = ropa.validate(ropa.Register(activities=[activity]))
    assert "TRF-002" not in {d.code for d in report.diagnostics}


def test_conditional_transfers_are_a_note_with_a_warning_never_no(tmp_path: Path) -> None:
    activity, result = one(tmp_path, "Name,Purpose,Transfers", "CRM,Customers,to be checked")
    assert activity.transfers is None
    assert activity.notes == "Transfers: to be checked"
    assert [d.code for d in result.diagnostics if d.code == "IMP-038"] == ["IMP-038"]
    activity, _ = one(tmp_path, "Name,Purpose,Transfers", "CRM,Customers,only for US cloud services")
    assert [t.country for t in activity.transfers or []] == ["US"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("30 dagen voor de verkiezing", Why.BEFORE),
        ("30 Tage vor der Wahl", Why.BEFORE),
        ("bij een klacht 5 jaar", Why.CONDITIONAL),
        ("10 ans sauf contentieux", Why.CONDITIONAL),
        ("Facturen 7 jaar, overige 2 jaar", Why.SEVERAL),
        ("2-3 jaar", Why.RANGE),
        (None, None),
    ],
)
def test_retention_that_is_not_an_unconditional_period(text: str | None, why: Why | None) -> None:
    if text is None:
        assert read_retention("7 jaar na afloop van het boekjaar").retention.duration == "P7Y"
        return
    reading = read_retention(text)
    assert reading.retention.duration is None
    assert reading.why is why


def test_a_second_period_for_the_same_data_is_criteria(tmp_path: Path) -> None:
    activity, _ = one(tmp_path, "Name,Purpose,Retention", 'A,B,"7 years\n10 years"')
    assert [r.kind.value for r in activity.retention or [] if r.kind] == ["criteria", "criteria"]
    activity, _ = one(tmp_path, "Name,Purpose,Retention", 'A,B,"2 jaar; bij een klacht 5 jaar"')
    assert [(r.kind.value if r.kind else None, r.duration) for r in activity.retention or []] == [
        ("temporal", "P2Y"),
        ("criteria", None),
    ]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Processor", "processor"),
        ("verwerker", "processor"),
        ("Auftragsverarbeiter", "processor"),
        ("sous-traitant", "processor"),
        ("Verantwortlicher", "controller"),
        ("Joint controller", "controller"),
    ],
)
def test_roles_from_a_role_column(tmp_path: Path, role: str, expected: str) -> None:
    activity, _ = one(tmp_path, "Name,Purpose,Role", f"A,B,{role}")
    assert activity.role.value == expected


@pytest.mark.parametrize("word", ["Verwerkersovereenkomst", "AVV", "DPA", "AV-Vertrag"])
def test_a_contract_column_is_the_processors_agreement(tmp_path: Path, word: str) -> None:
    _, result = one(
        tmp_path,
        "Name,Purpose,Recipients,Contract",
        f"Payroll,Pay,Lohnbüro GmbH (als Auftragsverarbeiter),{word}",
    )
    (party,) = result.register.parties or []
    assert party.name == "Lohnbüro GmbH"
    assert party.role is not None
    assert party.role.value == "processor"
    assert party.agreement is not None
    assert party.agreement.reference == word
    report = ropa.validate(result.register)
    assert "PRC-001" not in {d.code for d in report.diagnostics}


def test_recipient_cells_are_categories_unless_they_name_an_organisation() -> None:
    assert not names_organisation("Mitarbeiter der Verwaltung")
    assert not names_organisation("andere Behörden")
    assert names_organisation("Salarisbureau Noord B.V.")
    assert names_organisation("Mailchimp (verwerker)")
    assert names_organisation("UWV")
    assert names_organisation("PostNL")
    assert strip_role("Hosting GmbH (als Auftragsverarbeiter)") == "Hosting GmbH"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("no disclosure to third parties", []),
        ("Geen verstrekking aan derden", []),
        ("keine Weitergabe an Dritte", []),
        ("aucune communication à des tiers", []),
        ("keine, außer Steuerberater", ["Steuerberater"]),
    ],
)
def test_negations_mean_no_recipients(text: str, items: list[str]) -> None:
    cell = read_recipient_cell(text, [text])
    assert cell.none
    assert cell.items == items


def test_recipient_prose_is_one_category(tmp_path: Path) -> None:
    prose = (
        "Gegevens worden alleen verstrekt aan de Belastingdienst als dat wettelijk verplicht is, "
        "en verder aan niemand"
    )
    activity, _ = one(tmp_path, "Name,Purpose,Recipients", f'A,B,"{prose}"')
    assert [(r.category, r.party) for r in activity.recipients or []] == [(prose, None)]


def test_organisation_blocks_side_by_side_and_a_banner_line() -> None:
    block = read_org_block(
        [
            ["Verwerkingsregister gemeente Voorbeeld"],
            ["Contact: info@voorbeeld.nl, FG: Piet Pieters (fg2@voorbeeld.nl)"],
            ["Verwerkingsverantwoordelijke", None, None, "Functionaris gegevensbescherming"],
            ["Naam", "College van B&W", None, "Naam", "J. Jansen"],
            ["E-mail", "privacy@voorbeeld.nl", None, "E-mail", "fg@voorbeeld.nl"],
        ]
    )
    organisation = block.organisation()
    assert organisation is not None
    assert block.title == "Verwerkingsregister gemeente Voorbeeld"
    assert organisation["name"] == "College van B&W"  # not the DPO's name
    assert organisation["contact"]["email"] == "info@voorbeeld.nl"
    assert organisation["dpo"]["contact"] == {"name": "Piet Pieters", "email": "fg2@voorbeeld.nl"}


def test_template_rows_are_skipped_with_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "Nom / sigle,Finalité principale,Données sensibles\n"
        "(EXEMPLE) Gestion de la paie,Paie,Non\n"
        "Sélectionnez un élément…,,Oui/non\n"
        "VOORBEELD: parkeren,Vergunningen,\n"
        "Gestion des clients,Commandes,Non\n",
        encoding="utf-8",
    )
    result = import_csv(path)
    assert [a.name for a in result.register.activities or []] == ["Gestion des clients"]
    skipped = [d for d in result.diagnostics if d.code == "IMP-036"]
    assert [d.location.pointer for d in skipped] == ["/2", "/3", "/4"]
    assert "(EXEMPLE) Gestion de la paie" in skipped[0].message


def test_a_section_row_titles_the_rows_below(tmp_path: Path) -> None:
    path = tmp_path / "vvt.csv"
    path.write_text(
        "Bezeichnung;Zweck der Verarbeitung\nALLGEMEINES;\nFeuerwehr;Einsätze\nPERSONAL;\nLohn;Bezahlen\n",
        encoding="utf-8",
    )
    result = import_csv(path)
    assert [(a.name, a.department) for a in result.register.activities or []] == [
        ("Feuerwehr", "ALLGEMEINES"),
        ("Lohn", "PERSONAL"),
    ]


def test_a_mapping_file_names_the_key_column(tmp_path: Path) -> None:
    path = tmp_path / "map.csv"
    path.write_text(
        "Ref,Activity,System\nP1,Payroll,Sage\nP1,Payroll (HR),Workday\nP2,CRM,HubSpot\n", encoding="utf-8"
    )
    result = import_csv(path, mapping={"key": "Ref"})
    assert [a.systems for a in result.register.activities or []] == [("Sage", "Workday"), ("HubSpot",)]


def test_a_no_with_a_remark_on_automated_decisions_keeps_the_remark_where_exports_show_it(
    tmp_path: Path,
) -> None:
    """Found by tests/export/test_unmapped.py: "no disclosure to third parties" was read as no with the
    description "disclosure to third parties", which no export shows for a "no"."""
    import csv as csv_module

    path = tmp_path / "register.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv_module.writer(handle)
        writer.writerow(["Processing activity", "Existence of automated decision making including profiling"])
        writer.writerow(["Shop", "no disclosure to third parties"])
    result = import_csv(path)
    assert result.register is not None
    (activity,) = result.register.activities or ()
    assert activity.automated_decisions is not None
    assert activity.automated_decisions.exists is False
    assert activity.automated_decisions.description is None
    assert activity.notes is not None
    assert "no disclosure to third parties" in activity.notes


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Nee", []),
        ("No", []),
        ("nein", []),
        ("Geen verwerkers", []),
        ("keine, außer Lohnbüro GmbH", ["Lohnbüro GmbH"]),
        ("Mailchimp", ["Mailchimp"]),
    ],
)
def test_a_no_in_the_processors_column_is_no_processor(tmp_path: Path, text: str, names: list[str]) -> None:
    """'Nee' in a processors column was imported as a processor named 'Nee' (found by the property test of
    tests/export/test_unmapped.py); a negation names none, or only the exceptions it names."""
    activity, result = one(tmp_path, "Name,Purpose,Processors", f'Payroll,Pay,"{text}"')
    parties = result.register.parties or ()
    assert sorted(p.name for p in parties) == names
    assert all(p.role is not None and p.role.value == "processor" for p in parties)
    assert len(activity.recipients or ()) == len(names)
    (fate,) = [f for f in result.fates if f.text == text]
    if names != [text]:
        assert fate.how.startswith("read as no processors")


@pytest.mark.parametrize("text", ["Ja", "yes", "oui"])
def test_a_bare_yes_in_the_processors_column_is_a_note_and_a_warning(tmp_path: Path, text: str) -> None:
    """A bare 'Ja' was imported as a processor named 'Ja' (found by the property test of
    tests/export/test_unmapped.py): it says there are processors without naming them."""
    activity, result = one(tmp_path, "Name,Purpose,Processors", f"Payroll,Pay,{text}")
    assert not result.register.parties
    assert activity.notes is not None
    assert text in activity.notes
    assert "IMP-026" in {d.code for d in result.diagnostics}


def test_a_second_agreement_text_for_the_same_processor_is_kept(tmp_path: Path) -> None:
    """Two rows of one activity give the same processor two contract texts: the second was dropped while
    its fate said it was kept (found by the property test of tests/export/test_unmapped.py)."""
    path = tmp_path / "register.csv"
    path.write_text(
        "Name,Purpose,Processors,Contract\n"
        "Payroll,Pay,Lohnbüro GmbH,AVV 2021\n"
        ",,Lohnbüro GmbH,Nachtrag 2024 zur AVV\n",
        encoding="utf-8",
    )
    result = import_csv(path)
    (party,) = result.register.parties or ()
    assert party.agreement is not None
    assert party.agreement.reference == "AVV 2021"
    (activity,) = result.register.activities or ()
    assert activity.notes is not None
    assert "Nachtrag 2024 zur AVV" in activity.notes


def test_another_spelling_of_a_party_is_kept_on_the_party(tmp_path: Path) -> None:
    """Two spellings that fold to one party ('Ç' and 'C/') are one party; the second spelling was lost
    (found by the property test of tests/export/test_unmapped.py). It is kept in the party's notes."""
    path = tmp_path / "register.csv"
    rows = "Name,Purpose,Processors\nPayroll,Pay,Mollie B.V.\nShop,Sell,MOLLIE B.V\n"
    path.write_text(rows, encoding="utf-8")
    result = import_csv(path)
    (party,) = result.register.parties or ()
    assert party.name == "Mollie B.V."
    assert party.notes == "Also written as: MOLLIE B.V"


@pytest.mark.parametrize(
    "text", ["Niet-Europese vestigingen", "No-reply mailing service", "Nicht-EU-Töchter"]
)
def test_a_hyphenated_word_is_not_a_negation(tmp_path: Path, text: str) -> None:
    """A recipient whose first word is a compound with 'niet-', 'no-' or 'nicht-' was read as "no
    recipients" (its hyphen folded to a space) and dropped."""
    assert not read_recipient_cell(text, [text]).none
    activity, _ = one(tmp_path, "Name,Purpose,Recipients", f"A,B,{text}")
    assert [r.category for r in activity.recipients or []] == [text]
