"""Find the positions of a few JSON Pointers in a YAML text: from its lines when the text is plain block
style, else by composing it with libyaml once and walking only to them.

Used for the positions of rule findings. Most register files are plain block style (keys and ``-`` items
one per line, text on one line or in ``|``/``>`` blocks): for them the position of a key or an item is
found from the indentation of the lines alone, about twenty times cheaper than composing the file again.
The line walk answers only where it is certain to give libyaml's answer; anything else (a quoted text or
a flow collection that runs over lines, anchors, aliases, tags, a key it does not read, tabs, document
markers) sends the whole file to libyaml. ``tests/loading/test_locate.py`` checks that both give the same
positions for every pointer of generated texts and of the registers in the repository.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

import yaml
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ropa.loading import _yaml

__all__ = ["block_locate", "flow_comma", "locate"]


def _unescape(segment: str) -> str:
    return segment.replace("~1", "/").replace("~0", "~")


def _walk(root: Node, pointer: str, at: Callable[[Mark], tuple[int, int]]) -> tuple[int, int]:
    """The position of ``pointer`` (a member's key, an item), or of its nearest existing ancestor."""

    def _mark(node: Node) -> tuple[int, int]:
        return at(node.start_mark)

    node = root
    found = _mark(root)
    if not pointer:
        return found
    for depth, raw in enumerate(pointer.split("/")[1:]):
        if depth > _yaml.MAX_DEPTH:
            break
        segment = _unescape(raw)
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and str(key_node.value) == segment:
                    found = _mark(key_node)
                    node = value_node
                    break
            else:
                return found
        elif isinstance(node, SequenceNode) and segment.isdigit() and int(segment) < len(node.value):
            node = node.value[int(segment)]
            found = _mark(node)
        else:
            return found
    return found


def locate(text: str, pointers: Iterable[str]) -> dict[str, tuple[int, int]]:
    """1-based (line, column) of each pointer; ``{}`` when the text is not valid YAML."""
    wanted = list(pointers)
    fast = block_locate(text, wanted)
    if fast is not None:
        return fast
    try:
        root = _yaml._compose(text)
    except (yaml.YAMLError, RecursionError, ValueError):
        return {}
    if root is None:
        return {}
    at = _yaml._positions(text)
    return {pointer: _walk(root, pointer, at) for pointer in wanted}


# --- the line walk ---------------------------------------------------------------------------------------
# The text is searched with str.find and a few regular expressions, never line by line in Python: the
# lines that matter are found by their indentation. Offsets are into "\n" + text, so that every line
# starts after a "\n" and the number of "\n" before an offset is its 1-based line.

_REFUSED = ("\t", "\x85", "\u2028", "\u2029", "\ufeff")
"""Characters after which line and column are not simply counted (or libyaml reads the text otherwise)."""
_MARKERS = re.compile(r"\n(?:---|\.\.\.)(?:[ \r\n]|\Z)|\n%")
_SPECIAL = "\"'[{&*!?%@`"
"""Characters that may start a quoted text, a flow collection, an anchor, an alias, a tag, a complex key
or a reserved indicator."""
_OPENERS = "\n-:?,[{"
"""What precedes (spaces aside) a character of :data:`_SPECIAL` where it starts a value."""
_DOUBLE = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_SINGLE = re.compile(r"'(?:[^'\n]|'')*'")
_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: +|(?=\r?\n)|\Z)")
"""A plain key as the line walk reads it, and the spaces after its colon."""
_FIRST = re.compile(r"\n( *+)[^ \r\n#]")
_EMPTY_FLOW = re.compile(r"(?:\[ *\]|\{ *\}) *(?:#[^\n]*)?\r?(?:\n|\Z)")
_FLOW_ITEM = re.compile(r"\w[^,\[\]{}#\"':]*\Z")
"""A plain scalar in a flow sequence as the walk reads it (no quotes, colons or brackets)."""


class _Unsure(Exception):
    """The line walk cannot be certain of libyaml's answer."""


def _plain_block(text: str) -> bool:
    """True when ``text`` is plain block style as far as positions are concerned: quoted texts and flow
    collections close on the line they open, and there are no anchors, aliases, tags, complex keys,
    directives, document markers, tabs or line breaks other than LF and CRLF."""
    if any(char in text for char in _REFUSED) or _MARKERS.search("\n" + text) is not None:
        return False
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return False
    for char in _SPECIAL:
        at = text.find(char)
        while at >= 0:
            before = at - 1
            while before >= 0 and text[before] == " ":
                before -= 1
            if (before < 0 or text[before] in _OPENERS) and not _value_ok(text, at, char):
                return False
            at = text.find(char, at + 1)
    return True


