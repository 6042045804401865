"""Regenerate the README screenshots under Xvfb (``make screenshots`` or run directly).

    Xvfb :99 -screen 0 1600x1000x24 &
    DISPLAY=:99 .venv/bin/python packaging/screenshots.py --lang en --out resources/screenshots
    DISPLAY=:99 .venv/bin/python packaging/screenshots.py --lang fr --out resources/screenshots
    DISPLAY=:99 .venv/bin/python packaging/screenshots.py --lang en --dark

Each run builds throw-away agendas with a fixed clock (Wednesday 4 March 2026, 10:40 in Paris),
opens the real window and captures the X screen with ImageMagick's ``import``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NOW = datetime(2026, 3, 4, 9, 40, tzinfo=UTC)
LONG_NAME = "Maximilian-Alexander von Hohenzollern-Sigmaringen de la Tour d'Auvergne"


def clock() -> datetime:
    return NOW


def settle(app: object, tasks: object) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(40):
        QApplication.processEvents()
        tasks.wait()  # type: ignore[attr-defined]
        QApplication.processEvents()


#: The pictures committed under resources/screenshots (``--all`` writes every variant).
KEEP = {
    "week_en",
    "week_fr",
    "editor_en",
    "editor_fr",
    "day_busy_en",
    "week_busy_fr",
    "list_fr",
    "welcome_en",
    "welcome_fr",
    "week_en_dark",
    "details_desk_en",
    "details_desk_fr",
    "planner_en",
    "planner_fr",
    "reports_en",
    "reports_fr",
    "pipeline_en",
    "import_en",
    "import_fr",
    "assistant_day_en",
    "assistant_day_fr",
    "assistant_day_en_dark",
    "month_en",
    "month_fr",
    "printed_week_en",
    "week_1024_en",
}

#: A calendar from another app, imported as busy time in the import dialog's picture.
OTHER_CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    "X-WR-TIMEZONE:Europe/Paris\r\n"
    + "".join(
        f"BEGIN:VEVENT\r\nUID:other-{n}@google.com\r\nDTSTAMP:20260301T080000Z\r\n"
        f"DTSTART:202603{5 + n:02d}T{11 + n % 3:02d}0000Z\r\n"
        f"DTEND:202603{5 + n:02d}T{12 + n % 3:02d}0000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n"
        for n, summary in enumerate(("Dentist", "School run", "Team lunch", "Gym", "Accountant"))
    )
    + "BEGIN:VEVENT\r\nUID:weekly@google.com\r\nDTSTAMP:20260301T080000Z\r\n"
    "DTSTART;TZID=Europe/Paris:20260302T083000\r\nDTEND;TZID=Europe/Paris:20260302T090000\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=8\r\nSUMMARY:Weekly planning\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:free@google.com\r\nDTSTAMP:20260301T080000Z\r\n"
    "DTSTART:20260306T150000Z\r\nDTEND:20260306T160000Z\r\nTRANSP:TRANSPARENT\r\n"
    "SUMMARY:Maybe\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
WRITE_ALL = False


def capture(path: Path, width: int, height: int) -> None:
    if not WRITE_ALL and path.stem not in KEEP:
        return
    subprocess.run(
        ["import", "-window", "root", "-crop", f"{width}x{height}+0+0", "+repage", str(path)],
        check=True,
    )
    print(f"wrote {path}")


def busy_agenda(path: Path) -> object:
    """Twelve calls across four companies on one day, one with a very long prospect name."""
    from closer_desk.core import tz
    from closer_desk.store import open_agenda

    agenda = open_agenda(path, clock=clock)
    agenda.add_closer("Camille Durand", "Europe/Paris")
    for name, color in (
        ("Brightpath Software", "#2e86ab"),
        ("Dune Capital Partners", "#f4c430"),
        ("Lumière Formation", "#e4572e"),
        ("Érable Immobilier", "#17bebb"),
    ):
        agenda.add_company(name, color=color, default_video_url="https://meet.example.com/x")
    people = [
        (LONG_NAME, "Europe/Berlin"),
        ("Gabriel Tremblay", "America/Toronto"),
        ("Omar Haddad", "Asia/Dubai"),
        ("Haruto Sato", "Asia/Tokyo"),
        ("Priya Raman", "Asia/Kolkata"),
        ("Lucas Oliveira", "America/Sao_Paulo"),
        ("Chloé Martin", "Europe/Paris"),
        ("Ana García", "Europe/Madrid"),
        ("Sipho Dlamini", "Africa/Johannesburg"),
        ("Olivia Brown", "America/New_York"),
        ("Noah Williams", "Australia/Sydney"),
        ("Kaito Mori", "Asia/Tokyo"),
    ]
    ids = [agenda.add_prospect(n, z).id for n, z in people]
    companies = [c.id for c in agenda.companies()]
    day = date(2026, 3, 4)
    for i, prospect_id in enumerate(ids):
        minute = 8 * 60 + i * 55
        wall = datetime(day.year, day.month, day.day) + timedelta(minutes=minute)
        agenda.book(
            company=companies[i % 4],
            prospect=prospect_id,
            start=tz.localize(wall, "Europe/Paris"),
            minutes=45,
            force=True,
        )
    return agenda


#: A calendar of the London closer's, imported as busy time in the assistant's pictures.
LONDON_CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//macOS 14//EN\r\n"
    "BEGIN:VEVENT\r\nUID:dentist@icloud.com\r\nDTSTAMP:20260301T080000Z\r\n"
    "DTSTART:20260304T151500Z\r\nDTEND:20260304T161500Z\r\nSUMMARY:Dentist\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def team_agenda(path: Path) -> object:
    """The demo agenda with two more closers, in Toronto and London, each with a day of calls
    on Wednesday 4 March 2026, and busy time imported for two of them."""
    from closer_desk.core import demo, tz
    from closer_desk.core.model import WeeklyHours
    from closer_desk.store import open_agenda
    from closer_desk.store.calendar_import import import_file
    from closer_desk.store.demo import load_demo

    agenda = open_agenda(path, clock=clock)
    load_demo(agenda, demo.build(date(2026, 3, 4)))
    sophie = agenda.add_closer(
        "Sophie Tremblay", "America/Toronto", hours=WeeklyHours.uniform(8 * 60, 17 * 60, range(5))
    )
    james = agenda.add_closer("James Carter", "Europe/London")
    prospects, companies = agenda.prospects(), agenda.companies()
    for i, closer in enumerate((sophie, james)):
        for k in range(5):
            wall = datetime(2026, 3, 4, 9 + k * 2 - k % 2, 15 * (k % 3))
            agenda.book(
                closer=closer.id,
                company=companies[(i + k) % len(companies)].id,
                prospect=prospects[(3 * i + 5 * k) % len(prospects)].id,
                start=tz.localize(wall, closer.zone),
                minutes=45,
                force=True,
            )
    folder = path.parent
    (folder / "google.ics").write_text(OTHER_CALENDAR, newline="")
    import_file(agenda, folder / "google.ics", busy=True)
    (folder / "icloud.ics").write_text(LONDON_CALENDAR, newline="")
    import_file(agenda, folder / "icloud.ics", busy=True, closer=james.id)
    return agenda


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en", choices=("en", "fr"))
    parser.add_argument("--out", type=Path, default=Path("resources/screenshots"))
    parser.add_argument("--dark", action="store_true")
    parser.add_argument(
        "--all", action="store_true", help="every variant, not only the committed ones"
    )
    args = parser.parse_args()
    global WRITE_ALL
    WRITE_ALL = args.all
    args.out.mkdir(parents=True, exist_ok=True)

    import i18n_build  # beside this script, under packaging/
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from closer_desk.core import demo
    from closer_desk.store import open_agenda
    from closer_desk.store.demo import load_demo
    from closer_desk.ui.common import i18n
    from closer_desk.ui.common.source import AgendaSource
    from closer_desk.ui.common.tasks import TaskManager
    from closer_desk.ui.shell.mainwindow import MainWindow
    from closer_desk.ui.shell.rooms_wiring import RoomsWiring

    app = QApplication(["closer_desk_screenshots"])
    app.setStyle("Fusion")
    if args.dark:
        # Xvfb has no desktop theme: the window's own dark theme (Preferences → Colours).
        from closer_desk.ui.common.palette import apply_theme

        apply_theme(app, "dark")
    i18n_build.build()
    translators = i18n.install_translators(app, args.lang)
    suffix = f"_{args.lang}" + ("_dark" if args.dark else "")
    width, height = 1600, 1000
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)

        def window_on(agenda: object) -> tuple[MainWindow, TaskManager]:
            tasks = TaskManager()
            source = AgendaSource(agenda, tasks)
            win = MainWindow(source, clock, settings, system_zone="Europe/Paris")
            # The whole window, as app.py assembles it (the tray reminders aside).
            RoomsWiring(win, source, clock, getattr(agenda, "path", None))
            win.move(0, 0)
            win.resize(width, height)
            win.show()
            settle(app, tasks)
            return win, tasks

        # The week of the demo data, one call selected (second scale in the prospect's zone).
        agenda = open_agenda(Path(tmp) / "demo.sqlite3", clock=clock)
        load_demo(agenda, demo.build(date(2026, 3, 4)))
        win, tasks = window_on(agenda)
        room = win.agenda
        pick = next(
            e
            for e in room.entries
            if e.prospect_zone not in ("Europe/Paris",)
            and e.appointment.status.value != "cancelled"
        )
        room.select(pick.appointment.id)
        settle(app, tasks)
        capture(args.out / f"week{suffix}.png", width, height)

        # The editor over the window: a prospect in America in the weeks where the US clocks
        # have changed and the French ones not yet (a DST-shift warning), late for the closer.
        american = next(e for e in room.entries if e.prospect_zone.startswith("America/"))
        editor = room.new_call(datetime(2026, 3, 10, 18, 30))
        assert editor is not None
        editor.prospect.setCurrentIndex(editor.prospect.findText(american.prospect_name))
        editor.in_prospect_zone.setChecked(True)
        editor.move(360, 120)
        settle(app, tasks)
        capture(args.out / f"editor{suffix}.png", width, height)
        editor.reject()
        settle(app, tasks)

        # The call's desk under its details, the pane widened as a closer does during a call.
        splitter = room.details.parentWidget()
        splitter.setSizes([width - 220 - 760, 760])
        settle(app, tasks)
        capture(args.out / f"details_desk{suffix}.png", width, height)
        splitter.setSizes([900, 300])

        # The planner on a prospect abroad, with the slots found.
        wiring = win.findChild(RoomsWiring)
        abroad = next(
            e
            for e in room.entries
            if e.prospect_zone.startswith("America/") and e.appointment.status.value != "cancelled"
        )
        wiring.plan_call(abroad.appointment.prospect_id, abroad.appointment.id)
        settle(app, tasks)
        planner = win.room("planner")
        planner.view.selectRow(1)
        settle(app, tasks)
        capture(args.out / f"planner{suffix}.png", width, height)

        for key in ("reports", "pipeline"):
            win.show_room(key)
            settle(app, tasks)
            if key == "pipeline":
                win.room(key).view.selectRow(0)
            capture(args.out / f"{key}{suffix}.png", width, height)
        win.show_room("agenda")

        # The import dialog after importing another calendar as busy time.
        other = Path(tmp) / "google.ics"
        other.write_text(OTHER_CALENDAR, newline="")
        dialog = wiring.calendar.import_calendar()
        dialog.path_edit.setText(str(other))
        dialog.resize(640, 380)
        dialog.move(480, 260)
        dialog.start(other, busy=True)
        deadline = time.monotonic() + 60
        while dialog.is_running() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)  # the import runs on the worker
        settle(app, tasks)
        capture(args.out / f"import{suffix}.png", width, height)
        dialog.done(0)
        settle(app, tasks)

        # The list view.
        win.set_view("list")
        settle(app, tasks)
        capture(args.out / f"list{suffix}.png", width, height)
        win.close()

        # A busy day: twelve calls, four companies, a very long name selected.
        busy = busy_agenda(Path(tmp) / "busy.sqlite3")
        win, tasks = window_on(busy)
        win.set_view("day")
        settle(app, tasks)
        first = next(e for e in win.agenda.entries if e.prospect_name == LONG_NAME)
        win.agenda.select(first.appointment.id)
        win.agenda.grid.scroll_to_minutes(7 * 60 + 30)
        settle(app, tasks)
        capture(args.out / f"day_busy{suffix}.png", width, height)
        win.set_view("week")
        win.agenda.grid.scroll_to_minutes(7 * 60 + 30)
        settle(app, tasks)
        capture(args.out / f"week_busy{suffix}.png", width, height)
        win.close()

        # The assistant's view: three closers in three zones side by side, on the main closer's
        # rows, each with their own hours and clock, busy time hatched; then the month.
        team = team_agenda(Path(tmp) / "team.sqlite3")
        win, tasks = window_on(team)
        room = win.agenda
        room.set_picked(frozenset(c.id for c in win.source.directory.closers[1:]))
        win.set_view("day")
        settle(app, tasks)
        pick = next(e for e in room.entries if e.prospect_zone.startswith("America/"))
        room.select(pick.appointment.id)
        room.grid.scroll_to_minutes(8 * 60 + 30)
        settle(app, tasks)
        capture(args.out / f"assistant_day{suffix}.png", width, height)
        win.set_view("week")
        room.grid.scroll_to_minutes(8 * 60 + 30)
        settle(app, tasks)
        capture(args.out / f"assistant_week{suffix}.png", width, height)
        room.set_picked(frozenset())
        win.set_view("month")
        settle(app, tasks)
        capture(args.out / f"month{suffix}.png", width, height)

        # The week on paper: the PDF the File menu writes, as its first page looks.
        win.set_view("week")
        settle(app, tasks)
        printed = room.export_pdf(Path(tmp) / "week.pdf")
        if printed is not None and (WRITE_ALL or f"printed_week{suffix}" in KEEP):
            out = args.out / f"printed_week{suffix}"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "110", "-singlefile", str(printed), str(out)],
                check=True,
            )
            print(f"wrote {out}.png")

        # The week on a small screen: 1024x700, a call and its desk in the pane.
        win.resize(1024, 700)
        room.select(pick.appointment.id)
        room.grid.scroll_to_minutes(8 * 60 + 30)
        settle(app, tasks)
        capture(args.out / f"week_1024{suffix}.png", 1024, 700)
        win.close()

        # First run.
        empty = open_agenda(Path(tmp) / "empty.sqlite3", clock=clock)
        win, tasks = window_on(empty)
        capture(args.out / f"welcome{suffix}.png", width, height)
        win.close()
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
