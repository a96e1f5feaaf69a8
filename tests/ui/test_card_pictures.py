"""Cards are drawn once into a cached picture and copied after: what changes on a card must still show."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from tests.ui.test_canvas import box
from workbench.export import shapes
from workbench.ui.canvas.items import PICTURE_CACHE_KB, CardItem
from workbench.ui.main_window import MainWindow


def shot(window: MainWindow, card_id: str) -> QImage:
    """The pixels of the viewport where the card is drawn (its outline included)."""
    window.scene.ensure_fresh()
    item = window.scene.item_for("card", card_id)
    window.view.ensureVisible(item)
    area = window.view.mapFromScene(item.sceneBoundingRect()).boundingRect().adjusted(-2, -2, 2, 2)
    return window.view.viewport().grab(area & QRect(window.view.viewport().rect())).toImage()


def test_a_card_is_drawn_from_a_picture_that_follows_its_selection_and_its_text(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.resize(1600, 1000)
    item = window.scene.item_for("card", "card-think")
    assert item.cacheMode() == CardItem.CacheMode.DeviceCoordinateCache
    plain = shot(window, "card-think")
    window.scene.select_ids(["card-think"])
    selected = shot(window, "card-think")
    assert selected != plain  # the selection outline shows
    painted: list[object] = []
    draw = shapes.card
    monkeypatch.setattr(shapes, "card", lambda p, rect, kind, *rest: (painted.append(kind), draw(p, rect, kind, *rest)))
    window.view.viewport().grab()
    assert "thought" not in painted  # unchanged: copied from its picture, not drawn again
    window.scene.select_ids([])
    assert shot(window, "card-think") == plain
    window.document.update("card-think", text="Worth it")
    assert shot(window, "card-think") != plain  # new text, new picture
    assert "thought" in painted


def test_the_picture_cache_holds_a_screenful_of_cards_on_a_dense_screen(window: MainWindow) -> None:
    from PySide6.QtGui import QPixmapCache

    card = box(window, "card", "card-think")
    per_card_kb = (card.w + 12) * (card.h + 12) * 4 * 4 / 1024  # ARGB, twice the pixels each way
    assert QPixmapCache.cacheLimit() >= PICTURE_CACHE_KB >= 200 * per_card_kb


def test_a_stage_header_drawn_from_its_picture_shows_a_new_title_and_follows_its_column(window: MainWindow) -> None:
    from PySide6.QtCore import QPointF

    from workbench.model.journey import Step

    window.resize(1600, 1000)
    scene = window.scene
    item = scene.item_for("stage", "stage-b")
    assert item.cacheMode() == CardItem.CacheMode.DeviceCoordinateCache

    def header() -> QImage:
        scene.ensure_fresh()
        area = window.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        return window.view.viewport().grab(area & QRect(window.view.viewport().rect())).toImage()

    before = header()
    x = item.scenePos().x()
    window.document.add(Step(id="step-new", title="New", stage="stage-a"), 0)  # a column before it
    after_move = header()
    assert item.scenePos().x() > x and item.scenePos() == QPointF(box(window, "stage", "stage-b").x, item.scenePos().y())
    assert after_move == before  # the same picture, a column on
    window.document.update("stage-b", title="Use it every day")
    assert header() != before


def test_projector_contrast_redraws_the_cards_and_headers_in_its_colours(window: MainWindow) -> None:
    """Cached pictures are of the old colours: switching the contrast must draw them again."""
    window.resize(1600, 1000)
    before = {key: shot_of(window, *key) for key in (("card", "card-think"), ("step", "step-1"))}
    window.actions.contrast.trigger()
    try:
        for key, image in before.items():
            assert shot_of(window, *key) != image, key  # in the projector's colours
    finally:
        window.actions.contrast.trigger()
    for key, image in before.items():
        assert shot_of(window, *key) == image, key  # and back


def shot_of(window: MainWindow, kind: str, element_id: str) -> QImage:
    window.scene.ensure_fresh()
    item = window.scene.item_for(kind, element_id)
    area = window.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    return window.view.viewport().grab(area & QRect(window.view.viewport().rect())).toImage()


# A stage header much wider than the view: Qt keeps only the part in view as its picture, and when that part
# scrolls or changes size in the frame where the header changed, it used to draw only the strip not in the old
# picture (see workbench/ui/canvas/pictures.py). A narrow window makes the banking example's second stage such a
# header; each test draws the view at two scroll places first, as someone scrolling to it would.

BANKING = "examples/banking-savings.journey"
LONG_TITLE = "Set goals and decide on how much to put aside every single month for the trip"


def drawn(window: MainWindow) -> QImage:
    window.scene.ensure_fresh()
    return window.view.viewport().grab().toImage()


def drawn_afresh(window: MainWindow) -> QImage:
    """The view drawn with every cached picture made anew: what every item really shows now.

    (Drawn with no picture at all, rounded corners would differ by a few antialiased pixels.)
    """
    for item in window.scene.items():
        if item.cacheMode() != CardItem.CacheMode.NoCache:
            item.setCacheMode(item.cacheMode())  # (Qt forgets the item's picture)
    return window.view.viewport().grab().toImage()


def scrolled_into_a_long_stage(qtbot, stage_id: str = "stage-open") -> MainWindow:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import open_window

    window = open_window(qtbot, BANKING)
    window.resize(1000, 800)
    qtbot.wait(50)
    item = window.scene.item_for("stage", stage_id)
    assert item.sceneBoundingRect().width() > 1.3 * window.view.viewport().width()  # (what the tests are about)
    bar = window.view.horizontalScrollBar()
    for end in (350, 300):  # the header starts left of the view and ends in it
        bar.setValue(bar.value() + window.view.mapFromScene(item.sceneBoundingRect().topRight()).x() - end)
        drawn(window)
    assert window.view.mapFromScene(item.sceneBoundingRect().topLeft()).x() < 0
    assert window.view.mapFromScene(item.sceneBoundingRect().topRight()).x() == 300
    return window


def test_a_long_stage_header_partly_in_view_is_drawn_whole_when_the_headers_grow_taller(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = scrolled_into_a_long_stage(qtbot)
    height = window.scene.item_for("stage", "stage-open").sceneBoundingRect().height()
    window.document.update("stage-goals", title=LONG_TITLE)  # two lines: every stage header grows
    assert window.scene.item_for("stage", "stage-open").sceneBoundingRect().height() > height
    assert drawn(window) == drawn_afresh(window)
    window.document.update("stage-goals", title="Goals")
    assert drawn(window) == drawn_afresh(window)


def test_a_long_stage_header_partly_in_view_is_drawn_whole_when_it_grows_wider(qtbot) -> None:  # type: ignore[no-untyped-def]
    from workbench.model.journey import Step

    window = scrolled_into_a_long_stage(qtbot)
    width = window.scene.item_for("stage", "stage-open").sceneBoundingRect().width()
    window.document.add(Step(id="step-new", title="New", stage="stage-open"), 0)  # its first column: it reaches on
    assert window.scene.item_for("stage", "stage-open").sceneBoundingRect().width() > width
    assert drawn(window) == drawn_afresh(window)


def test_a_long_stage_header_selected_as_the_view_scrolls_shows_its_outline_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = scrolled_into_a_long_stage(qtbot)
    plain = drawn_afresh(window)
    bar = window.view.horizontalScrollBar()
    window.scene.select_ids(["stage-open"])
    bar.setValue(bar.value() + 40)  # in the same frame
    selected = drawn(window)
    assert selected == drawn_afresh(window)
    window.scene.select_ids([])
    bar.setValue(bar.value() - 40)
    assert drawn(window) == drawn_afresh(window) == plain
