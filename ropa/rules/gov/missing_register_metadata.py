"""GOV-002 missing-register-metadata: the register does not say which version it is or when it was updated.

## What it does
Reports a register without a ``register:`` block, and a ``register:`` block without ``version`` or
``last_updated``. A missing block is reported at the organisation, when there is one.

## Why is this bad?
The controller must make the record available to the supervisory authority on request (Art. 30(4)) and
be able to show it is kept up to date (Art. 5(2)). An auditor asks first which version they are looking
at and how current it is; the CNIL's model record has both on every sheet.

## Example
```yaml
register:
  title: Register of processing activities
```

## Use instead
```yaml
register:
  title: Register of processing activities
  version: "2026.1"
  last_updated: 2026-01-15
```

## References
- Art. 5(2), 30(4) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    meta = ctx.register.meta
    if meta is None:
        problem = "has no 'register:' block with its version and last_updated date"
        yield Finding(ctx.register.organisation, "", {"entity": "the register", "problem": problem})
        return
    missing = [
        name for name, value in (("version", meta.version), ("last_updated", meta.last_updated)) if not value
    ]
    if missing:
        yield ctx.finding(meta, problem=f"no {' and no '.join(missing)} recorded")


RULE = Rule(
    code="GOV-002",
    name="missing-register-metadata",
    summary="The register records no version or last-updated date.",
    severity=Severity.INFO,
    legal_refs=(ref("30", 4), ref("5", 2)),
    message="{entity}: {problem}",
    hint="Add a 'register:' block with 'version:' and 'last_updated:' (YYYY-MM-DD); update both on changes.",
    check=check,
    doc=__doc__ or "",
)
