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
    assert SCHEMA_PATH.name == f"journey-v{VERSION}.schema.json"
    for name in ("Journey", "Persona", "Feeling", "Stage", "Step", "Lane", "Card", "Handoff", "Link"):
        assert name in schema["$defs"], name
    step = schema["$defs"]["Step"]["properties"]
    assert step["emotions"]["items"] == {"$ref": "#/$defs/Feeling"}
    feeling = schema["$defs"]["Feeling"]
    assert feeling["properties"]["value"]["anyOf"][0]["minimum"] == -2
    assert feeling["properties"]["value"]["anyOf"][0]["maximum"] == 2
    assert feeling["properties"]["scenario"]["enum"] == ["as_is", "to_be"]
    assert feeling["required"] == ["persona"]
    personas = schema["$defs"]["Journey"]["properties"]["personas"]
    assert (personas["minItems"], personas["maxItems"]) == (1, 10)
    assert schema["$defs"]["Persona"]["required"] == ["id"]
    for name in ("Step", "Feeling", "Persona"):
        assert schema["$defs"][name]["additionalProperties"] is False


def test_the_version_1_schema_stays_for_older_files() -> None:
    old = json.loads((SCHEMA_PATH.parent / "journey-v1.schema.json").read_text(encoding="utf-8"))
    assert old["properties"]["version"] == {"const": 1}
    assert "emotion" in old["$defs"]["Step"]["properties"]


def test_field_docstrings_become_descriptions_unless_a_field_has_one() -> None:
    from workbench.model.schema import _describe, field_docs

    docs = field_docs()
    assert docs["Persona"]["shape"] == "The shape of the points of this persona's curves."
    assert "id" not in docs["Persona"]  # a field without a docstring has none
    definitions = {
        "Persona": {"properties": {"shape": {"type": "string"}, "line": {"description": "given", "type": "string"}}}
    }
    _describe(definitions)
    shape, line = definitions["Persona"]["properties"]["shape"], definitions["Persona"]["properties"]["line"]
    assert list(shape) == ["description", "type"] and shape["description"] == docs["Persona"]["shape"]
    assert line["description"] == "given"
