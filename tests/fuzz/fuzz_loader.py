"""Coverage-guided fuzzing of the register loader, and of the rules on whatever loads.

The property checked for every input: ``ropa.loads`` returns (never raises), every diagnostic has a known
structural code, the file name and a line and column; ``position_index`` never raises; ``ropa.validate``
runs on the result without raising.

With atheris (``pip install atheris``; libFuzzer options after the folders)::

    mkdir -p /tmp/ropa-fuzz
    .venv/bin/python tests/fuzz/fuzz_loader.py /tmp/ropa-fuzz tests/fuzz/corpus \\
        -dict=tests/fuzz/yaml.dict -max_total_time=300 -timeout=10 -rss_limit_mb=1024 -print_final_stats=1

The first folder collects the inputs atheris finds interesting (keep it out of the repository); crashes
are written as ``crash-*`` files in the current folder.

Without atheris, a simple seeded random mutator over the same corpus and dictionary::

    .venv/bin/python tests/fuzz/fuzz_loader.py --mutate --seconds 300 --seed 1 tests/fuzz/corpus

It writes failing inputs to ``tests/fuzz/crashes/`` and prints the number of executions. Every crash
becomes a regression test in ``tests/adversarial/test_fuzz_regressions.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

TODAY = dt.date(2026, 6, 1)
CORPUS = HERE / "corpus"
DICTIONARY = HERE / "yaml.dict"


def _load_modules() -> None:
    """Import everything the target runs (inside atheris.instrument_imports() when fuzzing)."""
    import ropa.loading._yaml
    import ropa.loading.loader
    import ropa.rules
    import ropa.rules.engine  # noqa: F401


def check(data: bytes) -> None:
    """The fuzz target: raises AssertionError (or anything else) only when ropa misbehaves."""
    import ropa
    from ropa.loading._yaml import decode, position_index
    from ropa.loading.codes import STRUCTURAL

    result = ropa.loads(data, name="fuzz.yaml")
    for d in result.diagnostics:
        if d.code not in STRUCTURAL:
            raise AssertionError(f"unknown structural code {d.code}: {d}")
        if d.location.file != "fuzz.yaml" or d.location.line < 1 or d.location.column < 1:
            raise AssertionError(f"diagnostic without a position: {d}")
    text, _ = decode(data)
    if text is not None:
        position_index(text)
    ropa.validate(result, today=TODAY)


# --- the fallback: a seeded random mutator ------------------------------------------------------


def dictionary_tokens(path: Path = DICTIONARY) -> list[bytes]:
    """The quoted tokens of a libFuzzer dictionary file (``name="value"`` or ``"value"`` lines)."""
    tokens = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or '"' not in line:
            continue
        quoted = line[line.index('"') + 1 : line.rindex('"')]
        tokens.append(quoted.encode("latin-1").decode("unicode_escape").encode("latin-1"))
    return tokens


def corpus_inputs(folders: list[Path]) -> list[bytes]:
    inputs = []
    for folder in folders:
        for path in sorted(folder.iterdir()) if folder.is_dir() else [folder]:
            if path.is_file():
                inputs.append(path.read_bytes())
    return inputs


def mutate(data: bytes, rng: random.Random, corpus: list[bytes], tokens: list[bytes]) -> bytes:
    """One to four random edits: flip, insert a token or byte, delete, duplicate, or splice."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(out))
        action = rng.randrange(7)
        if action == 0 and out:
            at = min(at, len(out) - 1)
            out[at] ^= 1 << rng.randrange(8)
        elif action == 1:
            out[at:at] = rng.choice(tokens)
        elif action == 2:
            out[at:at] = bytes([rng.randrange(256)])
        elif action == 3:
            del out[at : at + rng.randint(1, 32)]
        elif action == 4:
            out[at:at] = out[at : at + rng.randint(1, 64)] * rng.randint(1, 8)
        elif action == 5 and corpus:
            other = rng.choice(corpus)
            start = rng.randint(0, len(other))
            out[at:at] = other[start : start + rng.randint(1, 200)]
        else:
            out[at:at] = b"\n" + b" " * rng.randrange(12)
    return bytes(out[:65536])


def mutations(
    seeds: list[bytes], rng: random.Random, tokens: list[bytes], deadline: float, limit: int | None
) -> Iterator[bytes]:
    """Seeds first, then mutants of seeds and of earlier mutants, until the deadline or the limit."""
    pool = list(seeds) or [b""]
    yield from seeds
    count = len(seeds)
    while time.monotonic() < deadline and (limit is None or count < limit):
        child = mutate(rng.choice(pool), rng, pool, tokens)
        if rng.random() < 0.05 and len(pool) < 5000:
            pool.append(child)
        count += 1
        yield child


def run_mutator(
    folders: list[Path],
    *,
    seconds: float,
    seed: int,
    limit: int | None = None,
    crashes: Path | None = None,
    target: Callable[[bytes], None] = check,
) -> tuple[int, list[tuple[bytes, str]]]:
    """Run ``target`` on mutated corpus inputs; returns the number of executions and the failures."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fuzzing, not cryptography
    tokens = dictionary_tokens()
    executions = 0
    failures: list[tuple[bytes, str]] = []
    for data in mutations(corpus_inputs(folders), rng, tokens, time.monotonic() + seconds, limit):
        executions += 1
        try:
            target(data)
        except Exception:
            failure = traceback.format_exc()
            failures.append((data, failure))
            if crashes is not None:
                crashes.mkdir(parents=True, exist_ok=True)
                name = "crash-" + hashlib.sha1(data, usedforsecurity=False).hexdigest()
                (crashes / name).write_bytes(data)
    return executions, failures


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--mutate":
        parser = argparse.ArgumentParser(prog="fuzz_loader.py --mutate")
        parser.add_argument("--seconds", type=float, default=60.0)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("folders", nargs="*", type=Path, default=[CORPUS])
        args = parser.parse_args(argv[1:])
        _load_modules()
        started = time.monotonic()
        executions, failures = run_mutator(
            args.folders, seconds=args.seconds, seed=args.seed, crashes=HERE / "crashes"
        )
        elapsed = time.monotonic() - started
        rate = executions / elapsed
        print(f"executions: {executions} in {elapsed:.0f} s ({rate:.0f}/s), failures: {len(failures)}")
        for data, failure in failures[:5]:
            print(repr(data[:200]), failure, sep="\n")
        return 1 if failures else 0

    import atheris  # optional: pip install atheris

    with atheris.instrument_imports():
        _load_modules()
    atheris.Setup([sys.argv[0], *argv], check)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
