"""Folders of generated Markdown pages (``docs/rules/``, ``docs/changes/``): write them, check for drift."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

__all__ = ["pages_drift", "write_pages"]


def write_pages(folder: Path, pages: Mapping[str, str]) -> list[Path]:
    """Write ``pages`` (file name → text) into ``folder``; remove the ``.md`` files it no longer has."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    out = []
    for name, text in pages.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def pages_drift(folder: Path, pages: Mapping[str, str]) -> list[str]:
    """The pages in ``folder`` that are missing, differ from ``pages``, or are extra; sorted."""
    out = [n for n, t in pages.items() if not (folder / n).is_file() or (folder / n).read_text("utf-8") != t]
    out += [p.name for p in folder.glob("*.md") if p.name not in pages]
    return sorted(out)
