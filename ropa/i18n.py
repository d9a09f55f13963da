"""Text for people in English, Dutch, French and German: export labels and the messages of ``ropa validate``.

The words live in data files, one catalogue per language (``ropa/locales/<lang>.toml``), that a translator
edits; this module reads them lazily (English messages need no catalogue at all) and puts them together.

Labels. Codes stay data (``6-1-b``, ``scc``, ``end-of-financial-year``); :func:`label` turns them into text.
Headers use the terms of the official language versions of the GDPR (AVG, RGPD, DSGVO)::

    >>> from ropa.i18n import label
    >>> from ropa.models.vocab import LawfulBasis
    >>> label(LawfulBasis.CONTRACT, "nl")
    'Art. 6(1)(b) AVG – uitvoering van een overeenkomst'
    >>> label("sheet.retention", "de")
    'Löschfristen'

Keys are stable: an enum member, or a dotted term key (``sheet.*``, ``column.*``, ``ui.*``, ``legend.*``,
``cover.*``, ``art32.*``, ``month.*``).

Messages. The English templates stay in the code that reports (a rule's ``message`` and ``hint``, the
loader's and the engine's messages): they are the source. A diagnostic remembers its template and the values
it was filled with (:class:`~ropa.diagnostics.Template`); :func:`translate` fills the translated template
instead. Values that are themselves English text (a rule's ``{problem}``, an entity label such as
``activity orders``) are translated through the fragment tables of the catalogue, which give each English
fragment (with its own placeholders) beside its translation. A translation whose English source no longer
matches the code is stale and is not used: the diagnostic stays in English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from ropa.diagnostics import Diagnostic, LegalRef, Report, Template
from ropa.diagnostics import Severity as _Severity

__all__ = [
    "ENUMS",
    "LANGS",
    "Catalogue",
    "Labels",
    "Lang",
    "article",
    "catalogue",
    "enums",
    "format_date",
    "format_int",
    "instrument",
    "label",
    "legal_ref",
    "message",
    "normalise_lang",
    "plural_category",
    "term_keys",
    "translate",
    "translate_report",
    "untranslated",
]

Lang = Literal["en", "nl", "fr", "de"]
LANGS: tuple[Lang, ...] = ("en", "nl", "fr", "de")
"""The supported languages, in a fixed order."""

LOCALES = Path(__file__).parent / "locales"
"""The folder of the catalogues, ``<lang>.toml``."""

if TYPE_CHECKING:
    ENUMS: tuple[type[StrEnum], ...]
    """Every enumeration that has labels (``<EnumName>.<value>`` in the catalogues): :func:`enums`."""


@cache
def enums() -> tuple[type[StrEnum], ...]:
    """Every enumeration that has labels (``<EnumName>.<value>`` in the catalogues).

    Imported on first use: importing ``ropa.models.vocab`` imports every model (``ropa.models``), which a
    translated report from the cache does not need.
    """
    from ropa.models import vocab

    return (
        vocab.LawfulBasis,
        vocab.SpecialCondition,
        vocab.SpecialCategory,
        vocab.VulnerableGroup,
        vocab.PartyRole,
        vocab.ProcessingRole,
        vocab.Regime,
        vocab.Status,
        vocab.Frequency,
        vocab.PurposeKind,
        vocab.TransferMechanism,
        vocab.RetentionKind,
        vocab.RetentionAnchor,
        vocab.RetentionAction,
        vocab.MeasureKind,
        vocab.DataSourceKind,
        vocab.DpiaOutcome,
        vocab.Wp248Criterion,
        vocab.AutomatedEffect,
        vocab.CookieKind,
        _Severity,
    )


def __getattr__(name: str) -> Any:
    if name == "ENUMS":
        return enums()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Labels(NamedTuple):
    """One text in the four languages (for modules that still keep small tables of their own)."""

    en: str
    nl: str
    fr: str
    de: str

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return cast(str, getattr(self, lang))


def normalise_lang(value: str | None) -> Lang | None:
    """``"nl"``, ``"NL"``, ``"nl-BE"`` or ``"nl_NL"`` → ``"nl"``; ``None`` for anything not supported."""
    if not value:
        return None
    head = value.strip().replace("_", "-").split("-", 1)[0].lower()
    return head if head in LANGS else None


def _check_lang(lang: str) -> Lang:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


# --------------------------------------------------------------------------------------------------------
# Catalogues
# --------------------------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{(\w*)\}")


def placeholders(template: str) -> list[str]:
    """The names of the ``{placeholders}`` of a ``str.format`` template, in order (``{{`` is a brace)."""
    return [m.group(1) for m in _PLACEHOLDER.finditer(template) if m.group(1) is not None]


@dataclass(frozen=True, slots=True)
class Text:
    """A translated text with the English source it translates."""

    en: str
    text: str


@dataclass(frozen=True, slots=True)
class _Fragment:
    source: str
    text: str
    weight: int

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern of :attr:`source`, compiled on first use."""
        return _compile(self.source)


@dataclass(frozen=True)
class FieldTable:
    """How the values of one placeholder are translated: English fragments beside their translation.

    A table may also translate lists: ``_join`` gives the separator of the items (``"; "``) and ``_last``
    the one before the last item (``" and "``), each as ``{en = ..., <lang> = ...}``.
    """

    fragments: tuple[_Fragment, ...] = ()
    join: Text | None = None
    last: Text | None = None
    exact: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    """The catalogue entry of one message: the message and hint templates, and the field tables."""

    message: Text | None = None
    hint: Text | None = None
    fields: Mapping[str, FieldTable] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalogue:
    """One language's catalogue, as read from ``ropa/locales/<lang>.toml``.

    Attributes:
        lang: the language.
        labels: label key → text.
        sources: label key → the English source the translation was made from (empty for English).
        messages: message key (a rule code, ``STR-002.unknown-field``, ``ui.summary``, ...) → entry;
            the key ``*`` holds the field tables shared by every message (entity labels).
    """

    lang: Lang
    labels: Mapping[str, str]
    sources: Mapping[str, str]
    messages: Mapping[str, Entry]


@cache
def _compile(source: str) -> re.Pattern[str]:
    """A regular expression that matches the texts ``source`` (an English template) can produce."""
    out: list[str] = []
    seen: set[str] = set()
    position = 0
    for match in _PLACEHOLDER.finditer(source):
        out.append(re.escape(source[position : match.start()]))
        name = match.group(1)
        if name is None:
            out.append(re.escape(match.group(0)[0]))
        elif name in seen:
            out.append(f"(?P={name})")
        else:
            seen.add(name)
            out.append(f"(?P<{name}>.*?)")
        position = match.end()
    out.append(re.escape(source[position:]))
    return re.compile("".join(out), re.DOTALL)


def _text(value: Any, lang: str, where: str) -> Text:
    ok = isinstance(value, dict) and isinstance(value.get("en"), str) and isinstance(value.get(lang), str)
    if not ok:
        raise ValueError(f"{where}: expected {{ en = ..., {lang} = ... }}")
    return Text(value["en"], value[lang])


def _field_table(raw: Mapping[str, Any], lang: str, where: str) -> FieldTable:
    fragments = []
    join = last = None
    for source, value in raw.items():
        if source == "_join":
            join = _text(value, lang, f"{where}._join")
        elif source == "_last":
            last = _text(value, lang, f"{where}._last")
        elif isinstance(value, str):
            weight = len(_PLACEHOLDER.sub("", source))
            fragments.append(_Fragment(source, value, weight))
        else:
            raise ValueError(f"{where}.{source}: a fragment's translation must be text")
    fragments.sort(key=lambda f: -f.weight)
    exact = {f.source: f.text for f in fragments if not placeholders(f.source)}
    return FieldTable(tuple(fragments), join, last, exact)


def _entry(raw: Mapping[str, Any], lang: str, where: str) -> Entry:
    fields = {
        name: _field_table(table, lang, f"{where}.fields.{name}")
        for name, table in (raw.get("fields") or {}).items()
    }
    message = _text(raw["message"], lang, f"{where}.message") if "message" in raw else None
    hint = _text(raw["hint"], lang, f"{where}.hint") if "hint" in raw else None
    return Entry(message, hint, fields)


def parse_catalogue(data: Mapping[str, Any], lang: Lang) -> Catalogue:
    """Build a :class:`Catalogue` from the parsed TOML of ``<lang>.toml``.

    Raises:
        ValueError: an entry does not have the expected shape.
    """
    labels: dict[str, str] = {}
    sources: dict[str, str] = {}
    for key, value in (data.get("labels") or {}).items():
        if lang == "en":
            if not isinstance(value, str):
                raise ValueError(f"labels.{key}: expected text")
            labels[key] = value
        else:
            text = _text(value, lang, f"labels.{key}")
            labels[key], sources[key] = text.text, text.en
    raw_messages = data.get("messages") or {}
    messages = {key: _entry(raw, lang, f"messages.{key}") for key, raw in raw_messages.items()}
    return Catalogue(lang, labels, sources, messages)


COMPILED_KEY = "toml_sha256"
"""The key of a compiled catalogue (``<lang>.json``) that holds the SHA-256 of the TOML it was made from;
the parsed TOML itself is under ``catalogue``."""


def catalogue_data(source: bytes) -> Any:
    """The parsed TOML ``source`` of a catalogue (``tomllib`` is imported only here).

    Raises:
        ValueError: ``source`` is not valid TOML (``tomllib.TOMLDecodeError``) or not UTF-8.
    """
    import tomllib

    return tomllib.loads(source.decode("utf-8"))


def _compiled(lang: Lang, source: bytes) -> Any | None:
    """The parsed TOML of ``lang``'s catalogue from ``<lang>.json`` when that was compiled from ``source``
    (the bytes of ``<lang>.toml``), else ``None``: a missing, unreadable or stale compiled form is passed
    over, so an edited TOML is read as it is before ``make locales`` compiles it again."""
    import hashlib
    import json

    try:
        stored = json.loads((LOCALES / f"{lang}.json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get(COMPILED_KEY) != hashlib.sha256(source).hexdigest():
        return None
    data = stored.get("catalogue")
    return data if isinstance(data, dict) else None


@cache
def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``lang``, read once.

    ``ropa/locales/<lang>.toml`` is the source; ``<lang>.json`` beside it is the same data compiled by
    ``make locales`` (``python -m ropa.i18n_compile``), used when it was made from the TOML's current bytes
    (reading JSON takes about 1 ms where parsing the TOML takes about 50).

    Raises:
        ValueError: unsupported language, or a malformed catalogue.
    """
    language = _check_lang(lang)
    source = (LOCALES / f"{language}.toml").read_bytes()
    data = _compiled(language, source)
    return parse_catalogue(data if data is not None else catalogue_data(source), language)


# --------------------------------------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------------------------------------


def _enum_key(member: StrEnum) -> str:
    return f"{type(member).__name__}.{member.value}"


@cache
def _by_code() -> dict[str, list[str]]:
    """Plain codes (``6-1-b``) → the label keys of every enumeration that has them."""
    out: dict[str, list[str]] = {}
    for enum in enums():
        for member in enum:
            out.setdefault(member.value, []).append(_enum_key(member))
    return out


def term_keys() -> tuple[str, ...]:
    """Every term key (``sheet.*``, ``column.*``, ``ui.*``, ...), in catalogue order."""
    enum_names = {enum.__name__ for enum in enums()}
    return tuple(k for k in catalogue("en").labels if k.split(".", 1)[0] not in enum_names)


def label(code_or_enum: StrEnum | str, lang: str) -> str:
    """The text of an enum member or a term key in ``lang``.

    A plain code (``"6-1-b"``) is accepted when it belongs to one enumeration only, or when every
    enumeration that has it labels it the same; otherwise pass the member (``PartyRole.CONTROLLER``).

    Raises:
        KeyError: unknown key, or a code that is ambiguous across enumerations.
        ValueError: unsupported language.
    """
    labels = catalogue(_check_lang(lang)).labels
    if isinstance(code_or_enum, StrEnum):
        key = _enum_key(code_or_enum)
        if key not in labels:
            raise KeyError(f"no label for {type(code_or_enum).__name__}.{code_or_enum.name}")
        return labels[key]
    term = labels.get(code_or_enum)
    if term is not None:
        return term
    keys = _by_code().get(code_or_enum)
    if not keys:
        raise KeyError(f"no label for {code_or_enum!r}")
    texts = {labels[k] for k in keys if k in labels}
    if len(texts) != 1:
        raise KeyError(f"the code {code_or_enum!r} is used by several enumerations; pass the enum member")
    return texts.pop()


# --------------------------------------------------------------------------------------------------------
# Article references: "Art. 6(1)(b) GDPR", "Art. 6(1)(b) AVG", "Art. 6 Abs. 1 lit. b DSGVO"
# --------------------------------------------------------------------------------------------------------

_REF = re.compile(r"^(?P<art>\d+[a-z]?)(?:\((?P<par>\d+)\))?(?:\((?P<pt>[a-z])\))?$")


def instrument(name: str, lang: Lang) -> str:
    """The local name of a legal instrument: ``GDPR`` is ``AVG`` in Dutch; other names are kept."""
    return catalogue(lang).labels.get(f"instrument.{name}", name)


def _format_article(art: str, paragraph: int | str | None, point: str | None, lang: Lang, inst: str) -> str:
    text = f"Art. {art}"
    if lang == "de":
        if paragraph is not None:
            text += f" Abs. {paragraph}"
        if point:
            text += f" lit. {point}" if len(point) == 1 else f" {point}"
    else:
        if paragraph is not None:
            text += f"({paragraph})"
        if point:
            text += f"({point})"
    name = instrument(inst, lang) if inst else ""
    return f"{text} {name}" if name else text


def article(ref: str, lang: Lang, instrument_name: str = "GDPR") -> str:
    """Render a compact reference such as ``30(1)(b)`` or ``45`` in the style of ``lang``.

    >>> article("30(1)(b)", "de")
    'Art. 30 Abs. 1 lit. b DSGVO'
    >>> article("30(1)(b)", "fr")
    'Art. 30(1)(b) RGPD'
    """
    match = _REF.match(ref)
    if match is None:
        raise ValueError(f"not an article reference: {ref!r}")
    return _format_article(match["art"], match["par"], match["pt"], lang, instrument_name)


def legal_ref(ref: LegalRef, lang: Lang) -> str:
    """A :class:`~ropa.diagnostics.LegalRef` in the style of ``lang`` (``Art. 30(1)(f) AVG``)."""
    return _format_article(ref.article, ref.paragraph, ref.point, lang, ref.instrument)


# --------------------------------------------------------------------------------------------------------
# Dates, numbers and plurals
# --------------------------------------------------------------------------------------------------------


def format_date(day: dt.date, lang: Lang) -> str:
    """A date in words: ``31 December 2030``, ``31 décembre 2030``, ``31. Dezember 2030``."""
    month = catalogue(lang).labels[f"month.{day.month}"]
    if lang == "de":
        return f"{day.day}. {month} {day.year}"
    if lang == "fr" and day.day == 1:
        return f"1er {month} {day.year}"
    return f"{day.day} {month} {day.year}"


def format_int(number: int, lang: Lang) -> str:
    """An integer with the thousands separator of ``lang``: ``1,234`` / ``1.234`` / ``1 234``."""
    return f"{number:,}".replace(",", catalogue(lang).labels["format.thousands"])


def plural_category(count: int, lang: str) -> Literal["one", "other"]:
    """``one`` or ``other`` for ``count`` in ``lang`` (CLDR: French counts 0 and 1 as ``one``)."""
    if lang == "fr":
        return "one" if count in (0, 1) else "other"
    return "one" if count == 1 else "other"


# --------------------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------------------

_DEPTH = 6
"""Deepest nesting of fragments inside fragments that :func:`translate` follows."""


class _Untranslatable(Exception):
    """A value that a field table should translate matches none of its fragments."""


def _tables(entry: Entry | None, shared: Entry | None, name: str) -> list[FieldTable]:
    """The tables that translate the placeholder ``name``: the entry's own, then the shared one. A
    placeholder ``start__date`` is translated by the tables of ``date``."""
    key = name.rsplit("__", 1)[-1]
    found = [e.fields[key] for e in (entry, shared) if e is not None and key in e.fields]
    return found


def _fragment(value: str, table: FieldTable, entry: Entry | None, shared: Entry | None, depth: int) -> str:
    if not value:
        return value
    exact = table.exact.get(value)
    if exact is not None:
        return exact
    if depth > _DEPTH:
        raise _Untranslatable(value)
    for fragment in table.fragments:
        match = fragment.pattern.fullmatch(value)
        if match is None:
            continue
        try:
            values = {
                name: _value(name, text, entry, shared, depth + 1) for name, text in match.groupdict().items()
            }
            return fragment.text.format(**values)
        except _Untranslatable:
            continue
    raise _Untranslatable(value)


def _list(value: str, table: FieldTable, entry: Entry | None, shared: Entry | None, depth: int) -> str:
    items = [value]
    last_sep = ""
    if table.last is not None:
        head, sep, tail = value.rpartition(table.last.en)
        if sep:
            items, last_sep = [head, tail], table.last.text
    if table.join is not None:
        items = [*items[0].split(table.join.en), *items[1:]]
    done = [_fragment(item, table, entry, shared, depth) for item in items]
    if last_sep and len(done) > 1:
        body = (table.join.text if table.join else "").join(done[:-1])
        return f"{body}{last_sep}{done[-1]}"
    return (table.join.text if table.join else "").join(done)


def _value(name: str, value: str, entry: Entry | None, shared: Entry | None, depth: int) -> str:
    tables = _tables(entry, shared, name)
    if not tables:
        return value
    for table in tables:
        try:
            if table.join is not None or table.last is not None:
                return _list(value, table, entry, shared, depth)
            return _fragment(value, table, entry, shared, depth)
        except _Untranslatable:
            continue
    raise _Untranslatable(value)


def _render(template: Template, lang: Lang) -> tuple[str, str | None] | str:
    """The message and hint of ``template`` in ``lang``, or why the catalogue cannot say it."""
    cat = catalogue(lang)
    entry = cat.messages.get(template.key)
    if entry is None or entry.message is None:
        return f"no entry for {template.key}"
    if entry.message.en != template.message:
        return f"{template.key}: the message is stale"
    if template.hint and (entry.hint is None or entry.hint.en != template.hint):
        return f"{template.key}: the hint is missing or stale"
    shared = cat.messages.get("*")
    try:
        values = {name: _value(name, text, entry, shared, 0) for name, text in template.args}
        text = entry.message.text.format(**values)
        hint = entry.hint.text.format(**values) if template.hint and entry.hint else None
    except _Untranslatable as exc:
        return f"{template.key}: no fragment matches {exc.args[0]!r}"
    except (KeyError, IndexError, ValueError) as exc:
        return f"{template.key}: the translation does not fit its values ({exc!r})"
    return text, hint


def untranslated(diagnostic: Diagnostic, lang: str) -> str | None:
    """Why :func:`translate` leaves ``diagnostic`` in English in ``lang``; ``None`` when it does not."""
    language = _check_lang(lang)
    if language == "en":
        return None
    if diagnostic.template is None:
        return "the diagnostic has no template"
    rendered = _render(diagnostic.template, language)
    return rendered if isinstance(rendered, str) else None


def translate(diagnostic: Diagnostic, lang: str) -> Diagnostic:
    """``diagnostic`` with its message and hint in ``lang``.

    Code, rule, severity, location (and so the fingerprint) and legal references do not change; ``en``
    says the diagnostic again from its English template. A diagnostic stays in English when it has no
    template (it was built by hand), when the catalogue has no current translation of its template (a rule
    it does not know, a stale entry), or when a value that should be translated matches none of the
    catalogue's fragments.

    Raises:
        ValueError: unsupported language.
    """
    language = _check_lang(lang)
    template = diagnostic.template
    if template is None:
        return diagnostic
    if language == "en":  # the source: said again from the template (a translated report turns back)
        text, english_hint = template.render()
        if text == diagnostic.message:
            return diagnostic
        return replace(
            diagnostic, message=text, hint=english_hint if english_hint is not None else diagnostic.hint
        )
    rendered = _render(template, language)
    if isinstance(rendered, str):
        return diagnostic
    text, hint = rendered
    return replace(diagnostic, message=text, hint=hint if hint is not None else diagnostic.hint)


def translate_report(report: Report, lang: str) -> Report:
    """Every diagnostic of ``report`` translated into ``lang`` (see :func:`translate`)."""
    _check_lang(lang)
    return Report(tuple(translate(d, lang) for d in report.diagnostics), report.files)


def message(key: str, source: str, lang: str, /, **values: Any) -> str:
    """A message of ropa's own (``source`` is its English template, ``key`` its catalogue key) in ``lang``.

    Values are inserted as they are, except those a field table of the entry translates. Falls back to the
    English ``source`` when the catalogue has no current translation.

    >>> message("ui.example", "{n} files", "en", n=3)
    '3 files'
    """
    args = {name: str(value) for name, value in values.items()}
    if lang != "en":
        rendered = _render(Template(key, source, "", tuple(args.items())), _check_lang(lang))
        if not isinstance(rendered, str):
            return rendered[0]
    return source.format(**args)


def entity_text(entity: str | None, lang: str) -> str | None:
    """An entity label (``activity orders``) in ``lang`` (``activiteit orders``); unknown shapes stay."""
    if entity is None or lang == "en":
        return entity
    shared = catalogue(_check_lang(lang)).messages.get("*")
    try:
        return _value("entity", entity, None, shared, 0)
    except _Untranslatable:
        return entity


def english_args(values: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Template values as the ``(name, text)`` pairs a :class:`~ropa.diagnostics.Template` keeps."""
    return tuple((name, str(value)) for name, value in values.items())


def missing_keys(lang: str, keys: Iterable[str]) -> list[str]:
    """The message keys of ``keys`` that ``lang``'s catalogue lacks (for tests and tools)."""
    messages = catalogue(lang).messages
    return [k for k in keys if k not in messages]
