"""Retention (Art. 30(1)(f)): one row per retention rule and data category (the AP asks per category).

A rule without ``data_categories`` applies to each of the activity's categories."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ropa.export.retention_text import duration_text, retention_text
from ropa.export.spec import Column, Context, Table, Value
from ropa.models import Activity, RetentionRule
from ropa.models.vocab import RetentionAction, RetentionAnchor, RetentionKind

__all__ = ["RETENTION", "RetentionRow"]


@dataclass(frozen=True, slots=True)
class RetentionRow:
    """One retention rule applied to one data category (``None``: the rule names none and neither does
    the activity)."""

    activity: Activity
    rule: RetentionRule
    category: str | None


def _rule_categories(a: Activity, rule: RetentionRule) -> Sequence[str | None]:
    return rule.data_categories or a.data_categories or (None,)


def _retention_rows(ctx: Context) -> Iterator[RetentionRow]:
    for a in ctx.register.activities or ():
        for rule in a.retention or ():
            for category in _rule_categories(a, rule):
                yield RetentionRow(a, rule, category)


def _retention_count(ctx: Context) -> int:
    return sum(len(_rule_categories(a, r)) for a in ctx.register.activities or () for r in a.retention or ())


def _category(row: RetentionRow, ctx: Context) -> Value:
    return ctx.index.category_name(row.category) if row.category else ctx.t("ui.all_categories")


def _rule(attr: str) -> Callable[[RetentionRow, Context], Value]:
    def get(row: RetentionRow, ctx: Context) -> Value:
        value: Value = getattr(row.rule, attr)
        return value

    return get


def _rule_duration(attr: str) -> Callable[[RetentionRow, Context], Value]:
    def get(row: RetentionRow, ctx: Context) -> Value:
        value: str | None = getattr(row.rule, attr)
        return duration_text(value, ctx.lang) if value else None

    return get


RETENTION = Table[RetentionRow](
    key="retention",
    columns=(
        Column("activity_id", lambda r, c: r.activity.id, width=20),
        Column("activity", lambda r, c: r.activity.name, width=30),
        Column("data_category", _category, art30="30(1)(f)", width=30),
        Column("period", lambda r, c: retention_text(r.rule, c.lang), art30="30(1)(f)", width=40),
        Column("kind", _rule("kind"), kind="enum", enum=RetentionKind, width=18),
        Column("duration", _rule("duration"), width=12),
        Column("anchor", _rule("anchor"), kind="enum", enum=RetentionAnchor, width=24),
        Column("anchor_description", _rule("anchor_description"), width=30),
        Column("until", _rule("until"), kind="date", width=12),
        Column("legal_reference", _rule("legal_reference"), width=30),
        Column("criteria", _rule("criteria"), width=40),
        Column("review_period", _rule_duration("review_period"), width=20),
        Column("inactivity_fallback", _rule_duration("inactivity_fallback"), width=20),
        Column("action", _rule("action"), kind="enum", enum=RetentionAction, width=24),
        Column("justification", _rule("justification"), width=30),
        Column("backups", _rule("backups"), width=30),
        Column("rule_text", _rule("description"), width=40),
    ),
    rows=_retention_rows,
    count=_retention_count,
    detail=True,
)
