"""GOV-005 unsupported-schema-version: the register is written for a format version ropa does not support.

## What it does
Reports ``register.schema_version`` when it is not the version of the register format this release of
ropa reads and writes (``ropa.models.SCHEMA_VERSION``, currently 1).

## Why is this bad?
The record must be kept in writing, including in electronic form, and be made available to the
supervisory authority on request (Art. 30(3)–(4)). A register in a format version the tool does not know
may be read wrongly or exported incompletely.

## Example
```yaml
register:
  schema_version: 7
```

## Use instead
```yaml
register:
  schema_version: 1
```

## References
- Art. 30(3), 30(4) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import SCHEMA_VERSION
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    meta = ctx.register.meta
    if meta is not None and meta.schema_version != SCHEMA_VERSION:
        yield ctx.finding(meta, "/schema_version", version=meta.schema_version, supported=SCHEMA_VERSION)


RULE = Rule(
    code="GOV-005",
    name="unsupported-schema-version",
    summary="The register's schema_version is not supported by this release of ropa.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 3), ref("30", 4)),
    message="{entity}: schema_version {version} is not supported; this ropa reads version {supported}",
    hint="Set 'schema_version: {supported}', or use the ropa release that reads version {version}.",
    check=check,
    doc=__doc__ or "",
)
