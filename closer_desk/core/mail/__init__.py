"""E-mail invites (iMIP, RFC 6047): the messages a prospect receives, the answers they send
back, and the rules that say where a call's invite stands.

Pure Python like the rest of ``core``: functions over core objects that return bytes or data.
Sending and fetching live in ``store`` (they need the agenda's outbox); the words of errors
live in ``cli`` and ``ui``.
"""
