"""The JSON Schema of the `.journey` format, generated from the models.

``python -m workbench.model.schema --write`` regenerates
``resources/schema/journey-v1.schema.json``; a test fails when the committed
file is out of date, so the schema other tools read never lies.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from workbench.model.fileformat import FORMAT, VERSION
from workbench.model.journey import Journey
from workbench.resources import resource_path

SCHEMA_PATH = resource_path("schema", f"journey-v{VERSION}.schema.json")


def schema() -> dict[str, Any]:
    journey = Journey.model_json_schema(mode="validation")
    defs = journey.pop("$defs", {})
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
