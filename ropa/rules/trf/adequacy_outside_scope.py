"""TRF-004 adequacy-outside-scope: partial adequacy is relied on, but the importer is not shown covered.

## What it does
Reports each transfer with ``mechanism: adequacy`` to a country whose decision covers only some
importers, when the register does not show that the importer is one of them:

| Country | Decision covers | The importing party must record |
|---|---|---|
| US | organisations on the DPF list | ``dpf: {certified: true}`` (the DPF list was checked) |
| CA | organisations subject to PIPEDA | ``adequacy_scope: PIPEDA`` |
| JP | business operators subject to the APPI | ``adequacy_scope: APPI`` |
| KR | entities subject to PIPA | ``adequacy_scope: PIPA`` |

The scope of each decision comes from ropa's adequacy data, as of the check date (``--today``): a US
transfer checked as of 2019 is judged under the Privacy Shield (``adequacy_scope: Privacy Shield``), one
checked as of 2021 under no decision at all (TRF-003). ``adequacy_scope: DPF`` without a ``dpf`` block claims
DPF coverage without a certification check and does not count; ``dpf: {certified: false}`` says the
importer is not covered. A transfer that names no importer (``recipient``) is reported too: coverage cannot
be shown without one. An importer id that is not defined is REC-001's, and is not reported again here. The
finding cites Art. 1 of the decision that applies to the destination (Decision 2002/2/EC for Canada,
(EU) 2019/419 for Japan, (EU) 2022/254 for Korea, (EU) 2023/1795 for the United States). A DPF check that
is old or undated is TRF-005's.

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
- Art. 45(1) GDPR
- Art. 1 of the adequacy decision for the destination: Commission Decision 2002/2/EC (Canada),
  Implementing Decisions (EU) 2019/419 (Japan), (EU) 2022/254 (Republic of Korea) and (EU) 2023/1795
  (EU-US Data Privacy Framework)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import LegalRef, Severity
from ropa.law import Decision, adequacy
from ropa.models import Party, TransferMechanism
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import no_chapter_v_transfer, transfers


def covered(party: Party, decision: Decision) -> bool:
    """True when ``party`` records that it falls under the partial ``decision``.

    For the Data Privacy Framework only a certification check counts (``dpf: {certified: true}``):
    ``adequacy_scope: DPF`` alone claims coverage without showing that anyone looked the importer up on the
    DPF list, which is what Art. 1 of Decision (EU) 2023/1795 makes coverage depend on.
    """
    key = (decision.scope_key or "").casefold()
    if key == "dpf":
        return party.dpf is not None and party.dpf.certified
    return party.adequacy_scope is not None and party.adequacy_scope.strip().casefold() == key


def _claims_dpf(party: Party) -> bool:
    return party.adequacy_scope is not None and party.adequacy_scope.strip().casefold() == "dpf"


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
        if transfer.mechanism is not TransferMechanism.ADEQUACY or no_chapter_v_transfer(transfer, ctx.today):
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
            if (decision.scope_key or "").casefold() == "dpf" and party.dpf is not None:
                reason = f"importer {party.id} is recorded as not certified ('dpf.certified: false')"
            elif (decision.scope_key or "").casefold() == "dpf" and _claims_dpf(party):
                reason = (
                    f"importer {party.id} claims DPF coverage ('adequacy_scope: DPF') with no record of a "
                    "certification check"
                )
            else:
                reason = f"importer {party.id} is not recorded as covered"
        yield ctx.finding(
            site.owner,
            site.path,
            legal_refs=(ref("45", 1), LegalRef("1", instrument=decision.decision)),
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
    legal_refs=(ref("45", 1),),
    message="{entity}: transfer to {destination} relies on partial adequacy ({scope}), but {reason}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
