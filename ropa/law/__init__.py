"""The one reading of each legal concept that ropa's rules need.

Every rule asks here, never on its own, whether:

- a data category is special-category data (Art. 9(1)), criminal-offence data (Art. 10) or a national
  identification number (Art. 87), and whether data subjects are children or vulnerable
  (:mod:`ropa.law.data`); whether a cited law permits the Dutch BSN (Art. 46 UAVG, :mod:`ropa.law.bsn`);
- a purpose relies on consent, and on which Art. 6(1) basis; whether the controller may rely on
  legitimate interests at all (:mod:`ropa.law.bases`);
- a party is a processor, a recipient in the sense of Art. 4(9), or an authority that is none, and which
  parties in third countries an activity's data reach through sub-processors or the systems it names
  (:mod:`ropa.law.parties`);
- a country is in the EEA or a third country on a given day, and which adequacy decision applies then
  (:mod:`ropa.law.places`);
- an activity is GDPR or Law Enforcement Directive processing, and an entry part of the processor's record
  (:mod:`ropa.law.records`); an activity is validly exempted from the record under Art. 30(5)
  (:mod:`ropa.law.exemption`);
- a retention rule calls its period statutory, cites the law behind it, or keeps data without end, and
  what the statutory minimum for bookkeeping data is (:mod:`ropa.law.retention`).

The readings take every signal a register carries: ``special:``, ``criminal:`` and ``national_id:`` on a
data category, ``special_categories``, ``art9`` and ``art10`` on an activity, and W3C DPV IRIs with every
sub-concept of DPV's own hierarchy (``ropa/data/dpv.json``, read under the GDPR by
``ropa/data/dpv_gdpr.json``). The layer sits between the models and the rules: it imports models and data
files only.
"""

from ropa.law._dpv import concept as concept
from ropa.law.bases import classify_basis_iri as classify_basis_iri
from ropa.law.bases import consent_purposes as consent_purposes
from ropa.law.bases import explicit_consent_conditions as explicit_consent_conditions
from ropa.law.bases import is_consent_based as is_consent_based
from ropa.law.bases import lawful_basis as lawful_basis
from ropa.law.bases import legitimate_interests_excluded as legitimate_interests_excluded
from ropa.law.bases import withdrawal_recorded as withdrawal_recorded
from ropa.law.bsn import BsnLaw as BsnLaw
from ropa.law.bsn import BsnReading as BsnReading
from ropa.law.bsn import read_bsn_law as read_bsn_law
from ropa.law.data import CategoryRef as CategoryRef
from ropa.law.data import Special as Special
from ropa.law.data import criminal_refs as criminal_refs
from ropa.law.data import describe_special as describe_special
from ropa.law.data import is_child as is_child
from ropa.law.data import is_criminal as is_criminal
from ropa.law.data import is_national_id as is_national_id
from ropa.law.data import is_vulnerable as is_vulnerable
from ropa.law.data import national_id_refs as national_id_refs
from ropa.law.data import processes_criminal as processes_criminal
from ropa.law.data import processes_special as processes_special
from ropa.law.data import special_category as special_category
from ropa.law.data import special_refs as special_refs
from ropa.law.exemption import Obstacle as Obstacle
from ropa.law.exemption import exemption_obstacles as exemption_obstacles
from ropa.law.exemption import validly_exempt as validly_exempt
from ropa.law.parties import AbroadLink as AbroadLink
from ropa.law.parties import PartyIndex as PartyIndex
from ropa.law.parties import authority_party_ids as authority_party_ids
from ropa.law.parties import determines_own_purposes as determines_own_purposes
from ropa.law.parties import indirect_third_country_links as indirect_third_country_links
from ropa.law.parties import is_processor as is_processor
from ropa.law.parties import recipient_party_ids as recipient_party_ids
from ropa.law.places import AdequacyData as AdequacyData
from ropa.law.places import Decision as Decision
from ropa.law.places import NotThirdCountry as NotThirdCountry
from ropa.law.places import add_duration as add_duration
from ropa.law.places import add_months as add_months
from ropa.law.places import adequacy as adequacy
from ropa.law.places import is_eea as is_eea
from ropa.law.places import is_third_country as is_third_country
from ropa.law.places import not_a_third_country as not_a_third_country
from ropa.law.places import parse_adequacy as parse_adequacy
from ropa.law.records import is_led as is_led
from ropa.law.records import is_processor_record as is_processor_record
from ropa.law.records import regime as regime
from ropa.law.retention import StatutoryMinimum as StatutoryMinimum
from ropa.law.retention import bookkeeping_minimum as bookkeeping_minimum
from ropa.law.retention import cites_law as cites_law
from ropa.law.retention import claims_statutory as claims_statutory
from ropa.law.retention import keeps_forever as keeps_forever
from ropa.law.retention import names_law as names_law
from ropa.law.retention import rule_text as rule_text
from ropa.law.retention import statutory_without_duration as statutory_without_duration
from ropa.law.retention import statutory_without_law as statutory_without_law

__all__ = [
    "AbroadLink",
    "AdequacyData",
    "BsnLaw",
    "BsnReading",
    "CategoryRef",
    "Decision",
    "NotThirdCountry",
    "Obstacle",
    "PartyIndex",
    "Special",
    "StatutoryMinimum",
    "add_duration",
    "add_months",
    "adequacy",
    "authority_party_ids",
    "bookkeeping_minimum",
    "cites_law",
    "claims_statutory",
    "classify_basis_iri",
    "concept",
    "consent_purposes",
    "criminal_refs",
    "describe_special",
    "determines_own_purposes",
    "exemption_obstacles",
    "explicit_consent_conditions",
    "indirect_third_country_links",
    "is_child",
    "is_consent_based",
    "is_criminal",
    "is_eea",
    "is_led",
    "is_national_id",
    "is_processor",
    "is_processor_record",
    "is_third_country",
    "is_vulnerable",
    "keeps_forever",
    "lawful_basis",
    "legitimate_interests_excluded",
    "names_law",
    "national_id_refs",
    "not_a_third_country",
    "parse_adequacy",
    "processes_criminal",
    "processes_special",
    "read_bsn_law",
    "recipient_party_ids",
    "regime",
    "rule_text",
    "special_category",
    "special_refs",
    "statutory_without_duration",
    "statutory_without_law",
    "validly_exempt",
    "withdrawal_recorded",
]
