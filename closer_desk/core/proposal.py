"""Proposal text: a few slots written for the prospect, in their language and time zone.

Dates are formatted by babel (CLDR data); the zone is named by a place ("heure de Montréal",
"Montréal time") because a prospect reads places, not IANA names or offsets. This is text
meant for the prospect, so it is the one place in core that writes sentences, in the
prospect's language rather than the user's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_datetime

from closer_desk.core import tz
from closer_desk.core.slots import Slot
from closer_desk.core.text import clean, one_line
from closer_desk.core.zones import zone_place_name


@dataclass(frozen=True, slots=True)
class _Wording:
    when: str  # babel pattern for one slot
    zone: str  # "{place}" is replaced by the zone's place name
    opening: str
    closing: str


_WORDINGS: dict[str, _Wording] = {
    "fr": _Wording(
        when="EEEE d MMMM 'à' H 'h' mm",
        zone="heure de {place}",
        opening="Bonjour,\n\nVoici quelques créneaux pour notre appel ({minutes} minutes) :",
        closing="Lequel vous convient le mieux ?",
    ),
    "en": _Wording(
        when="EEEE d MMMM 'at' HH:mm",
        zone="{place} time",
        opening="Hello,\n\nHere are a few times for our call ({minutes} minutes):",
        closing="Which one suits you best?",
    ),
}
SUPPORTED_LANGUAGES = tuple(_WORDINGS)


def slot_words(
    slot: Slot, language: str, zone_key: str | None = None, *, place: str | None = None
) -> str:
    """One slot in words on the prospect's clock: "mardi 10 mars à 10 h 00, heure de
    Montréal" / "Tuesday 10 March at 10:00, Montréal time". ``place`` names the zone (by
    default its own city, see ``zones.zone_place_name``)."""
    lang = language if language in _WORDINGS else "en"
    wording = _WORDINGS[lang]
    zone_key = zone_key or slot.prospect_zone
    local = tz.convert(slot.start, zone_key)
    when = format_datetime(local, wording.when, locale=lang)
    named = place or zone_place_name(zone_key, lang)
    return f"{when}, {wording.zone.format(place=named)}"


def proposal_text(
    slots: Sequence[Slot], language: str, *, zone_key: str | None = None, place: str | None = None
) -> str:
    """The message proposing ``slots`` (already chosen, e.g. by ``best_slots``), ready to paste.

    ``language`` is the prospect's (``fr``, ``en``; others fall back on English). Empty when no
    slot is given.
    """
    if not slots:
        return ""
    lang = language if language in _WORDINGS else "en"
    wording = _WORDINGS[lang]
    minutes = int((slots[0].end - slots[0].start).total_seconds() // 60)
    lines = [wording.opening.format(minutes=minutes)]
    lines += [f"- {one_line(slot_words(s, lang, zone_key, place=place))}" for s in slots]
    lines += ["", wording.closing]
    return clean("\n".join(lines))
