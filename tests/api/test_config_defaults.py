"""The default configuration made without validation (``default_config``): the same object as ``Config()``,
and what an empty configuration file gives, while a configuration with values is validated as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ropa.config import Config, default_config, find_config, load_config
from ropa.errors import ConfigError


def _same(a: Config, b: Config) -> None:
    assert a == b
    assert repr(a) == repr(b)
    assert a.model_dump_json() == b.model_dump_json()
    assert a.model_fields_set == b.model_fields_set
    assert a.options.model_fields_set == b.options.model_fields_set
    assert a.due.model_fields_set == b.due.model_fields_set
    assert type(a.ignore) is type(b.ignore)
    assert a.source == b.source


def test_the_default_configuration_is_config() -> None:
    _same(default_config(), Config())


def test_no_configuration_file_gives_the_defaults(tmp_path: Path) -> None:
    _same(find_config(tmp_path), Config())


@pytest.mark.parametrize(
    ("name", "text"),
    [("ropa.toml", ""), ("ropa.toml", "# nothing\n"), ("pyproject.toml", "[tool.ropa]\n")],
)
def test_an_empty_configuration_is_the_validated_defaults(tmp_path: Path, name: str, text: str) -> None:
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    _same(load_config(file), Config.model_validate({}).model_copy(update={"source": str(file)}))
    # and it takes overrides as the validated one does, errors included
    assert load_config(file).with_overrides({"fail-on": "warning"}).fail_on == "warning"
    with pytest.raises(ConfigError, match="fail_on"):
        load_config(file).with_overrides({"fail-on": "sometimes"})


def test_a_configuration_with_values_is_still_validated(tmp_path: Path) -> None:
    file = tmp_path / "ropa.toml"
    file.write_text('fail-on = "sometimes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ropa\.toml: invalid configuration: fail-on: "):
        load_config(file)


def test_validating_without_a_configuration_builds_no_configuration_validator(tmp_path: Path) -> None:
    register = tmp_path / "acme"
    register.mkdir()
    (register / "organisation.yaml").write_text("organisation: {name: Acme, country: NL}\n", encoding="utf-8")
    code = (
        "import sys, ropa; from ropa.config import Config; "
        "result = ropa.check(sys.argv[1]); "
        "print(result.report.counts['error'], Config.__pydantic_complete__)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(register)], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert run.returncode == 0, run.stderr
    errors, complete = run.stdout.split()
    assert int(errors) > 0
    assert complete == "False"
