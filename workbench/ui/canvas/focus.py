"""Which emotion curves the canvas shows, and which one its faces edit.

A map holds a curve per persona and scenario ("as is", "to be"). The canvas
draws those that have a value (or are hidden by the legend), and one of them
is *active*: its faces are the ones dragged, the Emotions drop and the
inspector's emotion rows set it. The toolbar chooses the active persona and
scenario; the legend in the emotion lane hides and shows curves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workbench.geometry import CurveKey
from workbench.layout.emotions import every_curve
from workbench.model.document import JourneyDocument
from workbench.model.edits import Edit
from workbench.model.feelings import feeling, with_feeling
from workbench.model.journey import SCENARIOS, Feeling, Step


class CurveFocus(QObject):
    """The active persona and scenario of one document's canvas, and the curves hidden."""

    #: The active curve or the hidden ones changed.
    changed = Signal()

    def __init__(self, document: JourneyDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._persona: str | None = None
        self._scenario = "as_is"
        self.hidden: set[CurveKey] = set()

    # ------------------------------------------------------------ reading

    @property
    def persona(self) -> str:
        """The active persona's id (the lead, when none was chosen or the chosen one is gone)."""
        personas = self.document.index.personas()
        if self._persona is not None and any(p.id == self._persona for p in personas):
            return self._persona
        return personas[0].id

    @property
    def scenario(self) -> str:
        return self._scenario

    @property
    def active(self) -> CurveKey:
        return (self.persona, self._scenario)

    def shown(self) -> tuple[list[CurveKey], CurveKey | None]:
        """The curves to lay out, in drawing order (the active one last, on top), and the active one."""
        index = self.document.index
        active = self.active
        keys = [k for k in every_curve(index) if k != active and index.felt[k] > 0 and k not in self.hidden]
        return [*keys, active], active

    def feeling(self, step: Step) -> Feeling | None:
        return feeling(step, *self.active)

    def level(self, step: Step) -> int | None:
        entry = self.feeling(step)
        return None if entry is None else entry.value

    # ------------------------------------------------------------ changing

    def set_active(self, persona: str | None = None, scenario: str | None = None) -> None:
        before = self.active
        if persona is not None:
            self._persona = persona
        if scenario is not None:
            if scenario not in SCENARIOS:
                raise ValueError(scenario)
            self._scenario = scenario
        if self.active != before:
            self.hidden.discard(self.active)
            self.changed.emit()

    def set_hidden(self, key: CurveKey, hidden: bool) -> None:
        if key == self.active and hidden:
            return  # the curve being edited stays in sight
        if (key in self.hidden) != hidden:
            (self.hidden.add if hidden else self.hidden.discard)(key)
            self.changed.emit()

    def set_level(self, step_id: str, level: int | None) -> Edit:
        """The active persona's emotion at a step, in the active scenario (one document edit)."""
        step = self.document.get(step_id)
        assert isinstance(step, Step)
        return self.document.update(step_id, emotions=with_feeling(step, *self.active, value=level))

    def set_note(self, step_id: str, text: str) -> Edit:
        step = self.document.get(step_id)
        assert isinstance(step, Step)
        return self.document.update(step_id, emotions=with_feeling(step, *self.active, note=text))
