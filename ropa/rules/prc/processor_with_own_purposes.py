"""PRC-007 processor-with-own-purposes: a party recorded as processor uses the data for its own purposes.

## What it does
Reports each party with ``role: processor`` whose ``own_purposes`` says what it uses the data for on its
own account (improving its own services, sharing with third parties, its own marketing). One finding per
party, naming the activities that disclose data to it.

## Why is this bad?
A processor processes personal data only on the controller's documented instructions (Art. 28(3)(a),
29). A processor that determines purposes of its own is, for that processing, a controller
(Art. 28(10)): the disclosure to it then needs a lawful basis of its own, data subjects must be told that
it receives the data as a controller (Art. 13(1)(e)), and the Art. 28 contract does not cover that use.
Terms such as "we reserve the right to use your data to improve our services" in a processor's conditions
are the usual sign.

## Example
```yaml
parties:
  - id: payment-provider
    name: Payments B.V.
    role: processor
    agreement: {reference: DPA-2025-03, signed: true}
    own_purposes: Uses transaction data to improve its own services and shares them with third parties
```

## Use instead
```yaml
parties:
  - id: payment-provider
    name: Payments B.V.
    role: processor
    agreement:
      reference: DPA-2025-03 (own use excluded, clause 4.2)
      signed: true
  - id: payment-provider-own-use
    name: Payments B.V. (for its own purposes)
    role: controller
```

## References
- Art. 28(10), 28(3)(a), 4(7) GDPR
- EDPB Guidelines 07/2020 on the concepts of controller and processor in the GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import determines_own_purposes
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    by_party = ctx.activities_by_party
    for party in ctx.parties:
        if not determines_own_purposes(party):
            continue
        names = list(dict.fromkeys(activity.id for activity in by_party.get(party.id, ())))
        used = f" (activities: {', '.join(names)})" if names else ""
        own = " ".join((party.own_purposes or "").split())
        yield ctx.finding(party, "/own_purposes", own=own[:120] + ("…" if len(own) > 120 else ""), used=used)


RULE = Rule(
    code="PRC-007",
    name="processor-with-own-purposes",
    summary="A party recorded as processor uses the data for purposes of its own, as a controller.",
    severity=Severity.ERROR,
    legal_refs=(ref("28", 10), ref("28", 3, "a")),
    message=(
        "{entity}: recorded as processor{used}, but uses the data for its own purposes ('{own}'): for that "
        "processing it is a controller"
    ),
    hint=(
        "Either have the processor give up its own use in the Art. 28 contract and remove 'own_purposes', or "
        "record the party as a controller for that use (a party of its own with 'role: controller' among the "
        "recipients), with a lawful basis for disclosing the data to it and the privacy notice saying so."
    ),
    check=check,
    doc=__doc__ or "",
)