def _value_ok(text: str, at: int, char: str) -> bool:
    """Whether the value that ``char`` starts at ``at`` keeps to its line (a quoted text, a flow
    collection) and is not an anchor, alias, tag or complex key."""
    if char == '"' or char == "'":
        return (_DOUBLE if char == '"' else _SINGLE).match(text, at) is not None
    if char == "[" or char == "{":
        end = text.find("\n", at)
        line = text[at : end if end >= 0 else len(text)]
        return '"' not in line and "'" not in line and _balanced(line)
    if char == "?":
        return text[at + 1 : at + 2] not in ("", " ", "\n", "\r")
    return False


def _balanced(line: str) -> bool:
    """True when the brackets opened at the start of ``line`` close on it."""
    depth = 0
    for char in line:
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return True
    return depth == 0


@cache
def _key_end(indent: int) -> re.Pattern[str]:
    """A line that ends the block value of a key at ``indent``: less indented, or as indented and not an
    item of a compact sequence (blank lines and comments do not end it)."""
    less = rf"\n {{0,{indent - 1}}}[^ \r\n#]|" if indent else ""
    return re.compile(rf"{less}\n {{{indent}}}(?!-(?: |\r?\n|\Z))[^ \r\n#]")


@cache
def _odd(indent: int) -> re.Pattern[str]:
    """A line at ``indent`` that is neither blank, a comment, an item nor a key the walk reads: the text
    of a multi-line scalar, or a key in another form (quoted, with spaces, ...)."""
    return re.compile(
        rf"\n {{{indent}}}(?! )(?![A-Za-z0-9_][A-Za-z0-9_.-]*:(?: |\r?\n|\Z)|-(?: |\r?\n|\Z)|#|\r?\n|\Z)"
    )


@cache
def _item_end(indent: int) -> re.Pattern[str]:
    """A line that ends an item whose ``-`` is at ``indent``: at most as indented."""
    return re.compile(rf"\n {{0,{indent}}}[^ \r\n#]")


_Block = tuple[int, int, int, int]
"""A block collection: (first line's offset, end offset, indentation of its entries, offset of a first key
on an item's line or -1)."""
_Node = _Block | tuple[int, list[int]] | None
"""A block collection; the line offset and item columns of a flow sequence on one line; or ``None`` for a
scalar or an empty collection (the walk stops at it)."""


