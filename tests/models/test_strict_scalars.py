"""No silent coercion: a whole number, a true/false and a date are what the user wrote, or an error.

Every ``int``, ``bool`` and ``date`` field of the models is found by walking them (so a new field is
covered without editing this file); a value of another kind written there is refused by the loader with a
located ``STR-003``/``STR-005`` diagnostic.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import ropa
from ropa.i18n import translate, untranslated
from ropa.models import RopaModel
from ropa.models.register import KINDS

Step = str | int
"""A step of a path into the data: a field name, or 0 for the first item of a list."""


def _leaves(annotation: Any) -> list[Any]:
    """The base types an annotation allows (``Optional``, ``Annotated`` and unions taken apart)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _leaves(typing.get_args(annotation)[0])
    if origin in (typing.Union, type(int | None)):
        return [leaf for arg in typing.get_args(annotation) for leaf in _leaves(arg)]
    if origin is tuple:
        return [("item", leaf) for leaf in _leaves(typing.get_args(annotation)[0])]
    return [annotation]


def _paths(model: type[RopaModel], kind: type, depth: int = 0) -> list[list[Step]]:
    """Paths from ``model`` to every field of base type ``kind`` (bool is not an int here)."""
    out: list[list[Step]] = []
    if depth > 4:
        return out
    for name, info in model.model_fields.items():
        key = info.alias or name
        for leaf in _leaves(info.annotation):
            steps: list[Step] = [key]
            if isinstance(leaf, tuple):
                steps, leaf = [key, 0], leaf[1]
            if leaf is kind:
                out.append(steps)
            elif isinstance(leaf, type) and issubclass(leaf, RopaModel):
                out += [steps + rest for rest in _paths(leaf, kind, depth + 1)]
    return out


def _minimal(model: type[RopaModel]) -> dict[str, Any]:
    """The smallest valid data of ``model``: its required fields with a plain value."""
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if not info.is_required():
            continue
        leaf = _leaves(info.annotation)[0]
        if isinstance(leaf, type) and issubclass(leaf, enum.Enum):
            data[name] = next(iter(leaf)).value
        elif leaf is bool:
            data[name] = True
        elif isinstance(leaf, type) and issubclass(leaf, RopaModel):
            data[name] = _minimal(leaf)
        else:
            data[name] = "x"
    return data


def _model_at(model: type[RopaModel], steps: list[Step]) -> type[RopaModel]:
    current = model
    for step in steps:
        if isinstance(step, str):
            info = next(i for n, i in current.model_fields.items() if (i.alias or n) == step)
            nested = [leaf for leaf in _leaves(info.annotation) if isinstance(leaf, tuple | type)]
            for leaf in nested:
                leaf = leaf[1] if isinstance(leaf, tuple) else leaf
                if isinstance(leaf, type) and issubclass(leaf, RopaModel):
                    current = leaf
    return current


def _document(kind: str, steps: list[Step], value: Any) -> dict[str, Any]:
    """A register with one entity of ``kind`` whose field at ``steps`` holds ``value``."""
    entity_model = KINDS[kind]
    root = _minimal(entity_model)
    node: Any = root
    for index, step in enumerate(steps):
        last = index == len(steps) - 1
        following = steps[index + 1] if not last else None
        if isinstance(step, int):
            continue
        if last:
            node[step] = value
        elif following == 0:
            child = _minimal(_model_at(entity_model, steps[: index + 1]))
            if index + 2 == len(steps):  # a list of scalars
                node[step] = [value]
                break
            node[step] = [child]
            node = child
        else:
            child = _minimal(_model_at(entity_model, steps[: index + 1]))
            node[step] = child
            node = child
    singleton = kind in ("register", "organisation")
    return {kind: root if singleton else [root]}


def _all_paths(kind: type) -> list[tuple[str, list[Step]]]:
    return [(name, steps) for name, model in KINDS.items() for steps in _paths(model, kind)]


INT_PATHS = _all_paths(int)
BOOL_PATHS = _all_paths(bool)
DATE_PATHS = _all_paths(dt.date)


def _pointer(kind: str, steps: list[Step]) -> str:
    head = f"/{kind}" if kind in ("register", "organisation") else f"/{kind}/0"
    return head + "".join(f"/{s}" for s in steps)


def _refused(kind: str, steps: list[Step], value: Any) -> ropa.Diagnostic:
    text = yaml.safe_dump(_document(kind, steps, value), sort_keys=False, allow_unicode=True)
    result = ropa.loads(text, name="register.yaml")
    errors = [d for d in result.diagnostics if d.severity == ropa.Severity.ERROR]
    assert len(errors) == 1, (text, [d.message for d in result.diagnostics])
    (diagnostic,) = errors
    assert diagnostic.code in ("STR-003", "STR-005"), diagnostic.message
    assert diagnostic.location.file == "register.yaml"
    assert diagnostic.location.pointer == _pointer(kind, steps)
    assert diagnostic.hint
    # the position is the field's key, or the list item itself
    line = text.splitlines()[diagnostic.location.line - 1]
    if isinstance(steps[-1], int):
        assert line[diagnostic.location.column - 1 :].startswith(yaml.safe_dump(value).split("\n")[0])
    else:
        assert line[diagnostic.location.column - 1 :].startswith(f"{steps[-1]}:")
    return diagnostic


def test_the_walk_finds_the_fields_a_reader_knows_of() -> None:
    assert ("activities", ["transfers", 0, "scc_module"]) in INT_PATHS
    assert ("activities", ["nl_dpia_categories", 0]) in INT_PATHS
    assert ("organisation", ["employees"]) in INT_PATHS
    assert ("register", ["schema_version"]) in INT_PATHS
    assert ("activities", ["purposes", 0, "consent", "minimum_age"]) in INT_PATHS
    assert ("activities", ["special_categories"]) in BOOL_PATHS
    assert ("parties", ["dpf", "certified"]) in BOOL_PATHS
    assert ("activities", ["retention", 0, "until"]) in DATE_PATHS
    assert len(INT_PATHS) >= 6
    assert len(BOOL_PATHS) >= 20
    assert len(DATE_PATHS) >= 15


