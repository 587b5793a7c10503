"""What `Clauses` tells of a predicate's clause, on sentences parsed by hand.

No spaCy model is loaded: each sentence is parsed the way `fr_core_news_md` would, in Universal
Dependencies terms, from a CoNLL-U-like table (ID FORM LEMMA UPOS HEAD DEPREL [FEATS], HEAD 0 for the
root); its entities and time expressions are made by hand, at their characters in `doc.text`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
import spacy
from spacy.tokens import Doc, Token

from veille import lang
from veille.model import Entity, Span, TimeExpr
from veille.nlp.clauses import Clauses

VOCAB = spacy.blank("fr").vocab
FRENCH = lang.load("fr")

PRES = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
PLURAL_PRES = "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"
IMPERFECT = "Mood=Ind|Number=Sing|Person=3|Tense=Imp|VerbForm=Fin"
CONDITIONAL = "Mood=Cnd|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
PARTICIPLE = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
INFINITIVE = "VerbForm=Inf"

NO_SPACE_BEFORE = {",", ".", ")"}


def models_imported() -> set[str]:
    return {name for name in sys.modules if name.startswith("fr_core_news")}


@pytest.fixture(scope="module", autouse=True)
def without_model() -> Iterator[set[str]]:
    """No test here may load a spaCy pipeline: `spacy.load` refuses, and the pipelines imported before
    the module's first test (by other modules of the session) are noted."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("these tests parse by hand and load no spaCy model")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(spacy, "load", refuse)
        yield models_imported()


def parse(table: str) -> Doc:
    """A Doc from a hand-written parse, spaced as French is written ("l'accord", "Kiev.")."""
    rows = [line.split() for line in table.strip().splitlines()]
    words = [row[1] for row in rows]
    spaces = [not (word.endswith("'") or word == "(" or following in NO_SPACE_BEFORE)
              for word, following in zip(words, [*words[1:], ","])]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        lemmas=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        heads=[int(row[4]) - 1 if row[4] != "0" else i for i, row in enumerate(rows)],
        deps=[row[5] for row in rows],
        morphs=[row[6] if len(row) > 6 else "" for row in rows],
    )


def at(doc: Doc, words: str) -> Span:
    """Where `words` first stand in the doc's text."""
    start = doc.text.index(words)
    return Span(start, start + len(words), words)


def place(doc: Doc, name: str) -> Entity:
    return Entity(name.lower(), name, "LOC", [at(doc, name)])


def date(doc: Doc, words: str, value: str) -> TimeExpr:
    span = at(doc, words)
    return TimeExpr(words, span.start, span.end, value)


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def words(doc: Doc, region: frozenset[int]) -> str:
    return " ".join(doc[i].text for i in sorted(region))


# "La ministre a rencontré lundi à Kiev le président et a annoncé qu'elle ne signerait pas l'accord."
MET = parse(f"""
    1  La        le        DET   2  det
    2  ministre  ministre  NOUN  4  nsubj
    3  a         avoir     AUX   4  aux:tense {PRES}
    4  rencontré rencontrer VERB 0  ROOT      {PARTICIPLE}
    5  lundi     lundi     NOUN  4  obl:mod
    6  à         à         ADP   7  case
    7  Kiev      Kiev      PROPN 4  obl:mod
    8  le        le        DET   9  det
    9  président président NOUN  4  obj
    10 et        et        CCONJ 12 cc
    11 a         avoir     AUX   12 aux:tense {PRES}
    12 annoncé   annoncer  VERB  4  conj      {PARTICIPLE}
    13 qu'       que       SCONJ 16 mark
    14 elle      elle      PRON  16 nsubj
    15 ne        ne        ADV   16 advmod
    16 signerait signer    VERB  12 ccomp     {CONDITIONAL}
    17 pas       pas       ADV   16 advmod
    18 l'        le        DET   19 det
    19 accord    accord    NOUN  16 obj
    20 .         .         PUNCT 4  punct
""")


