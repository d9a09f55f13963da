"""TRF-004 adequacy-outside-scope: partial adequacy is relied on, but the importer is not shown covered.

## What it does
Reports each transfer with ``mechanism: adequacy`` to a country whose decision covers only some
importers, when the register does not show that the importer is one of them:

| Country | Decision covers | The importing party must record |
|---|---|---|
| US | organisations on the DPF list | ``dpf: {certified: true}`` or ``adequacy_scope: DPF`` |
| CA | organisations subject to PIPEDA | ``adequacy_scope: PIPEDA`` |
| JP | business operators subject to the APPI | ``adequacy_scope: APPI`` |
| KR | entities subject to PIPA | ``adequacy_scope: PIPA`` |

The scope of each decision comes from ropa's adequacy data. A transfer that names no importer
(``recipient``) is reported too: coverage cannot be shown without one. An importer id that is not
defined is REC-001's, and is not reported again here.

## Why is this bad?
A partial decision makes transfers adequate only to the covered importers. For the United States,
Art. 1 of Implementing Decision (EU) 2023/1795 covers only organisations on the DPF list: a transfer to a
non-certified US company needs SCCs or another safeguard.

## Example
```yaml
parties:
  - id: crm-vendor
    name: CRM Inc.
    role: processor
    country: US
activities:
  - id: crm
    name: Customer relationship management
    transfers:
      - country: US
        recipient: crm-vendor
        mechanism: adequacy
```

## Use instead
```yaml
parties:
  - id: crm-vendor
    name: CRM Inc.
    role: processor
    country: US
    dpf:
      certified: true
      checked: 2026-05-15
activities:
  - id: crm
    name: Customer relationship management
    transfers:
      - country: US
        recipient: crm-vendor
        mechanism: adequacy
```

## Known limitations
The Korean decision also excludes some processing by PIPA-covered entities (religious organisations'
missionary activities, political parties' nomination of candidates, personal credit information under
the Credit Information Act); ropa cannot see these, so record such importers without
``adequacy_scope: PIPA``.

## References
- Art. 45 GDPR
- Art. 1 Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import LegalRef, Severity
from ropa.models import Party, TransferMechanism
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import Decision, adequacy, is_intra_eea, transfers


def covered(party: Party, decision: Decision) -> bool:
    """True when ``party`` records that it falls under the partial ``decision``."""
    key = (decision.scope_key or "").casefold()
    if key == "dpf" and party.dpf is not None and party.dpf.certified:
        return True
    return party.adequacy_scope is not None and party.adequacy_scope.strip().casefold() == key


def _fix(decision: Decision, named: bool) -> str:
    first = "" if named else "Name the importer with 'recipient:'. "
    if (decision.scope_key or "").casefold() == "dpf":
        show = (
            "If the DPF list (dataprivacyframework.gov) shows the importer, record 'dpf: {certified: "
            "true, checked: <date>}' on it"
        )
    else:
        key = decision.scope_key
        show = f"If the importer falls under {key}, record 'adequacy_scope: {key}' on it"
    return f"{first}{show}; otherwise use SCCs or another Art. 46 safeguard."


def check(ctx: RuleContext) -> Iterator[Finding]:
    data = adequacy()
    parties = ctx.party_by_id
    for site in transfers(ctx):
        transfer = site.transfer
        if transfer.mechanism is not TransferMechanism.ADEQUACY or is_intra_eea(transfer):
            continue
        decision = data.decision_for(transfer, ctx.today)
        if decision is None or not decision.partial:
            continue  # no decision at all is TRF-003's
        if transfer.recipient is None:
            reason = "names no importer ('recipient')"
        else:
            party = parties.get(transfer.recipient)
            if party is None:
                continue  # undefined or broken importer: REC-001's, or already reported by the loader
            if covered(party, decision):
                continue
            reason = f"importer {party.id} is not recorded as covered"
        yield ctx.finding(
            site.owner,
            site.path,
            destination=transfer.country or "",
            scope=decision.scope_key or "",
            reason=reason,
            fix=_fix(decision, transfer.recipient is not None),
        )


RULE = Rule(
    code="TRF-004",
    name="adequacy-outside-scope",
    summary="A transfer relies on a partial adequacy decision, but the importer is not shown to be covered.",
    severity=Severity.ERROR,
    legal_refs=(ref("45"), LegalRef("1", instrument="Implementing Decision (EU) 2023/1795")),
    message="{entity}: transfer to {destination} relies on partial adequacy ({scope}), but {reason}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
)
