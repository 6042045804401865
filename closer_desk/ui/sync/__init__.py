"""Sharing calls over CalDAV in the window: set-up and subscriptions, the background sync,
its state in the status bar, the conflict dialog and the flag of a call to rebook
(``store.sync.api`` below it)."""
