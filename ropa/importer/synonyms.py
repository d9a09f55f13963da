"""Column headings ropa recognises in foreign registers, in English, Dutch, French and German.

Headings are compared after :func:`normalise`: case, accents, punctuation and parenthesised remarks
such as ``(if applicable)`` or ``(s)`` do not matter. The English headings of the ICO template are
listed verbatim; Dutch follows the AP and GBA vocabulary, French the CNIL, German the usual
*Verzeichnis von Verarbeitungstätigkeiten* (VVT).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["FIELDS", "FIELD_SYNONYMS", "KEEP", "normalise", "normalise_full", "render_table"]

KEEP = "unmapped"
"""The target of a column that is kept verbatim in the activity's ``unmapped`` on purpose."""

FIELDS: dict[str, str] = {
    "id": "the activity's id (a number or reference); made into a valid id",
    "name": "the activity's name",
    "description": "what happens, in words",
    "department": "business function or department",
    "owner": "person or role responsible",
    "purposes": "purposes, one per line or separated by ';'",
    "lawful_basis": "Art. 6(1) basis, mapped to 6-1-a ... 6-1-f where unambiguous",
    "legitimate_interest": "the legitimate interest pursued (for 6-1-f)",
    "lia": "reference to the legitimate-interests assessment",
    "consent_records": "where consent is recorded (for 6-1-a)",
    "art9": "Art. 9(2) condition, mapped to 9-2-a ... 9-2-j where unambiguous",
    "special_categories": "special-category data: yes/no, or the categories",
    "criminal_data": "criminal-conviction data (Art. 10): yes/no, or the categories",
    "data_subjects": "categories of data subjects; each becomes a vocabulary entry",
    "data_categories": "categories of personal data; each becomes a vocabulary entry",
    "recipients": "recipients; each becomes a party",
    "processors": "processors; each becomes a party with role processor",
    "joint_controllers": "joint controllers; each becomes a party with role joint-controller",
    "transfers": "third countries or international organisations data go to",
    "transfer_safeguards": "the Chapter V mechanism (adequacy, SCCs, BCRs, ...)",
    "retention": "retention periods; '7 years' becomes P7Y",
    "security_measures": "security measures specific to the activity",
    "sources": "where the data come from",
    "automated_decisions": "automated decision-making or profiling: yes/no and a description",
    "storage_location": "where the data are stored",
    "systems": "systems and applications",
    "dpia": "whether a DPIA is required: yes/no and a screening text",
    "dpia_reference": "where the DPIA is kept",
    "status": "planned, active, suspended or ended",
    "frequency": "occasional, regular, systematic or continuous (Art. 30(5))",
    "role": "controller or processor",
    "last_modified": "when the processing last changed",
    "last_reviewed": "when the entry was last reviewed",
    "next_review": "when the entry is next reviewed",
    "notes": "anything else",
    KEEP: "keep the column verbatim in the activity's unmapped, without a warning",
    "ignore": "leave the column out (only by an explicit mapping file)",
}
"""Import fields: what a column can be mapped to (also the values of a mapping file)."""

