"""REC-002 recipient-without-role: a party has no role.

## What it does
Reports each party under ``parties`` that has no ``role``: ``processor``, ``controller``,
``joint-controller``, ``public-authority`` or ``internal``. One finding per party, at the party, naming the
activities that disclose data to it (as recipient or transfer importer); the references themselves are not
reported again. Categories of recipients (``recipients: [{category: ...}]``) are not parties and are not
checked: their ``role`` is optional.

## Why is this bad?
What the register must show about a recipient depends on its role (Art. 4(7)–(10)): a processor needs an
Art. 28 contract, a joint controller an Art. 26 arrangement, and the SCC module of a transfer follows the
importer's role. EDPB Guidelines 07/2020 stress that the role follows from the facts and must be
assessed for each party. Without it, none of these checks can run.

## Example
```yaml
parties:
  - id: postnl
    name: PostNL
```

## Use instead
```yaml
parties:
  - id: postnl
    name: PostNL
    role: controller
```

## References
- Art. 4(7), 4(8), 4(9), 4(10) GDPR
- EDPB Guidelines 07/2020 on the concepts of controller and processor in the GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def _uses(names: list[str], limit: int = 3) -> str:
    if not names:
        return ""
    shown = ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")
    noun = "activity" if len(names) == 1 else "activities"
    return f"; it receives data in {noun} {shown}"


def check(ctx: RuleContext) -> Iterator[Finding]:
    by_party = ctx.activities_by_party
    for party in ctx.parties:
        if party.role is None:
            uses = [activity.id for activity in by_party.get(party.id, ())]
            yield ctx.finding(party, uses=_uses(list(dict.fromkeys(uses))))


RULE = Rule(
    code="REC-002",
    name="recipient-without-role",
    summary="A party has no role (processor, controller, joint controller, public authority, internal).",
    severity=Severity.WARNING,
    legal_refs=(ref("4", 7), ref("4", 8), ref("4", 9), ref("4", 10)),
    message="{entity}: has no role{uses}",
    hint="Add 'role:' with processor, controller, joint-controller, public-authority or internal.",
    check=check,
    doc=__doc__ or "",
)
