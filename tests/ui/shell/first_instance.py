"""A first instance still opening its window, as a real process:
``python -m tests.ui.shell.first_instance DB DELAY_MS``.

It claims the agenda, prints ``claimed``, starts its server only DELAY_MS later (as app.py does
once the agenda is painted), prints ``activated`` and the argv of the second start it hears,
and exits 0 (1 if nobody came within 20 s, 2 if it was not first).
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication, QTimer

from closer_desk.ui.shell.single_instance import claim_first

if __name__ == "__main__":
    app = QCoreApplication(sys.argv[:1])
    claim = claim_first(sys.argv[1])
    if claim is None or claim.lock is None:
        sys.exit(2)
    print("claimed", flush=True)

    def activated(argv: list[str]) -> None:
        print("activated", json.dumps(argv), flush=True)
        QTimer.singleShot(0, app.quit)

    QTimer.singleShot(int(sys.argv[2]), lambda: claim.listen(activated))
    QTimer.singleShot(20_000, lambda: app.exit(1))
    sys.exit(app.exec())
