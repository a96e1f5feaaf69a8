"""Merge conflicts without Qt: how they read, and resolving them as one edit that undoes exactly."""

from __future__ import annotations

import pytest

from workbench.i18n import set_language
from workbench.model.conflicts import consequence, consequences, side_words, element_words, field_words, readable, resolve
from workbench.model.document import JourneyDocument
from workbench.model.errors import EditError
from workbench.model.fileformat import dumps, loads
from workbench.model.feelings import feelings
from workbench.model.journey import Card, Conflict, Handoff, Journey, Persona, Stage, Step
from workbench.model.templates import standard_lanes

CARD = {"id": "c1", "step": "s1", "lane": "lane-touchpoints", "kind": "touchpoint", "text": "Mobile app",
        "channel": "app", "nature": "digital"}


def merged(extra: list[Conflict] | None = None) -> Journey:
    """A journey as ``workbench merge`` leaves it: ours in place, three conflicts waiting.

    - the title of step s1 (ours "Pay online", theirs "Pay by card");
    - the journey's title (ours "Car trip", theirs "Road trip");
    - touchpoint c1, which they removed while we changed its text (kept, with our text).
    """
    conflicts = [
        Conflict(id="k-step", collection="steps", element="s1", field="title", base="Pay", ours="Pay online",
                 theirs="Pay by card"),
        Conflict(id="k-title", collection="journey", field="title", base="Trip", ours="Car trip", theirs="Road trip"),
        Conflict(id="k-card", collection="cards", element="c1", field="", base=CARD,
                 ours={**CARD, "text": "Mobile app (new)"}, theirs=None),
        *(extra or []),
    ]
    return Journey(
        title="Car trip",
        personas=[Persona(id="persona-1", name="Ana")],
        stages=[Stage(id="st", title="Buy")],
        steps=[Step(id="s1", title="Pay online", stage="st", order=10, emotions=feelings(-1)),
               Step(id="s2", title="Call the bank", stage="st", order=20)],
        lanes=standard_lanes("en"),
        cards=[Card.model_validate({**CARD, "text": "Mobile app (new)"}),
               Card(id="c2", step="s2", lane="lane-touchpoints", kind="touchpoint", text="Advisor", nature="human")],
        handoffs=[Handoff(id="h1", source="c1", target="c2")],
        conflicts=conflicts,
    )


def ids(document: JourneyDocument) -> list[str]:
    return [c.id for c in document.journey.conflicts]


# --------------------------------------------------------------- reading


def test_fields_are_named_in_plain_words() -> None:
    doc = JourneyDocument(merged())
    step, title, card = doc.journey.conflicts
    assert field_words(step) == "Title"
    assert field_words(card) == "Removed on one side, changed on the other"
    assert field_words(Conflict(id="k", collection="personas", element="persona-1", field="name")) == "Name"
    assert field_words(Conflict(id="k", collection="steps", element="s1", field="emotions")) == "Emotions"
    assert field_words(Conflict(id="k", collection="steps", element="s1", field="moment_of_truth")) == "Moment of truth"
    assert field_words(Conflict(id="k", collection="steps", element="s1", field="sparkle")) == "sparkle"


def test_values_read_as_a_person_reads_them() -> None:
    doc = JourneyDocument(merged())
    assert readable("Pay by card", "title") == "Pay by card"
    assert readable(True, "goal") == "yes"
    assert readable(False, "goal") == "no"
    assert readable(2, "emotion") == "+2"
    assert readable(-1, "emotion") == "-1"
    assert readable(0, "emotion") == "0"
    assert readable(-2, "value") == "-2"  # a feeling's value
    assert readable(True, "value") == "yes"
    assert readable(["welcome", "guide"], "intents") == "welcome, guide"
    assert readable({"id": "c9", "text": "Kiosk"}, "x") == "Kiosk"
    assert readable("", "description") == "(empty)"
    assert readable(None, "emotion") == "(none)"
    assert readable(None, "") == "Removed"
    assert readable(CARD, "") == "Changed: Mobile app"
    # an id in a reference field is shown by what it names
    assert readable("gone", "stage", doc) == "gone"  # an id no longer there is shown as written
    assert readable("st", "stage", doc) == "Buy"
    assert readable("x" * 300, "text").endswith("…")


