"""Stable element ids: short random strings stored in the file.

Never `id(obj)` and never a process-wide counter: two people adding a step to
copies of the same file must not produce the same id.
"""

from __future__ import annotations

import secrets
import string

_ALPHABET = string.ascii_lowercase + string.digits
PREFIXES = {
    "personas": "persona",
    "stages": "stage",
    "steps": "step",
    "lanes": "lane",
    "cards": "card",
    "handoffs": "handoff",
    "links": "link",
}


def new_id(collection: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A fresh id such as ``step-k3f9q2xa``, not in *taken*."""
    prefix = PREFIXES.get(collection, "el")
    while True:
        candidate = prefix + "-" + "".join(secrets.choice(_ALPHABET) for _ in range(8))
        if candidate not in taken:
            return candidate
