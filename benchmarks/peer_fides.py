"""The peer row: fideslang loads and validates the same content with its own loader.

Runs in its own virtual environment (``benchmarks/.cache/peer-venv``) because fideslang pins
``pydantic<2.13`` and must not downgrade the project's pydantic. Imports only fideslang, PyYAML and the
standard library; prints one JSON line like the workers of :mod:`run`.

Usage::

    peer-venv/bin/python benchmarks/peer_fides.py TASK PATH

``TASK`` is ``load`` (``ingest_manifests`` + ``load_manifests_into_taxonomy``: parse the YAML with
``yaml.safe_load`` and validate every resource), ``models`` (only the model validation, on dicts parsed
untimed with libyaml) or ``references`` (``load`` plus ``get_referenced_missing_keys``, fideslang's
check that every referenced key exists).
"""

from __future__ import annotations

import gc
import glob
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def _peak_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _files(path: str) -> list[str]:
    if path.endswith((".yml", ".yaml")):
        return [path]
    return sorted(glob.glob(f"{path}/**/*.yml", recursive=True))


def main(argv: list[str]) -> int:
    task, path = argv
    import fideslang
    import yaml
    from fideslang.manifests import ingest_manifests, union_manifests
    from fideslang.parse import load_manifests_into_taxonomy
    from fideslang.relationships import get_referenced_missing_keys

    out: dict[str, Any] = {"fideslang": fideslang.__version__}
    if task == "models":
        texts = [Path(f).read_text(encoding="utf-8") for f in _files(path)]
        manifests = union_manifests([yaml.load(t, Loader=yaml.CSafeLoader) for t in texts])
        start, cpu = time.perf_counter(), time.process_time()
        taxonomy = load_manifests_into_taxonomy(manifests)
        seconds = time.perf_counter() - start
        cpu_s = time.process_time() - cpu
    else:
        start, cpu = time.perf_counter(), time.process_time()
        taxonomy = load_manifests_into_taxonomy(ingest_manifests(path))
        if task == "references":
            out["missing_keys"] = len(get_referenced_missing_keys(taxonomy))
        seconds = time.perf_counter() - start
        cpu_s = time.process_time() - cpu
    gc.collect()
    out.update(
        seconds=seconds,
        cpu_s=cpu_s,
        peak_rss_kib=_peak_kib(),
        systems=len(taxonomy.system),
        data_categories=len(taxonomy.data_category),
        data_subjects=len(taxonomy.data_subject),
        data_uses=len(taxonomy.data_use),
    )
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
