"""How many entries a `.journey` file may hold, checked before the costly steps.

A 32 MB file of ``{"steps": [{}, {}, ...]}`` holds ten million objects:
parsing it builds gigabytes of dicts and validating them takes minutes, only
to say at the end that a journey has at most 100,000 steps. So sizes are
checked first, twice, each time in one linear pass:

* :func:`check_text` runs on the JSON text before it is parsed, when
  C-speed counts of its brackets and commas say it might hold more than a
  journey can. It walks the text's structure (strings skipped whole) and stops as
  soon as a list passes its limit, so refusing costs a pass over at most
  that many entries, not over the whole file.
* :func:`check_data` runs on the parsed JSON before pydantic validation and
  catches the small lists over their limits (a 101st author) that the first
  check skips because the text is small.

The limits are the ``max_length`` of the lists in ``journey.py``, read from
the models so that the two never disagree, plus a bound on the elements of a
journey in all and on the values of the whole file.
"""

from __future__ import annotations

import json
import re
import typing
from typing import Any

from annotated_types import MaxLen
from pydantic import BaseModel

from workbench.i18n import tr
from workbench.model.errors import LoadError
from workbench.model.journey import COLLECTIONS, Journey
from workbench.model.jsontext import STRING_PATTERN

#: Stages, steps, lanes, cards, handoffs and links together. A file written
#: by the workbench spends about 100 bytes on its smallest element, so no
#: such file under the 32 MB size limit comes near this.
MAX_ELEMENTS = 500_000
#: Entries of a list the format does not define (a newer version's field).
MAX_OTHER_LIST = 100_000
#: Values in the whole file (counted as the commas between them). A file
#: written by the workbench spends more than 16 bytes on each value, so
#: this is above anything such a file holds under the 32 MB size limit.
MAX_VALUES = 2_000_000
#: The text is parsed without the structural scan when it has at most this
#: many ``{`` and ``[`` (objects and lists cost most to parse: a dict is
#: some 200 bytes) and at most :data:`SCAN_ABOVE_COMMAS` commas (values),
#: those in texts included. Parsing that much costs well under a second and
#: 150 MB, and :func:`check_data` still checks every list before validation;
#: a file written by the workbench reaches neither bound below 20 MB (a
#: 5,000-step map has 32,000 objects and 190,000 commas in 7 MB).
SCAN_ABOVE = 200_000
SCAN_ABOVE_COMMAS = 1_000_000


