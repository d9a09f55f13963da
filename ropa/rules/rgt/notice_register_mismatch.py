"""RGT-005 notice-register-mismatch: the privacy notice and the register disagree.

## What it does
Compares what an activity's ``notice`` says the privacy notice states with the register itself:

- recipients: a party the notice names that is not among the activity's ``recipients``, and a recipient
  the notice does not name (internal departments excepted);
- transfers: a third country the notice names that no transfer goes to, and a transfer to a country
  outside the EEA the notice does not name;
- retention: a period the notice states that no retention rule has, and a rule's ``duration`` the
  notice does not state. Periods are compared as calendar periods (``P12M`` equals ``P1Y``); a period
  in the notice that is not an ISO 8601 duration is reported as such.

A side is compared only when both the notice and the register state it.

## Why is this bad?
The notice tells data subjects who receives their data (Art. 13(1)(e)), where it is transferred
(Art. 13(1)(f)) and how long it is kept (Art. 13(2)(a)). When it says something else than the register,
one of the two is wrong, and the controller cannot show transparency (Art. 5(1)(a), 5(2)).

## Example
```yaml
parties:
  - id: postnl
    name: PostNL
    role: processor
  - id: mailchimp
    name: Mailchimp
    role: processor
activities:
  - id: orders
    name: Order handling
    recipients: [postnl]
    notice:
      url: https://example.nl/privacy#orders
      recipients: [postnl, mailchimp]
```

## Use instead
```yaml
parties:
  - id: postnl
    name: PostNL
    role: processor
activities:
  - id: orders
    name: Order handling
    recipients: [postnl]
    notice:
      url: https://example.nl/privacy#orders
      recipients: [postnl]
```

## References
- Art. 5(1)(a), 13(1)(e)–(f), 13(2)(a) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.publishing.compare import compare_activity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    # The comparison itself is a library function (ropa.compare_notice), shared with `ropa notice`.
    for activity in ctx.activities:
        if activity.notice is not None:
            for found in compare_activity(activity, activity.notice, ctx.party_by_id):
                yield ctx.finding(activity, found.path, problem=found.problem)


RULE = Rule(
    code="RGT-005",
    name="notice-register-mismatch",
    summary="Recipients, transfers or retention periods in the privacy notice disagree with the register.",
    severity=Severity.WARNING,
    legal_refs=(ref("13", 1, "e"), ref("13", 1, "f"), ref("13", 2, "a"), ref("5", 1, "a")),
    message="{entity}: privacy notice and register disagree: {problem}",
    hint="Correct whichever is wrong, the privacy notice or the register, so that both say the same.",
    check=check,
    doc=__doc__ or "",
)
