"""EXM-002 exemption-ruleset-not-in-force: the exemption was assessed against a rule set not in force.

## What it does
Reports ``register.exemption_ruleset`` when it names a version of the Art. 30(5) test that is not the
one in force on the day of the check, according to the versioned data file ``ropa/data/exemption.json``:

- ``gdpr-2016``: the GDPR text, 250 employees, in force since 25 May 2018;
- ``omnibus-iv-2025``: the Commission's "Omnibus IV" proposal of 21 May 2025 (750 employees and a
  high-risk test), recorded as a *proposal*, not law.

A rule set that is a proposal, that enters into force only later, that a newer rule set has replaced, or
that the data file does not know (ids are compared case-insensitively) is reported. A register without
``exemption_ruleset`` is not reported.

## Why is this bad?
An exemption assessed against a proposal (for instance the 750-employee threshold before it is adopted)
leaves activities out of the record that the law in force requires in it.

## Example
```yaml
register:
  exemption_ruleset: omnibus-iv-2025
```

## Use instead
```yaml
register:
  exemption_ruleset: gdpr-2016
```

## References
- Art. 30(5) GDPR
- EDPB–EDPS Joint Opinion on the proposal amending Art. 30(5) ("Omnibus IV"), 9 July 2025
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law.exemption import current_ruleset, rulesets
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    meta = ctx.register.meta
    if meta is None or meta.exemption_ruleset is None or not meta.exemption_ruleset.strip():
        return
    name = meta.exemption_ruleset.strip()
    known = {key.casefold(): value for key, value in rulesets().items()}
    ruleset = known.get(name.casefold())
    current = current_ruleset(ctx.today)
    current_id = current.id if current is not None else "the rule set in force"
    if ruleset is None:
        problem = f"is not a known rule set (known: {', '.join(sorted(rulesets()))})"
    elif ruleset.status != "in-force" or ruleset.in_force_from is None:
        problem = f"is a {ruleset.status}, not law in force"
    elif ruleset.in_force_from > ctx.today:
        problem = f"enters into force only on {ruleset.in_force_from.isoformat()}"
    elif current is not None and current.id != ruleset.id:
        problem = f"was replaced by '{current.id}'"
    else:
        return
    yield ctx.finding(meta, "/exemption_ruleset", ruleset=name, problem=problem, current=current_id)


RULE = Rule(
    code="EXM-002",
    name="exemption-ruleset-not-in-force",
    summary="The Art. 30(5) exemption was assessed against a rule set that is not the law in force.",
    severity=Severity.WARNING,
    legal_refs=(ref("30", 5),),
    message="{entity}: exemption rule set '{ruleset}' {problem}",
    hint="Re-assess the Art. 30(5) exemption under the law in force and set 'exemption_ruleset: {current}'.",
    check=check,
    doc=__doc__ or "",
)
