"""What a stance is about: the complement as written, up to where a new clause or a circumstance
begins; a bare demonstrative ("cette initiative") gives way to what it names, a relative ("dont il
ne veut pas entendre parler") to its antecedent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lang.text import CLOSING, OPENING, QUOTE_MARKS, balanced, straighten
from ..syntax import Range, before_complement, circumstance_end, has, is_circumstance
from . import sentences
from .lexicon import Predicate

if TYPE_CHECKING:
    from .reading import Reading


def target(r: Reading, verb: Token, predicate: Predicate) -> Range | None:
    """What a verb's stance is about: its complement as written, up to where a circumstance or a new
    clause begins; a relative's antecedent when the verb's complement is the relative itself."""
    lex, doc = r.lex, r.doc
    limit = sentences.limit(r, verb)
    # a circumstance of the verb after its complement ends the target ("… devant le Parlement")
    limit = min([limit] + [c.left_edge.i for c in verb.children if c.left_edge.i > verb.i + 1
                           and _circumstance(r, c) and not before_complement(verb, c)])
    if predicate.prep and (predicate.reflexive or predicate.noun is not None):
        after = after_prep(r, verb, predicate.prep)
        return span(r, after, limit) if after is not None else None
    first = _first_content(r, verb, limit)
    if first is None:
        return _relative_antecedent(r, verb)
    word = straighten(doc[first].lower_)
    if word in lex.that or word in lex.infinitive_marks and first + 2 < limit \
            and doc[first + 1].lower_ == lex.that_pronoun and straighten(doc[first + 2].lower_) in lex.that:
        if predicate.words not in lex.que_clause and predicate.lemma not in lex.que_clause:
            return None  # "soutenir que" says, it does not support
        clause = next((c for c in verb.children if c.dep_ in ("ccomp", "obj", "xcomp") and c.i > first), None)
        if predicate.lemma in lex.que_needs_subjunctive and (clause is None or not has(clause, "Mood", "Sub")):
            return None
    elif predicate.prep and doc[first].lower_ in predicate.prep:
        first += len(predicate.prep)  # "protester contre X": X
    found = span(r, first, limit)
    infinitive = next((t for t in doc[first:first + 4] if t.pos_ not in ("PRON", "ADV", "PART")
                       and straighten(t.lower_) not in lex.marks), None)
    if found is not None and infinitive is not None and infinitive.head.i == verb.i \
            and has(infinitive, "VerbForm", "Inf"):
        found = span(r, found[0], min(found[1], infinitive.right_edge.i + 1))  # "veulent le faire"
    if found is None or not _has_content(r, *found):
        return _relative_antecedent(r, verb)
    return found


def _first_content(r: Reading, verb: Token, limit: int) -> int | None:
    """The first token after the verb that opens what it is about, past adverbs, the glued pronoun
    of an inversion and circumstances ('dimanche', 'dans un message sur X', 'de son côté')."""
    doc = r.doc
    skip = {c.left_edge.i: circumstance_end(c, r.lex.not_heads) for c in verb.children if c.i > verb.i and _circumstance(r, c)}
    i = verb.i + 1
    while i < limit:
        token = doc[i]
        if i in skip:
            i = max(skip[i], i + 1)
        elif token.pos_ == "ADV" and token.lower_ not in r.lex.negations and i + 1 < limit \
                and straighten(doc[i + 1].lower_) in r.lex.plain_of:
            return i  # "davantage de systèmes de défense"
        elif token.pos_ == "ADV" or token.text.startswith("-") or straighten(token.lower_) in r.lex.elided_negation \
                or token.pos_ == "NOUN" and token.lemma_.lower() in r.lex.not_heads:
            i += 1  # "demande solennellement vendredi au président …"
        elif token.text == "(":
            close = next((t.i for t in doc[i:limit] if t.text == ")"), None)
            if close is None:
                return None
            i = close + 1
        elif token.text in OPENING and i + 1 in skip:
            i = skip[i + 1] + (1 if skip[i + 1] < limit and doc[skip[i + 1]].text in CLOSING else 0)
        elif token.text == "," or token.text in QUOTE_MARKS and (not doc[i - 1].whitespace_ or i + 1 < limit
                                                          and doc[i + 1].pos_ == "ADV"):
            i += 1  # a comma, a mark closing the quoted verb ('"demande solennellement" vendredi …')
        elif token.is_punct and token.text not in OPENING or token.is_space:
            return None
        else:
            return i
    return None


def _circumstance(r: Reading, child: Token) -> bool:
    return is_circumstance(child, r.lex.circumstances, r.lex.not_heads)


def _has_content(r: Reading, first: int, end: int) -> bool:
    """Whether a target names something: 'le faire' and 'entendre parler' do not."""
    return any(t.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") for t in r.doc[first:end])


def span(r: Reading, first: int, limit: int) -> Range | None:
    """The target from token `first`: leading marks ('de', 'que', 'à ce que') dropped, cut where a
    new clause or a circumstance begins."""
    doc, lex = r.doc, r.lex
    opened = False  # "à ce que", "de ce que": the "ce" goes with the mark before it
    while first < limit:
        word = straighten(doc[first].lower_)
        if word in lex.marks and (doc[first].dep_ == "mark" or word in lex.that):
            opened = True
        elif word in lex.plain_of and (doc[first].pos_ == "DET" or first + 1 < limit and doc[first + 1].pos_ == "DET"):
            pass  # "ne veut pas d'une hausse", "ne pas accepter de réunions": the negation's "de"
        elif not (opened and word == lex.that_pronoun and first + 1 < limit
                  and straighten(doc[first + 1].lower_) in lex.that):
            break
        first += 1
    end = _end(r, first, limit)
    while end > first:
        last = doc[end - 1]
        if (last.text in CLOSING or last.text == ")") and balanced(doc[first:end].text):
            break  # the mark closes one opened inside the target
        if not (last.is_space or last.is_punct):
            break
        end -= 1
    return (first, end) if end > first else None


def _end(r: Reading, first: int, limit: int) -> int:
    """Where a target starting at `first` ends: a new verb, a stop word, a comma opening a clause."""
    doc, lex = r.doc, r.lex
    new_verbs = {t.left_edge.i for t in doc[first:limit] if t.dep_ in ("conj", "parataxis")
                 and t.pos_ in ("VERB", "AUX") and t.head.i < first}
    for i in range(first + 1, limit):
        token = doc[i]
        word = straighten(token.lower_)
        if i in new_verbs or word in lex.stops or token.is_space or "\n" in token.text:
            return i
        if token.idx in r.time_starts and token.pos_ not in ("ADP", "SCONJ") and doc[i - 1].pos_ != "ADP" \
                and straighten(doc[i - 1].lower_) not in lex.plain_of | lex.contracted:
            # "a manifesté contre la réforme vendredi": a bare day is the predicate's; "la réunion de
            # vendredi" and a deadline ("d'ici 2040", "avant l'été") belong to the target
            return i
        if i + 1 < limit and (word, straighten(doc[i + 1].lower_)) in lex.stop_pairs:
            return i
        if token.text == "," and i + 1 < limit and _opens_clause(r, i + 1):
            return i
        if token.text in CLOSING and i + 2 < limit and doc[i + 1].text == "," and doc[i + 2].pos_ in ("AUX", "VERB"):
            return i + 1 if balanced(doc[first:i + 1].text) else i  # '…", a-t-il dit'
    return limit


def _opens_clause(r: Reading, i: int) -> bool:
    """Whether the words after a comma start something other than the target."""
    doc = r.doc
    while i < len(doc) and doc[i].text in QUOTE_MARKS:
        i += 1
    if i >= len(doc):
        return True
    token = doc[i]
    if straighten(token.lower_) in r.lex.after_comma:
        return True
    if token.pos_ == "AUX" or token.pos_ == "VERB" and not has(token, "VerbForm", "Inf"):
        return True  # a participle, a gerund, an incise ("a-t-il dit") or a new verb
    if token.dep_.startswith("nsubj") or token.pos_ == "DET" and token.head.dep_.startswith("nsubj"):
        return True  # the subject of the main clause after a subordinate one
    if token.pos_ in ("PRON", "DET") and i + 1 < len(doc) and doc[i + 1].pos_ in ("VERB", "AUX"):
        return True  # ", les jugeant illégales"
    return token.pos_ == "PRON" and token.dep_ != "obj"


def _relative_antecedent(r: Reading, verb: Token) -> Range | None:
    """'des solutions … dont il ne veut pas entendre parler': the relative stands for its antecedent."""
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "acl:relcl":
        return None
    relative = next((t for t in clause.subtree if t.i < clause.i and straighten(t.lower_) in r.lex.object_relatives),
                    None)
    if relative is None:
        return None
    first, end = clause.head.left_edge.i, relative.i
    while end > first and (r.doc[end - 1].is_punct or r.doc[end - 1].text in ("–", "—")):
        end -= 1
    return (first, end) if end > first else None


def is_idea(r: Reading, first: int, end: int) -> bool:
    """Whether a target names an idea, a plan or a right ("défendre le droit de …")."""
    head = next((t for t in r.doc[first:end] if t.pos_ in ("NOUN", "PROPN")), None)
    return head is not None and head.lemma_.lower() in r.lex.ideas


def after_prep(r: Reading, token: Token, prep: tuple[str, ...], adjacent: bool = False) -> int | None:
    """Where the target starts when it must follow the preposition `prep` in the predicate's clause:
    'appelle les élus à adopter' → 'les élus', 'appelé à une réforme' → 'une', 'au calme' → 'au'."""
    if not prep:
        return token.i + 1
    doc = r.doc
    limit = sentences.limit(r, token)
    after = max([token.i] + [c.i for c in token.children if c.dep_ == "fixed"]) + 1  # "d'accord"
    for i in range(after, limit):
        here = doc[i]
        if here.text in (".", ";", ":") or here.pos_ == "VERB" and has(here, "VerbForm", "Fin"):
            return None
        if adjacent and here.pos_ != "ADV" and not _is_prep(r, i, prep):
            return None
        if _is_prep(r, i, prep):
            objects = [t for t in doc[token.i + 1:i] if t.dep_ in ("obj", "iobj") and t.head.i == token.i]
            if objects and here.lower_ in r.lex.calls:
                return objects[0].left_edge.i  # "appelle les élus à …": the whole call
            return i + len(prep) if here.lower_ not in r.lex.contracted else i
    return None


def _is_prep(r: Reading, i: int, prep: tuple[str, ...]) -> bool:
    """Whether the words at `i` are `prep`, contracted forms included ("au" for "à")."""
    doc = r.doc
    return all(i + k < len(doc) and straighten(doc[i + k].lower_) in r.lex.preposition_forms(p)
               for k, p in enumerate(prep))


def antecedent(r: Reading, first: int, end: int) -> Range | None:
    """What a bare demonstrative ('cette initiative') names: the last phrase with the same noun in
    the sentences before, or, for a plan or a proposal, the last thing newly introduced."""
    doc, lex = r.doc, r.lex
    words = [t for t in doc[first:end] if t.text not in QUOTE_MARKS]
    if len(words) != 2 or words[0].lower_ not in lex.demonstratives or words[1].pos_ != "NOUN":
        return None
    noun = words[1]
    window = noun.sent.start
    for _ in range(2):
        if window > 0:
            window = doc[window - 1].sent.start
    candidates = [t for t in doc[window:words[0].i] if t.pos_ == "NOUN"
                  and not any(c.lower_ in lex.demonstratives for c in t.children)]
    same = [t for t in candidates if t.lemma_ == noun.lemma_]
    introduced = [t for t in candidates if t.dep_ in ("obj", "nsubj") and t.sent.start < noun.sent.start
                  and any(c.dep_ == "det" and c.lower_ in lex.indefinite for c in t.children)]
    if same:
        found = same[-1]
    elif noun.lemma_.lower() in lex.proposals and introduced:
        found = introduced[-1]
    else:
        return None
    return span(r, found.left_edge.i, min(sentences.limit(r, found), found.right_edge.i + 1))
