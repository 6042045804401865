"""Text that leaves the program: invites, exports, proposals, e-mails, the terminal.

A name, a company or a link is typed by a user or read from another calendar. Control
characters in it (ESC, BEL, DEL, NUL, a vertical tab...) make readers disagree: icalendar
drops an ATTENDEE line whose CN holds one, libical strips them, and a terminal runs an ANSI
escape (``ESC[2J`` clears the screen). So every text is cleaned here, in one place, before it
goes out.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and line feed, DEL and the C1 controls: never meant to be shown.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Line and paragraph separators (a line break to some readers, not to others) and the bidi
# embeddings, overrides and isolates that can make a text display in another order.
_INVISIBLE = re.compile("[\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\r\n\u2028\u2029]+")


def clean(text: str, *, lines: bool = True) -> str:
    """``text`` without control characters (tab kept; line breaks kept when ``lines``, as
    ``\\n``). ``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    if text.isprintable():  # no control, format or separator character: the common case
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not lines:
        text = _BREAKS.sub(" ", text)
    return _INVISIBLE.sub("", _CONTROLS.sub("", text))


def one_line(text: str) -> str:
    """``text`` as a single clean line: line breaks become spaces, controls are removed."""
    return clean(text, lines=False)


def is_clean(text: str, *, lines: bool = True) -> bool:
    """True when ``clean`` would leave ``text`` as it is."""
    return clean(text, lines=lines) == text


def has_format_characters(text: str) -> bool:
    """True when ``text`` holds an invisible format character (Unicode category Cf)."""
    return any(unicodedata.category(ch) == "Cf" for ch in text)
