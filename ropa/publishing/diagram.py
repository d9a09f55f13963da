"""``ropa diagram``: the data flows of the register as a graph.

Data subjects → activities → systems → recipients and processors → sub-processors. A transfer to a
third country is drawn on the edge to its recipient (or to the country) and marked by its safeguard:
recorded (solid, green), missing (dashed, red, "no safeguard"). Colour is never the only sign: the
status is also in the edge's label.

Two forms: Mermaid (text that GitHub and many wikis render) and SVG, laid out by Graphviz's ``dot``
through the ``graphviz`` Python binding. Register text is escaped for each: Mermaid entity codes, and
for Graphviz plain (never HTML-like) labels; Graphviz itself escapes the text it writes into the SVG.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ropa.errors import ExportError
from ropa.publishing import _text
from ropa.publishing._deps import MissingDependencyError, require
from ropa.publishing._view import RegisterView, SafeguardStatus

__all__ = ["Edge", "Graph", "Node", "build_graph", "mermaid", "mermaid_label", "svg"]

NodeKind = Literal["subject", "activity", "system", "recipient", "country"]


@dataclass(frozen=True)
class Node:
    id: str
    kind: NodeKind
    label: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str = ""
    status: SafeguardStatus | None = None


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    titles: dict[str, str]
    """The heading of each kind of node, in the view's language."""


_PREFIX = {"subject": "ds", "activity": "a", "system": "sys", "recipient": "r", "country": "c"}


def build_graph(view: RegisterView, *, systems: bool = True) -> Graph:
    """The data-flow graph of the published view (systems only when the view has them and ``systems``)."""
    lang = view.lang
    nodes: dict[str, Node] = {}
    edges: dict[Edge, None] = {}  # insertion-ordered set: an edge drawn once, found in constant time
    keys: dict[tuple[str, str], str] = {}

    def node(kind: NodeKind, key: str, label: str) -> str:
        ident = keys.get((kind, key))
        if ident is None:
            ident = f"{_PREFIX[kind]}{len(keys) + 1}"
            keys[(kind, key)] = ident
            nodes[ident] = Node(ident, kind, label)
        return ident

    def edge(new: Edge) -> None:
        edges.setdefault(new, None)

    parties = {p.id: p for p in view.parties}
    for activity in view.activities:
        act = node("activity", activity.id, activity.name)
        for subject in activity.data_subjects or ():
            edge(Edge(node("subject", subject.id, subject.name), act))
        for system in (activity.systems or ()) if systems else ():
            edge(Edge(act, node("system", system, system)))
        transfers = [x for x in activity.transfers or () if x.status != "eea"]
        for recipient in activity.recipients or ():
            key = recipient.party_id or f"category:{recipient.name}"
            target = node("recipient", key, recipient.name)
            party = parties.get(recipient.party_id) if recipient.party_id else None
            moves = [x for x in transfers if x.party_id is not None and x.party_id == recipient.party_id]
            if moves:
                for move in moves:
                    edge(
                        Edge(act, target, _transfer_label(move.country_code, move.status, lang), move.status)
                    )
            elif party is not None and party.status == "missing":
                edge(Edge(act, target, _transfer_label(party.country_code, "missing", lang), "missing"))
            else:
                edge(Edge(act, target))
        for move in transfers:
            if move.party_id is not None and any(
                r.party_id == move.party_id for r in activity.recipients or ()
            ):
                continue
            if move.party_id is not None and move.party_id in parties:
                target = node("recipient", move.party_id, parties[move.party_id].name)
            else:
                target = node("country", move.country_code or move.destination, move.destination)
            edge(Edge(act, target, _transfer_label(move.country_code, move.status, lang), move.status))
    for party in view.parties:
        source = keys.get(("recipient", party.id))
        if source is None:
            continue
        for sub in party.sub_processors:
            child = parties.get(sub)
            edge(
                Edge(
                    source, node("recipient", sub, child.name if child else sub), _text.t("diagram.sub", lang)
                )
            )
    titles = {
        "subject": _text.label("column.data_subjects", lang),
        "activity": _text.label("sheet.activities", lang),
        "system": _text.label("column.systems", lang),
        "recipient": _text.label("sheet.parties", lang),
        "country": _text.label("column.third_country", lang),
    }
    return Graph(tuple(nodes.values()), tuple(edges), titles)


def _transfer_label(country: str | None, status: SafeguardStatus, lang: _text.Lang) -> str:
    where = country or "?"
    return f"{where}: {_text.t('diagram.' + status, lang)}"


# --- Mermaid ------------------------------------------------------------------------------------

_MERMAID_PLAIN = re.compile(r"[\w ,.:-]", re.UNICODE)


def mermaid_label(text: str) -> str:
    """Text as a quoted Mermaid label: every character but letters, digits, spaces and commas becomes an
    entity code (``#60;``), so no text can close the label, start markup or a directive."""
    out = [
        char if _MERMAID_PLAIN.fullmatch(char) and char != "_" else f"#{ord(char)};"
        for char in " ".join(text.split())
    ]
    return '"' + "".join(out) + '"'


_SHAPES = {
    "subject": ("([", "])"),
    "activity": ("[", "]"),
    "system": ("[(", ")]"),
    "recipient": ("[[", "]]"),
    "country": ("{{", "}}"),
}


