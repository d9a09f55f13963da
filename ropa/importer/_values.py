"""Reading the values of spreadsheet cells: "not stated", yes/no answers, lists, ids, dates, statuses.

Lawful bases are read in :mod:`ropa.importer._bases`, retention in :mod:`ropa.importer._retention`,
countries and transfer mechanisms in :mod:`ropa.importer._countries`, recipients in
:mod:`ropa.importer._recipients`. The words live in ``ropa/data/import_vocabulary.json``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum

from ropa.export.spec import BULLET
from ropa.importer._bases import BasisReading, parse_art9, parse_art10, parse_lawful_bases
from ropa.importer._countries import country_code, parse_countries, parse_mechanism, parse_mechanisms
from ropa.importer._recipients import (
    is_criminal,
    is_national_id,
    names_organisation,
    party_role,
    special_category,
    strip_role,
    vulnerable_group,
)
from ropa.importer._retention import Retention, parse_retention
from ropa.importer._vocab import fold, has_words, raw_terms, terms, terms_by
from ropa.models.vocab import Frequency, ProcessingRole, Status

__all__ = [
    "Answer",
    "AnswerKind",
    "BasisReading",
    "Retention",
    "country_code",
    "fold",
    "has_words",
    "is_conditional",
    "is_criminal",
    "is_national_id",
    "is_not_stated",
    "is_placeholder",
    "names_organisation",
    "own_items",
    "own_numbered",
    "parse_activity_role",
    "parse_art9",
    "parse_art10",
    "parse_bool_prefix",
    "parse_countries",
    "parse_date",
    "parse_frequency",
    "parse_lawful_bases",
    "parse_mechanism",
    "parse_mechanisms",
    "parse_retention",
    "parse_status",
    "party_role",
    "read_answer",
    "slugify",
    "special_category",
    "split_items",
    "split_lines",
    "states_none",
    "strip_role",
    "vulnerable_group",
]


# --- not stated, placeholders, conditions --------------------------------------------------------------


def is_not_stated(text: str | None) -> bool:
    """True for blank cells and ``N/A``, ``n.v.t.``, ``-``, ``k. A.``, ``entfällt``, ``sans objet``, ..."""
    if text is None:
        return True
    stripped = text.strip()
    if not stripped or stripped in raw_terms("dashes"):
        return True
    return fold(stripped) in terms("not_stated")


def is_placeholder(text: str) -> bool:
    """True for a template's placeholder or drop-down prompt (``Oui/non``, ``Sélectionnez un élément``)."""
    stripped = " ".join(text.split()).casefold().rstrip(".")
    if stripped in {t.casefold().rstrip(".") for t in raw_terms("placeholders")}:
        return True
    folded = fold(text)
    return bool(folded) and folded in {fold(t) for t in raw_terms("placeholders") if "/" not in t}


def is_conditional(text: str) -> bool:
    """True when a cell's answer depends on something (``only for US cloud services``, ``zu prüfen``)."""
    return has_words(fold(text), terms("conditionals"))


def states_none(text: str) -> bool:
    """True when a cell answers "none" (``none``, ``geen``, ``no``, ``nee``, ``non``, ``nein``, ``keine``)."""
    return fold(text) in terms("none")


class AnswerKind(Enum):
    """How a yes/no cell was read."""

    YES = "yes"
    NO = "no"
    NOT_STATED = "not stated"
    PLACEHOLDER = "template placeholder"
    UNCLEAR = "unclear"


@dataclass(frozen=True, slots=True)
class Answer:
    """A yes/no cell read as three states (yes, no, not stated) plus what else it says.

    Attributes:
        kind: yes, no, not stated, a template placeholder, or unclear.
        rest: the text after the yes or no (``Ja, uitgevoerd in 2023`` → ``uitgevoerd in 2023``).
        conditional: the answer depends on something the cell names (``yes, only for ...``).
    """

    kind: AnswerKind
    rest: str
    conditional: bool = False

    @property
    def value(self) -> bool | None:
        """True, False, or None when the cell does not answer."""
        return {AnswerKind.YES: True, AnswerKind.NO: False}.get(self.kind)


