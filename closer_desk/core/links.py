"""Which links the app may hand to the desktop to open.

A link in an appointment or a prospect's file may come from an imported calendar or a pasted
text. Opening ``javascript:``, ``file:``, ``data:`` or ``smb:`` links would let such text run
code, read local files or leak the user's credentials to a server, so only three schemes pass.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from closer_desk.core.errors import ValidationError

#: The schemes a link may have: a web page or call, a phone number, an e-mail.
ALLOWED_SCHEMES = ("https", "tel", "mailto")
_TEL = re.compile(r"\+?[0-9][0-9().\-]{1,30}")
_ADDRESS = re.compile(r"[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\"]+")


def safe_link(url: str, field: str = "link") -> str:
    """``url`` stripped, if it is an ``https:`` (with a host), ``tel:`` or ``mailto:`` link.

    Raises ``ValidationError(field, "link_scheme")`` for any other scheme and
    ``ValidationError(field, "bad_url")`` for a malformed link (spaces or control characters,
    no host, no number or address).
    """
    text = str(url).strip()
    if not text or any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in text):
        raise ValidationError(field, "bad_url", url)
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError as exc:
        raise ValidationError(field, "bad_url", url) from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise ValidationError(field, "link_scheme", url)
    if scheme == "https":
        ok = bool(host) and not parts.netloc.startswith("@")
    elif scheme == "tel":
        ok = not parts.netloc and bool(_TEL.fullmatch(unquote(parts.path)))
    else:
        addresses = unquote(parts.path).split(",")
        ok = not parts.netloc and all(_ADDRESS.fullmatch(a) for a in addresses)
    if not ok:
        raise ValidationError(field, "bad_url", url)
    return text
