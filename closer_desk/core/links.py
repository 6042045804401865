"""The one link parser: what a call's link may be, for the CLI, the window and the invites.

A link in an appointment, a company or a prospect's file may come from an imported calendar
or a pasted text, and it goes into invites read by other programs and to the desktop to open.
Opening ``javascript:``, ``file:``, ``data:`` or ``smb:`` links would let such text run code,
read local files or leak the user's credentials, so only three schemes pass; and a link that
readers split differently (a backslash, a control or invisible character, user information
before the host, an empty host) is refused rather than written raw.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from closer_desk.core.errors import ValidationError

#: The schemes a link may have: a web page or call, a phone number, an e-mail.
ALLOWED_SCHEMES = ("https", "tel", "mailto")
_TEL = re.compile(r"\+?[0-9][0-9().\-]{1,30}")
_ADDRESS = re.compile(r"[^@\s,;<>\"\\]+@[^@\s,;<>\"\\]+\.[^@\s,;<>\"\\]+")
# A host name: labels of letters (any script), digits and hyphens, or a bracketed IPv6.
_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)*[^\W_](?:[\w-]*[^\W_])?\.?|\[[0-9A-Fa-f:.]+\]")


def _printable(text: str) -> bool:
    # isprintable() is False for every control, format (bidi, zero width), line or paragraph
    # separator and every space but U+0020, which a link never holds either.
    return text.isprintable() and " " not in text and "\\" not in text


def check_link(url: str, field: str = "link", schemes: tuple[str, ...] = ALLOWED_SCHEMES) -> str:
    """``url`` without surrounding spaces or tabs, if it is a link of one of ``schemes``.

    Raises ``ValidationError(field, "link_scheme")`` for another scheme and
    ``ValidationError(field, "bad_url")`` for a malformed link: a space, a backslash, a
    control or invisible character, user information (``https://user:pw@host``), no host or
    an empty one (``https://@host``), a bad port, a ``tel:`` without a number or a
    ``mailto:`` without an address.
    """
    # Only spaces and tabs are trimmed: str.strip() would also eat a vertical tab, a form feed
    # or U+2028 at the ends, which are refused like any control or separator.
    text = str(url).strip(" \t")
    if not text or not _printable(text):
        raise ValidationError(field, "bad_url", url)
    try:
        parts = urlsplit(text)
        port = parts.port  # raises on a port that is not a number
    except ValueError as exc:
        raise ValidationError(field, "bad_url", url) from exc
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        raise ValidationError(field, "link_scheme", url)
    if scheme == "https":
        host = parts.netloc.rsplit(":", 1)[0] if port is not None else parts.netloc
        ok = (
            text[len(parts.scheme) : len(parts.scheme) + 3] == "://"
            and "@" not in parts.netloc
            and bool(host)
            and _HOST.fullmatch(host) is not None
        )
    elif scheme == "tel":
        ok = not parts.netloc and bool(_TEL.fullmatch(unquote(parts.path)))
    else:
        addresses = unquote(parts.path).split(",")
        ok = not parts.netloc and all(_ADDRESS.fullmatch(a) for a in addresses)
    if not ok or not unquote(text).isprintable():
        raise ValidationError(field, "bad_url", url)
    return text


def safe_link(url: str, field: str = "link") -> str:
    """``url`` stripped, if it is an ``https:`` (with a host), ``tel:`` or ``mailto:`` link;
    ``ValidationError`` otherwise (see ``check_link``)."""
    return check_link(url, field)


def link_or_empty(url: str, schemes: tuple[str, ...] = ALLOWED_SCHEMES) -> str:
    """``url`` if ``check_link`` accepts it, else ``""``: for writers that must never pass a
    bad link on (a link stored before these checks existed is left out of an invite)."""
    try:
        return check_link(url, schemes=schemes)
    except ValidationError:
        return ""
