"""Mermaid's own parser reads the workbench's export as the workbench means it.

``tests/mermaid/parse.mjs`` runs Mermaid (``npm ci --prefix tests/mermaid``,
which ``make test`` does, with the machine's Node.js) on exported diagrams and
prints the sections, tasks, scores and people it understood; they must be
exactly those of the journey: every step a task, in time order, in its
stage's section, with its score and its touchpoints' channels.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.model.helpers import FIRST_PERSONA, feelings, level
from workbench.model.fileformat import load
from workbench.model.index import JourneyIndex
from workbench.model.interop.mermaid import from_mermaid, to_mermaid
from workbench.model.journey import Card, Journey, Lane, Stage, Step

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests" / "mermaid"
SHIPPED = sorted([*(ROOT / "examples").rglob("*.journey"), *(ROOT / "resources" / "templates").glob("*.journey")])
GUARD = "\u200b"


def mermaid_reads(paths: list[Path]) -> list[dict]:  # type: ignore[type-arg]
    if shutil.which("node") is None or not (FOLDER / "node_modules" / "mermaid").is_dir():
        pytest.fail("Mermaid is not installed for the tests: run 'make test' (it runs npm ci --prefix tests/mermaid)")
    result = subprocess.run(["node", str(FOLDER / "parse.mjs"), *map(str, paths)], capture_output=True, text=True,
                            timeout=300, cwd=FOLDER)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def ours(text: str) -> list[tuple[str, str, int, list[str]]]:
    """The workbench's own reading of *text*: section, task, score and people of each task."""
    journey, _ = from_mermaid(text)
    stages = {s.id: s.title for s in journey.stages}
    return [
        (stages[s.stage], s.title, 3 + (level(s, FIRST_PERSONA) or 0),
         [c.channel for c in journey.cards if c.step == s.id and c.channel is not None])
        for s in JourneyIndex(journey).steps()
    ]


#: The look-alikes Mermaid shows where a name had a character it reads as syntax, and those characters
#: (the workbench reads them back when it imports its export).
LOOK_ALIKES = str.maketrans({"\u2236": ":", "\u266f": "#", "\u201a": ",", "\uff05": "%"})


def theirs(read: dict) -> list[tuple[str, str, int, list[str]]]:  # type: ignore[type-arg]
    def clean(text: str) -> str:  # (the guard before a keyword-like name)
        return text.strip().removeprefix(GUARD).translate(LOOK_ALIKES)
    return [(clean(t["section"]), clean(t["task"]), t["score"], [clean(p) for p in t["people"]]) for t in read["tasks"]]


def test_every_shipped_journey_is_read_by_mermaid_as_written(tmp_path) -> None:
    paths, journeys = [], []
    for number, source in enumerate(SHIPPED):
        journey = load(source)
        path = tmp_path / f"{number}-{source.stem}.mmd"
        path.write_text(to_mermaid(journey), encoding="utf-8")
        paths.append(path)
        journeys.append(journey)
    for journey, path, read in zip(journeys, paths, mermaid_reads(paths)):
        assert "error" not in read, (path, read.get("error"))
        assert read["type"] == "journey" and read["title"] == journey.title
        text = path.read_text(encoding="utf-8")
        assert theirs(read) == ours(text), path
        assert len(read["tasks"]) == len(journey.steps)


def hostile() -> Journey:
    names = ["Pay: at once", "Room #4; ask", "section Two", "title of the deed", "%% not a comment", "accTitle: x",
             "Line\nbreak", "\tTabbed\t", "Café, crème 😀", "   ", "journey"]
    stages = [Stage(id="s1", title="section: colon # sharp"), Stage(id="s2", title="title", order=1)]
    steps = [Step(id=f"p{i}", title=name, stage="s1" if i < 6 else "s2", order=i, emotions=feelings((i % 5) - 2))
             for i, name in enumerate(names)]
    lane = Lane(id="l", kind="touchpoints", title="Touchpoints")
    channels = ["App, web", "Agent: Ann", "Desk #2", "Phone; call", "section", "Café"]
    cards = [Card(id=f"c{i}", step=f"p{i}", lane="l", kind="touchpoint", text="t", channel=channel, nature="digital")
             for i, channel in enumerate(channels)]
    return Journey(title="Hostile: # names; all", scenario="A scenario: with # and ;", stages=stages, steps=steps,
                   lanes=[lane], cards=cards)


def test_names_mermaid_reads_as_syntax_still_give_one_task_each(tmp_path) -> None:
    journey = hostile()
    path = tmp_path / "hostile.mmd"
    path.write_text(to_mermaid(journey), encoding="utf-8")
    [read] = mermaid_reads([path])
    assert "error" not in read, read.get("error")
    assert len(read["tasks"]) == len(journey.steps)
    assert theirs(read) == ours(path.read_text(encoding="utf-8"))
    assert [t["score"] for t in read["tasks"]] == [3 + level(s, FIRST_PERSONA) for s in journey.steps]  # type: ignore[operator]
