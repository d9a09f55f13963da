"""YAML for registers: safe, YAML 1.2 scalars, duplicate keys reported, positions on demand.

The fast path (:func:`parse`) composes the document with libyaml when available and builds plain data
without recording positions. Positions are computed only for files that have diagnostics
(:func:`position_index`), by composing that file once more.

Scalar policy (YAML 1.2 core schema): ``null``/``~``/empty are null, ``true``/``false`` are booleans,
integers and floats in canonical form are numbers, everything else is text. ``yes``, ``no``, ``on``,
``off``, ``NO`` (Norway), dates and numbers with leading zeros (``0612345678``) stay text: the models
decide what they mean, and nothing is lost when a number is read back as text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError
from yaml.resolver import BaseResolver

try:  # libyaml is much faster; the pure-Python parser is the fallback.
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    HAVE_LIBYAML = False

try:  # a YAML 1.2 parser in Rust: about 4x faster than libyaml + ropa's builder, on the clean path only
    import yaml_rs as _yaml_rs

    HAVE_YAML_RS = True
except ImportError:  # pragma: no cover - depends on the platform's wheels
    HAVE_YAML_RS = False

__all__ = ["HAVE_LIBYAML", "HAVE_YAML_RS", "MAX_DEPTH", "YamlProblem", "decode", "parse", "position_index"]

MAX_DEPTH = 64
"""Deepest nesting accepted; a register needs fewer than ten levels."""
MAX_ALIAS_NODES = 100_000
"""Most nodes that aliases may add by repetition (refuses "billion laughs"). A text counts one node per
started :data:`ALIAS_CHARS_PER_NODE` characters, so that aliases of long texts are bounded as well."""
ALIAS_CHARS_PER_NODE = 100

_PLAIN = "!ropa/plain"
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"

_DROP = object()
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT_RE = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT_RE = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
# Plain scalars become numbers only in canonical form, so that converting back to text is lossless:
# "0612345678" (a phone number), "012345", "1.10" and "1e3" stay text.
_CANONICAL_INT_RE = re.compile(r"(0|-?[1-9][0-9]{0,17})\Z")
_NUMBER_START = frozenset("0123456789+-.")
_MAX_INT_CHARS = 4000
"""Longest ``!!int`` accepted; Python refuses to convert more than 4300 digits (a ValueError)."""
_BREAK_RE = re.compile(r"\r\n|\r|\n")
_YAML11_BREAKS = ("\x85", "\u2028", "\u2029")


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """A problem found while reading YAML: ``kind`` is a diagnostic code, line and column are 1-based."""

    code: str
    message: str
    hint: str
    line: int
    column: int
    pointer: str = ""


class _Refused(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Loader(_Parser, BaseResolver):
    """libyaml's composer with a resolver that defers plain-scalar typing to :func:`_plain`."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        BaseResolver.__init__(self)

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


