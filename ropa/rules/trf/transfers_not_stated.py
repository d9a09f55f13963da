"""TRF-012 transfers-not-stated: an entry does not say whether data are transferred outside the EEA.

## What it does
Reports each activity and each processor activity that leaves ``transfers`` out. ``transfers: []``
states that there are none and is not reported. An activity that discloses data to a recipient in a third
country without recording the transfer is REC-004's (an error), and is not reported again here.

The severity depends on what the register shows:

- **warning** when the register itself shows that the data reach a party in a third country other than
  as a direct recipient: a sub-processor (at any depth) of one of the activity's recipients, or of a
  processor activity; or a party that runs one of the activity's ``systems`` or its
  ``storage_location`` (the text names the party by its id or its full name), or a sub-processor of that
  party. Each is an (onward) transfer the record must identify (Art. 30(1)(e), 44); the message names
  the party and how the data reach it. This is REC-004's reasoning one step further down the chain, at a
  lower severity because the transfer may be recorded by the processor's own safeguards (SCC module 3)
  and the register only shows that it is likely;
- **info** otherwise: Art. 30(1)(e) and 30(2)(c) ask for transfers only "where applicable", so a record
  without transfers is complete when there are none. Saying so (``transfers: []``) shows the question was
  asked; the templates of the supervisory authorities have a transfers column for that reason.

What a service does with the data beyond what the register records is not known to ropa: a system
named "WhatsApp Business" run by a party recorded in Ireland gives the info, not the warning, until the
register records the party that processes the data in the United States (for instance as a
sub-processor).

## Why is this bad?
Transfers to a third country or an international organisation must be identified in the record
(Art. 30(1)(e), 30(2)(c)), with the safeguards of Chapter V. Left out, the register cannot tell a shop
whose data stay in the EEA from one that never checked where its processors host them.

## Example
```yaml
activities:
  - id: orders
    name: Order handling
```

## Use instead
```yaml
activities:
  - id: orders
    name: Order handling
    transfers: []
```

## References
- Art. 30(1)(e), 30(2)(c) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import AbroadLink, indirect_third_country_links, is_third_country
from ropa.models import Activity, ProcessorActivity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref

_LIMIT = 3


def _recipient_abroad(ctx: RuleContext, activity: Activity) -> bool:
    """True when REC-004 reports the activity: a recipient in a third country, and no transfers at all."""
    parties = ctx.party_by_id
    for recipient in activity.recipients or ():
        party = parties.get(recipient.party) if recipient.party is not None else None
        country = party.country if party is not None else recipient.country
        if country is not None and is_third_country(country, ctx.today):
            return True
    return False


def _via(link: AbroadLink) -> str:
    if link.above is not None and link.system is not None:
        return f"sub-processor of {link.above.id}, which runs system '{link.system}'"
    if link.above is not None:
        return f"sub-processor of {link.above.id}"
    if link.system is not None:
        return f"system '{link.system}'"
    return "sub-processor"


def check(ctx: RuleContext) -> Iterator[Finding]:
    entries: tuple[Activity | ProcessorActivity, ...] = (*ctx.activities, *ctx.processor_activities)
    for entry in entries:
        if entry.transfers is not None:
            continue
        if isinstance(entry, Activity) and _recipient_abroad(ctx, entry):
            continue
        links = indirect_third_country_links(entry, ctx.party_index, ctx.today)
        if not links:
            yield ctx.finding(entry, why="")
            continue
        shown = [f"{link.party.id} in {link.party.country} ({_via(link)})" for link in links[:_LIMIT]]
        if len(links) > _LIMIT:
            shown.append(f"{len(links) - _LIMIT} more")
        yield ctx.finding(
            entry,
            severity=Severity.WARNING,
            why=f", although its data reach {'; '.join(shown)}, outside the EEA",
        )


RULE = Rule(
    code="TRF-012",
    name="transfers-not-stated",
    summary="An activity or processor activity does not say whether data leave the EEA.",
    severity=Severity.INFO,
    legal_refs=(ref("30", 1, "e"), ref("30", 2, "c")),
    message="{entity}: transfers to third countries are not stated{why}",
    hint=(
        "Add 'transfers:' with each transfer to a third country or international organisation, or "
        "'transfers: []' if the data stay in the EEA (check where processors and their sub-processors host "
        "them)."
    ),
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    processor_record=True,
    led=(led_ref("24", 1), led_ref("24", 2)),
)
