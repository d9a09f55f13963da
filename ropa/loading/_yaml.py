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

from ropa.diagnostics import Template
from ropa.loading.codes import render

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
    template: Template | None = None


def _problem(key: str, line: int, column: int, pointer: str = "", /, **values: object) -> YamlProblem:
    """The problem ``key`` of :data:`ropa.loading.codes.MESSAGES` at ``line``:``column``."""
    code, message, hint, template = render(key, **values)
    return YamlProblem(code, message, hint, line, column, pointer, template)


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
        return None, _problem("SYN-006.utf16", 1, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, _problem("SYN-006.invalid-byte", line, column, byte=f"0x{data[exc.start]:02x}")
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return None, _problem("SYN-006.nul", line, column)
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


_QUOTED = ("while scanning a quoted scalar", "while parsing a quoted scalar")
_FLOW = {"while parsing a flow sequence": ("[", "]"), "while parsing a flow mapping": ("{", "}")}
_KEY_LINE = re.compile(r"\n[ \t]*(?:-[ \t]+)?[A-Za-z_][A-Za-z0-9_-]*:(?:[ \t]|$)", re.MULTILINE)
_RUNAWAY_SCAN_LIMIT = 1_000_000
"""Longest text (in characters) scanned again for a quote that runs on; the scan is pure Python."""


def _char_at(text: str, line: int, column: int) -> str:
    lines = _BREAK_RE.split(text)
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


def _runaway_quote(text: str, stop: Mark | None) -> tuple[tuple[int, int], int, str] | None:
    """The last quoted scalar before the parser stopped that spans lines which look like keys: the usual
    trace of a missing closing quote, which libyaml reports only where the text stops making sense.

    Returns its start (line, column), its last line and the quote character, or ``None``.
    """
    if stop is None or len(text) > _RUNAWAY_SCAN_LIMIT:
        return None
    at = _positions(text)
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            start, end = token.start_mark, token.end_mark
            if start.index >= stop.index:
                break
            style = getattr(token, "style", None)
            multi_line = start.line != end.line
            if style in ('"', "'") and multi_line and _KEY_LINE.search(text, start.index, end.index):
                found = (at(start), at(end)[0], str(style))
    except (yaml.YAMLError, RecursionError):
        pass
    return found


def _syntax_problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    """The problem of a text that is not YAML, placed where the broken construct starts: the opening quote
    or bracket, the tab; the place where the parser stopped becomes a note in the message."""
    if isinstance(exc, ReaderError):  # a character YAML does not allow: no mark, only an offset
        line, column = _offset_position(text, exc.position)
        char = exc.character  # an int from libyaml, a one-character str from the Python reader
        point = char if isinstance(char, int) else ord(char) if isinstance(char, str) and char else None
        name = f"U+{point:04X}" if point is not None else "?"
        return _problem("SYN-001.character", line, column, char=name)
    at = _positions(text)
    problem_mark: Mark | None = getattr(exc, "problem_mark", None)
    context_mark: Mark | None = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    line, column = at(mark) if mark is not None else (1, 1)
    problem = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    if problem == "exceeded maximum nesting depth":  # libyaml's own limit (1000 levels)
        return _too_deep(line, column, "")
    if "expected a single document" in str(exc):
        return _problem("SYN-005.documents", line, column)
    if "tab" in problem or "\t" in problem or _char_at(text, line, column) == "\t":
        return _problem("SYN-001.tab", line, column)
    if context in _QUOTED and context_mark is not None:
        start = at(context_mark)
        if "end of stream" in problem:
            last = len(_BREAK_RE.split(text.rstrip("\r\n")))
            return _problem("SYN-001.unclosed-quote", *start, end_line=last, quote=_char_at(text, *start))
        if "escape" in problem or "hexdecimal" in problem:
            lines = _BREAK_RE.split(text)
            row = lines[line - 1] if line <= len(lines) else ""
            slash = row.rfind("\\", 0, column)
            if slash >= 0:
                return _problem("SYN-001.escape", line, slash + 1, char=row[slash + 1 : slash + 2])
    if context in _FLOW and context_mark is not None and "did not find expected" in problem:
        bracket, closer = _FLOW[context]
        start = at(context_mark)
        return _problem(
            "SYN-001.unclosed-bracket",
            *start,
            bracket=bracket,
            closer=closer,
            stop_line=line,
            stop_column=column,
        )
    detail = f"{context}, {problem}" if context else problem
    runaway = _runaway_quote(text, problem_mark)
    if runaway is not None:
        start, end_line, quote = runaway
        return _problem(
            "SYN-001.runaway-quote",
            *start,
            end_line=end_line,
            quote=quote,
            stop_line=line,
            stop_column=column,
            detail=detail,
        )
    return _problem("SYN-001.syntax", line, column, detail=detail)


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
_SCREEN_CHARS = ("*", "\t", "\x85", "\u2028", "\u2029", "\ufeff")
_SCREEN_TEXTS = ("\n---", "\n...", "\n" + " " * 128)
"""Text that sends a file to the careful path: aliases, tabs, YAML 1.1 line breaks, a BOM inside the text,
document markers, deep indentation; and (below) merge keys and directives. Single characters first: a
search for one character is many times cheaper than for a string, in a text with characters beyond
Latin-1."""
_TAG_RE = re.compile(r"(?:^|(?<=[\s\[{,:]))!", re.MULTILINE)
_ASCII_REFUSED = tuple(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
_REFUSED = (*_ASCII_REFUSED, *(chr(c) for c in (*range(0x80, 0x85), *range(0x86, 0xA0), 0xFFFE, 0xFFFF)))
"""Characters libyaml refuses (it reports them; the Rust parser may not): C0 and C1 controls but tab,
line breaks and NEL, and U+FFFE, U+FFFF. (Lone surrogates cannot come out of a UTF-8 decoding.)"""
_LONE_CR_RE = re.compile(r"\r(?!\n)")
_NESTED_INDICATORS_RES = tuple(re.compile(rf"{lead} +[-?:] ") for lead in ("-", r"\?", ":"))
"""``- - x``: block collections nested on one line (the Rust parser recurses for each level); one pattern
per leading indicator, each starting with a literal, which the regular expression engine finds fast."""
_ODD_INT_RE = re.compile(
    r"[ \t\n\r\[{,:](?=[-+0-9])(?:[-+]?0[xobXOB0-9_]|\+|-0|[0-9]+_)[0-9A-Za-z_]*[ \t\r]*(?:$|[,\]}#])",
    re.MULTILINE,
)
"""Whole plain scalars that the Rust parser reads as integers but ropa keeps as text (``0612345678``,
``+1``, ``-0``, ``0x1F``, ``0o17``, ``1_000``); searched in ``"\\n" + text``. Over-inclusive on purpose
(``10:01``): a match only sends the file to the careful path. (Whitespace is spelled out: ``\\s`` costs
a Unicode look-up for every character, and the other breaks and spaces have already been screened.)"""
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
    """True when nothing in ``text`` needs the careful path (see :data:`_SCREEN_CHARS`)."""
    if text.startswith(("---", "...", "%")) or any(char in text for char in _SCREEN_CHARS):
        return False
    if not text.endswith(("\n", "\r")) and ("|" in text or ">" in text):
        return False  # a block scalar at the very end: libyaml keeps no final line break, yaml-rs adds one
    if ("<" in text and "<<" in text) or ("%" in text and "\n%" in text):
        return False
    if any(marker in text for marker in _SCREEN_TEXTS):
        return False
    if "!" in text and _TAG_RE.search(text) is not None:
        return False
    if "\r" in text and _LONE_CR_RE.search(text) is not None:
        return False
    if any(char in text for char in (_ASCII_REFUSED if text.isascii() else _REFUSED)):
        return False
    if any(pattern.search(text) is not None for pattern in _NESTED_INDICATORS_RES):
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
    if cls is dict:
        try:
            "".join(value)  # every key is text: join raises TypeError on any other key, in C
        except TypeError:
            raise _Fallback from None
        items: Any = value.values()
    elif cls is list:
        items = value
    else:
        raise _Fallback  # a float, or a type the careful path never builds
    kinds = set(map(type, items))
    kinds.discard(str)
    if not kinds:
        return False
    found = False
    for item in items:
        if item.__class__ is not str:
            found = _check(item, depth + 1) or found
    return found


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
    return _problem("SYN-007.too-deep", line, column, pointer, depth=MAX_DEPTH)


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

    def _refuse(self, node: Node, key: str, pointer: str, /, **values: object) -> _Refused:
        return _Refused(_problem(key, *self.at(node.start_mark), pointer, **values))

    def _alias_bomb(self, node: Node, pointer: str) -> _Refused:
        return self._refuse(node, "SYN-004.alias-bomb", pointer)

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
            raise self._refuse(node, "SYN-004.recursive-alias", pointer)
        if depth >= MAX_DEPTH:
            raise _Refused(_too_deep(*self.at(node.start_mark), pointer))
        if node.tag not in (_SEQ, _MAP):
            raise self._refuse(node, "SYN-003.tag", pointer, tag=node.tag)
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
                        _problem(
                            "SYN-002.duplicate-key", *self.at(key_node.start_mark), child_pointer, key=name
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
                self.problems.append(_problem("SYN-004.merge-key", line, column, pointer))
                return None
            value = node.value
            if node.tag == _PLAIN and _plain(value).__class__ is not str:
                value = str(value)
            return str(value)
        self.problems.append(_problem("SYN-008.key", line, column, pointer))
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
        raise self._refuse(node, "SYN-003.scalar-tag", pointer, tag=tag)


def _scalar_size(node: Node) -> int:
    """What a scalar costs in the alias budget: one node per started 100 characters."""
    return 1 + len(node.value) // ALIAS_CHARS_PER_NODE


def is_canonical_int(text: str) -> bool:
    """True when ``text`` is a whole number the loader reads as a number when it is not quoted."""
    return bool(_CANONICAL_INT_RE.match(text))


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
