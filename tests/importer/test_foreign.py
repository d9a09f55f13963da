"""Foreign registers (ICO, Dutch AP/GBA, German VVT, CSV) become registers with the right fields."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ropa.diagnostics import Severity
from ropa.importer import ImportResult, import_csv, import_file, import_workbook
from ropa.models import Activity, Register
from tests.importer._books import codes, dutch_workbook, find, german_workbook, ico_workbook, put_row


def activity(register: Register, name: str) -> Activity:
    found = [a for a in register.activities or [] if a.name == name]
    assert len(found) == 1, [a.name for a in register.activities or []]
    return found[0]


def category_names(register: Register, act: Activity) -> list[str]:
    by_id = {c.id: c.name for c in register.data_categories or []}
    return [by_id[i] for i in act.data_categories or []]


def subject_names(register: Register, act: Activity) -> list[str]:
    by_id = {s.id: s.name for s in register.data_subjects or []}
    return [by_id[i] for i in act.data_subjects or []]


def party(register: Register, ident: str) -> tuple[str, str | None]:
    (found,) = [p for p in register.parties or [] if p.id == ident]
    return found.name, found.role.value if found.role else None


def bases(act: Activity) -> list[str | None]:
    return [p.lawful_basis.value if p.lawful_basis else None for p in act.purposes or []]


@pytest.fixture(scope="module")
def ico(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    path = ico_workbook(tmp_path_factory.mktemp("ico") / "acme-ico.xlsx")
    return import_workbook(path)


@pytest.fixture(scope="module")
def dutch(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    path = dutch_workbook(tmp_path_factory.mktemp("nl") / "verwerkingsregister.xlsx")
    return import_file(path)


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    path = german_workbook(tmp_path_factory.mktemp("de") / "vvt.xlsx")
    return import_file(path)


# --- ICO -------------------------------------------------------------------------------------------


def test_ico_header_row_is_found_below_the_organisation_block(ico: ImportResult) -> None:
    assert ico.imported
    assert not ico.embedded
    (header,) = find(ico, "IMP-020")
    assert header.location.pointer == "/Template/9"
    assert header.location.line == 9
    recognised = {d.location.pointer for d in find(ico, "IMP-021")}
    assert "/Template/B9" in recognised  # Purpose of processing
    assert "/Template/L9" in recognised  # Article 6 lawful basis for processing personal data


def test_ico_organisation_block_gives_controller_and_dpo(ico: ImportResult) -> None:
    org = ico.register.organisation
    assert org is not None
    assert org.name == "Acme Ltd"
    assert org.contact is not None
    assert org.contact.email == "privacy@acme.example"
    assert org.contact.address == "1 High Street, London"
    assert org.dpo is not None
    assert org.dpo.contact is not None
    assert (org.dpo.contact.name, org.dpo.contact.email) == ("Jane Doe", "dpo@acme.example")
    assert org.representative is None  # "N/A" is not stated
    assert ico.register.meta is not None
    assert ico.register.meta.title == "Record of processing activities – Acme Ltd"


def test_ico_rows_become_activities(ico: ImportResult) -> None:
    reg = ico.register
    invoicing = activity(reg, "Invoicing customers")  # no name column: named after the first purpose
    assert invoicing.department == "Finance"
    assert [p.description for p in invoicing.purposes or []] == ["Invoicing customers", "Debt collection"]
    assert bases(invoicing) == ["6-1-c", "6-1-c"]
    assert subject_names(reg, invoicing) == ["Customers", "Suppliers"]
    assert category_names(reg, invoicing) == ["Name", "postal address", "bank account number"]
    assert [party(reg, r.party) for r in invoicing.recipients or []] == [
        ("HMRC", None),
        ("Sage", "processor"),
    ]
    (transfer,) = invoicing.transfers or []
    assert (transfer.country, transfer.mechanism and transfer.mechanism.value) == ("US", "scc")
    (rule,) = invoicing.retention or []
    assert (rule.duration, rule.anchor and rule.anchor.value) == ("P6Y", "end-of-financial-year")
    assert [m.description for m in invoicing.specific_measures or []] == [
        "Access control",
        "Encryption at rest",
    ]
    assert invoicing.dpia is not None
    assert invoicing.dpia.required is False


def test_ico_columns_without_a_field_are_kept_in_unmapped(ico: ImportResult) -> None:
    invoicing = activity(ico.register, "Invoicing customers")
    assert invoicing.unmapped == {
        "Rights available to individuals": "Access, rectification",
        "Colour code": "green",
    }
    # the contract column is the processor's agreement
    (sage,) = [p for p in ico.register.parties or [] if p.name == "Sage"]
    assert sage.agreement is not None
    assert sage.agreement.reference == "https://acme.example/dpa/sage.pdf"
    (unknown,) = find(ico, "IMP-022")
    assert unknown.severity is Severity.WARNING
    assert unknown.location.pointer == "/Template/AE9"
    kept = find(ico, "IMP-023")
    assert {d.location.pointer for d in kept} >= {"/Template/P9"}
    assert all(d.severity is Severity.INFO for d in kept)


def test_ico_consent_and_legitimate_interests_land_on_their_purposes(ico: ImportResult) -> None:
    reg = ico.register
    newsletter = activity(reg, "Monthly newsletter")
    (purpose,) = newsletter.purposes or []
    assert purpose.lawful_basis is not None
    assert purpose.lawful_basis.value == "6-1-a"
    assert purpose.consent is not None
    assert purpose.consent.records == "CRM consent log"
    assert newsletter.recipients == ()  # "None" states that there are none
    assert newsletter.transfers is None  # "N/A" is not stated
    (rule,) = newsletter.retention or []
    assert (rule.kind and rule.kind.value, rule.anchor and rule.anchor.value) == (
        "until-event",
        "consent-withdrawal",
    )
    assert newsletter.automated_decisions is not None
    assert newsletter.automated_decisions.exists is False
    assert [s.kind.value for s in newsletter.sources or []] == ["data-subject"]
    fraud = activity(reg, "Fraud prevention")
    (purpose,) = fraud.purposes or []
    assert purpose.lawful_basis is not None
    assert purpose.lawful_basis.value == "6-1-f"
    assert (purpose.legitimate_interest, purpose.lia) == ("Preventing payment fraud", "LIA-2024-03")


def test_ico_unclear_retention_is_kept_as_text(ico: ImportResult) -> None:
    fraud = activity(ico.register, "Fraud prevention")
    (rule,) = fraud.retention or []
    assert rule.description == "As long as necessary"
    assert rule.duration is None
    (note,) = find(ico, "IMP-028")
    assert note.location.pointer.startswith("/Template/J")


def test_ico_vocabulary_is_shared_between_activities(ico: ImportResult) -> None:
    names = [s.name for s in ico.register.data_subjects or []]
    assert names.count("Customers") == 1
    ids = [s.id for s in ico.register.data_subjects or []]
    assert len(ids) == len(set(ids))


# --- Dutch -----------------------------------------------------------------------------------------


def test_dutch_headings_and_organisation(dutch: ImportResult) -> None:
    assert dutch.imported
    (header,) = find(dutch, "IMP-020")
    assert header.location.pointer == "/Register/9"
    org = dutch.register.organisation
    assert org is not None
    assert (org.name, org.registration_number) == ("MiKi4all B.V.", "12345678")
    assert org.contact is not None
    assert org.contact.email == "privacy@miki4all.example"
    assert org.dpo is None  # n.v.t.
    assert dutch.register.meta is not None
    assert dutch.register.meta.title == "Register van verwerkingsactiviteiten"


def test_dutch_lawful_bases_are_mapped(dutch: ImportResult) -> None:
    reg = dutch.register
    assert bases(activity(reg, "Bestellingen")) == ["6-1-b"]  # uitvoering overeenkomst
    assert bases(activity(reg, "Nieuwsbrief")) == ["6-1-a"]  # toestemming
    assert bases(activity(reg, "Sollicitaties")) == ["6-1-f"]  # gerechtvaardigd belang


def test_dutch_two_bases_for_one_purpose_give_one_purpose_entry_per_basis(dutch: ImportResult) -> None:
    camera = activity(dutch.register, "Camerabewaking")
    assert bases(camera) == ["6-1-f", "6-1-c"]
    assert len({p.description for p in camera.purposes or []}) == 1
    assert camera.notes is None
    assert not [d for d in find(dutch, "IMP-027") if d.location.pointer == "/Register/D13"]


def test_dutch_values(dutch: ImportResult) -> None:
    reg = dutch.register
    orders = activity(reg, "Bestellingen")
    assert orders.id == "1"
    # commas inside parentheses do not split; line breaks do
    assert category_names(reg, orders) == [
        "NAW-gegevens (naam, adres, woonplaats)",
        "E-mailadres",
        "Betaalgegevens",
    ]
    assert [party(reg, r.party) for r in orders.recipients or []] == [
        ("PostNL", "processor"),
        ("Mollie", "processor"),
    ]
    assert orders.transfers == ()  # "Nee"
    assert [(r.duration, r.anchor and r.anchor.value) for r in orders.retention or []] == [
        ("P7Y", "end-of-financial-year")
    ]
    assert orders.unmapped == {"Interne code": "X-12"}
    newsletter = activity(reg, "Nieuwsbrief")
    assert [t.country for t in newsletter.transfers or []] == ["US"]  # VS
    applicants = activity(reg, "Sollicitaties")
    assert applicants.recipients is None  # n.v.t.
    assert [(r.duration, r.anchor and r.anchor.value) for r in applicants.retention or []] == [
        ("P4W", "end-of-procedure")
    ]
    assert [r.duration for r in activity(reg, "Camerabewaking").retention or []] == ["P30D"]
    # the e-mail category is one vocabulary entry used by two activities
    assert [c.name for c in reg.data_categories or []].count("E-mailadres") == 1


def test_dutch_merged_name_cell_continues_the_activity(dutch: ImportResult) -> None:
    reg = dutch.register
    assert len(reg.activities or []) == 4
    camera = activity(reg, "Camerabewaking")
    assert subject_names(reg, camera) == ["Bezoekers", "Medewerkers"]
    assert category_names(reg, camera) == ["Camerabeelden", "Toegangspasgegevens"]
    (continued,) = find(dutch, "IMP-031")
    assert continued.location.pointer == "/Register/14"
    employees = [s for s in reg.data_subjects or [] if s.name == "Medewerkers"]
    assert employees[0].vulnerable is not None
    assert employees[0].vulnerable.value == "employee"


def test_dutch_unknown_column_is_reported_once(dutch: ImportResult) -> None:
    (unknown,) = find(dutch, "IMP-022")
    assert unknown.location.pointer == "/Register/K9"


# --- German ----------------------------------------------------------------------------------------


def test_german_vvt(german: ImportResult) -> None:
    reg = german.register
    assert german.imported
    org = reg.organisation
    assert org is not None
    assert org.name == "Beispiel GmbH"
    assert org.dpo is not None
    assert org.dpo.contact is not None
    assert org.dpo.contact.name == "Dr. Erika Muster"
    payroll = activity(reg, "Lohnabrechnung")
    assert bases(payroll) == ["6-1-c"]  # Art. 6 Abs. 1 lit. c DSGVO
    assert payroll.transfers == ()  # keine
    assert [r.duration for r in payroll.retention or []] == ["P10Y"]
    categories = {c.name: c for c in reg.data_categories or []}
    health = categories["Gesundheitsdaten (Krankmeldungen)"]
    assert health.special is not None
    assert health.special.value == "health"
    assert categories["Steuer-ID"].national_id is True
    customers = activity(reg, "Kundenverwaltung")
    assert bases(customers) == ["6-1-b"]  # Vertragserfüllung
    assert [t.country for t in customers.transfers or []] == ["CH"]
    assert [(r.duration, r.anchor and r.anchor.value) for r in customers.retention or []] == [
        ("P3Y", "end-of-contract")
    ]
    analytics = activity(reg, "Webanalyse")
    assert bases(analytics) == ["6-1-f"]  # berechtigtes Interesse
    (transfer,) = analytics.transfers or []
    assert (transfer.country, transfer.mechanism and transfer.mechanism.value) == ("US", "scc")
    assert [r.duration for r in analytics.retention or []] == ["P14M"]
    assert "IMP-022" not in codes(german)


# --- CSV -------------------------------------------------------------------------------------------

CSV_TEXT = (
    "Naam verwerking;Doel;Grondslag;Categorieën van betrokkenen;Categorieën van persoonsgegevens;"
    "Bewaartermijn;Kleurcode\r\n"
    "Klantenservice;Beantwoorden van vragen, klachten en retouren;6.1.b;Klanten;Naam, e-mailadres;2 jaar;"
    "rood\r\n"
    'Boekhouding;"Facturen bewaren\nBelastingaangifte";wettelijke verplichting;Klanten;Factuurgegevens;'
    "7 jaar;\r\n"
)


def test_csv_with_semicolons_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"))
    result = import_csv(path)
    assert result.imported
    reg = result.register
    service = activity(reg, "Klantenservice")
    # commas inside a purpose do not split it; commas in a category list do
    assert [p.description for p in service.purposes or []] == [
        "Beantwoorden van vragen, klachten en retouren"
    ]
    assert bases(service) == ["6-1-b"]
    assert category_names(reg, service) == ["Naam", "e-mailadres"]
    assert [r.duration for r in service.retention or []] == ["P2Y"]
    assert service.unmapped == {"Kleurcode": "rood"}
    books = activity(reg, "Boekhouding")
    assert bases(books) == ["6-1-c", "6-1-c"]
    assert [p.description for p in books.purposes or []] == ["Facturen bewaren", "Belastingaangifte"]
    (unknown,) = find(result, "IMP-022")
    assert unknown.location.pointer == "/G1"
    assert "IMP-018" not in codes(result)


def test_csv_in_windows_1252_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_bytes(CSV_TEXT.encode("cp1252"))
    result = import_file(path)
    (fallback,) = find(result, "IMP-018")
    assert fallback.severity is Severity.WARNING
    assert activity(result.register, "Klantenservice").data_subjects == ("klanten",)
    assert any(d.location.pointer == "/D1" for d in find(result, "IMP-021"))  # Categorieën van betrokkenen


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    rows = [
        ["Name", "Purpose", "Lawful basis", "Retention period"],
        ["Payroll", "Paying salaries; pension administration", "legal obligation", "7 years"],
    ]
    text = "\n".join(delimiter.join(f'"{c}"' if "," in c else c for c in row) for row in rows)
    path = tmp_path / "register.csv"
    path.write_text(text, encoding="utf-8")
    result = import_csv(path)
    payroll = activity(result.register, "Payroll")
    assert bases(payroll) == ["6-1-c", "6-1-c"]
    assert [r.duration for r in payroll.retention or []] == ["P7Y"]


def test_utf16_csv_from_excel_unicode_text(tmp_path: Path) -> None:
    path = tmp_path / "register.txt"
    path.write_bytes("Name\tPurpose\tLegal basis\nWebshop\tOrders\tcontract\n".encode("utf-16"))
    result = import_file(path)
    assert bases(activity(result.register, "Webshop")) == ["6-1-b"]


def test_a_file_without_a_register_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shopping.csv"
    path.write_text("Item,Price\nBread,2.50\n", encoding="utf-8")
    result = import_csv(path)
    assert not result.imported
    assert codes(result, Severity.ERROR) == ["IMP-005"]
    assert result.register == Register()


def test_rows_with_values_only_in_unknown_columns_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "Name,Purpose,Remarks for the auditor\nPayroll,Salaries,\n,,* fields in green are mandatory\n",
        encoding="utf-8",
    )
    result = import_csv(path)
    assert [a.name for a in result.register.activities or []] == ["Payroll"]
    (skipped,) = find(result, "IMP-030")
    assert skipped.location.pointer == "/3"
    assert skipped.severity is Severity.WARNING


def test_activity_ids_are_unique(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("Name,Purpose\nNewsletter!,Send it\nNewsletter?,Send it again\n", encoding="utf-8")
    result = import_csv(path)
    assert [a.id for a in result.register.activities or []] == ["newsletter", "newsletter-2"]


def test_rows_repeating_a_name_are_one_activity(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "Name,Purpose,System,Personal data\n"
        "Newsletter,Send it,Mailchimp,E-mail\nnewsletter,Send it,CRM,Name\n",
        encoding="utf-8",
    )
    result = import_csv(path)
    (act,) = result.register.activities or []
    assert act.name == "Newsletter"
    assert act.systems == ("Mailchimp", "CRM")
    assert category_names(result.register, act) == ["E-mail", "Name"]
    assert [p.description for p in act.purposes or []] == ["Send it"]
    assert [d.code for d in result.diagnostics if d.code == "IMP-037"] == ["IMP-037"]


def test_organisation_sheet_and_retention_per_category(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ident = wb.active
    assert ident is not None
    ident.title = "Identificatie"
    put_row(ident, 1, ["Identificatie van de verwerkingsverantwoordelijke"])
    put_row(ident, 3, ["Naam", "Stad Voorbeeld"])
    put_row(ident, 4, ["KBO-nummer", "0123.456.789"])
    put_row(ident, 5, ["Functionaris voor gegevensbescherming"])
    put_row(ident, 6, ["Naam", "Piet Peeters"])
    put_row(ident, 7, ["E-mail", "dpo@voorbeeld.be"])
    sheet = wb.create_sheet("Register")
    put_row(
        sheet,
        1,
        ["Verwerking", "Doeleinden", "Rechtsgrond", "Categorieën van persoonsgegevens", "Bewaartermijn"],
    )
    put_row(
        sheet,
        2,
        [
            "Facturatie",
            "Facturen opmaken",
            "Wettelijke verplichting",
            "Facturen\nContactgegevens",
            "Facturen: 7 jaar\nContactgegevens: 2 jaar na einde relatie",
        ],
    )
    lists = wb.create_sheet("Lijsten")
    put_row(lists, 1, ["Toestemming", "Overeenkomst"])
    path = tmp_path / "gba.xlsx"
    wb.save(path)
    result = import_workbook(path)
    org = result.register.organisation
    assert org is not None
    assert (org.name, org.registration_number) == ("Stad Voorbeeld", "0123.456.789")
    assert org.dpo is not None
    assert org.dpo.contact is not None
    assert (org.dpo.contact.name, org.dpo.contact.email) == ("Piet Peeters", "dpo@voorbeeld.be")
    assert result.register.meta is None  # a sheet's own heading is not the register's title
    (billing,) = result.register.activities or []
    assert [
        (r.data_categories, r.duration, r.anchor and r.anchor.value) for r in billing.retention or []
    ] == [
        (("facturen",), "P7Y", None),
        (("contactgegevens",), "P2Y", "end-of-relationship"),
    ]
    assert [d.location.pointer for d in find(result, "IMP-015")] == ["/Lijsten"]
