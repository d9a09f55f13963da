"""ORG-004 dpo-likely-mandatory: the register shows a DPO is likely mandatory, but none is designated.

## What it does
Reports the organisation once when it has no ``dpo`` block, or one with ``designated: false``, while the
register shows one of the Art. 37(1) cases:

- ``organisation.public_authority`` is true (Art. 37(1)(a));
- an activity with ``core_activity``, ``large_scale`` and ``systematic_monitoring`` all true
  (Art. 37(1)(b));
- an activity with ``core_activity`` and ``large_scale`` true that processes special-category or criminal
  data, in any way the register says so (a data category with ``special``, ``criminal: true`` or a DPV IRI
  under an Art. 9(1) concept or ``pd:Criminal``, ``special_categories: true``, an ``art9`` condition or an
  ``art10`` block; see :mod:`ropa.law`) (Art. 37(1)(c));
- an activity under the Law Enforcement Directive (``regime: led``): Art. 32(1) of Directive (EU)
  2016/680 requires every competent authority to designate a DPO (courts acting in their judicial
  capacity may be exempted by national law).

The message names the first reason and how many more there are. Flags that are not stated count as false.

## Why is this bad?
In these cases Art. 37(1) requires a data protection officer, whose name and contact details then belong
in the record (Art. 30(1)(a)). "Likely": whether processing is "large scale" and "core" is a judgement
the register records, not one ropa makes; suppress the finding with a justification if it does not apply.

## Example
```yaml
organisation:
  name: Gemeente Voorbeeld
  public_authority: true
```

## Use instead
```yaml
organisation:
  name: Gemeente Voorbeeld
  public_authority: true
  dpo:
    designated: true
    contact:
      name: Functionaris gegevensbescherming
      email: fg@voorbeeld.nl
```

## References
- Art. 37(1)(a)–(c), 30(1)(a) GDPR
- Art. 32(1) Directive (EU) 2016/680 (Law Enforcement Directive)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.org._dpo import dpo_triggers, led_activities


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    if org is None or (org.dpo is not None and org.dpo.designated):
        return
    reasons = dpo_triggers(ctx)
    if not reasons:
        return
    reason = reasons[0] if len(reasons) == 1 else f"{reasons[0]}, and {len(reasons) - 1} more"
    refs = (*RULE.legal_refs, led_ref("32", 1)) if led_activities(ctx) else None
    yield ctx.finding(org, "/dpo" if org.dpo is not None else "", legal_refs=refs, reason=reason)


RULE = Rule(
    code="ORG-004",
    name="dpo-likely-mandatory",
    summary="A DPO is likely mandatory under Art. 37(1), but none is designated.",
    severity=Severity.ERROR,
    legal_refs=(ref("37", 1, "a"), ref("37", 1, "b"), ref("37", 1, "c")),
    message="{entity}: a DPO is likely mandatory ({reason}), but none is designated",
    hint="Designate a DPO and record 'dpo:' with 'designated: true' and contact details, or correct the "
    "flags (public_authority, core_activity, large_scale, ...) that make it mandatory.",
    check=check,
    doc=__doc__ or "",
)
