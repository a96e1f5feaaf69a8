"""Every shipped journey is saved back byte for byte: opening and saving one changes nothing.

The files are canonical: written by the serializer, which leaves out every
field equal to its default. So a field added to the model later does not
appear in a single line of their diff when they are saved again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.model.analysis import check
from workbench.model.fileformat import MINOR, VERSION, dumps, load, load_file, save
from workbench.model.index import JourneyIndex
from workbench.model.journey import ELEMENT_TYPES, Journey

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(ROOT.glob("examples/**/*.journey")) + sorted(ROOT.glob("resources/templates/*.journey"))


def test_every_shipped_file_is_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in SHIPPED}
    assert "examples/banking-savings.journey" in names
    assert "examples/counter-examples/telecom-contract-takeover.journey" in names
    assert "resources/templates/retail.fr.journey" in names
    assert "examples/banque-epargne-deux-profils.journey" in names  # two personas (#15)
    assert len(SHIPPED) == 22


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_load_and_save_gives_the_same_bytes(tmp_path, path: Path) -> None:
    original = path.read_bytes()
    copy = tmp_path / path.name
    copy.write_bytes(original)
    save(load(copy), copy)
    assert copy.read_bytes() == original
    assert dumps(load(path)) == original


def test_a_default_value_is_never_written() -> None:
    """What keeps the files canonical: no shipped file spells out a default."""
    spelled: list[str] = []
    for path in SHIPPED:
        raw = json.loads(path.read_text(encoding="utf-8"))["journey"]
        models = [("journey", Journey, raw)] + [
            (f"{name}[{i}]", ELEMENT_TYPES[name], item)
            for name in ELEMENT_TYPES
            for i, item in enumerate(raw.get(name, []))
        ]
        for where, model, data in models:
            for field, info in model.model_fields.items():
                if not info.is_required() and field in data:
                    default = info.get_default(call_default_factory=True)
                    plain = default.model_dump() if hasattr(default, "model_dump") else default
                    if data[field] == plain:
                        spelled.append(f"{path.name}: {where}.{field}")
    assert spelled == []


def test_a_blank_journey_is_its_title_alone() -> None:
    written = json.loads(dumps(Journey(title="Blank")))
    assert written == {"format": "journey-workbench", "version": 2, "journey": {"title": "Blank"}}


def test_every_shipped_file_is_of_the_current_minor_revision() -> None:
    """Opening a shipped file migrates nothing: its goals and ends are as saved (#14)."""
    for path in SHIPPED:
        loaded = load_file(path)
        assert (loaded.version, loaded.minor, loaded.migrated_from_minor) == (VERSION, MINOR, None), path.name


def test_goals_and_ends_of_the_shipped_files() -> None:
    """Each journey's last step is its goal and end; the bookshop's delivery closes a branch."""
    for path in SHIPPED:
        journey = load(path)
        steps = JourneyIndex(journey).steps()
        ends = [s.id for s in steps if s.end]
        assert all(s.goal for s in steps if s.end), path.name
        if path.name == "retail-neighbourhood-bookshop.journey":
            # "Has the books delivered at home instead" ends its branch; "Reserves the books for
            # in-store pick-up" starts the other, reached by a link from the choice.
            assert ends == ["step-home-delivery", "step-event"]
        elif any(s.goal for s in steps):
            assert ends == [steps[-1].id], path.name
        else:
            assert ends == [], path.name


#: The findings of the flow that goals and ends decide, on every shipped file that has any.
FLOW_RULES = ("dead-end", "unreachable", "trap-loop")
FLOW_FINDINGS = {
    "telecom-contract-takeover.journey": [
        ("trap-loop", ("step-help-page", "step-faq", "step-chatbot", "step-phone-menu")),
        ("dead-end", ("step-stuck-paying",)),
    ],
    "unretrievable-invoices.journey": [("dead-end", ("step-no-invoices",))],
}


def test_the_flow_findings_of_the_shipped_files() -> None:
    for path in SHIPPED:
        found = [(f.rule, f.elements) for f in check(load(path)).findings if f.rule in FLOW_RULES]
        assert found == FLOW_FINDINGS.get(path.name, []), path.name
