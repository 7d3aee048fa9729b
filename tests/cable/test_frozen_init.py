"""The reader's frozen dataclasses built by ``frozen.fill_dict_init`` are the objects their
dataclass ``__init__`` builds: same attributes in the same order (orjson writes them in
that order), same defaults, equal, hashed alike, still frozen."""

from __future__ import annotations

import dataclasses
import inspect

import orjson
import pytest

from workbench.cable import model
from workbench.cable.frozen import fill_dict_init

FAST = (
    model.Span,
    model.Classification,
    model.Marking,
    model.Subject,
    model.EOLine,
    model.Addressee,
    model.Paragraph,
    model.Cable,
)


def _reference(cls: type, args: dict[str, object]) -> object:
    """What the dataclass's own ``__init__`` does: each field in order, through
    ``object.__setattr__``, its default where not given."""
    obj = object.__new__(cls)
    for f in dataclasses.fields(cls):
        object.__setattr__(obj, f.name, args.get(f.name, f.default))
    return obj


@pytest.mark.parametrize("cls", FAST, ids=lambda c: c.__name__)
def test_same_object_as_the_dataclass_init(cls: type) -> None:
    assert cls.__init__.__qualname__ == f"{cls.__name__}.__init__"
    # Really replaced: the dataclass's own sets each field through this object.
    assert "__dataclass_builtins_object__" not in cls.__init__.__code__.co_names
    fs = dataclasses.fields(cls)
    required = {f.name: f"v-{f.name}" for f in fs if f.default is dataclasses.MISSING}
    everything = {f.name: f"v-{f.name}" for f in fs}
    for args in (required, everything):
        got, want = cls(**args), _reference(cls, args)
        assert list(got.__dict__.items()) == list(want.__dict__.items())
        assert got == want and hash(got) == hash(want)
        if cls is not model.Cable:  # (parse prints Cable field by field, not whole)
            assert orjson.dumps(got) == orjson.dumps(want)
        # Positional arguments too, in field order.
        positional = cls(*(args.get(f.name, f.default) for f in fs))
        assert positional == want
    with pytest.raises(dataclasses.FrozenInstanceError):
        cls(**required).text = "changed"  # type: ignore[misc]
    params = inspect.signature(cls).parameters
    assert [p for p in params] == [f.name for f in fs]
    assert all(
        params[f.name].default
        == (inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in fs
    )


def test_classes_it_cannot_copy_keep_their_init() -> None:
    @dataclasses.dataclass(frozen=True)
    class After:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class Slotted:
        a: int

    @dataclasses.dataclass(frozen=True)
    class Factory:
        a: tuple[int, ...] = dataclasses.field(default_factory=tuple)

    @dataclasses.dataclass(frozen=True)
    class KeywordOnly:
        a: int = dataclasses.field(kw_only=True)

    for cls in (After, Slotted, Factory, KeywordOnly):
        init = cls.__init__
        assert not fill_dict_init(cls)
        assert cls.__init__ is init


def test_missing_argument_is_still_a_type_error() -> None:
    with pytest.raises(TypeError):
        model.Span("text", 1)  # type: ignore[call-arg]
