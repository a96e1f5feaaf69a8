"""The layout's frozen records, filled directly: the same objects as dataclasses' own ``__init__`` makes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from workbench import geometry
from workbench.dataclass_init import direct_init


class Counter:
    made = 0

    def __init__(self) -> None:
        Counter.made += 1
        self.number = Counter.made

    def __repr__(self) -> str:
        return "Counter()"


def _record(direct: bool) -> type:
    @dataclass(frozen=True)
    class Record:
        a: int
        b: str
        c: float = 1.5
        d: tuple[str, ...] = ()
        e: Counter = field(default_factory=Counter, compare=False)
        f: list[int] = field(default_factory=list)

    return direct_init(Record) if direct else Record


DIRECT, PLAIN = _record(True), _record(False)
CALLS = [
    ((1, "x"), {}),
    ((1, "x", 2.5), {}),
    ((1,), {"b": "y", "d": ("p",)}),
    ((), {"a": 3, "b": "z", "f": [7], "c": 0.0}),
    ((1, "x", 2.0, ("q",), Counter(), [1, 2]), {}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_the_same_fields_defaults_and_factories_as_dataclasses_gives(args, kwargs) -> None:  # type: ignore[no-untyped-def]
    direct, plain = DIRECT(*args, **kwargs), PLAIN(*args, **kwargs)
    assert list(vars(direct)) == list(vars(plain))
    for name in ("a", "b", "c", "d", "f"):
        assert getattr(direct, name) == getattr(plain, name)
    if "e" not in kwargs and len(args) < 5:
        assert direct.e is not plain.e and isinstance(direct.e, Counter)
    assert repr(direct) == repr(plain)
    assert direct == DIRECT(*args, **kwargs) and hash(direct.a) == hash(plain.a)


def test_each_record_gets_a_factory_object_of_its_own() -> None:
    first, second = DIRECT(1, "x"), DIRECT(1, "x")
    assert first.e is not second.e and first.f is not second.f
    first.f.append(1)
    assert second.f == []


def test_still_frozen_still_replaced_still_refusing_wrong_calls() -> None:
    record = DIRECT(1, "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.a = 2  # type: ignore[misc]
    assert dataclasses.replace(record, a=5).a == 5
    with pytest.raises(TypeError):
        DIRECT(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        DIRECT(1, "x", g=3)  # type: ignore[call-arg]


def test_what_it_cannot_do_is_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="__post_init__"):

        @direct_init
        @dataclass(frozen=True)
        class Checked:
            a: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="needs every field"):

        @direct_init
        @dataclass(frozen=True)
        class Hidden:
            a: int
            b: int = field(default=0, init=False)


@pytest.mark.parametrize("name", ["Rect", "Text", "StageBox", "StepBox", "LaneBox", "CardBox", "EmotionPoint", "Connector"])
def test_the_layout_records_are_made_so(name: str) -> None:
    cls = getattr(geometry, name)
    assert cls.__init__.__qualname__ == f"{name}.__init__"
    assert "__setattr__" not in cls.__init__.__code__.co_names  # (dataclasses' frozen __init__ calls it)


def test_a_card_box_keeps_its_defaults_and_compares_as_before() -> None:
    rect = geometry.Rect(1.0, 2.0, 3.0, 4.0)
    text = geometry.Text(("a",), 9.0, False, rect)
    anchor, column = geometry.Anchor(), geometry.Anchor()
    box = geometry.CardBox("c", "s", "l", "touchpoint", None, rect, None, text, anchor, column)
    assert box.personas == ()
    assert box == geometry.CardBox("c", "s", "l", "touchpoint", None, rect, None, text, geometry.Anchor(), geometry.Anchor())
    assert box != dataclasses.replace(box, local=rect.moved(1.0))
