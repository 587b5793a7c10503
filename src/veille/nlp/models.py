"""The spaCy pipeline of each language, loaded once per process."""

from __future__ import annotations

import re
import threading
from functools import cache

import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from .. import lang
from ..errors import BadInput
from ..lang.text import CLOSING, OPENING
from .runs import RunSafeTokenizer

MAX_SENTENCE = 200  # words without an end of sentence after which one is forced
SENTENCE_ENDS = frozenset({".", "!", "?", ";", "…"})


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Fixes sentence starts before the parser runs.

    A line break always ends a sentence (the parser alone often joins paragraphs) and belongs to it, as
    does a quotation mark that closes its paragraph; no sentence starts inside a hyphenated word
    ("état-major", "a-t-il"), which the tokenizer splits. A stretch of MAX_SENTENCE words without a
    full stop, a question or exclamation mark, a semicolon or a line break is cut where it reaches that
    length: no sentence of prose is that long, and the stages read each sentence's words for each of
    its verbs, so an endless one would cost them the square of its length.
    """
    unbroken = 0
    for token in doc[1:]:
        before = doc[token.i - 1]
        unbroken = 0 if before.text in SENTENCE_ENDS or "\n" in before.text else unbroken + 1
        if unbroken >= MAX_SENTENCE:
            token.is_sent_start = True
            unbroken = 0
        elif token.is_space and "\n" in token.text or token.text in CLOSING and not before.whitespace_ \
                and not before.is_space and token.i + 1 < len(doc) and "\n" in doc[token.i + 1].text:
            token.is_sent_start = False  # a line break, and the mark that closes a paragraph, end the sentence before
        elif "\n" in before.text:
            token.is_sent_start = True
        elif not before.whitespace_ and (token.text.startswith("-") or before.text.endswith("-")) or before.text in OPENING and not before.whitespace_ and _starts_chunk(before):
            token.is_sent_start = False
    return doc


def _starts_chunk(token: Token) -> bool:
    """True when nothing but white space stands right before the token."""
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return bool(before.whitespace_) or before.is_space


def load(language: str) -> Language:
    """The language's spaCy pipeline (the package its `language.toml` names), with veille's fixes.

    Loaded once per process: threads that ask at the same time (a server's first requests) wait
    for the first one's load rather than each loading a model of their own.
    """
    with _loading:
        return _load(language)


_loading = threading.Lock()


@cache
def _load(language: str) -> Language:
    if language not in lang.languages():
        raise BadInput("language", f"no model for language {language!r} (have: {', '.join(lang.languages())})")
    data = lang.load(language)
    nlp = spacy.load(data.model)
    _keep_elisions_whole(nlp, data.grammar.elisions)
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    return nlp


class CommonWords:
    """The word forms the language's lemmatizer tables know (spaCy's lookups, built from general
    dictionaries): "calme", "revenez", "effectivement", but neither "Macron" nor "Lyon"."""

    def __init__(self, lookups: Lookups) -> None:
        self._forms = lookups.get_table("lemma_lookup") if lookups.has_table("lemma_lookup") else {}
        index = lookups.get_table("lemma_index") if lookups.has_table("lemma_index") else {}
        self._lemmas = frozenset(lemma for lemmas in index.values() for lemma in lemmas)

    def __contains__(self, word: str) -> bool:
        word = word.lower()
        return word in self._forms or word in self._lemmas


@cache
def common_words(language: str) -> CommonWords:
    """The common words of the language, read once from its pipeline's lemmatizer."""
    return CommonWords(load(language).get_pipe("lemmatizer").lookups)


def _keep_elisions_whole(nlp: Language, elided: tuple[str, ...]) -> None:
    """'qu’« il' must give 'qu’' + '«': otherwise the curly apostrophe is read as a closing quote,
    'qu' loses its role of conjunction and the parse of the reported clause goes wrong."""
    for word in elided:
        for apostrophe in "’'":
            for form in (word + apostrophe, word.capitalize() + apostrophe):
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    opening = re.escape("".join(sorted(OPENING)))
    infixes = [*nlp.Defaults.infixes, rf"(?<=[’'])(?=[{opening}])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
