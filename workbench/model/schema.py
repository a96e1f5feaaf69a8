"""The JSON Schema of the `.journey` format, generated from the models.

``python -m workbench.model.schema --write`` regenerates
``resources/schema/journey-v1.schema.json``; a test fails when the committed
file is out of date, so the schema other tools read never lies.
"""

from __future__ import annotations

import ast
import inspect
import json
import sys
from typing import Any

import workbench.model.journey as models
from workbench.model.fileformat import FORMAT, VERSION
from workbench.model.journey import Journey
from workbench.resources import resource_path

SCHEMA_PATH = resource_path("schema", f"journey-v{VERSION}.schema.json")


def field_docs() -> dict[str, dict[str, str]]:
    """Each model's field docstrings (the string literal right under a field), by class and field name."""
    docs: dict[str, dict[str, str]] = {}
    for node in ast.parse(inspect.getsource(models)).body:
        if not isinstance(node, ast.ClassDef):
            continue
        body = node.body
        for field, under in zip(body, body[1:]):
            if (
                isinstance(field, ast.AnnAssign)
                and isinstance(field.target, ast.Name)
                and isinstance(under, ast.Expr)
                and isinstance(under.value, ast.Constant)
                and isinstance(under.value.value, str)
            ):
                docs.setdefault(node.name, {})[field.target.id] = inspect.cleandoc(under.value.value)
    return docs


def _describe(definitions: dict[str, dict[str, Any]]) -> None:
    """Give each documented field its description, keys in the order pydantic sorts them."""
    for name, fields in field_docs().items():
        properties = definitions.get(name, {}).get("properties", {})
        for field, doc in fields.items():
            if field in properties:
                properties[field] = dict(sorted({**properties[field], "description": doc}.items()))


def schema() -> dict[str, Any]:
    journey = Journey.model_json_schema(mode="validation")
    defs = journey.pop("$defs", {})
    _describe({**defs, "Journey": journey})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"journey-workbench-v{VERSION}",
        "title": "Journey Workbench file",
        "description": "A customer journey map saved by Journey Workbench.",
        "type": "object",
        "required": ["format", "version", "journey"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "minor": {"type": "integer", "minimum": 0},
            "journey": {"$ref": "#/$defs/Journey"},
        },
        "$defs": {**defs, "Journey": journey},
    }


def schema_text() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    if "--write" in argv:
        SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
        print(f"wrote {SCHEMA_PATH}")
        return 0
    sys.stdout.write(schema_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
