"""Where reported words begin and end in the text: a sentence's start, a clause's end before a
trailing source, the comma that opens an incise, and the marks a report never starts or ends on."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from ...lang import Language
from ...lang.text import CLOSING, ONLY_CLOSING
from ..context import text_of

GLUE = {"ADV", "AUX"}  # what may stand between an incise's comma and its verb
MODIFIERS = {"advmod", "amod", "fixed", "obl:mod"}  # … and the short modifiers of the verb
TRAILING = " \u00a0\n,;:.!?"


def clause_end(doc: Doc, start: int, sentence_end: int, language: Language) -> int:
    """The end of the reported clause: the sentence's end (the parser sometimes joins two), or a
    trailing source (', selon …')."""
    text = text_of(doc)
    ends = [m.start() + 1 for m in language.sentence_end.finditer(text, start, sentence_end)]
    sources = [m.start() for m in source_after(language).finditer(text, start, sentence_end)]
    return min([sentence_end, *ends[:1], *sources[:1]])


@cache
def source_after(language: Language) -> re.Pattern[str]:
    """', selon …', ', d'après …' after a clause: the source that ends it."""
    words = sorted(language.speech.sources, key=len, reverse=True)
    return re.compile(r",\s+(?:" + "|".join(re.escape(w) for w in words) + r")\s", re.IGNORECASE)


def clause_start(text: str, lo: int, hi: int, language: Language) -> int:
    """Where the last sentence before `hi` starts, looking no further back than `lo`."""
    # the pattern looks at the first letters of the next sentence, which may lie just past `hi`
    ends = [m.end() for m in language.sentence_end.finditer(text, lo, min(len(text), hi + 3)) if m.end() <= hi]
    return ends[-1] if ends else lo


def comma_before(doc: Doc, verb: Token) -> int | None:
    """The comma right before a verb, past its auxiliaries, adverbs and clitics ("…, a-t-il ajouté",
    "…, s'est défendu X", "…, affirme encore Y"); right after a closing quotation mark the comma may
    be missing ("« … » a d'emblée lancé X"): then the first word of the incise."""
    i = verb.i - 1
    while i >= 0 and (doc[i].pos_ in GLUE or doc[i].text.startswith("-") or doc[i].dep_.startswith("aux")
                      or doc[i].dep_.startswith("expl") and doc[i].head.i == verb.i
                      # a clitic the parser called an object: "…, s'est notamment insurgée X"
                      or doc[i].pos_ == "PRON" and doc[i].dep_ in ("obj", "iobj") and doc[i].head.i == verb.i
                      and verb.i - i <= 3
                      or verb.i - i <= 3 and doc[i].head.i == verb.i and doc[i].dep_ in MODIFIERS):
        i -= 1  # "…, a d'emblée lancé X": a short modifier of the verb may stand before it
    if i >= 0 and doc[i].text in CLOSING and i + 1 < verb.i + 1 and doc[i + 1].sent.start != i + 1:
        return i + 1
    return i if i >= 0 and doc[i].text == "," else None


def strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in TRAILING or text[start] in ONLY_CLOSING):  # a clause never opens on one
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end