def _list_limits(model: type[BaseModel], path: str, out: dict[str, int]) -> dict[str, int]:
    """``{"journey.steps": 100000, "journey.cards[].intents": 4, ...}`` from the models' ``max_length``."""
    for name, info in model.model_fields.items():
        here = f"{path}.{name}"
        if typing.get_origin(info.annotation) is list:
            limit = next((m.max_length for m in info.metadata if isinstance(m, MaxLen)), None)
            if limit is not None:
                out[here] = limit
        for inner in _models_in(info.annotation):
            inner_path = here + "[]" if typing.get_origin(info.annotation) is list else here
            _list_limits(inner, inner_path, out)
    return out


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The model classes an annotation holds (``list[Step]``, ``CheckSettings | None``...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


LIST_LIMITS: dict[str, int] = _list_limits(Journey, "journey", {})
ELEMENT_LISTS = frozenset(f"journey.{name}" for name in COLLECTIONS)


def _too_many(limit: int) -> str:
    return tr("has too many entries (at most {limit})", limit=limit)


def _too_many_elements() -> str:
    return tr(
        "holds more than {limit} elements (stages, steps, lanes, cards, handoffs and links together)",
        limit=MAX_ELEMENTS,
    )


# ------------------------------------------------------------ the parsed JSON


def check_data(journey: Any, source: str) -> None:
    """Refuse a parsed ``journey`` object whose lists are longer than the format allows.

    Only the lists the format limits are visited (the cards once, for their
    intents). Values of the wrong shape are left alone, for validation to report.
    """
    if not isinstance(journey, dict):
        return
    total = sum(len(value) for name in COLLECTIONS if isinstance(value := journey.get(name), list))
    if total > MAX_ELEMENTS:
        raise LoadError(source, _too_many_elements(), field="journey")
    for pattern, limit in LIST_LIMITS.items():
        found = _too_long(journey, pattern.split(".")[1:], limit)
        if found is not None:
            raise LoadError(source, _too_many(limit), field=".".join(["journey", *found]))


def _too_long(data: Any, parts: list[str], limit: int) -> list[str] | None:
    """The path (from *data*) to the first list at *parts* (``["cards[]", "intents"]``) longer than *limit*.

    None when there is none. The path is made only for the list found: a
    map of thousands of cards is walked without a string made per card.
    """
    if not isinstance(data, dict):
        return None
    name, rest = parts[0], parts[1:]
    if name.endswith("[]"):
        items = data.get(name[:-2])
        if not isinstance(items, list):
            return None
        if len(rest) == 1:  # (the common shape, "cards[].intents": one look-up per item, inline)
            leaf = rest[0]
            for index, item in enumerate(items):
                if isinstance(item, dict):
                    value = item.get(leaf)
                    if isinstance(value, list) and len(value) > limit:
                        return [f"{name[:-2]}[{index}]", leaf]
            return None
        for index, item in enumerate(items):
            found = _too_long(item, rest, limit)
            if found is not None:
                return [f"{name[:-2]}[{index}]", *found]
        return None
    value = data.get(name)
    if not rest:
        return [name] if isinstance(value, list) and len(value) > limit else None
    found = _too_long(value, rest, limit)
    return None if found is None else [name, *found]


# ------------------------------------------------------------ the JSON text

_TOKEN = re.compile(r"(?P<string>" + STRING_PATTERN + r")(?P<colon>\s*+:)?|[\[\]{},]", re.DOTALL)


class _Frame:
    """An open object or list while the text is scanned."""

    __slots__ = ("is_list", "pattern", "shown", "key", "commas", "limit", "elements")

    def __init__(self, is_list: bool, pattern: str, shown: str) -> None:
        self.is_list = is_list
        self.pattern = pattern
        self.shown = shown
        self.key: str | None = None
        self.commas = 0
        self.limit = (LIST_LIMITS.get(pattern, MAX_OTHER_LIST)) if is_list else 0
        self.elements = is_list and pattern in ELEMENT_LISTS

    def child(self, is_list: bool) -> _Frame:
        if self.is_list:
            return _Frame(is_list, self.pattern + "[]", f"{self.shown}[{self.commas}]")
        key = self.key if self.key is not None else "?"
        if self.pattern == "":  # the envelope: its "journey" is the root of every path
            return _Frame(is_list, key, key)
        return _Frame(is_list, f"{self.pattern}.{key}", f"{self.shown}.{key}")


def check_text(text: str, source: str) -> None:
    """Refuse JSON text holding more entries than a journey can, without parsing it.

    Cheap for any file the workbench writes (three counts of characters, at
    C speed); otherwise one scan of its structure that stops at the first
    list over its limit. Broken JSON is left for the parser to report with
    its line and column.
    """
    if text.count("{") + text.count("[") <= SCAN_ABOVE and text.count(",") <= SCAN_ABOVE_COMMAS:
        return
    stack: list[_Frame] = []
    values = elements = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == ",":
            if not stack:
                return  # broken JSON: the parser says where
            frame = stack[-1]
            frame.commas += 1
            values += 1
            if frame.is_list:
                if frame.commas >= frame.limit:  # commas + 1 entries
                    raise LoadError(source, _too_many(frame.limit), field=frame.shown or None)
                if frame.elements:
                    elements += 1
                    if elements > MAX_ELEMENTS:
                        raise LoadError(source, _too_many_elements(), field="journey")
            if values > MAX_VALUES:
                reason = tr("holds too many values to be a journey (more than {limit})", limit=MAX_VALUES)
                raise LoadError(source, reason)
        elif token in ("{", "["):
            if stack and stack[-1].elements and stack[-1].commas == 0:
                elements += 1  # a list's first element has no comma before it
            frame = stack[-1].child(token == "[") if stack else _Frame(token == "[", "", "")
            stack.append(frame)
        elif token in ("}", "]"):
            if not stack:
                return
            stack.pop()
        elif match.group("colon") and stack and not stack[-1].is_list:
            stack[-1].key = _key(match.group("string"))


def _key(token: str) -> str:
    """The text of a key token (the parser reports a broken escape, not this scan)."""
    if "\\" not in token:
        return token[1:-1]
    try:
        return str(json.loads(token))
    except ValueError:
        return token[1:-1]
