"""Who holds a stance: the subject of its predicate, named by the speaker resolver; "nous", "je" and
"on" stand for the speaker of the quotation they are in, a pronoun in a reported clause for the one
who reports it, a relative "qui" for the phrase it hangs on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ...lang.text import OPENING, balanced, straighten
from ...model import Quote
from ..speakers import Speaker
from ..syntax import Range, is_gerund
from . import sentences

if TYPE_CHECKING:
    from .reading import Reading


def holders(r: Reading, verb: Token) -> list[Speaker]:
    """Who holds the stance of a predicate: its subject, one holder per named conjunct ('la Suède et
    l'UE soutiennent …'), else the phrase the parser left it hanging on."""
    subject = _subject(r, verb)
    if subject is not None:
        conjuncts = _conjuncts(r, subject)
        if len(conjuncts) > 1:
            named = [phrase_holder(r, *c) for c in conjuncts]
            if all(h is not None and h.entity is not None for h in named) \
                    and len({h.entity for h in named if h is not None}) == len(named):
                return [h for h in named if h is not None]
        holder = phrase_holder(r, *subject)
        return [holder] if holder else []
    if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i \
            and not any(c.dep_ == "case" for c in verb.head.children):
        holder = noun_holder(r, verb.head, without=verb)
        return [holder] if holder else []
    phrase = _opening_phrase(r, verb) or named_before(r, verb)
    if phrase is not None:
        holder = phrase_holder(r, *phrase)
        return [holder] if holder else []
    if is_gerund(verb):
        # "…, a déclaré X, demandant la saisine …": the participle goes on with the speaker's words
        quote = next((q for q in reversed(r.quotes) if q.speaker_text
                      and r.doc[sentences.sentence(r, verb)[0]].idx <= q.start < verb.idx), None)
        holder = speaker_of(quote)
        return [holder] if holder else []
    return []


def _subject(r: Reading, verb: Token) -> Range | None:
    """The subject as a token range: the nearest before the verb when the parser gives several
    ('Ce qu'il a dit, c'est que la Suède … soutiennent'), the glued '-t-il' of an inversion, or the
    subject of the verb this one depends on ('décide de ne pas accepter')."""
    head = verb
    for _ in range(4):
        # "qu'il n'accepterait pas" is sometimes parsed as an impersonal "il": no stance verb is one
        subjects = [c for c in head.children if c.dep_ == "expl:subj" or c in r.clauses[head].subjects]
        glued = [c for c in subjects if c.text.startswith("-") and c.text != r.lex.euphony]
        if glued:
            return glued[0].i, glued[0].i + 1
        before = [c for c in subjects if c.i < head.i]
        if before or (subjects and head is not verb):
            subject = max(before, key=lambda c: c.i) if before else subjects[0]
            return trim(r, subject.left_edge.i, subject.right_edge.i + 1)
        if head is verb and is_gerund(verb):
            # "Appelant les salariés à …, elle décide …" parsed the other way round
            main = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("advcl", "conj", "parataxis")
                         and any(g.dep_ == "nsubj" for g in c.children)), None)
            if main is not None:
                head = main
                continue
        if head.dep_ not in ("conj", "xcomp", "advcl") or head.head.i == head.i:
            return None
        head = head.head
    return None


def trim(r: Reading, first: int, end: int) -> Range:
    """A phrase cut before a relative clause, or a comma that does not introduce a name."""
    doc = r.doc
    for i in range(first + 1, end):
        token = doc[i]
        if straighten(token.lower_) in r.lex.openers or token.is_space:
            end = i
            break
        if token.text == "," and not (i + 1 < end and doc[i + 1].pos_ == "PROPN"):
            end = i
            break
    while end > first + 1 and (doc[end - 1].is_punct and not (doc[end - 1].text == ")" and balanced(
            doc[first:end].text)) or doc[end - 1].is_space):
        end -= 1
    return first, end


def _conjuncts(r: Reading, subject: Range) -> list[Range]:
    """'la Suède et l'UE': one phrase per conjunct of a subject."""
    doc = r.doc
    head = next((t for t in doc[subject[0]:subject[1]] if not subject[0] <= t.head.i < subject[1]
                 or t.head.i == t.i), None)
    if head is None:
        return [subject]
    conj = [c for c in head.children if c.dep_ == "conj" and c.i < subject[1]]
    if not conj:
        return [subject]
    out = [(subject[0], conj[0].left_edge.i)]
    out += [(c.left_edge.i, c.right_edge.i + 1) for c in conj]
    return [trim(r, *without_edges(doc, first, end)) for first, end in out]


def phrase_holder(r: Reading, first: int, end: int) -> Speaker | None:
    """The speaker a phrase names: a first-person pronoun the speaker of the quotation it stands in, a
    relative the phrase it hangs on, a pronoun in a reported clause the one who reports it."""
    doc = r.doc
    first, end = without_edges(doc, first, end)
    if first >= end:
        return None
    words = straighten(doc[first:end].text.lower())
    if words in r.lex.first_person:
        return speaker_of(quote_around(r, doc[first].idx, direct=True))
    if words in r.lex.relatives and doc[first].head.dep_ == "acl:relcl":
        return noun_holder(r, doc[first].head.head)
    if words in r.lex.third_person:
        reporter = _reporter(r, doc[first])
        if reporter is not None:
            return reporter
    speaker = r.resolver.from_tokens(first, end)
    if speaker is None or speaker.entity is None and speaker.text.lower() in r.resolver.pronouns:
        return None  # a pronoun nobody was found for
    if speaker.entity is None and words in r.lex.third_person:
        # the antecedent was remembered by its words: name its entity, if it is one
        span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        named = r.resolver.from_tokens(span.start, span.end) if span is not None else None
        if named is not None and named.entity is not None:
            return Speaker(named.entity, speaker.text, speaker.start, speaker.end)
    return speaker


