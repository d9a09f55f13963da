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
