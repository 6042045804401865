"""A company's closing script, as the closer has it in front of them during a call: the steps
of the script, each ticked or not for that call.

Pure functions over core objects; the store loads them, the window shows them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

# "1. ", "2) ", "- ", "* ", "• " and "[ ] " in front of a step are list markup, not the step.
# A marker needs a space after it, so "-10% on the first year" or "1.5x ROI" stay whole.
_MARKER = re.compile(r"^\s*(?:\d{1,3}\s*[.)]|[-*•–]|\[\s?[xX]?\s?\])\s+")


def script_steps(script: str) -> tuple[str, ...]:
    """The ordered steps of a company's closing script: one per non-empty line, without the
    numbering or bullet the closer typed."""
    steps = []
    for line in script.splitlines():
        text = _MARKER.sub("", line, count=1).strip()
        if text:
            steps.append(text)
    return tuple(steps)


@dataclass(frozen=True, slots=True)
class ScriptStep:
    """One step of the script as shown during a call.

    Attributes:
        index: position in the script, from 0.
        text: what to do.
        ticked: the closer has covered it in this call.
    """

    index: int
    text: str
    ticked: bool = False


def checklist(script: str, ticks: Mapping[int, str]) -> tuple[ScriptStep, ...]:
    """The script's steps with the ticks of one call. A tick counts only if the step at its
    position still has the text that was ticked (the script may have been edited since)."""
    return tuple(
        ScriptStep(i, text, ticks.get(i) == text) for i, text in enumerate(script_steps(script))
    )
