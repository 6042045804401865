"""Sharing the agenda over CalDAV: one calendar per closer, synced both ways.

``store.sync.api`` is the door the CLI and the window use (set-up, sync, status, conflicts,
subscriptions); ``engine`` is the sync itself, ``local`` the agenda's side of it, ``remote``
the server's (the only module importing the ``caldav`` library), ``rights`` the cached write
right ``Agenda`` checks before booking. Nothing here is imported until a sync is asked for,
except ``rights``.
"""
