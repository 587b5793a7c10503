""""…, selon les autorités ukrainiennes.": the rest of the sentence is what the source said."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lang import Language
from ...lang.text import straighten
from .. import syntax
from ..context import text_of
from ..speakers import Resolver, Speaker, person_nouns
from ..syntax import apposed_name_end
from . import cues
from .bounds import TRAILING, clause_start, strip
from .said import Said


def by_source(doc: Doc, prep: Token, resolver: Resolver, language: Language) -> Said | None:
    """'…, selon les autorités ukrainiennes.': the rest of the sentence is what the source said."""
    source = prep.head.head if prep.dep_ == "fixed" else prep.head  # "D'" "après" lui: "après" hangs on "D'"
    # "selon ce dernier": the demonstrative the tagger read as an article and an adjective
    demonstrative = straighten(doc[prep.i + 1:source.i + 1].text.lower()) in resolver.demonstratives
    if source.i <= prep.i or source.pos_ not in ("NOUN", "PROPN", "PRON") and not demonstrative \
            or source.lower_ in language.grammar.pronouns.relatives:
        return None
    phrase_start, phrase_end = prep.i + 1, source.right_edge.i + 1
    cut = cut_relative(doc, phrase_start, phrase_end, language)
    # the source ends at its first comma when the parser hung the sentence's own clause on it
    if any(syntax.is_finite(t) and t.pos_ in ("VERB", "AUX") for t in doc[cut[1]:phrase_end]):
        phrase_end = cut[1]
    speaker = _author(doc, source, resolver, language, phrase_end) or resolver.from_tokens(*cut)
    if speaker is None:
        return None
    named = speaker.entity is not None or source.pos_ == "PRON" or demonstrative
    # besides the usual sources, any words that denote people or a body ("selon les organisateurs")
    # ("pour un pays endetté, …" is no one's view: after "pour", only a person's words are)
    proper = cues.source_words(prep) in language.speech.sources or prep.lower_ in language.speech.sources \
        or source.lemma_.lower() in person_nouns(language)
    if not named and source.lemma_.lower() not in language.speech.source_nouns \
            and not (proper and speaker.link == "unnamed"):
        return None
    sentence = prep.sent
    last = sentence.end
    while last < len(doc) and "," in (doc[last - 1].text, doc[last].text):  # the parser cut after "Selon X,"
        last = doc[last].sent.end
    if last != sentence.end:
        sentence = doc[sentence.start:last]
    locution = cues.source_locution(prep, language)
    opening = doc[locution] if locution is not None else prep  # "de l'aveu du ministre": all of it
    last_word = doc[max(opening.i - 1, sentence.start)]  # "hallucinantes selon X": the word before is said
    before = (clause_start(text_of(doc), sentence.start_char, opening.idx, language),
              last_word.idx + (0 if last_word.is_punct else len(last_word.text)))
    after_token = min(phrase_end, sentence.end - 1)
    after = (doc[after_token].idx + (1 if doc[after_token].text == "," else 0), sentence.end_char)
    words = [len(text_of(doc)[lo:hi].split()) for lo, hi in (before, after)]
    if min(words) >= 3:  # "La défiance est telle, selon elle, qu'elle joue …": the source sits inside
        start, end = sentence.start_char, sentence.end_char
    else:
        start, end = max((before, after), key=lambda span: len(text_of(doc)[span[0]:span[1]].strip(TRAILING)))
    start, end = strip(text_of(doc), start, end)
    if end - start < 10 and not any(c.isdigit() for c in text_of(doc)[start:end]):
        return None  # a figure is a claim however short ("70.000, selon les organisateurs")
    cue = cues.source_words(prep) if cues.source_words(prep) in language.speech.sources else prep.lower_
    if locution is not None:
        cue = text_of(doc)[opening.idx:prep.idx + len(prep.text)]
    return Said(start, end, speaker, cue, prep.i, source=True)


def _author(doc: Doc, source: Token, resolver: Resolver, language: Language, end: int) -> Speaker | None:
    """"selon les données 2024 de l'Onusida": the body or person named as the author of a document."""
    nouns = language.speech.document_nouns
    if source.lemma_.lower() not in nouns and source.lower_ not in nouns:
        return None
    author = next((c for c in source.children if c.dep_ == "nmod" and c.i > source.i), None)
    if author is None:
        return None
    first = next((t.i for t in author.subtree if t.pos_ not in ("ADP", "DET")), author.i)
    found = resolver.from_tokens(first, min(author.right_edge.i + 1, end))
    return found if found is not None and found.entity is not None else None


def cut_relative(doc: Doc, first: int, end: int, language: Language) -> tuple[int, int]:
    """The source without the relative clause or apposition after it: 'les autorités, qui …'."""
    openers = language.grammar.pronouns.clause_openers
    for i in range(first + 1, end):
        if doc[i].text == ",":
            # "selon la porte-parole du CHU, Lindsay Jacques, …": the name set in apposition is the source
            named = apposed_name_end(doc, i + 1, len(doc))
            return (first, named) if named is not None and named < len(doc) and doc[named].text == "," else (first, i)
        if doc[i].lower_ in openers:
            return first, i
    return first, end
