"""Deterministic synthetic registers for the benchmark suite.

A register of ``n`` activities is generated from a seeded :class:`random.Random`, so the same ``n`` and
generator version always give byte-identical files. The content aims to look like a real, large
organisation's record: about 25 fields per activity, purposes with lawful bases, data subjects and data
categories by reference, recipients, transfers (the US under SCCs with a TIA, adequacy countries, ...),
retention rules with ISO 8601 durations, references to organisation-level security measures, activity
specific measures, long multilingual free text, and non-ASCII names (Dutch, German, French and Polish
diacritics, some Chinese, Japanese and Korean). A few per cent of the activities carry the gaps a real
register has (a purpose without lawful basis, a processor without an Art. 28 agreement, ...), so the rules
have something to report and the positions of findings are computed.

Two layouts of the same content:

- ``per-file``: ``activities/<id>.yaml`` with one ``activity:`` each, plus one file per vocabulary
  (``data_categories.yaml``, ``data_subjects.yaml``, ``parties.yaml``, ``security_measures.yaml``) and
  ``organisation.yaml`` / ``register.yaml``;
- ``single``: everything in one ``register.yaml``.

For the peer comparison the same content is also written as fideslang manifests (see
``docs/performance.md`` for the mapping).

Generated registers are cached under ``benchmarks/.cache/`` keyed by (generator version, layout, n).

Usage::

    python benchmarks/generate.py 1000 --layout per-file     # prints the cached register's path
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

GENERATOR_VERSION = 2
"""Bump when the generated content changes: it is part of the cache key."""

LAYOUTS = ("per-file", "single")
SEED = 20_260_530
TODAY = dt.date(2026, 12, 1)
"""The date the benchmarks validate with (``today=`` / ``--today``), so date rules are stable."""

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
_COMPLETE = ".complete"


# --------------------------------------------------------------------------------------------------
# Sizes of the vocabularies
# --------------------------------------------------------------------------------------------------


def party_count(n: int) -> int:
    """A few hundred to a couple of thousand parties: 12 at n=10, 226 at 1,000, 1,135 at 10,000."""
    return max(12, min(2_000, int(1.8 * n**0.7)))


def category_count(n: int) -> int:
    """Data categories: 24 at n=10 up to 180."""
    return max(24, min(180, int(8 * n**0.3)))


def subject_count(n: int) -> int:
    """Data-subject categories: 10 at n=10 up to 60."""
    return max(10, min(60, int(3 * n**0.3)))


def measure_count(n: int) -> int:
    """Organisation-level security measures: 20 at n=10 up to 80."""
    return max(20, min(80, int(5 * n**0.25)))


# --------------------------------------------------------------------------------------------------
# Word pools (multilingual on purpose: the loader and exporters must handle any Unicode)
# --------------------------------------------------------------------------------------------------

_DEPARTMENTS = (
    "Klantenservice",
    "Personeelszaken",
    "Financiën en control",
    "Marketing & Communicatie",
    "IT-beheer",
    "Inkoop",
    "Juridische Zaken",
    "Zorgadministratie",
    "Logistiek",
    "Kundenservice",
    "Personalabteilung",
    "Geschäftsführung",
    "Service clientèle",
    "Ressources humaines",
    "Comptabilité générale",
    "Dział kadr",
    "Obsługa klienta",
    "Księgowość",
    "Customer Success",
    "顧客サポート",
)
_SITES = (
    "Groningen",
    "’s-Hertogenbosch",
    "Zoetermeer",
    "Düsseldorf",
    "München",
    "Göttingen",
    "Besançon",
    "Genève",
    "Orléans",
    "Łódź",
    "Kraków",
    "Gdańsk",
    "Wrocław",
    "Antwerpen",
    "Liège",
    "Tromsø",
    "東京",
    "上海",
    "서울",
)
_ACTIVITY_BASES = (
    "Werving en selectie",
    "Salarisadministratie",
    "Beheer van klantaccounts",
    "Orderverwerking en levering",
    "Debiteurenbeheer",
    "Nieuwsbrief en e-mailmarketing",
    "Cameratoezicht",
    "Klachtenafhandeling",
    "Verzuimregistratie",
    "Gehaltsabrechnung",
    "Bewerbermanagement",
    "Zugangskontrolle",
    "Kundenbindungsprogramm",
    "Gestion des réclamations",
    "Prospection commerciale",
    "Gestion de la paie",
    "Vidéoprotection des locaux",
    "Obsługa zamówień",
    "Rekrutacja pracowników",
    "Monitoring floty pojazdów",
    "Webanalyse und Reichweitenmessung",
    "Fraud screening of payments",
    "Customer support ticketing",
    "顧客管理",
)
_SYSTEMS = (
    "AFAS Profit",
    "Exact Online",
    "SAP S/4HANA",
    "Salesforce Sales Cloud",
    "Zendesk",
    "Microsoft 365",
    "Mailchimp",
    "Visma.net",
    "Nmbrs",
    "DATEV Unternehmen online",
    "Sage 100",
    "Comarch ERP Optima",
    "Shopify Plus",
    "Jira Service Management",
    "Eigen maatwerk (.NET)",
    "Kassensystem Kassenbuch",
)
_SENTENCES = (
    "Wij verwerken deze gegevens uitsluitend voor het doel dat hierboven is beschreven en niet voor "
    "andere doeleinden.",
    "De gegevens worden ontvangen via het webformulier, per e-mail of telefonisch via de afdeling "
    "klantenservice.",
    "Medewerkers hebben alleen toegang tot de gegevens die zij voor hun taak nodig hebben (need-to-know).",
    "Na afloop van de bewaartermijn worden de gegevens automatisch verwijderd of geanonimiseerd.",
    "Die Verarbeitung erfolgt auf Grundlage der mit dem Betriebsrat geschlossenen Betriebsvereinbarung "
    "über Zeiterfassung.",
    "Änderungen werden im Änderungsprotokoll dokumentiert und jährlich von der Datenschutzbeauftragten "
    "überprüft.",
    "Die Daten werden in einem Rechenzentrum in Frankfurt am Main gespeichert; Backups liegen in Nürnberg.",
    "Les données sont collectées directement auprès des personnes concernées lors de la création du "
    "compte client.",
    "Les accès sont journalisés et les journaux sont conservés pendant douze mois à des fins de sécurité.",
    "Une analyse d’impact a été réalisée en coopération avec le délégué à la protection des données.",
    "Dane są przetwarzane wyłącznie przez upoważnionych pracowników działu kadr i płac.",
    "Po upływie okresu przechowywania dane są trwale usuwane z systemów produkcyjnych i kopii zapasowych.",
    "Personal data are pseudonymised before they are used for statistics or management reporting.",
    "Requests from data subjects are handled by the privacy desk within one month of receipt.",
    "The processor has been assessed on its security controls (ISO/IEC 27001 certificate, SOC 2 Type II "
    "report).",
    "Only aggregated figures leave the department; individual records are never shared with marketing.",
    "本処理は顧客サポートの品質向上のために行われ、記録は社内でのみ利用されます。",
    "本数据仅用于订单履行，不会用于其他目的。",
)
_PURPOSES: tuple[tuple[str, str, str], ...] = (
    # (description, kind, lawful basis)
    ("Uitvoering van de koopovereenkomst: bestelling verwerken en leveren", "contract", "6-1-b"),
    ("Bezorging van pakketten door de vervoerder", "delivery", "6-1-b"),
    ("Afhandeling van betalingen en terugbetalingen", "payment", "6-1-b"),
    ("Beantwoorden van vragen en klachten van klanten", "customer-service", "6-1-b"),
    ("Bijhouden van de financiële administratie (fiscale bewaarplicht)", "accounting", "6-1-c"),
    ("Loonheffingen berekenen en afdragen aan de Belastingdienst", "legal-compliance", "6-1-c"),
    ("Beveiliging van gebouwen en eigendommen", "security", "6-1-f"),
    ("Direktwerbung per E-Mail an Bestandskunden", "marketing", "6-1-f"),
    ("Reichweitenmessung der Website mit Analysecookies", "analytics", "6-1-a"),
    ("Versand des Newsletters an Abonnentinnen und Abonnenten", "marketing", "6-1-a"),
    ("Personalverwaltung und Durchführung des Arbeitsverhältnisses", "hr", "6-1-b"),
    ("Sélection des candidats et gestion des candidatures", "recruitment", "6-1-b"),
    ("Prévention de la fraude lors des paiements en ligne", "fraud-prevention", "6-1-f"),
    ("Publication des avis clients vérifiés", "reviews", "6-1-a"),
    ("Zarządzanie kontem klienta w sklepie internetowym", "account", "6-1-b"),
    ("Realizacja obowiązków wynikających z przepisów prawa pracy", "legal-compliance", "6-1-c"),
    ("Scientific research into service quality (pseudonymised)", "research", "6-1-f"),
    ("Internal communication with staff", "communication", "6-1-f"),
)
_LAWS = (
    "Art. 52 Algemene wet inzake rijksbelastingen (AWR)",
    "Art. 2:10 Burgerlijk Wetboek",
    "Wet op de loonbelasting 1964",
    "§ 147 Abgabenordnung (AO)",
    "§ 257 Handelsgesetzbuch (HGB)",
    "Article L123-22 du Code de commerce",
    "Art. 86 Ordynacji podatkowej",
)
_SUBJECTS = (
    ("Klanten", "Particuliere klanten van de webwinkel", None),
    ("Medewerkers", "Werknemers in loondienst, inclusief oproepkrachten", "employee"),
    ("Sollicitanten", "Kandidaten die reageren op een vacature", None),
    ("Bezoekers", "Bezoekers van vestigingen en kantoren", None),
    ("Leveranciers", "Contactpersonen bij leveranciers", None),
    ("Kinder unter 16 Jahren", "Minderjährige Nutzerinnen und Nutzer des Lernportals", "child"),
    ("Patiënten", "Cliënten van de zorgafdeling", "patient"),
    ("Abonnés à la lettre d’information", "Personnes inscrites à la newsletter", None),
    ("Użytkownicy aplikacji", "Osoby korzystające z aplikacji mobilnej", None),
    ("Ouderen in de thuiszorg", "Cliënten van 75 jaar en ouder", "elderly"),
)
_CATEGORIES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("Naam en adresgegevens", {}),
    ("E-mailadres en telefoonnummer", {}),
    ("Bestelgeschiedenis", {}),
    ("Bankrekeningnummer (IBAN)", {"bookkeeping": True}),
    ("Facturen en betaalgegevens", {"bookkeeping": True}),
    ("Burgerservicenummer (BSN)", {"national_id": True}),
    ("Gezondheidsgegevens (verzuim)", {"special": "health"}),
    ("Lidmaatschap vakbond", {"special": "trade-union-membership"}),
    ("Strafrechtelijke gegevens (VOG)", {"criminal": True}),
    ("Camerabeelden", {}),
    ("IP-adres en cookie-ID", {}),
    ("Geburtsdatum", {}),
    ("Lebenslauf und Zeugnisse", {}),
    ("Données de connexion", {}),
    ("Numéro de sécurité sociale", {"national_id": True}),
    ("Dane biometryczne (odcisk palca)", {"special": "biometric"}),
    ("Lokalizacja pojazdu (GPS)", {}),
    ("Salary and tax data", {"bookkeeping": True}),
)
_NAME_PARTS = (
    "Zuiderzee",
    "Van der Meulen",
    "IJsselstein",
    "Müller & Söhne",
    "Großhandel Weiß",
    "Bäckerei Schäfer",
    "Électricité Générale",
    "Crème de la Côte",
    "Œuvre Sociale",
    "Żółć i Wspólnicy",
    "Przędzalnia Łąkowa",
    "Świętokrzyskie Dane",
    "Nordlys",
    "Blåbær Data",
    "Data Harbour",
    "Cloud Meridian",
    "Paystream",
    "Mailwise",
    "東京データ",
    "深圳云计算",
    "서울클라우드",
)
_FORMS = {
    "NL": "B.V.",
    "BE": "NV",
    "DE": "GmbH",
    "AT": "GmbH",
    "FR": "SAS",
    "PL": "Sp. z o.o.",
    "IE": "Ltd",
    "SE": "AB",
    "DK": "ApS",
    "ES": "S.L.",
    "US": "Inc.",
    "GB": "Ltd",
    "CH": "AG",
    "JP": "株式会社",
    "KR": "주식회사",
    "CA": "Inc.",
    "IN": "Pvt. Ltd.",
    "CN": "有限公司",
}
_COUNTRY_WEIGHTS = (
    ("NL", 30),
    ("DE", 14),
    ("BE", 6),
    ("FR", 8),
    ("PL", 6),
    ("IE", 5),
    ("SE", 2),
    ("DK", 2),
    ("AT", 2),
    ("ES", 2),
    ("US", 12),
    ("GB", 4),
    ("CH", 2),
    ("JP", 1),
    ("KR", 1),
    ("CA", 1),
    ("IN", 1),
    ("CN", 1),
)
_EEA = frozenset({"NL", "DE", "BE", "FR", "PL", "IE", "SE", "DK", "AT", "ES"})
_ADEQUATE = {"GB": None, "CH": None, "JP": "APPI", "KR": "PIPA", "CA": "PIPEDA"}
_STREETS = ("Hoofdstraat", "Kerkweg", "Schloßallee", "Königstraße", "rue de l’Église", "ulica Łąkowa")


# --------------------------------------------------------------------------------------------------
# Content
# --------------------------------------------------------------------------------------------------


def _text(rng: random.Random, low: int, high: int) -> str:
    """Free text of ``low``..``high`` sentences."""
    return " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(low, high)))


def _date(rng: random.Random, start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(days))


def _slug(index: int, prefix: str) -> str:
    return f"{prefix}-{index:06d}"


def _contact(rng: random.Random, name: str, country: str) -> dict[str, Any]:
    domain = f"example-{rng.randrange(10_000):04d}.test"
    return {
        "name": name,
        "email": f"privacy@{domain}",
        "phone": f"+{rng.choice(('31', '49', '33', '48', '1'))} {rng.randrange(10, 99)} "
        f"{rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
        "address": f"{rng.choice(_STREETS)} {rng.randrange(1, 300)}, {rng.choice(_SITES)}",
        "country": country,
        "url": f"https://{domain}/privacy",
    }


def _weighted_country(rng: random.Random) -> str:
    total = sum(w for _, w in _COUNTRY_WEIGHTS)
    pick = rng.randrange(total)
    for code, weight in _COUNTRY_WEIGHTS:
        if pick < weight:
            return code
        pick -= weight
    raise AssertionError("unreachable")


class _Vocab:
    """The ids an activity may reference, and what the generator knows about them."""

    def __init__(self) -> None:
        self.subjects: list[str] = []
        self.categories: list[str] = []
        self.special: dict[str, str] = {}
        self.criminal: set[str] = set()
        self.bookkeeping: set[str] = set()
        self.measures: list[str] = []
        self.parties: list[str] = []
        self.party_country: dict[str, str] = {}
        self.party_role: dict[str, str] = {}
        self.party_dpf: set[str] = set()


def _register_meta() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "title": "Verwerkingsregister — Stichting Zuiderzee Zorg & Welzijn",
        "version": "2026.3",
        "owner": "Functionaris gegevensbescherming",
        "language": "nl",
        "last_updated": dt.date(2026, 11, 12),
        "next_review": dt.date(2027, 5, 31),
    }


def _organisation(rng: random.Random) -> dict[str, Any]:
    return {
        "name": "Stichting Zuiderzee Zorg & Welzijn",
        "trade_name": "Zuiderzee Zorg",
        "registration_number": "KvK 41234567",
        "contact": _contact(rng, "Secretariaat Raad van Bestuur", "NL"),
        "country": "NL",
        "employees": 4_850,
        "public_authority": False,
        "dpo": {
            "designated": True,
            "contact": _contact(rng, "Mr. drs. Aafke Ĳzerman-Öztürk", "NL"),
            "external": False,
        },
        "privacy_notice_url": "https://www.zuiderzee-zorg.example/privacy",
        "request_handling": {
            "response_deadline": "P1M",
            "extension": "P2M",
            "identity_check": "Verificatie via MijnZuiderzee (DigiD niveau substantieel) of aan de balie.",
            "channel": "privacy@zuiderzee-zorg.example",
            "log": "Registratie in het AVG-verzoekenregister (Topdesk, categorie Privacy).",
        },
        "breach_register": "Datalekregister in Topdesk, beheerd door de FG",
    }


def _measures(rng: random.Random, count: int, vocab: _Vocab) -> list[dict[str, Any]]:
    names = (
        ("Versleuteling van laptops (BitLocker)", "technical", ["a"]),
        ("Multi-factor authenticatie voor alle accounts", "technical", ["b"]),
        ("Dagelijkse back-up met hersteltest per kwartaal", "technical", ["c", "d"]),
        ("Autorisatiebeleid op basis van rollen", "organisational", ["b"]),
        ("Geheimhoudingsverklaring voor medewerkers", "organisational", ["b"]),
        ("Jährlicher Penetrationstest durch externe Prüfer", "technical", ["d"]),
        ("Protokollierung und Auswertung von Zugriffen", "technical", ["b"]),
        ("Chiffrement des bases de données au repos (AES-256)", "technical", ["a"]),
        ("Procédure de gestion des violations de données", "organisational", ["b", "c"]),
        ("Szkolenia z ochrony danych dla pracowników", "organisational", ["b"]),
    )
    out = []
    for index in range(count):
        name, kind, art32 = names[index % len(names)]
        ident = _slug(index + 1, "tom")
        vocab.measures.append(ident)
        out.append(
            {
                "id": ident,
                "description": f"{name} ({index + 1}). {_text(rng, 1, 2)}",
                "kind": kind,
                "art32": art32,
            }
        )
    return out


def _subjects(rng: random.Random, count: int, vocab: _Vocab) -> list[dict[str, Any]]:
    out = []
    for index in range(count):
        name, description, vulnerable = _SUBJECTS[index % len(_SUBJECTS)]
        ident = _slug(index + 1, "ds")
        vocab.subjects.append(ident)
        entry: dict[str, Any] = {
            "id": ident,
            "name": f"{name} ({index + 1})" if index >= len(_SUBJECTS) else name,
            "description": f"{description}. {_text(rng, 0, 1)}".rstrip(),
        }
        if vulnerable:
            entry["vulnerable"] = vulnerable
        out.append(entry)
    return out


def _categories(rng: random.Random, count: int, vocab: _Vocab) -> list[dict[str, Any]]:
    out = []
    for index in range(count):
        name, flags = _CATEGORIES[index % len(_CATEGORIES)]
        ident = _slug(index + 1, "dc")
        vocab.categories.append(ident)
        if "special" in flags:
            vocab.special[ident] = flags["special"]
        if flags.get("criminal"):
            vocab.criminal.add(ident)
        if flags.get("bookkeeping"):
            vocab.bookkeeping.add(ident)
        out.append(
            {
                "id": ident,
                "name": f"{name} ({index + 1})" if index >= len(_CATEGORIES) else name,
                "description": _text(rng, 1, 2),
                **flags,
            }
        )
    return out


def _parties(rng: random.Random, count: int, vocab: _Vocab) -> list[dict[str, Any]]:
    out = []
    for index in range(count):
        ident = _slug(index + 1, "party")
        country = _weighted_country(rng)
        role = rng.choices(
            ("processor", "controller", "joint-controller", "public-authority", "internal"),
            weights=(70, 15, 3, 5, 7),
        )[0]
        if country not in _EEA and role in ("public-authority", "internal"):
            role = "processor"
        if role == "public-authority":
            country = "NL"
        name = f"{rng.choice(_NAME_PARTS)} {index + 1} {_FORMS[country]}"
        if role == "public-authority":
            name = rng.choice(("Belastingdienst", "UWV", "Politie Eenheid Noord-Nederland")) + f" {index + 1}"
        vocab.parties.append(ident)
        vocab.party_country[ident] = country
        vocab.party_role[ident] = role
        party: dict[str, Any] = {
            "id": ident,
            "name": name,
            "description": _text(rng, 1, 3),
            "role": role,
            "country": country,
            "contact": _contact(rng, name, country),
        }
        if role == "processor":
            # About 2 % of processors lack a signed agreement: a realistic gap (PRC-001/002).
            if rng.random() >= 0.02:
                party["agreement"] = {
                    "reference": f"VWO-{2020 + rng.randrange(6)}-{rng.randrange(1, 999):03d}",
                    "signed": True,
                    "date": _date(rng, dt.date(2020, 1, 1), 1_800),
                    "review_date": _date(rng, dt.date(2027, 1, 1), 900),
                }
            earlier = [p for p in vocab.parties[:-1] if vocab.party_role[p] == "processor"]
            party["sub_processors"] = rng.sample(earlier, k=min(len(earlier), rng.randrange(0, 3)))
        elif role == "joint-controller":
            party["arrangement"] = f"Gezamenlijke-verwerkingsafspraak {rng.randrange(1, 99)} (art. 26 AVG)"
        if country == "US":
            certified = rng.random() < 0.5
            party["dpf"] = {"certified": certified, "checked": _date(rng, dt.date(2026, 6, 1), 150)}
            if certified:
                vocab.party_dpf.add(ident)
                party["adequacy_scope"] = "DPF"
        elif _ADEQUATE.get(country):
            party["adequacy_scope"] = _ADEQUATE[country]
        if rng.random() < 0.3:
            party["notes"] = _text(rng, 1, 3)
        out.append(party)
    return out


def _transfer(rng: random.Random, vocab: _Vocab, party: str) -> dict[str, Any]:
    country = vocab.party_country[party]
    role = vocab.party_role[party]
    transfer: dict[str, Any] = {"country": country, "recipient": party}
    if party in vocab.party_dpf or country in _ADEQUATE:  # DPF-certified US party, or adequacy
        transfer["mechanism"] = "adequacy"
    else:  # US without DPF, India, China: SCCs with a transfer impact assessment
        transfer["mechanism"] = "scc"
        transfer["scc_module"] = 2 if role == "processor" else 1
        if rng.random() >= 0.03:  # a few TIAs are missing (TRF-007)
            transfer["tia"] = f"TIA-{country}-{rng.randrange(1, 400):03d} (EDPB Recommendations 01/2020)"
    transfer["frequency"] = rng.choice(("regular", "continuous", "systematic"))
    if rng.random() < 0.2:
        transfer["notes"] = _text(rng, 1, 2)
    return transfer


def _retention(rng: random.Random, vocab: _Vocab, categories: list[str]) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    books = [c for c in categories if c in vocab.bookkeeping]
    rest = [c for c in categories if c not in vocab.bookkeeping]
    if books:
        rules.append(
            {
                "data_categories": books,
                "kind": "temporal",
                "duration": "P7Y",
                "anchor": "end-of-financial-year",
                "legal_reference": "Art. 52(4) AWR; art. 2:10 BW",
                "action": "erase",
                "description": "Zeven jaar na afloop van het boekjaar waarin de stukken zijn opgemaakt.",
            }
        )
    if rest:
        choice = rng.random()
        if choice < 0.5:
            rules.append(
                {
                    "data_categories": rest,
                    "kind": "temporal",
                    "duration": rng.choice(("P6M", "P1Y", "P2Y", "P5Y", "P26W", "P30D")),
                    "anchor": rng.choice(("end-of-contract", "collection", "end-of-relationship")),
                    "action": rng.choice(("erase", "anonymise")),
                    "backups": "Back-ups worden na 35 dagen overschreven.",
                }
            )
        elif choice < 0.85:
            rules.append(
                {
                    "data_categories": rest,
                    "kind": "until-event",
                    "anchor": "account-closure",
                    "anchor_description": "Opheffing van het klantaccount door de klant of na inactiviteit",
                    "inactivity_fallback": "P2Y",
                    "review_period": "P1Y",
                    "action": "erase",
                }
            )
        else:
            rules.append(
                {
                    "data_categories": rest,
                    "kind": "criteria",
                    "criteria": _text(rng, 1, 2),
                    "review_period": "P1Y",
                }
            )
    return rules


def _purpose(rng: random.Random, gap: bool) -> dict[str, Any]:
    description, kind, basis = rng.choice(_PURPOSES)
    purpose: dict[str, Any] = {"description": description, "kind": kind}
    if gap:  # LAW-001
        return purpose
    purpose["lawful_basis"] = basis
    if basis == "6-1-c":
        purpose["law"] = rng.choice(_LAWS)
    elif basis == "6-1-f":
        purpose["legitimate_interest"] = _text(rng, 1, 1)
        purpose["lia"] = f"LIA-{rng.randrange(1, 500):04d}, vastgesteld door de FG"
    elif basis == "6-1-a":
        purpose["consent"] = {
            "explicit": False,
            "records": "Consent-log in het CRM (tijdstempel, tekstversie, kanaal)",
            "withdrawal": "Afmeldlink in elke e-mail en via het privacyportaal",
        }
        if rng.random() >= 0.05:  # now and then the Art. 8 age check is missing (LAW-010)
            purpose["consent"]["age_verification"] = (
                "Leeftijdsvraag bij aanmelding; onder 16 jaar toestemming ouder"
            )
            purpose["consent"]["minimum_age"] = 16
    return purpose


def _activity(rng: random.Random, index: int, vocab: _Vocab) -> dict[str, Any]:
    ident = _slug(index, "va")
    base = rng.choice(_ACTIVITY_BASES)
    gaps = rng.random() < 0.04
    categories = rng.sample(vocab.categories, k=rng.randint(2, 8))
    subjects = rng.sample(vocab.subjects, k=rng.randint(1, 4))
    recipients = rng.sample(vocab.parties, k=min(len(vocab.parties), rng.randint(1, 5)))
    activity: dict[str, Any] = {
        "id": ident,
        "name": f"{base} — {rng.choice(_SITES)} ({ident.upper()})",
        "description": _text(rng, 3, 8),
        "owner": f"Manager {rng.choice(_DEPARTMENTS)}",
        "department": rng.choice(_DEPARTMENTS),
        "status": "active" if rng.random() < 0.95 else "planned",
        "frequency": rng.choice(("regular", "continuous", "systematic")),
        "purposes": [_purpose(rng, gap=gaps and i == 0) for i in range(rng.randint(1, 3))],
    }
    special = sorted({vocab.special[c] for c in categories if c in vocab.special})
    activity["special_categories"] = bool(special)
    if special:
        activity["art9"] = [
            {"condition": "9-2-b", "law": "Art. 30 UAVG; Wet verbetering poortwachter"},
            {"condition": "9-2-h", "law": "Wet op de geneeskundige behandelingsovereenkomst"},
        ][: rng.randint(1, 2)]
    if any(c in vocab.criminal for c in categories):
        activity["art10"] = {"authorisation": "Art. 33 lid 4 onder b UAVG (VOG-screening)"}
    activity["data_subjects"] = subjects
    activity["data_categories"] = categories
    activity["sources"] = [{"kind": "data-subject"}]
    if rng.random() < 0.2:
        activity["sources"].append({"kind": "third-party", "description": _text(rng, 1, 1)})
    activity["recipients"] = [
        party if rng.random() < 0.5 else {"party": party, "purpose": rng.choice(_PURPOSES)[0]}
        for party in recipients
    ]
    activity["transfers"] = [
        _transfer(rng, vocab, party) for party in recipients if vocab.party_country[party] not in _EEA
    ]
    if not (gaps and rng.random() < 0.3):  # RET-001 now and then
        activity["retention"] = _retention(rng, vocab, categories)
    activity["security_measures"] = rng.sample(vocab.measures, k=rng.randint(3, 8))
    activity["specific_measures"] = [
        {
            "description": rng.choice(
                (
                    "Pseudonimisering van het cliëntnummer in rapportages",
                    "Vier-ogenprincipe bij export van gegevens",
                    "Zugriff nur über das Jump-Host-Netz (Zero Trust)",
                    "Effacement automatique des enregistrements après 30 jours",
                    "Szyfrowanie nośników przenośnych",
                )
            ),
            "kind": rng.choice(("technical", "organisational")),
            "art32": rng.sample(["a", "b", "c", "d"], k=rng.randint(1, 2)),
        }
        for _ in range(rng.randint(1, 3))
    ]
    large = rng.random() < 0.15
    activity["dpia"] = {
        "required": large or bool(special),
        "screening": _text(rng, 1, 2),
        "date": _date(rng, dt.date(2023, 1, 1), 1_000),
    }
    if activity["dpia"]["required"]:
        activity["dpia"]["reference"] = f"DPIA-{rng.randrange(1, 300):04d}"
        activity["dpia"]["outcome"] = "risks-mitigated"
        activity["dpia"]["review_date"] = _date(rng, dt.date(2027, 3, 1), 700)
    activity["large_scale"] = large
    activity["systematic_monitoring"] = rng.random() < 0.05
    activity["systems"] = rng.sample(_SYSTEMS, k=rng.randint(1, 3))
    activity["storage_location"] = rng.choice(
        ("Eigen datacenter Zwolle", "Microsoft Azure West Europe (Amsterdam)", "AWS eu-central-1 (Frankfurt)")
    )
    activity["privacy_notice"] = "https://www.zuiderzee-zorg.example/privacy#" + ident
    activity["last_modified"] = _date(rng, dt.date(2022, 6, 1), 200)
    activity["last_reviewed"] = _date(rng, dt.date(2025, 12, 1), 300)
    activity["next_review"] = _date(rng, dt.date(2026, 12, 15), 365)
    activity["notes"] = _text(rng, 2, 6)
    if gaps and rng.random() < 0.5 and activity["purposes"] and "lawful_basis" not in activity["purposes"][0]:
        activity["suppress"] = [
            {
                "rule": "LAW-001",
                "justification": "Grondslag wordt herzien door Juridische Zaken; besluit volgt in Q3.",
                "until": dt.date(2027, 6, 30),
            }
        ]
    return activity


def iter_register(n: int) -> Iterator[tuple[str, Any]]:
    """The register of ``n`` activities as ``(kind, value)`` pairs, deterministically.

    Kinds: ``register``, ``organisation``, ``security_measures``, ``data_subjects``, ``data_categories``
    and ``parties`` (one pair each, with the whole list), then ``activity`` once per activity.
    """
    rng = random.Random(f"ropa-bench-{SEED}-{n}")
    vocab = _Vocab()
    yield "register", _register_meta()
    yield "organisation", _organisation(rng)
    yield "security_measures", _measures(rng, measure_count(n), vocab)
    yield "data_subjects", _subjects(rng, subject_count(n), vocab)
    yield "data_categories", _categories(rng, category_count(n), vocab)
    yield "parties", _parties(rng, party_count(n), vocab)
    for index in range(1, n + 1):
        yield "activity", _activity(rng, index, vocab)


# --------------------------------------------------------------------------------------------------
# YAML emitter: block style, plain scalars where a human would write them, folded blocks for long text
# --------------------------------------------------------------------------------------------------

_PLAIN_START = re.compile(r"[^\W\d_]")
_CODE = re.compile(r"\d{1,2}-\d-[a-z0-9]\Z")  # 6-1-b, 9-2-h, 46-2-a, 49-1-2
# YAML 1.1 (PyYAML's resolver) and 1.2 words that would not stay text when plain.
_RESERVED = frozenset(
    w
    for word in ("yes", "no", "on", "off", "y", "n", "true", "false", "null")
    for w in (word, word.capitalize(), word.upper())
)
_FOLD_AT = 96


def _plain_ok(value: str) -> bool:
    if _CODE.match(value):
        return True
    return bool(
        value
        and _PLAIN_START.match(value)
        and value not in _RESERVED
        and ": " not in value
        and " #" not in value
        and "\n" not in value
        and "\t" not in value
        and not value.endswith((" ", ":"))
    )


def _quote(value: str) -> str:
    # JSON strings are YAML double-quoted scalars (the generator emits no U+2028/U+2029).
    return json.dumps(value, ensure_ascii=False)


def _scalar(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value if _plain_ok(value) else _quote(value)
    raise TypeError(f"cannot emit {type(value).__name__}")


def _folded(value: str, indent: str) -> list[str] | None:
    """``>-`` block lines for long single-paragraph text, or None when it cannot round-trip."""
    if (
        len(value) <= _FOLD_AT
        or "\n" in value
        or "  " in value
        or value != value.strip()
        or "\t" in value
        or "#" in value[:1]
    ):
        return None
    lines: list[str] = []
    current = ""
    for word in value.split(" "):
        if current and len(current) + 1 + len(word) > _FOLD_AT:
            lines.append(indent + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(indent + current)
    return lines


def _emit(value: Any, indent: str, out: list[str]) -> None:
    """Append the lines of a block mapping (``value`` is a dict) at ``indent``."""
    for key, item in value.items():
        if item is not None:  # unstated: left out, as a person would
            _emit_member(f"{indent}{key}:", item, indent, out)


def _emit_member(head: str, item: Any, indent: str, out: list[str]) -> None:
    deeper = indent + "  "
    if isinstance(item, dict):
        if not item:
            out.append(f"{head} {{}}")
            return
        out.append(head)
        _emit(item, deeper, out)
    elif isinstance(item, list):
        if not item:
            out.append(f"{head} []")
            return
        out.append(head)
        _emit_items(item, deeper, out)
    elif isinstance(item, str) and (lines := _folded(item, deeper)) is not None:
        out.append(f"{head} >-")
        out.extend(lines)
    else:
        out.append(f"{head} {_scalar(item)}")


def _emit_items(items: list[Any], indent: str, out: list[str]) -> None:
    for item in items:
        if isinstance(item, dict) and item:
            first = True
            for key, value in item.items():
                if value is None:
                    continue
                head = f"{indent}- {key}:" if first else f"{indent}  {key}:"
                _emit_member(head, value, indent + "  ", out)
                first = False
        elif isinstance(item, str) and (lines := _folded(item, indent + "  ")) is not None:
            out.append(f"{indent}- >-")
            out.extend(lines)
        elif isinstance(item, list | dict):
            out.append(f"{indent}- {'[]' if isinstance(item, list) else '{}'}")
        else:
            out.append(f"{indent}- {_scalar(item)}")


def to_yaml(document: dict[str, Any]) -> str:
    """Block-style YAML text of ``document`` (dicts, lists, str, int, float, bool, date)."""
    out: list[str] = []
    _emit(document, "", out)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# fideslang manifests of the same content (the peer row)
# --------------------------------------------------------------------------------------------------

_FIDES_BASIS = {
    "6-1-a": "Consent",
    "6-1-b": "Contract",
    "6-1-c": "Legal obligations",
    "6-1-d": "Vital interests",
    "6-1-e": "Public interest",
    "6-1-f": "Legitimate interests",
}
_FIDES_ART9 = {
    "9-2-b": "Employment, social security and social protection",
    "9-2-h": "Health or social care (with a basis in law)",
}
_FIDES_ORG = "default_organization"  # the key fideslang resources default to


def _fides_key(ident: str) -> str:
    return ident.replace("-", "_")


def _retention_text(rules: list[dict[str, Any]]) -> str | None:
    parts = []
    for rule in rules:
        words = [rule.get("kind", ""), rule.get("duration", ""), rule.get("anchor", "")]
        words += [rule.get("legal_reference", ""), rule.get("criteria", ""), rule.get("description", "")]
        parts.append(" ".join(w for w in words if w))
    return "; ".join(parts) or None


def fides_resources(kind: str, value: Any, measures: dict[str, str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The fideslang resources for one ``(kind, value)`` of :func:`iter_register`.

    Mapping (content kept, names differ): activity → ``system`` with one privacy declaration per
    purpose; data categories → ``data_category``; data-subject categories → ``data_subject``; purpose kinds
    → ``data_use``; parties → ``system`` (vendors) referenced by ``egress`` data flows; organisation →
    ``organization``; security measures → the text of ``data_security_practices``.
    """
    if kind == "organisation":
        contact = value["contact"]
        dpo = value["dpo"]["contact"]
        yield (
            "organization",
            {
                "fides_key": _FIDES_ORG,
                "name": value["name"],
                "description": value["trade_name"],
                "controller": {k: contact[k] for k in ("name", "address", "email", "phone")},
                "data_protection_officer": {k: dpo[k] for k in ("name", "address", "email", "phone")},
                "security_policy": value["privacy_notice_url"],
            },
        )
        for kind_name in sorted({p[1] for p in _PURPOSES}):
            yield (
                "data_use",
                {"fides_key": f"ropa_{kind_name.replace('-', '_')}", "name": kind_name, "is_default": False},
            )
    elif kind == "data_categories":
        for entry in value:
            yield (
                "data_category",
                {
                    "fides_key": _fides_key(entry["id"]),
                    "name": entry["name"],
                    "description": entry["description"],
                    "organization_fides_key": _FIDES_ORG,
                    "is_default": False,
                },
            )
    elif kind == "data_subjects":
        for entry in value:
            yield (
                "data_subject",
                {
                    "fides_key": _fides_key(entry["id"]),
                    "name": entry["name"],
                    "description": entry["description"],
                    "organization_fides_key": _FIDES_ORG,
                    "is_default": False,
                },
            )
    elif kind == "security_measures":
        for entry in value:
            measures[entry["id"]] = entry["description"]
    elif kind == "parties":
        for entry in value:
            contact = entry["contact"]
            system: dict[str, Any] = {
                "fides_key": _fides_key(entry["id"]),
                "name": entry["name"],
                "description": entry["description"],
                "organization_fides_key": _FIDES_ORG,
                "system_type": "Vendor",
                "privacy_declarations": [],
                "legal_name": entry["name"],
                "legal_address": contact["address"],
                "responsibility": ["Processor" if entry["role"] == "processor" else "Controller"],
                "dpo": contact["email"],
            }
            if entry.get("agreement"):
                system["dpa_location"] = entry["agreement"]["reference"]
            if entry.get("notes"):
                system["joint_controller_info"] = entry.get("arrangement") or entry["notes"]
            yield "system", system
    elif kind == "activity":
        yield "system", _fides_system(value, measures)


