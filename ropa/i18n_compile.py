"""Compile the translation catalogues: ``ropa/locales/<lang>.toml`` → ``<lang>.json``.

The TOML is what translators edit; the JSON holds the same data with the SHA-256 of the TOML's bytes, and
:func:`ropa.i18n.catalogue` reads it instead of parsing the TOML when the hash matches (a run in Dutch
would otherwise spend about 50 ms parsing TOML). ``make locales`` writes the files; ``--check`` (and
``tests/i18n/test_compiled.py``) fails when one is missing or stale.

    python -m ropa.i18n_compile           # write ropa/locales/*.json
    python -m ropa.i18n_compile --check   # exit 1 when one is missing or stale
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from ropa.i18n import COMPILED_KEY, LANGS, LOCALES, catalogue_data

__all__ = ["compiled", "main", "stale"]


def compiled(lang: str, folder: Path | None = None) -> str:
    """The text of ``<lang>.json``, compiled from ``<lang>.toml`` in ``folder``: one value a line, so that
    a change to the TOML is a small change to the JSON.

    Raises:
        OSError: the TOML cannot be read.
        ValueError: it is not valid TOML.
    """
    source = ((folder or LOCALES) / f"{lang}.toml").read_bytes()
    data = {COMPILED_KEY: hashlib.sha256(source).hexdigest(), "catalogue": catalogue_data(source)}
    return json.dumps(data, ensure_ascii=False, indent=0) + "\n"


def stale(folder: Path | None = None) -> list[str]:
    """The compiled catalogues in ``folder`` (default: ``ropa/locales``) that are missing or differ from
    what :func:`compiled` makes."""
    folder = folder or LOCALES
    out = []
    for lang in LANGS:
        target = folder / f"{lang}.json"
        try:
            current = target.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != compiled(lang, folder):
            out.append(target.name)
    return out


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, check) the compiled catalogues; the exit code says whether all are
    current."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--check"]:
        problems = stale()
        for name in problems:
            sys.stderr.write(f"ropa/locales/{name} is missing or stale: run `make locales`\n")
        return 1 if problems else 0
    if args:
        sys.stderr.write("usage: python -m ropa.i18n_compile [--check]\n")
        return 2
    from ropa.export.write import write_atomic

    for lang in LANGS:
        write_atomic(LOCALES / f"{lang}.json", compiled(lang).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
