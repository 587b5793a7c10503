"""Which language an article is written in, from its commonest short words (`identify.toml`)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+")


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    table = tomllib.loads((Path(__file__).parent / "identify.toml").read_text(encoding="utf-8"))
    return {code: frozenset(words) for code, words in table.items()}


def detect(text: str, default: str = "fr") -> str:
    """ISO 639-1 code of the language whose stop words are commonest; `default` when none is seen."""
    stopwords = _stopwords()
    counts = dict.fromkeys(stopwords, 0)
    for word in WORD.findall(text[:5000].lower()):
        for language, words in stopwords.items():
            if word in words:
                counts[language] += 1
    best = max(counts, key=counts.__getitem__)
    if counts[best] == 0 or counts[best] == counts.get(default, 0):
        return default  # nothing to go on, or a tie: the language the project reads first
    return best


def script(text: str, sample: int = 5000) -> str | None:
    """The Unicode script most of the text's letters are written in ("LATIN", "CYRILLIC", "ARABIC",
    "CJK"…, the first word of their Unicode names), from its first `sample` letters; None without letters."""
    counts: Counter[str] = Counter()
    letters = 0
    for char in text:
        if char.isalpha():
            counts[_script_of(char)] += 1
            letters += 1
            if letters >= sample:
                break
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=4096)
def _script_of(letter: str) -> str:
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]
