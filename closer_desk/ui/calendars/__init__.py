"""Calendars in and out: importing a calendar file, exporting days, a call's invite."""
