"""The JSON text of a `.journey` file: parsed strictly, mistakes placed exactly.

:func:`parse_json` turns text into plain data or raises :class:`LoadError`
with the line and column of the mistake and a reason in the user's language.
It refuses what JSON allows but a journey never holds: repeated keys,
``NaN``/``Infinity``, numbers too large for a float, absurd nesting.

Every scan of the text here is linear: a hostile file (a megabyte of
``\\"`` in an unclosed string, say) costs one pass, never one pass per quote.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from workbench.i18n import N_, tr
from workbench.model.errors import LoadError

#: JSON nested deeper than this is not a journey (real files nest 5 levels).
MAX_DEPTH = 32


class _Refused(ValueError):
    """A value the JSON hooks refuse; *token* or *key* says where to look for it."""

    def __init__(self, message: str, *, token: str | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.token = token
        self.key = key


def _reject_constant(name: str) -> Any:
    raise _Refused(tr("{name} is not allowed in a journey file", name=name), token=name)


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _Refused(tr("a number is out of range"), token=text)
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) < len(pairs):  # (rare: looked for key by key only then)
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(tr("the key {key!r} appears twice in the same object", key=key), key=key)
            seen.add(key)
    return out


def parse_json(text: str, source: str) -> Any:
    """The data in *text*; :class:`LoadError` naming *source* and the place if it is not a journey's JSON."""
    try:
        raw = json.loads(
            text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant, parse_float=_finite_float
        )
        if _depth_exceeded(raw):
            raise RecursionError
        return raw
    except json.JSONDecodeError as error:
        reason = json_reason(error.msg)
        if _unclosed(text):
            reason = tr("the file ends too early (is it truncated?)")
        raise LoadError(source, reason, line=error.lineno, column=error.colno) from None
    except RecursionError:
        line, column = _deep_place(text)
        raise LoadError(
            source, tr("nested deeper than {limit} levels", limit=MAX_DEPTH), line=line, column=column
        ) from None
    except _Refused as error:
        line, column = _refused_place(text, error) or (None, None)
        raise LoadError(source, str(error), line=line, column=column) from None
    except ValueError:  # e.g. a number with thousands of digits
        raise LoadError(source, tr("holds a value that cannot be read (a number too long?)")) from None


#: Every message of Python's json decoder (3.11 to 3.13), without the quoted
#: character some of them carry.
_JSON_DETAILS = {
    "Expecting value": N_("a value was expected"),
    "Expecting property name enclosed in double quotes": N_("a key in double quotes was expected"),
    "Expecting ',' delimiter": N_("a ',' was expected"),
    "Expecting ':' delimiter": N_("a ':' was expected"),
    "Unterminated string starting at": N_("a text is not closed by a '\"'"),
    "Invalid control character at": N_("a text contains a control character"),
    "Invalid \\escape": N_("a text contains an invalid escape: after '\\', JSON allows only \" \\ / b f n r t u"),
    "Invalid \\uXXXX escape": N_("a text contains an invalid escape: '\\u' must be followed by four hex digits"),
    "Extra data": N_("there is more after the end of the journey"),
    "Illegal trailing comma before end of object": N_("a ',' comes before the closing '}'"),
    "Illegal trailing comma before end of array": N_("a ',' comes before the closing ']'"),
}
#: The pure-Python decoder says ``Invalid \\escape: 'x'`` and ``Invalid control character 'x' at``.
_QUOTED = re.compile(r":? '(?:[^'\\]|\\.)*'|:? \"(?:[^\"\\]|\\.)*\"")


def json_reason(msg: str) -> str:
    """A json decoder message as a sentence in the user's language."""
    english = _JSON_DETAILS.get(msg) or _JSON_DETAILS.get(_QUOTED.sub("", msg))
    if english:
        return tr("broken JSON: {detail}", detail=tr(english))
    return tr("broken JSON: this is not valid JSON text")


# A string token matches up to its closing quote or, unclosed, up to the end of
# the text, in one go (possessive: no backtracking), so that scanning is
# linear however many quotes an unclosed string holds.
_STRING = r'"(?:[^"\\]++|\\.)*+(?:(?P<closed>")|\\?\Z)'
#: A JSON string token, closed or running to the end of the text, without named groups.
STRING_PATTERN = _STRING.replace("(?P<closed>", "(")
_TOKEN = re.compile(_STRING + r"|[\[\]{}]", re.DOTALL)
_NUMBER = r"-?(?:0|[1-9][0-9]*+)(?:\.[0-9]++)?(?:[eE][-+]?[0-9]++)?"
_SCAN = re.compile(
    r"(?P<string>" + _STRING + r")(?P<colon>\s*+:)?|[\[\]{}]|-?Infinity|NaN|" + _NUMBER, re.DOTALL
)


def _line_column(text: str, pos: int) -> tuple[int, int]:
    return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _refused_place(text: str, error: _Refused) -> tuple[int, int] | None:
    """Line and column of the token or repeated key that *error* refused.

    The parser refuses a repeated key when it closes the object, so the first
    object to close with that key twice is the one it refused.
    """
    stack: list[tuple[set[str], list[int]]] = []
    for match in _SCAN.finditer(text):
        token = match.group()
        if match.group("colon") and stack:
            keys, repeats = stack[-1]
            try:
                key = json.loads(match.group("string"))
            except ValueError:
                return None
            if key == error.key and key in keys:
                repeats.append(match.start())
            keys.add(key)
        elif token in ("[", "{"):
            stack.append((set(), []))
        elif token in ("]", "}"):
            repeats = stack.pop()[1] if stack else []
            if repeats:
                return _line_column(text, repeats[0])
        elif token == error.token:
            return _line_column(text, match.start())
    return None


def _deep_place(text: str) -> tuple[int, int]:
    """Line and column where nesting first goes past MAX_DEPTH."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return _line_column(text, match.start())
        elif token in ("]", "}"):
            depth -= 1
    return 1, 1


def _unclosed(text: str) -> bool:
    """True when the text stops inside an object, a list or a string."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
        elif token in ("]", "}"):
            depth -= 1
        elif not match.group("closed"):
            return True  # a string that runs to the end of the text
    return depth > 0


def _depth_exceeded(value: Any, limit: int = MAX_DEPTH) -> bool:
    """True if containers nest deeper than *limit*; walked one level at a time, looking into containers only
    (a 1,000-step file has a hundred thousand strings and numbers: pushing each took 60 % of its parse)."""
    level = [value] if isinstance(value, (dict, list)) else []
    depth = 1
    while level:
        inner = []
        for item in level:
            children = item.values() if isinstance(item, dict) else item
            if depth == limit and children:
                return True  # what it holds, even a string, is one level too deep
            for child in children:
                if child.__class__ is dict or child.__class__ is list:  # (what json.loads makes)
                    inner.append(child)
        level = inner
        depth += 1
    return False
