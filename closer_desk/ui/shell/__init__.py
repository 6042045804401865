"""The window around the rooms: the main window and its sidebar, how the rooms are built and
wired, the first run, one window per agenda, changes from other processes, backups and the
tray reminders.
"""
