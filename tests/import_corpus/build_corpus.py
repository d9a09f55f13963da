"""Rebuild the foreign registers of the import corpus from the public text they were read in.

    python -m tests.import_corpus.build_corpus      # writes tests/import_corpus/files/

Each file's source (URL, date read) and what in it is verbatim and what was written by the team is in
``SOURCES.md`` beside this script. Spreadsheets were only available as text (web pages, transcriptions,
a script that fills the CNIL template), so their cells are laid out here as the text shows them.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.odswriter import OdsSheet, write_ods

OUT = Path(__file__).resolve().parent / "files"

# --- 1. A Dutch municipal register (headings of gemeente Hendrik-Ido-Ambacht) -------------------------

NL_HEADINGS = [
    "Omschrijving",
    "Verwerkingsdoeleinden",
    "Persoonsgegevens",
    "Betrokken",
    "Ketenpartners",
    "Rechtmatige grondslag",
    "Grondslag",
    "Bewaartermijn",
    "Doorgifte naar het buitenland",
]
NL_ROWS = [
    [
        "Uitkering levensonderhoud (Participatiewet)",
        "Verstrekken van een bijstandsuitkering en het controleren van het recht daarop",
        "NAW-gegevens; BSN; inkomensgegevens; gegevens over gezondheid",
        "Aanvragers van een uitkering; partners; inwonende kinderen",
        "UWV, SVB, Belastingdienst, Inlichtingenbureau",
        "Art. 6 lid 1 sub c en sub e AVG",
        "Participatiewet; Art. 9 lid 2 sub h AVG jo. art. 30 lid 3 UAVG",
        "10 jaar na beëindiging van de uitkering",
        "Nee",
    ],
    [
        "Verklaring omtrent het gedrag (VOG) medewerkers",
        "Beoordelen van de integriteit van nieuwe medewerkers",
        "Naam, geboortedatum, VOG",
        "Sollicitanten",
        "Justis",
        "Wettelijke verplichting",
        "Art. 10 AVG jo. art. 33 UAVG",
        "Tot einde dienstverband",
        "n.v.t.",
    ],
    [
        "Klantcontactcentrum",
        "Beantwoorden van vragen van inwoners",
        "Naam, adres, telefoonnummer, e-mailadres",
        "Inwoners",
        "Geen verstrekking aan derden",
        "Algemeen belang",
        "Gemeentewet",
        "2 jaar; bij een klacht 5 jaar",
        "Ja, alleen voor Amerikaanse clouddiensten (nog na te gaan)",
    ],
    [
        "Nieuwsbrief",
        "Versturen van de gemeentelijke nieuwsbrief",
        "Naam, e-mailadres",
        "Abonnees",
        "Mailchimp (verwerker)",
        "Toestemming",
        "-",
        "Tot intrekking van de toestemming",
        "VS; Data Privacy Framework en standaardcontractbepalingen",
    ],
    [
        "Verkiezingen: ondersteuningsverklaringen en stemmen bij volmacht, inclusief de controle van de "
        "kiesgerechtigdheid van kiezers die een volmacht afgeven of ontvangen",
        "Organiseren van verkiezingen",
        "Naam, adres, geboortedatum",
        "Kiezers",
        "Kiesraad",
        "Wettelijke verplichting",
        "Kieswet",
        "30 dagen voor de verkiezing vernietigen",
        "Nee",
    ],
]


def dutch_municipal(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Verwerkingenregister"
    ws["A1"] = "Verwerkingenregister gemeente Voorbeeld"
    ws.merge_cells("A1:I1")
    ws["A2"] = "Contact: privacy@voorbeeld.nl, FG: J. de Vries (fg@voorbeeld.nl)"
    ws.merge_cells("A2:I2")
    ws["A3"], ws["D3"] = "Verwerkingsverantwoordelijke", "Functionaris gegevensbescherming"
    ws["A4"], ws["B4"], ws["D4"], ws["E4"] = (
        "Naam",
        "College van B&W gemeente Voorbeeld",
        "Naam",
        "J. de Vries",
    )
    ws["A5"], ws["B5"], ws["D5"], ws["E5"] = "Telefoon", "14 0123", "E-mail", "fg@voorbeeld.nl"
    ws.append([])
    ws.append(NL_HEADINGS)
    for row in NL_ROWS:
        ws.append(row)
    wb.save(path)
    return path


# --- 2. An AP-model register (the headings of the issue) ----------------------------------------------

AP_HEADINGS = [
    "Naam verwerking",
    "Verwerkingsverantwoordelijke(n)",
    "Doel",
    "Grondslag",
    "Betrokkenen",
    "Persoonsgegevens",
    "Herkomst gegevens",
    "Samenwerkende partijen",
    "Rol",
    "Verwerkersovereenkomst",
    "Gezamenlijke verantwoordelijkheid",
    "Convenant/privacyprotocol",
    "Bewaartermijn",
    "Doorgifte buiten de EU",
]
AP_ROWS = [
    [
        "Jeugdhulp",
        "College van B&W",
        "Toewijzen en betalen van jeugdhulp",
        "Art. 6 lid 1 sub e AVG; Art. 9 lid 2 sub h AVG jo. art. 30 lid 3 UAVG",
        "Jeugdigen; ouders",
        "NAW; BSN; gezondheid",
        "Betrokkene zelf",
        "Zorgaanbieders; Veilig Thuis",
        "Verwerkingsverantwoordelijke",
        "N.v.t.",
        "Nee",
        "Privacyprotocol jeugdhulp regio",
        "15 jaar na einde hulp",
        "Nee",
    ],
    [
        "Salarisverwerking",
        "Gemeentesecretaris",
        "Betalen van salarissen",
        "Wettelijke verplichting",
        "Medewerkers",
        "NAW; BSN; bankrekeningnummer",
        "Betrokkene zelf",
        "Salarisbureau Noord B.V.",
        "Verwerkingsverantwoordelijke",
        "Verwerkersovereenkomst",
        "Nee",
        "-",
        "7 jaar",
        "n.v.t.",
    ],
    [
        "Loonadministratie voor de regio",
        "Gemeente Voorbeeld namens de regiogemeenten",
        "Salarisadministratie uitvoeren voor andere gemeenten",
        "Uitvoering overeenkomst",
        "Medewerkers van regiogemeenten",
        "NAW; BSN",
        "Regiogemeenten",
        "Regiogemeenten",
        "Verwerker",
        "Ja/Nee",
        "Ja/Nee",
        "",
        "7 jaar na afloop van het boekjaar",
        "Nee",
    ],
]


def ap_model(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Register"
    ws.append(["Register van verwerkingsactiviteiten"])
    ws.append(["Naam organisatie", "Gemeente Voorbeeld"])
    ws.append(["E-mail", "privacy@voorbeeld.nl"])
    ws.append([])
    ws.append(AP_HEADINGS)
    ws.append(["VOORBEELD: Parkeervergunningen", "College", "Verlenen van parkeervergunningen"])
    for row in AP_ROWS:
        ws.append(row)
    wb.save(path)
    return path


# --- 3. The published VVT of a Bavarian municipality (;-separated CSV as Excel writes it) --------------

DE_HEADINGS = [
    "Bezeichnung der Verarbeitungstätigkeit",
    "Zweck der Verarbeitung",
    "Rechtsgrundlage",
    "Kategorien der personenbezogenen Daten(*)",
    "Kategorien der betroffenen Personen",
    "Empfänger der personenbezogenen Daten",
    "Übermittlung an ein Drittland",
    "Dauer der Speicherung",
]
DE_ROWS = [
    ["ALLGEMEINES"],
    [
        "Brand- und Katastrophenschutz",
        "Organisation Brand- und Katastrophenschutz",
        "BayFwG",
        "Identifikationsdaten, Adressdaten, Kommunikationsdaten",
        "Führungskräfte der Hilfsorganisationen, Beschäftigte",
        "Führungskräfte der Hiolfsorganisationen",
        "keine",
        "30 Jahre",
    ],
    [
        "Durchführung von Veranstaltungen",
        "Führung von Adressdatenbanken",
        "Art. 6 Abs. 1 Nr. e) DSGVO, Art. 4 BayDSG",
        "Identifikationsdaten, Adressdaten, Kommunikationsdaten",
        "natürliche und juristische Personen",
        "Mitarbeiter der Verwaltung",
        "keine",
        "nach Wegfall der Grundlage",
    ],
    [
        "Ehrungen, Auszeichnungen, Ordensverleihungen",
        "Vorschläge, Organisation und Durchführung von Ehrungen",
        "GO, BezO, versch. Gesetze und Verordnungen und Bekanntmachungen und Richtlinien, Einwilligung",
        "Identifikationsdaten, Adressdaten, Kommunikationsdaten, ggf. Partei- und Vereinszugehörigkeit, "
        "Funktionen in der Organisation",
        "zu ehrende Personen und weitere zur Ehrung/zum Empfang geladene Personen",
        "Mitarbeiter der Verwaltung, Landratsamt TS, Regierung von Obb., ggf. Ministerien, Presse und "
        "Öffentlichkeit (bei Einwilligung)",
        "keine",
        "30 Jahre nach Abschluss des Ehrungsvorganges",
    ],
    [
        "Feuerwehr",
        "Datei der Feuerwehrangehörigen und Einsätze",
        "Art. 6 Abs. 1 Nr. f) DSGVO, Art. 4 BayDSG",
        "Identifikationsdaten, Adressdaten, Kommunikationsdaten",
        "Feuerwehrangehörige, Verursacher von Einsätzen, Brand- und Unfallopfer",
        "Mitarbeiter der Verwaltung, Polizei, Rettungsdienste, andere Behörden",
    ],
]


def _csv(rows: list[list[str]]) -> str:
    def quote(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(ch in cell for ch in ';"\n') else cell

    return "".join(";".join(quote(cell) for cell in row) + "\r\n" for row in rows)


def german_municipal(path: Path) -> Path:
    banner = [
        ["VERARBEITUNGSVERZEICHNIS NACH ART. 30 DSGVO"],
        [
            "Hinweis: Die technischen und organisatorischen Maßnahmen sind für jede "
            "Verarbeitungstätigkeit in "
            "einem vorhandenen IT-Sicherheitskonzept geregelt"
        ],
        [
            "* Unter Identifikationsdaten verstehen sich im Regelfall Name, Vorname, ggf. Doktorgrad, falls "
            "erforderlich Geburtsdatum"
        ],
    ]
    path.write_bytes(_csv([*banner, DE_HEADINGS, *DE_ROWS]).encode("cp1252"))
    return path


# --- 4. The German cases of issue 10, under the same headings (written by the team) -------------------

DE_CASE_HEADINGS = [*DE_HEADINGS, "Rolle", "AV-Vertrag"]
DE_CASE_ROWS = [
    [
        "Personalakte",
        "Führung der Personalakten",
        "Art. 6 Abs. 1 lit. c) und lit. e) DSGVO; Art. 9 Abs. 2 lit. b DSGVO, § 26 BDSG",
        "Stammdaten, Gesundheitsdaten (Arbeitsunfähigkeit)",
        "Beschäftigte",
        "Lohnbüro GmbH (als Auftragsverarbeiter)",
        "k. A.",
        "10 Jahre nach Ende des Beschäftigungsverhältnisses",
        "Verantwortlicher",
        "AV-Vertrag",
    ],
    [
        "Hosting der Website",
        "Betrieb der Website",
        "Art. 6 Abs. 1 lit. f DSGVO",
        "IP-Adressen, Logdaten",
        "Besucher der Website",
        "keine Weitergabe an Dritte",
        "USA, IND, CHN",
        "7 Tage",
        "Auftragsverarbeiter",
        "entfällt",
    ],
]


def german_cases(path: Path) -> Path:
    path.write_bytes(("\ufeff" + _csv([DE_CASE_HEADINGS, *DE_CASE_ROWS])).encode("utf-8"))
    return path


# --- 5. An ICO-layout data map: one row per system and data category -----------------------------------

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
]
MAP_HEADINGS = ["Processing activity", "System", *ICO_HEADINGS]
MAP_ROWS = [
    [
        "Payroll",
        "Sage Payroll",
        "HR",
        "Paying staff",
        "N/A",
        "Employees",
        "Bank details",
        "Sage UK Ltd (processor)",
        "https://example.org/dpa/sage",
        "N/A",
        "N/A",
        "6 years after employment ends",
        "Encryption at rest",
        "Art. 6(1)(b) contract; Art. 6(1)(c) legal obligation",
        "N/A",
    ],
    [
        "Payroll",
        "Sage Payroll",
        "HR",
        "Paying staff",
        "N/A",
        "Employees",
        "National insurance number",
        "HMRC",
        "",
        "N/A",
        "N/A",
        "6 years after employment ends",
        "Encryption at rest",
        "Art. 6(1)(b) contract; Art. 6(1)(c) legal obligation",
        "N/A",
    ],
    [
        "Payroll",
        "Google Workspace",
        "HR",
        "Paying staff",
        "N/A",
        "Employees",
        "Sickness absence records",
        "Google Ireland Ltd (processor)",
        "https://example.org/dpa/google",
        "yes",
        "N/A",
        "6 years after employment ends",
        "Two-factor authentication",
        "Art. 6(1)(b) contract; Art. 6(1)(c) legal obligation",
        "Art. 9(2)(b) employment law",
    ],
    [
        "Marketing emails",
        "Mailchimp",
        "Marketing",
        "Newsletter",
        "N/A",
        "Subscribers",
        "Email address",
        "Mailchimp (processor)",
        "https://example.org/dpa/mailchimp",
        "USA",
        "EU-US Data Privacy Framework; standard contractual clauses",
        "Until consent is withdrawn",
        "Access control",
        "Consent",
        "N/A",
    ],
    [
        "Marketing emails",
        "Mailchimp",
        "Marketing",
        "Newsletter",
        "N/A",
        "Subscribers",
        "Name",
        "Mailchimp (processor)",
        "https://example.org/dpa/mailchimp",
        "USA",
        "EU-US Data Privacy Framework; standard contractual clauses",
        "Until consent is withdrawn",
        "Access control",
        "Consent",
        "N/A",
    ],
    [
        "CCTV",
        "Camera system",
        "Facilities",
        "Security of the premises",
        "N/A",
        "Visitors; staff",
        "CCTV images",
        "Police (on request only)",
        "N/A",
        "only for US cloud services",
        "to be checked",
        "30 days",
        "Restricted viewing",
        "Legitimate interests",
        "N/A",
    ],
]


def ico_data_map(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Data map"
    ws.append(["Record of processing activities – Acme Ltd"])
    ws.append([None, "Name", "Address", "Email", "Telephone"])
    ws.append(["Controller", "Acme Ltd", "1 High Street, London", "privacy@acme.example", "020 7946 0000"])
    ws.append(["Data Protection Officer", "Jane Doe", None, "dpo@acme.example", "020 7946 0001"])
    ws.append(["Representative", "N/A"])
    ws.append([])
    ws.append(MAP_HEADINGS)
    for row in MAP_ROWS:
        ws.append(row)
    wb.save(path)
    return path


# --- 6. The CNIL's simplified register (ODS): list sheet, fiche, example, lists -----------------------

PROMPT = "Sélectionnez un élément…"


def _cnil_list() -> OdsSheet:
    rows: list[list[str | float | None]] = [
        [
            "Responsable du traitement",
            "Nom",
            "Boulangerie Martin SARL",
            "Prénom",
            None,
            "Adresse",
            "3 rue du Four, 69001 Lyon",
            "Adresse mél",
            "contact@boulangerie-martin.example",
        ],
        [None, "CP", "69001", "Ville", "Lyon", "Téléphone", "04 78 00 00 00"],
        ["Représentant", "Nom", "Sans objet"],
        [],
        [
            "Délégué à la protection des données",
            "Nom",
            "Claire Durand",
            "Prénom",
            None,
            "Société (si DPO externe)",
            "DPO Conseil SAS",
        ],
        [
            None,
            "CP",
            "69002",
            "Ville",
            "Lyon",
            "Téléphone",
            "04 78 11 11 11",
            "Adresse mél",
            "dpo@dpo-conseil.example",
        ],
        [],
        [
            "Nom / sigle",
            "N° / REF",
            "Date de création",
            "Mise à jour",
            "Finalité principale",
            "Sous-finalités",
            "Données sensibles",
        ],
        [
            "(EXEMPLE) Gestion de la paie",
            "REF-001",
            "25/05/2018",
            "25/05/2018",
            "Paie des salariés",
            None,
            "Non",
        ],
        [
            "Gestion des clients",
            "T-001",
            "01/02/2024",
            "15/03/2024",
            "Gestion des commandes et de la facturation",
            "Programme de fidélité",
            "Non",
        ],
        [
            "Newsletter",
            "T-002",
            "01/02/2024",
            "15/03/2024",
            "Envoi de la lettre d'information",
            None,
            "Oui/non",
        ],
        [
            "Vidéosurveillance",
            "T-003",
            "01/02/2024",
            "01/02/2024",
            "Sécurité des biens et des personnes",
            None,
            "Non",
        ],
    ]
    rows += [[PROMPT, None, None, None, None, None, "Oui/non"] for _ in range(10)]
    return OdsSheet("2 - Liste des traitements", rows)


def _fiche(name: str, ref: str, filled: bool) -> OdsSheet:
    def line(label: str, value: str | None = None, retention: str | None = None) -> list[str | float | None]:
        return [label, value, None, retention]

    rows: list[list[str | float | None]] = [
        ["FICHE DE REGISTRE", None, None, "Réf :", ref if filled else None],
        [],
        ["Description du traitement"],
        ["Nom / sigle", name if filled else None],
        ["N° / REF", ref if filled else None],
        ["Date de création", "01/02/2024" if filled else None],
        ["Mise à jour", "15/03/2024" if filled else None],
        [],
        ["Acteurs", "Nom", None, "Téléphone", "Adresse mél"],
        [
            "Responsable du traitement",
            "Boulangerie Martin SARL" if filled else None,
            None,
            "04 78 00 00 00" if filled else None,
            "contact@boulangerie-martin.example" if filled else None,
        ],
        [
            "Délégué à la protection des données",
            "Claire Durand" if filled else None,
            None,
            None,
            "dpo@dpo-conseil.example" if filled else None,
        ],
        ["Représentant", "Sans objet" if filled else None],
        ["Responsable(s) conjoint(s)", "Non" if filled else None],
        [],
        [],
        ["Finalité(s) du traitement effectué"],
        line("Finalité principale", "Envoi de la lettre d'information" if filled else None),
        line("Sous-finalité 1", "Mesure de l'ouverture des lettres" if filled else None),
        line("Sous-finalité 2"),
        line("Sous-finalité 3"),
        line("Sous-finalité 4"),
        [],
        ["Catégories de données personnelles concernées", "Description", None, "Délai d'effacement"],
        [],
        line(
            "État-civil, identité, données d'identification, images",
            "Nom, prénom, adresse mél" if filled else None,
            "3 ans à compter du dernier contact" if filled else None,
        ),
        line(
            "Vie personnelle (habitudes de vie, situation familiale, etc.)",
            "Non concerné" if filled else None,
        ),
        line(
            "Informations d'ordre économique et financier (revenus, situation financière, "
            "situation fiscale, etc.)"
        ),
        line(
            "Données de connexion (adresse IP, logs, etc.)",
            "Adresse IP, date d'ouverture" if filled else None,
            "13 mois" if filled else None,
        ),
        line("Données de localisation (déplacements, données GPS, GSM, etc.)"),
        # A period given for the template's category itself, without a description (read as that
        # category, the period its own).
        line(
            "Internet (cookies, traceurs, données de navigation, mesures d'audience, ...)",
            None,
            "25 mois" if filled else None,
        ),
        [],
        ["Données sensibles", "Description", None, "Délai d'effacement"],
        line("Données révélant l'origine raciale ou ethnique"),
        line("Données révélant les opinions politiques"),
        line("Données révélant les convictions religieuses ou philosophiques"),
        line("Données révélant l'appartenance syndicale"),
        line("Données génétiques"),
        line("Données biométriques aux fins d'identifier une personne physique de manière unique"),
        line("Données concernant la santé"),
        line("Données concernant la vie sexuelle ou l'orientation sexuelle"),
        line("Données relatives à des condamnations pénales ou à des infractions"),
        [],
        ["Catégories de personnes concernées", "Catégorie", None, "Précisions"],
        line(
            "Personnes concernées 1",
            "Clients" if filled else None,
            "Clients ayant donné leur accord" if filled else None,
        ),
        line("Personnes concernées 2", "Prospects" if filled else None),
        [],
        ["Destinataires", "Type de destinataire", None, "Précisions"],
        line(
            "Destinataire 1",
            "Service interne qui traite les données" if filled else None,
            "Service communication" if filled else None,
        ),
        line(
            "Destinataire 2",
            "Sous-traitants" if filled else None,
            "Routeur de courriels (sous-traitant), contrat de sous-traitance signé" if filled else None,
        ),
        [],
        [],
        ["Mesures de sécurité", "Type de mesure", None, "Précisions"],
        line(
            "Mesure 1",
            "Contrôle d'accès des utilisateurs" if filled else None,
            "Accès par mot de passe individuel" if filled else None,
        ),
        line("Mesure 2", "Sauvegarde des données" if filled else None),
        [],
        [
            "Transferts des données hors UE",
            "Destinataire",
            "Pays",
            "Type de garanties",
            None,
            "Lien vers la documentation",
        ],
        [
            "Transfert 1",
            "Routeur de courriels" if filled else None,
            "États-Unis" if filled else None,
            "Clauses contractuelles types" if filled else None,
            None,
            "https://example.org/cct" if filled else None,
        ],
    ]
    return OdsSheet(f"3 - Fiche {name}" if filled else "3 - Modèle de fiche de registre", rows)


def cnil_simplified(path: Path) -> Path:
    tutorial = OdsSheet(
        "Tutoriel",
        [
            ["Modèle de registre simplifié"],
            ["Listez ici les activités pour lesquelles vous traitez des données personnelles."],
            ["Pour chaque activité recensée, créez et tenez à jour une fiche de registre."],
        ],
    )
    example = _fiche("Gestion de la paie", "REF-001", True)
    example.name = "4 - Exemple de fiche"
    lists = OdsSheet(
        "5 - Listes",
        [
            ["Destinataires", "Garanties"],
            ["Service interne qui traite les données", "Clauses contractuelles types"],
            ["Sous-traitants", "Règles d'entreprise contraignantes"],
            ["Destinataires dans des pays tiers ou organisations internationales", "Privacy shield"],
            ["Partenaires institutionnels ou commerciaux"],
            ["Autre (Préciser)"],
        ],
    )
    sheets = [
        tutorial,
        _cnil_list(),
        _fiche("", "", False),
        _fiche("Newsletter", "T-002", True),
        example,
        lists,
    ]
    return write_ods(path, sheets)


FILES = {
    "nl_gemeente_verwerkingenregister.xlsx": dutch_municipal,
    "nl_ap_model.xlsx": ap_model,
    "de_gemeinde_vvt.csv": german_municipal,
    "de_vvt_faelle.csv": german_cases,
    "ico_data_map.xlsx": ico_data_map,
    "cnil_registre_simplifie.ods": cnil_simplified,
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, build in FILES.items():
        build(OUT / name)


if __name__ == "__main__":
    main()