def decode(data: bytes) -> tuple[str | None, YamlProblem | None]:
    """Decode UTF-8 (with or without BOM); anything else is a problem with its position."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None, YamlProblem(
            "SYN-006",
            "file is encoded as UTF-16 or UTF-32; register files must be UTF-8",
            "Save the file as UTF-8 (most editors: 'Save with encoding' > UTF-8).",
            1,
            1,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, YamlProblem(
            "SYN-006",
            f"invalid UTF-8 byte 0x{data[exc.start]:02x}",
            "Save the file as UTF-8; the byte may come from a Latin-1 or Windows-1252 editor.",
            line,
            column,
        )
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return None, YamlProblem(
            "SYN-006",
            "file contains a NUL character; it is probably not a text file",
            "Register files are YAML text; remove the binary content.",
            line,
            column,
        )
    return text, None


def _compose(text: str) -> Node | None:
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def _positions(text: str) -> Callable[[Mark], tuple[int, int]]:
    """The 1-based (line, column) of a mark, as editors count them.

    libyaml follows YAML 1.1 and also breaks lines at NEL, LS and PS (U+0085, U+2028, U+2029), which
    text pasted from a word processor can hold; editors and YAML 1.2 do not. For such a text, positions
    are computed from the mark's character index instead of its line.
    """
    if not any(char in text for char in _YAML11_BREAKS):
        return lambda mark: (mark.line + 1, mark.column + 1)
    starts = [0, *(match.end() for match in _BREAK_RE.finditer(text))]

    def position(mark: Mark) -> tuple[int, int]:
        line = bisect.bisect_right(starts, mark.index)
        return line, mark.index - starts[line - 1] + 1

    return position


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a reader offset (libyaml counts bytes of the UTF-8 text)."""
    if HAVE_LIBYAML:
        before = text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "replace")
    else:  # pragma: no cover - depends on the PyYAML build
        before = text[:offset]
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def _syntax_problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    if isinstance(exc, ReaderError):  # a character YAML does not allow: no mark, only an offset
        line, column = _offset_position(text, exc.position)
        char = exc.character  # an int from libyaml, a one-character str from the Python reader
        point = char if isinstance(char, int) else ord(char) if isinstance(char, str) and char else None
        what = f" #x{point:04x}" if point is not None else ""
        return YamlProblem(
            "SYN-001",
            f"YAML syntax error: unacceptable character{what}: {exc.reason}",
            "Remove the control character; it often comes from copying text out of another program.",
            line,
            column,
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = _positions(text)(mark) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    if problem == "exceeded maximum nesting depth":  # libyaml's own limit (1000 levels)
        return _too_deep(line, column, "")
    if "expected a single document" in str(exc):
        return YamlProblem(
            "SYN-005",
            "file contains more than one YAML document",
            "Put each document in its own file; '---' separates documents.",
            line,
            column,
        )
    message = f"{context}, {problem}" if context else str(problem)
    hint = "Check the indentation, quotes and brackets around this position."
    if "\t" in message or "\\t" in message or "tab" in message:
        hint = "YAML does not allow tabs for indentation; indent with spaces."
    return YamlProblem("SYN-001", f"YAML syntax error: {message}", hint, line, column)


def parse(text: str) -> tuple[Any, list[YamlProblem]]:
    """Parse one YAML document into plain data.

    Returns the data (``None`` for an empty document or when the file could not be read as YAML) and
    the problems found. Problems inside a mapping (duplicate keys, refused tags) drop only that entry.
    """
    if HAVE_YAML_RS:
        data = _clean_parse(text)
        if data is not _UNSURE:
            return data, []
    return _careful_parse(text)


def _careful_parse(text: str) -> tuple[Any, list[YamlProblem]]:
    """libyaml's composer and ropa's builder: every problem reported with its position."""
    try:
        root = _compose(text)
    except yaml.YAMLError as exc:
        return None, [_syntax_problem(exc, text)]
    except RecursionError:
        return None, [_too_deep(1, 1, "")]
    if root is None:
        return None, []
    if "*" not in text:  # no alias: the common case takes the fast path
        try:
            return _fast_build(root, 0), []
        except _Fallback:
            pass  # something to report: build again, carefully, with pointers and positions
    builder = _Builder(_positions(text))
    try:
        data = builder.build(root, 0, "")
    except _Refused as exc:
        return None, [*builder.problems, exc.problem]
    return data, builder.problems


_UNSURE = object()
_SCREEN = ("*", "<<", "\t", "\x85", "\u2028", "\u2029", "\ufeff", "\n---", "\n...", "\n%", "\n" + " " * 128)
"""Text that sends a file to the careful path: aliases, merge keys, tabs, YAML 1.1 line breaks, a BOM
inside the text, document markers and directives, deep indentation."""
_TAG_RE = re.compile(r"(?:^|(?<=[\s\[{,:]))!", re.MULTILINE)
_UNPRINTABLE_RE = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters libyaml refuses (it reports them; the Rust parser may not)."""
_LONE_CR_RE = re.compile(r"\r(?!\n)")
_NESTED_INDICATORS_RE = re.compile(r"[-?:] +[-?:] ")
"""``- - x``: block collections nested on one line (the Rust parser recurses for each level)."""
_ODD_INT_RE = re.compile(
    r"[\s\[{,:](?:[-+]?0[xobXOB0-9_]|\+|-0|[0-9]+_)[0-9A-Za-z_]*[ \t\r]*(?:$|[,\]}#])", re.MULTILINE
)
"""Whole plain scalars that the Rust parser reads as integers but ropa keeps as text (``0612345678``,
``+1``, ``-0``, ``0x1F``, ``0o17``, ``1_000``); searched in ``"\\n" + text``. Over-inclusive on purpose
(``10:01``): a match only sends the file to the careful path."""
_MAX_FLOW_DEPTH = 48
_MAX_CANONICAL_INT = 10**18


def _clean_parse(text: str) -> Any:
    """The document parsed by yaml-rs when the result is certainly what the careful path builds, else
    :data:`_UNSURE`.

    The text is screened first (:func:`_screened`), the result is checked after (text keys
    only, no float, integers only in canonical form, nesting below :data:`MAX_DEPTH`); any doubt, and any
    error, sends the file to the careful path, which reports problems with their positions.
    """
    if not _screened(text):
        return _UNSURE
    try:
        data = _yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # a syntax error or a duplicate key: the careful path reports it
        return _UNSURE
    try:
        has_int = _check(data, 0)
    except _Fallback:
        return _UNSURE
    if has_int and _ODD_INT_RE.search("\n" + text) is not None:
        return _UNSURE  # an integer written in a form the careful path keeps as text
    return data


def _screened(text: str) -> bool:
    """True when nothing in ``text`` needs the careful path (see :data:`_SCREEN`)."""
    if text.startswith(("---", "...", "%")) or any(marker in text for marker in _SCREEN):
        return False
    if "!" in text and _TAG_RE.search(text) is not None:
        return False
    if "\r" in text and _LONE_CR_RE.search(text) is not None:
        return False
    if _UNPRINTABLE_RE.search(text) is not None or _NESTED_INDICATORS_RE.search(text) is not None:
        return False
    return _flow_depth(text) <= _MAX_FLOW_DEPTH


def _flow_depth(text: str) -> int:
    """How deep ``[`` and ``{`` nest, counting brackets inside quotes too (an over-estimate)."""
    if text.count("[") + text.count("{") <= _MAX_FLOW_DEPTH:
        return 0
    depth = deepest = 0
    for char in re.findall(r"[\[\]{}]", text):
        depth = depth + 1 if char in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def _check(value: Any, depth: int) -> bool:
    """True when ``value`` holds an integer; raises :class:`_Fallback` on what the careful path would
    build differently (a non-text key, a float, a long integer, too deep a nesting)."""
    cls = value.__class__
    if cls is str or cls is bool or value is None:
        return False
    if cls is int:
        if abs(value) >= _MAX_CANONICAL_INT:
            raise _Fallback
        return True
    if depth >= MAX_DEPTH:
        raise _Fallback
    found = False
    if cls is dict:
        for key, item in value.items():
            if key.__class__ is not str:
                raise _Fallback
            item_cls = item.__class__
            if item_cls is str:
                continue
            found = _check(item, depth + 1) or found
        return found
    if cls is list:
        for item in value:
            if item.__class__ is not str:
                found = _check(item, depth + 1) or found
        return found
    raise _Fallback  # a float, or a type the careful path never builds


class _Fallback(Exception):
    """The fast builder met something it does not handle; the careful builder reports it."""


def _fast_build(node: Node, depth: int) -> Any:
    """Build plain data from a document without aliases, as :class:`_Builder` would, without pointers.

    Raises :class:`_Fallback` on anything :class:`_Builder` would report (a tag, a merge key, a duplicate
    or non-text key, too deep a nesting), so that the result is always the careful builder's.
    """
    cls = node.__class__
    if cls is ScalarNode:
        tag = node.tag
        if tag == _PLAIN:
            return _plain(node.value)
        if tag == _STR:
            return node.value
        raise _Fallback
    if depth >= MAX_DEPTH:
        raise _Fallback
    if cls is SequenceNode:
        if node.tag != _SEQ:
            raise _Fallback
        return [_fast_build(child, depth + 1) for child in node.value]
    if node.tag != _MAP:
        raise _Fallback
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not ScalarNode:
            raise _Fallback
        tag = key_node.tag
        name = key_node.value
        if (tag == _PLAIN and name == "<<") or (tag != _PLAIN and tag != _STR) or name in out:
            raise _Fallback
        out[name] = _fast_build(value_node, depth + 1)
    return out


def _too_deep(line: int, column: int, pointer: str) -> YamlProblem:
    return YamlProblem(
        "SYN-007",
        f"nesting deeper than {MAX_DEPTH} levels",
        "A register needs only a few levels; check for runaway brackets or indentation.",
        line,
        column,
        pointer,
    )


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


class _Builder:
    __slots__ = ("alias_budget", "at", "in_progress", "memo", "problems", "scalars", "sizes")

    def __init__(self, at: Callable[[Mark], tuple[int, int]]) -> None:
        self.at = at
        self.problems: list[YamlProblem] = []
        self.memo: dict[int, Any] = {}
        self.sizes: dict[int, int] = {}
        self.in_progress: set[int] = set()
        self.scalars: set[int] = set()
        self.alias_budget = MAX_ALIAS_NODES

    def _refuse(self, node: Node, code: str, message: str, hint: str, pointer: str) -> _Refused:
        return _Refused(YamlProblem(code, message, hint, *self.at(node.start_mark), pointer))

    def _alias_bomb(self, node: Node, pointer: str) -> _Refused:
        return self._refuse(
            node,
            "SYN-004",
            "aliases expand to too much data (a 'billion laughs' document)",
            "Write the repeated content out, or use fewer nested aliases.",
            pointer,
        )

    def build(self, node: Node, depth: int, pointer: str) -> Any:
        cls = node.__class__
        if cls is ScalarNode:
            key = id(node)
            if key in self.scalars:  # an alias of a scalar: it counts against the budget too
                self.alias_budget -= _scalar_size(node)
                if self.alias_budget < 0:
                    raise self._alias_bomb(node, pointer)
            else:
                self.scalars.add(key)
            tag = node.tag
            if tag == _PLAIN:
                return _plain(node.value)
            if tag == _STR:
                return node.value
            return self._tagged_scalar(node, pointer)
        key = id(node)
        if key in self.memo:  # an alias of an already built collection
            self.alias_budget -= self.sizes[key]
            if self.alias_budget < 0:
                raise self._alias_bomb(node, pointer)
            return self.memo[key]
        if key in self.in_progress:
            raise self._refuse(
                node,
                "SYN-004",
                "an alias refers to a collection that contains it",
                "Recursive aliases cannot be represented; write the content out.",
                pointer,
            )
        if depth >= MAX_DEPTH:
            raise _Refused(_too_deep(*self.at(node.start_mark), pointer))
        if node.tag not in (_SEQ, _MAP):
            raise self._refuse(
                node,
                "SYN-003",
                f"tag '{node.tag}' is not allowed",
                "Remove the tag; register files hold plain data only.",
                pointer,
            )
        self.in_progress.add(key)
        size = 1
        out: Any
        if cls is SequenceNode:
            out = []
            append = out.append
            for index, child in enumerate(node.value):
                item = self._child(child, depth, f"{pointer}/{index}")
                append(None if item is _DROP else item)
                size += self._size(child)
        else:
            out = {}
            for key_node, value_node in node.value:
                name = self._key(key_node, pointer)
                if name is None:
                    continue
                child_pointer = f"{pointer}/{_escape(name)}"
                if name in out:
                    self.problems.append(
                        YamlProblem(
                            "SYN-002",
                            f"duplicate key '{name}'",
                            "Each key may appear once in a mapping; the first value is kept. "
                            "Merge the two entries.",
                            *self.at(key_node.start_mark),
                            child_pointer,
                        )
                    )
                    continue
                value = self._child(value_node, depth, child_pointer)
                if value is not _DROP:
                    out[name] = value
                size += self._size(value_node) + 1
        self.in_progress.discard(key)
        self.memo[key] = out
        self.sizes[key] = size
        return out

    def _size(self, node: Node) -> int:
        if node.__class__ is ScalarNode:
            return _scalar_size(node)
        return self.sizes.get(id(node), 1)

    def _child(self, node: Node, depth: int, pointer: str) -> Any:
        """Build a child; a refused tag drops only that value (reported), other refusals propagate."""
        try:
            return self.build(node, depth + 1, pointer)
        except _Refused as exc:
            if exc.problem.code != "SYN-003":
                raise
            self.problems.append(exc.problem)
            return _DROP

    def _key(self, node: Node, pointer: str) -> str | None:
        line, column = self.at(node.start_mark)
        if node.__class__ is ScalarNode and node.tag in (_PLAIN, _STR):
            if node.value == "<<" and node.tag == _PLAIN:
                self.problems.append(
                    YamlProblem(
                        "SYN-004",
                        "merge keys ('<<') are not supported",
                        "Write the merged keys out; YAML 1.2 has no merge keys.",
                        line,
                        column,
                        pointer,
                    )
                )
                return None
            value = node.value
            if node.tag == _PLAIN and _plain(value).__class__ is not str:
                value = str(value)
            return str(value)
        self.problems.append(
            YamlProblem(
                "SYN-008",
                "mapping key is not text (a list, a mapping or a tagged value)",
                "Use plain text keys such as 'name'.",
                line,
                column,
                pointer,
            )
        )
        return None

    def _tagged_scalar(self, node: Node, pointer: str) -> Any:
        tag, value = node.tag, node.value
        if tag == _NULL and value in _NULLS:
            return None
        if tag == _BOOL and value in _BOOLS:
            return _BOOLS[value]
        if tag == _INT and _INT_RE.match(value) and len(value) <= _MAX_INT_CHARS:
            return int(value)
        if tag == _FLOAT and _FLOAT_RE.match(value):
            return float(value)
        raise self._refuse(
            node,
            "SYN-003",
            f"tag '{tag}' is not allowed here",
            "Remove the tag; register files hold plain data only (no !!python/... or custom tags).",
            pointer,
        )


def _scalar_size(node: Node) -> int:
    """What a scalar costs in the alias budget: one node per started 100 characters."""
    return 1 + len(node.value) // ALIAS_CHARS_PER_NODE


def _plain(value: str) -> Any:
    if not value or value in _NULLS:
        return None
    boolean = _BOOLS.get(value)
    if boolean is not None:
        return boolean
    if value[0] in _NUMBER_START:
        if _CANONICAL_INT_RE.match(value):
            return int(value)
        if _FLOAT_RE.match(value) and value not in (".", "+.", "-."):
            number = float(value)
            if repr(number) == value:
                return number
    return value


def position_index(text: str) -> dict[str, tuple[int, int]]:
    """Map every JSON Pointer of the document to the 1-based (line, column) where it starts.

    Mapping members point at their key, sequence items at the item. Returns ``{}`` when the text is not
    valid YAML (its syntax diagnostic already carries a position).
    """
    try:
        root = _compose(text)
    except (yaml.YAMLError, RecursionError):
        return {}
    index: dict[str, tuple[int, int]] = {}
    if root is None:
        return index
    at = _positions(text)
    stack: list[tuple[Node, str, int]] = [(root, "", 0)]
    seen: set[int] = set()
    index[""] = at(root.start_mark)
    while stack:
        node, pointer, depth = stack.pop()
        if id(node) in seen or depth > MAX_DEPTH:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    continue
                child = f"{pointer}/{_escape(str(key_node.value))}"
                if child not in index:
                    index[child] = at(key_node.start_mark)
                    stack.append((value_node, child, depth + 1))
        elif isinstance(node, SequenceNode):
            for position, item in enumerate(node.value):
                child = f"{pointer}/{position}"
                index[child] = at(item.start_mark)
                stack.append((item, child, depth + 1))
    return index
