"""Positions of findings: the batch lookup agrees with the full index for every pointer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ropa.loading._locate import locate
from ropa.loading._yaml import position_index

from ..strategies import register_data


@given(register_data(), st.booleans())
def test_locate_agrees_with_the_full_index(data: dict[str, object], flow: bool) -> None:
    import yaml

    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=80)
    index = position_index(text)
    assert locate(text, list(index)) == index


def test_missing_pointer_falls_back_to_the_nearest_ancestor() -> None:
    text = "activities:\n  - id: a\n    name: A\n"
    assert locate(text, ["/activities/0/purposes/3", "/activities/7", "/nope"]) == {
        "/activities/0/purposes/3": (2, 5),
        "/activities/7": (1, 1),
        "/nope": (1, 1),
    }


def test_invalid_yaml_gives_no_positions() -> None:
    assert locate("a: [", ["/a"]) == {}
