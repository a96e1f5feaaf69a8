"""The committed JSON Schema matches the models and names the envelope and every element.

It is not checked against real files here: that would need `jsonschema`, which is
not a dependency; the loader itself validates files (see test_load_errors.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.model.fileformat import FORMAT, VERSION
from workbench.model.schema import SCHEMA_PATH, schema_text

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_is_up_to_date() -> None:
    committed = SCHEMA_PATH.read_text(encoding="utf-8")
    assert committed == schema_text(), "run `make schema` and commit resources/schema/"


def test_schema_names_the_envelope_and_every_element() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["properties"]["format"] == {"const": FORMAT}
    assert schema["properties"]["version"] == {"const": VERSION}
    for name in ("Journey", "Persona", "Stage", "Step", "Lane", "Card", "Handoff", "Link"):
        assert name in schema["$defs"], name
    step = schema["$defs"]["Step"]["properties"]
    assert step["emotion"]["anyOf"][0]["minimum"] == -2
    assert step["emotion"]["anyOf"][0]["maximum"] == 2
    assert schema["$defs"]["Step"]["additionalProperties"] is False