def test_elements_are_named_by_kind_and_current_title() -> None:
    doc = JourneyDocument(merged())
    step, title, card = doc.journey.conflicts
    assert element_words(doc, step) == "Step “Pay online”"
    assert element_words(doc, title) == "The journey “Car trip”"
    assert element_words(doc, card) == "Touchpoint card “Mobile app (new)”"
    doc.update("s1", title="Pay now")  # the name follows the document
    assert element_words(doc, step) == "Step “Pay now”"
    doc.remove("s2")
    gone = Conflict(id="k", collection="steps", element="s2", field="title", ours="Call the bank", theirs="Call")
    assert element_words(doc, gone) == "Step “s2” (no longer in the journey)"


# ------------------------------------------------------------- resolving


def test_take_theirs_sets_the_value_and_drops_the_conflict_in_one_undoable_edit() -> None:
    doc = JourneyDocument(merged())
    before = doc.journey
    inverse = resolve(doc, "k-step", "theirs")
    assert doc.get("s1").title == "Pay by card"  # type: ignore[attr-defined]
    assert ids(doc) == ["k-title", "k-card"]
    redo = doc.apply(inverse)
    assert doc.journey == before
    doc.apply(redo)
    assert doc.get("s1").title == "Pay by card"  # type: ignore[attr-defined]
    assert ids(doc) == ["k-title", "k-card"]


def test_take_theirs_on_the_journey_title_and_the_persona() -> None:
    persona = Conflict(id="k-p", collection="personas", element="persona-1", field="name", ours="Ana", theirs="Bea")
    doc = JourneyDocument(merged([persona]))
    resolve(doc, "k-title", "theirs")
    assert doc.journey.title == "Road trip"
    inverse = resolve(doc, "k-p", "theirs")
    assert doc.get("persona-1").name == "Bea"  # type: ignore[attr-defined]
    assert ids(doc) == ["k-step", "k-card"]
    doc.apply(inverse)
    assert doc.get("persona-1").name == "Ana"  # type: ignore[attr-defined]


def test_keep_mine_only_drops_the_conflict() -> None:
    doc = JourneyDocument(merged())
    before = doc.journey
    inverse = resolve(doc, "k-step", "ours")
    assert ids(doc) == ["k-title", "k-card"]
    assert doc.journey.model_copy(update={"conflicts": before.conflicts}) == before
    doc.apply(inverse)
    assert doc.journey == before


def test_their_removal_removes_the_element_and_what_depends_on_it() -> None:
    doc = JourneyDocument(merged())
    before = doc.journey
    inverse = resolve(doc, "k-card", "theirs")
    assert "c1" not in doc and "h1" not in doc  # the handoff from it goes too, as on the canvas
    assert ids(doc) == ["k-step", "k-title"]
    doc.apply(inverse)
    assert doc.journey == before


def test_the_conflicts_of_what_a_choice_removes_go_with_it() -> None:
    """Taking their removal of a step left the row of a card of that step, whose "Keep mine" could only be
    refused (exploratory test)."""
    step = {"id": "s1", "title": "Pay", "stage": "st", "order": 10}
    removed_step = Conflict(id="k-s1", collection="steps", element="s1", field="", base=step,
                            ours={**step, "title": "Pay online"}, theirs=None)
    card_text = Conflict(id="k-text", collection="cards", element="c1", field="text", base="Mobile app",
                         ours="Mobile app (new)", theirs="The app")
    doc = JourneyDocument(merged([removed_step, card_text]))
    before = doc.journey
    inverse = resolve(doc, "k-s1", "theirs")
    assert "s1" not in doc and "c1" not in doc
    # The step's own title conflict and the card's conflicts went with them; the journey's stays.
    assert ids(doc) == ["k-title"]
    doc.apply(inverse)  # one undo brings back the step, its card and every conflict
    assert doc.journey == before


