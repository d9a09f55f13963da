"""What activities refer to by id: the security measures (Art. 30(1)(g), 32), the categories of data
subjects and of personal data (Art. 30(1)(c))."""

from __future__ import annotations

from ropa.export.spec import Column, Context, Table
from ropa.models import DataCategory, DataSubjectCategory, SecurityMeasure
from ropa.models.vocab import MeasureKind, SpecialCategory, VulnerableGroup

__all__ = ["DATA_CATEGORIES", "DATA_SUBJECTS", "SECURITY_MEASURES"]


def _art32(point: str, ctx: Context) -> str:
    key = f"art32.{point.strip().strip('()').lower()}"
    try:
        return ctx.t(key)
    except KeyError:
        return point


SECURITY_MEASURES = Table[SecurityMeasure](
    key="security_measures",
    columns=(
        Column("id", lambda m, c: m.id, width=20),
        Column("measure", lambda m, c: m.description, art30="30(1)(g)", width=50),
        Column("kind", lambda m, c: m.kind, kind="enum", enum=MeasureKind, width=16),
        Column(
            "art32",
            lambda m, c: None if m.art32 is None else [_art32(p, c) for p in m.art32],
            multi=True,
            width=40,
        ),
        Column("activity_count", lambda m, c: c.index.measure_use.get(m.id, 0), kind="number", width=14),
        Column(
            "inherited_count", lambda m, c: c.index.measure_inherited.get(m.id, 0), kind="number", width=14
        ),
    ),
    rows=lambda ctx: ctx.register.security_measures or (),
    count=lambda ctx: len(ctx.register.security_measures or ()),
)

DATA_CATEGORIES = Table[DataCategory](
    key="data_categories",
    columns=(
        Column("id", lambda d, c: d.id, width=20),
        Column("data_category", lambda d, c: d.name, art30="30(1)(c)", required=True, width=30),
        Column("description", lambda d, c: d.description, width=50),
        Column("special", lambda d, c: d.special, kind="enum", enum=SpecialCategory, width=26),
        Column("criminal_flag", lambda d, c: d.criminal, kind="bool", width=14),
        Column("national_id", lambda d, c: d.national_id, kind="bool", width=14),
        Column("bookkeeping", lambda d, c: d.bookkeeping, kind="bool", width=14),
    ),
    rows=lambda ctx: ctx.register.data_categories or (),
    count=lambda ctx: len(ctx.register.data_categories or ()),
)

DATA_SUBJECTS = Table[DataSubjectCategory](
    key="data_subjects",
    columns=(
        Column("id", lambda s, c: s.id, width=20),
        Column("data_subject_category", lambda s, c: s.name, art30="30(1)(c)", required=True, width=30),
        Column("description", lambda s, c: s.description, width=50),
        Column("vulnerable", lambda s, c: s.vulnerable, kind="enum", enum=VulnerableGroup, width=24),
    ),
    rows=lambda ctx: ctx.register.data_subjects or (),
    count=lambda ctx: len(ctx.register.data_subjects or ()),
)
