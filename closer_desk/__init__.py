"""closer_desk: a desktop agenda for remote sales closers."""

__version__ = "0.1.0"
APP_ID = "io.github.closerdesk.CloserDesk"
APP_NAME = "closer_desk"
