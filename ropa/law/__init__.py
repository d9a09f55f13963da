"""The one reading of each legal concept that ropa's rules need.

Every rule asks here, never on its own, whether:

- a data category is special-category data (Art. 9(1)), criminal-offence data (Art. 10) or a national
  identification number (Art. 87), and whether data subjects are children or vulnerable
  (:mod:`ropa.law.data`);
- a purpose relies on consent, and on which Art. 6(1) basis (:mod:`ropa.law.bases`);
- a party is a processor, a recipient in the sense of Art. 4(9), or an authority that is none
  (:mod:`ropa.law.parties`);
- a country is in the EEA or a third country on a given day, and which adequacy decision applies then
  (:mod:`ropa.law.places`);
- an activity is GDPR or Law Enforcement Directive processing, and an entry part of the processor's record
  (:mod:`ropa.law.records`).

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
from ropa.law.bases import withdrawal_recorded as withdrawal_recorded
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
from ropa.law.parties import authority_party_ids as authority_party_ids
from ropa.law.parties import determines_own_purposes as determines_own_purposes
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

__all__ = [
    "AdequacyData",
    "CategoryRef",
    "Decision",
    "NotThirdCountry",
    "Special",
    "add_duration",
    "add_months",
    "adequacy",
    "authority_party_ids",
    "classify_basis_iri",
    "concept",
    "consent_purposes",
    "criminal_refs",
    "describe_special",
    "determines_own_purposes",
    "explicit_consent_conditions",
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
    "lawful_basis",
    "national_id_refs",
    "not_a_third_country",
    "parse_adequacy",
    "processes_criminal",
    "processes_special",
    "recipient_party_ids",
    "regime",
    "special_category",
    "special_refs",
    "withdrawal_recorded",
]
