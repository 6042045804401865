"""The pure-Python heart of closer_desk.

Nothing in this package imports PySide6 or SQLAlchemy: it works on frozen dataclasses over
aware datetimes and returns data (enums, codes, exceptions with fields), never sentences.
"""
