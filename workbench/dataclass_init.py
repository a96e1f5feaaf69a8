"""A quicker ``__init__`` for the frozen dataclasses the layout makes by the tens of thousands.

A frozen dataclass's own ``__init__`` sets each field with
``object.__setattr__`` (its ``__setattr__`` refuses): about 0.75 µs for a
4-field :class:`~workbench.geometry.Rect`, 2.5 µs for a card's box. A
1,000-step map makes some 27,000 of them when it opens, an edit near the
start of a 5,000-step map thousands. Writing the fields into the instance's
``__dict__`` does the same in well under half the time, and the class stays
what it was: frozen (assignment still raises), compared, hashed and printed
by dataclasses, with the same parameters, defaults and default factories.

No Qt: the model and layout side uses it.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import TypeVar

T = TypeVar("T", bound=type)


def direct_init(cls: T) -> T:
    """Give the dataclass *cls* an ``__init__`` that fills ``__dict__`` directly (apply above ``@dataclass``)."""
    if "__post_init__" in dir(cls) or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: direct_init does not run __post_init__ nor fill slots")
    params: list[str] = []
    lines: list[str] = []
    env: dict[str, object] = {"_MISSING": MISSING}
    for f in fields(cls):
        if not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: direct_init needs every field in __init__")
        if f.default is not MISSING:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:
            env[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            lines.append(f"    if {f.name} is _MISSING:\n        {f.name} = _factory_{f.name}()")
        else:
            params.append(f.name)
        lines.append(f"    fields[{f.name!r}] = {f.name}")
    source = f"def __init__(self, {', '.join(params)}):\n    fields = self.__dict__\n" + "\n".join(lines) + "\n"
    exec(source, env)  # noqa: S102  (made from the class's own field names, as dataclasses does)
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]
    return cls
