"""The CLI fixtures of tests/cli, for ``ropa due``."""

from tests.cli.conftest import run, workdir  # noqa: F401 - fixtures
