"""The Qt binding must not leak references to None/True (PySide6 6.12.0 did on CPython 3.11,
and the app aborted after a minute of painting). Run in a child so a regression fails this
test instead of killing the test run."""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

class Emitter(QObject):
    fired = Signal()

app = QApplication(["probe", "-platform", "offscreen"])
widget, emitter = QWidget(), Emitter()
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(50_000):
    widget.update()
    emitter.fired.emit()
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_void_calls_and_emits_keep_none_and_true_alive():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    none_delta, true_delta = (int(x) for x in result.stdout.split())
    # A few references may come and go with caches; a leak shows as tens of thousands.
    assert abs(none_delta) < 100 and abs(true_delta) < 100
