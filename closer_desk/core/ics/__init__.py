"""ICS: invites and exports built with ``icalendar``, and the one import parsing choke point.

Pure Python (no Qt, no SQLAlchemy): functions over core objects that return bytes or data.
"""
