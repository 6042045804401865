"""English words for what the mail code reports (the window has its own, translated).

Apart from ``mail_cmds`` so that ``messages`` can word a ``MailError`` without importing the
commands (which import ``_common``, which imports ``messages``).
"""

from __future__ import annotations

#: Why a message did not go, before the server's words.
_CODES = {
    "connection": "server unreachable",
    "temporary": "server said try later",
    "refused": "refused by the server",
    "auth": "login refused (check the user and password; run 'closer-desk mail setup' again)",
    "no_password": "no password: neither the system keyring nor CLOSER_DESK_MAIL_PASSWORD has it",
    "tls": "secure connection failed",
    "unconfirmed": "the connection ended before the server answered",
}

#: Why a keyring backend is not trusted with a password.
UNSAFE = {
    "plaintext": "it keeps passwords in a plain file",
    "no_keyring": "there is no keyring on this system",
    "unknown": "closer_desk does not know it to be safe",
    "failed": "it refused the password",
}


def mail_reason(code: str, detail: str) -> str:
    """``server unreachable (Connection refused)``-style words for a failure."""
    words = _CODES.get(code, code)
    return f"{words} ({detail})" if detail else words
