"""``ropa export --format jsonld|subprocessors``: the DPV JSON-LD and the sub-processor list."""

from __future__ import annotations

import argparse
import sys
from typing import Literal

from ropa.cli._common import UsageError
from ropa.cli._publish import finish, load_register

__all__ = ["export_published"]

_TABLE_SUFFIXES: dict[str, Literal["csv", "md", "html"]] = {
    ".csv": "csv",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}


def export_published(args: argparse.Namespace, fmt: str) -> int:
    """Write the JSON-LD or the sub-processor list (stdout without ``-o``)."""
    import ropa

    table: Literal["csv", "md", "html"] = "md"
    if fmt == "subprocessors" and args.output is not None:
        suffix = args.output.suffix.lower()
        if suffix not in _TABLE_SUFFIXES:
            raise UsageError(
                f"cannot tell the list's format from '{args.output}'; use a .csv, .md or .html file"
            )
        table = _TABLE_SUFFIXES[suffix]
    loaded = load_register(args)
    if isinstance(loaded, int):
        return loaded
    if fmt == "jsonld":
        text = ropa.export_jsonld(loaded.result, args.output, lang=loaded.lang)
        detail = "jsonld"
    else:
        text = ropa.export_subprocessors(
            loaded.result,
            args.output,
            format=table,
            lang=loaded.lang,
        )
        detail = f"subprocessors, {table}, {loaded.lang}"
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    return finish(loaded, f"{args.output} ({detail})" if args.output else None)
