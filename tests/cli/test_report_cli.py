"""``closer-desk report`` and ``pipeline`` on the demo data, checked against sums computed here
straight from the appointments."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from closer_desk.core.model import Outcome, Status
from closer_desk.store import open_agenda
from tests.helpers.cli import main
from tests.helpers.factories import FakeClock

#: Mid-month, so that the demo's current month already has won deals to report.
MID_MONTH = FakeClock(datetime(2026, 3, 18, 9, 0, tzinfo=UTC))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(path), "demo"], MID_MONTH) == 0
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str, clock: FakeClock = MID_MONTH) -> str:
    capsys.readouterr()
    assert main(list(argv), clock) == 0
    return capsys.readouterr().out


def _independent(path: Path, months: list[str]) -> tuple[dict, dict, Counter]:
    """Per-currency and per-(company, currency) revenue and commission, and counts, computed
    without the report code: each call's month read with zoneinfo in the closer's zone."""
    paris = ZoneInfo("Europe/Paris")
    first = datetime.strptime(months[0], "%Y-%m").replace(tzinfo=paris) - timedelta(days=2)
    last = datetime.strptime(months[-1], "%Y-%m").replace(tzinfo=paris) + timedelta(days=33)
    totals: dict = defaultdict(lambda: [Decimal(0), Decimal(0)])
    per_company: dict = defaultdict(lambda: [Decimal(0), Decimal(0)])
    counts: Counter = Counter()
    with open_agenda(path) as agenda:
        closer = agenda.closer()
        assert closer.zone == "Europe/Paris"
        rates = {c.id: (c.name, c.commission_rate) for c in agenda.companies()}
        for a in agenda.appointments(first, last):
            if a.start.astimezone(paris).strftime("%Y-%m") not in months:
                continue
            counts["held"] += a.status == Status.DONE
            counts["no_shows"] += a.status == Status.NO_SHOW
            if a.outcome != Outcome.WON:
                continue
            counts["won"] += 1
            name, rate = rates[a.company_id]
            earned = (a.deal_value * _rate(a, rate)).quantize(
                Decimal("0.01"), rounding=ROUND_HALF_UP
            )
            for bucket in (totals[a.currency], per_company[(name, a.currency)]):
                bucket[0] += a.deal_value
                bucket[1] += earned
    return totals, per_company, counts


def test_report_json_agrees_with_the_appointments(demo_db, capsys):
    doc = json.loads(_run(capsys, "--db", str(demo_db), "report", "--json", "--months", "3"))
    totals, per_company, counts = _independent(demo_db, doc["months"])
    assert counts["won"] > 10  # the demo data has something to add up
    got = {
        m["currency"]: [Decimal(m["revenue"]), Decimal(m["commission"])]
        for m in doc["totals"]["money"]
    }
    assert got == {k: v for k, v in totals.items()}
    assert len(got) == 4  # EUR, CAD, AED, USD: never converted into one
    got_company = {
        (c["company"], m["currency"]): [Decimal(m["revenue"]), Decimal(m["commission"])]
        for c in doc["companies"]
        for m in c["money"]
    }
    assert got_company == dict(per_company)
    t = doc["totals"]
    assert (t["calls_held"], t["no_shows"], t["won"]) == (
        counts["held"],
        counts["no_shows"],
        counts["won"],
    )
    assert Decimal(t["conversion"]) == (Decimal(counts["won"]) / counts["held"]).quantize(
        Decimal("0.0001"), rounding=ROUND_HALF_UP
    )
    assert doc["week"]["planned_minutes"] == 35 * 60
    assert "no-shows excluded" in doc["no_show_policy"]


def test_report_table_states_the_no_show_rule(demo_db, capsys):
    out = _run(capsys, "--db", str(demo_db), "report")
    assert "no-shows are not calls held" in out
    assert "COMMISSION" in out and "Booked this week" in out


def test_report_on_the_first_of_a_month_says_nothing_is_won_yet(tmp_path, capsys):
    # CI went red on the first days of a month: the current month had no won deal, and the
    # money table is then empty. The report must still read well (and the test not depend on
    # the day it runs).
    first = FakeClock(datetime(2026, 12, 1, 7, 0, tzinfo=UTC))
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo"], first) == 0
    out = _run(capsys, "--db", str(path), "report", clock=first)
    assert "for 2026-12" in out and "no-shows are not calls held" in out
    assert "(nothing)" in out and "Booked this week (from 2026-11-30)" in out


def test_bad_month_is_refused_with_exit_2(demo_db, capsys):
    assert main(["--db", str(demo_db), "report", "--month", "2026-13"]) == 2
    assert "expected a month as YYYY-MM" in capsys.readouterr().err


def test_pipeline_json_lists_prospects_to_call(demo_db, capsys):
    items = json.loads(_run(capsys, "--db", str(demo_db), "pipeline", "--json"))
    assert items and {i["kind"] for i in items} <= {"hot-no-call", "follow-up-due", "no-show"}
    assert all("need" not in i and "notes" not in i for i in items)


def test_rebook_links_the_next_call(tmp_path, capsys):
    from closer_desk.store import open_agenda
    from tests.helpers.factories import make_agenda

    clock = FakeClock()
    today = clock.now.astimezone(ZoneInfo("Europe/Paris")).date()
    before, after = today - timedelta(days=3), today + timedelta(days=4)
    path = tmp_path / "a.sqlite3"
    make_agenda(path, clock).close()
    argv = ["--db", str(path)]
    assert (
        main(
            [*argv, "book", "--company", "Acme", "--prospect", "Omar", "--start", f"{before} 10:00"]
        )
        == 0
    )
    assert main([*argv, "outcome", "1", "follow-up"]) == 0
    doc = json.loads(_run(capsys, *argv, "pipeline", "--json", clock=clock))
    assert [(i["kind"], i["last_call"]["id"]) for i in doc] == [("follow-up-due", 1)]
    out = json.loads(
        _run(
            capsys,
            *argv,
            "rebook",
            "1",
            "--start",
            f"{after} 13:00",
            "--tz",
            "Asia/Dubai",
            "--json",
            clock=clock,
        )
    )
    assert (out["previous_id"], out["start"]) == (1, f"{after}T13:00+04:00")
    assert json.loads(_run(capsys, *argv, "pipeline", "--json", clock=clock)) == []
    with open_agenda(path) as agenda:
        assert [a.previous_id for a in agenda.history("Omar")] == [None, 1]
    # a time that does not exist is refused and nothing is booked
    bad = ["rebook", "1", "--start", "2027-03-28 02:30", "--tz", "Europe/Paris"]
    assert main([*argv, *bad]) == 2
    assert "does not exist" in capsys.readouterr().err
    with open_agenda(path) as agenda:
        assert agenda.count_appointments() == 2


def _rate(a, company_rate):
    """The deal's override, else the rate frozen when it was won, else the company's."""
    for rate in (a.commission_rate, a.company_rate, company_rate):
        if rate is not None:
            return rate
    raise AssertionError("no rate")
