"""Only https:, tel: and mailto: links may be opened."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from closer_desk.core.errors import ValidationError
from closer_desk.core.links import ALLOWED_SCHEMES, safe_link


@pytest.mark.parametrize(
    "url",
    [
        "https://meet.example.com/acme-closing",
        "  https://zoom.us/j/123?pwd=abc  ",
        "HTTPS://Meet.Example.com/x",
        "tel:+33612345678",
        "tel:+1-514-555-0123",
        "mailto:gabriel@example.ca",
        "mailto:a@example.com,b@example.org?subject=Call",
    ],
)
def test_safe_links_pass(url: str) -> None:
    assert safe_link(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "smb://attacker.example/share",
        "http://meet.example.com/plain",
        "vbscript:msgbox",
        "//evil.example/x",
        "ftp://files.example.com",
    ],
)
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(ValidationError) as caught:
        safe_link(url)
    assert caught.value.code == "link_scheme" and caught.value.field == "link"


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://",
        "https:///path",
        "https://exa mple.com",
        "tel:",
        "tel:call-me",
        "mailto:nobody",
        "\x01javascript:alert(1)",
        "https://meet.example.com/\nSet-Cookie",
        "https://[::1",
        "https://meet.example.com\\@evil.example/",
        "https://user:pw@meet.example.com/",
        "https://@evil.example",
        "https://meet.example.com/\x0b",
        "https://meet.example.com/\x0c",
        "https://meet.example.com/\x7f",
        "https://meet.example.com/\u2028x",
        "https://meet.example.com/%E2%80%A8",
        "https://meet.example.com:port/",
        "https:meet.example.com",
    ],
)
def test_malformed_links_are_refused(url: str) -> None:
    with pytest.raises(ValidationError) as caught:
        safe_link(url)
    assert caught.value.code in {"bad_url", "link_scheme"}


@given(st.text())
def test_whatever_is_typed_only_allowed_schemes_come_out(text: str) -> None:
    try:
        out = safe_link(text)
    except ValidationError:
        return
    assert out.split(":", 1)[0].lower() in ALLOWED_SCHEMES
    assert not any(ord(ch) < 0x21 or ch in "\\\x7f\u2028\u2029" for ch in out)
