"""Language knowledge kept as data: one folder of TOML files per language.

`load("fr")["speech"]` is the parsed `fr/speech.toml`. Adding a language is adding a folder.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def languages() -> list[str]:
    return sorted(p.name for p in HERE.iterdir() if p.is_dir() and any(p.glob("*.toml")))


@cache
def load(language: str) -> dict[str, Any]:
    folder = HERE / language
    if not folder.is_dir():
        raise KeyError(language)
    return {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.toml"))}
