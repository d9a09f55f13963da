"""Find the positions of a few JSON Pointers in a YAML text, composing it once and walking only to them.

Used for the positions of rule findings: a file with findings is composed again, the wanted pointers are
looked up along the node tree, and the tree is dropped. Building an index of every node instead costs as
much as the parse and keeps a dictionary of every pointer alive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import yaml
from yaml.error import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ropa.loading import _yaml

__all__ = ["locate"]


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
    try:
        root = _yaml._compose(text)
    except (yaml.YAMLError, RecursionError, ValueError):
        return {}
    if root is None:
        return {}
    at = _yaml._positions(text)
    return {pointer: _walk(root, pointer, at) for pointer in pointers}


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