@pytest.mark.parametrize(("kind", "steps"), INT_PATHS, ids=lambda p: str(p))
def test_every_int_field_takes_a_whole_number(kind: str, steps: list[Step]) -> None:
    text = yaml.safe_dump(_document(kind, steps, 1), sort_keys=False)
    assert ropa.loads(text).ok, text


@given(st.sampled_from(INT_PATHS), st.booleans())
def test_a_bool_in_any_int_field_is_refused_with_a_located_diagnostic(
    path: tuple[str, list[Step]], value: bool
) -> None:
    diagnostic = _refused(*path, value)
    assert diagnostic.code == "STR-003"
    assert "a whole number, not a true/false value" in diagnostic.message


@given(st.sampled_from(INT_PATHS), st.sampled_from(["1", "2", "-3", "0"]))
def test_a_quoted_number_in_any_int_field_is_refused_with_the_fix(
    path: tuple[str, list[Step]], value: str
) -> None:
    diagnostic = _refused(*path, value)
    assert diagnostic.message.endswith(f"must be a whole number, not the text '{value}'")
    assert diagnostic.hint == f"Remove the quotes around {value}."


@given(st.sampled_from(INT_PATHS), st.sampled_from([1.0, 2.0, 1.5]))
def test_a_decimal_number_in_any_int_field_is_refused(path: tuple[str, list[Step]], value: float) -> None:
    assert "a whole number, not a decimal number" in _refused(*path, value).message


@given(st.sampled_from(BOOL_PATHS), st.sampled_from([0, 1, 2, "1", "0", "t", "maybe", 1.0]))
def test_a_number_or_other_text_in_any_bool_field_is_refused(
    path: tuple[str, list[Step]], value: Any
) -> None:
    diagnostic = _refused(*path, value)
    assert "true or false" in diagnostic.message


@pytest.mark.parametrize("word", ["yes", "Yes", "no", "NO", "on", "off", "y", "n", "true", "False"])
def test_the_yaml_1_1_boolean_words_are_read_as_yaml_1_1_reads_them(word: str) -> None:
    result = ropa.loads(f"activities:\n  - id: a\n    name: A\n    special_categories: {word}\n")
    assert result.ok
    (activity,) = result.register.activities or ()
    assert activity.special_categories is (word.lower() in ("yes", "on", "y", "true"))


@given(st.sampled_from(DATE_PATHS), st.sampled_from([0, 86400, 1704067200, 2024, 2024.5, True]))
def test_a_number_in_any_date_field_is_not_read_as_a_timestamp(
    path: tuple[str, list[Step]], value: Any
) -> None:
    diagnostic = _refused(*path, value)
    assert "must be a date (YYYY-MM-DD)" in diagnostic.message


@given(
    st.sampled_from(DATE_PATHS),
    st.sampled_from(["1704067200", "20240101", "2024-01-01T00:00:00", "2024-W01-1", "2024-02-30"]),
)
def test_text_that_is_not_a_yyyy_mm_dd_date_is_refused(path: tuple[str, list[Step]], value: str) -> None:
    diagnostic = _refused(*path, value)
    assert diagnostic.code == "STR-005"
    assert f"'{value}' is not a valid date" in diagnostic.message
    assert "YYYY-MM-DD" in diagnostic.hint


@pytest.mark.parametrize(("kind", "steps"), DATE_PATHS, ids=lambda p: str(p))
def test_every_date_field_takes_a_yyyy_mm_dd_date(kind: str, steps: list[Step]) -> None:
    text = yaml.safe_dump(_document(kind, steps, "2024-02-29"), sort_keys=False)
    assert ropa.loads(text).ok, text


def test_a_datetime_built_in_code_is_refused_for_a_date() -> None:
    midnight = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    with pytest.raises(ropa.ModelError) as caught:
        ropa.models.Suppression(rule="RET-001", justification="j", until=midnight)
    assert [d.code for d in caught.value.diagnostics] == ["STR-005"]


def test_a_number_in_a_text_field_is_kept_as_written() -> None:
    """Numbers may stand for text: the loader makes numbers only of canonical forms, so nothing changes."""
    text = "organisation:\n  name: 2024\n  registration_number: 12345678\n  contact:\n    phone: 0612345678\n"
    result = ropa.loads(text)
    assert result.ok
    organisation = result.register.organisation
    assert organisation is not None
    assert organisation.contact is not None
    assert (organisation.name, organisation.registration_number) == ("2024", "12345678")
    assert organisation.contact.phone == "0612345678"


@pytest.mark.parametrize(
    ("lang", "words"),
    [("nl", "geheel getal"), ("fr", "nombre entier"), ("de", "ganze Zahl")],
)
def test_the_messages_are_translated(lang: str, words: str) -> None:
    for text in (
        "activities:\n  - id: a\n    name: A\n    transfers:\n      - {country: US, scc_module: true}\n",
        "activities:\n  - id: a\n    name: A\n    transfers:\n      - {country: US, scc_module: '2'}\n",
        "activities:\n  - id: a\n    name: A\n    transfers:\n      - {country: US, scc_module: 2.0}\n",
    ):
        (diagnostic,) = ropa.loads(text).diagnostics
        assert (diagnostic.location.line, diagnostic.location.column) == (5, 23)
        assert untranslated(diagnostic, lang) is None
        assert words in translate(diagnostic, lang).message
