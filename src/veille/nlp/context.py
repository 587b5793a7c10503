"""What a stage knows about an article besides its parse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Context:
    published: date | None
    language: str
    lexicon: dict[str, Any]