def _reporter(r: Reading, pronoun: Token) -> Speaker | None:
    """'La Russie a déclaré qu'elle n'accepterait pas …': a pronoun subject of the clause a speech
    verb reports stands for the reporter, when it agrees with it."""
    clause = pronoun.head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    cue = clause.head
    quote = next((q for q in r.quotes if q.speaker_text and q.cue and q.cue.split()[-1] == cue.text
                  and q.start <= pronoun.idx < q.end), None)
    if quote is None or not _agrees(r, pronoun, quote):
        return None
    return speaker_of(quote)


def noun_holder(r: Reading, noun: Token, without: Token | None = None) -> Speaker | None:
    """The phrase a noun heads, as far as its own words go ('le leader des Insoumis, Jean-Luc
    Mélenchon'), leaving out the predicate that hangs on it."""
    while noun.dep_ == "appos" and noun.head.i < noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "Eric Ciotti, président de LR, favorable à …": Eric Ciotti
    first, end = noun.left_edge.i, noun.i + 1
    for child in noun.children:
        if child.i <= noun.i or without is not None and child.i == without.i:
            continue
        if child.dep_ in ("flat:name", "nmod", "amod", "nummod", "conj") or (
                child.dep_ == "appos" and child.pos_ == "PROPN"):
            if without is not None and child.left_edge.i <= without.i <= child.right_edge.i:
                if child.dep_ == "appos":  # "le président du Sénat, Paul Girard, favorable à …": the name
                    end = max(end, max((c.i for c in child.children if c.dep_.startswith("flat")),
                                       default=child.i) + 1)
                break
            end = max(end, child.right_edge.i + 1)
    return phrase_holder(r, *trim(r, first, min(end, sentences.limit(r, noun))))


def _opening_phrase(r: Reading, verb: Token) -> Range | None:
    """A noun phrase the parser left without a role, before a verb that has no subject: 'Une
    coalition de 30 pays, dont …, s'est engagée …' (parsed as a modifier)."""
    for child in verb.children:
        if child.i >= verb.i or child.pos_ not in ("NOUN", "PROPN") or child.dep_ not in ("obl:mod", "nmod", "dep"):
            continue
        if any(c.dep_ == "case" for c in child.children) or child.lemma_.lower() in r.lex.not_heads:
            continue
        return trim(r, child.left_edge.i, child.right_edge.i + 1)
    return None


def named_before(r: Reading, verb: Token) -> Range | None:
    """When the parse gives no subject ('Mais, d'après elle, M. Macron a, sans surprise, balayé …'):
    the name that ends right before the verb, its auxiliary and what is inserted between commas or
    brackets ('M. Rousseau, qui s'exprimait sur un barrage …, a aussi exhorté …')."""
    doc = r.doc
    first = sentences.sentence(r, verb)[0]
    i = verb.i - 1
    while i >= first:
        token = doc[i]
        if token.pos_ in ("AUX", "ADV") or token.text.startswith("-") or token.text in OPENING \
                or token.pos_ == "PRON" and straighten(token.lower_) in r.lex.clitics:
            i -= 1
        elif token.text == ")":
            i = next((t.i for t in reversed(doc[first:i]) if t.text == "("), first) - 1
        elif token.text == ",":
            opening = next((t.i for t in reversed(doc[first:i]) if t.text == ","), None)
            if opening is None or not (straighten(doc[opening + 1].lower_) in r.lex.introducing
                                       or doc[opening + 1].pos_ in ("ADP", "ADV")):
                i -= 1
                break
            i = opening - 1  # ", qui s'exprimait …," or ", sans surprise,": inserted
        else:
            break
    if i < first:
        return None
    for start, end, entity, kind in r.resolver.mentions.covering(doc[i].idx, doc[i].idx + len(doc[i].text)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and span.end - 1 == i and entity.type != "MISC" and kind == "name":
            return span.start, span.end
    return None


def quote_around(r: Reading, position: int, direct: bool = False) -> Quote | None:
    """The quotation with a speaker that holds this character; the innermost when several do."""
    around = [q for q in r.quotes if q.speaker_text and q.start <= position < q.end
              and (not direct or q.kind != "indirect")]
    return min(around, key=lambda q: q.end - q.start) if around else None


def _agrees(r: Reading, pronoun: Token, quote: Quote) -> bool:
    """Whether 'elle' may stand for the quotation's speaker ('La Russie … qu'elle n'accepterait pas')."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return True
    span = r.doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    gender = set(root.morph.get("Gender", [])) or {g for c in root.children if c.dep_ == "det" for g in c.morph.get("Gender", [])}
    # the parser may give the pronoun no gender: the speech lexicon gives its form one ("-t-elle")
    want = set(pronoun.morph.get("Gender", [])) or {r.resolver.pronouns.get(pronoun.lower_, ("Masc", ""))[0]}
    return not gender or bool(gender & want)


def speaker_of(quote: Quote | None) -> Speaker | None:
    """The speaker of a quotation, as a holder."""
    if quote is None or not quote.speaker_text:
        return None
    start = quote.speaker_start if quote.speaker_start is not None else quote.start
    end = quote.speaker_end if quote.speaker_end is not None else quote.end
    return Speaker(quote.speaker, quote.speaker_text, start, end)


def without_edges(doc: Doc, first: int, end: int) -> Range:
    """A phrase without the prepositions, marks and commas at its edges ('de "saboteurs politiques"')."""
    while first < end and (doc[first].dep_ in ("case", "cc") or doc[first].is_punct):
        first += 1
    while end > first and doc[end - 1].is_punct and not (doc[end - 1].text == ")" and balanced(doc[first:end].text)):
        end -= 1
    return first, end