def test_keeping_the_changed_version_keeps_the_element() -> None:
    doc = JourneyDocument(merged())
    resolve(doc, "k-card", "ours")
    assert doc.get("c1").text == "Mobile app (new)"  # type: ignore[attr-defined]
    assert ids(doc) == ["k-step", "k-title"]


def test_the_side_that_removed_it_may_be_ours_and_taking_theirs_keeps_the_element_as_it_is_now() -> None:
    """The merge kept their version; edits made to it since the merge stay when their side is taken."""
    ours_removed = Conflict(id="k-c2", collection="cards", element="c1", field="", ours=None,
                            theirs={**CARD, "text": "Mobile app (new)"})
    doc = JourneyDocument(merged([ours_removed]))
    doc.update("c1", text="Mobile app, edited after the merge")
    before = doc.journey
    inverse = resolve(doc, "k-c2", "theirs")
    assert doc.get("c1").text == "Mobile app, edited after the merge"  # type: ignore[attr-defined]
    assert "k-c2" not in ids(doc)
    doc.apply(inverse)
    assert doc.journey == before
    resolve(doc, "k-c2", "ours")  # our side removed it: keeping ours removes it now
    assert "c1" not in doc
    doc = JourneyDocument(merged([ours_removed]))
    doc.remove("c1")  # deleted meanwhile: their version cannot be kept
    with pytest.raises(EditError, match="Their version of “Mobile app \\(new\\)” cannot be taken: it was removed after the merge"):
        resolve(doc, "k-c2", "theirs")


def test_a_value_the_model_refuses_changes_nothing() -> None:
    ours = [{"persona": "persona-1", "value": -1}]
    bad = Conflict(id="k-bad", collection="steps", element="s1", field="emotions", ours=ours,
                   theirs=[{"persona": "persona-1", "value": 7}])
    doc = JourneyDocument(merged([bad]))
    before = doc.journey
    with pytest.raises(EditError) as error:
        resolve(doc, "k-bad", "theirs")
    assert "Their version cannot be taken (Emotions of Step “Pay online”)" in str(error.value)
    assert doc.journey == before


def test_an_element_deleted_meanwhile_changes_nothing() -> None:
    doc = JourneyDocument(merged())
    doc.remove("s1")
    before = doc.journey
    with pytest.raises(EditError) as error:
        resolve(doc, "k-step", "theirs")
    assert "it was removed after the merge. Undo brings it back" in str(error.value)
    assert doc.journey == before
    with pytest.raises(EditError, match="already been resolved"):
        resolve(doc, "nothing-like-it", "ours")


def test_resolving_everything_saves_a_file_without_conflicts_that_loads() -> None:
    doc = JourneyDocument(merged())
    resolve(doc, "k-step", "theirs")
    resolve(doc, "k-title", "ours")
    resolve(doc, "k-card", "theirs")
    assert doc.journey.conflicts == []
    data = dumps(doc.journey)
    assert b"conflicts" not in data
    again = loads(data).journey
    assert again.title == "Car trip" and again.conflicts == []
    assert [s.title for s in again.steps] == ["Pay by card", "Call the bank"]


# ------------------------------------------- what a removal takes with it


def step_removed_by_us() -> Journey:
    """We removed step s1; they renamed it and put a card on it, with a handoff from that card.

    The merge kept s1 (and their card and handoff with it): "Keep mine" removes all three.
    """
    theirs_step = {"id": "s1", "title": "Pay by card", "stage": "st", "order": 10}
    journey = merged([Conflict(id="k-s1", collection="steps", element="s1", field="", base=theirs_step,
                               ours=None, theirs=theirs_step)])
    new_card = Card(id="c9", step="s1", lane="lane-touchpoints", kind="touchpoint", text="Kiosk", nature="digital")
    return journey.model_copy(update={
        "cards": [*journey.cards, new_card],
        "handoffs": [*journey.handoffs, Handoff(id="h9", source="c9", target="c2")],
    })


