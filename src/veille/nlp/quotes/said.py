"""One thing a cue says was said, before it becomes a Quote."""

from __future__ import annotations

from dataclasses import dataclass

from ...lang.text import Marked
from ..speakers import Speaker


@dataclass
class Said:
    """One thing a cue says was said, before it becomes a Quote."""

    start: int
    end: int
    speaker: Speaker | None
    cue: str
    cue_token: int
    direct: Marked | None = None
    source: bool = False  # told by "selon X", "d'après X": X vouches for it
    turn: bool = False  # no cue of its own: the speaker's turn going on