_ANSWER_WORD = re.compile(r"^\s*([^\W_]+)(?=$|[\s,.:;!)–—-])[\s,.:;!–—-]*", re.UNICODE)


def read_answer(text: str) -> Answer:
    """Read a yes/no cell: ``Ja, uitgevoerd in 2023`` is yes with a remark; ``N/A``, ``-`` and blanks are
    not stated; ``Oui/non`` or ``Ja/Nee`` is a template placeholder, not an answer."""
    stripped = text.strip()
    if is_not_stated(stripped):
        return Answer(AnswerKind.NOT_STATED, "")
    if is_placeholder(stripped):
        return Answer(AnswerKind.PLACEHOLDER, stripped)
    if stripped in ("✓", "✔", "☑", "☒"):
        return Answer(AnswerKind.YES, "")
    match = _ANSWER_WORD.match(stripped)
    if match is not None:
        word = fold(match.group(1))
        rest = stripped[match.end() :].strip()
        if word in terms("yes") or word in terms("no"):
            kind = AnswerKind.YES if word in terms("yes") else AnswerKind.NO
            return Answer(kind, rest, bool(rest) and is_conditional(rest))
    return Answer(AnswerKind.UNCLEAR, stripped, is_conditional(stripped))


def parse_bool_prefix(text: str) -> tuple[bool | None, str]:
    """``"Ja, uitgevoerd in 2023"`` → ``(True, "uitgevoerd in 2023")``; ``(None, text)`` when the cell does
    not answer (``N/A``, ``Oui/non``, ``maybe``)."""
    answer = read_answer(text)
    if answer.value is None:
        return None, text.strip()
    return answer.value, answer.rest


# --- lists -------------------------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–—]|\d{1,2}[.)]|[a-z][.)])\s+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[^\W\d_]{4}\.$")
_MAX_LIST_ITEM = 60
"""A comma-separated cell is a list when every item is at most this long; otherwise it is prose."""


def split_lines(text: str) -> list[str]:
    """Split on line breaks and ``;``; bullets (``-``, ``•``, ``1.``) are removed; blanks dropped."""
    parts: list[str] = []
    for line in re.split(r"[\n;]+", text):
        item = _BULLET.sub("", line).strip().rstrip(",").strip()
        if item and not is_not_stated(item):
            parts.append(item)
    return parts


