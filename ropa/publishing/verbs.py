"""The publishing verbs of the public API, exported from :mod:`ropa` (import them from there: this module's
path is not part of the API). Nothing here prints or exits."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Literal

from ropa.diagnostics import Report
from ropa.export.write import write_atomic
from ropa.loading.loader import LoadResult
from ropa.models import NoticeStatement, Register
from ropa.publishing._deps import MissingDependencyError
from ropa.publishing._view import INTERNAL_PARTS
from ropa.publishing.compare import NoticeDiscrepancy
from ropa.publishing.compare import compare_notice as _compare

__all__ = [
    "PUBLISH_INTERNAL_PARTS",
    "MissingDependencyError",
    "NoticeDiscrepancy",
    "compare_notice",
    "diagram",
    "export_jsonld",
    "export_subprocessors",
    "notice",
    "notice_statements",
    "publish",
]

Lang = Literal["en", "nl", "fr", "de"]

PUBLISH_INTERNAL_PARTS: tuple[str, ...] = INTERNAL_PARTS
"""What :func:`publish` leaves out unless named in ``include``: ``notes``, ``suppressions``,
``security-measures``, ``unmapped``, ``systems``, ``findings``."""


def _register(source: Register | LoadResult) -> Register:
    return source.register if isinstance(source, LoadResult) else source


def _write(path: str | os.PathLike[str] | None, data: bytes) -> None:
    if path is not None:
        write_atomic(Path(path), data)


def publish(
    register: Register | LoadResult,
    output: str | os.PathLike[str],
    *,
    lang: Lang = "en",
    include: Collection[str] = (),
    report: Report | None = None,
    diagram: bool = True,
) -> list[Path]:
    """Write the register as a static web site (no JavaScript; works from ``file://`` and any host).

    Args:
        register: the register, or a load result.
        output: the folder to write; it must be empty, new, or written by ``publish`` before (files it
            wrote before and no longer writes are removed; nothing else is touched).
        lang: language of the site.
        include: internal parts to publish as well: ``notes``, ``suppressions``, ``security-measures``,
            ``unmapped``, ``systems``, ``findings`` (never published otherwise).
        report: the findings, published only when ``"findings"`` is in ``include``.
        diagram: add the data-flow diagram (SVG) when Graphviz is installed and the graph has at most
            ``ropa.publishing.diagram.MAX_SVG_NODES`` boxes.

    Returns:
        The files written, in order.

    Raises:
        MissingDependencyError: Jinja2 or Babel is not installed (``pip install 'ropa-register[publish]'``).
        ExportError: the folder holds files ``publish`` did not write, or cannot be written.
        ValueError: an unknown language or internal part.
    """
    from ropa.publishing import diagram as graph
    from ropa.publishing._view import build_view
    from ropa.publishing.site import render_site, write_site

    view = build_view(_register(register), lang, include, report)
    svg = None
    if diagram and graph.svg_available():
        built = graph.build_graph(view)
        if len(built.nodes) <= graph.MAX_SVG_NODES:
            svg = graph.svg(built)
    return write_site(render_site(view, svg), Path(output))


def notice(
    register: Register | LoadResult,
    path: str | os.PathLike[str] | None = None,
    *,
    lang: Lang = "en",
    format: Literal["md", "html"] = "md",
    today: dt.date | None = None,
) -> str:
    """The register-derived sections of an Art. 13/14 privacy notice, marked as a draft for review.

    Args:
        register: the register, or a load result.
        path: when given, the text is also written there atomically.
        lang: language of the notice.
        format: ``md`` (Markdown) or ``html`` (a standalone page).
        today: the date the draft is stamped with (default: today).

    Raises:
        MissingDependencyError: Jinja2 or Babel is not installed.
        ValueError: an unknown language or format.
    """
    from ropa.publishing._view import build_view
    from ropa.publishing.notice import build_notice, render_notice

    if format not in ("md", "html"):
        raise ValueError(f"unknown notice format {format!r}; use md or html")
    reg = _register(register)
    day = today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    text = render_notice(build_notice(build_view(reg, lang), reg, day), format)
    _write(path, text.encode("utf-8"))
    return text


def notice_statements(register: Register | LoadResult) -> dict[str, NoticeStatement]:
    """What :func:`notice` states about each activity (recipients, third countries, retention periods),
    by activity id: the form :func:`compare_notice` compares with the register."""
    from ropa.publishing._view import build_view
    from ropa.publishing.notice import notice_statements as statements

    return statements(build_view(_register(register), "en"))


def compare_notice(
    register: Register | LoadResult, statements: Mapping[str, NoticeStatement] | None = None
) -> list[NoticeDiscrepancy]:
    """Where a privacy notice and the register disagree, both ways (the check behind RGT-005).

    Args:
        register: the register, or a load result.
        statements: what the published notice states, by activity id; by default each activity's own
            ``notice`` field.

    Returns:
        The disagreements, activity by activity (recipients, then transfers, then retention).
    """
    return _compare(_register(register), statements)


def export_subprocessors(
    register: Register | LoadResult,
    path: str | os.PathLike[str] | None = None,
    *,
    format: Literal["csv", "md", "html"] = "md",
    lang: Lang = "en",
) -> str:
    """The sub-processor list: processors and their sub-processors with service, location and transfer
    safeguard, as CSV, Markdown or an HTML page.

    Raises:
        MissingDependencyError: Jinja2 or Babel is not installed.
        ValueError: an unknown language or format.
    """
    from ropa.publishing._view import build_view
    from ropa.publishing.subprocessors import render_subprocessors

    if format not in ("csv", "md", "html"):
        raise ValueError(f"unknown sub-processor list format {format!r}; use csv, md or html")
    text = render_subprocessors(build_view(_register(register), lang), format)
    _write(path, text.encode("utf-8"))
    return text


def diagram(
    register: Register | LoadResult,
    path: str | os.PathLike[str] | None = None,
    *,
    format: Literal["mermaid", "svg"] = "mermaid",
    lang: Lang = "en",
    systems: bool = True,
) -> str:
    """The data-flow diagram: data subjects → activities → systems → recipients → sub-processors, with
    third-country transfers marked by their safeguard status.

    Args:
        register: the register, or a load result.
        path: when given, the diagram is also written there atomically.
        format: ``mermaid`` (text for GitHub and wikis) or ``svg`` (laid out by Graphviz).
        lang: language of the labels.
        systems: show the systems of the activities.

    Raises:
        MissingDependencyError: the ``graphviz`` package (svg) or Babel is not installed.
        ExportError: Graphviz's ``dot`` program is missing or failed (svg).
        ValueError: an unknown language or format.
    """
    from ropa.publishing import diagram as graph
    from ropa.publishing._view import build_view

    if format not in ("mermaid", "svg"):
        raise ValueError(f"unknown diagram format {format!r}; use mermaid or svg")
    include = ("systems",) if systems else ()
    built = graph.build_graph(build_view(_register(register), lang, include), systems=systems)
    text = graph.mermaid(built) if format == "mermaid" else graph.svg(built).decode("utf-8")
    _write(path, text.encode("utf-8"))
    return text


def export_jsonld(
    register: Register | LoadResult,
    path: str | os.PathLike[str] | None = None,
    *,
    base: str = "urn:ropa:",
    lang: Lang = "en",
) -> str:
    """The register as W3C DPV 2.x JSON-LD, with the DPV IRIs the models carry.

    Args:
        register: the register, or a load result.
        path: when given, the JSON-LD is also written there atomically.
        base: IRI prefix of the register's own entities (``urn:ropa:activity:orders``).
        lang: language of generated descriptions (retention rules in words).
    """
    from ropa.export.jsonld import register_to_jsonld

    text = register_to_jsonld(_register(register), base=base, lang=lang)
    _write(path, text.encode("utf-8"))
    return text