def test_keeping_a_removal_names_what_goes_with_the_element_before_the_choice() -> None:
    doc = JourneyDocument(step_removed_by_us())
    conflict = next(c for c in doc.journey.conflicts if c.id == "k-s1")
    assert sorted(e.id for e in consequences(doc, conflict, "ours").removed) == ["c1", "c9", "h1", "h9"]
    assert consequences(doc, conflict, "theirs").removed == []  # their side keeps it: nothing goes
    said = consequence(doc, conflict, "ours")
    assert said.startswith("Keep mine also removes: ")
    assert said.count("; ") == 2 and said.endswith(" and 1 more")  # three named, the fourth counted
    assert consequence(doc, conflict, "theirs") == ""
    before = doc.journey
    inverse = resolve(doc, "k-s1", "ours")
    assert not {"s1", "c1", "c9", "h1", "h9"} & {e.id for e in (*doc.journey.steps, *doc.journey.cards,
                                                                  *doc.journey.handoffs)}
    assert sorted(c.id for c in doc.journey.conflicts) == ["k-title"]  # those of s1 and c1 went with them
    doc.apply(inverse)  # what the editor's undo does
    assert doc.journey == before


def test_taking_their_removal_names_the_handoff_that_goes_with_the_card() -> None:
    doc = JourneyDocument(merged())
    card = next(c for c in doc.journey.conflicts if c.id == "k-card")
    assert consequence(doc, card, "theirs") == "Take theirs also removes: Handoff from “Mobile app (new)” to “Advisor”"
    assert consequence(doc, card, "ours") == ""
    step = next(c for c in doc.journey.conflicts if c.id == "k-step")  # a field conflict removes nothing
    assert consequence(doc, step, "ours") == consequence(doc, step, "theirs") == ""
    doc.remove("h1")
    assert consequence(doc, card, "theirs") == ""  # follows the journey as it is now
    set_language("fr")
    doc = JourneyDocument(step_removed_by_us())
    conflict = next(c for c in doc.journey.conflicts if c.id == "k-s1")
    assert consequence(doc, conflict, "ours").startswith("Garder la mienne supprime aussi\u00a0: ")
    assert consequence(doc, conflict, "ours").endswith(" et 1 autre")


def test_the_warning_names_the_same_elements_in_the_same_order_after_an_undo() -> None:
    doc = JourneyDocument(step_removed_by_us())
    conflict = next(c for c in doc.journey.conflicts if c.id == "k-s1")
    said = consequence(doc, conflict, "ours")
    assert said.index("“Mobile app (new)”") < said.index("“Kiosk”")  # the cards in the journey's order
    doc.apply(resolve(doc, "k-s1", "ours"))
    assert consequence(doc, conflict, "ours") == said


def test_a_handoff_returning_to_the_removed_step_is_said_to_lose_its_return_step() -> None:
    step = {"id": "s1", "title": "Pay by card", "stage": "st", "order": 10}
    journey = merged([Conflict(id="k-s1", collection="steps", element="s1", field="", base=step, ours=None, theirs=step)])
    web = Card(id="c2d", step="s2", lane="lane-touchpoints", kind="touchpoint", text="Website", nature="digital")
    back = Handoff(id="h-back", source="c2d", target="c2", return_step="s1")  # on s2, returning to s1
    doc = JourneyDocument(journey.model_copy(update={"cards": [*journey.cards, web],
                                                     "handoffs": [*journey.handoffs, back]}))
    conflict = next(c for c in doc.journey.conflicts if c.id == "k-s1")
    assert [h.id for h in consequences(doc, conflict, "ours").cleared] == ["h-back"]
    assert consequences(doc, conflict, "theirs").cleared == []
    said = consequence(doc, conflict, "ours")
    assert "the return step of Handoff from “Website” to “Advisor”" in said
    assert said.startswith("Keep mine also removes: Touchpoint card “Mobile app (new)”; Handoff from ")
    resolve(doc, "k-s1", "ours")
    assert doc.get("h-back").return_step is None  # type: ignore[attr-defined]  # it stays, returning nowhere


