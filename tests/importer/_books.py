"""Realistic foreign registers built with openpyxl, and tools to tamper with .xlsx archives."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from ropa.diagnostics import Diagnostic, Severity
from ropa.importer import ImportResult

# The column headings of the ICO controller template, verbatim (reference §2.1).
ICO_HEADINGS = [
    "Business function",
    "Purpose of processing",
    "Name and contact details of joint controller (if applicable)",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Names of third countries or international organisations that personal data are transferred to "
    "(if applicable)",
    "Safeguards for exceptional transfers of personal data to third countries or international "
    "organisations (if applicable)",
    "Retention schedule (if possible)",
    "General description of technical and organisational security measures (if possible)",
    "Article 6 lawful basis for processing personal data",
    "Article 9 condition for processing special category data",
    "Legitimate interests for the processing (if applicable)",
    "Link to record of legitimate interests assessment (if applicable)",
    "Rights available to individuals",
    "Existence of automated decision-making, including profiling (if applicable)",
    "The source of the personal data (if applicable)",
    "Link to record of consent",
    "Location of personal data",
    "Data Protection Impact Assessment required?",
    "Data Protection Impact Assessment progress",
    "Link to Data Protection Impact Assessment",
    "Has a personal data breach occurred?",
    "Link to record of personal data breach",
    "Data Protection Act 2018 Schedule 1 Condition for processing",
    "GDPR Article 6 lawful basis for processing",
    "Link to retention and erasure policy document",
    "Is personal data retained and erased in accordance with the policy document?",
    "Reasons for not adhering to policy document (if applicable)",
]


def put_row(ws: Worksheet, row: int, values: Sequence[Any], *, start: int = 1) -> None:
    for offset, value in enumerate(values):
        if value is not None:
            ws.cell(row, start + offset, value)


def put_record(ws: Worksheet, row: int, headings: Sequence[str], record: dict[str, Any]) -> None:
    """Write ``record`` (heading → value) under ``headings`` in ``row``."""
    unknown = set(record) - set(headings)
    assert not unknown, unknown
    for column, heading in enumerate(headings, start=1):
        if heading in record:
            ws.cell(row, column, record[heading])


def ico_workbook(path: Path) -> Path:
    """The ICO controller template: organisation block in rows 1-5, section row 8, headings in row 9."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Template"
    ws["A1"] = "Record of processing activities – Acme Ltd"
    ws.merge_cells("A1:F1")
    put_row(ws, 2, ["Name", "Address", "Email", "Telephone"], start=2)
    put_row(
        ws, 3, ["Controller", "Acme Ltd", "1 High Street, London", "privacy@acme.example", "020 7946 0000"]
    )
    put_row(ws, 4, ["Data Protection Officer", "Jane Doe", None, "dpo@acme.example", "020 7946 0001"])
    put_row(ws, 5, ["Representative", "N/A"])
    put_row(ws, 8, ["Article 30 Record of Processing Activities"])
    ws.cell(8, 12, "Privacy Notices")
    headings = [*ICO_HEADINGS, "Colour code"]
    put_row(ws, 9, headings)
    put_record(
        ws,
        10,
        headings,
        {
            "Business function": "Finance",
            "Purpose of processing": "Invoicing customers\nDebt collection",
            "Categories of individuals": "Customers; Suppliers",
            "Categories of personal data": "Name, postal address, bank account number",
            "Categories of recipients": "HMRC\nSage (processor)",
            "Link to contract with processor": "https://acme.example/dpa/sage.pdf",
            "Names of third countries or international organisations that personal data are transferred to "
            "(if applicable)": "United States",
            "Safeguards for exceptional transfers of personal data to third countries or international "
            "organisations (if applicable)": "Standard contractual clauses",
            "Retention schedule (if possible)": "6 years after the end of the financial year",
            "General description of technical and organisational security measures (if possible)": (
                "Access control\nEncryption at rest"
            ),
            "Article 6 lawful basis for processing personal data": "Art. 6(1)(c) – legal obligation",
            "Rights available to individuals": "Access, rectification",
            "Data Protection Impact Assessment required?": "No",
            "Colour code": "green",
        },
    )
    put_record(
        ws,
        11,
        headings,
        {
            "Business function": "Marketing",
            "Purpose of processing": "Monthly newsletter",
            "Categories of individuals": "Subscribers",
            "Categories of personal data": "Email address",
            "Categories of recipients": "None",
            "Names of third countries or international organisations that personal data are transferred to "
            "(if applicable)": "N/A",
            "Retention schedule (if possible)": "Until consent is withdrawn",
            "Article 6 lawful basis for processing personal data": "Consent",
            "Link to record of consent": "CRM consent log",
            "Existence of automated decision-making, including profiling (if applicable)": "No",
            "The source of the personal data (if applicable)": "Directly from the individual",
        },
    )
    put_record(
        ws,
        12,
        headings,
        {
            "Business function": "Security",
            "Purpose of processing": "Fraud prevention",
            "Categories of individuals": "Customers",
            "Categories of personal data": "IP address",
            "Article 6 lawful basis for processing personal data": "Legitimate interests",
            "Legitimate interests for the processing (if applicable)": "Preventing payment fraud",
            "Link to record of legitimate interests assessment (if applicable)": "LIA-2024-03",
            "Retention schedule (if possible)": "As long as necessary",
        },
    )
    wb.save(path)
    return path