def _split_commas(text: str) -> list[str]:
    """Split on commas outside parentheses and brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}" and depth:
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def split_items(text: str) -> list[str]:
    """Split a list of short names (categories, recipients, systems, countries).

    Line breaks and ``;`` separate items; when a cell has neither, commas outside parentheses do
    (``Naam, adres (straat, huisnummer), e-mail`` is three items) unless the parts are too long to be
    names: then the cell is prose and stays one item.
    """
    if "\n" in text or ";" in text:
        return split_lines(text)
    items: list[str] = []
    for part in _split_commas(text):
        item = _BULLET.sub("", part).strip()
        if _SENTENCE_END.search(item):
            item = item[:-1].rstrip()  # a sentence's full stop, not an abbreviation's (B.V., Obb.)
        if item and not is_not_stated(item):
            items.append(item)
    if len(items) > 1 and any(len(item) > _MAX_LIST_ITEM for item in items):
        whole = text.strip()
        return [whole] if not is_not_stated(whole) else []
    return items


# --- ids -------------------------------------------------------------------------------------------


def slugify(text: str, *, max_length: int = 60) -> str:
    """A readable id: ``"Klanten (B2C)"`` → ``klanten-b2c``; empty text gives ``""``."""
    slug = re.sub(r"[^0-9a-z]+", "-", fold(text)).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2 :] else cut
    return slug.strip("-")


# --- dates, status, frequency, role --------------------------------------------------------------

_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), (3, 2, 1)),
)


def parse_date(text: str) -> dt.date | None:
    """ISO dates, and day-first European dates (``31-12-2024``, ``31/12/2024``, ``31.12.2024``)."""
    stripped = text.strip()
    for pattern, (y, m, d) in _DATE_PATTERNS:
        match = pattern.match(stripped)
        if match:
            try:
                return dt.date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return None
    return None


def _keyed(section: str, text: str) -> str | None:
    key = fold(text)
    for value, words in terms_by(section).items():
        if key in words:
            return value
    return None


def parse_status(text: str) -> Status | None:
    """The life-cycle status a cell names, or ``None``."""
    value = _keyed("statuses", text)
    return Status(value) if value else None


def parse_frequency(text: str) -> Frequency | None:
    """How often the processing happens, when a cell says so in one word or phrase."""
    value = _keyed("frequencies", text)
    return Frequency(value) if value else None


def parse_activity_role(text: str) -> tuple[ProcessingRole | None, bool]:
    """The organisation's role a role column names, and whether it says *joint* controller.

    ``Processor``, ``verwerker``, ``Auftragsverarbeiter``, ``sous-traitant`` → processor;
    ``Controller``, ``Verantwortlicher`` → controller; ``Joint controller``, ``gezamenlijke
    verwerkingsverantwoordelijke`` → controller, joint.
    """
    key = fold(text)
    if key in terms("joint_roles"):
        return ProcessingRole.CONTROLLER, True
    value = _keyed("activity_roles", text)
    return (ProcessingRole(value) if value else None), False


# --- lists in ropa's own workbooks --------------------------------------------------------------------

_NUMBER = re.compile(r"([1-9][0-9]*)\. ")


def own_items(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """Split a list cell of ropa's own workbook, which holds one item per line (``ropa.export``).

    Commas and semicolons belong to the items. When an item has line breaks of its own, ropa writes every
    item of the cell with a bullet (``• ``) and indents its further lines; a cell without bullets is
    split at line breaks, but an item whose text has line breaks is kept whole when the workbook names it
    elsewhere (``known``: the multi-line names of its catalogue sheets; workbooks written before the
    bullets). Blank lines and "not stated" cells give no items.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    bulleted = _bulleted(lines)
    if bulleted is not None:
        return bulleted
    items: list[str] = []
    index = 0
    while index < len(lines):
        end = index + 1
        if known:
            for stop in range(len(lines), index + 1, -1):
                if "\n".join(lines[index:stop]).strip() in known:
                    end = stop
                    break
        item = "\n".join(lines[index:end]).strip()
        if item and not is_not_stated(item):
            items.append(item)
        index = end
    return items


def _bulleted(lines: list[str]) -> list[str] | None:
    """The items of a list cell that ropa wrote with bullets (an item has line breaks of its own: each
    item starts with ``• ``, its further lines are indented under it; ``ropa.export.spec.list_cell``), or
    ``None`` when the cell is not written so."""
    indent = " " * len(BULLET)
    if not lines[0].startswith(BULLET) or not all(
        line.startswith((BULLET, indent)) or not line.strip() for line in lines
    ):
        return None
    items: list[list[str]] = []
    for line in lines:
        if line.startswith(BULLET):
            items.append([line[len(BULLET) :]])
        else:
            items[-1].append(line[len(indent) :])
    out = ["\n".join(item).strip() for item in items]
    return [item for item in out if item and not is_not_stated(item)]


def own_numbered(text: str) -> list[str]:
    """Split a cell of ropa's own workbook that lists one thing per purpose (purposes, bases, laws): with
    two or more, each starts a line with its number (``1. ``, ``2. ``, ...) and may span lines; with one,
    the whole cell is the item (``ropa.export.tables._text.numbered``)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts = []
    expected = 1
    for index, line in enumerate(lines):
        match = _NUMBER.match(line)
        if match and int(match.group(1)) == expected:
            starts.append(index)
            expected += 1
    if len(starts) < 2 or starts[0] != 0:
        whole = text.strip()
        return [whole] if whole and not is_not_stated(whole) else []
    items = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(lines)
        indent = " " * len(f"{number + 1}. ")  # further lines are indented under the item's text
        rest = [line.removeprefix(indent) for line in lines[start + 1 : stop]]
        item = "\n".join([_NUMBER.sub("", lines[start], count=1), *rest]).strip()
        if item:
            items.append(item)
    return items