def _fides_system(activity: dict[str, Any], measures: dict[str, str]) -> dict[str, Any]:
    recipients = [r if isinstance(r, str) else r["party"] for r in activity["recipients"]]
    egress = [
        {
            "fides_key": _fides_key(p),
            "type": "system",
            "data_categories": list(map(_fides_key, activity["data_categories"])),
        }
        for p in recipients
    ]
    categories = [_fides_key(c) for c in activity["data_categories"]]
    subjects = [_fides_key(s) for s in activity["data_subjects"]]
    retention = _retention_text(activity.get("retention", []))
    art9 = activity.get("art9") or []
    declarations = []
    for index, purpose in enumerate(activity["purposes"]):
        declaration: dict[str, Any] = {
            "name": f"{purpose['description']} ({index + 1})",
            "data_use": f"ropa_{purpose['kind'].replace('-', '_')}",
            "data_categories": categories,
            "data_subjects": subjects,
            "egress": [_fides_key(p) for p in recipients],
            "features": [purpose.get("legitimate_interest") or purpose.get("law") or purpose["description"]],
            "retention_period": retention,
            "processes_special_category_data": bool(art9),
            "data_shared_with_third_parties": bool(recipients),
            "third_parties": ", ".join(recipients),
            "shared_categories": categories,
        }
        if purpose.get("lawful_basis"):
            declaration["legal_basis_for_processing"] = _FIDES_BASIS[purpose["lawful_basis"]]
        if purpose.get("lia"):
            declaration["impact_assessment_location"] = purpose["lia"]
        if art9:
            declaration["special_category_legal_basis"] = _FIDES_ART9[art9[0]["condition"]]
        declarations.append(declaration)
    transfers = activity.get("transfers", [])
    practices = [measures[m] for m in activity["security_measures"]]
    practices += [m["description"] for m in activity["specific_measures"]]
    dpia = activity["dpia"]
    return {
        "fides_key": _fides_key(activity["id"]),
        "name": activity["name"],
        "description": f"{activity['description']} {activity['notes']}",
        "organization_fides_key": _FIDES_ORG,
        "system_type": "Processing activity",
        "administrating_department": activity["department"],
        "egress": egress,
        "privacy_declarations": declarations,
        "does_international_transfers": bool(transfers),
        "legal_basis_for_transfers": sorted({_transfer_basis(t) for t in transfers}),
        "requires_data_protection_assessments": bool(dpia["required"]),
        "dpa_location": dpia.get("reference"),
        "dpa_progress": dpia["screening"],
        "privacy_policy": activity["privacy_notice"],
        "responsibility": ["Controller"],
        "data_security_practices": " ".join(practices),
        "tags": list(activity["systems"]),
    }


