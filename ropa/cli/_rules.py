"""``ropa rules`` lists the rule catalogue; ``ropa explain CODE|NAME`` prints the documentation of a code.

``--all`` adds every other code ropa reports: the structural and suppression codes of ``ropa validate``
and the change codes of ``ropa diff`` (``CHG-nnn``), which ``ropa explain`` also knows.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import ropa
from ropa.cli._common import EXIT_OK, UsageError, did_you_mean

LANGUAGES = ("en", "nl", "fr", "de")

__all__ = ["register", "run_explain", "run_rules"]


def register(sub: Any) -> None:
    """Add the ``rules`` and ``explain`` subcommands."""
    rules: argparse.ArgumentParser = sub.add_parser(
        "rules",
        help="list every rule",
        description="List every rule: code, name, default severity, profile, legal references and summary.",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    rules.add_argument(
        "--all",
        action="store_true",
        help="also list the structural (SYN, STR, IO), suppression (SUP) and change (CHG) codes",
    )
    rules.set_defaults(run=run_rules)

    explain: argparse.ArgumentParser = sub.add_parser(
        "explain",
        help="print the documentation of a rule or code",
        description=(
            "Print the documentation of a rule (LAW-001 or missing-lawful-basis), of a change code of\n"
            "'ropa diff' (CHG-022 or transfer-added) or of any other code."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    explain.add_argument(
        "code", metavar="CODE|NAME", help="a code such as LAW-001, STR-002 or CHG-022, or its name"
    )
    explain.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="en",
        help="language of a change code's page (default: en; the pages of rules are in English)",
    )
    explain.set_defaults(run=run_explain)


def run_rules(args: argparse.Namespace) -> int:
    """Execute ``ropa rules``."""
    infos = [c for c in ropa.catalogue() if args.all or c.kind == "rule"]
    entries: list[dict[str, Any]] = [
        {
            "code": c.code,
            "name": c.name,
            "kind": c.kind,
            "severity": c.severity.value,
            "profile": c.profile if c.kind == "rule" else None,
            "legal_refs": [str(r) for r in c.legal_refs],
            "summary": c.summary,
            "docs": ropa.docs_url(c),
        }
        for c in infos
    ]
    if args.all:
        entries += _change_entries()
    if args.format == "json":
        document = {"version": "1", "rules": entries}
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    code_width = max((len(e["code"]) for e in entries), default=0)
    name_width = max((len(e["name"]) for e in entries), default=0)
    for e in entries:
        refs = ", ".join(e["legal_refs"])
        line = (
            f"{e['code']:<{code_width}}  {e['name']:<{name_width}}  {e['severity']:<7}  "
            f"{e['profile'] or '-':<3}  {e['summary']}"
        )
        print(f"{line} [{refs}]" if refs else line)
    return EXIT_OK


def _change_entries() -> list[dict[str, Any]]:
    """The change codes of ``ropa diff`` as entries of ``ropa rules --all`` (kind ``change``)."""
    return [
        {
            "code": c.code,
            "name": c.name,
            "kind": "change",
            "severity": c.severity.value,
            "profile": None,
            "legal_refs": [str(r) for r in c.legal_refs],
            "summary": c.summary,
            "docs": c.docs_url,
        }
        for c in ropa.change_codes()
    ]


def _explain_change(wanted: str, lang: str) -> str | None:
    """The page of the change code ``wanted`` (code or name, any case) in ``lang``; ``None`` when it is
    not a change code."""
    for key in (wanted, wanted.upper(), wanted.lower()):
        try:
            entry = ropa.change_code(key)
        except KeyError:
            continue
        return ropa.render_change_code(entry, lang).rstrip("\n") + f"\n\nDocumentation: {entry.docs_url}\n"
    return None


def _change_keys() -> list[str]:
    return [key for c in ropa.change_codes() for key in (c.code, c.name)]


def run_explain(args: argparse.Namespace) -> int:
    """Execute ``ropa explain``."""
    wanted: str = args.code.strip()
    lang: str = getattr(args, "lang", "en")
    page = _explain_change(wanted, lang)
    if page is not None:
        sys.stdout.write(page)
        return EXIT_OK
    infos = ropa.catalogue()
    by_key = {c.code: c for c in infos} | {c.name: c for c in infos}
    info = by_key.get(wanted) or by_key.get(wanted.upper()) or by_key.get(wanted.lower())
    if info is None:
        known = [*by_key, *_change_keys()]
        raise UsageError(
            f"no rule or code '{wanted}'{did_you_mean(wanted, known)} ('ropa rules --all' lists them)"
        )
    if lang != "en":
        print(
            f"ropa: note: the page of {info.code} is in English (only change codes have translated pages)",
            file=sys.stderr,
        )
    text = ropa.explain(info.code)
    sys.stdout.write(text.rstrip("\n") + f"\n\nDocumentation: {ropa.docs_url(info)}\n")
    return EXIT_OK