# fmt: off
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": (
        "id", "nr", "no", "number", "ref", "reference", "#", "n°", "nummer", "volgnummer", "kenmerk",
        "registratienummer", "numero", "référence", "identifiant", "lfd nr", "laufende nummer",
        "referenz", "kennung", "number internal id", "internal id", "processing id",
    ),
    "name": (
        "name", "name of processing activity", "processing activity", "activity", "activity name",
        "name of processing", "processing", "name of business process", "business process",
        "verwerkingsactiviteit", "verwerking", "naam verwerking", "naam van de verwerking",
        "naam verwerkingsactiviteit", "naam van de verwerkingsactiviteit", "naam bedrijfsproces",
        "bedrijfsproces", "nom de l'activité", "activité de traitement", "activité", "traitement",
        "nom du traitement", "intitulé du traitement", "verarbeitungstätigkeit",
        "bezeichnung der verarbeitungstätigkeit", "name der verarbeitungstätigkeit", "bezeichnung",
        "verarbeitung", "geschäftsprozess",
    ),
    "description": (
        "description", "functional description", "description of processing", "beschrijving",
        "omschrijving", "functionele omschrijving", "beschrijving van de verwerking",
        "description du traitement", "beschreibung", "beschreibung der verarbeitung",
        "kurzbeschreibung",
    ),
    "department": (
        "business function", "department", "business unit", "function", "team", "afdeling",
        "bedrijfsfunctie", "organisatieonderdeel", "dienst", "service", "direction", "direction service",
        "abteilung", "fachbereich", "fachabteilung", "organisationseinheit",
    ),
    "owner": (
        "owner", "process owner", "owner of process", "responsible", "eigenaar", "proceseigenaar",
        "eigenaar proces", "verantwoordelijke", "responsable", "responsable de l'activité",
        "responsable du processus", "prozessverantwortlicher", "verantwortlich", "ansprechpartner",
        "verantwortliche person",
    ),
    "purposes": (
        "purpose of processing", "purpose", "purposes", "purposes of the processing",
        "purpose of the processing", "processing purpose", "doel van de verwerking", "doel",
        "doelen", "doeleinden", "verwerkingsdoeleinden", "verwerkingsdoel", "doel van verwerking",
        "doelen van de verwerking", "doeleinde van de verwerking", "doeleinden van de verwerking",
        "finalité", "finalités", "finalité du traitement", "finalités du traitement",
        "finalité principale", "objectifs poursuivis", "objectif", "zweck der verarbeitung",
        "zwecke der verarbeitung", "zweck", "zwecke", "zweckbestimmung", "verarbeitungszweck",
        "verarbeitungszwecke",
    ),
    "lawful_basis": (
        "article 6 lawful basis for processing personal data", "lawful basis", "legal basis",
        "lawful basis for processing", "legal basis for processing", "basis for processing",
        "legal ground", "grondslag", "rechtsgrond", "wettelijke grondslag", "grondslag van de verwerking",
        "grondslag verwerking", "grondslag voor de verwerking", "rechtmatigheidsgrond",
        "verwerkingsgrond", "base légale", "base juridique", "licéité", "fondement juridique",
        "base légale du traitement", "rechtsgrundlage", "rechtsgrundlage der verarbeitung",
        "rechtsgrundlagen", "rechtsgrundlage art 6 dsgvo",
    ),
    "legitimate_interest": (
        "legitimate interests for the processing", "legitimate interest", "legitimate interests",
        "gerechtvaardigd belang", "gerechtvaardigde belangen", "intérêt légitime", "intérêts légitimes",
        "berechtigtes interesse", "berechtigte interessen",
    ),
    "lia": (
        "link to record of legitimate interests assessment", "legitimate interests assessment", "lia",
        "belangenafweging", "analyse de l'intérêt légitime", "interessenabwägung",
    ),
    "consent_records": (
        "link to record of consent", "record of consent", "consent record", "vastlegging toestemming",
        "registratie toestemming", "preuve du consentement", "nachweis der einwilligung",
    ),
    "art9": (
        "article 9 condition for processing special category data", "article 9 condition",
        "art 9 condition", "uitzonderingsgrond", "uitzonderingsgrond bijzondere persoonsgegevens",
        "exception article 9", "ausnahme nach art 9", "rechtsgrundlage art 9 dsgvo",
    ),
    "special_categories": (
        "special categories of personal data", "special category data", "special categories",
        "sensitive data", "bijzondere persoonsgegevens", "bijzondere categorieën van persoonsgegevens",
        "bijzondere categorieën persoonsgegevens", "données sensibles",
        "des données sensibles sont elles traitées", "catégories particulières de données",
        "besondere kategorien personenbezogener daten", "besondere kategorien",
    ),
    "criminal_data": (
        "criminal offence data", "criminal conviction data", "strafrechtelijke persoonsgegevens",
        "justitiële gegevens", "données pénales", "données relatives aux condamnations pénales",
        "strafrechtliche daten", "daten über strafrechtliche verurteilungen und straftaten",
    ),
    "data_subjects": (
        "categories of individuals", "categories of data subjects", "data subjects",
        "data subject categories", "individuals", "categorieën van betrokkenen", "betrokkenen",
        "categorieën betrokkenen", "categorie betrokkenen", "catégories de personnes concernées",
        "personnes concernées", "kategorien betroffener personen", "betroffene personen",
        "betroffenengruppen", "kategorien von betroffenen", "kreis der betroffenen personen",
        "betroffene",
    ),
    "data_categories": (
        "categories of personal data", "personal data", "personal data categories", "data categories",
        "categories of data", "categorieën van persoonsgegevens", "categorieën persoonsgegevens",
        "persoonsgegevens", "soorten persoonsgegevens", "gegevens", "catégories de données",
        "catégories de données à caractère personnel", "catégories de données collectées",
        "données traitées", "données collectées", "kategorien personenbezogener daten",
        "datenkategorien", "kategorien von daten", "personenbezogene daten",
        "art der daten", "kategorien der daten",
    ),
    "recipients": (
        "categories of recipients", "recipients", "recipient", "recipient categories", "ontvangers",
        "categorieën van ontvangers", "categorieën ontvangers", "ontvanger", "destinataires",
        "catégories de destinataires", "destinataires des données", "empfänger",
        "kategorien von empfängern", "empfängerkategorien", "kategorien der empfänger",
    ),
    "processors": (
        "processors", "processor", "data processors", "verwerkers", "verwerker", "sous traitants",
        "sous traitant", "auftragsverarbeiter", "dienstleister",
    ),
    "joint_controllers": (
        "name and contact details of joint controller", "joint controller", "joint controllers",
        "gezamenlijke verwerkingsverantwoordelijke", "gezamenlijke verwerkingsverantwoordelijken",
        "responsable conjoint", "nom du responsable conjoint du traitement",
        "responsable conjoint du traitement", "gemeinsam verantwortliche", "gemeinsam verantwortlicher",
    ),
    "transfers": (
        "names of third countries or international organisations that personal data are transferred to",
        "third countries", "transfers", "international transfers", "third country transfers",
        "transfers to third countries", "transfers outside the eea", "transfers outside the eu",
        "doorgifte", "doorgiften", "doorgifte buiten de eu", "doorgifte buiten de eer",
        "doorgifte naar derde landen", "doorgifte derde landen", "derde landen", "landen buiten de eer",
        "transferts hors ue", "transferts de données hors ue", "transferts", "pays tiers",
        "transferts vers des pays tiers", "drittland", "drittländer", "drittlandübermittlung",
        "drittlandtransfer", "übermittlung an drittländer", "übermittlung in drittländer",
        "übermittlungen an drittländer oder internationale organisationen",
    ),
    "transfer_safeguards": (
        "safeguards for exceptional transfers of personal data to third countries or international "
        "organisations",
        "safeguards", "transfer safeguards", "transfer mechanism", "passende waarborgen", "waarborgen",
        "doorgiftemechanisme", "garanties", "garanties appropriées", "geeignete garantien", "garantien",
    ),
    "retention": (
        "retention schedule", "retention period", "retention", "retention periods", "time limits for erasure",
        "bewaartermijn", "bewaartermijnen", "termijn", "beoogde termijnen voor wissing", "bewaarperiode",
        "durée de conservation", "durées de conservation", "délais prévus pour l'effacement",
        "durées de conservation des catégories de données", "löschfristen", "löschfrist",
        "speicherdauer", "aufbewahrungsfrist", "aufbewahrungsfristen",
        "vorgesehene fristen für die löschung", "fristen für die löschung", "regelfristen für die löschung",
    ),
    "security_measures": (
        "general description of technical and organisational security measures", "security measures",
        "technical and organisational measures", "toms", "beveiligingsmaatregelen",
        "technische en organisatorische beveiligingsmaatregelen",
        "technische en organisatorische maatregelen",
        "mesures de sécurité", "mesures de sécurité techniques et organisationnelles",
        "technische und organisatorische maßnahmen", "tom",
    ),
    "sources": (
        "the source of the personal data", "source of the personal data", "source", "data source",
        "sources", "bron", "herkomst", "bron van de persoonsgegevens", "herkomst van de gegevens",
        "source des données", "origine des données", "herkunft der daten", "datenquelle", "quelle",
    ),
    "automated_decisions": (
        "existence of automated decision making including profiling", "automated decision making",
        "profiling", "geautomatiseerde besluitvorming", "profilering", "décision automatisée",
        "profilage", "automatisierte entscheidung", "automatisierte entscheidungsfindung",
    ),
    "storage_location": (
        "location of personal data", "storage location", "location", "opslaglocatie", "locatie",
        "opslag", "localisation des données", "lieu de stockage", "speicherort",
    ),
    "systems": (
        "systems", "system", "applications", "software", "systemen", "applicaties", "systeem",
        "applicatie", "logiciel", "nom du logiciel ou de l'application", "application", "logiciels",
        "systeme", "it systeme", "eingesetzte systeme", "eingesetzte software", "anwendung",
    ),
    "dpia": (
        "data protection impact assessment required", "dpia required", "dpia", "dpia nodig",
        "dpia vereist", "dpia verplicht", "aipd", "aipd nécessaire", "aipd requise", "dsfa",
        "dsfa erforderlich", "datenschutz folgenabschätzung",
    ),
    "dpia_reference": (
        "link to data protection impact assessment", "dpia reference", "link to dpia", "dpia referentie",
        "référence aipd", "verweis dsfa",
    ),
    "status": ("status", "statut", "stand"),
    "frequency": (
        "frequency", "frequentie", "fréquence", "häufigkeit", "frequency of processing",
        "frequentie van de verwerking",
    ),
    "role": (
        "role", "rol", "rôle", "rolle", "role of the organisation", "rol van de organisatie",
        "controller or processor", "verwerkingsverantwoordelijke of verwerker",
    ),
    "last_modified": (
        "date of last update", "last updated", "last modified", "datum laatste wijziging",
        "laatst gewijzigd", "date de dernière mise à jour", "datum der letzten änderung",
        "letzte änderung",
    ),
    "last_reviewed": (
        "last reviewed", "date of last review", "laatst beoordeeld", "datum laatste review",
        "dernière revue", "letzte überprüfung",
    ),
    "next_review": (
        "next review", "review date", "volgende review", "volgende beoordeling", "prochaine revue",
        "nächste überprüfung",
    ),
    "notes": (
        "notes", "note", "comments", "remarks", "opmerkingen", "opmerking", "toelichting",
        "remarques", "commentaires", "observations", "bemerkungen", "anmerkungen", "kommentar",
    ),
    KEEP: (
        # ICO columns with no register field: kept verbatim, reported as info.
        "link to contract with processor", "rights available to individuals",
        "data protection impact assessment progress", "has a personal data breach occurred",
        "link to record of personal data breach",
        "data protection act 2018 schedule 1 condition for processing",
        "gdpr article 6 lawful basis for processing", "link to retention and erasure policy document",
        "is personal data retained and erased in accordance with the policy document",
        "reasons for not adhering to policy document",
        "verwerkersovereenkomst", "date de création de la fiche", "date de création",
        "auftragsverarbeitungsvertrag", "contrat de sous traitance",
    ),
}
# fmt: on
"""Known headings per import field (written naturally; compared after :func:`normalise`)."""

_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_NON_WORD = re.compile(r"[^0-9a-z#]+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def normalise(text: str) -> str:
    """Lower case, no accents, no parenthesised remarks, words separated by one space.

    ``"Finalité(s)"`` → ``"finalite"``; ``"Retention schedule (if possible)"`` → ``"retention schedule"``;
    ``"Categorieën van betrokkenen"`` → ``"categorieen van betrokkenen"``.
    """
    return _NON_WORD.sub(" ", _PARENTHESES.sub(" ", _fold(text))).strip()


def normalise_full(text: str) -> str:
    """Like :func:`normalise` but keeping the words inside parentheses."""
    return _NON_WORD.sub(" ", _fold(text)).strip()


def render_table() -> str:
    """The Markdown table of import fields and their known headings (kept in ``docs/import.md``)."""
    lines = ["| field | meaning | headings recognised |", "|---|---|---|"]
    for field, meaning in FIELDS.items():
        headings = FIELD_SYNONYMS.get(field, ())
        shown = " · ".join(h.replace("|", "\\|") for h in headings) if headings else "(mapping file only)"
        lines.append(f"| `{field}` | {meaning} | {shown} |")
    return "\n".join(lines) + "\n"
