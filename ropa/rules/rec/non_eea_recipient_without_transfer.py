"""REC-004 non-eea-recipient-without-transfer: a recipient outside the EEA has no matching transfer.

## What it does
Reports each recipient of an activity that is in a third country on the check date (``--today``): a party
whose ``country`` is outside the European Economic Area, or a category of recipients (``category:``) with
such a ``country``, when the activity records no transfer to that party (``transfers[].recipient``) and
none to that country. Each party or category is reported once per activity. Recipients without a country,
or not defined (REC-001), are not checked. What counts as a third country, and when, is :mod:`ropa.law`'s
(the United Kingdom was none before its adequacy decision of 28 June 2021).

In the processor's record (Art. 30(2)) the same holds for each entry's ``sub_processors``: a sub-processor
in a third country to which the entry records no transfer (no ``transfers[].recipient`` naming it, none to
its country) is reported on the entry, citing Art. 30(2)(c): engaging a sub-processor abroad is a transfer
by the processor (Art. 44 applies to processors too).

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
- Art. 30(2)(c), 44 GDPR (the processor's record)
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
    yield from _sub_processors(ctx)


def _sub_processors(ctx: RuleContext) -> Iterator[Finding]:
    """Art. 30(2)(c): each processor entry's sub-processors in a third country with no transfer to them."""
    parties = ctx.party_by_id
    for entry in ctx.processor_activities:
        importers = {t.recipient for t in entry.transfers or () if t.recipient}
        countries = {t.country for t in entry.transfers or () if t.country}
        seen: set[str] = set()
        for index, party_id in enumerate(entry.sub_processors or ()):
            party = parties.get(party_id)
            if party is None or party.country is None or not is_third_country(party.country, ctx.today):
                continue
            if party.id in seen or party.id in importers or party.country in countries:
                continue
            seen.add(party.id)
            yield ctx.finding(
                entry,
                f"/sub_processors/{index}",
                legal_refs=_PROCESSOR_REFS,
                name=f"sub-processor {party.id}",
                country=party.country,
                fix=f"'country: {party.country}', 'recipient: {party.id}'",
            )


_PROCESSOR_REFS = (ref("30", 2, "c"), ref("44"))


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
