"""Buttons side by side while they fit, in rows when they do not.

A narrow pane (the call's details beside the grid on a small screen, or in French, whose
words are longer) would cut its buttons' text if they stayed on one row: ``ButtonRows`` lays
its widgets out in as many columns of one width as their texts allow, and balances the rows
(four buttons are a row of four, two rows of two, or one column; never three and one).
"""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class ButtonRows(QLayout):
    """Widgets in balanced rows of equal columns, as many columns as their widths allow.

    Attributes:
        most: the most columns, whatever the room (0: as many as there are widgets).
    """

    def __init__(self, parent: QWidget | None = None, most: int = 0) -> None:
        super().__init__(parent)
        self.most = most
        self._items: list[QLayoutItem] = []

    # -- QLayout's protocol ------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # Qt's name
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # Qt's name
        return self._place(QRect(0, 0, width, 0), move=False)

    def minimumSize(self) -> QSize:  # Qt's name
        # One column: the widest widget whole.
        shown = self._shown()
        width = max((i.sizeHint().width() for i in shown), default=0)
        height = sum(i.sizeHint().height() for i in shown) + self._gap() * max(0, len(shown) - 1)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def sizeHint(self) -> QSize:  # Qt's name
        shown = self._shown()
        columns = min(len(shown), self.most or len(shown))
        width = max((i.sizeHint().width() for i in shown), default=0)
        margins = self.contentsMargins()
        total = columns * width + self._gap() * max(0, columns - 1)
        total += margins.left() + margins.right()
        return QSize(total, self.heightForWidth(total))

    def setGeometry(self, rect: QRect) -> None:  # Qt's name
        super().setGeometry(rect)
        self._place(rect, move=True)

    # -- the rows ------------------------------------------------------------------------------
    def columns(self, width: int) -> int:
        """How many columns fit in ``width`` pixels (balanced: the rows as full as can be)."""
        shown = self._shown()
        if not shown:
            return 0
        margins = self.contentsMargins()
        room = width - margins.left() - margins.right()
        widest = max(i.sizeHint().width() for i in shown)
        fit = max(1, (room + self._gap()) // (widest + self._gap()))
        fit = min(fit, len(shown), self.most or len(shown))
        rows = ceil(len(shown) / fit)
        return ceil(len(shown) / rows)

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        spacing = self.spacing()
        return spacing if spacing >= 0 else 6

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the widgets out in ``rect`` (when ``move``); return the height they take."""
        shown = self._shown()
        margins = self.contentsMargins()
        if not shown:
            return margins.top() + margins.bottom()
        columns = self.columns(rect.width())
        gap = self._gap()
        inner = rect.width() - margins.left() - margins.right()
        width = max(1, (inner - gap * (columns - 1)) // columns)
        y = rect.y() + margins.top()
        for start in range(0, len(shown), columns):
            row = shown[start : start + columns]
            height = max(i.sizeHint().height() for i in row)
            if move:
                for n, item in enumerate(row):
                    x = rect.x() + margins.left() + n * (width + gap)
                    item.setGeometry(QRect(x, y, width, height))
            y += height + gap
        return y - gap - rect.y() + margins.bottom()
