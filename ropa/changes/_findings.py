"""Findings introduced and resolved between two versions, matched by fingerprint.

A finding's fingerprint (:attr:`ropa.Diagnostic.fingerprint`, the one the JSON and SARIF reports carry)
hashes its code, file, JSON Pointer and entity, so it survives lines moving. Findings are matched on it
first. An entity that moved to another file, or to another place in its file, changes the file or pointer
of its findings; those are matched next on the fingerprint of the finding *relative to its entity* (the
file left out and the pointer taken from the entity's own position), so that a move is not reported as
findings resolved and introduced.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence

from ropa.diagnostics import Diagnostic, Location, Report
from ropa.loading.loader import LoadResult
from ropa.models import RopaModel

__all__ = ["compare_findings", "relative_fingerprint"]


def _entity_pointers(result: LoadResult) -> dict[str, list[str]]:
    """For each file, the pointers of the entities read from it, longest first."""
    out: dict[str, list[str]] = {}
    register = result.register
    for name in type(register).model_fields:
        value = getattr(register, name)
        for entity in value if isinstance(value, tuple) else [value]:
            origin = entity.origin if isinstance(entity, RopaModel) else None
            if origin is not None and origin.file is not None:
                out.setdefault(origin.file, []).append(origin.pointer)
    for pointers in out.values():
        pointers.sort(key=len, reverse=True)
    return out


def relative_fingerprint(diagnostic: Diagnostic, entity_pointers: dict[str, list[str]]) -> str:
    """The fingerprint of ``diagnostic`` with its file left out and its pointer made relative to the
    entity it lies in (``/activities/3/purposes/0`` in an entity at ``/activities/3`` → ``/purposes/0``)."""
    loc = diagnostic.location
    pointer = loc.pointer
    for start in entity_pointers.get(loc.file or "", ()):
        if pointer == start or pointer.startswith(start + "/"):
            pointer = pointer[len(start) :]
            break
    relative = Location(None, pointer, None, loc.entity)
    return dataclasses.replace(diagnostic, location=relative).fingerprint


def _unmatched(
    ours: Sequence[Diagnostic], theirs: Sequence[Diagnostic], keys: Iterable[tuple[list[str], list[str]]]
) -> list[int]:
    """Indexes of ``ours`` left after pairing with ``theirs`` on each key in turn (as multisets)."""
    left_ours = list(range(len(ours)))
    left_theirs = list(range(len(theirs)))
    for our_keys, their_keys in keys:
        available = Counter(their_keys[i] for i in left_theirs)
        kept: list[int] = []
        for i in left_ours:
            if available[our_keys[i]] > 0:
                available[our_keys[i]] -= 1
            else:
                kept.append(i)
        matched = Counter(our_keys[i] for i in left_ours) - Counter(our_keys[i] for i in kept)
        still: list[int] = []
        for j in left_theirs:
            if matched[their_keys[j]] > 0:
                matched[their_keys[j]] -= 1
            else:
                still.append(j)
        left_ours, left_theirs = kept, still
    return left_ours


def compare_findings(
    base: Report, head: Report, base_result: LoadResult, head_result: LoadResult
) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """``(introduced, resolved)``: findings only in ``head``, and findings only in ``base``."""
    old, new = list(base.diagnostics), list(head.diagnostics)
    old_exact = [d.fingerprint for d in old]
    new_exact = [d.fingerprint for d in new]
    old_pointers, new_pointers = _entity_pointers(base_result), _entity_pointers(head_result)
    old_relative = [relative_fingerprint(d, old_pointers) for d in old]
    new_relative = [relative_fingerprint(d, new_pointers) for d in new]
    introduced = _unmatched(new, old, [(new_exact, old_exact), (new_relative, old_relative)])
    resolved = _unmatched(old, new, [(old_exact, new_exact), (old_relative, new_relative)])
    return tuple(new[i] for i in introduced), tuple(old[i] for i in resolved)
