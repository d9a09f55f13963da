"""ORG-008 country-not-stated: the controller's country is not stated, so the country profiles are off.

## What it does
Reports, once, an ``organisation`` block without ``country`` when neither the configuration
(``profile`` in ``[tool.ropa]`` or ``ropa.toml``, ``ropa validate --profile``) nor the register
(``register: {profile: ...}``) chooses the profiles. ropa chooses them from the controller's country: a
Dutch organisation gets the rules of the ``nl`` profile (the UAVG, the AP's DPIA list, the
Telecommunicatiewet, bookkeeping retention), which stay off while the country is unknown. A register that
states the country, or chooses its profiles, is never reported; a register without an organisation block
is reported by ORG-001 only.

## Why is this bad?
Art. 30(1)(a) asks for the controller's name and contact details, and the country is part of them. It also
decides which national law applies next to the GDPR: without it the Dutch rules do not run, and a Dutch
register would pass checks it fails. The finding is an info: it says what is not being checked.

## Example
```yaml
organisation:
  name: Example BV
  contact:
    email: privacy@example.nl
```

## Use instead
```yaml
organisation:
  name: Example BV
  country: NL
  contact:
    email: privacy@example.nl
```

## References
- Art. 30(1)(a) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    if org is None or org.country is not None or ctx.profiles_chosen:
        return
    from ropa.rules import ALL_RULES  # the catalogue names the country profiles there are

    profiles = sorted({rule.profile for rule in ALL_RULES} - {"eu"})
    yield ctx.finding(org, profiles=", ".join(profiles), first=profiles[0] if profiles else "nl")


RULE = Rule(
    code="ORG-008",
    name="country-not-stated",
    summary="The controller's country is not stated, so the country profiles are off.",
    severity=Severity.INFO,
    legal_refs=(ref("30", 1, "a"),),
    message="{entity}: the controller's country is not stated, so the country profiles ({profiles}) are off",
    hint="Add 'country:' to the organisation block (an ISO code such as NL), or choose the profiles "
    'yourself: profile = ["{first}"] in [tool.ropa] or ropa.toml, or ropa validate --profile {first}.',
    check=check,
    doc=__doc__ or "",
)
