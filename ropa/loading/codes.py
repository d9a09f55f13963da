"""Codes of the structural diagnostics produced while loading (not rules: they cannot be suppressed)."""

from __future__ import annotations

from typing import NamedTuple

from ropa.diagnostics import Severity, Template

__all__ = ["MESSAGES", "STRUCTURAL", "MessageSpec", "StructuralCode", "render"]


class StructuralCode(NamedTuple):
    """Name, summary and default severity of a structural diagnostic code."""

    name: str
    summary: str
    severity: Severity = Severity.ERROR


STRUCTURAL: dict[str, StructuralCode] = {
    "SYN-001": StructuralCode("yaml-syntax-error", "The file is not valid YAML."),
    "SYN-002": StructuralCode("duplicate-key", "A key appears twice in one mapping."),
    "SYN-003": StructuralCode("forbidden-tag", "A YAML tag such as !!python/object is used."),
    "SYN-004": StructuralCode("unsafe-alias", "Merge keys, recursive aliases or alias bombs."),
    "SYN-005": StructuralCode("multiple-documents", "A file holds more than one YAML document."),
    "SYN-006": StructuralCode("bad-encoding", "The file is not UTF-8 text."),
    "SYN-007": StructuralCode("too-deep", "The document is nested too deeply or is too large."),
    "SYN-008": StructuralCode("non-text-key", "A mapping key is not text."),
    "STR-001": StructuralCode(
        "bad-document-shape", "The document is empty or not a mapping of register kinds."
    ),
    "STR-002": StructuralCode("unknown-field", "A key is not a field of the entity."),
    "STR-003": StructuralCode("wrong-type", "A value has the wrong type."),
    "STR-004": StructuralCode("missing-field", "A required field (id, name, ...) is missing."),
    "STR-005": StructuralCode("invalid-value", "A value is not allowed (code, country, date, ...)."),
    "STR-006": StructuralCode("duplicate-singleton", "organisation or register is defined twice."),
    "STR-007": StructuralCode(
        "incomplete-register",
        "A file did not load: references to ids it may define, and the rules that need it, are not checked.",
        Severity.INFO,
    ),
    "STR-008": StructuralCode(
        "too-many-problems", "A file has more structural problems than are reported one by one."
    ),
    "IO-001": StructuralCode("unreadable", "A file or folder cannot be read."),
    "IO-002": StructuralCode("no-register-files", "The folder holds no YAML files."),
    "IO-003": StructuralCode("file-too-large", "A register file is larger than the limit and was not read."),
}


class MessageSpec(NamedTuple):
    """The English templates of one structural message: its code, message and hint (``str.format``)."""

    code: str
    message: str
    hint: str


