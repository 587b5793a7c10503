"""Which language an article is written in, from its commonest short words."""

from __future__ import annotations

import re

STOPWORDS = {
    "fr": {"le", "la", "les", "des", "du", "une", "est", "et", "que", "qui", "dans", "pour", "pas", "sur", "au", "il",
           "a", "ont", "été", "aux", "par", "ce", "cette", "mais", "avec", "l", "d", "qu", "n", "s", "selon"},
    "en": {"the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "by", "he", "it", "as", "at"},
    "de": {"der", "die", "und", "das", "den", "ist", "nicht", "mit", "sich", "von", "auf", "für", "ein", "eine"},
    "es": {"el", "los", "las", "del", "y", "que", "en", "por", "con", "para", "una", "se", "es", "lo", "al"},
    "it": {"il", "di", "che", "della", "per", "non", "una", "sono", "gli", "nel", "alla", "con", "è", "dei"},
}
WORD = re.compile(r"[^\W\d_]+")


def detect(text: str, default: str = "fr") -> str:
    """ISO 639-1 code of the language whose stop words are commonest; `default` when none is seen."""
    counts = dict.fromkeys(STOPWORDS, 0)
    for word in WORD.findall(text[:5000].lower()):
        for language, words in STOPWORDS.items():
            if word in words:
                counts[language] += 1
    best = max(counts, key=counts.__getitem__)
    if counts[best] == 0 or counts[best] == counts.get(default, 0):
        return default  # nothing to go on, or a tie: the language the project reads first
    return best
