"""REC-004 non-eea-recipient-without-transfer: a recipient outside the EEA has no matching transfer.

## What it does
Reports each recipient of an activity that is in a third country on the check date (``--today``): a party
whose ``country`` is outside the European Economic Area, or a category of recipients (``category:``) with
such a ``country``, when the activity records no transfer to that party (``transfers[].recipient``) and
none to that country. Each party or category is reported once per activity. Recipients without a country,
or not defined (REC-001), are not checked. What counts as a third country, and when, is :mod:`ropa.law`'s
(the United Kingdom was none before its adequacy decision of 28 June 2021).

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

from ropa.diagnostics import Severity
from ropa.law import is_third_country
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    parties = ctx.party_by_id
    for activity in ctx.activities:
        if not activity.recipients:
            continue
        importers = {t.recipient for t in activity.transfers or () if t.recipient}
        countries = {t.country for t in activity.transfers or () if t.country}
        seen: set[str] = set()
        for index, recipient in enumerate(activity.recipients):
            if recipient.party is not None:
                party = parties.get(recipient.party)
                if party is None:
                    continue
                name, country, key = f"recipient {party.id}", party.country, party.id
            else:
                name, country, key = f"recipient category '{recipient.category}'", recipient.country, ""
            if country is None or not is_third_country(country, ctx.today) or (key and key in seen):
                continue
            if key:
                seen.add(key)
            if key in importers or country in countries:
                continue
            fix = f"'country: {country}', 'recipient: {key}'" if key else f"'country: {country}'"
            yield ctx.finding(activity, f"/recipients/{index}", name=name, country=country, fix=fix)


RULE = Rule(
    code="REC-004",
    name="non-eea-recipient-without-transfer",
    summary="A recipient located outside the EEA has no matching transfer entry on the activity.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "d"), ref("30", 1, "e"), ref("44")),
    message="{entity}: {name} is in {country}, outside the EEA, but no transfer to it is recorded",
    hint=(
        "Add the transfer under 'transfers:' ({fix} and its 'mechanism:'), or correct the recipient's "
        "country."
    ),
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("24", 1), led_ref("35", 1)),
)
