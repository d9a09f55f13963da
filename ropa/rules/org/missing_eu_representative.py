"""ORG-006 missing-eu-representative: a non-EEA controller targeting the EU names no EU representative.

## What it does
Reports an organisation whose ``country`` is outside the EEA (EU-27, Iceland, Liechtenstein, Norway; from
``ropa/data/countries.json``), that declares ``targets_eu: true`` (Art. 3(2): offering goods or services
to, or monitoring, people in the Union), and that has neither a ``representative`` with a name or contact
details nor a ``representative_exemption``. Organisations without a stated country, or without
``targets_eu: true``, are not reported.

## Why is this bad?
Art. 27(1) requires such a controller to designate a representative in the Union in writing, unless the
Art. 27(2) exemption applies (occasional processing without large-scale Art. 9/10 data that is unlikely to
result in a risk, or a public authority). The representative's name and contact details belong in the
record (Art. 30(1)(a)).

## Example
```yaml
organisation:
  name: Example Inc.
  country: US
  targets_eu: true
```

## Use instead
```yaml
organisation:
  name: Example Inc.
  country: US
  targets_eu: true
  representative:
    name: EU Rep BV
    email: eurep@example.nl
    country: NL
```

## References
- Art. 3(2), 27(1)–(2), 30(1)(a) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa._data import eea_countries
from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    if org is None or org.country is None or org.country in eea_countries() or not org.targets_eu:
        return
    rep = org.representative
    if rep is not None and (rep.has_details or (rep.name and rep.name.strip())):
        return
    if org.representative_exemption and org.representative_exemption.strip():
        return
    yield ctx.finding(org, "/representative" if rep is not None else "/targets_eu", country=org.country)


RULE = Rule(
    code="ORG-006",
    name="missing-eu-representative",
    summary="A controller outside the EEA targets people in the EU but names no EU representative.",
    severity=Severity.ERROR,
    legal_refs=(ref("27", 1), ref("27", 2), ref("30", 1, "a")),
    message="{entity}: established in {country} (outside the EEA) and targeting the EU, but no EU "
    "representative is recorded",
    hint="Add 'representative:' with the name and contact details of the Art. 27 representative, or "
    "state in 'representative_exemption:' why Art. 27(2) applies.",
    check=check,
    doc=__doc__ or "",
)
