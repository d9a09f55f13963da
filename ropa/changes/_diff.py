"""Compare two versions of a register: entity changes, their legal meaning, findings introduced and resolved.

The public verb is :func:`ropa.diff`, which turns its arguments into snapshots and finds the configuration.
"""

from __future__ import annotations

import datetime as dt

from ropa.changes._detect import meanings
from ropa.changes._entities import entity_changes, entity_pairs
from ropa.changes._findings import compare_findings
from ropa.changes._model import Diff
from ropa.changes._snapshot import Snapshot
from ropa.changes._texts import check_lang
from ropa.config import Config
from ropa.diagnostics import Diagnostic, Report

__all__ = ["compare"]


def compare(
    base: Snapshot, head: Snapshot, config: Config | None, *, today: dt.date, lang: str = "en"
) -> Diff:
    """The :class:`Diff` of two snapshots; findings are compared when ``config`` is given (both versions
    are validated with it on ``today``), skipped when it is ``None``. Its texts (the findings' messages,
    the change codes' summaries and what to do, the details) are in ``lang``.

    Raises:
        ValueError: an unsupported language.
    """
    import ropa

    check_lang(lang)
    pairs = list(entity_pairs(base.result, head.result))
    entities = entity_changes(pairs, base.result, head.result)
    introduced: tuple[Diagnostic, ...] = ()
    resolved: tuple[Diagnostic, ...] = ()
    if config is not None:
        base_report = ropa.validate(base.result, config, today=today, lang=lang) if base.exists else Report()
        head_report = ropa.validate(head.result, config, today=today, lang=lang) if head.exists else Report()
        introduced, resolved = compare_findings(base_report, head_report, base.result, head.result)
    return Diff(
        base=base,
        head=head,
        entities=tuple(entities),
        meanings=tuple(meanings(base, head, pairs, entities, introduced, today=today, lang=lang)),
        introduced=introduced,
        resolved=resolved,
        findings_compared=config is not None,
        lang=lang,
    )
