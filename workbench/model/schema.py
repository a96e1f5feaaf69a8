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

from pydantic import BaseModel

import workbench.model.journey as models
from workbench.model.fileformat import FORMAT, VERSION
from workbench.model.journey import Journey
from workbench.resources import resource_path

SCHEMA_PATH = resource_path("schema", f"journey-v{VERSION}.schema.json")


def field_docs() -> dict[str, dict[str, str]]:
    """Each model's field docstrings (the string literal right under a field), by class and field name.

    A class has its bases' too (a field it inherits keeps its meaning), as
    pydantic's ``use_attribute_docstrings`` would give them.
    """
    own: dict[str, dict[str, str]] = {}
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
                own.setdefault(node.name, {})[field.target.id] = inspect.cleandoc(under.value.value)
    docs: dict[str, dict[str, str]] = {}
    for name, cls in vars(models).items():
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == models.__name__:
            for base in reversed(cls.__mro__):
                docs.setdefault(name, {}).update(own.get(base.__name__, {}) if base.__module__ == models.__name__ else {})
    return {name: fields for name, fields in docs.items() if fields}


def _describe(definitions: dict[str, dict[str, Any]]) -> None:
    """Give each documented field its description (unless it has one), keys in the order pydantic sorts them."""
    for name, fields in field_docs().items():
        properties = definitions.get(name, {}).get("properties", {})
        for field, doc in fields.items():
            if field in properties and "description" not in properties[field]:
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