def _transfer_basis(transfer: dict[str, Any]) -> str:
    if transfer["mechanism"] == "scc":
        return "SCCs"
    return "Adequacy Decision" if transfer["country"] != "US" else "Data Privacy Framework"


# --------------------------------------------------------------------------------------------------
# Writing and caching
# --------------------------------------------------------------------------------------------------


def _singular(kind: str) -> str:
    return {"activity": "activities"}.get(kind, kind)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_register(n: int, layout: str, folder: Path) -> dict[str, int]:
    """Write the register of ``n`` activities in ``layout`` into ``folder``; return file and byte counts."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    folder.mkdir(parents=True, exist_ok=True)
    # An empty configuration file stops ropa's config search here: the repository's own pyproject.toml
    # must not change what the benchmark measures.
    (folder / "ropa.toml").write_text("# ropa benchmark register: default configuration\n", encoding="utf-8")
    files = 0
    size = 0
    if layout == "per-file":
        for kind, value in iter_register(n):
            if kind == "activity":
                text = to_yaml({"activity": value})
                path = folder / "activities" / f"{value['id']}.yaml"
            else:
                text = to_yaml({kind: value})
                path = folder / f"{kind}.yaml"
            _write(path, text)
            files += 1
            size += len(text.encode("utf-8"))
    else:
        with (folder / "register.yaml").open("w", encoding="utf-8", newline="\n") as handle:
            activities_open = False
            for kind, value in iter_register(n):
                if kind == "activity":
                    if not activities_open:
                        handle.write("activities:\n")
                        activities_open = True
                    lines: list[str] = []
                    _emit_items([value], "  ", lines)
                    chunk = "\n".join(lines) + "\n"
                else:
                    chunk = to_yaml({kind: value})
                handle.write(chunk)
                size += len(chunk.encode("utf-8"))
        files = 1
    return {"files": files, "bytes": size}


def write_fides(n: int, layout: str, folder: Path) -> dict[str, int]:
    """Write the same content as fideslang manifests (one file per resource, or one file)."""
    folder.mkdir(parents=True, exist_ok=True)
    measures: dict[str, str] = {}
    files = 0
    size = 0
    grouped: dict[str, list[dict[str, Any]]] = {}
    for kind, value in iter_register(n):
        for fides_kind, resource in fides_resources(kind, value, measures):
            if layout == "per-file" and kind == "activity":
                text = to_yaml({fides_kind: [resource]})
                _write(folder / "systems" / f"{resource['fides_key']}.yml", text)
                files += 1
                size += len(text.encode("utf-8"))
            else:
                grouped.setdefault(fides_kind, []).append(resource)
    if layout == "per-file":
        for fides_kind, resources in grouped.items():
            text = to_yaml({fides_kind: resources})
            _write(folder / f"{fides_kind}.yml", text)
            files += 1
            size += len(text.encode("utf-8"))
    else:
        text = to_yaml(grouped)
        _write(folder / "manifest.yml", text)
        files = 1
        size = len(text.encode("utf-8"))
    return {"files": files, "bytes": size}


def _cached(
    kind: str, n: int, layout: str, writer: Callable[[int, str, Path], dict[str, int]], cache: Path
) -> Path:
    folder = cache / kind / f"g{GENERATOR_VERSION}-{layout}-{n}"
    if (folder / _COMPLETE).exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    stats = writer(n, layout, tmp)
    (tmp / _COMPLETE).write_text(json.dumps(stats) + "\n", encoding="utf-8")
    tmp.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp.rename(folder)
    except OSError:  # another process finished first
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


def register_path(n: int, layout: str, cache: Path = CACHE_DIR) -> Path:
    """The cached register of ``n`` activities in ``layout``, generated on first use.

    Returns the folder for ``per-file`` and the ``register.yaml`` file for ``single``.
    """
    folder = _cached("registers", n, layout, write_register, cache)
    return folder if layout == "per-file" else folder / "register.yaml"


def fides_path(n: int, layout: str, cache: Path = CACHE_DIR) -> Path:
    """The cached fideslang manifests equivalent to :func:`register_path` (folder or ``manifest.yml``)."""
    folder = _cached("fides", n, layout, write_fides, cache)
    return folder if layout == "per-file" else folder / "manifest.yml"


def stats(path: Path) -> dict[str, int]:
    """Files and bytes written for a cached register (from its completion marker)."""
    folder = path if path.is_dir() else path.parent
    data: dict[str, int] = json.loads((folder / _COMPLETE).read_text(encoding="utf-8"))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of activities")
    parser.add_argument("--layout", choices=LAYOUTS, default="per-file")
    parser.add_argument("--fides", action="store_true", help="the fideslang manifests instead")
    parser.add_argument("--cache-dir", type=Path, default=CACHE_DIR)
    args = parser.parse_args(argv)
    make = fides_path if args.fides else register_path
    print(make(args.n, args.layout, args.cache_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
