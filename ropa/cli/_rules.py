"""``ropa rules`` lists the rule catalogue; ``ropa explain CODE|NAME`` prints the documentation of a code."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import ropa
from ropa.cli._common import EXIT_OK, UsageError, did_you_mean

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
        help="also list the structural (SYN, STR, IO) and suppression (SUP) codes",
    )
    rules.set_defaults(run=run_rules)

    explain: argparse.ArgumentParser = sub.add_parser(
        "explain",
        help="print the documentation of a rule or code",
        description="Print the documentation of a rule (LAW-001 or missing-lawful-basis) or any other code.",
    )
    explain.add_argument(
        "code", metavar="CODE|NAME", help="a code such as LAW-001 or STR-002, or a rule name"
    )
    explain.set_defaults(run=run_explain)


def run_rules(args: argparse.Namespace) -> int:
    """Execute ``ropa rules``."""
    infos = [c for c in ropa.catalogue() if args.all or c.kind == "rule"]
    if args.format == "json":
        document = {
            "version": "1",
            "rules": [
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
            ],
        }
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    code_width = max((len(c.code) for c in infos), default=0)
    name_width = max((len(c.name) for c in infos), default=0)
    for c in infos:
        refs = ", ".join(str(r) for r in c.legal_refs)
        profile = c.profile if c.kind == "rule" else "-"
        line = (
            f"{c.code:<{code_width}}  {c.name:<{name_width}}  {c.severity.value:<7}  {profile:<3}  "
            f"{c.summary}"
        )
        print(f"{line} [{refs}]" if refs else line)
    return EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    """Execute ``ropa explain``."""
    wanted: str = args.code.strip()
    infos = ropa.catalogue()
    by_key = {c.code: c for c in infos} | {c.name: c for c in infos}
    info = by_key.get(wanted) or by_key.get(wanted.upper()) or by_key.get(wanted.lower())
    if info is None:
        raise UsageError(
            f"no rule or code '{wanted}'{did_you_mean(wanted, by_key)} ('ropa rules' lists them)"
        )
    text = ropa.explain(info.code)
    sys.stdout.write(text.rstrip("\n") + f"\n\nDocumentation: {ropa.docs_url(info)}\n")
    return EXIT_OK
