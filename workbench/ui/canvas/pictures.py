"""Cards and headers are drawn from a cached picture: drawn again whole when what they show changes.

Qt keeps, for a cached item much wider or taller than the view (a long
stage's header; a card zoomed far in), only the part in view as its
picture. When that part moves (the view scrolled) or changes size (the
item grew) in the frame where the item changed, Qt draws only the strip
that was not in the old picture and copies the rest from it, whether the
item asked to be drawn again or not. A stage header made taller kept its
old bottom corners and a blank line through it; one made wider kept its
old rounded end in the middle; a header selected as the view scrolled to
it had its outline only in the strip scrolled into view. Setting the cache
mode an item has makes Qt forget its picture, and draw it whole.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

NO_CACHE = QGraphicsItem.CacheMode.NoCache


def redraw(item: QGraphicsItem) -> None:
    """Draw *item* again, all of it (what it shows changed)."""
    mode = item.cacheMode()
    if mode != NO_CACHE:
        item.setCacheMode(mode)
    item.update()


class PicturesMixin:
    """Pictures of JourneyScene (see scene.py) drawn again when the colours or the selection change."""

    def init_pictures(self) -> None:
        #: The items drawn as selected: those whose selection changes draw their pictures again.
        self._drawn_selected: set[tuple[str, str]] = set()
        self.selectionChanged.connect(self._redraw_selection)

    def redraw_pictures(self) -> None:
        """The colours changed: items drawn from a cached picture (cards, headers) draw it again."""
        for item in self.items():
            if item.cacheMode() != NO_CACHE:
                redraw(item)

    def _redraw_selection(self) -> None:
        """(Qt draws a selected item again, but only what came into view if the view scrolled to it.)"""
        selected = {(getattr(item, "kind", ""), getattr(item, "element_id", "")) for item in self.selectedItems()}
        for key in selected ^ self._drawn_selected:
            item = self.items_by_key.get(key)
            if item is not None:
                redraw(item)
        self._drawn_selected = selected
