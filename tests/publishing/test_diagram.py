"""``ropa.diagram``: Mermaid and SVG (Graphviz) of the data flows, with transfers marked."""

from __future__ import annotations

import re

import pytest
from defusedxml import ElementTree as ET
from hypothesis import given
from hypothesis import strategies as st

import ropa
from ropa.models import Register
from ropa.publishing import diagram as graph
from ropa.publishing._view import build_view

needs_dot = pytest.mark.skipif(not graph.svg_available(), reason="Graphviz (dot) is not installed")
SVG = "{http://www.w3.org/2000/svg}"


def test_the_graph_runs_from_subjects_to_sub_processors(shop: Register) -> None:
    built = graph.build_graph(build_view(shop, "en", ("systems",)))
    label = {n.id: n.label for n in built.nodes}
    edges = {(label[e.source], label[e.target], e.status) for e in built.edges}
    assert ("Customers", "Order handling", None) in edges
    assert ("Order handling", "INTERNAL-SYSTEM-NAME ShopERP", None) in edges
    assert ("Order handling", "CloudHost GmbH", None) in edges
    assert ("CloudHost GmbH", "Backup Inc.", None) in edges
    # Transfers: SCCs to Backup Inc. (not a direct recipient), DPF to Mailer, nothing to Analytics Corp.
    assert ("Order handling", "Backup Inc.", "safeguarded") in edges
    assert ("Newsletter", "Mailer LLC", "safeguarded") in edges
    assert ("Web analytics", "Analytics Corp", "missing") in edges
    missing = next(e for e in built.edges if e.status == "missing")
    assert missing.label == "US: no safeguard"


def test_systems_are_left_out_when_asked(shop: Register) -> None:
    text = ropa.diagram(shop, systems=False)
    assert "ShopERP" not in text


def test_mermaid_has_one_node_per_entity_and_styles_transfers(shop: Register) -> None:
    text = ropa.diagram(shop, format="mermaid", lang="nl")
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert any(re.fullmatch(r"  a\d+ -\.->\|\"US: geen waarborg\"\| r\d+", line) for line in lines)
    assert sum(line.startswith("  linkStyle") for line in lines) == 3
    assert text.count('"Order handling"') == 1


@given(st.text())
def test_a_mermaid_label_cannot_close_itself_or_start_markup(text: str) -> None:
    label = graph.mermaid_label(text)
    inner = label[1:-1]
    assert label[0] == label[-1] == '"'
    assert not set(inner) & set('"<>`[]{}()|\n\r')
    assert re.fullmatch(r"([^#;]|#\d+;)*", inner), "every # starts an entity code"
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m[1])), inner)
    assert decoded == " ".join(text.split())


def test_hostile_text_in_mermaid_stays_inside_labels(hostile: Register) -> None:
    text = ropa.diagram(hostile)
    for line in text.splitlines()[1:]:
        stripped = re.sub(r'"[^"]*"', '""', line).strip()
        assert re.fullmatch(
            r'(subgraph \w+\[""\]|end|\w+(\(\[|\[\(|\[\[|\[|\{\{)""(\]\)|\)\]|\]\]|\]|\}\})'
            r'|\w+ (-->|-\.->)(\|""\|)? \w+|linkStyle \d+ stroke:#[0-9a-f]{6},stroke-width:2px)',
            stripped,
        ), line
    assert "%%" not in text


@needs_dot
def test_svg_is_laid_out_by_graphviz_and_marks_transfers(shop: Register) -> None:
    root = ET.fromstring(ropa.diagram(shop, format="svg"))
    assert root.tag == f"{SVG}svg"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Order handling" in texts
    assert "US: no safeguard" in texts
    red = [p for p in root.iter(f"{SVG}path") if p.get("stroke") == "#8a1c1c"]
    assert len(red) == 1
    assert red[0].get("stroke-dasharray")


@needs_dot
def test_hostile_text_in_the_svg_is_text(hostile: Register) -> None:
    svg = ropa.diagram(hostile, format="svg")
    root = ET.fromstring(svg)
    tags = {e.tag.removeprefix(SVG) for e in root.iter()}
    assert tags <= {"svg", "g", "title", "text", "polygon", "path", "ellipse", "polyline"}, tags
    for element in root.iter():
        assert not any(name.startswith("on") for name in element.attrib), element.attrib
    texts = [t.text for t in root.iter(f"{SVG}text")]
    labels = [n.label for n in graph.build_graph(build_view(hostile, "en", ("systems",))).nodes]
    assert any("<" in label for label in labels)
    for label in labels:  # every label is drawn as the very text of the register
        assert " ".join(label.split()) in texts, label


def test_a_missing_dot_program_is_a_clear_export_error(
    shop: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ropa.ExportError, match="Graphviz's 'dot' program"):
        ropa.diagram(shop, format="svg")


def test_a_graph_too_large_to_read_is_refused_as_svg_and_left_out_of_the_site(tmp_path: object) -> None:
    from pathlib import Path

    n = graph.MAX_SVG_NODES
    register = Register.model_validate(
        {"activities": [{"id": f"a{i}", "name": f"Activity {i}"} for i in range(n + 1)]}
    )
    with pytest.raises(ropa.ExportError, match=f"more than the {n}"):
        ropa.diagram(register, format="svg")
    assert ropa.diagram(register).count('["Activity') == n + 1
    folder = Path(str(tmp_path)) / "site"
    ropa.publish(register, folder)
    assert not (folder / "diagram.svg").exists()
