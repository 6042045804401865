"""The window: the only package that imports PySide6."""

from closer_desk.ui.compat import keep_none_alive

# Before any widget paints: see closer_desk.ui.compat (PySide6 6.12 on CPython 3.11).
keep_none_alive()
