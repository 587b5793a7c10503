"""What `veille.nlp.syntax` reads from a parsed word, one helper at a time.

No spaCy model is loaded: each sentence is parsed by hand, the way `fr_core_news_md` would, in
Universal Dependencies terms. `parse` reads a CoNLL-U-like table, one word a line:

    ID  FORM  LEMMA  UPOS  HEAD  DEPREL  [FEATS]

where HEAD is the ID of the word's head and 0 marks the root, as in CoNLL-U. `il` builds the shortest
sentences, "Il … .", around one predicate.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
import spacy
from spacy.tokens import Doc, Token

from veille import lang
from veille.nlp.syntax import (
    auxiliaries,
    auxiliary_before,
    before_complement,
    cases,
    circumstance_end,
    feats,
    has,
    has_copula,
    is_bare_participle,
    is_circumstance,
    is_finite,
    is_gerund,
    is_infinitive,
    is_passive,
    is_past,
    is_perfect,
    is_predicate,
    is_reflexive,
    lemmas,
    negated,
    predicate_above,
    subject,
    tense,
    trim_phrase,
    unreal_mood,
)

VOCAB = spacy.blank("fr").vocab
FRENCH = lang.load("fr")
GRAMMAR = FRENCH.grammar

PRES = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
IMPERFECT = "Mood=Ind|Number=Sing|Person=3|Tense=Imp|VerbForm=Fin"
FUTURE = "Mood=Ind|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin"
CONDITIONAL = "Mood=Cnd|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
SUBJUNCTIVE = "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
PARTICIPLE = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
GERUND = "Tense=Pres|VerbForm=Part"
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
    """A Doc from a hand-written parse, spaced as French is written ("l'accord", "Kiev.", "(OMS)")."""
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


def il(*words: tuple[str, str, str, str]) -> Token:
    """The last verb of "Il <words> .", each word given as (form, lemma, deprel, feats): the one whose
    deprel is ROOT heads the others, and a word is an AUX when its relation is aux:*, an ADV when it is
    advmod, a PRON when it is obj, and a VERB otherwise."""
    root = 2 + next(i for i, (_, _, dep, _) in enumerate(words) if dep == "ROOT")
    lines = [f"1 Il il PRON {root} nsubj Number=Sing|Person=3"]
    for n, (form, lemma, dep, morph) in enumerate(words, start=2):
        pos = "AUX" if dep.startswith("aux") else {"advmod": "ADV", "obj": "PRON"}.get(dep, "VERB")
        lines.append(f"{n} {form} {lemma} {pos} {0 if n == root else root} {dep} {morph}")
    lines.append(f"{len(words) + 2} . . PUNCT {root} punct")
    return [t for t in parse("\n".join(lines)) if t.pos_ == "VERB"][-1]


def word(doc: Doc, text: str) -> Token:
    """The first word of the doc written `text`."""
    return next(t for t in doc if t.text == text)


# --- sentences that serve several tests ------------------------------------------------------------

# "En quittant la salle, le député a claqué la porte."
LEAVING = parse(f"""
    1  En       en       ADP   2  mark
    2  quittant quitter  VERB  9  advcl     {GERUND}
    3  la       le       DET   4  det
    4  salle    salle    NOUN  2  obj
    5  ,        ,        PUNCT 2  punct
    6  le       le       DET   7  det
    7  député   député   NOUN  9  nsubj
    8  a        avoir    AUX   9  aux:tense {PRES}
    9  claqué   claquer  VERB  0  ROOT      {PARTICIPLE}
    10 la       le       DET   11 det
    11 porte    porte    NOUN  9  obj
    12 .        .        PUNCT 9  punct
""")

# "Le gouvernement veut réformer les retraites."
WANTS = parse(f"""
    1 Le           le           DET   2 det
    2 gouvernement gouvernement NOUN  3 nsubj
    3 veut         vouloir      VERB  0 ROOT  {PRES}
    4 réformer     réformer     VERB  3 xcomp {INFINITIVE}
    5 les          le           DET   6 det
    6 retraites    retraite     NOUN  4 obj
    7 .            .            PUNCT 3 punct
