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