class _Lines:
    """A plain block-style text, searched for the keys and items of pointers."""

    def __init__(self, text: str) -> None:
        self.t = "\n" + text

    def line(self, offset: int) -> int:
        return self.t.count("\n", 0, offset)

    def line_end(self, offset: int) -> int:
        end = self.t.find("\n", offset)
        return len(self.t) if end < 0 else end

    def text_at(self, offset: int) -> str:
        """The rest of the line from ``offset``, without its line break."""
        return self.t[offset : self.line_end(offset)].removesuffix("\r")

    def odd_at(self, indent: int, lo: int, hi: int) -> bool:
        """Whether a line of :func:`_odd` at ``indent`` starts in ``lo..hi``."""
        return _odd(indent).search(self.t, lo - 1, hi) is not None

    def first(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The first line with content in ``lo..hi``: (offset, indentation)."""
        found = _FIRST.search(self.t, lo - 1, hi)
        if found is None:
            return None
        return found.start() + 1, found.end() - found.start() - 2

    def block(self, lo: int, hi: int) -> _Node:
        """The node of the lines ``lo..hi`` below a key or an empty item (``None``: nothing, a null)."""
        first = self.first(lo, hi)
        if first is None:
            return None
        offset, indent = first
        content = self.text_at(offset + indent)
        if _is_item(content) or _KEY.match(content):
            return offset, hi, indent, -1
        return self.value(offset + indent, content)

    def value(self, offset: int, text: str) -> _Node:
        """The node written on a line from ``offset`` on (``text``): a scalar or an empty flow collection,
        a flow sequence of plain scalars; :class:`_Unsure` for anything else."""
        head = text[:1]
        if head in ("[", "{"):
            if _EMPTY_FLOW.match(self.t, offset):
                return None
            if head == "{":
                raise _Unsure
            return offset, _flow_items(text, offset - self.t.rfind("\n", 0, offset) - 1)
        if head in ('"', "'"):
            closed = (_DOUBLE if head == '"' else _SINGLE).match(text)
            if closed is None:
                raise _Unsure
            rest = text[closed.end() :].lstrip(" ")
            if rest and rest[0] != "#":
                raise _Unsure  # a quoted key: a mapping
            return None
        plain = text.split(" #", 1)[0].rstrip(" ")
        if ": " in plain or plain.endswith(":") or _is_item(plain):
            raise _Unsure  # a mapping with a key the walk does not read
        return None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        return self.line(offset), offset - self.t.rfind("\n", 0, offset)

    def walk(self, pointer: str) -> tuple[int, int]:
        """:func:`_walk` on the lines; raises :class:`_Unsure` where it cannot be certain."""
        first = self.first(1, len(self.t))
        if first is None:
            raise _Unsure  # an empty document
        start, indent = first
        content = self.text_at(start + indent)
        if not (_is_item(content) or _KEY.match(content)):
            raise _Unsure  # a scalar or a flow collection
        found = self.position(start + indent)
        node: _Node = (start, len(self.t), indent, -1)
        for depth, raw in enumerate(pointer.split("/")[1:] if pointer else ()):
            if depth > _yaml.MAX_DEPTH:
                break
            if node is None:  # a scalar: the walk stops here
                return found
            segment = _unescape(raw)
            if len(node) == 2:  # a flow sequence on one line
                offset, columns = node
                if not segment.isdigit() or int(segment) >= len(columns):
                    return found
                return self.line(offset), columns[int(segment)] + 1  # an item is a scalar
            lo, hi, level, virtual = node
            head = virtual if virtual >= 0 else lo + level
            if _is_item(self.text_at(head)):
                if not segment.isdigit():
                    return found
                step = self.item(lo, hi, level, int(segment))
                if step is None:
                    return found
                found, node = step
            else:
                step = self.member(node, segment)
                if step is None:
                    return found
                found, node = step
        return found

    def item(self, lo: int, hi: int, level: int, number: int) -> tuple[tuple[int, int], _Node] | None:
        """The position and node of item ``number`` of the sequence in ``lo..hi`` at ``level``."""
        if self.odd_at(level, lo, hi):
            raise _Unsure
        prefix = "\n" + " " * level + "-"
        at = self.t.find(prefix, lo - 1, hi)
        seen = 0
        while at >= 0:
            after = self.t[at + len(prefix) : at + len(prefix) + 1]
            if after in ("", " ", "\r", "\n"):
                if seen == number:
                    return self.enter_item(at + 1, level)
                seen += 1
            at = self.t.find(prefix, at + 1, hi)
        return None

    def enter_item(self, start: int, dash: int) -> tuple[tuple[int, int], _Node]:
        """The position and node of the item whose line starts at ``start`` with its ``-`` at ``dash``."""
        next_line = self.line_end(start) + 1
        end = _item_end(dash).search(self.t, next_line - 1)
        hi = end.start() + 1 if end is not None else len(self.t)
        content = self.text_at(start + dash)
        rest = content[1:].lstrip(" ")
        if not rest or rest[0] == "#":  # the item's node is on the following lines
            first = self.first(next_line, hi)
            if first is None:
                raise _Unsure  # an empty item: libyaml places the null elsewhere
            offset, indent = first
            return self.position(offset + indent), self.block(next_line, hi)
        column = start + dash + len(content) - len(rest)
        if _is_item(rest):
            raise _Unsure  # "- - x": a sequence in a sequence on one line
        if _KEY.match(rest):  # "- key: value": a mapping whose first key is on the item's line
            return self.position(column), (next_line, hi, column - start, column)
        return self.position(column), self.value(column, rest)

    def member(self, node: _Block, segment: str) -> tuple[tuple[int, int], _Node] | None:
        """The position and node of the member ``segment`` of the mapping ``node``."""
        lo, hi, level, virtual = node
        hit = -1
        if virtual >= 0:
            key = _KEY.match(self.text_at(virtual))
            if key is not None and key.group(1) == segment:
                hit = virtual
        if hit < 0:
            prefix = "\n" + " " * level + segment + ":"
            at = self.t.find(prefix, lo - 1, hi) if _KEY.fullmatch(segment + ":") else -1
            while at >= 0:
                after = self.t[at + len(prefix) : at + len(prefix) + 1]
                if after in ("", " ", "\r", "\n"):
                    break
                at = self.t.find(prefix, at + 1, hi)
            if self.odd_at(level, lo, at + 1 if at >= 0 else hi):
                raise _Unsure  # a key the walk does not read comes first
            if at < 0:
                return None
            hit = at + 1 + level
        content = self.text_at(hit)
        key = _KEY.match(content)
        assert key is not None  # noqa: S101 - found as a key
        found = self.position(hit)
        rest = content[key.end() :]
        if rest and rest[0] != "#":
            return found, self.value(hit + key.end(), rest)
        next_line = self.line_end(hit) + 1
        end = _key_end(level).search(self.t, next_line - 1, hi)
        return found, self.block(next_line, end.start() + 1 if end is not None else hi)


def _is_item(content: str) -> bool:
    return content == "-" or content.startswith("- ")


def _flow_items(text: str, column: int) -> list[int]:
    """The columns (0-based) of the items of the flow sequence ``[a, b, c]`` that ``text`` starts with,
    ``text`` starting at ``column``."""
    end = text.find("]")
    tail = text[end + 1 :].lstrip(" ") if end >= 0 else "?"
    if end < 0 or (tail and tail[0] != "#"):
        raise _Unsure
    columns = []
    offset = 1
    parts = text[1:end].split(",")
    for number, part in enumerate(parts):
        item = part.strip(" ")
        if not item and number == len(parts) - 1 and number > 0:
            break  # a trailing comma
        if _FLOW_ITEM.match(item) is None:
            raise _Unsure
        columns.append(column + offset + len(part) - len(part.lstrip(" ")))
        offset += len(part) + 1
    return columns


def block_locate(text: str, pointers: Iterable[str]) -> dict[str, tuple[int, int]] | None:
    """The positions of ``pointers`` read from the lines of a plain block-style text, exactly as
    :func:`locate` finds them with libyaml (for a text that is valid YAML); ``None`` when the text is not
    plain enough to be certain."""
    if not _plain_block(text):
        return None
    lines = _Lines(text)
    try:
        return {pointer: lines.walk(pointer) for pointer in pointers}
    except (_Unsure, ValueError):
        return None


def flow_comma(text: str, pointer: str) -> tuple[str, str, bool] | None:
    """When the key at ``pointer`` is the tail of a plain value cut at a comma inside ``{ }``: the key of
    that value, the value as the user meant it, and whether this key is the first piece cut off.

    ``{name: FG (extern, via X)}`` reads as ``name: FG (extern`` and a key ``via X)`` without a value; for
    the pointer of ``via X)`` this gives ``("name", "FG (extern, via X)", True)``. ``None`` otherwise.
    """
    try:
        root = _yaml._compose(text)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    segments = [_unescape(raw) for raw in pointer.split("/")[1:]]
    if root is None or not segments:
        return None
    node: Node = root
    for segment in segments[:-1]:
        if isinstance(node, MappingNode):
            found = [v for k, v in node.value if isinstance(k, ScalarNode) and str(k.value) == segment]
            if not found:
                return None
            node = found[0]
        elif isinstance(node, SequenceNode) and segment.isdigit() and int(segment) < len(node.value):
            node = node.value[int(segment)]
        else:
            return None
    if not isinstance(node, MappingNode) or not node.flow_style:
        return None
    pairs = node.value

    def cut(at: int) -> bool:  # a plain key without a value: a piece after a comma
        key, value = pairs[at]
        return isinstance(key, ScalarNode) and _plain(key) and _is_empty(value)

    for index, (key, _) in enumerate(pairs):
        if not (isinstance(key, ScalarNode) and key.value == segments[-1] and cut(index)):
            continue
        start = index
        while start > 0 and cut(start - 1):
            start -= 1
        if start == 0:
            return None
        before_key, before = pairs[start - 1]
        if not (isinstance(before, ScalarNode) and _plain(before) and before.value):
            return None
        end = index
        while end + 1 < len(pairs) and cut(end + 1):
            end += 1
        pieces = [before.value, *(pairs[at][0].value for at in range(start, end + 1))]
        return str(before_key.value), ", ".join(pieces), index == start
    return None


def _is_empty(node: Node) -> bool:
    """An implicit null: a key without ``:`` or without a value in a flow mapping."""
    return isinstance(node, ScalarNode) and node.value == "" and _plain(node)


def _plain(node: ScalarNode) -> bool:
    """A plain (unquoted) scalar: libyaml says ``""``, the pure-Python parser ``None``."""
    return not node.style