def met() -> Clauses:
    minister = Entity("ministre", "la ministre", "PER", [at(MET, "La ministre")])
    return Clauses(MET, FRENCH, [minister, place(MET, "Kiev")], [date(MET, "lundi", "2025-03-10")])


def test_a_verb_and_the_one_joined_to_it_share_their_subject() -> None:
    clauses = met()
    met_, announced = clauses[word(MET, "rencontré")], clauses[word(MET, "annoncé")]
    assert [t.text for t in met_.subjects] == ["ministre"]
    assert met_.subject.text == "ministre"
    assert announced.subjects == ()  # "et a annoncé" has no subject of its own …
    assert announced.subject.text == "ministre"  # … it shares the one of "a rencontré"
    start, end = announced.subject_span
    assert MET[start:end].text == "La ministre"
    assert met_.complement.text == "président"
    assert announced.complement.text == "signerait"
    assert announced.that_clause.text == "qu'"
    assert met_.that_clause is None
    assert met_.tense == announced.tense == "past"
    assert not met_.negated and not met_.unreal and not met_.passive


def test_the_times_and_places_of_a_clause_are_its_own() -> None:
    clauses = met()
    met_, announced = clauses[word(MET, "rencontré")], clauses[word(MET, "annoncé")]
    assert [t.text for t in met_.times] == ["lundi"]
    assert announced.times == [] and announced.places == []
    start, end = announced.span
    assert MET.text[start:end] == "et a annoncé"  # without its completive
    assert clauses[word(MET, "annoncé")] is announced  # read once


def test_the_places_of_a_clause_are_the_places_its_words_name() -> None:
    met_ = met()[word(MET, "rencontré")]
    assert [e.name for e in met_.places] == ["Kiev"]  # not the minister, a person


def test_a_completive_tells_its_own_negation_mood_and_tense() -> None:
    said = met()[word(MET, "signerait")]
    assert said.subject.text == "elle"
    assert said.negated
    assert said.unreal
    assert said.tense == "future"
    assert said.complement.text == "accord"
    assert said.times == []  # "lundi" dates the meeting


def test_a_modal_shares_its_subject_and_its_negation_with_its_infinitive() -> None:
    # "Le gouvernement ne peut pas réformer les retraites."
    doc = parse(f"""
        1 Le           le           DET   2 det
        2 gouvernement gouvernement NOUN  4 nsubj
        3 ne           ne           ADV   4 advmod
        4 peut         pouvoir      VERB  0 ROOT   {PRES}
        5 pas          pas          ADV   4 advmod
        6 réformer     réformer     VERB  4 xcomp  {INFINITIVE}
        7 les          le           DET   8 det
        8 retraites    retraite     NOUN  6 obj
        9 .            .            PUNCT 4 punct
    """)
    clauses = Clauses(doc, FRENCH, [], [])
    can, reform = clauses[word(doc, "peut")], clauses[word(doc, "réformer")]
    assert can.infinitive == reform.predicate
    assert can.complement == reform.predicate
    assert can.negated and reform.negated
    assert can.tense == "present"
    assert reform.subjects == () and reform.subject.text == "gouvernement"
    assert reform.infinitive is None
    assert reform.tense is None  # "pouvoir" is no verb of intention: "peut" decides
    assert not reform.unreal  # "peut" heads it, no auxiliary of it
    assert words(doc, reform.region) == "réformer les retraites"


