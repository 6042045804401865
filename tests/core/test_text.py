"""Control characters never leave the program: one cleaner for every outgoing text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from closer_desk.core.text import clean, one_line

CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, 0x85, 0x9B))


def test_controls_go_tab_and_line_breaks_stay() -> None:
    assert clean("a\x1b[2Jb\x07c\x7fd\x00e\tf\ng") == "a[2Jbcde\tf\ng"
    assert clean("one\r\ntwo\rthree") == "one\ntwo\nthree"
    assert clean("sep\u2028par\u2029bidi\u202eend") == "sepparbidiend"


def test_one_line_joins_lines() -> None:
    assert one_line("Ann\r\nLee\u2028Jr\x0b.") == "Ann Lee Jr."


def test_plain_text_is_returned_as_is() -> None:
    text = "Société Générale 🐘, Montréal"
    assert clean(text) is text or clean(text) == text


@given(st.text())
def test_nothing_unprintable_but_tab_and_newline_survives(text: str) -> None:
    out = clean(text)
    assert not any(ch in out for ch in CONTROLS + "\r\u2028\u2029")
    assert "\n" not in one_line(text)
