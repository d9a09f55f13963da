"""Load a register folder (or file) into a :class:`~ropa.models.Register` plus diagnostics.

Every problem becomes a :class:`~ropa.diagnostics.Diagnostic`; nothing is printed or raised for bad
content. Each entity is validated on its own, so one broken activity does not hide the others; entities
that fail are left out of the register and remembered in :attr:`LoadResult.broken` so that the rules do
not report references to them a second time.
"""

from __future__ import annotations

import difflib
import errno
import gc
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ropa._data import suggest_country
from ropa.diagnostics import Diagnostic, Location, Severity, Span, Template
from ropa.errors import RegisterError
from ropa.loading.codes import STRUCTURAL, render

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails

    from ropa.loading._yaml import YamlProblem
    from ropa.loading.incremental import PositionMemory
    from ropa.models import Origin, RopaEntity, RopaModel
    from ropa.models.register import Register

__all__ = [
    "MAX_DIAGNOSTICS_PER_FILE",
    "LoadResult",
    "SourceIndex",
    "Unloaded",
    "load",
    "load_files",
    "loads",
    "read_register",
]

YAML_SUFFIXES = (".yaml", ".yml")
SINGULAR = {
    "activity": "activities",
    "party": "parties",
    "data_category": "data_categories",
    "data_subject": "data_subjects",
    "security_measure": "security_measures",
    "processor_activity": "processor_activities",
}
"""A file may hold one entity under the singular key (``activity:``) instead of a list."""
SINGLETONS = ("register", "organisation")
ENTITY_NOUN = {
    "register": "register",
    "organisation": "organisation",
    "security_measures": "security measure",
    "data_subjects": "data-subject category",
    "data_categories": "data category",
    "parties": "party",
    "activities": "activity",
    "processor_activities": "processor activity",
}
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest register file read (``IO-003`` beyond it). Loading takes about 30 times a file's size in memory,
so 64 MB (about 16,000 activities in one file) needs some 2 GB; a larger register is split, one file per
activity."""
MAX_DIAGNOSTICS_PER_FILE = 200
"""Structural diagnostics reported one by one per file; the rest are counted in one ``STR-008`` line.
A file of thousands of broken entities is most likely not a register file (or one broken by a tool), and
reporting every problem would cost time and memory in proportion (about 20 us and 1 KB each)."""
_SUGGESTIONS = 100
"""Most "did you mean" suggestions per load: difflib costs about 0.1 ms a word, so a file with tens of
thousands of unknown keys would otherwise take seconds. Later hints list the known keys only."""
_FLOW_CHECKS = 20
"""Most unknown keys per load checked for a value cut at a comma inside ``{ }`` (each check composes the
file once more)."""


class SourceIndex:
    """Turns (file, JSON Pointer) into a line and column, composing each file at most once, lazily."""

    def __init__(self, root: Path | None, texts: Mapping[str, str] | None = None) -> None:
        self._root = root
        self._texts: dict[str, str] = dict(texts or {})
        self._index: dict[str, dict[str, tuple[int, int]]] = {}
        self.memory: PositionMemory | None = None
        """Positions found by earlier runs (:mod:`ropa.loading.incremental`), consulted by :meth:`spans`."""

    def _text(self, file: str) -> str | None:
        text = self._texts.get(file)
        if text is not None or self._root is None:
            return text
        path = self._root / file if self._root.is_dir() else self._root
        try:
            from ropa.loading._yaml import decode

            decoded, _ = decode(_read_file(path))
        except OSError:
            return None
        return decoded

    def prefetch(self, files: Iterable[str]) -> None:
        """Read what :attr:`memory` knows of ``files`` at once, before :meth:`spans` asks for each."""
        if self.memory is not None:
            self.memory.prefetch(files)

    def spans(self, file: str, pointers: Iterable[str]) -> dict[str, Span]:
        """The positions of many pointers in one file, composing it once (without keeping an index)."""
        wanted = list(pointers)
        index = self._index.get(file)
        if index is not None:
            found = {p: self.span(file, p) for p in wanted}
            return {p: s for p, s in found.items() if s is not None}
        known = self.memory.get(file) if self.memory is not None else {}
        out = {p: Span(*known[p]) for p in wanted if p in known}
        missing = [p for p in wanted if p not in known]
        if not missing:
            return out
        text = self._text(file)
        if text is None:
            return out
        from ropa.loading._locate import locate

        located = locate(text, missing)
        if self.memory is not None:
            self.memory.learn(file, located)
        out.update((p, Span(*position)) for p, position in located.items())
        return out

    def span(self, file: str | None, pointer: str) -> Span | None:
        """The position of ``pointer`` in ``file``, or of its nearest ancestor that exists."""
        if file is None:
            return None
        index = self._index.get(file)
        if index is None:
            text = self._text(file)
            from ropa.loading._yaml import position_index

            index = position_index(text) if text is not None else {}
            self._index[file] = index
        probe = pointer
        while True:
            found = index.get(probe)
            if found is not None:
                return Span(*found)
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]


_TOP_KEY = re.compile(r"""^["']?([A-Za-z_][A-Za-z0-9_-]*)["']?[ \t]*:""", re.MULTILINE)
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Unloaded:
    """A file whose content did not load at all (a syntax error, an encoding error, an unreadable file, a
    document that is not a mapping), with what its text still tells about the entities it may define.

    Attributes:
        file: the file, relative to the register root.
        kinds: the register kinds its top-level keys name (``parties``, ``organisation``, ...); ``None``
            when that cannot be told (an unreadable file, a document not in block style).
        tokens: every id-like word of its text; ``None`` when the text is unknown.
    """

    file: str
    kinds: frozenset[str] | None
    tokens: frozenset[str] | None

    @classmethod
    def scan(cls, file: str, text: str | None) -> Unloaded:
        """What ``text`` shows of the kinds and ids it holds, read line by line (it is not valid YAML)."""
        if text is None:
            return cls(file, None, None)
        kinds = {SINGULAR.get(key, key) for key in _TOP_KEY.findall(text)}
        known = frozenset(kinds & set(_kinds()))
        return cls(file, known or None, frozenset(_TOKEN.findall(text)))

    def may_define(self, kind: str, ident: str) -> bool:
        """True when this file may define the entity ``ident`` of ``kind``."""
        if self.kinds is not None and kind not in self.kinds:
            return False
        return self.tokens is None or ident in self.tokens


@dataclass(frozen=True)
class LoadResult:
    """The outcome of :func:`load`: the register (always), the diagnostics, and where things came from.

    Attributes:
        register: the entities that loaded; broken ones are left out.
        diagnostics: structural problems, sorted by file and line.
        root: the folder or file that was loaded (``None`` for :func:`loads`).
        files: the files read, relative to the root, in load order.
        broken: ``(kind, id)`` of entities that failed validation.
        sources: resolves JSON Pointers to lines for later diagnostics.
        unloaded: the files whose content did not load at all; the rules do not report references to
            ids that these files may define (one STR-007 per file says so instead).
    """

    register: Register
    diagnostics: tuple[Diagnostic, ...] = ()
    root: Path | None = None
    files: tuple[str, ...] = ()
    broken: frozenset[tuple[str, str]] = frozenset()
    sources: SourceIndex = field(default_factory=lambda: SourceIndex(None), repr=False, compare=False)
    unloaded: tuple[Unloaded, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def locate(self, entity: object, path: str = "", label: str | None = None) -> Location:
        """Where ``path``, a JSON Pointer relative to ``entity``, was read from: the file (relative to the
        root), the pointer in that file, and the line and column when the text is known. For an entity
        built in memory, only ``path``. ``label`` names the entity (``activity orders``)."""
        from ropa.models import RopaModel  # imported on use: a cached report needs no models

        origin = entity.origin if isinstance(entity, RopaModel) else None
        if origin is None or origin.file is None:
            return Location(None, path, None, label)
        pointer = origin.pointer + path
        return Location(origin.file, pointer, self.sources.span(origin.file, pointer), label)

    def raise_for_errors(self) -> LoadResult:
        """Raise :class:`~ropa.errors.RegisterError` if any diagnostic is an error; else return self."""
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR]
        if errors:
            raise RegisterError(errors)
        return self


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while large acyclic structures are built (they are freed by refcount).

    At the end the objects made meanwhile are moved to the oldest generation (``gc.freeze()`` then
    ``gc.unfreeze()``, which walks nothing) before the GC is enabled again: left in the youngest
    generation, the first collections after the pause would walk every one of them, twice (young, then
    middle generation), about 0.5 s for a register of 10,000 activities. Nothing is kept from being
    collected: the oldest generation is collected as usual. (Not done when the application has frozen
    objects of its own, which unfreezing would release.)
    """
    was_enabled = gc.isenabled()
    age = was_enabled and gc.get_freeze_count() == 0
    gc.disable()
    try:
        yield
    finally:
        if age:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


class _Collector:
    """Accumulates entities and diagnostics across the files of one register."""

    def __init__(self, sources: SourceIndex) -> None:
        self.sources = sources
        self.diagnostics: list[Diagnostic] = []
        self.lists: dict[str, list[RopaModel]] = {}
        self.single: dict[str, tuple[RopaModel, str]] = {}
        self.seen_ids: dict[tuple[str, str], str] = {}
        self.broken: set[tuple[str, str]] = set()
        self.suggestions_left = _SUGGESTIONS
        self.flow_checks_left = _FLOW_CHECKS
        self.unloaded: dict[str, str | None] = {}
        """Files whose content did not load at all, with their text (``None``: unreadable)."""
        self.reported: dict[str | None, int] = {}
        self.dropped: dict[str, tuple[int, Severity]] = {}

    def full(self, file: str | None) -> bool:
        """True when ``file`` has reached :data:`MAX_DIAGNOSTICS_PER_FILE`."""
        return file is not None and self.reported.get(file, 0) >= MAX_DIAGNOSTICS_PER_FILE

    def drop(self, file: str, severity: Severity, count: int = 1) -> None:
        """Count ``count`` diagnostics of ``file`` that are not reported one by one."""
        seen, worst = self.dropped.get(file, (0, severity))
        if severity is Severity.ERROR or worst is Severity.ERROR:
            worst = Severity.ERROR
        self.dropped[file] = (seen + count, worst)

    def summaries(self) -> None:
        """One ``STR-008`` line for each file with diagnostics beyond the limit."""
        for file, (count, severity) in self.dropped.items():
            self.reported[file] = 0  # the summary itself is always reported
            self.say(
                "STR-008.too-many",
                file,
                "",
                span=Span(1, 1),
                severity=severity,
                count=f"{count:,}",
                limit=MAX_DIAGNOSTICS_PER_FILE,
            )

    def flow_comma(self, file: str | None, pointer: str) -> tuple[str, str, bool] | None:
        """The key and the whole value when the unknown key at ``pointer`` is the tail of a value cut at a
        comma inside ``{ }`` (see :func:`ropa.loading._locate.flow_comma`), while the budget lasts."""
        if file is None or self.flow_checks_left <= 0:
            return None
        text = self.sources._text(file)
        if text is None or "{" not in text:
            return None
        self.flow_checks_left -= 1
        from ropa.loading._locate import flow_comma

        return flow_comma(text, pointer)

    def did_you_mean(self, word: str, choices: list[str]) -> str:
        """``"Did you mean 'name'? "`` for the closest known key while the budget of suggestions lasts,
        else ``""``."""
        if self.suggestions_left <= 0:
            return ""
        self.suggestions_left -= 1
        return _did_you_mean(word, choices)

    def add(
        self,
        code: str,
        message: str,
        hint: str,
        file: str | None,
        pointer: str,
        *,
        span: Span | None = None,
        entity: str | None = None,
        severity: Severity = Severity.ERROR,
        template: Template | None = None,
    ) -> None:
        if file is not None:
            if self.full(file):
                self.drop(file, severity)
                return
            self.reported[file] = self.reported.get(file, 0) + 1
        if span is None:
            span = self.sources.span(file, pointer)
        self.diagnostics.append(
            Diagnostic(
                code=code,
                rule=STRUCTURAL[code].name,
                severity=severity,
                message=message,
                location=Location(file, pointer, span, entity),
                hint=hint,
                template=template,
            )
        )

    def unloaded_files(self) -> tuple[Unloaded, ...]:
        """The files that did not load, scanned for the kinds and ids they may hold."""
        return tuple(Unloaded.scan(file, text) for file, text in self.unloaded.items())

    def say(
        self,
        key: str,
        file: str | None,
        pointer: str,
        /,
        *,
        span: Span | None = None,
        entity: str | None = None,
        severity: Severity = Severity.ERROR,
        **values: object,
    ) -> None:
        """Add the message ``key`` of :data:`~ropa.loading.codes.MESSAGES`, filled with ``values`` (and
        ``entity``)."""
        if entity is not None:
            values = {"entity": entity, **values}
        code, message, hint, template = render(key, **values)
        self.add(
            code, message, hint, file, pointer, span=span, entity=entity, severity=severity, template=template
        )

    def document(self, file: str, data: Any) -> None:
        kinds = _kinds()
        if data is None:
            self.say("STR-001.empty", file, "", span=Span(1, 1), severity=Severity.WARNING)
            return
        if not isinstance(data, dict):
            self.say("STR-001.not-mapping", file, "", got=_type_name(data), kinds=", ".join(kinds))
            self.unloaded[file] = self.sources._texts.get(file)
            return
        for key, value in data.items():
            kind: str = SINGULAR.get(key) or key
            pointer = "/" + key.replace("~", "~0").replace("/", "~1")
            if kind not in kinds:
                known = [*kinds, *SINGULAR]
                self.say(
                    "STR-002.unknown-kind",
                    file,
                    pointer,
                    key=key,
                    suggestion=self.did_you_mean(key, known),
                    known=", ".join(known),
                )
            elif kind in SINGLETONS:
                self._singleton(kind, file, pointer, value)
            elif kind != key:  # singular form: one entity
                self._entity(kind, file, pointer, value)
            elif value is None:
                self.lists.setdefault(kind, [])
            elif not isinstance(value, list):
                self.say("STR-003.not-list", file, pointer, key=key, got=_type_name(value))
            else:
                self.lists.setdefault(kind, [])
                for index, item in enumerate(value):
                    self._entity(kind, file, f"{pointer}/{index}", item)

    def _singleton(self, kind: str, file: str, pointer: str, value: Any) -> None:
        if kind in self.single:
            self.say("STR-006.singleton", file, pointer, kind=kind, other=self.single[kind][1])
            return
        model = self._validate(kind, file, pointer, value, kind)
        if model is not None:
            self.single[kind] = (model, file)
        else:  # the block exists but is broken: rules must not also report it as missing
            self.broken.add((kind, ""))

    def _entity(self, kind: str, file: str, pointer: str, value: Any) -> None:
        noun = ENTITY_NOUN[kind]
        ident = value.get("id") if isinstance(value, dict) else None
        label = f"{noun} {ident}" if isinstance(ident, str) else noun
        model = self._validate(kind, file, pointer, value, label)
        if model is None:
            if isinstance(ident, str):
                self.broken.add((kind, ident))
            return
        if kind != "activities":  # duplicate activities are rule ACT-006
            key = (kind, str(getattr(model, "id", "")))
            if key in self.seen_ids:
                self.say(
                    "STR-005.duplicate-id", file, pointer + "/id", entity=label, other=self.seen_ids[key]
                )
                return
            self.seen_ids[key] = file
        self.lists[kind].append(model) if kind in self.lists else self.lists.setdefault(kind, [model])

    def _validate(self, kind: str, file: str, pointer: str, value: Any, label: str) -> RopaModel | None:
        ValidationError, Origin = _validation()
        model_type = _kinds()[kind]
        if not isinstance(value, dict):
            self.say("STR-003.entity-not-mapping", file, pointer, entity=label, got=_type_name(value))
            return None
        try:
            model = model_type.model_validate(value)
        except ValidationError as exc:
            if self.full(file):  # counted only: no messages, no positions
                self.drop(file, Severity.ERROR, exc.error_count())
                return None
            errors = exc.errors(include_url=False)
            for index, error in enumerate(errors):
                if self.full(file):
                    self.drop(file, Severity.ERROR, len(errors) - index)
                    break
                self._pydantic(error, model_type, file, pointer, label, value)
            return None
        model.with_origin(Origin(file, pointer))
        return model

    def _pydantic(
        self,
        error: ErrorDetails,
        model_type: type[RopaModel],
        file: str | None,
        pointer: str,
        label: str,
        value: Any,
    ) -> None:
        loc = _input_loc(error["loc"], value)
        path = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in loc)
        where = _dotted(loc) or "the entity"
        kind = error["type"]
        value = error.get("input")
        at = pointer + path
        if kind == "extra_forbidden":
            cut = self.flow_comma(file, at) if value is None else None
            if cut is not None:
                key, meant, first = cut
                if first:  # the later pieces of the same value need no diagnostic of their own
                    self.say(
                        "STR-002.flow-comma",
                        file,
                        at,
                        entity=label,
                        field=loc[-1],
                        key=key,
                        value=_quoted(meant),
                    )
                return
            parent = _model_at(model_type, loc[:-1])
            fields = list(parent.model_fields) if parent else []
            suggestion = self.did_you_mean(str(loc[-1]), fields)
            known = ", ".join(fields)
            self.say(
                "STR-002.unknown-field",
                file,
                at,
                entity=label,
                field=loc[-1],
                suggestion=suggestion,
                known=known,
            )
        elif kind == "missing":
            self.say("STR-004.missing", file, at, entity=label, where=where, field=loc[-1])
        elif kind == "int_type" and isinstance(value, str) and _written_as_number(value):
            self.say("STR-003.quoted-number", file, at, entity=label, where=where, value=value)
        elif kind.endswith("_type") or kind in ("model_attributes_type", "dict_type", "list_type"):
            self.say(
                "STR-003.wrong-type",
                file,
                at,
                entity=label,
                where=where,
                want=_expected(kind),
                got=_type_name(value),
            )
        else:
            key, values = _invalid(kind, error, value)
            code, message, hint, template = render(key, entity=label, where=where, **values)
            self.add(code, message, hint, file, at, entity=label, template=template)

    def register(self) -> Register:
        from ropa.models.register import Register

        fields: dict[str, Any] = {kind: tuple(models) for kind, models in self.lists.items()}
        for kind, (model, _) in self.single.items():
            fields["meta" if kind == "register" else kind] = model
        return Register.model_construct(**fields)


def _input_loc(loc: tuple[int | str, ...], data: Any) -> list[int | str]:
    """The error location as a path into the input: pydantic's validator tags (``function-after[...]``)
    are left out, keys of the input are kept even when they contain '[' (``purposes[0]``)."""
    out: list[int | str] = []
    for part in loc:
        in_dict = isinstance(data, dict) and part in data
        if in_dict or (isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)):
            data = data[part]
        elif isinstance(part, str) and "[" in part:
            continue
        else:
            data = None
        out.append(part)
    return out


def _quoted(text: str) -> str:
    """``text`` quoted for YAML: double quotes, or single ones when it holds a double quote or a backslash."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def _written_as_number(text: str) -> bool:
    """True when ``text`` would be read as a whole number without its quotes."""
    from ropa.loading._yaml import is_canonical_int

    return is_canonical_int(text)


def _dotted(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@cache
def _kinds() -> Mapping[str, type[RopaEntity]]:
    """The register kinds and their models (imported on first use: a cached report needs no models)."""
    from ropa.models.register import KINDS

    return KINDS


@cache
def _validation() -> tuple[type[ValidationError], type[Origin]]:
    """pydantic's validation error and the origin type (imported on first use, looked up once)."""
    from pydantic import ValidationError

    from ropa.models import Origin

    return ValidationError, Origin


def _model_at(model_type: type[RopaModel], loc: list[int | str]) -> type[RopaModel] | None:
    from ropa.models import RopaModel

    current: Any = model_type
    for part in loc:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if info is None:
            return None
        current = _inner_model(info.annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, RopaModel) else None


def _inner_model(annotation: Any) -> type[RopaModel] | None:
    from ropa.models import RopaModel

    if isinstance(annotation, type) and issubclass(annotation, RopaModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _expected(kind: str) -> str:
    return {
        "string_type": "text",
        "int_type": "a whole number",
        "int_parsing": "a whole number",
        "bool_type": "true or false",
        "bool_parsing": "true or false",
        "list_type": "a list",
        "dict_type": "a mapping",
        "model_type": "a mapping",
        "model_attributes_type": "a mapping",
        "date_type": "a date (YYYY-MM-DD)",
        "float_type": "a number",
        "float_parsing": "a number",
    }.get(kind, "a value of another type")


def _invalid(kind: str, error: ErrorDetails, value: Any) -> tuple[str, dict[str, object]]:
    """The message key and values of an invalid value (STR-005), in ropa's own words where it can."""
    from ropa.models import COUNTRY_PATTERN, ID_PATTERN

    ctx = error.get("ctx") or {}
    text = value if isinstance(value, str) else repr(value)
    if kind == "enum":
        return "STR-005.enum", {"value": text, "expected": ctx.get("expected", "")}
    pattern = ctx.get("pattern") if kind == "string_pattern_mismatch" else None
    if kind == "ropa_country_code" or pattern == COUNTRY_PATTERN:
        return "STR-005.country", {"value": text, "suggestion": _country_suggestion(text)}
    if pattern == ID_PATTERN:
        return "STR-005.id", {"value": text}
    if kind.startswith("date"):
        return "STR-005.date", {"value": text}
    if kind.endswith("_parsing"):
        return "STR-005.not-type", {"value": text, "want": _expected(kind)}
    if kind in ("greater_than_equal", "greater_than"):
        return "STR-005.at-least", {"value": text, "limit": ctx.get("ge", ctx.get("gt", ""))}
    if kind in ("less_than_equal", "less_than"):
        return "STR-005.at-most", {"value": text, "limit": ctx.get("le", ctx.get("lt", ""))}
    if kind == "string_too_long":
        return "STR-005.too-long", {"limit": format(ctx.get("max_length", ""), ",")}
    return "STR-005.invalid", {"detail": error["msg"]}


def _country_suggestion(text: str) -> str:
    """``"; did you mean US?"`` for ``USA``, ``us``, ``uk`` or ``EL``; ``""`` when nothing fits."""
    code = suggest_country(text)
    return f"; did you mean {code}?" if code else ""


def _type_name(value: Any) -> str:
    """What a value is, with its article: ``a list``, ``text``, ``an empty value``."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a value of another type"


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"Did you mean '{close[0]}'? " if close else ""


def _discover(root: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """YAML files under ``root`` (sorted, hidden entries skipped) and the folders that could not be read:
    ``(name relative to root, path)``. Plain strings: pathlib costs more than reading a small file."""
    found: list[tuple[str, str]] = []
    errors: list[tuple[str, str]] = []

    def on_error(exc: OSError) -> None:
        name = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "."
        errors.append((name, exc.strerror or str(exc)))

    top = os.fspath(root)
    skip = len(os.path.join(top, ""))
    for folder, dirs, files in os.walk(top, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        relative = folder[skip:] if len(folder) > skip else ""
        prefix = relative.replace(os.sep, "/") + "/" if relative else ""
        for name in files:
            if name.startswith(".") or not name.endswith(YAML_SUFFIXES):
                continue
            found.append((prefix + name, os.path.join(folder, name)))
    found.sort(key=lambda item: item[0])
    return found, errors


class FileTooLarge(OSError):
    """A register file larger than :data:`MAX_FILE_BYTES` (``IO-003``)."""

    def __init__(self, path: Path, size: int) -> None:
        super().__init__(errno.EFBIG, f"{size:,} bytes, more than {MAX_FILE_BYTES:,}", str(path))
        self.size = size


def _read_file(path: str | Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`. Pipes, devices and sockets are
    refused: reading them may block or never end (a ``register.yaml`` that is a symlink to ``/dev/zero``).
    Plain ``os`` calls and an unbuffered file: for a register of many small files, pathlib and the
    buffered reader cost more than the reading."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file (a pipe, device or socket)", str(path))
    if info.st_size > MAX_FILE_BYTES:
        raise FileTooLarge(Path(path), info.st_size)
    with open(path, "rb", buffering=0) as handle:
        # Ask for the size stat gave (and a byte more), never for the limit: a read allocates what it asks
        # for, and a 64 MB buffer shrunk to a small file keeps a memory mapping of its own, which 100,000
        # files kept in memory exhaust (the kernel's limit of 65,530 mappings: MemoryError).
        data = handle.read(info.st_size + 1)
        if data is not None and len(data) != info.st_size:  # a short read, or the file grew: read on
            while len(data) <= MAX_FILE_BYTES:
                more = handle.read(MAX_FILE_BYTES + 1 - len(data))
                if not more:
                    break
                data += more
    if data is None:  # pragma: no cover - only a non-blocking file returns None
        raise OSError(errno.EAGAIN, "the file could not be read", str(path))
    if len(data) > MAX_FILE_BYTES:  # it grew while it was read
        raise FileTooLarge(Path(path), len(data))
    return data


def read_register(root: Path) -> tuple[list[tuple[str, bytes | None, OSError | None]], list[tuple[str, str]]]:
    """The register's files as :func:`load` reads them: ``(name, bytes or None, error or None)`` in load
    order, and the folders that could not be read ``(name, error)``."""
    return _read_all(root)


def _read_all(root: Path) -> tuple[list[tuple[str, bytes | None, OSError | None]], list[tuple[str, str]]]:
    entries: list[tuple[str, str | Path]]
    if root.is_dir():
        found, errors = _discover(root)
        entries = list(found)
    else:
        entries, errors = [(root.name, root)], []
    out: list[tuple[str, bytes | None, OSError | None]] = []
    for name, path in entries:
        try:
            out.append((name, _read_file(path), None))
        except OSError as exc:
            out.append((name, None, exc))
    return out, errors


def load(path: str | os.PathLike[str], *, progress: Callable[[int, int], None] | None = None) -> LoadResult:
    """Load a register from a folder of YAML files, or from one YAML file.

    Args:
        path: the register folder (``registers/acme``) or a single ``.yaml`` file.
        progress: called with (files done, files in all) after each file, e.g. to draw a progress bar.

    Returns:
        The register and every structural diagnostic. Never raises for bad content.

    Raises:
        FileNotFoundError: ``path`` does not exist.
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    entries, folder_errors = _read_all(root)

    def parse(collector: _Collector, index: int) -> str | None:
        name, data, _ = entries[index]
        assert data is not None  # noqa: S101 - only readable files are parsed
        return _parse_into(collector, name, data)

    return load_parsed(root, [(name, error) for name, _, error in entries], folder_errors, parse, progress)


def load_parsed(
    root: Path,
    entries: Sequence[tuple[str, OSError | None]],
    folder_errors: Sequence[tuple[str, str]],
    parse: Callable[[_Collector, int], str | None],
    progress: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """What :func:`load` does once the files are found: ``entries`` are ``(name, error)`` in load order,
    and ``parse(collector, index)`` reads the file ``entries[index]`` (without an error) into the collector
    and returns its text, or ``None`` (see :mod:`ropa.loading.incremental`, which takes the parse of an
    unchanged file from its store)."""
    sources = SourceIndex(root, {})
    collector = _Collector(sources)
    for name, message in folder_errors:
        collector.say("IO-001.folder", name, "", reason=message)
    if root.is_dir() and not entries and not folder_errors:
        collector.say("IO-002.empty", None, "", path=root)
    with gc_paused():
        for done, (name, error) in enumerate(entries, start=1):
            if progress is not None:
                progress(done, len(entries))
            if isinstance(error, FileTooLarge):
                collector.say("IO-003.file", name, "", size=f"{error.size:,}", limit=f"{MAX_FILE_BYTES:,}")
                collector.unloaded[name] = None
                continue
            if error is not None:
                collector.say("IO-001.file", name, "", reason=error.strerror or str(error))
                collector.unloaded[name] = None
                continue
            parse(collector, done - 1)
        collector.summaries()
        register = collector.register()
    return LoadResult(
        register=register,
        diagnostics=tuple(sorted(collector.diagnostics, key=Diagnostic.sort_key)),
        root=root,
        files=tuple(name for name, _ in entries),
        broken=frozenset(collector.broken),
        unloaded=collector.unloaded_files(),
        sources=sources,
    )


@dataclass(frozen=True)
class ParseOutcome:
    """What reading one file's bytes gave: the problems (with positions), and the plain data when the
    text was decoded (``decoded``) and parsed. Kept by :mod:`ropa.loading.incremental` for unchanged
    files."""

    decoded: bool
    problems: tuple[YamlProblem, ...]
    value: Any = None


def parse_bytes(data: bytes) -> tuple[str | None, ParseOutcome]:
    """Decode and parse one file's bytes: the text (``None`` when it could not be decoded) and the outcome."""
    from ropa.loading._yaml import decode, parse  # YAML is imported on first use: a cached report needs none

    text, problem = decode(data)
    if text is None:
        assert problem is not None  # noqa: S101 - decode returns one of the two
        return None, ParseOutcome(False, (problem,))
    value, problems = parse(text)
    return text, ParseOutcome(True, tuple(problems), value)


def apply_outcome(
    collector: _Collector, name: str, outcome: ParseOutcome, text: Callable[[], str | None]
) -> None:
    """Put a file's parse outcome into the collector: its problems, its entities, or the file as not
    loaded (``text()`` gives its text for that: the decoded text, or the bytes decoded leniently)."""
    for p in outcome.problems:
        collector.add(
            p.code, p.message, p.hint, name, p.pointer, span=Span(p.line, p.column), template=p.template
        )
    if not outcome.decoded:
        collector.unloaded[name] = text()
    elif outcome.value is not None or not outcome.problems:
        collector.document(name, outcome.value)
    else:
        collector.unloaded[name] = text()


def _parse_into(collector: _Collector, name: str, data: bytes, *, keep_text: bool = False) -> str | None:
    text, outcome = parse_bytes(data)
    if text is not None:
        collector.sources._texts[name] = text
    apply_outcome(
        collector, name, outcome, lambda: text if text is not None else data.decode("utf-8", "replace")
    )
    return text


def loads(text: str | bytes, name: str = "register.yaml") -> LoadResult:
    """Load a register from one YAML text (for tests, editors and other tools).

    Args:
        text: the YAML document, as text or UTF-8 bytes.
        name: the file name used in diagnostics.
    """
    # surrogatepass: a str with a lone surrogate becomes bytes that decode() reports as invalid UTF-8
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    collector = _Collector(SourceIndex(None))
    with gc_paused():
        _parse_into(collector, name, data, keep_text=True)
    return _result(collector, name)


def _result(collector: _Collector, name: str) -> LoadResult:
    """The load result of one document collected by ``collector`` under the file name ``name``."""
    with gc_paused():
        collector.summaries()
        register = collector.register()
    return LoadResult(
        register=register,
        diagnostics=tuple(sorted(collector.diagnostics, key=Diagnostic.sort_key)),
        files=(name,),
        broken=frozenset(collector.broken),
        unloaded=collector.unloaded_files(),
        sources=collector.sources,
    )


def load_files(files: Mapping[str, bytes]) -> LoadResult:
    """Load a register from the contents of its files, for registers that are not a folder on disk (a git
    revision, an archive, a database).

    Args:
        files: POSIX path relative to the register root (``activities/orders.yaml``) → the file's bytes.
            Files are read in sorted path order, as :func:`load` reads a folder; every file given is read,
            whatever its name.

    Returns:
        The register and every structural diagnostic; diagnostics name the paths given, with lines and
        columns in those texts. ``root`` is ``None``. Never raises for bad content.
    """
    names = sorted(files)
    sources = SourceIndex(None)
    collector = _Collector(sources)
    with gc_paused():
        for name in names:
            data = files[name]
            if len(data) > MAX_FILE_BYTES:  # the limit load() applies to files on disk
                collector.say("IO-003.file", name, "", size=f"{len(data):,}", limit=f"{MAX_FILE_BYTES:,}")
                collector.unloaded[name] = None
                continue
            _parse_into(collector, name, data)
        collector.summaries()
        register = collector.register()
    return LoadResult(
        register=register,
        diagnostics=tuple(sorted(collector.diagnostics, key=Diagnostic.sort_key)),
        files=tuple(names),
        broken=frozenset(collector.broken),
        unloaded=collector.unloaded_files(),
        sources=sources,
    )