DUTCH_HEADINGS = [
    "Nr.",
    "Verwerkingsactiviteit",
    "Doel van de verwerking",
    "Grondslag",
    "Categorieën van betrokkenen",
    "Categorieën van persoonsgegevens",
    "Ontvangers",
    "Doorgifte buiten de EU",
    "Bewaartermijn",
    "Beveiligingsmaatregelen",
    "Interne code",
]


def dutch_workbook(path: Path) -> Path:
    """An AP/GBA-style verwerkingsregister: merged banners, label/value organisation block, vertical merge."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Register"
    ws["A1"] = "Register van verwerkingsactiviteiten"
    ws.merge_cells("A1:K1")
    put_row(ws, 2, ["Naam organisatie", "MiKi4all B.V."])
    put_row(ws, 3, ["KvK-nummer", "12345678"])
    put_row(ws, 4, ["Adres", "Dorpsstraat 1, 3512 AB Utrecht"])
    put_row(ws, 5, ["E-mail", "privacy@miki4all.example"])
    put_row(ws, 6, ["Functionaris voor gegevensbescherming", "n.v.t."])
    ws["A8"] = "Verwerkingen"
    ws.merge_cells("A8:K8")
    put_row(ws, 9, DUTCH_HEADINGS)
    put_row(
        ws,
        10,
        [
            1,
            "Bestellingen",
            "Afhandelen van bestellingen",
            "Uitvoering overeenkomst",
            "Klanten",
            "NAW-gegevens (naam, adres, woonplaats)\nE-mailadres\nBetaalgegevens",
            "PostNL (verwerker); Mollie (verwerker)",
            "Nee",
            "7 jaar na afloop van het boekjaar",
            "Versleuteling (TLS)",
            "X-12",
        ],
    )
    put_row(
        ws,
        11,
        [
            2,
            "Nieuwsbrief",
            "Versturen van de nieuwsbrief",
            "Toestemming",
            "Abonnees",
            "E-mailadres",
            "Mailchimp (verwerker)",
            "VS",
            "Tot intrekking van de toestemming",
        ],
    )
    put_row(
        ws,
        12,
        [
            3,
            "Sollicitaties",
            "Werving en selectie",
            "Gerechtvaardigd belang",
            "Sollicitanten",
            "CV; Motivatiebrief",
            "n.v.t.",
            "geen",
            "4 weken na einde sollicitatieprocedure",
        ],
    )
    put_row(
        ws,
        13,
        [
            4,
            "Camerabewaking",
            "Beveiliging van het pand",
            "art. 6 lid 1 sub f AVG; art. 6 lid 1 sub c AVG",
            "Bezoekers",
            "Camerabeelden",
            None,
            None,
            "30 dagen",
        ],
    )
    # The activity of row 13 continues in row 14 (its name cell is merged over both rows).
    put_row(ws, 14, [None, None, None, None, "Medewerkers", "Toegangspasgegevens"])
    ws.merge_cells("A13:A14")
    ws.merge_cells("B13:B14")
    wb.save(path)
    return path


GERMAN_HEADINGS = [
    "Lfd. Nr.",
    "Bezeichnung der Verarbeitungstätigkeit",
    "Zweck der Verarbeitung",
    "Rechtsgrundlage",
    "Kategorien betroffener Personen",
    "Kategorien personenbezogener Daten",
    "Kategorien von Empfängern",
    "Drittlandübermittlung",
    "Löschfristen",
    "Technische und organisatorische Maßnahmen",
]


def german_workbook(path: Path) -> Path:
    """A German VVT with a title, an inline 'Verantwortlicher: ...' cell and the headings in row 4."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "VVT"
    ws["A1"] = "Verzeichnis von Verarbeitungstätigkeiten"
    ws["A2"] = "Verantwortlicher: Beispiel GmbH"
    ws["D2"] = "Datenschutzbeauftragter: Dr. Erika Muster"
    put_row(ws, 4, GERMAN_HEADINGS)
    put_row(
        ws,
        5,
        [
            1,
            "Lohnabrechnung",
            "Gehaltsabrechnung der Beschäftigten",
            "Art. 6 Abs. 1 lit. c DSGVO",
            "Beschäftigte",
            "Stammdaten, Bankverbindung, Steuer-ID, Gesundheitsdaten (Krankmeldungen)",
            "Finanzamt; Krankenkasse",
            "keine",
            "10 Jahre",
            "Zugriffsbeschränkung",
        ],
    )
    put_row(
        ws,
        6,
        [
            2,
            "Kundenverwaltung",
            "Abwicklung von Bestellungen",
            "Vertragserfüllung",
            "Kunden",
            "Name, Anschrift",
            "Versanddienstleister (Auftragsverarbeiter)",
            "Schweiz",
            "3 Jahre nach Vertragsende",
        ],
    )
    put_row(
        ws,
        7,
        [
            3,
            "Webanalyse",
            "Reichweitenmessung",
            "berechtigtes Interesse",
            "Websitebesucher",
            "IP-Adresse (gekürzt)",
            None,
            "USA (Standardvertragsklauseln)",
            "14 Monate",
        ],
    )
    wb.save(path)
    return path


def simple_workbook(path: Path, rows: int = 3, *, extra: Callable[[Any], None] | None = None) -> Path:
    """A plain register sheet with headings in row 1 and ``rows`` activities; ``extra`` adds to the book."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Register"
    put_row(ws, 1, ["Name", "Purpose", "Lawful basis", "Categories of personal data", "Retention period"])
    for index in range(rows):
        put_row(
            ws, index + 2, [f"Activity {index + 1}", f"Purpose {index + 1}", "6(1)(b)", "Name", "2 years"]
        )
    if extra is not None:
        extra(wb)
    wb.save(path)
    return path


def rewrite(
    path: Path, change: Callable[[str, bytes], bytes | None], *, add: dict[str, bytes] | None = None
) -> Path:
    """Rewrite the entries of an .xlsx archive; ``change(name, data)`` returns new data, or ``None``."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            new = change(info.filename, data)
            target.writestr(info.filename, data if new is None else new)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def codes(result: ImportResult, severity: Severity | None = None) -> list[str]:
    return [d.code for d in result.diagnostics if severity is None or d.severity is severity]


def find(result: ImportResult, code: str) -> list[Diagnostic]:
    return [d for d in result.diagnostics if d.code == code]
