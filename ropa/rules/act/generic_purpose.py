"""ACT-002 generic-purpose: a purpose is only a generic label, not a specific purpose.

## What it does
Reports each purpose whose ``description`` says nothing specific. The description is trimmed, case-folded,
split into words (punctuation dropped) and stripped of filler words: articles and prepositions (``the``,
``for``, ``of``, ``our``, ``de``, ``het``, ``voor``, ``ten behoeve van``, ``onze``, ``la``, ``les``,
``pour``, ``nos``, ``der``, ``die``, ``für``, ``unsere`` ...) and the words for "purpose"
(``purpose(s)``, ``doel``, ``doeleinden``, ``fin(s)``, ``finalité(s)``, ``Zweck(e)``). A purpose is
reported when what remains

- is nothing at all (an empty description, perhaps with only a ``dpv`` tag);
- equals the activity's ``department`` (normalised the same way); or
- is, as a whole, one of these generic labels:

  - EN: `marketing`, `advertising`, `analytics`, `administration`, `admin`, `business`,
    `business operations`, `operations`, `commercial`, `legitimate business`, `general`, `miscellaneous`,
    `various`, `other`, `internal`, `internal use`, `hr`, `human resources`, `personnel`, `staff`, `it`,
    `ict`, `sales`, `finance`, `management`, `processing`, `data processing`, `services`, `service`,
    `service provision`, `provision services`, `communication`, `communications`, `security`,
    `compliance`, `legal`
  - NL: `administratie`, `bedrijfsvoering`, `algemene bedrijfsvoering`, `interne bedrijfsvoering`,
    `bedrijfsdoeleinden`, `marketingdoeleinden`, `commerciële`, `commerciele`, `reclame`,
    `personeelszaken`, `personeel`, `p&o`, `financiën`, `financien`, `financiële administratie`,
    `dienstverlening`, `diversen`, `overig`, `overige`, `algemeen`, `verkoop`, `beheer`, `organisatie`,
    `intern`, `interne`, `communicatie`, `beveiliging`, `juridisch`, `verwerking`, `gegevensverwerking`
  - FR: `gestion`, `gestion administrative`, `commerciales`, `commerciale`, `activités commerciales`,
    `publicité`, `ressources humaines`, `rh`, `informatique`, `divers`, `autre`, `autres`, `général`,
    `générale`, `généraux`, `internes`, `usage interne`, `prestation services`, `sécurité`, `juridique`,
    `finances`, `traitement`
  - DE: `verwaltung`, `geschäftliche`, `geschäftszwecke`, `geschäftsbetrieb`, `betriebliche`,
    `werbung`, `personalwesen`, `personalverwaltung`, `edv`, `vertrieb`, `sonstiges`, `sonstige`,
    `allgemein`, `allgemeine`, `dienstleistungen`, `kommunikation`, `sicherheit`, `recht`, `finanzen`,
    `verarbeitung`, `datenverarbeitung`

Only a whole-description match counts, so "Direct marketing e-mails to existing customers" or "Payroll
administration and payment of salaries" are not reported: the list catches labels, not purposes that
contain a generic word.

## Why is this bad?
Purposes must be "specified, explicit and legitimate" (Art. 5(1)(b)). A label such as "marketing" or
"administratie" cannot be checked for a lawful basis, a retention period or compatibility; the Dutch
supervisory authority's fifth recommendation for registers asks that each processing be linked to a
specific purpose, not to a department.

## Example
```yaml
activities:
  - id: customer-admin
    name: Customer administration
    department: Sales
    purposes:
      - description: Administration
        lawful_basis: 6-1-b
```

## Use instead
```yaml
activities:
  - id: customer-admin
    name: Customer administration
    department: Sales
    purposes:
      - description: Keep customer accounts so that customers can see their orders and invoices
        lawful_basis: 6-1-b
```

## References
- Art. 5(1)(b) GDPR
- Autoriteit Persoonsgegevens, recommendation 5 for registers (28 November 2018)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, led_ref, ref

__all__ = ["FILLERS", "GENERIC_LABELS", "RULE", "check", "normalise"]

FILLERS = frozenset(
    {
        # EN
        "a", "an", "the", "for", "of", "to", "our", "purpose", "purposes",
        # NL
        "de", "het", "een", "voor", "van", "ten", "behoeve", "onze", "ons", "doel", "doelen", "doeleinde",
        "doeleinden",
        # FR
        "le", "la", "les", "l", "des", "du", "d", "pour", "à", "nos", "notre", "fin", "fins", "finalité",
        "finalités",
        # DE
        "der", "die", "das", "den", "dem", "für", "zu", "zum", "zur", "unsere", "unser", "zweck", "zwecke",
        "zwecken",
    }
)  # fmt: skip
"""Words dropped before comparing: articles, prepositions, possessives and the words for 'purpose'."""

GENERIC_LABELS = frozenset(
    {
        # EN
        "marketing", "advertising", "analytics", "administration", "admin", "business", "business operations",
        "operations", "commercial", "legitimate business", "general", "miscellaneous", "various", "other",
        "internal", "internal use", "hr", "human resources", "personnel", "staff", "it", "ict", "sales",
        "finance", "management", "processing", "data processing", "services", "service", "service provision",
        "provision services", "communication", "communications", "security", "compliance", "legal",
        # NL
        "administratie", "bedrijfsvoering", "algemene bedrijfsvoering", "interne bedrijfsvoering",
        "bedrijfsdoeleinden", "marketingdoeleinden", "commerciële", "commerciele", "reclame",
        "personeelszaken", "personeel", "p&o", "financiën", "financien", "financiële administratie",
        "dienstverlening", "diversen", "overig", "overige", "algemeen", "verkoop", "beheer", "organisatie",
        "intern", "interne", "communicatie", "beveiliging", "juridisch", "verwerking", "gegevensverwerking",
        # FR
        "gestion", "gestion administrative", "commerciales", "commerciale", "activités commerciales",
        "publicité", "ressources humaines", "rh", "informatique", "divers", "autre", "autres", "général",
        "générale", "généraux", "internes", "usage interne", "prestation services", "sécurité", "juridique",
        "finances", "traitement",
        # DE
        "verwaltung", "geschäftliche", "geschäftszwecke", "geschäftsbetrieb", "betriebliche", "werbung",
        "personalwesen", "personalverwaltung", "edv", "vertrieb", "sonstiges", "sonstige", "allgemein",
        "allgemeine", "dienstleistungen", "kommunikation", "sicherheit", "recht", "finanzen", "verarbeitung",
        "datenverarbeitung",
    }
)  # fmt: skip
"""Descriptions that, after :func:`normalise`, are labels rather than purposes (listed in the docstring)."""

_SPLIT = re.compile(r"[^\w&]+")


def normalise(text: str) -> str:
    """Case-folded words of ``text`` without punctuation and :data:`FILLERS`, joined by single spaces."""
    return " ".join(w for w in _SPLIT.split(text.casefold()) if w and w not in FILLERS)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        department = normalise(activity.department) if activity.department else ""
        for index, purpose in enumerate(activity.purposes or ()):
            key = normalise(purpose.description)
            if not key:
                why = "is empty" + (" apart from its DPV tag" if purpose.dpv else "")
            elif key == department:
                why = "only repeats the department"
            elif key in GENERIC_LABELS:
                why = "is a generic label, not a specific purpose"
            else:
                continue
            text = excerpt(purpose.description)
            label = f"'{text}'" if text else f"#{index + 1}"
            yield ctx.finding(activity, f"/purposes/{index}", purpose=label, why=why)


RULE = Rule(
    code="ACT-002",
    name="generic-purpose",
    summary="A purpose is only a generic label (a department, 'marketing', 'administration').",
    severity=Severity.WARNING,
    legal_refs=(ref("5", 1, "b"),),
    message="{entity}: purpose {purpose} {why}",
    hint="Say what is done with the data and why, e.g. 'Send order confirmations and delivery updates by "
    "e-mail' instead of 'Administration'.",
    check=check,
    doc=__doc__ or "",
    led=(led_ref("4", 1, "b"),),
)
