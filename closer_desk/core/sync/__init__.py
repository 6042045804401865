"""Sharing calls through CalDAV: what travels, how two versions merge, which calls overlap.

Pure functions and frozen dataclasses; ``store.sync`` talks to the server and the agenda file.
The model is vdirsyncer's: a status table remembers, per calendar and UID, the href, ETag and
content hash both sides last agreed on, and an item counts as changed only when its hash did.
"""
