"""The window opens links only after the safety check, and says why when it refuses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from closer_desk.ui.common.links import open_link


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "smb://host/share"],
)
def test_unsafe_links_are_refused_with_a_message(qapp, url: str) -> None:
    opened: list[QUrl] = []
    told: list[str] = []
    assert not open_link(url, opener=lambda u: opened.append(u) or True, on_refused=told.append)
    assert opened == []
    assert len(told) == 1 and "https:, tel: and mailto:" in told[0] and url in told[0]


@pytest.mark.parametrize(
    "url", ["https://meet.example.com/acme", "tel:+33612345678", "mailto:a@example.com"]
)
def test_safe_links_reach_the_desktop(qapp, url: str) -> None:
    opened: list[QUrl] = []
    assert open_link(url, opener=lambda u: opened.append(u) or True, on_refused=pytest.fail)
    assert [u.toString() for u in opened] == [url]