""")

# "Élue en mars, la maire a lancé les travaux."
ELECTED = parse(f"""
    1  Élue    élire   VERB  8  advcl     Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part
    2  en      en      ADP   3  case
    3  mars    mars    NOUN  1  obl:mod
    4  ,       ,       PUNCT 1  punct
    5  la      le      DET   6  det
    6  maire   maire   NOUN  8  nsubj
    7  a       avoir   AUX   8  aux:tense {PRES}
    8  lancé   lancer  VERB  0  ROOT      {PARTICIPLE}
    9  les     le      DET   10 det
    10 travaux travail NOUN  8  obj
    11 .       .       PUNCT 8  punct
""")

# "Le projet a été adopté."
ADOPTED = parse(f"""
    1 Le     le      DET   2 det
    2 projet projet  NOUN  5 nsubj:pass
    3 a      avoir   AUX   5 aux:tense {PRES}
    4 été    être    AUX   5 aux:pass  Tense=Past|VerbForm=Part
    5 adopté adopter VERB  0 ROOT      {PARTICIPLE}
    6 .      .       PUNCT 5 punct
""")

# "La ministre est favorable au texte."
FAVOURABLE = parse(f"""
    1 La        le        DET   2 det
    2 ministre  ministre  NOUN  4 nsubj
    3 est       être      AUX   4 cop     {PRES}
    4 favorable favorable ADJ   0 ROOT    Number=Sing
    5 au        à         ADP   6 case
    6 texte     texte     NOUN  4 obl:arg
    7 .         .         PUNCT 4 punct
""")

# "Il regrette d'avoir menti."
REGRETS = parse(f"""
    1 Il       il       PRON  2 nsubj
    2 regrette regretter VERB 0 ROOT      {PRES}
    3 d'       de       ADP   5 mark
    4 avoir    avoir    AUX   5 aux:tense {INFINITIVE}
    5 menti    mentir   VERB  2 xcomp     {PARTICIPLE}
    6 .        .        PUNCT 2 punct
""")

# "Le syndicat a appelé dimanche ses adhérents à la grève devant le Parlement."
CALLED = parse(f"""
    1  Le        le        DET   2  det
    2  syndicat  syndicat  NOUN  4  nsubj
    3  a         avoir     AUX   4  aux:tense {PRES}
    4  appelé    appeler   VERB  0  ROOT      {PARTICIPLE}
    5  dimanche  dimanche  NOUN  4  obl:mod
    6  ses       son       DET   7  det
    7  adhérents adhérent  NOUN  4  obj
    8  à         à         ADP   10 case
    9  la        le        DET   10 det
    10 grève     grève     NOUN  4  obl:arg
    11 devant    devant    ADP   13 case
    12 le        le        DET   13 det
    13 Parlement Parlement PROPN 4  obl:mod
    14 .         .         PUNCT 4  punct
