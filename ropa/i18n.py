"""Labels in English, Dutch, French and German for every code of the register and every word of the exports.

Codes stay data (``6-1-b``, ``scc``, ``end-of-financial-year``); this module turns them into text for people.
Headers use the terms of the official language versions of the GDPR (AVG, RGPD, DSGVO)::

    >>> from ropa.i18n import label
    >>> from ropa.models.vocab import LawfulBasis
    >>> label(LawfulBasis.CONTRACT, "nl")
    'Art. 6(1)(b) AVG – uitvoering van een overeenkomst'
    >>> label("sheet.retention", "de")
    'Löschfristen'

Keys are stable: an enum member, or a dotted term key (``sheet.*``, ``column.*``, ``ui.*``, ``legend.*``,
``cover.*``, ``art32.*``). Nothing here imports openpyxl or pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Literal, NamedTuple, cast

from ropa.diagnostics import LegalRef, Severity
from ropa.models import vocab as v

__all__ = [
    "ENUMS",
    "LANGS",
    "Labels",
    "Lang",
    "article",
    "format_date",
    "format_int",
    "instrument",
    "label",
    "legal_ref",
    "normalise_lang",
    "term_keys",
]

Lang = Literal["en", "nl", "fr", "de"]
LANGS: tuple[Lang, ...] = ("en", "nl", "fr", "de")
"""The export languages, in a fixed order."""


class Labels(NamedTuple):
    """One text in the four export languages."""

    en: str
    nl: str
    fr: str
    de: str

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return cast(str, getattr(self, lang))


L = Labels

# --------------------------------------------------------------------------------------------------------
# Article references: "Art. 6(1)(b) GDPR", "Art. 6(1)(b) AVG", "Art. 6 Abs. 1 lit. b DSGVO"
# --------------------------------------------------------------------------------------------------------

_INSTRUMENTS: dict[str, Labels] = {"GDPR": L("GDPR", "AVG", "RGPD", "DSGVO")}
_REF = re.compile(r"^(?P<art>\d+[a-z]?)(?:\((?P<par>\d+)\))?(?:\((?P<pt>[a-z])\))?$")


def instrument(name: str, lang: Lang) -> str:
    """The local name of a legal instrument: ``GDPR`` is ``AVG`` in Dutch; other names are kept."""
    labels = _INSTRUMENTS.get(name)
    return labels.get(lang) if labels else name


def _format_article(art: str, paragraph: int | str | None, point: str | None, lang: Lang, inst: str) -> str:
    if lang == "de":
        text = f"Art. {art}"
        if paragraph is not None:
            text += f" Abs. {paragraph}"
        if point:
            text += f" lit. {point}" if len(point) == 1 else f" {point}"
    else:
        text = f"Art. {art}"
        if paragraph is not None:
            text += f"({paragraph})"
        if point:
            text += f"({point})"
    name = instrument(inst, lang) if inst else ""
    return f"{text} {name}" if name else text


def article(ref: str, lang: Lang, instrument_name: str = "GDPR") -> str:
    """Render a compact reference such as ``30(1)(b)`` or ``45`` in the style of ``lang``.

    >>> article("30(1)(b)", "de")
    'Art. 30 Abs. 1 lit. b DSGVO'
    >>> article("30(1)(b)", "fr")
    'Art. 30(1)(b) RGPD'
    """
    match = _REF.match(ref)
    if match is None:
        raise ValueError(f"not an article reference: {ref!r}")
    return _format_article(match["art"], match["par"], match["pt"], lang, instrument_name)


def legal_ref(ref: LegalRef, lang: Lang) -> str:
    """A :class:`~ropa.diagnostics.LegalRef` in the style of ``lang`` (``Art. 30(1)(f) AVG``)."""
    return _format_article(ref.article, ref.paragraph, ref.point, lang, ref.instrument)


def _arts(ref: str) -> Labels:
    return L(*(article(ref, lang) for lang in LANGS))


def _with_art(ref: str, name: Labels, sep: str = " – ") -> Labels:
    """``Art. 6(1)(b) GDPR – contract``."""
    arts = _arts(ref)
    return L(*(f"{arts.get(lang)}{sep}{name.get(lang)}" for lang in LANGS))


def _art_after(name: Labels, ref: str) -> Labels:
    """``Standard contractual clauses (Art. 46(2)(c) GDPR)``."""
    arts = _arts(ref)
    return L(*(f"{name.get(lang)} ({arts.get(lang)})" for lang in LANGS))


# --------------------------------------------------------------------------------------------------------
# Enumerations of ropa.models.vocab (and the severity of diagnostics)
# --------------------------------------------------------------------------------------------------------

_LAWFUL_BASIS = {
    v.LawfulBasis.CONSENT: _with_art("6(1)(a)", L("consent", "toestemming", "consentement", "Einwilligung")),
    v.LawfulBasis.CONTRACT: _with_art(
        "6(1)(b)",
        L(
            "performance of a contract",
            "uitvoering van een overeenkomst",
            "exécution d'un contrat",
            "Erfüllung eines Vertrags",
        ),
    ),
    v.LawfulBasis.LEGAL_OBLIGATION: _with_art(
        "6(1)(c)",
        L("legal obligation", "wettelijke verplichting", "obligation légale", "rechtliche Verpflichtung"),
    ),
    v.LawfulBasis.VITAL_INTERESTS: _with_art(
        "6(1)(d)",
        L(
            "vital interests",
            "vitale belangen",
            "sauvegarde des intérêts vitaux",
            "lebenswichtige Interessen",
        ),
    ),
    v.LawfulBasis.PUBLIC_TASK: _with_art(
        "6(1)(e)",
        L(
            "public interest or official authority",
            "taak van algemeen belang of openbaar gezag",
            "mission d'intérêt public ou exercice de l'autorité publique",
            "öffentliches Interesse oder öffentliche Gewalt",
        ),
    ),
    v.LawfulBasis.LEGITIMATE_INTERESTS: _with_art(
        "6(1)(f)",
        L("legitimate interests", "gerechtvaardigd belang", "intérêts légitimes", "berechtigte Interessen"),
    ),
}

_SPECIAL_CONDITION = {
    v.SpecialCondition.EXPLICIT_CONSENT: _with_art(
        "9(2)(a)",
        L(
            "explicit consent",
            "uitdrukkelijke toestemming",
            "consentement explicite",
            "ausdrückliche Einwilligung",
        ),
    ),
    v.SpecialCondition.EMPLOYMENT_LAW: _with_art(
        "9(2)(b)",
        L(
            "employment and social security law",
            "arbeidsrecht en socialezekerheidsrecht",
            "droit du travail et de la sécurité sociale",
            "Arbeitsrecht und Recht der sozialen Sicherheit",
        ),
    ),
    v.SpecialCondition.VITAL_INTERESTS: _with_art(
        "9(2)(c)",
        L(
            "vital interests, data subject incapable of consent",
            "vitale belangen, betrokkene kan geen toestemming geven",
            "intérêts vitaux, personne hors d'état de consentir",
            "lebenswichtige Interessen, keine Einwilligungsfähigkeit",
        ),
    ),
    v.SpecialCondition.NOT_FOR_PROFIT: _with_art(
        "9(2)(d)",
        L(
            "not-for-profit body, members",
            "instantie zonder winstoogmerk, leden",
            "organisme à but non lucratif, membres",
            "Organisation ohne Gewinnerzielungsabsicht, Mitglieder",
        ),
    ),
    v.SpecialCondition.MADE_PUBLIC: _with_art(
        "9(2)(e)",
        L(
            "manifestly made public by the data subject",
            "kennelijk openbaar gemaakt door de betrokkene",
            "manifestement rendues publiques par la personne concernée",
            "offensichtlich von der betroffenen Person öffentlich gemacht",
        ),
    ),
    v.SpecialCondition.LEGAL_CLAIMS: _with_art(
        "9(2)(f)",
        L(
            "legal claims or courts",
            "rechtsvordering of gerechten",
            "droits en justice ou juridictions",
            "Rechtsansprüche oder Gerichte",
        ),
    ),
    v.SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST: _with_art(
        "9(2)(g)",
        L(
            "substantial public interest",
            "zwaarwegend algemeen belang",
            "intérêt public important",
            "erhebliches öffentliches Interesse",
        ),
    ),
    v.SpecialCondition.HEALTH_CARE: _with_art(
        "9(2)(h)",
        L(
            "health or social care, occupational medicine",
            "gezondheidszorg, sociale diensten of arbeidsgeneeskunde",
            "soins de santé, protection sociale ou médecine du travail",
            "Gesundheits- oder Sozialbereich, Arbeitsmedizin",
        ),
    ),
    v.SpecialCondition.PUBLIC_HEALTH: _with_art(
        "9(2)(i)", L("public health", "volksgezondheid", "santé publique", "öffentliche Gesundheit")
    ),
    v.SpecialCondition.ARCHIVING_RESEARCH: _with_art(
        "9(2)(j)",
        L(
            "archiving, research or statistics",
            "archivering, onderzoek of statistiek",
            "archives, recherche ou statistiques",
            "Archiv-, Forschungs- oder Statistikzwecke",
        ),
    ),
}

_SPECIAL_CATEGORY = {
    v.SpecialCategory.RACIAL_ETHNIC_ORIGIN: L(
        "Racial or ethnic origin",
        "Ras of etnische afkomst",
        "Origine raciale ou ethnique",
        "Rassische oder ethnische Herkunft",
    ),
    v.SpecialCategory.POLITICAL_OPINIONS: L(
        "Political opinions", "Politieke opvattingen", "Opinions politiques", "Politische Meinungen"
    ),
    v.SpecialCategory.RELIGIOUS_BELIEFS: L(
        "Religious or philosophical beliefs",
        "Religieuze of levensbeschouwelijke overtuigingen",
        "Convictions religieuses ou philosophiques",
        "Religiöse oder weltanschauliche Überzeugungen",
    ),
    v.SpecialCategory.TRADE_UNION: L(
        "Trade union membership",
        "Lidmaatschap van een vakbond",
        "Appartenance syndicale",
        "Gewerkschaftszugehörigkeit",
    ),
    v.SpecialCategory.GENETIC: L(
        "Genetic data", "Genetische gegevens", "Données génétiques", "Genetische Daten"
    ),
    v.SpecialCategory.BIOMETRIC: L(
        "Biometric data for unique identification",
        "Biometrische gegevens voor unieke identificatie",
        "Données biométriques aux fins d'identification unique",
        "Biometrische Daten zur eindeutigen Identifizierung",
    ),
    v.SpecialCategory.HEALTH: L(
        "Data concerning health",
        "Gegevens over gezondheid",
        "Données concernant la santé",
        "Gesundheitsdaten",
    ),
    v.SpecialCategory.SEX_LIFE: L(
        "Sex life or sexual orientation",
        "Seksueel gedrag of seksuele gerichtheid",
        "Vie sexuelle ou orientation sexuelle",
        "Sexualleben oder sexuelle Orientierung",
    ),
}

_VULNERABLE = {
    v.VulnerableGroup.CHILD: L("Children", "Kinderen", "Enfants", "Kinder"),
    v.VulnerableGroup.EMPLOYEE: L("Employees", "Werknemers", "Salariés", "Beschäftigte"),
    v.VulnerableGroup.PATIENT: L("Patients", "Patiënten", "Patients", "Patienten"),
    v.VulnerableGroup.ELDERLY: L("Elderly people", "Ouderen", "Personnes âgées", "Ältere Menschen"),
    v.VulnerableGroup.OTHER: L(
        "Other vulnerable group",
        "Andere kwetsbare groep",
        "Autre groupe vulnérable",
        "Andere schutzbedürftige Gruppe",
    ),
}

_PARTY_ROLE = {
    v.PartyRole.PROCESSOR: L("Processor", "Verwerker", "Sous-traitant", "Auftragsverarbeiter"),
    v.PartyRole.CONTROLLER: L(
        "Independent controller",
        "Zelfstandig verwerkingsverantwoordelijke",
        "Responsable du traitement distinct",
        "Eigenständiger Verantwortlicher",
    ),
    v.PartyRole.JOINT_CONTROLLER: L(
        "Joint controller",
        "Gezamenlijke verwerkingsverantwoordelijke",
        "Responsable conjoint du traitement",
        "Gemeinsam Verantwortlicher",
    ),
    v.PartyRole.PUBLIC_AUTHORITY: L("Public authority", "Overheidsinstantie", "Autorité publique", "Behörde"),
    v.PartyRole.INTERNAL: L(
        "Internal recipient", "Interne ontvanger", "Destinataire interne", "Interner Empfänger"
    ),
}

_PROCESSING_ROLE = {
    v.ProcessingRole.CONTROLLER: L(
        "Controller", "Verwerkingsverantwoordelijke", "Responsable du traitement", "Verantwortlicher"
    ),
    v.ProcessingRole.PROCESSOR: L("Processor", "Verwerker", "Sous-traitant", "Auftragsverarbeiter"),
}

_REGIME = {
    v.Regime.GDPR: L("GDPR", "AVG", "RGPD", "DSGVO"),
    v.Regime.LED: L(
        "Law Enforcement Directive (EU) 2016/680",
        "Richtlijn gegevensbescherming opsporing en vervolging (EU) 2016/680",
        "Directive police-justice (UE) 2016/680",
        "Richtlinie (EU) 2016/680 (Justiz und Inneres)",
    ),
}

_STATUS = {
    v.Status.PLANNED: L("Planned", "Gepland", "Prévu", "Geplant"),
    v.Status.ACTIVE: L("Active", "Actief", "Actif", "Aktiv"),
    v.Status.SUSPENDED: L("Suspended", "Opgeschort", "Suspendu", "Ausgesetzt"),
    v.Status.ENDED: L("Ended", "Beëindigd", "Terminé", "Beendet"),
}

_FREQUENCY = {
    v.Frequency.OCCASIONAL: L("Occasional", "Incidenteel", "Occasionnel", "Gelegentlich"),
    v.Frequency.REGULAR: L("Regular", "Regelmatig", "Régulier", "Regelmäßig"),
    v.Frequency.SYSTEMATIC: L("Systematic", "Systematisch", "Systématique", "Systematisch"),
    v.Frequency.CONTINUOUS: L("Continuous", "Doorlopend", "Continu", "Fortlaufend"),
}

_PURPOSE_KIND = {
    v.PurposeKind.CONTRACT: L("Contract", "Overeenkomst", "Contrat", "Vertrag"),
    v.PurposeKind.DELIVERY: L("Delivery", "Levering", "Livraison", "Lieferung"),
    v.PurposeKind.PAYMENT: L("Payment", "Betaling", "Paiement", "Zahlung"),
    v.PurposeKind.CUSTOMER_SERVICE: L(
        "Customer service", "Klantenservice", "Service client", "Kundenservice"
    ),
    v.PurposeKind.ACCOUNT: L("Customer account", "Klantaccount", "Compte client", "Kundenkonto"),
    v.PurposeKind.LEGAL_COMPLIANCE: L(
        "Legal compliance",
        "Naleving van wettelijke verplichtingen",
        "Respect des obligations légales",
        "Erfüllung gesetzlicher Pflichten",
    ),
    v.PurposeKind.ACCOUNTING: L("Accounting", "Boekhouding", "Comptabilité", "Buchhaltung"),
    v.PurposeKind.SECURITY: L("Security", "Beveiliging", "Sécurité", "Sicherheit"),
    v.PurposeKind.HR: L("Human resources", "Personeelszaken", "Ressources humaines", "Personalwesen"),
    v.PurposeKind.RECRUITMENT: L("Recruitment", "Werving en selectie", "Recrutement", "Personalgewinnung"),
    v.PurposeKind.MARKETING: L("Marketing", "Marketing", "Marketing", "Marketing"),
    v.PurposeKind.ANALYTICS: L("Analytics", "Analyse", "Mesure d'audience", "Analyse"),
    v.PurposeKind.ADVERTISING: L("Advertising", "Advertenties", "Publicité", "Werbung"),
    v.PurposeKind.PROFILING: L("Profiling", "Profilering", "Profilage", "Profiling"),
    v.PurposeKind.FRAUD_PREVENTION: L(
        "Fraud prevention", "Fraudepreventie", "Prévention de la fraude", "Betrugsprävention"
    ),
    v.PurposeKind.REVIEWS: L("Reviews", "Beoordelingen", "Avis clients", "Bewertungen"),
    v.PurposeKind.COMMUNICATION: L("Communication", "Communicatie", "Communication", "Kommunikation"),
    v.PurposeKind.RESEARCH: L("Research", "Onderzoek", "Recherche", "Forschung"),
    v.PurposeKind.OTHER: L("Other", "Overig", "Autre", "Sonstiges"),
}

_DEROGATION = L("Derogation", "Afwijking", "Dérogation", "Ausnahme")


def _derogation(ref: str, name: Labels) -> Labels:
    arts = _arts(ref)
    colon = {"en": ": ", "nl": ": ", "fr": " : ", "de": ": "}
    return L(*(f"{_DEROGATION.get(x)}{colon[x]}{name.get(x)} ({arts.get(x)})" for x in LANGS))


_MECHANISM = {
    v.TransferMechanism.ADEQUACY: _art_after(
        L("Adequacy decision", "Adequaatheidsbesluit", "Décision d'adéquation", "Angemessenheitsbeschluss"),
        "45",
    ),
    v.TransferMechanism.SCC: _art_after(
        L(
            "Standard contractual clauses",
            "Standaardcontractbepalingen",
            "Clauses contractuelles types",
            "Standardvertragsklauseln",
        ),
        "46(2)(c)",
    ),
    v.TransferMechanism.SCC_SA: _art_after(
        L(
            "Standard data protection clauses of a supervisory authority",
            "Standaardbepalingen van een toezichthoudende autoriteit",
            "Clauses types d'une autorité de contrôle",
            "Standarddatenschutzklauseln einer Aufsichtsbehörde",
        ),
        "46(2)(d)",
    ),
    v.TransferMechanism.BCR: _art_after(
        L(
            "Binding corporate rules",
            "Bindende bedrijfsvoorschriften",
            "Règles d'entreprise contraignantes",
            "Verbindliche interne Datenschutzvorschriften",
        ),
        "46(2)(b)",
    ),
    v.TransferMechanism.PUBLIC_AUTHORITY_INSTRUMENT: _art_after(
        L(
            "Binding instrument between public authorities",
            "Bindend instrument tussen overheidsinstanties",
            "Instrument contraignant entre autorités publiques",
            "Rechtlich bindendes Dokument zwischen Behörden",
        ),
        "46(2)(a)",
    ),
    v.TransferMechanism.CODE_OF_CONDUCT: _art_after(
        L(
            "Approved code of conduct",
            "Goedgekeurde gedragscode",
            "Code de conduite approuvé",
            "Genehmigte Verhaltensregeln",
        ),
        "46(2)(e)",
    ),
    v.TransferMechanism.CERTIFICATION: _art_after(
        L(
            "Approved certification mechanism",
            "Goedgekeurd certificeringsmechanisme",
            "Mécanisme de certification approuvé",
            "Genehmigter Zertifizierungsmechanismus",
        ),
        "46(2)(f)",
    ),
    v.TransferMechanism.AD_HOC_CLAUSES: _art_after(
        L(
            "Contractual clauses authorised by the supervisory authority",
            "Door de toezichthoudende autoriteit toegestane contractbepalingen",
            "Clauses contractuelles autorisées par l'autorité de contrôle",
            "Von der Aufsichtsbehörde genehmigte Vertragsklauseln",
        ),
        "46(3)(a)",
    ),
    v.TransferMechanism.ADMINISTRATIVE_ARRANGEMENT: _art_after(
        L(
            "Administrative arrangement between public authorities",
            "Administratieve regeling tussen overheidsinstanties",
            "Arrangement administratif entre autorités publiques",
            "Verwaltungsvereinbarung zwischen Behörden",
        ),
        "46(3)(b)",
    ),
    v.TransferMechanism.DEROGATION_CONSENT: _derogation(
        "49(1)(a)",
        L(
            "explicit consent",
            "uitdrukkelijke toestemming",
            "consentement explicite",
            "ausdrückliche Einwilligung",
        ),
    ),
    v.TransferMechanism.DEROGATION_CONTRACT: _derogation(
        "49(1)(b)",
        L(
            "contract with the data subject",
            "overeenkomst met de betrokkene",
            "contrat avec la personne concernée",
            "Vertrag mit der betroffenen Person",
        ),
    ),
    v.TransferMechanism.DEROGATION_CONTRACT_THIRD: _derogation(
        "49(1)(c)",
        L(
            "contract in the interest of the data subject",
            "overeenkomst in het belang van de betrokkene",
            "contrat dans l'intérêt de la personne concernée",
            "Vertrag im Interesse der betroffenen Person",
        ),
    ),
    v.TransferMechanism.DEROGATION_PUBLIC_INTEREST: _derogation(
        "49(1)(d)",
        L(
            "important reasons of public interest",
            "gewichtige redenen van algemeen belang",
            "motifs importants d'intérêt public",
            "wichtige Gründe des öffentlichen Interesses",
        ),
    ),
    v.TransferMechanism.DEROGATION_LEGAL_CLAIMS: _derogation(
        "49(1)(e)", L("legal claims", "rechtsvorderingen", "droits en justice", "Rechtsansprüche")
    ),
    v.TransferMechanism.DEROGATION_VITAL_INTERESTS: _derogation(
        "49(1)(f)",
        L("vital interests", "vitale belangen", "intérêts vitaux", "lebenswichtige Interessen"),
    ),
    v.TransferMechanism.DEROGATION_PUBLIC_REGISTER: _derogation(
        "49(1)(g)", L("public register", "openbaar register", "registre public", "öffentliches Register")
    ),
    v.TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS: L(
        "Compelling legitimate interests (Art. 49(1), second subparagraph, GDPR)",
        "Dwingende gerechtvaardigde belangen (Art. 49(1), tweede alinea, AVG)",
        "Intérêts légitimes impérieux (Art. 49(1), deuxième alinéa, RGPD)",
        "Zwingende berechtigte Interessen (Art. 49 Abs. 1 UAbs. 2 DSGVO)",
    ),
}

_RETENTION_KIND = {
    v.RetentionKind.TEMPORAL: L("Fixed period", "Vaste termijn", "Durée déterminée", "Feste Frist"),
    v.RetentionKind.UNTIL_EVENT: L(
        "Until an event", "Tot een gebeurtenis", "Jusqu'à un événement", "Bis zu einem Ereignis"
    ),
    v.RetentionKind.UNTIL_DATE: L("Until a date", "Tot een datum", "Jusqu'à une date", "Bis zu einem Datum"),
    v.RetentionKind.ENDLESS: L("No time limit", "Onbeperkt", "Sans limitation de durée", "Unbefristet"),
    v.RetentionKind.INDETERMINATE: L("Indeterminate", "Onbepaald", "Indéterminée", "Unbestimmt"),
    v.RetentionKind.CRITERIA: L("Criteria", "Criteria", "Critères", "Kriterien"),
}

_RETENTION_ANCHOR = {
    v.RetentionAnchor.COLLECTION: L("Collection", "Verzameling", "Collecte", "Erhebung"),
    v.RetentionAnchor.END_OF_CONTRACT: L(
        "End of the contract", "Einde van de overeenkomst", "Fin du contrat", "Vertragsende"
    ),
    v.RetentionAnchor.END_OF_RELATIONSHIP: L(
        "End of the relationship", "Einde van de relatie", "Fin de la relation", "Ende der Geschäftsbeziehung"
    ),
    v.RetentionAnchor.ACCOUNT_CLOSURE: L(
        "Account closure", "Opheffing van het account", "Clôture du compte", "Schließung des Kontos"
    ),
    v.RetentionAnchor.LAST_ACTIVITY: L(
        "Last activity", "Laatste activiteit", "Dernière activité", "Letzte Aktivität"
    ),
    v.RetentionAnchor.CONSENT_WITHDRAWAL: L(
        "Withdrawal of consent",
        "Intrekking van de toestemming",
        "Retrait du consentement",
        "Widerruf der Einwilligung",
    ),
    v.RetentionAnchor.END_OF_FINANCIAL_YEAR: L(
        "End of the financial year", "Einde van het boekjaar", "Fin de l'exercice", "Ende des Geschäftsjahres"
    ),
    v.RetentionAnchor.END_OF_CALENDAR_YEAR: L(
        "End of the calendar year",
        "Einde van het kalenderjaar",
        "Fin de l'année civile",
        "Ende des Kalenderjahres",
    ),
    v.RetentionAnchor.TRANSACTION_DATE: L(
        "Date of the transaction", "Transactiedatum", "Date de la transaction", "Datum der Transaktion"
    ),
    v.RetentionAnchor.END_OF_PROCEDURE: L(
        "End of the procedure", "Einde van de procedure", "Fin de la procédure", "Abschluss des Verfahrens"
    ),
    v.RetentionAnchor.FIXED_DATE: L("Fixed date", "Vaste datum", "Date fixe", "Festes Datum"),
    v.RetentionAnchor.CUSTOM: L("Other event", "Andere gebeurtenis", "Autre événement", "Anderes Ereignis"),
}

_RETENTION_ACTION = {
    v.RetentionAction.ERASE: L("Erase", "Wissen", "Effacer", "Löschen"),
    v.RetentionAction.ANONYMISE: L("Anonymise", "Anonimiseren", "Anonymiser", "Anonymisieren"),
    v.RetentionAction.ARCHIVE_RESTRICTED: L(
        "Archive with restricted access",
        "Archiveren met beperkte toegang",
        "Archiver avec accès restreint",
        "Archivieren mit eingeschränktem Zugriff",
    ),
    v.RetentionAction.REVIEW: L("Review", "Herbeoordelen", "Réexaminer", "Überprüfen"),
}

_MEASURE_KIND = {
    v.MeasureKind.TECHNICAL: L("Technical", "Technisch", "Technique", "Technisch"),
    v.MeasureKind.ORGANISATIONAL: L(
        "Organisational", "Organisatorisch", "Organisationnelle", "Organisatorisch"
    ),
}

_SOURCE_KIND = {
    v.DataSourceKind.DATA_SUBJECT: L(
        "The data subject", "De betrokkene", "La personne concernée", "Die betroffene Person"
    ),
    v.DataSourceKind.THIRD_PARTY: L("A third party", "Een derde", "Un tiers", "Ein Dritter"),
    v.DataSourceKind.PUBLIC: L(
        "A publicly accessible source",
        "Een openbare bron",
        "Une source accessible au public",
        "Eine öffentlich zugängliche Quelle",
    ),
    v.DataSourceKind.CONTROLLER: L(
        "The controller's own records",
        "Eigen administratie van de verwerkingsverantwoordelijke",
        "Les propres fichiers du responsable du traitement",
        "Eigene Bestände des Verantwortlichen",
    ),
    v.DataSourceKind.GENERATED: L(
        "Generated by the controller",
        "Gegenereerd door de verwerkingsverantwoordelijke",
        "Générées par le responsable du traitement",
        "Vom Verantwortlichen erzeugt",
    ),
}

_DPIA_OUTCOME = {
    v.DpiaOutcome.NOT_REQUIRED: L("Not required", "Niet vereist", "Non requise", "Nicht erforderlich"),
    v.DpiaOutcome.RISKS_MITIGATED: L(
        "Risks mitigated", "Risico's beperkt", "Risques atténués", "Risiken eingedämmt"
    ),
    v.DpiaOutcome.HIGH_RESIDUAL_RISK: L(
        "High residual risk", "Hoog restrisico", "Risque résiduel élevé", "Hohes Restrisiko"
    ),
    v.DpiaOutcome.IN_PROGRESS: L("In progress", "In uitvoering", "En cours", "In Bearbeitung"),
}

_WP248 = {
    v.Wp248Criterion.EVALUATION_SCORING: L(
        "Evaluation or scoring",
        "Evaluatie of scoretoekenning",
        "Évaluation ou notation",
        "Bewertung oder Scoring",
    ),
    v.Wp248Criterion.AUTOMATED_DECISION: L(
        "Automated decision-making with legal or similarly significant effect",
        "Geautomatiseerde besluitvorming met rechtsgevolg of vergelijkbaar wezenlijk gevolg",
        "Décision automatisée avec effet juridique ou effet similaire significatif",
        "Automatisierte Entscheidung mit Rechtswirkung oder ähnlich erheblicher Wirkung",
    ),
    v.Wp248Criterion.SYSTEMATIC_MONITORING: L(
        "Systematic monitoring",
        "Stelselmatige monitoring",
        "Surveillance systématique",
        "Systematische Überwachung",
    ),
    v.Wp248Criterion.SENSITIVE_DATA: L(
        "Sensitive or highly personal data",
        "Gevoelige gegevens of gegevens van zeer persoonlijke aard",
        "Données sensibles ou à caractère hautement personnel",
        "Vertrauliche oder höchst persönliche Daten",
    ),
    v.Wp248Criterion.LARGE_SCALE: L(
        "Large-scale processing",
        "Grootschalige verwerking",
        "Traitement à grande échelle",
        "Umfangreiche Verarbeitung",
    ),
    v.Wp248Criterion.MATCHING_COMBINING: L(
        "Matching or combining datasets",
        "Koppelen of combineren van datasets",
        "Croisement ou combinaison d'ensembles de données",
        "Abgleich oder Zusammenführung von Datensätzen",
    ),
    v.Wp248Criterion.VULNERABLE_SUBJECTS: L(
        "Vulnerable data subjects",
        "Kwetsbare betrokkenen",
        "Personnes concernées vulnérables",
        "Schutzbedürftige betroffene Personen",
    ),
    v.Wp248Criterion.INNOVATIVE_TECHNOLOGY: L(
        "Innovative technology", "Innovatieve technologie", "Technologie innovante", "Innovative Technologie"
    ),
    v.Wp248Criterion.PREVENTS_RIGHTS: L(
        "Prevents the exercise of a right or the use of a service or contract",
        "Verhindert de uitoefening van een recht of het gebruik van een dienst of overeenkomst",
        "Empêche d'exercer un droit ou de bénéficier d'un service ou d'un contrat",
        "Hindert an der Ausübung eines Rechts oder der Nutzung einer Dienstleistung oder eines Vertrags",
    ),
}

_AUTOMATED_EFFECT = {
    v.AutomatedEffect.NONE: L(
        "No legal or similarly significant effect",
        "Geen rechtsgevolg of vergelijkbaar wezenlijk gevolg",
        "Aucun effet juridique ni effet similaire significatif",
        "Keine rechtliche oder ähnlich erhebliche Wirkung",
    ),
    v.AutomatedEffect.LEGAL: L("Legal effect", "Rechtsgevolg", "Effet juridique", "Rechtliche Wirkung"),
    v.AutomatedEffect.SIMILARLY_SIGNIFICANT: L(
        "Similarly significant effect",
        "Vergelijkbaar wezenlijk gevolg",
        "Effet similaire significatif",
        "Ähnlich erhebliche Wirkung",
    ),
}

_COOKIE_KIND = {
    v.CookieKind.FUNCTIONAL: L("Functional", "Functioneel", "Fonctionnel", "Funktional"),
    v.CookieKind.LOW_IMPACT_ANALYTICS: L(
        "Analytics with little or no privacy impact",
        "Analytisch, met geen of geringe gevolgen voor de privacy",
        "Mesure d'audience à faible impact",
        "Analyse mit geringer Auswirkung auf die Privatsphäre",
    ),
    v.CookieKind.ANALYTICS: L("Analytics", "Analytisch", "Mesure d'audience", "Analyse"),
    v.CookieKind.TRACKING: L("Tracking", "Tracking", "Traçage", "Tracking"),
    v.CookieKind.ADVERTISING: L("Advertising", "Advertenties", "Publicité", "Werbung"),
}

_SEVERITY = {
    Severity.ERROR: L("Error", "Fout", "Erreur", "Fehler"),
    Severity.WARNING: L("Warning", "Waarschuwing", "Avertissement", "Warnung"),
    Severity.INFO: L("Info", "Info", "Info", "Hinweis"),
}

_ENUM_LABELS: dict[type[StrEnum], Mapping[Any, Labels]] = {
    v.LawfulBasis: _LAWFUL_BASIS,
    v.SpecialCondition: _SPECIAL_CONDITION,
    v.SpecialCategory: _SPECIAL_CATEGORY,
    v.VulnerableGroup: _VULNERABLE,
    v.PartyRole: _PARTY_ROLE,
    v.ProcessingRole: _PROCESSING_ROLE,
    v.Regime: _REGIME,
    v.Status: _STATUS,
    v.Frequency: _FREQUENCY,
    v.PurposeKind: _PURPOSE_KIND,
    v.TransferMechanism: _MECHANISM,
    v.RetentionKind: _RETENTION_KIND,
    v.RetentionAnchor: _RETENTION_ANCHOR,
    v.RetentionAction: _RETENTION_ACTION,
    v.MeasureKind: _MEASURE_KIND,
    v.DataSourceKind: _SOURCE_KIND,
    v.DpiaOutcome: _DPIA_OUTCOME,
    v.Wp248Criterion: _WP248,
    v.AutomatedEffect: _AUTOMATED_EFFECT,
    v.CookieKind: _COOKIE_KIND,
    Severity: _SEVERITY,
}

ENUMS: tuple[type[StrEnum], ...] = tuple(_ENUM_LABELS)
"""Every enumeration that has labels."""

# --------------------------------------------------------------------------------------------------------
# Terms: sheet names, column headers and the words of the exports
# --------------------------------------------------------------------------------------------------------

_TERMS: dict[str, Labels] = {
    # Sheet names: at most 31 characters, unique per language (tests/export/test_i18n.py).
    "sheet.cover": L("Summary", "Overzicht", "Synthèse", "Übersicht"),
    "sheet.organisation": L("Organisation", "Organisatie", "Organisation", "Organisation"),
    "sheet.activities": L(
        "Processing activities",
        "Verwerkingsactiviteiten",
        "Activités de traitement",
        "Verarbeitungstätigkeiten",
    ),
    "sheet.parties": L(
        "Recipients and processors",
        "Ontvangers en verwerkers",
        "Destinataires et sous-traitants",
        "Empfänger & Auftragsverarbeiter",
    ),
    "sheet.transfers": L("Transfers", "Doorgiften", "Transferts", "Übermittlungen"),
    "sheet.retention": L("Retention", "Bewaartermijnen", "Durées de conservation", "Löschfristen"),
    "sheet.security_measures": L(
        "Security measures", "Beveiligingsmaatregelen", "Mesures de sécurité", "Sicherheitsmaßnahmen"
    ),
    "sheet.data_categories": L(
        "Personal data categories", "Categorieën persoonsgegevens", "Catégories de données", "Datenkategorien"
    ),
    "sheet.data_subjects": L("Data subjects", "Betrokkenen", "Personnes concernées", "Betroffene Personen"),
    "sheet.processor_record": L(
        "Processor record", "Register als verwerker", "Registre du sous-traitant", "Auftragsverarbeitung"
    ),
    "sheet.findings": L("Findings", "Bevindingen", "Constats", "Befunde"),
    # Column headers (the official terms of §2.9 of the reference where one exists).
    "column.id": L("ID", "ID", "ID", "ID"),
    "column.activity": L(
        "Processing activity", "Verwerkingsactiviteit", "Activité de traitement", "Verarbeitungstätigkeit"
    ),
    "column.activity_id": L("Activity ID", "ID activiteit", "ID de l'activité", "ID der Tätigkeit"),
    "column.description": L("Description", "Omschrijving", "Description", "Beschreibung"),
    "column.purposes": L(
        "Purposes of the processing",
        "Verwerkingsdoeleinden",
        "Finalités du traitement",
        "Zwecke der Verarbeitung",
    ),
    "column.purpose_kinds": L("Kind of purpose", "Soort doel", "Type de finalité", "Art des Zwecks"),
    "column.data_subjects": L(
        "Categories of data subjects",
        "Categorieën van betrokkenen",
        "Catégories de personnes concernées",
        "Kategorien betroffener Personen",
    ),
    "column.data_categories": L(
        "Categories of personal data",
        "Categorieën van persoonsgegevens",
        "Catégories de données à caractère personnel",
        "Kategorien personenbezogener Daten",
    ),
    "column.recipients": L(
        "Categories of recipients",
        "Categorieën van ontvangers",
        "Catégories de destinataires",
        "Kategorien von Empfängern",
    ),
    "column.transfers": L(
        "Transfers to third countries or international organisations",
        "Doorgiften aan derde landen of internationale organisaties",
        "Transferts vers des pays tiers ou organisations internationales",
        "Übermittlungen an Drittländer oder internationale Organisationen",
    ),
    "column.safeguards": L(
        "Appropriate safeguards", "Passende waarborgen", "Garanties appropriées", "Geeignete Garantien"
    ),
    "column.retention": L(
        "Envisaged time limits for erasure",
        "Beoogde termijnen voor wissing",
        "Délais prévus pour l'effacement",
        "Vorgesehene Fristen für die Löschung",
    ),
    "column.security_measures": L(
        "Technical and organisational security measures",
        "Technische en organisatorische beveiligingsmaatregelen",
        "Mesures de sécurité techniques et organisationnelles",
        "Technische und organisatorische Maßnahmen (TOM)",
    ),
    "column.lawful_basis": L("Lawful basis", "Rechtsgrond", "Base légale", "Rechtsgrundlage"),
    "column.legitimate_interest": L(
        "Legitimate interests", "Gerechtvaardigd belang", "Intérêts légitimes", "Berechtigte Interessen"
    ),
    "column.lia": L(
        "Legitimate interests assessment",
        "Belangenafweging",
        "Mise en balance des intérêts",
        "Interessenabwägung",
    ),
    "column.legal_provision": L(
        "Union or Member State law (Art. 6(3))",
        "Unie- of lidstatelijk recht (Art. 6(3))",
        "Droit de l'Union ou d'un État membre (Art. 6(3))",
        "Unionsrecht oder Recht eines Mitgliedstaats (Art. 6 Abs. 3)",
    ),
    "column.consent": L("Consent", "Toestemming", "Consentement", "Einwilligung"),
    "column.special_categories": L(
        "Special categories of personal data",
        "Bijzondere categorieën van persoonsgegevens",
        "Catégories particulières de données",
        "Besondere Kategorien personenbezogener Daten",
    ),
    "column.art9": L(
        "Condition for special categories (Art. 9(2))",
        "Uitzonderingsgrond bijzondere persoonsgegevens (Art. 9(2))",
        "Exception pour les données sensibles (Art. 9(2))",
        "Ausnahme für besondere Kategorien (Art. 9 Abs. 2)",
    ),
    "column.criminal": L(
        "Data relating to criminal convictions and offences (Art. 10)",
        "Persoonsgegevens betreffende strafrechtelijke veroordelingen en strafbare feiten (Art. 10)",
        "Données relatives aux condamnations pénales et aux infractions (Art. 10)",
        "Daten über strafrechtliche Verurteilungen und Straftaten (Art. 10)",
    ),
    "column.sources": L(
        "Source of the personal data",
        "Bron van de persoonsgegevens",
        "Source des données",
        "Quelle der Daten",
    ),
    "column.dpia_required": L("DPIA required?", "DPIA vereist?", "AIPD requise ?", "DSFA erforderlich?"),
    "column.dpia": L(
        "Data protection impact assessment",
        "Gegevensbeschermingseffectbeoordeling (DPIA)",
        "Analyse d'impact relative à la protection des données (AIPD)",
        "Datenschutz-Folgenabschätzung (DSFA)",
    ),
    "column.dpia_date": L("Date of the DPIA", "Datum DPIA", "Date de l'AIPD", "Datum der DSFA"),
    "column.automated_decisions": L(
        "Automated decision-making, including profiling",
        "Geautomatiseerde besluitvorming, waaronder profilering",
        "Décision individuelle automatisée, y compris le profilage",
        "Automatisierte Entscheidung einschließlich Profiling",
    ),
    "column.status": L("Status", "Status", "Statut", "Status"),
    "column.role": L("Role", "Rol", "Rôle", "Rolle"),
    "column.on_behalf_of": L(
        "On behalf of (controller)",
        "Namens (verwerkingsverantwoordelijke)",
        "Pour le compte de (responsable du traitement)",
        "Im Auftrag von (Verantwortlicher)",
    ),
    "column.department": L("Business function", "Afdeling", "Service", "Abteilung"),
    "column.owner": L(
        "Owner of the process", "Proceseigenaar", "Responsable de l'activité", "Prozessverantwortlicher"
    ),
    "column.frequency": L("Frequency", "Frequentie", "Fréquence", "Häufigkeit"),
    "column.systems": L(
        "Systems and applications",
        "Systemen en applicaties",
        "Logiciels et applications",
        "Systeme und Anwendungen",
    ),
    "column.storage_location": L(
        "Location of personal data", "Opslaglocatie", "Localisation des données", "Speicherort"
    ),
    "column.privacy_notice": L(
        "Privacy notice", "Privacyverklaring", "Information des personnes", "Datenschutzhinweise"
    ),
    "column.last_modified": L(
        "Last changed", "Laatst gewijzigd", "Dernière modification", "Zuletzt geändert"
    ),
    "column.last_reviewed": L("Last reviewed", "Laatst beoordeeld", "Dernière revue", "Zuletzt überprüft"),
    "column.next_review": L("Next review", "Volgende beoordeling", "Prochaine revue", "Nächste Überprüfung"),
    "column.end_date": L("End date", "Einddatum", "Date de fin", "Enddatum"),
    "column.notes": L("Notes", "Opmerkingen", "Remarques", "Anmerkungen"),
    "column.recipient": L("Recipient", "Ontvanger", "Destinataire", "Empfänger"),
    "column.recipient_role": L(
        "Category of recipient",
        "Categorie ontvanger",
        "Catégorie de destinataire",
        "Kategorie des Empfängers",
    ),
    "column.country": L("Country", "Land", "Pays", "Land"),
    "column.contact": L("Contact details", "Contactgegevens", "Coordonnées", "Kontaktdaten"),
    "column.agreement": L(
        "Data processing agreement (Art. 28)",
        "Verwerkersovereenkomst (Art. 28)",
        "Contrat de sous-traitance (Art. 28)",
        "Auftragsverarbeitungsvertrag (Art. 28)",
    ),
    "column.agreement_signed": L(
        "Agreement signed", "Overeenkomst getekend", "Contrat signé", "Vertrag unterzeichnet"
    ),
    "column.agreement_date": L(
        "Date of the agreement", "Datum overeenkomst", "Date du contrat", "Datum des Vertrags"
    ),
    "column.agreement_review": L(
        "Agreement next reviewed",
        "Herziening overeenkomst",
        "Révision du contrat",
        "Überprüfung des Vertrags",
    ),
    "column.arrangement": L(
        "Joint-controller arrangement (Art. 26)",
        "Regeling gezamenlijke verwerkingsverantwoordelijken (Art. 26)",
        "Accord entre responsables conjoints (Art. 26)",
        "Vereinbarung über gemeinsame Verantwortlichkeit (Art. 26)",
    ),
    "column.sub_processors": L(
        "Sub-processors", "Subverwerkers", "Sous-traitants ultérieurs", "Unterauftragsverarbeiter"
    ),
    "column.dpf_certified": L(
        "EU-US Data Privacy Framework certified",
        "Gecertificeerd onder het EU-VS Data Privacy Framework",
        "Certifié au titre du cadre de protection des données UE-États-Unis",
        "Zertifiziert nach dem EU-US-Datenschutzrahmen",
    ),
    "column.dpf_checked": L(
        "DPF list checked on", "DPF-lijst gecontroleerd op", "Liste DPF vérifiée le", "DPF-Liste geprüft am"
    ),
    "column.adequacy_scope": L(
        "Scope of the adequacy decision",
        "Reikwijdte van het adequaatheidsbesluit",
        "Portée de la décision d'adéquation",
        "Geltungsbereich des Angemessenheitsbeschlusses",
    ),
    "column.used_by": L(
        "Processing activities",
        "Verwerkingsactiviteiten",
        "Activités de traitement",
        "Verarbeitungstätigkeiten",
    ),
    "column.record": L("Record", "Register", "Registre", "Verzeichnis"),
    "column.third_country": L("Third country", "Derde land", "Pays tiers", "Drittland"),
    "column.international_organisation": L(
        "International organisation",
        "Internationale organisatie",
        "Organisation internationale",
        "Internationale Organisation",
    ),
    "column.mechanism": L(
        "Transfer mechanism", "Doorgiftemechanisme", "Mécanisme de transfert", "Übermittlungsinstrument"
    ),
    "column.scc_module": L("SCC module", "SCC-module", "Module des CCT", "SCC-Modul"),
    "column.tia": L(
        "Transfer impact assessment",
        "Doorgiftetoets (TIA)",
        "Analyse d'impact des transferts (AIT)",
        "Transfer Impact Assessment (TIA)",
    ),
    "column.bcr_reference": L(
        "BCR approval reference",
        "Goedkeuringskenmerk BCR",
        "Référence d'approbation des BCR",
        "Genehmigungsreferenz der BCR",
    ),
    "column.art49_assessment": L(
        "Documented assessment (Art. 49(6))",
        "Gedocumenteerde beoordeling (Art. 49(6))",
        "Évaluation documentée (Art. 49(6))",
        "Dokumentierte Beurteilung (Art. 49 Abs. 6)",
    ),
    "column.art49_safeguards": L(
        "Suitable safeguards (Art. 49(6))",
        "Passende waarborgen (Art. 49(6))",
        "Garanties appropriées (Art. 49(6))",
        "Geeignete Garantien (Art. 49 Abs. 6)",
    ),
    "column.sa_notified": L(
        "Supervisory authority informed on",
        "Toezichthoudende autoriteit geïnformeerd op",
        "Autorité de contrôle informée le",
        "Aufsichtsbehörde unterrichtet am",
    ),
    "column.data_category": L(
        "Category of personal data", "Categorie persoonsgegevens", "Catégorie de données", "Datenkategorie"
    ),
    "column.period": L(
        "Envisaged time limit for erasure", "Bewaartermijn", "Durée de conservation", "Vorgesehene Löschfrist"
    ),
    "column.kind": L("Kind", "Soort", "Type", "Art"),
    "column.duration": L("Duration (ISO 8601)", "Duur (ISO 8601)", "Durée (ISO 8601)", "Dauer (ISO 8601)"),
    "column.anchor": L("Starting event", "Startmoment", "Point de départ", "Fristbeginn"),
    "column.anchor_description": L(
        "Starting event (description)",
        "Startmoment (omschrijving)",
        "Point de départ (description)",
        "Fristbeginn (Beschreibung)",
    ),
    "column.until": L("Until", "Tot", "Jusqu'au", "Bis"),
    "column.legal_reference": L(
        "Statutory retention obligation",
        "Wettelijke bewaarplicht",
        "Obligation légale de conservation",
        "Gesetzliche Aufbewahrungspflicht",
    ),
    "column.criteria": L(
        "Criteria used to determine the period",
        "Criteria om de termijn te bepalen",
        "Critères de détermination de la durée",
        "Kriterien für die Festlegung der Frist",
    ),
    "column.review_period": L(
        "Periodic review", "Periodieke herbeoordeling", "Réexamen périodique", "Regelmäßige Überprüfung"
    ),
    "column.inactivity_fallback": L(
        "Erasure after inactivity",
        "Wissen na inactiviteit",
        "Effacement après inactivité",
        "Löschung nach Inaktivität",
    ),
    "column.action": L(
        "At the end of the period", "Na afloop van de termijn", "À l'issue de la durée", "Nach Fristablauf"
    ),
    "column.justification": L(
        "Justification (Art. 89(1))",
        "Rechtvaardiging (Art. 89(1))",
        "Justification (Art. 89(1))",
        "Begründung (Art. 89 Abs. 1)",
    ),
    "column.backups": L("Backups", "Back-ups", "Sauvegardes", "Datensicherungen"),
    "column.rule_text": L(
        "Rule as stated", "Regel zoals vastgelegd", "Règle telle que formulée", "Regel im Wortlaut"
    ),
    "column.controller": L(
        "Controller", "Verwerkingsverantwoordelijke", "Responsable du traitement", "Verantwortlicher"
    ),
    "column.trade_name": L("Trade name", "Handelsnaam", "Nom commercial", "Handelsname"),
    "column.registration_number": L(
        "Registration number", "Inschrijvingsnummer (KvK)", "Numéro d'immatriculation", "Registernummer"
    ),
    "column.address": L("Address", "Adres", "Adresse", "Anschrift"),
    "column.email": L("E-mail", "E-mail", "Courriel", "E-Mail"),
    "column.phone": L("Telephone", "Telefoon", "Téléphone", "Telefon"),
    "column.website": L("Website", "Website", "Site web", "Website"),
    "column.establishment": L(
        "Country of establishment", "Land van vestiging", "Pays d'établissement", "Land der Niederlassung"
    ),
    "column.dpo": L(
        "Data protection officer",
        "Functionaris voor gegevensbescherming (FG)",
        "Délégué à la protection des données (DPO)",
        "Datenschutzbeauftragter",
    ),
    "column.privacy_contact": L(
        "Contact for privacy matters",
        "Contactpersoon privacyzaken",
        "Contact pour la protection des données",
        "Ansprechpartner Datenschutz",
    ),
    "column.representative": L(
        "Representative (Art. 27)",
        "Vertegenwoordiger (Art. 27)",
        "Représentant (Art. 27)",
        "Vertreter (Art. 27)",
    ),
    "column.joint_controllers": L(
        "Joint controllers",
        "Gezamenlijke verwerkingsverantwoordelijken",
        "Responsables conjoints du traitement",
        "Gemeinsam Verantwortliche",
    ),
    "column.processor_contact": L(
        "Contact details as processor",
        "Contactgegevens als verwerker",
        "Coordonnées en tant que sous-traitant",
        "Kontaktdaten als Auftragsverarbeiter",
    ),
    "column.privacy_notice_url": L(
        "Privacy notice", "Privacyverklaring", "Politique de confidentialité", "Datenschutzerklärung"
    ),
    "column.request_handling": L(
        "Handling of data subjects' requests",
        "Afhandeling van verzoeken van betrokkenen",
        "Traitement des demandes des personnes concernées",
        "Bearbeitung von Anträgen betroffener Personen",
    ),
    "column.breach_register": L(
        "Record of personal data breaches (Art. 33(5))",
        "Register van inbreuken in verband met persoonsgegevens (Art. 33(5))",
        "Registre des violations de données à caractère personnel (Art. 33(5))",
        "Dokumentation von Verletzungen des Schutzes personenbezogener Daten (Art. 33 Abs. 5)",
    ),
    "column.employees": L(
        "Number of employees", "Aantal werknemers", "Nombre de salariés", "Zahl der Beschäftigten"
    ),
    "column.public_authority": L(
        "Public authority or body",
        "Overheidsinstantie of overheidsorgaan",
        "Autorité ou organisme public",
        "Behörde oder öffentliche Stelle",
    ),
    "column.register_title": L(
        "Title of the register", "Titel van het register", "Titre du registre", "Titel des Verzeichnisses"
    ),
    "column.register_version": L(
        "Version of the register",
        "Versie van het register",
        "Version du registre",
        "Version des Verzeichnisses",
    ),
    "column.register_owner": L(
        "Register kept by", "Register beheerd door", "Registre tenu par", "Verzeichnis geführt von"
    ),
    "column.last_updated": L(
        "Date of last update",
        "Datum laatste wijziging",
        "Date de dernière mise à jour",
        "Datum der letzten Änderung",
    ),
    "column.served_controller": L(
        "Controller on whose behalf we act",
        "Verwerkingsverantwoordelijke namens wie wij verwerken",
        "Responsable du traitement pour le compte duquel nous agissons",
        "Verantwortlicher, in dessen Auftrag wir handeln",
    ),
    "column.served_representative": L(
        "Representative of the controller",
        "Vertegenwoordiger van de verwerkingsverantwoordelijke",
        "Représentant du responsable du traitement",
        "Vertreter des Verantwortlichen",
    ),
    "column.processing_categories": L(
        "Categories of processing",
        "Categorieën van verwerkingen",
        "Catégories de traitements",
        "Kategorien von Verarbeitungen",
    ),
    "column.controller_agreement": L(
        "Agreement with the controller (Art. 28)",
        "Overeenkomst met de verwerkingsverantwoordelijke (Art. 28)",
        "Contrat avec le responsable du traitement (Art. 28)",
        "Vertrag mit dem Verantwortlichen (Art. 28)",
    ),
    "column.measure": L("Measure", "Maatregel", "Mesure", "Maßnahme"),
    "column.art32": L(
        "Points of Art. 32(1)",
        "Onderdelen van Art. 32(1)",
        "Points de l'Art. 32(1)",
        "Buchstaben des Art. 32 Abs. 1",
    ),
    "column.activity_count": L(
        "Number of processing activities",
        "Aantal verwerkingsactiviteiten",
        "Nombre d'activités de traitement",
        "Zahl der Verarbeitungstätigkeiten",
    ),
    "column.special": L(
        "Special category (Art. 9(1))",
        "Bijzondere categorie (Art. 9(1))",
        "Catégorie particulière (Art. 9(1))",
        "Besondere Kategorie (Art. 9 Abs. 1)",
    ),
    "column.criminal_flag": L(
        "Criminal convictions and offences (Art. 10)",
        "Strafrechtelijke gegevens (Art. 10)",
        "Condamnations pénales et infractions (Art. 10)",
        "Strafrechtliche Verurteilungen und Straftaten (Art. 10)",
    ),
    "column.national_id": L(
        "National identification number (Art. 87)",
        "Nationaal identificatienummer (Art. 87)",
        "Numéro d'identification national (Art. 87)",
        "Nationale Kennziffer (Art. 87)",
    ),
    "column.bookkeeping": L(
        "Part of the financial records",
        "Onderdeel van de financiële administratie",
        "Partie de la comptabilité",
        "Teil der Buchhaltung",
    ),
    "column.data_subject_category": L(
        "Category of data subjects",
        "Categorie betrokkenen",
        "Catégorie de personnes concernées",
        "Kategorie betroffener Personen",
    ),
    "column.vulnerable": L(
        "Vulnerable group", "Kwetsbare groep", "Groupe vulnérable", "Schutzbedürftige Gruppe"
    ),
    "column.code": L("Code", "Code", "Code", "Code"),
    "column.rule": L("Rule", "Regel", "Règle", "Regel"),
    "column.severity": L("Severity", "Ernst", "Gravité", "Schweregrad"),
    "column.entity": L("Concerns", "Betreft", "Concerne", "Betrifft"),
    "column.message": L("Finding", "Bevinding", "Constat", "Befund"),
    "column.legal_refs": L("Provisions", "Bepalingen", "Dispositions", "Vorschriften"),
    "column.hint": L("How to fix", "Oplossing", "Comment corriger", "Behebung"),
    "column.location": L("Location", "Locatie", "Emplacement", "Fundstelle"),
    "column.item": L("Item", "Onderdeel", "Élément", "Angabe"),
    "column.value": L("Value", "Waarde", "Valeur", "Wert"),
    "column.gdpr": L("GDPR", "AVG", "RGPD", "DSGVO"),
    # Words inside cells.
    "ui.yes": L("Yes", "Ja", "Oui", "Ja"),
    "ui.no": L("No", "Nee", "Non", "Nein"),
    "ui.none": L("None", "Geen", "Aucun", "Keine"),
    "ui.not_stated": L("Not stated", "Niet vermeld", "Non précisé", "Nicht angegeben"),
    "ui.none_designated": L("None designated", "Niet aangesteld", "Aucun désigné", "Nicht benannt"),
    "ui.external": L("external", "extern", "externe", "extern"),
    "ui.all_categories": L(
        "All categories of the activity",
        "Alle categorieën van de activiteit",
        "Toutes les catégories de l'activité",
        "Alle Kategorien der Tätigkeit",
    ),
    "ui.and_more": L("… and {n} more", "… en nog {n}", "… et {n} de plus", "… und {n} weitere"),
    "ui.truncated": L(
        " […] (cut at the spreadsheet limit; the full text is in the JSON export)",
        " […] (afgekapt op de limiet van het rekenblad; de volledige tekst staat in de JSON-export)",
        " […] (tronqué à la limite du tableur ; le texte intégral figure dans l'export JSON)",
        " […] (an der Grenze der Tabellenkalkulation gekürzt; der vollständige Text steht im JSON-Export)",
    ),
    "ui.rows_omitted": L(
        "{n} further rows do not fit in a worksheet; they are in the JSON export.",
        "Nog {n} rijen passen niet in een werkblad; ze staan in de JSON-export.",
        "{n} lignes supplémentaires ne tiennent pas dans une feuille ; elles figurent dans l'export JSON.",
        "{n} weitere Zeilen passen nicht in ein Tabellenblatt; sie stehen im JSON-Export.",
    ),
    "ui.scc_module": L("module {n}", "module {n}", "module {n}", "Modul {n}"),
    "ui.tia": L("TIA", "TIA", "AIT", "TIA"),
    "ui.assessment": L("assessment", "beoordeling", "évaluation", "Beurteilung"),
    "ui.safeguards": L("safeguards", "waarborgen", "garanties", "Garantien"),
    "ui.sa_notified": L(
        "supervisory authority informed",
        "toezichthoudende autoriteit geïnformeerd",
        "autorité de contrôle informée",
        "Aufsichtsbehörde unterrichtet",
    ),
    "ui.consent_records": L("records", "registratie", "preuve", "Nachweis"),
    "ui.consent_withdrawal": L("withdrawal", "intrekking", "retrait", "Widerruf"),
    "ui.explicit": L("explicit", "uitdrukkelijk", "explicite", "ausdrücklich"),
    "ui.minimum_age": L("minimum age", "minimumleeftijd", "âge minimal", "Mindestalter"),
    "ui.profiling": L("profiling", "profilering", "profilage", "Profiling"),
    "ui.law": L("law", "wet", "loi", "Gesetz"),
    "ui.reference": L("reference", "referentie", "référence", "Referenz"),
    "ui.next_review": L("next review", "volgende beoordeling", "prochaine revue", "nächste Überprüfung"),
    "ui.prior_consultation": L(
        "prior consultation (Art. 36)",
        "voorafgaande raadpleging (Art. 36)",
        "consultation préalable (Art. 36)",
        "vorherige Konsultation (Art. 36)",
    ),
    "ui.response_deadline": L("response within", "reactie binnen", "réponse sous", "Antwort innerhalb von"),
    "ui.extension": L("extension", "verlenging", "prolongation", "Verlängerung"),
    "ui.identity_check": L(
        "identity check", "identiteitscontrole", "vérification d'identité", "Identitätsprüfung"
    ),
    "ui.channel": L("channel", "kanaal", "canal", "Kanal"),
    "ui.log": L("log", "registratie", "registre", "Protokoll"),
    "ui.exemption": L("exempt", "vrijgesteld", "exempté", "befreit"),
    "ui.page": L("Page &P of &N", "Pagina &P van &N", "Page &P sur &N", "Seite &P von &N"),
    # Legend of the table sheets.
    "legend.required": L(
        "Dark green heading: required by Art. 30 GDPR (the point is named in the heading).",
        "Donkergroene kop: verplicht volgens Art. 30 AVG (het onderdeel staat in de kop).",
        "En-tête vert foncé : obligatoire selon l'Art. 30 RGPD (le point est indiqué dans l'en-tête).",
        "Dunkelgrüne Überschrift: Pflichtangabe nach Art. 30 DSGVO (der Buchstabe steht in der Überschrift).",
    ),
    "legend.conditional": L(
        "Light green: required by Art. 30 GDPR where applicable or where possible.",
        "Lichtgroen: verplicht volgens Art. 30 AVG indien van toepassing of indien mogelijk.",
        "Vert clair : obligatoire selon l'Art. 30 RGPD le cas échéant ou dans la mesure du possible.",
        "Hellgrün: nach Art. 30 DSGVO erforderlich, soweit zutreffend oder möglich.",
    ),
    "legend.recommended": L(
        "Grey: recommended for accountability (Art. 5(2) and 24 GDPR).",
        "Grijs: aanbevolen voor de verantwoordingsplicht (Art. 5(2) en 24 AVG).",
        "Gris : recommandé au titre de la responsabilité (Art. 5(2) et 24 RGPD).",
        "Grau: empfohlen zur Rechenschaftspflicht (Art. 5 Abs. 2 und 24 DSGVO).",
    ),
    # The cover sheet.
    "cover.title": L(
        "Record of processing activities",
        "Register van de verwerkingsactiviteiten",
        "Registre des activités de traitement",
        "Verzeichnis von Verarbeitungstätigkeiten",
    ),
    "cover.generated_by": L("Generated by", "Gemaakt met", "Généré par", "Erstellt mit"),
    "cover.language": L(
        "Language of the export", "Taal van de export", "Langue de l'export", "Sprache des Exports"
    ),
    "cover.contents": L("Contents", "Inhoud", "Contenu", "Inhalt"),
    "cover.count": L("Number", "Aantal", "Nombre", "Anzahl"),
    "cover.retention_rules": L("Retention rules", "Bewaarregels", "Règles de conservation", "Löschregeln"),
    "cover.findings": L(
        "Findings by severity", "Bevindingen naar ernst", "Constats par gravité", "Befunde nach Schweregrad"
    ),
    "cover.findings_not_included": L(
        "Not included in this export",
        "Niet opgenomen in deze export",
        "Non inclus dans cet export",
        "In diesem Export nicht enthalten",
    ),
    "cover.legend": L("Legend", "Legenda", "Légende", "Legende"),
    "cover.disclaimer": L(
        "This is a technical export, not legal advice: a finding says what the register does not show, "
        "not that the processing is unlawful.",
        "Dit is een technische export, geen juridisch advies: een bevinding zegt wat het register niet laat "
        "zien, niet dat de verwerking onrechtmatig is.",
        "Ceci est un export technique, pas un avis juridique : un constat indique ce que le registre ne "
        "montre pas, et non que le traitement est illicite.",
        "Dies ist ein technischer Export, keine Rechtsberatung: Ein Befund sagt, was das Verzeichnis nicht "
        "zeigt, nicht dass die Verarbeitung rechtswidrig ist.",
    ),
    # Changes since a revision: the Changes sheet of 'ropa export --since REV'.
    "sheet.changes": L("Changes", "Wijzigingen", "Modifications", "Änderungen"),
    "column.change": L("Change", "Wijziging", "Modification", "Änderung"),
    "column.change_details": L(
        "What changed", "Wat is er gewijzigd", "Ce qui a changé", "Was sich geändert hat"
    ),
    "column.change_meaning": L(
        "Meaning in law", "Juridische betekenis", "Portée juridique", "Rechtliche Bedeutung"
    ),
    "column.change_action": L("What to do", "Wat te doen", "À faire", "Was zu tun ist"),
    "change.added": L("Added", "Toegevoegd", "Ajouté", "Hinzugefügt"),
    "change.removed": L("Removed", "Verwijderd", "Supprimé", "Entfernt"),
    "change.changed": L("Changed", "Gewijzigd", "Modifié", "Geändert"),
    "change.renamed": L("Renamed", "Hernoemd", "Renommé", "Umbenannt"),
    "change.affected": L(
        "Affected by another change",
        "Geraakt door een andere wijziging",
        "Touché par une autre modification",
        "Von einer anderen Änderung betroffen",
    ),
    "change.introduced": L("Finding introduced", "Nieuwe bevinding", "Nouveau constat", "Neuer Befund"),
    "change.resolved": L("Finding resolved", "Bevinding opgelost", "Constat résolu", "Befund behoben"),
    "cover.changes_since": L("Changes since", "Wijzigingen sinds", "Modifications depuis", "Änderungen seit"),
    # Art. 32(1) points.
    "art32.a": L(
        "(a) pseudonymisation and encryption",
        "(a) pseudonimisering en versleuteling",
        "(a) pseudonymisation et chiffrement",
        "(a) Pseudonymisierung und Verschlüsselung",
    ),
    "art32.b": L(
        "(b) confidentiality, integrity, availability and resilience",
        "(b) vertrouwelijkheid, integriteit, beschikbaarheid en veerkracht",
        "(b) confidentialité, intégrité, disponibilité et résilience",
        "(b) Vertraulichkeit, Integrität, Verfügbarkeit und Belastbarkeit",
    ),
    "art32.c": L(
        "(c) restoring availability after an incident",
        "(c) herstel van de beschikbaarheid na een incident",
        "(c) rétablissement de la disponibilité après un incident",
        "(c) Wiederherstellung der Verfügbarkeit nach einem Zwischenfall",
    ),
    "art32.d": L(
        "(d) regular testing and evaluation",
        "(d) regelmatig testen en evalueren",
        "(d) tests et évaluations réguliers",
        "(d) regelmäßige Überprüfung und Evaluierung",
    ),
}

# Codes that occur in one enumeration only can be looked up as plain strings ("6-1-b", "scc").
_BY_CODE: dict[str, list[Labels]] = {}
for _labels in _ENUM_LABELS.values():
    for _member, _text in _labels.items():
        _BY_CODE.setdefault(_member.value, []).append(_text)


def term_keys() -> tuple[str, ...]:
    """Every term key (``sheet.*``, ``column.*``, ``ui.*``, ...), in definition order."""
    return tuple(_TERMS)


def _check_lang(lang: str) -> Lang:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


def label(code_or_enum: StrEnum | str, lang: str) -> str:
    """The text of an enum member or a term key in ``lang``.

    A plain code (``"6-1-b"``) is accepted when it belongs to one enumeration only, or when every
    enumeration that has it labels it the same; otherwise pass the member (``PartyRole.CONTROLLER``).

    Raises:
        KeyError: unknown key, or a code that is ambiguous across enumerations.
        ValueError: unsupported language.
    """
    language = _check_lang(lang)
    if isinstance(code_or_enum, StrEnum):
        table = _ENUM_LABELS.get(type(code_or_enum))
        if table is None or code_or_enum not in table:
            raise KeyError(f"no label for {type(code_or_enum).__name__}.{code_or_enum.name}")
        return table[code_or_enum].get(language)
    term = _TERMS.get(code_or_enum)
    if term is not None:
        return term.get(language)
    candidates = _BY_CODE.get(code_or_enum)
    if not candidates:
        raise KeyError(f"no label for {code_or_enum!r}")
    texts = {c.get(language) for c in candidates}
    if len(texts) > 1:
        raise KeyError(f"the code {code_or_enum!r} is used by several enumerations; pass the enum member")
    return texts.pop()


def normalise_lang(value: str | None) -> Lang | None:
    """``"nl"``, ``"NL"``, ``"nl-BE"`` or ``"nl_NL"`` → ``"nl"``; ``None`` for anything not supported."""
    if not value:
        return None
    head = value.strip().replace("_", "-").split("-", 1)[0].lower()
    return head if head in LANGS else None


_MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
}  # fmt: skip


def format_date(day: dt.date, lang: Lang) -> str:
    """A date in words: ``31 December 2030``, ``31 décembre 2030``, ``31. Dezember 2030``."""
    month = _MONTHS[lang][day.month - 1]
    if lang == "de":
        return f"{day.day}. {month} {day.year}"
    if lang == "fr" and day.day == 1:
        return f"1er {month} {day.year}"
    return f"{day.day} {month} {day.year}"


_GROUP = {"en": ",", "nl": ".", "fr": "\u202f", "de": "."}


def format_int(number: int, lang: Lang) -> str:
    """An integer with the thousands separator of ``lang``: ``1,234`` / ``1.234`` / ``1 234``."""
    return f"{number:,}".replace(",", _GROUP[lang])
