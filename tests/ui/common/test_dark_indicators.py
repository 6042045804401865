"""In the dark theme a radio button's ring and its checked dot read against the window
(WCAG's 3:1 for the parts of a control), checked or not, in Fusion as under Xvfb."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QRadioButton, QStyle, QStyleOptionButton

from closer_desk.ui.common import palette


@pytest.fixture
def dark(qapp: Any) -> Iterator[None]:
    palette.apply_theme(qapp, "dark")
    yield
    palette.apply_theme(qapp, "light")
    palette.apply_theme(qapp, "system")


def indicator_contrast(button: QRadioButton) -> float:
    """The best contrast of a pixel of the button's indicator against the window colour."""
    image = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    style = button.style()
    rect = style.subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, button)
    window = button.palette().color(QPalette.ColorRole.Window)
    ratio = 1.0
    ratio_x = image.width() / max(1, button.width())
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            pixel = QColor(image.pixel(int(x * ratio_x), int(y * ratio_x)))
            ratio = max(ratio, palette.contrast(pixel, window))
    return ratio


@pytest.mark.usefixtures("dark")
@pytest.mark.parametrize("checked", [False, True])
def test_radio_buttons_read_in_the_dark_theme(qtbot: Any, checked: bool) -> None:
    button = QRadioButton("03:30 (UTC+02:00)")
    qtbot.addWidget(button)
    button.setChecked(checked)
    button.show()
    qtbot.waitExposed(button)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert indicator_contrast(button) >= 3.0
