"""REC-004 non-eea-recipient-without-transfer: a recipient outside the EEA has no matching transfer.

## What it does
Reports each recipient of an activity whose party has a ``country`` outside the European Economic Area
when the activity records no transfer to that party (``transfers[].recipient``) and none to that
country. Each party is reported once per activity. Recipients without a country, or not defined
(REC-001), are not checked.

## Why is this bad?
Disclosing data to a recipient in a third country is a transfer (Art. 44): the record must identify the
country and the transfer mechanism (Art. 30(1)(e)). A recipient abroad without a transfer entry means
Art. 30(1)(d) and (e) disagree, and the Chapter V checks never see the transfer.

## Example
```yaml
parties:
  - id: helpdesk
    name: Helpdesk Inc.
    role: processor
    country: US
activities:
  - id: support
    name: Customer support
    recipients:
      - helpdesk
```

## Use instead
```yaml
parties:
  - id: helpdesk
    name: Helpdesk Inc.
    role: processor
    country: US
activities:
  - id: support
    name: Customer support
    recipients:
      - helpdesk
    transfers:
      - country: US
        recipient: helpdesk
        mechanism: scc
        scc_module: 2
        tia: TIA-2026-04
```

## References
- Art. 30(1)(d), 30(1)(e), 44 GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa._data import eea_countries
from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    eea = eea_countries()
    parties = ctx.party_by_id
    for activity in ctx.activities:
        if not activity.recipients:
            continue
        importers = {t.recipient for t in activity.transfers or () if t.recipient}
        countries = {t.country for t in activity.transfers or () if t.country}
        seen: set[str] = set()
        for index, recipient in enumerate(activity.recipients):
            party = parties.get(recipient.party) if recipient.party is not None else None
            if party is None or party.id in seen or party.country is None or party.country in eea:
                continue
            seen.add(party.id)
            if party.id in importers or party.country in countries:
                continue
            yield ctx.finding(activity, f"/recipients/{index}", party=party.id, country=party.country)


RULE = Rule(
    code="REC-004",
    name="non-eea-recipient-without-transfer",
    summary="A recipient located outside the EEA has no matching transfer entry on the activity.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "d"), ref("30", 1, "e"), ref("44")),
    message="{entity}: recipient {party} is in {country}, outside the EEA, but no transfer to it is recorded",
    hint=(
        "Add the transfer under 'transfers:' ('country: {country}', 'recipient: {party}' and its "
        "'mechanism:'), or correct the party's country."
    ),
    check=check,
    doc=__doc__ or "",
)
