"""Generate ``docs/register-fields.md``: every field of every register model, from the models themselves."""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ropa.models import (
    Activity,
    Art9Basis,
    Art10Basis,
    Art49Documentation,
    AuthorityDisclosure,
    AutomatedDecisions,
    Consent,
    Contact,
    CountryCode,
    DataCategory,
    DataSource,
    DataSubjectCategory,
    Dpf,
    Dpia,
    Dpo,
    Id,
    NoticeStatement,
    Organisation,
    Party,
    ProcessingAgreement,
    ProcessorActivity,
    Purpose,
    Recipient,
    RegisterMeta,
    RequestHandling,
    RetentionRule,
    SecurityMeasure,
    SpecificMeasure,
    Suppression,
    Transfer,
    field_docs,
)

__all__ = ["MODELS", "render"]

MODELS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("register", RegisterMeta),
    ("organisation", Organisation),
    ("organisation.dpo", Dpo),
    ("organisation.request_handling", RequestHandling),
    ("contact (organisation.contact, privacy_contact, representative, party.contact, ...)", Contact),
    ("security_measures[]", SecurityMeasure),
    ("data_subjects[]", DataSubjectCategory),
    ("data_categories[]", DataCategory),
    ("parties[]", Party),
    ("parties[].agreement", ProcessingAgreement),
    ("parties[].dpf", Dpf),
    ("activities[] (or activity: in a file of its own)", Activity),
    ("activities[].purposes[]", Purpose),
    ("activities[].purposes[].consent", Consent),
    ("activities[].art9[]", Art9Basis),
    ("activities[].art10", Art10Basis),
    ("activities[].sources[]", DataSource),
    ("activities[].recipients[]", Recipient),
    ("activities[].authority_disclosures[]", AuthorityDisclosure),
    ("activities[].transfers[]", Transfer),
    ("activities[].transfers[].documentation", Art49Documentation),
    ("activities[].retention[]", RetentionRule),
    ("activities[].specific_measures[]", SpecificMeasure),
    ("activities[].dpia", Dpia),
    ("activities[].automated_decisions", AutomatedDecisions),
    ("activities[].notice", NoticeStatement),
    ("processor_activities[]", ProcessorActivity),
    ("suppress[] (on any entity)", Suppression),
)


def _type(annotation: Any) -> str:
    if annotation == CountryCode:
        return "country code (ISO 3166-1 alpha-2)"
    if annotation == Id:
        return "id"
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        parts = [_type(a) for a in args if a is not type(None)]
        return " or ".join(parts)
    if origin is typing.Annotated:
        return _type(args[0])
    if origin in (list, tuple):  # a tuple field is a list in the register files
        return f"list of {_type(args[0])}"
    if isinstance(origin, type) and issubclass(origin, Mapping):
        return "mapping of text"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "one of " + ", ".join(f"`{m.value}`" for m in annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"{annotation.__name__} (below)"
    name = getattr(annotation, "__name__", str(annotation))
    return {"str": "text", "int": "whole number", "bool": "true/false", "date": "date (YYYY-MM-DD)"}.get(
        name, name
    )


def render() -> str:
    """The Markdown reference of every field."""
    lines = [
        "# Register fields",
        "",
        "Every field of every entity, generated from the models (`python -m ropa._fielddocs`).",
        "Every field is optional unless marked *required*: leaving a field out means *not stated*;",
        "an empty list means *none*. The rules, not the loader, report what is missing.",
        "",
    ]
    for title, model in MODELS:
        lines += [
            f"## {title}",
            "",
            (model.__doc__ or "").strip().splitlines()[0],
            "",
            "| Field | Type | Meaning |",
        ]
        lines.append("|---|---|---|")
        docs = field_docs(model)
        for name, info in model.model_fields.items():
            key = info.alias or name
            required = " *required*" if info.is_required() else ""
            description = docs.get(name, "").replace("\n", " ").replace("|", "\\|")
            lines.append(f"| `{key}`{required} | {_type(info.annotation)} | {description} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - developer tool
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/register-fields.md")
    target.write_text(render(), encoding="utf-8")
