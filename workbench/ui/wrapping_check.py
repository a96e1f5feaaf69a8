"""A checkbox whose text wraps to the width its row gives it.

Qt's checkbox keeps its text on one line and will not be narrower than it:
in the inspector, "The customer re-enters earlier data here" (longer still
in French) made the panel wider than its dock, which cut every row on the
right. This one is as narrow as its longest word, grows in height as it is
made narrower, and still is a ``QCheckBox`` (its text, its accessible name,
Space and clicks anywhere on it work as before).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QWidget

# (QStyle and its options are imported where they are used: their dozens of enumerations are made
# when they are first imported, and no checkbox of this kind is shown before the window's first paint.)

WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


class WrappingCheckBox(QCheckBox):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def _indent(self) -> int:
        """Where the text starts: after the indicator and the space the style leaves beside it."""
        from PySide6.QtWidgets import QStyle

        style = self.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self) + style.pixelMetric(
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self
        )

    def _first_line(self) -> int:
        """The height of the first line, indicator included: the indicator stays beside it."""
        from PySide6.QtWidgets import QStyle

        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, self)
        return max(indicator, self.fontMetrics().height())

    def _text_rect(self, width: int) -> QRect:
        inner = max(1, width - self._indent())
        return self.fontMetrics().boundingRect(QRect(0, 0, inner, 1_000_000), WRAP, self.text())

    def height_at(self, width: int) -> int:
        """How tall the box is when *width* wide: its text's lines, the first one beside the indicator."""
        lines = self._text_rect(width).height()
        return self._first_line() + max(0, lines - self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        width = self._indent() + self.fontMetrics().horizontalAdvance(self.text()) + 2
        return QSize(width, self.height_at(width))

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = self._indent() + max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0) + 2
        return QSize(width, self._first_line())

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Its height follows its width, as the layout gives it (a form's height-for-width left gaps).
        super().resizeEvent(event)
        self._fit_height()

    def setText(self, text: str) -> None:  # type: ignore[override]
        super().setText(text)
        self.updateGeometry()
        self._fit_height()

    def _fit_height(self) -> None:
        needed = self.height_at(self.width())
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # the text too, on every line

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QStyle, QStyleOptionButton, QStyleOptionFocusRect, QStylePainter

        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        first = self._first_line()
        option.rect = QRect(0, 0, self.width(), first)
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, option)  # the indicator alone
        top = (first - self.fontMetrics().height()) // 2
        text = QRect(self._indent(), top, max(1, self.width() - self._indent()), self.height() - top)
        direction = self.layoutDirection()  # (right to left: the style put the indicator on the right)
        painter.drawText(QStyle.visualRect(direction, self.rect(), text), WRAP, self.text())
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            lines = self._text_rect(self.width()).translated(text.topLeft()).adjusted(-2, -1, 2, 1)
            focus.rect = QStyle.visualRect(direction, self.rect(), lines)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)