def test_a_relative_clause_and_an_after_clause_keep_their_times_and_places() -> None:
    # "Jeudi, le ministre, qui était à Paris mardi, a démissionné à Lyon ce soir après que des
    # manifestants ont envahi la mairie de Marseille."
    doc = parse(f"""
        1  Jeudi        jeudi        NOUN  13 obl:mod
        2  ,            ,            PUNCT 1  punct
        3  le           le           DET   4  det
        4  ministre     ministre     NOUN  13 nsubj
        5  ,            ,            PUNCT 9  punct
        6  qui          qui          PRON  9  nsubj
        7  était        être         AUX   9  cop       {IMPERFECT}
        8  à            à            ADP   9  case
        9  Paris        Paris        PROPN 4  acl:relcl
        10 mardi        mardi        NOUN  9  obl:mod
        11 ,            ,            PUNCT 9  punct
        12 a            avoir        AUX   13 aux:tense {PRES}
        13 démissionné  démissionner VERB  0  ROOT      {PARTICIPLE}
        14 à            à            ADP   15 case
        15 Lyon         Lyon         PROPN 13 obl:mod
        16 ce           ce           DET   17 det
        17 soir         soir         NOUN  13 obl:mod
        18 après        après        ADP   23 mark
        19 que          que          SCONJ 18 fixed
        20 des          un           DET   21 det
        21 manifestants manifestant  NOUN  23 nsubj
        22 ont          avoir        AUX   23 aux:tense {PLURAL_PRES}
        23 envahi       envahir      VERB  13 advcl     {PARTICIPLE}
        24 la           le           DET   25 det
        25 mairie       mairie       NOUN  23 obj
        26 de           de           ADP   27 case
        27 Marseille    Marseille    PROPN 25 nmod
        28 .            .            PUNCT 13 punct
    """)
    assert doc.text.startswith("Jeudi, le ministre, qui était à Paris mardi, a démissionné")
    evening = at(doc, "ce soir")
    times = [date(doc, "Jeudi", "2025-03-13"), date(doc, "mardi", "2025-03-11"),
             TimeExpr("ce soir", evening.start, evening.end, "2025-03-13TEV", "TIME")]
    places = [place(doc, city) for city in ("Paris", "Lyon", "Marseille")]
    clauses = Clauses(doc, FRENCH, places, times)
    resigned = clauses[word(doc, "démissionné")]

    assert words(doc, resigned.region) == "Jeudi , le ministre a démissionné à Lyon ce soir ."
    assert [t.text for t in resigned.times] == ["ce soir", "Jeudi"]  # the nearest first
    start, end = resigned.subject_span
    assert doc[start:end].text == "le ministre"  # without its relative clause
    assert resigned.complement is None

    relative = clauses[word(doc, "Paris")]  # "qui était à Paris mardi"
    assert [t.text for t in relative.times] == ["mardi"]

    invaded = word(doc, "envahi")
    assert clauses.displaced(invaded)  # "après que …"
    assert words(doc, clauses[invaded].region) == "après que des manifestants ont envahi la mairie de Marseille"
    assert clauses[invaded].times == []


def test_a_phrase_of_another_time_is_left_out_but_a_date_is_not() -> None:
    # "Le couvre-feu est maintenu depuis mercredi après l'attaque de Marseille."
    doc = parse(f"""
        1  Le         le         DET   2  det
        2  couvre-feu couvre-feu NOUN  4  nsubj:pass
        3  est        être       AUX   4  aux:pass  {PRES}
        4  maintenu   maintenir  VERB  0  ROOT      {PARTICIPLE}
        5  depuis     depuis     ADP   6  case
        6  mercredi   mercredi   NOUN  4  obl:mod
        7  après      après      ADP   9  case
        8  l'         le         DET   9  det
        9  attaque    attaque    NOUN  4  obl:mod
        10 de         de         ADP   11 case
        11 Marseille  Marseille  PROPN 9  nmod
        12 .          .          PUNCT 4  punct
    """)
    wednesday = date(doc, "mercredi", "2025-03-12")
    clauses = Clauses(doc, FRENCH, [place(doc, "Marseille")], [wednesday])
    kept = clauses[word(doc, "maintenu")]
    assert not clauses.displaced(word(doc, "mercredi"))  # "depuis mercredi" dates the clause
    assert clauses.displaced(word(doc, "attaque"))
    assert kept.times == [wednesday]
    assert kept.places == []  # Marseille is where the attack was
    assert kept.passive
    assert kept.tense == "present"
    assert [t.text for t in kept.subjects] == ["couvre-feu"]
    assert words(doc, kept.region) == "Le couvre-feu est maintenu depuis mercredi ."


def test_no_model_is_loaded(without_model: set[str]) -> None:
    assert models_imported() == without_model  # none when the module runs alone
