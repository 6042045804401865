"""The mail side of the window in French: the badge's words, the plural forms of the outbox's
one-line reports, the update question."""

from __future__ import annotations

from typing import Any

from closer_desk.core.mail.state import InviteState
from closer_desk.ui.mail.words import MailCounts, invite_state_text, reason_text


def test_the_mail_words_are_french_with_their_plurals(french: Any) -> None:
    assert invite_state_text(InviteState.SENT) == "Invitation envoyée"
    assert invite_state_text(InviteState.COUNTER) == "Nouvel horaire proposé"
    counts = MailCounts()
    assert counts.sent(1) == "1 message envoyé."
    assert counts.sent(3) == "3 messages envoyés."
    assert counts.recorded(2) == "2 réponses enregistrées."
    assert reason_text("refused", "550 no") == "refusé par le serveur (550 no)"
