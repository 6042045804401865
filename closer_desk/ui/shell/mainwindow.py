"""The main window: assembles the sidebar, the rooms and the menus; holds no logic of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from closer_desk import APP_NAME
from closer_desk.core.model import WeeklyHours
from closer_desk.ui.agenda.details import OpenUrl, desktop_open
from closer_desk.ui.agenda.operations import CallOperations
from closer_desk.ui.agenda.room import AgendaRoom, View
from closer_desk.ui.common import i18n
from closer_desk.ui.common.prompts import Prompts, describe
from closer_desk.ui.common.source import AgendaSource, Directory
from closer_desk.ui.shell.keys import TextFieldKeys
from closer_desk.ui.shell.sidebar import Sidebar

if TYPE_CHECKING:  # built, and imported, only when an empty agenda (or a search) needs it
    from closer_desk.ui.common.preferences import Preferences
    from closer_desk.ui.shell.firstrun import WelcomePanel
    from closer_desk.ui.shell.preferences_dialog import PreferencesDialog
    from closer_desk.ui.shell.search import SearchPage


#: How long a change made is told in the status bar, with its undo.
NOTICE_MS = 15_000
#: When the window opens on another page than the week or month (the welcome, the list), what
#: waits for the agenda's first paint runs this long after the window is built.
FIRST_PAINT_FALLBACK_MS = 300


class MainWindow(QMainWindow):
    """The closer's desk.

    Rooms (the agenda, and those the lead adds: planner, reports...) are pages of a central
    stack, each reachable from the View menu: ``add_room(key, title, widget, shortcut)``.

    Attributes:
        agenda: the agenda room.
        sidebar: calendar, closer switcher, company filters, search.
        undo_stack: what can be undone (the door's: every write a user makes).

    Signals:
        closing(): the window is closing: rooms save what was typed (through the door,
            before its worker stops).
    """

    closing = Signal()

    def __init__(
        self,
        source: AgendaSource,
        clock: Callable[[], datetime],
        settings: QSettings,
        *,
        prompts: Prompts | None = None,
        open_url: OpenUrl = desktop_open,
        system_zone: str | Callable[[], str] = "UTC",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.settings = settings
        self.prompts = prompts or Prompts()
        # One stack for the window, kept by the door: every write a user makes is on it.
        self.undo_stack = source.history.stack
        self.setWindowTitle(APP_NAME)
        self.resize(1400, 860)
        self._menus: dict[str, QMenu] = {}
        self._rooms: dict[str, tuple[QWidget | None, QAction]] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._agenda_keys: dict[QAction, tuple[list[QKeySequence], list[QKeySequence]]] = {}
        self._room_group = QActionGroup(self)
        self.previous_room = ""
        #: The Help menu's dialog last opened (``ui.shell.help``).
        self.help_dialog: QDialog | None = None
        #: The agenda file, when known (a new demo agenda goes beside it).
        self.agenda_path: Path | None = None
        #: Where a new agenda for the demo goes, and how it is opened (tests answer both).
        self.choose_new_agenda: Callable[[QWidget | None, Path | None], Path | None] = (
            _choose_new_agenda
        )
        self.open_agenda_window: Callable[[Path], bool] = _open_window_on
        #: The preferences dialog last opened.
        self.preferences_dialog: PreferencesDialog | None = None
        #: Called with the ``AgendaCorruptError`` when the agenda turns out damaged on opening.
        self.on_damaged: Callable[[BaseException], object] | None = None

        self._clock = clock
        self.operations = CallOperations(source, self.prompts, self)
        self.sidebar = Sidebar(self)
        self.rooms = QStackedWidget(self)
        self.agenda = AgendaRoom(source, self.operations, clock, open_url, self)
        self.agenda.use_settings(settings)
        #: The system's zone for the first-run form, or how to ask for it (then asked only when
        #: the form is shown).
        self._system_zone = system_zone
        self._welcome: WelcomePanel | None = None
        self._search: SearchPage | None = None
        #: The room the search page covers (shown again when the search is left).
        self._under_search = "agenda"
        self._keys = TextFieldKeys(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.sidebar)
        center = QWidget(self)
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        #: Bands above the rooms (the reminders due): ``add_notice``.
        self.notices = QVBoxLayout()
        column.addLayout(self.notices)
        column.addWidget(self.rooms, 1)
        splitter.addWidget(center)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.heading = QLabel(self)
        self.status = QLabel(self)
        self.statusBar().addWidget(self.status, 1)
        #: Beside a change just made elsewhere than the agenda (a booking in the planner).
        self.status_undo = QToolButton(self)
        self.statusBar().addPermanentWidget(self.status_undo)
        self.status_undo.hide()
        self.statusBar().messageChanged.connect(
            lambda text: self.status_undo.setVisible(bool(text))
        )

        self._build_menus()
        self.add_room("agenda", self.tr("Agenda"), self.agenda, "Ctrl+1")
        self._connect()
        self.sidebar.set_date(clock().date())
        # The keyboard starts on the calls (D, W, L, T...), not in the search box.
        self.focus_agenda()
        source.load_directory()
        #: What waits for the agenda's first paint (``when_painted``); None once it ran.
        self._after_paint: list[Callable[[], object]] | None = []
        self.agenda.grid.painted.connect(self._first_paint)
        self.agenda.month.painted.connect(self._first_paint)
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._run_after_paint)

    def when_painted(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the agenda is on screen: queued after the first paint of the
        week or month, or ``FIRST_PAINT_FALLBACK_MS`` after the window was built when it
        opens on another page; soon, when that moment has passed."""
        if self._after_paint is None:
            QTimer.singleShot(0, self, action)
        else:
            self._after_paint.append(action)

    def _first_paint(self) -> None:
        # Heard once: later paints cost nothing here.
        self.agenda.grid.painted.disconnect(self._first_paint)
        self.agenda.month.painted.disconnect(self._first_paint)
        # Queued: never inside the paint event that announced it.
        QTimer.singleShot(0, self, self._run_after_paint)

    def _run_after_paint(self) -> None:
        actions, self._after_paint = self._after_paint, None
        for action in actions or ():
            action()

    # -- for the lead: hosting more rooms --------------------------------------------------
    def menu(self, name: str) -> QMenu:
        """The menu called ``name`` (file, edit, view, go, settings, help...), created on demand."""
        if name not in self._menus:
            titles = {
                "file": self.tr("&File"),
                "edit": self.tr("&Edit"),
                "view": self.tr("&View"),
                "go": self.tr("&Go"),
                "calendar": self.tr("&Calendar"),
                "tools": self.tr("&Tools"),
                "settings": self.tr("&Settings"),
                "help": self.tr("&Help"),
            }
            menu = QMenu(titles.get(name, name), self)
            # Menus added after the window is built go before Help, where users look.
            help_menu = self._menus.get("help")
            if help_menu is not None:
                self.menuBar().insertMenu(help_menu.menuAction(), menu)
            else:
                self.menuBar().addMenu(menu)
            self._menus[name] = menu
        return self._menus[name]

    def menus(self) -> list[QMenu]:
        """The menus of the menu bar, left to right."""
        found = [a.menu() for a in self.menuBar().actions()]
        return [m for m in found if isinstance(m, QMenu)]

    def shortcuts_of(self, action: QAction) -> list[QKeySequence]:
        """All the keys of an action, those lent to the agenda only while it is in front
        included."""
        lent = self._agenda_keys.get(action)
        return lent[1] if lent is not None else action.shortcuts()

    def add_room(
        self,
        key: str,
        title: str,
        widget: QWidget | Callable[[], QWidget],
        shortcut: str | None = None,
    ) -> QAction:
        """Host a room in the central stack, reachable from the Go menu.

        ``widget`` may be a factory: the room is then built the first time it is shown, which
        keeps the window's start-up lean.
        """
        action = QAction(title, self)
        action.setCheckable(True)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda: self.show_room(key))
        self._room_group.addAction(action)
        self.menu("go").addAction(action)
        if isinstance(widget, QWidget):
            self.rooms.addWidget(widget)
            self._rooms[key] = (widget, action)
        else:
            self._factories[key] = widget
            self._rooms[key] = (None, action)
        return action

    def add_notice(self, widget: QWidget) -> None:
        """Show ``widget`` above the rooms, whichever is in front (the reminders due)."""
        self.notices.addWidget(widget)

    def room(self, key: str) -> QWidget:
        """The widget of a room (built now if it was given as a factory)."""
        widget, action = self._rooms[key]
        if widget is None:
            widget = self._factories.pop(key)()
            self.rooms.addWidget(widget)
            self._rooms[key] = (widget, action)
        return widget

    def show_room(self, key: str) -> None:
        """Bring a room to the front."""
        #: The room in front before this one (Ctrl+2 plans for the call selected in the agenda).
        self.previous_room = self.current_room()
        self.rooms.setCurrentWidget(self.room(key))
        self._rooms[key][1].setChecked(True)
        self._lend_agenda_keys(key == "agenda")

    def _lend_agenda_keys(self, agenda_in_front: bool) -> None:
        for action, (chorded, every) in self._agenda_keys.items():
            action.setShortcuts(every if agenda_in_front else chorded)

    def show_appointment(self, appointment_id: int) -> None:
        """Bring the window up on a call's day with the call selected (a reminder was clicked)."""
        self.show_room("agenda")
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.agenda.show_appointment(appointment_id)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt's name
        """Rooms save what was typed before the window goes."""
        self.closing.emit()
        super().closeEvent(event)

    def current_room(self) -> str:
        """The key of the room in front ("welcome" on first run, "search" while the search's
        results are shown)."""
        current = self.rooms.currentWidget()
        if current is not None and current is self._welcome:
            return "welcome"
        if current is not None and current is self._search:
            return "search"
        return next((k for k, (w, _a) in self._rooms.items() if w is current), "")

    # -- menus and keys --------------------------------------------------------------------
    def _action(
        self,
        menu: str,
        text: str,
        slot: Callable[[], object],
        *keys: str | QKeySequence.StandardKey,
    ) -> QAction:
        action = QAction(text, self)
        sequences = [QKeySequence(k) for k in keys]
        chorded = [k for k in sequences if _chorded(k)]
        if len(chorded) != len(sequences):
            # Bare keys (T, D, arrows, Delete...) belong to the agenda: other rooms need them
            # for their own tables and fields, so they are lent only while the agenda is shown.
            self._agenda_keys[action] = (chorded, sequences)
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.menu(menu).addAction(action)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        a = self.agenda
        self.new_action = self._action("file", self.tr("&New call…"), a.new_call, "Ctrl+N")
        self.menu("file").addSeparator()
        self.print_action = self._action("file", self.tr("&Print…"), a.print_view, "Ctrl+P")
        self.pdf_action = self._action("file", self.tr("Export as P&DF…"), a.export_pdf)
        self.menu("file").addSeparator()
        self.demo_action = self._action("file", self.tr("Load &demo data"), self.load_demo)
        self.menu("file").addSeparator()
        self.quit_action = self._action(
            "file", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )

        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo_action, self.redo_action = undo, redo
        undo.setData(self.tr("Undo"))  # the name the shortcuts list shows (ui.shell.help)
        redo.setData(self.tr("Redo"))
        self.status_undo.setDefaultAction(undo)
        edit = self.menu("edit")
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self.edit_action = self._action(
            "edit", self.tr("&Edit call…"), a.edit_call, "Ctrl+E", "Return"
        )
        self.cancel_action = self._action(
            "edit", self.tr("&Cancel call…"), a.cancel_selected, "Delete"
        )
        self._action("edit", self.tr("De&lete call…"), a.delete_selected, "Shift+Delete")
        edit.addSeparator()
        self._action("edit", self.tr("&Find…"), self.focus_search, "Ctrl+F")
        edit.addSeparator()
        self.preferences_action = self._action(
            "edit", self.tr("Pre&ferences…"), self.open_preferences, "Ctrl+,"
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        self.day_action = self._action(
            "view", self.tr("&Day"), lambda: self.set_view(View.DAY), "D"
        )
        # X: the key calendars keep for a custom span of days, here the working week.
        self.work_week_action = self._action(
            "view", self.tr("W&ork week"), lambda: self.set_view(View.WORK_WEEK), "X"
        )
        self.week_action = self._action(
            "view", self.tr("&Week"), lambda: self.set_view(View.WEEK), "W"
        )
        self.month_action = self._action(
            "view", self.tr("&Month"), lambda: self.set_view(View.MONTH), "M"
        )
        self.list_action = self._action(
            "view", self.tr("&List"), lambda: self.set_view(View.LIST), "L"
        )
        self.menu("view").addSeparator()
        self.menu("view").addAction(a.details_action)
        self.addAction(a.details_action)
        self.menu("view").addSeparator()
        self._action("view", self.tr("&Today"), a.go_today, "T")
        self._action("view", self.tr("&Previous day"), lambda: a.step(-1), "Left")
        self._action("view", self.tr("&Next day"), lambda: a.step(1), "Right")
        self._action("view", self.tr("Previous wee&k"), lambda: a.step(-7), "PgUp")
        self._action("view", self.tr("Next wee&k"), lambda: a.step(7), "PgDown")

        language = self.menu("settings").addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = str(self.settings.value(i18n.LANGUAGE_KEY, "") or "")
        choices = [("", self.tr("System"))] + [(c, i18n.language_name(c)) for c in i18n.LANGUAGES]
        for code, label in choices:
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            group.addAction(action)
            language.addAction(action)
        self.menu("help")

        toolbar = self.navigation = QToolBar(self.tr("Navigation"), self)
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_action)
        toolbar.addSeparator()
        for text, slot in (
            (self.tr("Today"), a.go_today),
            ("◀", lambda: a.step_view(-1)),
            ("▶", lambda: a.step_view(1)),
        ):
            toolbar.addAction(text, slot)
        toolbar.addSeparator()
        for action in self._view_actions().values():
            action.setCheckable(True)
            toolbar.addAction(action)
        views = QActionGroup(self)
        for action in self._view_actions().values():
            views.addAction(action)
        self.week_action.setChecked(True)
        toolbar.addSeparator()
        toolbar.addWidget(self.heading)
        self.addToolBar(toolbar)

    def _view_actions(self) -> dict[View, QAction]:
        return {
            View.DAY: self.day_action,
            View.WORK_WEEK: self.work_week_action,
            View.WEEK: self.week_action,
            View.MONTH: self.month_action,
            View.LIST: self.list_action,
        }

    def _connect(self) -> None:
        s, a = self.sidebar, self.agenda
        s.date_chosen.connect(a.set_date)
        s.closer_changed.connect(a.set_closer)
        s.filters_changed.connect(a.set_shown_companies)
        s.search_changed.connect(self._on_search)
        s.search_left.connect(self.leave_search)
        s.search_entered.connect(self._open_found)
        s.search_down.connect(lambda: self._search.focus_results() if self._search else None)
        s.second_zone_changed.connect(a.set_pinned_zone)
        a.title_changed.connect(self._on_title)
        # The agenda room hears every write like the other rooms (``ui.shell.rooms_wiring``).
        self.source.changed.connect(a.on_changes)
        self.source.directory_loaded.connect(self._on_directory)
        self.source.people_loaded.connect(self._on_people)
        # Bound methods, not lambdas: Qt drops these connections when the window goes away.
        self.source.failed.connect(self._on_failed)
        self.source.tasks.busy_changed.connect(self._on_busy)
        self.source.history.refused.connect(self._on_undo_refused)
        a.view_changed.connect(lambda view: self._view_actions()[view].setChecked(True))
        a.exported.connect(
            lambda path: self.status.setText(self.tr("Written to %1").replace("%1", str(path)))
        )

    @property
    def welcome(self) -> WelcomePanel:
        """The first-run panel (built the first time an empty agenda needs it)."""
        if self._welcome is None:
            from closer_desk.ui.shell.firstrun import WelcomePanel

            zone = self._system_zone
            self._welcome = WelcomePanel(zone if isinstance(zone, str) else zone(), self)
            self.rooms.addWidget(self._welcome)
            self._welcome.demo_requested.connect(self.load_demo)
            self._welcome.add_company_requested.connect(self.add_first_company)
            self._welcome.closer_entered.connect(self._add_closer)
        return self._welcome

    def _on_failed(self, error: BaseException) -> None:
        from closer_desk.core.errors import AgendaCorruptError

        if isinstance(error, AgendaCorruptError) and self.on_damaged is not None:
            self.on_damaged(error)  # a backup to offer, not just an error to show
            return
        self.prompts.inform(self, self.tr("Error"), describe(error))

    def _on_undo_refused(self, why: str, redo: bool) -> None:
        self.prompts.inform(self, self.tr("Redo") if redo else self.tr("Undo"), why)

    def notify(self, text: str) -> None:
        """Say what was just done, in the status bar, with its undo beside it for a while."""
        self.statusBar().showMessage(text, NOTICE_MS)

    def _on_busy(self, busy: bool) -> None:
        working = self.tr("Working…")
        if busy:
            self.status.setText(working)
        elif self.status.text() == working:
            # What a job said when it finished (exported, refused...) stays.
            self.status.setText("")

    def _on_title(self, title: str) -> None:
        # The title follows every change of view or day, whoever made it.
        self.heading.setText(f"  {title}")
        self.sidebar.set_date(self.agenda.day)
        if (button := self._view_actions().get(self.agenda.view)) is not None:
            button.setChecked(True)

    def _on_people(self, directory: Directory) -> None:
        current = self.agenda.closer.id if self.agenda.closer else None
        self.sidebar.set_closers(directory.closers, current)

    def _on_directory(self, directory: Directory) -> None:
        current = self.agenda.closer.id if self.agenda.closer else None
        self.sidebar.set_closers(directory.closers, current)
        self.sidebar.set_companies(directory.companies)
        if not directory.closers or directory.empty:
            self.welcome.ask_for_closer(not directory.closers)
            self.rooms.setCurrentWidget(self.welcome)
            self._lend_agenda_keys(False)
            self.sidebar.hide()
            self.navigation.hide()
        else:
            self.sidebar.show()
            self.navigation.show()
            if self.current_room() == "welcome":
                self.show_room("agenda")
                self.focus_agenda()

    def set_view(self, view: View) -> None:
        """Day, week or list (and bring the agenda to the front)."""
        self.show_room("agenda")
        self._view_actions()[View(view)].setChecked(True)
        self.agenda.set_view(view)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.sidebar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sidebar.search.selectAll()

    def focus_agenda(self) -> None:
        """Put the keyboard on the agenda's view in front (the grid or the list)."""
        view = self.agenda.views.currentWidget()
        if view is None:
            return
        candidates = [view, *view.findChildren(QWidget)]
        target = next((w for w in candidates if w.focusPolicy() & Qt.FocusPolicy.TabFocus), view)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- search ----------------------------------------------------------------------------
    @property
    def search_page(self) -> SearchPage:
        """The search's results (built the first time something is searched)."""
        if self._search is None:
            from closer_desk.ui.common.room import ShowCall
            from closer_desk.ui.shell.search import SearchPage

            page = SearchPage(self.source, self._clock, self)
            self.rooms.addWidget(page)
            page.requested.connect(
                lambda r: (
                    self.show_appointment(r.appointment_id) if isinstance(r, ShowCall) else None
                )
            )
            page.escaped.connect(self.leave_search)
            self.source.changed.connect(page.on_changes)
            self._search = page
        return self._search

    def _on_search(self, text: str) -> None:
        if not text.strip():
            if self.current_room() == "search":
                self.show_room(self._under_search)
            return
        closer = self.agenda.closer
        page = self.search_page
        page.set_text(text, closer.id if closer else None, self.agenda.zone)
        if self.current_room() != "search":
            self._under_search = self.current_room() or "agenda"
            self.rooms.setCurrentWidget(page)
            self._lend_agenda_keys(False)

    def _open_found(self) -> None:
        if self._search is not None and self.sidebar.search.text().strip():
            if self.current_room() != "search":
                self._on_search(self.sidebar.search.text())
            elif self._search.found is not None:
                self._search.open_current()

    def leave_search(self) -> None:
        """Clear the search and give the keyboard back to the agenda."""
        self.sidebar.search.clear()
        if self.current_room() in ("search", "agenda"):
            self.show_room("agenda")
            self.focus_agenda()

    def open_preferences(self) -> PreferencesDialog:
        """Edit → Preferences…: what is chosen there is in force at once (OK or Apply)."""
        from closer_desk.ui.common import preferences
        from closer_desk.ui.shell.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(
            preferences.load(self.settings), self.source.directory.companies, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.apply_preferences)
        dialog.companies_requested.connect(self._to_companies)
        self.preferences_dialog = dialog
        dialog.open()
        return dialog

    def _to_companies(self) -> None:
        if "companies" in self._rooms:
            self.show_room("companies")

    def apply_preferences(self, chosen: Preferences) -> None:
        """Keep ``chosen`` and put it in force now: colours, clock, first day of the week (the
        agenda reads its week again), default reminder; the language at the next start."""
        from closer_desk.ui.common import preferences

        before = preferences.load(self.settings)
        preferences.save(self.settings, chosen)
        preferences.apply(chosen)
        i18n.follow_formats(self.sidebar.calendar)
        self.agenda.set_week_start(i18n.week_start())  # (it reads its days again)
        self.agenda.grid.viewport().update()
        if chosen.language != before.language:
            self.status.setText(
                self.tr("The language will change the next time closer_desk starts.")
            )

    def set_language(self, code: str) -> None:
        """Remember the language; it applies at the next start."""
        self.settings.setValue(i18n.LANGUAGE_KEY, code)
        self.settings.sync()
        self.status.setText(self.tr("The language will change the next time closer_desk starts."))

    # -- first run -------------------------------------------------------------------------
    def load_demo(self) -> None:
        """Fill an empty agenda with sample data; a full one is offered a new agenda file for
        the demo instead (it never mixes with the closer's own calls)."""
        from closer_desk.ui.shell.demo_offer import fill_demo, refused_as_not_empty

        def failed(error: BaseException) -> None:
            if refused_as_not_empty(error):
                self.offer_demo_elsewhere()
            else:
                self.prompts.inform(self, self.tr("Demo data"), describe(error))

        self.source.write(self, fill_demo, None, failed, undo=self.tr("Load demo data"))

    def offer_demo_elsewhere(self) -> None:
        """Say why the demo is not loaded here, and offer a new agenda file with it, opened in
        its own window."""
        from closer_desk.ui.shell import demo_offer

        if not self.prompts.confirm(
            self,
            self.tr("Demo data"),
            self.tr(
                "This agenda already holds your own calls and people: the demo only goes into "
                "an empty agenda, so that it never mixes with them.\n\nPut the demo in a new "
                "agenda file, opened in a window of its own?"
            ),
        ):
            return
        path = self.choose_new_agenda(self, self.agenda_path)
        if path is None:
            return
        if path.exists():
            self.prompts.inform(
                self,
                self.tr("Demo data"),
                self.tr("%1 exists already: choose a new file name for the demo.").replace(
                    "%1", str(path)
                ),
            )
            return

        def opened(made: Path) -> None:
            if self.open_agenda_window(made):
                self.status.setText(
                    self.tr("The demo opens in a new window: %1").replace("%1", str(made))
                )

        self.source.query(
            self,
            lambda _agenda: demo_offer.fill_new_agenda(path),
            opened,
            lambda e: self.prompts.inform(self, self.tr("Demo data"), describe(e)),
        )

    def add_first_company(self) -> None:
        """Ask for a company name and add it."""
        name, ok = QInputDialog.getText(
            self, self.tr("Your first company"), self.tr("Name of the client company:")
        )
        if ok and name.strip():
            self.add_company(name)

    def add_company(self, name: str) -> None:
        """Add a client company with default settings."""
        self.source.write(
            self,
            lambda agenda: agenda.add_company(name),
            None,
            lambda e: self.prompts.inform(self, self.tr("Company"), describe(e)),
            undo=self.tr("New company"),
        )

    def _add_closer(self, name: str, zone: str, hours: WeeklyHours) -> None:
        self.source.write(
            self,
            lambda agenda: agenda.add_closer(name, zone, hours=hours),
            None,
            lambda e: self.prompts.inform(self, self.tr("About you"), describe(e)),
            undo=self.tr("New closer"),
        )


def _choose_new_agenda(parent: QWidget | None, current: Path | None) -> Path | None:
    from closer_desk.ui.shell.demo_offer import choose_new_agenda

    return choose_new_agenda(parent, current)


def _open_window_on(path: Path) -> bool:
    from closer_desk.ui.shell.demo_offer import open_window_on

    return open_window_on(path)


def _chorded(sequence: QKeySequence) -> bool:
    """True for a shortcut held with Ctrl, Alt or Meta (safe in every room)."""
    first = sequence.toString(QKeySequence.SequenceFormat.PortableText).split(", ")[0]
    return first.startswith(("Ctrl+", "Alt+", "Meta+"))
