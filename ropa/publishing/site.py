"""``ropa publish``: the register as a static web site that works from ``file://`` and any static host.

Pages: an overview of the activities with filter pages (plain links, no JavaScript), one page per
activity with the Art. 30(1) items in plain language, the recipients with processors and
sub-processors, the transfers with their safeguards, the contact details of the controller and the
DPO, and, when Graphviz is available, the data-flow diagram. Every page carries a ``lang`` attribute and
a Content-Security-Policy that allows no script at all.

The output folder is either empty or one that ``ropa publish`` wrote before (it keeps a manifest,
``.ropa-site``): files it wrote before and no longer writes are removed, other files are never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ropa.errors import ExportError
from ropa.export.write import write_atomic
from ropa.publishing import _text
from ropa.publishing._render import html_env, template_globals
from ropa.publishing._view import ActivityView, RegisterView

__all__ = ["MANIFEST", "SitePage", "render_site", "write_site"]

MANIFEST = ".ropa-site"
"""The file listing what ``ropa publish`` wrote into a folder."""


@dataclass(frozen=True)
class SitePage:
    """One file of the site."""

    name: str
    content: bytes


@dataclass(frozen=True)
class _FilterLink:
    page: str
    value: str
    count: int
    activities: tuple[ActivityView, ...]


@dataclass(frozen=True)
class _FilterGroup:
    kind: str
    title: str
    links: tuple[_FilterLink, ...]


def _group(
    view: RegisterView, kind: str, title: str, values: Callable[[ActivityView], Sequence[tuple[str, str]]]
) -> _FilterGroup:
    """Filter pages of one kind: ``values`` gives an activity's (key, shown value) pairs."""
    order: dict[str, str] = {}
    members: dict[str, list[ActivityView]] = {}
    for activity in view.activities:
        for key, shown in dict.fromkeys(values(activity)):
            order.setdefault(key, shown)
            members.setdefault(key, []).append(activity)
    links = tuple(
        _FilterLink(f"filter-{kind}-{n}.html", order[key], len(members[key]), tuple(members[key]))
        for n, key in enumerate(order, start=1)
    )
    return _FilterGroup(kind, title, links)


def _filters(view: RegisterView) -> list[_FilterGroup]:
    lang = view.lang
    return [
        _group(
            view,
            "basis",
            _text.label("column.lawful_basis", lang),
            lambda a: [(p.basis_code, p.basis) for p in a.purposes or () if p.basis_code and p.basis],
        ),
        _group(
            view,
            "subject",
            _text.label("column.data_subjects", lang),
            lambda a: [(s.id, s.name) for s in a.data_subjects or ()],
        ),
        _group(
            view,
            "data",
            _text.label("column.data_categories", lang),
            lambda a: [(c.id, c.name) for c in a.data_categories or ()],
        ),
        _group(
            view,
            "recipient",
            _text.label("column.recipients", lang),
            lambda a: [(r.party_id or f"category:{r.name}", r.name) for r in a.recipients or ()],
        ),
        _group(
            view,
            "country",
            _text.label("column.third_country", lang),
            lambda a: [
                (x.country_code or x.destination, x.destination)
                for x in a.transfers or ()
                if x.status != "eea"
            ],
        ),
    ]


def _asset(name: str) -> bytes:
    return resources.files("ropa.publishing").joinpath("templates", name).read_bytes()


def render_site(view: RegisterView, diagram_svg: bytes | None = None) -> list[SitePage]:
    """Every file of the site, rendered in memory."""
    env = html_env()
    lang = view.lang
    nav = [("index.html", "nav.index"), ("recipients.html", "nav.recipients")]
    nav += [("transfers.html", "nav.transfers"), ("contact.html", "nav.contact")]
    if diagram_svg is not None:
        nav.append(("diagram.html", "nav.diagram"))
    common: dict[str, Any] = {"view": view, "nav": nav, **template_globals(lang)}

    def page(name: str, template: str, current: str, **context: Any) -> SitePage:
        html = env.get_template(template).render(current=current, **common, **context)
        return SitePage(name, html.encode("utf-8"))

    filters = _filters(view)
    pages = [
        page(
            "index.html",
            "index.html.j2",
            "index.html",
            heading=_text.t("site.overview", lang),
            activities=view.activities,
            filters=filters,
            filter=None,
        )
    ]
    pages.extend(
        page(
            link.page,
            "index.html.j2",
            "",
            heading=_text.t("site.filtered", lang, kind=group.title, value=link.value),
            activities=link.activities,
            filters=filters,
            filter={"kind": group.title, "value": link.value},
        )
        for group in filters
        for link in group.links
    )
    pages.extend(page(a.page, "activity.html.j2", "", a=a) for a in view.activities)
    names = {p.id: p.name for p in view.parties}
    published = [p for p in view.parties if p.used_by or p.processor_of]
    published_ids = {p.id for p in published}
    # A sub-processor of a published processor is published too.
    for party in view.parties:
        if party.id not in published_ids and any(o in published_ids for o in party.processor_of):
            published.append(party)
            published_ids.add(party.id)
    pages.append(
        page(
            "recipients.html",
            "recipients.html.j2",
            "recipients.html",
            parties=published,
            published=published_ids,
            party_name=lambda ident: names.get(ident, ident),
            page_of={a.id: a.page for a in view.activities},
            name_of={a.id: a.name for a in view.activities},
        )
    )
    rows = [(a, x) for a in view.activities for x in a.transfers or () if x.status != "eea"]
    pages.append(page("transfers.html", "transfers.html.j2", "transfers.html", rows=rows))
    pages.append(page("contact.html", "contact.html.j2", "contact.html"))
    if diagram_svg is not None:
        pages.append(page("diagram.html", "diagram.html.j2", "diagram.html"))
        pages.append(SitePage("diagram.svg", diagram_svg))
    pages.append(SitePage("style.css", _asset("style.css")))
    pages.append(SitePage("favicon.svg", _asset("favicon.svg")))
    return pages


def _previous(folder: Path) -> set[str] | None:
    """The files a previous run wrote, or ``None`` when the folder is empty or new."""
    if not folder.exists():
        return None
    if not folder.is_dir():
        raise ExportError(f"cannot publish into {folder}: it is not a folder")
    manifest = folder / MANIFEST
    if manifest.is_file():
        names = manifest.read_text(encoding="utf-8").splitlines()
        return {n for n in names if n and "/" not in n and "\\" not in n and not n.startswith(".")}
    if any(folder.iterdir()):
        raise ExportError(
            f"cannot publish into {folder}: the folder is not empty and was not written by 'ropa publish'; "
            "choose an empty or new folder"
        )
    return None


def write_site(pages: Sequence[SitePage], folder: Path) -> list[Path]:
    """Write the pages into ``folder`` (each file atomically) and remove pages of a previous run that
    are gone; files ``ropa publish`` did not write are left alone.

    Raises:
        ExportError: the folder holds other files, or cannot be written.
    """
    previous = _previous(folder)
    written = [write_atomic(folder / p.name, p.content) for p in pages]
    names = {p.name for p in pages}
    for stale in sorted((previous or set()) - names):
        target = folder / stale
        if target.is_file() and not target.is_symlink():
            try:
                target.unlink()
            except OSError as exc:
                raise ExportError(f"cannot remove the old page {target}: {exc.strerror or exc}") from exc
    write_atomic(folder / MANIFEST, ("\n".join(sorted(names)) + "\n").encode("utf-8"))
    return written
