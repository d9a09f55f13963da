"""Codes of the structural diagnostics produced while loading (not rules: they cannot be suppressed)."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["STRUCTURAL", "StructuralCode"]


class StructuralCode(NamedTuple):
    """Name and summary of a structural diagnostic code."""

    name: str
    summary: str


STRUCTURAL: dict[str, StructuralCode] = {
    "SYN-001": StructuralCode("yaml-syntax-error", "The file is not valid YAML."),
    "SYN-002": StructuralCode("duplicate-key", "A key appears twice in one mapping."),
    "SYN-003": StructuralCode("forbidden-tag", "A YAML tag such as !!python/object is used."),
    "SYN-004": StructuralCode("unsafe-alias", "Merge keys, recursive aliases or alias bombs."),
    "SYN-005": StructuralCode("multiple-documents", "A file holds more than one YAML document."),
    "SYN-006": StructuralCode("bad-encoding", "The file is not UTF-8 text."),
    "SYN-007": StructuralCode("too-deep", "The document is nested too deeply or is too large."),
    "SYN-008": StructuralCode("non-text-key", "A mapping key is not text."),
    "STR-001": StructuralCode("bad-document-shape", "The document is not a mapping of register kinds."),
    "STR-002": StructuralCode("unknown-field", "A key is not a field of the entity."),
    "STR-003": StructuralCode("wrong-type", "A value has the wrong type."),
    "STR-004": StructuralCode("missing-field", "A required field (id, name, ...) is missing."),
    "STR-005": StructuralCode("invalid-value", "A value is not allowed (code, country, date, ...)."),
    "STR-006": StructuralCode("duplicate-singleton", "organisation or register is defined twice."),
    "IO-001": StructuralCode("unreadable", "A file or folder cannot be read."),
    "IO-002": StructuralCode("no-register-files", "The folder holds no YAML files."),
    "IO-003": StructuralCode("file-too-large", "A register file is larger than the limit and was not read."),
}
