"""Language knowledge kept as data: one folder of TOML files per language.

`load("fr")["speech"]` is the parsed `fr/speech.toml`. Adding a language is adding a folder.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

HERE = Path(__file__).parent


def languages() -> list[str]:
    return sorted(p.name for p in HERE.iterdir() if p.is_dir() and any(p.glob("*.toml")))


@cache
def load(language: str) -> dict[str, Any]:
    folder = HERE / language
    if not folder.is_dir():
        raise KeyError(language)
    return {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.toml"))}


_COMPILED: dict[tuple[int, Callable[[Any], Any]], tuple[Any, Any]] = {}


def compiled(data: Any, build: Callable[[Any], T]) -> T:
    """`build(data)`, made once per loaded data: `load` keeps one object per language, so a stage's
    compiled lexicon (sets, tables, regular expressions) is built once per language and process."""
    key = (id(data), build)
    found = _COMPILED.get(key)
    if found is None or found[0] is not data:
        found = _COMPILED[key] = (data, build(data))
    return found[1]  # type: ignore[no-any-return]