def mermaid(graph: Graph) -> str:
    """The graph as a Mermaid flowchart (left to right, one subgraph per kind of node)."""
    lines = ["flowchart LR"]
    for kind in ("subject", "activity", "system", "recipient", "country"):
        members = [n for n in graph.nodes if n.kind == kind]
        if not members:
            continue
        lines.append(f"  subgraph {kind}[{mermaid_label(graph.titles[kind])}]")
        for n in members:
            opening, closing = _SHAPES[kind]
            lines.append(f"    {n.id}{opening}{mermaid_label(n.label)}{closing}")
        lines.append("  end")
    styles = []
    for index, e in enumerate(graph.edges):
        arrow = "-.->" if e.status == "missing" else "-->"
        if e.label:
            lines.append(f"  {e.source} {arrow}|{mermaid_label(e.label)}| {e.target}")
        else:
            lines.append(f"  {e.source} {arrow} {e.target}")
        if e.status == "missing":
            styles.append(f"  linkStyle {index} stroke:#8a1c1c,stroke-width:2px")
        elif e.status == "safeguarded":
            styles.append(f"  linkStyle {index} stroke:#1d5e20,stroke-width:2px")
    return "\n".join(lines + styles) + "\n"


# --- SVG through Graphviz -----------------------------------------------------------------------


def _dot_text(text: str) -> object:
    graphviz = require("graphviz", "graphviz", "The SVG diagram")
    # A plain label: backslashes are escape sequences to dot (\N, \l), so double them; nohtml keeps a
    # label that starts with '<' from being read as an HTML-like label.
    return graphviz.nohtml(" ".join(text.split()).replace("\\", "\\\\"))


MAX_SVG_NODES = 300
"""Above this many boxes an SVG is no longer readable, and Graphviz's layout time grows steeply (a
1,000-activity register ran for over ten minutes): :func:`svg` refuses, and the site leaves the diagram
out. Mermaid has no such limit."""


_NODE_STYLE = {
    "subject": {"shape": "ellipse", "fillcolor": "#e8eef5"},
    "activity": {"shape": "box", "fillcolor": "#ffffff", "penwidth": "2"},
    "system": {"shape": "cylinder", "fillcolor": "#f2f2f2"},
    "recipient": {"shape": "box", "style": "rounded,filled", "fillcolor": "#f3f6fa"},
    "country": {"shape": "hexagon", "fillcolor": "#fdeeee"},
}


def svg(graph: Graph) -> bytes:
    """The graph laid out by Graphviz ``dot``, as SVG.

    Raises:
        MissingDependencyError: the ``graphviz`` Python package is not installed.
        ExportError: the Graphviz program ``dot`` is not installed, or failed, or the graph has more than
            :data:`MAX_SVG_NODES` nodes.
    """
    if len(graph.nodes) > MAX_SVG_NODES:
        raise ExportError(
            f"the diagram has {len(graph.nodes)} boxes, more than the {MAX_SVG_NODES} an SVG can show "
            "readably; use the Mermaid format, or leave out the systems"
        )
    graphviz = require("graphviz", "graphviz", "The SVG diagram")
    dot = graphviz.Digraph(
        "ropa",
        graph_attr={"rankdir": "LR", "fontname": "Helvetica", "nodesep": "0.3", "ranksep": "0.9"},
        node_attr={"fontname": "Helvetica", "fontsize": "11", "style": "filled", "color": "#12355b"},
        edge_attr={"fontname": "Helvetica", "fontsize": "9", "color": "#404040"},
    )
    for kind in ("subject", "activity", "system", "recipient", "country"):
        members = [n for n in graph.nodes if n.kind == kind]
        if not members:
            continue
        with dot.subgraph(name=f"cluster_{kind}") as cluster:
            cluster.attr(label=_dot_text(graph.titles[kind]), color="#8c8c8c", fontcolor="#1b1b1b")
            for n in members:
                cluster.node(n.id, label=_dot_text(n.label), **_NODE_STYLE[kind])
    for e in graph.edges:
        attrs: dict[str, object] = {}
        if e.label:
            attrs["label"] = _dot_text(e.label)
        if e.status == "missing":
            attrs.update(color="#8a1c1c", fontcolor="#8a1c1c", style="dashed", penwidth="2")
        elif e.status == "safeguarded":
            attrs.update(color="#1d5e20", fontcolor="#1d5e20", penwidth="2")
        dot.edge(e.source, e.target, **attrs)
    try:
        data: bytes = dot.pipe(format="svg")
    except graphviz.ExecutableNotFound as exc:
        raise ExportError(
            "the SVG diagram needs Graphviz's 'dot' program: install Graphviz (Debian/Ubuntu: "
            "apt-get install graphviz; macOS: brew install graphviz)"
        ) from exc
    except graphviz.CalledProcessError as exc:
        raise ExportError(f"Graphviz could not lay out the diagram: {exc}") from exc
    return data


def svg_available() -> bool:
    """True when both the ``graphviz`` package and the ``dot`` program are installed."""
    import shutil

    try:
        require("graphviz", "graphviz", "The SVG diagram")
    except MissingDependencyError:
        return False
    return shutil.which("dot") is not None