MESSAGES: dict[str, MessageSpec] = {
    # Encoding.
    "SYN-006.utf16": MessageSpec(
        "SYN-006",
        "file is encoded as UTF-16 or UTF-32; register files must be UTF-8",
        "Save the file as UTF-8 (most editors: 'Save with encoding' > UTF-8).",
    ),
    "SYN-006.invalid-byte": MessageSpec(
        "SYN-006",
        "invalid UTF-8 byte {byte}",
        "Save the file as UTF-8; the byte may come from a Latin-1 or Windows-1252 editor.",
    ),
    "SYN-006.nul": MessageSpec(
        "SYN-006",
        "file contains a NUL character; it is probably not a text file",
        "Register files are YAML text; remove the binary content.",
    ),
    # YAML syntax.
    "SYN-001.character": MessageSpec(
        "SYN-001",
        "YAML syntax error: the character {char} is not allowed in a YAML file",
        "Remove the control character; it often comes from copying text out of another program.",
    ),
    "SYN-001.tab": MessageSpec(
        "SYN-001",
        "YAML syntax error: a tab is used for indentation or before a value, where YAML allows only spaces",
        "Replace the tab with spaces; YAML indents with spaces only.",
    ),
    "SYN-001.unclosed-quote": MessageSpec(
        "SYN-001",
        "YAML syntax error: the quoted text that starts here is not closed; the file ends at line {end_line} "
        "without a closing quote ({quote})",
        "Add the closing quote ({quote}) where the text ends, or remove the opening one.",
    ),
    "SYN-001.runaway-quote": MessageSpec(
        "SYN-001",
        "YAML syntax error: the quoted text that starts here runs on to line {end_line}, over lines that "
        "look like keys; is its closing quote ({quote}) missing? (the parser stopped at line {stop_line}, "
        "column {stop_column}: {detail})",
        "Close the quote on the line where the text ends, or escape the quote characters inside it.",
    ),
    "SYN-001.unclosed-bracket": MessageSpec(
        "SYN-001",
        "YAML syntax error: the '{bracket}' that opens here is not closed; the parser expected ',' or "
        "'{closer}' at line {stop_line}, column {stop_column}",
        "Add the closing '{closer}', or separate the items with commas.",
    ),
    "SYN-001.escape": MessageSpec(
        "SYN-001",
        "YAML syntax error: '\\{char}' does not start a valid escape sequence in double-quoted text",
        "Write the backslash twice ('\\\\'), or use single quotes, in which a backslash is an ordinary "
        "character.",
    ),
    "SYN-001.syntax": MessageSpec(
        "SYN-001",
        "YAML syntax error: {detail}",
        "Check the indentation, quotes and brackets around this position.",
    ),
    "SYN-005.documents": MessageSpec(
        "SYN-005",
        "file contains more than one YAML document",
        "Put each document in its own file; '---' separates documents.",
    ),
    "SYN-007.too-deep": MessageSpec(
        "SYN-007",
        "nesting deeper than {depth} levels",
        "A register needs only a few levels; check for runaway brackets or indentation.",
    ),
    "SYN-004.alias-bomb": MessageSpec(
        "SYN-004",
        "aliases expand to too much data (a 'billion laughs' document)",
        "Write the repeated content out, or use fewer nested aliases.",
    ),
    "SYN-004.recursive-alias": MessageSpec(
        "SYN-004",
        "an alias refers to a collection that contains it",
        "Recursive aliases cannot be represented; write the content out.",
    ),
    "SYN-004.merge-key": MessageSpec(
        "SYN-004",
        "merge keys ('<<') are not supported",
        "Write the merged keys out; YAML 1.2 has no merge keys.",
    ),
    "SYN-003.tag": MessageSpec(
        "SYN-003",
        "tag '{tag}' is not allowed",
        "Remove the tag; register files hold plain data only.",
    ),
    "SYN-003.scalar-tag": MessageSpec(
        "SYN-003",
        "tag '{tag}' is not allowed here",
        "Remove the tag; register files hold plain data only (no !!python/... or custom tags).",
    ),
    "SYN-002.duplicate-key": MessageSpec(
        "SYN-002",
        "duplicate key '{key}'",
        "Each key may appear once in a mapping; the first value is kept. Merge the two entries.",
    ),
    "SYN-008.key": MessageSpec(
        "SYN-008",
        "mapping key is not text (a list, a mapping or a tagged value)",
        "Use plain text keys such as 'name'.",
    ),
    # The shape of documents and entities.
    "STR-001.empty": MessageSpec(
        "STR-001", "file is empty", "Add register content, e.g. 'activities:', or delete the file."
    ),
    "STR-001.not-mapping": MessageSpec(
        "STR-001",
        "file holds {got}, not a mapping of register kinds",
        "Start the file with one of: {kinds}.",
    ),
    "STR-002.unknown-kind": MessageSpec(
        "STR-002", "unknown register kind '{key}'", "{suggestion}Known keys: {known}."
    ),
    "STR-002.unknown-field": MessageSpec(
        "STR-002", "unknown field '{field}' in {entity}", "{suggestion}Known keys: {known}."
    ),
    "STR-002.flow-comma": MessageSpec(
        "STR-002",
        "unknown field '{field}' in {entity}: inside {{ }} the comma ends the value of '{key}', and the text "
        "after it is read as a key",
        "Put the value in quotes: {key}: {value}",
    ),
    "STR-003.not-list": MessageSpec(
        "STR-003", "'{key}' must be a list, not {got}", "Write each entry as '- ...' under '{key}:'."
    ),
    "STR-003.entity-not-mapping": MessageSpec(
        "STR-003", "{entity} must be a mapping, not {got}", "Write the entity as 'key: value' lines."
    ),
    "STR-003.wrong-type": MessageSpec(
        "STR-003", "'{where}' in {entity} must be {want}, not {got}", "Write '{where}' as {want}."
    ),
    "STR-003.quoted-number": MessageSpec(
        "STR-003",
        "'{where}' in {entity} must be a whole number, not the text '{value}'",
        "Remove the quotes around {value}.",
    ),
    "STR-004.missing": MessageSpec(
        "STR-004", "{entity} lacks the required field '{where}'", "Add '{field}:' to {entity}."
    ),
    "STR-005.duplicate-id": MessageSpec(
        "STR-005", "{entity}: the id is already used in {other}", "Give every entity of a kind its own id."
    ),
    "STR-005.enum": MessageSpec(
        "STR-005", "'{where}' in {entity}: '{value}' is not an allowed value", "Use one of: {expected}."
    ),
    "STR-005.country": MessageSpec(
        "STR-005",
        "'{where}' in {entity}: '{value}' is not an ISO 3166-1 alpha-2 code{suggestion}",
        "Use an upper-case ISO 3166-1 alpha-2 code such as NL, DE or US (GB, not UK; GR, not EL).",
    ),
    "STR-005.id": MessageSpec(
        "STR-005",
        "'{where}' in {entity}: '{value}' is not a valid id",
        "Ids use letters, digits, '.', '_' and '-', start with a letter or digit, at most 100.",
    ),
    "STR-005.date": MessageSpec(
        "STR-005",
        "'{where}' in {entity}: '{value}' is not a valid date",
        "Write dates as YYYY-MM-DD and check that the day exists.",
    ),
    "STR-005.not-type": MessageSpec(
        "STR-005", "'{where}' in {entity}: '{value}' is not {want}", "Write '{where}' as {want}."
    ),
    "STR-005.at-least": MessageSpec(
        "STR-005",
        "'{where}' in {entity}: {value} is below the lowest allowed value, {limit}",
        "Use a value in the allowed range.",
    ),
    "STR-005.at-most": MessageSpec(
        "STR-005",
        "'{where}' in {entity}: {value} is above the highest allowed value, {limit}",
        "Use a value in the allowed range.",
    ),
    "STR-005.too-long": MessageSpec(
        "STR-005",
        "'{where}' in {entity} is longer than {limit} characters",
        "Shorten the text or move it to a linked document.",
    ),
    "STR-005.invalid": MessageSpec("STR-005", "'{where}' in {entity}: {detail}", "Correct the value."),
    "STR-006.singleton": MessageSpec(
        "STR-006", "'{kind}' is already defined in {other}", "Keep one '{kind}' block for the whole register."
    ),
    "STR-007.references": MessageSpec(
        "STR-007",
        "{references} to ids that may be defined in {file}, which did not load: {ids}",
        "Fix the problems of {file} first; these references are checked once it loads.",
    ),
    "STR-007.rules": MessageSpec(
        "STR-007",
        "{file} did not load, so the rules that need what it holds did not run: {codes}",
        "Fix the problems of {file} first; the rules run once it loads.",
    ),
    "STR-007.both": MessageSpec(
        "STR-007",
        "{references} to ids that may be defined in {file}, which did not load: {ids}; the rules that need "
        "what it holds did not run: {codes}",
        "Fix the problems of {file} first; these references are checked and the rules run once it loads.",
    ),
    # Reading files.
    "IO-001.folder": MessageSpec("IO-001", "cannot read folder: {reason}", "Check the permissions."),
    "IO-001.file": MessageSpec("IO-001", "cannot read file: {reason}", "Check the permissions."),
    "STR-008.too-many": MessageSpec(
        "STR-008",
        "{count} more structural problem(s) in this file are not reported one by one "
        "(at most {limit} per file)",
        "Fix the problems reported for this file and validate again; a file with this many problems may "
        "not be a register file.",
    ),
    "IO-003.file": MessageSpec(
        "IO-003",
        "the file has {size} bytes; register files of more than {limit} bytes are not read",
        "Split the register into several files, e.g. one file per activity under activities/.",
    ),
    "IO-002.empty": MessageSpec(
        "IO-002",
        "no .yaml or .yml files in {path}",
        "Point ropa at a register folder, e.g. registers/<name>/.",
    ),
}
"""Every message the loader (and the engine, for STR-007) reports, by catalogue key."""


def render(key: str, /, **values: object) -> tuple[str, str, str, Template]:
    """``(code, message, hint, template)`` of the message ``key`` filled with ``values``."""
    spec = MESSAGES[key]
    template = Template(key, spec.message, spec.hint, tuple((k, str(v)) for k, v in values.items()))
    message, hint = template.render()
    return spec.code, message, hint or "", template
