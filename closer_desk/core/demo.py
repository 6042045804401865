"""Realistic sample data for a new user: pure data, applied to an agenda by the store.

Seeded, and relative to an injected ``today``, so the same day always gives the same agenda.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import phonenumbers

from closer_desk.core import tz
from closer_desk.core.model import CallKind, Outcome, Status, Temperature

CLOSER = {"name": "Camille Durand", "zone": "Europe/Paris", "email": "camille@closer.example"}


@dataclass(frozen=True)
class DemoCompany:
    name: str
    color: str
    rate: str  # a percentage, as a user types it (``core.parse.parse_rate``)
    kind: CallKind
    minutes: int
    url: str
    zone: str
    country: str
    currency: str
    script: str


@dataclass(frozen=True)
class DemoProspect:
    name: str
    organisation: str
    zone: str
    country: str
    subdivision: str
    language: str
    phone: str
    email: str
    temperature: Temperature
    need: str
    motivations: str
    blockages: str


@dataclass(frozen=True)
class DemoCall:
    company: str
    prospect_index: int
    start: datetime
    minutes: int
    kind: CallKind
    status: Status
    outcome: Outcome | None = None
    value: Decimal | None = None
    currency: str = ""
    reason: str = ""
    notes: str = ""


@dataclass(frozen=True)
class DemoData:
    closer: dict[str, str]
    companies: tuple[DemoCompany, ...]
    prospects: tuple[DemoProspect, ...]
    calls: tuple[DemoCall, ...] = field(default=())


COMPANIES = (
    DemoCompany(
        "Lumière Formation",
        "#e4572e",
        "15",
        CallKind.VIDEO,
        45,
        "https://meet.example.com/lumiere-closing",
        "Europe/Paris",
        "FR",
        "EUR",
        "1. Rappeler le contexte et l'objectif de l'appel\n2. Faire reformuler le besoin\n"
        "3. Présenter le programme en 3 points\n4. Traiter les objections\n"
        "5. Proposer l'offre et le paiement en 3 fois\n6. Fixer la date de démarrage",
    ),
    DemoCompany(
        "Érable Immobilier",
        "#17bebb",
        "12",
        CallKind.PHONE,
        30,
        "",
        "America/Toronto",
        "CA",
        "CAD",
        "1. Confirmer le budget et le financement\n2. Revoir les 2 biens présélectionnés\n"
        "3. Lever les freins (taux, délais)\n4. Proposer la visite virtuelle\n5. Réserver",
    ),
    DemoCompany(
        "Dune Capital Partners",
        "#ffc914",
        "20",
        CallKind.VIDEO,
        60,
        "https://video.example.org/dune/closing-room",
        "Asia/Dubai",
        "AE",
        "AED",
        "1. Qualify investable amount\n2. Recap risk profile\n3. Walk through the fund sheet\n"
        "4. Handle objections (lock-up, fees)\n5. Send the subscription link",
    ),
    DemoCompany(
        "Brightpath Software",
        "#2e86ab",
        "10",
        CallKind.VIDEO,
        45,
        "https://call.example.net/brightpath",
        "America/New_York",
        "US",
        "USD",
        "1. Confirm pain points from discovery\n2. Live demo of the 3 key workflows\n"
        "3. Pricing and seats\n4. Procurement steps\n5. Agree on the signature date",
    ),
)

_PLACES = (
    (
        "FR",
        "",
        "Europe/Paris",
        "fr",
        ("Julie Moreau", "Thomas Lefèvre", "Sophie Bernard", "Nicolas Petit"),
    ),
    ("BE", "", "Europe/Brussels", "fr", ("Lucas Dubois", "Emma Peeters")),
    ("CH", "GE", "Europe/Zurich", "fr", ("Léa Favre", "Marc Rochat")),
    (
        "CA",
        "QC",
        "America/Toronto",
        "fr",
        ("Gabriel Tremblay", "Chloé Gagnon", "Olivier Roy", "Maude Côté"),
    ),
    ("CA", "ON", "America/Toronto", "en", ("Ryan Mitchell", "Emily Chen")),
    ("US", "NY", "America/New_York", "en", ("Michael Johnson", "Sarah Williams", "David Brown")),
    ("US", "CA", "America/Los_Angeles", "en", ("Jessica Garcia", "Kevin Nguyen")),
    ("AE", "", "Asia/Dubai", "en", ("Omar Al Mansouri", "Fatima Haddad", "Rashid Khan")),
    ("SA", "", "Asia/Riyadh", "en", ("Khalid Al-Qahtani", "Noura Al-Harbi")),
    ("MA", "", "Africa/Casablanca", "fr", ("Youssef Benali", "Salma Idrissi", "Karim El Amrani")),
    ("SN", "", "Africa/Dakar", "fr", ("Awa Diop", "Mamadou Ndiaye")),
    ("GB", "", "Europe/London", "en", ("Oliver Smith", "Amelia Jones")),
    ("JP", "", "Asia/Tokyo", "en", ("Haruto Sato", "Yui Tanaka")),
    ("AU", "NSW", "Australia/Sydney", "en", ("Jack Wilson", "Charlotte Taylor")),
    ("BR", "SP", "America/Sao_Paulo", "en", ("Lucas Oliveira", "Mariana Souza")),
    ("SG", "", "Asia/Singapore", "en", ("Wei Ling Tan",)),
    ("IN", "MH", "Asia/Kolkata", "en", ("Priya Sharma", "Arjun Mehta")),
)
_ORGS = ("Atelier", "Groupe", "Studio", "Solutions", "Conseil", "Partners", "Labs", "Holding")
_NEEDS = (
    "Structurer son offre et passer de 5 à 15 clients par mois",
    "Replace three spreadsheets with one shared tool before the audit",
    "Acheter un premier investissement locatif avant l'été",
    "Diversify savings away from cash, horizon five years",
    "Former son équipe commerciale à la vente en visio",
)
_MOTIVATIONS = (
    "Veut plus de temps pour sa famille",
    "Board pressure to cut reporting time in half",
    "Prépare sa retraite, aime la sécurité",
    "Growth target for next year, new funding round",
)
_BLOCKAGES = (
    "Budget serré ce trimestre, a peur de s'engager",
    "Needs sign-off from the CFO",
    "A déjà été déçu par un coach",
    "Worried about lock-up period",
    "Conjoint pas encore convaincu",
)
_LOST = ("Budget", "Timing", "Chose a competitor", "No decision maker")


def _phone(rng: random.Random, country: str) -> str:
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
    if example is None:
        return ""
    national = str(example.national_number)
    for _ in range(20):
        candidate = national[:-3] + f"{rng.randrange(1000):03d}"
        number = phonenumbers.parse(f"+{example.country_code}{candidate}")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)


def _prospects(rng: random.Random) -> list[DemoProspect]:
    people = []
    for country, subdivision, zone, language, names in _PLACES:
        for name in names:
            last = name.split()[-1]
            slug = "".join(ch for ch in name.lower() if ch.isascii() and ch.isalpha())
            people.append(
                DemoProspect(
                    name=name,
                    organisation=f"{last} {rng.choice(_ORGS)}",
                    zone=zone,
                    country=country,
                    subdivision=subdivision,
                    language=language,
                    phone=_phone(rng, country),
                    email=f"{slug}@prospect.example",
                    temperature=rng.choice(list(Temperature)),
                    need=rng.choice(_NEEDS),
                    motivations=rng.choice(_MOTIVATIONS),
                    blockages=rng.choice(_BLOCKAGES),
                )
            )
    return people


def build(today: date, *, seed: int = 20261123, days_each_side: int = 45) -> DemoData:
    """Sample agenda around ``today``: one closer in Paris, four companies (FR, CA, AE, US),
    forty prospects in a dozen countries, three months of calls with outcomes."""
    rng = random.Random(seed)
    prospects = _prospects(rng)
    calls: list[DemoCall] = []
    for offset in range(-days_each_side, days_each_side + 1):
        day = today + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        count = 8 if offset == 0 else rng.randint(2, 5)
        # Candidate starts every 30 minutes in the closer's day (Paris 09:00-17:30).
        quarters = range(9 * 4, 17 * 4 + 3, 2)  # quarter-hour indexes, every 30 minutes
        starts = sorted(rng.sample(quarters, k=min(count * 2, len(quarters))))
        cursor = 9 * 60
        placed = 0
        for quarter in starts:
            if placed >= count:
                break
            minute = quarter * 15
            company = rng.choice(COMPANIES)
            length = company.minutes
            if minute < cursor or minute + length > 18 * 60:
                continue
            wall = datetime(day.year, day.month, day.day, minute // 60, minute % 60)
            start = tz.localize(wall, CLOSER["zone"], choose="later")
            # Only prospects for whom this is a sensible hour (08:00-19:00 their time).
            awake = [
                i
                for i, p in enumerate(prospects)
                if 8 <= start.astimezone(tz.zone(p.zone)).hour < 19
            ]
            if not awake:
                continue
            index = rng.choice(awake)
            cursor = minute + length + 15
            placed += 1
            # Half the calls were agreed in the prospect's time, as they would be abroad.
            if rng.random() < 0.5:
                start = start.astimezone(tz.zone(prospects[index].zone))
            calls.append(_call(rng, company, index, start, offset))
    return DemoData(CLOSER, COMPANIES, tuple(prospects), tuple(calls))


def _call(
    rng: random.Random, company: DemoCompany, index: int, start: datetime, offset: int
) -> DemoCall:
    base = DemoCall(company.name, index, start, company.minutes, company.kind, Status.PLANNED)
    roll = rng.random()
    if offset >= 0:
        if roll < 0.08:
            return replace(base, status=Status.CANCELLED)
        status = Status.CONFIRMED if roll < 0.5 else Status.PLANNED
        return replace(base, status=status, notes="Relancer sur le point financement")
    if roll < 0.1:
        return replace(base, status=Status.CANCELLED)
    if roll < 0.22:
        return replace(base, status=Status.NO_SHOW)
    if roll < 0.55:
        value = Decimal(rng.randrange(1500, 12000, 50))
        return replace(
            base, status=Status.DONE, outcome=Outcome.WON, value=value, currency=company.currency
        )
    if roll < 0.8:
        return replace(base, status=Status.DONE, outcome=Outcome.LOST, reason=rng.choice(_LOST))
    return replace(
        base,
        status=Status.DONE,
        outcome=Outcome.FOLLOW_UP,
        notes="Rappeler après validation du conjoint",
    )