""")


# --- morphology ---------------------------------------------------------------------------------------


def test_feats_gives_the_values_of_one_feature() -> None:
    leaves = il(("partira", "partir", "ROOT", FUTURE))
    assert feats(leaves, "Tense") == {"Fut"}
    assert feats(leaves, "Person") == {"3"}
    assert feats(leaves, "Voice") == set()
    assert feats(leaves.doc[0], "Tense") == set()  # "Il" has no tense


def test_has_tells_one_value_of_a_feature() -> None:
    leaves = il(("partira", "partir", "ROOT", FUTURE))
    assert has(leaves, "Tense", "Fut")
    assert not has(leaves, "Tense", "Pres")
    assert not has(leaves, "Aspect", "Fut")


def test_is_gerund_is_a_present_participle() -> None:
    assert is_gerund(word(LEAVING, "quittant"))
    assert not is_gerund(word(LEAVING, "claqué"))  # a past participle
    assert not is_gerund(word(WANTS, "réformer"))


def test_is_infinitive() -> None:
    assert is_infinitive(word(WANTS, "réformer"))
    assert not is_infinitive(word(WANTS, "veut"))


def test_is_finite_is_conjugated_or_has_an_auxiliary() -> None:
    assert is_finite(word(WANTS, "veut"))
    assert is_finite(word(LEAVING, "claqué"))  # "a claqué"
    assert not is_finite(word(WANTS, "réformer"))
    assert not is_finite(word(LEAVING, "quittant"))


def test_is_bare_participle_has_no_auxiliary() -> None:
    assert is_bare_participle(word(ELECTED, "Élue"))
    assert not is_bare_participle(word(ELECTED, "lancé"))  # "a lancé"
    assert not is_bare_participle(word(LEAVING, "quittant"))  # present, not past


def test_auxiliaries_are_the_auxiliaries_and_the_copula() -> None:
    assert [t.text for t in auxiliaries(word(ADOPTED, "adopté"))] == ["a", "été"]
    assert [t.text for t in auxiliaries(word(FAVOURABLE, "favorable"))] == ["est"]
    assert auxiliaries(word(WANTS, "veut")) == []


def test_has_copula() -> None:
    assert has_copula(word(FAVOURABLE, "favorable"))  # "est favorable"
    left = il(("est", "être", "aux:tense", PRES), ("partie", "partir", "ROOT", PARTICIPLE))
    assert not has_copula(left)  # "est partie": "est" is an auxiliary there
    assert not has_copula(word(ADOPTED, "adopté"))


def test_is_predicate_is_a_verb_or_a_word_with_a_copula() -> None:
    assert is_predicate(word(FAVOURABLE, "favorable"))
    assert is_predicate(word(WANTS, "réformer"))
    assert not is_predicate(word(FAVOURABLE, "ministre"))
    assert not is_predicate(word(FAVOURABLE, "texte"))


def test_is_perfect_is_a_compound_infinitive() -> None:
    assert is_perfect(word(REGRETS, "menti"))  # "d'avoir menti"
    assert not is_perfect(word(LEAVING, "claqué"))  # "a claqué": a finite auxiliary
    assert not is_perfect(word(WANTS, "réformer"))


def test_is_past() -> None:
    assert is_past(il(("a", "avoir", "aux:tense", PRES), ("frappé", "frapper", "ROOT", PARTICIPLE)))
    assert is_past(il(("frappait", "frapper", "ROOT", IMPERFECT)))
    assert is_past(word(REGRETS, "menti"))  # "d'avoir menti"
    assert not is_past(il(("frappe", "frapper", "ROOT", PRES)))
    assert not is_past(il(("frappera", "frapper", "ROOT", FUTURE)))
    assert not is_past(word(ELECTED, "Élue"))  # a bare participle is not told as done


def test_is_passive() -> None:
    # "Le maire a été élu par le conseil."
    elected = parse(f"""
        1 Le      le      DET   2 det
        2 maire   maire   NOUN  5 nsubj:pass
        3 a       avoir   AUX   5 aux:tense {PRES}
        4 été     être    AUX   5 aux:pass  Tense=Past|VerbForm=Part
        5 élu     élire   VERB  0 ROOT      {PARTICIPLE}
        6 par     par     ADP   8 case
        7 le      le      DET   8 det
        8 conseil conseil NOUN  5 obl:agent
        9 .       .       PUNCT 5 punct
    """)
    assert is_passive(word(elected, "élu"))
    # "les frappes menées par l'armée": the voice is all the parser tells
    assert is_passive(il(("menées", "mener", "ROOT", "Gender=Fem|Number=Plur|Tense=Past|VerbForm=Part|Voice=Pass")))
    # "Le conseil a élu le maire."
    assert not is_passive(il(("a", "avoir", "aux:tense", PRES), ("élu", "élire", "ROOT", PARTICIPLE)))


def test_unreal_mood() -> None:
    assert unreal_mood(il(("frappera", "frapper", "ROOT", FUTURE)), GRAMMAR)
    assert unreal_mood(il(("aurait", "avoir", "aux:tense", CONDITIONAL),
                          ("frappé", "frapper", "ROOT", PARTICIPLE)), GRAMMAR)
    assert unreal_mood(il(("parte", "partir", "ROOT", SUBJUNCTIVE)), GRAMMAR)  # "qu'il parte"
    assert unreal_mood(il(("va", "aller", "aux:tense", PRES), ("frapper", "frapper", "ROOT", INFINITIVE)), GRAMMAR)
    assert not unreal_mood(il(("a", "avoir", "aux:tense", PRES), ("frappé", "frapper", "ROOT", PARTICIPLE)), GRAMMAR)
    assert not unreal_mood(il(("frappe", "frapper", "ROOT", PRES)), GRAMMAR)


def test_tense() -> None:
    time = FRENCH.time

    def tense_of(token: Token) -> str | None:
        return tense(token, time.intention_verbs, time.scheduling_participles)

    has_struck = ("a", "avoir", "aux:tense", PRES), ("frappé", "frapper", "ROOT", PARTICIPLE)
    assert tense_of(il(*has_struck)) == "past"
    assert tense_of(il(("frappait", "frapper", "ROOT", IMPERFECT))) == "past"
    assert tense_of(il(("frappe", "frapper", "ROOT", PRES))) == "present"
    assert tense_of(il(("frappera", "frapper", "ROOT", FUTURE))) == "future"
    assert tense_of(il(("frapperait", "frapper", "ROOT", CONDITIONAL))) == "future"
    # a compound tense is past, conditional or not, unless its auxiliary is future
    assert tense_of(il(("aurait", "avoir", "aux:tense", CONDITIONAL), ("signé", "signer", "ROOT", PARTICIPLE))) == "past"
    assert tense_of(il(("aura", "avoir", "aux:tense", FUTURE), ("signé", "signer", "ROOT", PARTICIPLE))) == "future"
    # an infinitive looks ahead under a verb of intention, was a plan under its imperfect, and has no
    # tense of its own under another verb
    assert tense_of(il(("annonce", "annoncer", "ROOT", PRES), ("partir", "partir", "xcomp", INFINITIVE))) == "future"
    assert tense_of(il(("devait", "devoir", "ROOT", IMPERFECT), ("partir", "partir", "xcomp", INFINITIVE))) == "past"
    assert tense_of(il(("aime", "aimer", "ROOT", PRES), ("lire", "lire", "xcomp", INFINITIVE))) is None
    assert tense_of(word(LEAVING, "quittant")) is None  # a present participle


def test_tense_of_a_bare_participle() -> None:
    time = FRENCH.time
    # "Le sommet prévu lundi remplace la réunion annulée hier."
    summit = parse(f"""
        1  Le       le        DET   2 det
        2  sommet   sommet    NOUN  5 nsubj
        3  prévu    prévoir   VERB  2 acl     {PARTICIPLE}
        4  lundi    lundi     NOUN  3 obl:mod
        5  remplace remplacer VERB  0 ROOT    {PRES}
        6  la       le        DET   7 det
        7  réunion  réunion   NOUN  5 obj
        8  annulée  annuler   VERB  7 acl     Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part
        9  hier     hier      ADV   8 advmod
        10 .        .         PUNCT 5 punct
    """)
    assert tense(word(summit, "prévu"), time.intention_verbs, time.scheduling_participles) == "future"
    assert tense(word(summit, "annulée"), time.intention_verbs, time.scheduling_participles) == "past"


def test_lemmas_adds_the_infinitive_of_a_form_left_unlemmatised() -> None:
    assert lemmas(il(("exige", "exige", "ROOT", PRES)), GRAMMAR) == {"exige", "exiger"}
    # "Ils réclament une enquête."
    claim = parse("""
        1 Ils       il        PRON  2 nsubj
        2 réclament réclament VERB  0 ROOT  Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin
        3 une       un        DET   4 det
        4 enquête   enquête   NOUN  2 obj
        5 .         .         PUNCT 2 punct
    """)
    assert "réclamer" in lemmas(word(claim, "réclament"), GRAMMAR)
    assert lemmas(word(WANTS, "veut"), GRAMMAR) == {"vouloir"}


def test_lemmas_writes_the_open_e_of_a_present_stem_as_the_infinitive_does() -> None:
    # "« … » complète X", the verb read as an adjective; "Elle lève le doute."
    assert "compléter" in lemmas(il(("complète", "complet", "ROOT", PRES)), GRAMMAR)
    assert "lever" in lemmas(il(("lève", "lève", "ROOT", PRES)), GRAMMAR)


# --- negation and voice ------------------------------------------------------------------------------


def test_negated() -> None:
    # "La ministre n'a pas signé l'accord."
    signed = parse(f"""
        1 La       le       DET   2 det
        2 ministre ministre NOUN  6 nsubj
        3 n'       ne       ADV   6 advmod    Polarity=Neg
        4 a        avoir    AUX   6 aux:tense {PRES}
        5 pas      pas      ADV   6 advmod    Polarity=Neg
        6 signé    signer   VERB  0 ROOT      {PARTICIPLE}
        7 l'       le       DET   8 det
        8 accord   accord   NOUN  6 obj
        9 .        .        PUNCT 6 punct
    """)
    assert negated(word(signed, "signé"), GRAMMAR)
    assert negated(il(("ne", "ne", "advmod", ""), ("travaille", "travailler", "ROOT", PRES),
                      ("plus", "plus", "advmod", "")), GRAMMAR)
    # "Il ne peut pas céder": the modal passes its negation on to its infinitive
    assert negated(il(("ne", "ne", "advmod", ""), ("peut", "pouvoir", "ROOT", PRES), ("pas", "pas", "advmod", ""),
                      ("céder", "céder", "xcomp", INFINITIVE)), GRAMMAR)
    assert not negated(il(("a", "avoir", "aux:tense", PRES), ("signé", "signer", "ROOT", PARTICIPLE)), GRAMMAR)
    # "Il travaille plus": "plus" without "ne" compares
    assert not negated(il(("travaille", "travailler", "ROOT", PRES), ("plus", "plus", "advmod", "")), GRAMMAR)
    # "Il ne veut pas céder": "vouloir" is no modal, the refusal is its own
    assert not negated(il(("ne", "ne", "advmod", ""), ("veut", "vouloir", "ROOT", PRES), ("pas", "pas", "advmod", ""),
                          ("céder", "céder", "xcomp", INFINITIVE)), GRAMMAR)


def test_is_reflexive() -> None:
    # "La France s'oppose au projet."
    opposes = parse(f"""
        1 La     le     DET   2 det
        2 France France PROPN 4 nsubj
        3 s'     se     PRON  4 expl:comp Person=3|Reflex=Yes
        4 oppose opposer VERB 0 ROOT      {PRES}
        5 au     à      ADP   6 case
        6 projet projet NOUN  4 obl:arg
        7 .      .      PUNCT 4 punct
    """)
    assert is_reflexive(word(opposes, "oppose"), GRAMMAR)
    # "Nous nous opposons au projet." / "Nous soutenons le projet."
    we_oppose = parse("""
        1 Nous     nous    PRON  3 nsubj
        2 nous     nous    PRON  3 expl:comp
        3 opposons opposer VERB  0 ROOT Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin
        4 au       à       ADP   5 case
        5 projet   projet  NOUN  3 obl:arg
        6 .        .       PUNCT 3 punct
    """)
    we_support = parse("""
        1 Nous     nous     PRON  2 nsubj
        2 soutenons soutenir VERB 0 ROOT Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin
        3 le       le       DET   4 det
        4 projet   projet   NOUN  2 obj
        5 .        .        PUNCT 2 punct
    """)
    assert is_reflexive(word(we_oppose, "opposons"), GRAMMAR)
    assert not is_reflexive(word(we_support, "soutenons"), GRAMMAR)  # a subject "nous" is no object
    assert not is_reflexive(il(("le", "le", "obj", ""), ("soutient", "soutenir", "ROOT", PRES)), GRAMMAR)


def test_auxiliary_before_finds_a_compound_tense_the_parser_did_not_join() -> None:
    # "M. Macron a, sans surprise, balayé la critique.", the auxiliary parsed as the root
    swept = parse(f"""
        1  M.       monsieur NOUN  3  nsubj
        2  Macron   Macron   PROPN 1  flat:name
        3  a        avoir    AUX   0  ROOT      {PRES}
        4  ,        ,        PUNCT 6  punct
        5  sans     sans     ADP   6  case
        6  surprise surprise NOUN  3  obl:mod
        7  ,        ,        PUNCT 6  punct
        8  balayé   balayer  VERB  3  parataxis {PARTICIPLE}
        9  la       le       DET   10 det
        10 critique critique NOUN  8  obj
        11 .        .        PUNCT 3  punct
    """)
    assert swept.text == "M. Macron a, sans surprise, balayé la critique."
    assert auxiliary_before(word(swept, "balayé"), GRAMMAR)
    # "La police a interpellé un homme qui manifestait.": a verb stands between
    arrested = parse(f"""
        1 La          le          DET   2 det
        2 police      police      NOUN  4 nsubj
        3 a           avoir       AUX   4 aux:tense {PRES}
        4 interpellé  interpeller VERB  0 ROOT      {PARTICIPLE}
        5 un          un          DET   6 det
        6 homme       homme       NOUN  4 obj
        7 qui         qui         PRON  8 nsubj
        8 manifestait manifester  VERB  6 acl:relcl {IMPERFECT}
        9 .           .           PUNCT 4 punct
    """)
    assert not auxiliary_before(word(arrested, "manifestait"), GRAMMAR)
    assert not auxiliary_before(word(LEAVING, "quittant"), GRAMMAR)  # nothing before it


# --- where a word stands in its clause ------------------------------------------------------------


def test_cases_as_lemma_and_as_written() -> None:
    # "Le dialogue entre les deux pays reprend."
    talks = parse(f"""
        1 Le       le       DET   2 det
        2 dialogue dialogue NOUN  7 nsubj
        3 entre    entrer   ADP   6 case
        4 les      le       DET   6 det
        5 deux     deux     NUM   6 nummod
        6 pays     pays     NOUN  2 nmod
        7 reprend  reprendre VERB 0 ROOT  {PRES}
        8 .        .        PUNCT 7 punct
    """)
    assert cases(word(talks, "pays")) == {"entre", "entrer"}
    assert cases(word(REGRETS, "menti")) == {"de", "d'"}  # a mark counts
    assert cases(word(talks, "dialogue")) == set()


def test_subject_is_shared_with_the_predicate_above() -> None:
    assert subject(word(LEAVING, "claqué")).text == "député"
    assert subject(word(LEAVING, "quittant")).text == "député"  # "En quittant …, le député"
    assert subject(word(WANTS, "réformer")).text == "gouvernement"  # "veut réformer"
    # "Des manifestants criant leur colère ont bloqué la route."
    shouting = parse(f"""
        1  Des         un         DET   2 det
        2  manifestants manifestant NOUN 7 nsubj
        3  criant      crier      VERB  2 acl       {GERUND}
        4  leur        son        DET   5 det
        5  colère      colère     NOUN  3 obj
        6  ont         avoir      AUX   7 aux:tense Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin
        7  bloqué      bloquer    VERB  0 ROOT      {PARTICIPLE}
        8  la          le         DET   9 det
        9  route       route      NOUN  7 obj
        10 .           .          PUNCT 7 punct
    """)
    assert subject(word(shouting, "criant")).text == "manifestants"
    assert subject(word(ELECTED, "Élue")) is None  # a bare participle shares no subject
    assert subject(word(REGRETS, "regrette")).text == "Il"


def test_predicate_above() -> None:
    assert predicate_above(word(FAVOURABLE, "texte")).text == "favorable"
    assert predicate_above(word(FAVOURABLE, "favorable")).text == "favorable"  # the root itself
    assert predicate_above(word(LEAVING, "salle")).text == "quittant"  # the nearest
    # "Nouvelle attaque à Kiev.": no predicate at all
    headline = parse("""
        1 Nouvelle nouveau ADJ   2 amod
        2 attaque  attaque NOUN  0 ROOT
        3 à        à       ADP   4 case
        4 Kiev     Kiev    PROPN 2 nmod
        5 .        .       PUNCT 2 punct
    """)
    assert predicate_above(word(headline, "Kiev")) is None
    assert predicate_above(word(headline, "attaque")) is None


def test_trim_phrase() -> None:
    openers = GRAMMAR.pronouns.clause_openers
    # "Le ministre de l'Intérieur, Bruno Retailleau, qui était absent, a démissionné."
    resigned = parse(f"""
        1  Le          le          DET   2  det
        2  ministre    ministre    NOUN  15 nsubj
        3  de          de          ADP   5  case
        4  l'          le          DET   5  det
        5  Intérieur   intérieur   PROPN 2  nmod
        6  ,           ,           PUNCT 7  punct
        7  Bruno       Bruno       PROPN 2  appos
        8  Retailleau  Retailleau  PROPN 7  flat:name
        9  ,           ,           PUNCT 12 punct
        10 qui         qui         PRON  12 nsubj
        11 était       être        AUX   12 cop       {IMPERFECT}
        12 absent      absent      ADJ   2  acl:relcl
        13 ,           ,           PUNCT 12 punct
        14 a           avoir       AUX   15 aux:tense {PRES}
        15 démissionné démissionner VERB 0  ROOT      {PARTICIPLE}
        16 .           .           PUNCT 15 punct
    """)
    minister = word(resigned, "ministre")
    first, end = trim_phrase(resigned, minister.left_edge.i, minister.right_edge.i + 1, openers)
    assert resigned[first:end].text == "Le ministre de l'Intérieur, Bruno Retailleau"  # the name stays
    # "C'est l'Organisation mondiale de la santé (OMS) qui a donné l'alerte."
    alert = parse(f"""
        1  C'           ce           PRON  4  nsubj
        2  est          être         AUX   4  cop       {PRES}
        3  l'           le           DET   4  det
        4  Organisation organisation PROPN 0  ROOT
        5  mondiale     mondial      ADJ   4  amod
        6  de           de           ADP   8  case
        7  la           le           DET   8  det
        8  santé        santé        NOUN  4  nmod
        9  (            (            PUNCT 10 punct
        10 OMS          OMS          PROPN 4  appos
        11 )            )            PUNCT 10 punct
        12 qui          qui          PRON  14 nsubj
        13 a            avoir        AUX   14 aux:tense {PRES}
        14 donné        donner       VERB  4  acl:relcl {PARTICIPLE}
        15 l'           le           DET   16 det
        16 alerte       alerte       NOUN  14 obj
        17 .            .            PUNCT 4  punct
    """)
    assert alert.text == "C'est l'Organisation mondiale de la santé (OMS) qui a donné l'alerte."
    first, end = trim_phrase(alert, 2, 16, openers)
    assert alert[first:end].text == "l'Organisation mondiale de la santé (OMS)"  # cut before "qui"
    first, end = trim_phrase(alert, 2, 9, openers)
    assert alert[first:end].text == "l'Organisation mondiale de la santé"  # an opening bracket goes


# --- complements and circumstances ----------------------------------------------------------------


def test_is_circumstance() -> None:
    target = FRENCH.stances.target
    called = word(CALLED, "appelé")
    kinds = {c.text: is_circumstance(c, target.circumstances, target.not_heads) for c in called.children}
    assert kinds["dimanche"]  # a head of its own
    assert kinds["Parlement"]  # "devant le Parlement"
    assert not kinds["adhérents"]  # the object
    assert not kinds["grève"]  # "à la grève", what the call is about


def test_before_complement() -> None:
    called = word(CALLED, "appelé")
    assert before_complement(called, word(CALLED, "dimanche"))  # "a appelé dimanche ses adhérents"
    assert not before_complement(called, word(CALLED, "grève"))  # after "ses adhérents"
    assert not before_complement(called, word(CALLED, "Parlement"))


def test_circumstance_end() -> None:
    heads = FRENCH.stances.target.not_heads
    # "Le ministre a annoncé vendredi une campagne dans un message sur Facebook.", the object hung on
    # the day
    announced = parse(f"""
        1  Le       le       DET   2  det
        2  ministre ministre NOUN  4  nsubj
        3  a        avoir    AUX   4  aux:tense {PRES}
        4  annoncé  annoncer VERB  0  ROOT      {PARTICIPLE}
        5  vendredi vendredi NOUN  4  obl:mod
        6  une      un       DET   7  det
        7  campagne campagne NOUN  5  nmod
        8  dans     dans     ADP   10 case
        9  un       un       DET   10 det
        10 message  message  NOUN  4  obl:mod
        11 sur      sur      ADP   12 case
        12 Facebook Facebook PROPN 10 nmod
        13 .        .        PUNCT 4  punct
    """)
    friday, message = word(announced, "vendredi"), word(announced, "message")
    assert announced[friday.i:circumstance_end(friday, heads)].text == "vendredi"
    assert announced[friday.i:circumstance_end(friday, frozenset())].text == "vendredi"  # no "de": no part of it
    assert announced[message.left_edge.i:circumstance_end(message, heads)].text == "dans un message sur Facebook"


def test_no_model_is_loaded(without_model: set[str]) -> None:
    assert models_imported() == without_model  # none when the module runs alone