def test_an_element_kept_because_the_other_side_still_uses_it_is_not_said_changed() -> None:
    """Ours removed the stage; theirs only added a step to it: the merge brought it back, unchanged."""
    stage = {"id": "st", "title": "Buy", "order": 10}
    kept = Conflict(id="k-st", collection="stages", element="st", field="", base=stage, ours=None,
                    theirs={**stage, "order": 20})  # (renumbered: not a change)
    doc = JourneyDocument(merged([kept]))
    assert side_words(doc, kept, "theirs") == "Unchanged, still in use: Buy"
    assert side_words(doc, kept, "ours") == "Removed"
    card = next(c for c in doc.journey.conflicts if c.id == "k-card")  # changed on our side: said so
    assert side_words(doc, card, "ours") == "Changed: Mobile app (new)"


def test_a_card_s_kind_is_not_capitalised_in_the_middle_of_a_french_phrase() -> None:
    doc = JourneyDocument(merged())
    card = next(c for c in doc.journey.conflicts if c.id == "k-card")
    assert element_words(doc, card) == "Touchpoint card “Mobile app (new)”"
    set_language("fr")
    assert element_words(doc, card) == "Carte point de contact «\u00a0Mobile app (new)\u00a0»"


def test_when_both_sides_have_their_own_version_taking_theirs_puts_it_in() -> None:
    """A merge that fell back to ours records whole elements both sides changed (``field == ""``, two versions)."""
    theirs = {**CARD, "text": "Their kiosk", "channel": "kiosk"}
    both = Conflict(id="k-fb", collection="cards", element="c1", field="", base=CARD,
                    ours={**CARD, "text": "Mobile app (new)"}, theirs=theirs)
    doc = JourneyDocument(merged([both]))
    assert side_words(doc, both, "theirs") == "Changed: Their kiosk"
    assert consequence(doc, both, "theirs") == consequence(doc, both, "ours") == ""
    before = doc.journey
    inverse = resolve(doc, "k-fb", "theirs")
    card = doc.get("c1")
    assert (card.text, card.channel) == ("Their kiosk", "kiosk")  # type: ignore[attr-defined]
    doc.apply(inverse)
    assert doc.journey == before


def test_keeping_a_persona_s_removal_says_whose_emotions_and_tags_go() -> None:
    bob = Persona(id="persona-2", order=1, name="Bob")
    journey = merged([Conflict(id="k-bob", collection="personas", element="persona-2", field="",
                               base=bob.model_dump(mode="json"), ours=None,
                               theirs={**bob.model_dump(mode="json"), "name": "Bob"})])
    steps = [s.model_copy(update={"emotions": [*s.emotions, *feelings(1, persona="persona-2")]}) for s in journey.steps]
    cards = [c.model_copy(update={"personas": ["persona-2"]}) if c.id == "c2" else c for c in journey.cards]
    doc = JourneyDocument(journey.model_copy(update={"personas": [*journey.personas, bob], "steps": steps, "cards": cards}))
    conflict = next(c for c in doc.journey.conflicts if c.id == "k-bob")
    assert consequence(doc, conflict, "ours") == "Keep mine also removes: the emotions and tags of Bob on 3 steps and cards"
    assert consequence(doc, conflict, "theirs") == ""
    resolve(doc, "k-bob", "ours")
    assert all(f.persona != "persona-2" for s in doc.journey.steps for f in s.emotions)
