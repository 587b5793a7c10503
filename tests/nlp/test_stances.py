"""Stances in French wire copy: who demands, supports or opposes what.

Each test reads a few sentences written for it, in the style of agency copy, the way a user of the
analysis would: `stance.holder` is the id of an entity of the same analysis (or None for an unnamed
holder, named by `holder_text`), `stance.target` is what the stance is about as the article writes it,
and `text[stance.start:stance.end]` is the sentence that is the evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

import veille
from veille import lang
from veille.model import Entity, Stance
from veille.nlp import coreference, entities, models, stances
from veille.nlp.context import Context


@dataclass
class Read:
    text: str
    entities: list[Entity]
    stances: list[Stance]

    def name(self, stance: Stance) -> str | None:
        """The name of the entity that holds the stance."""
        return next((e.name for e in self.entities if e.id == stance.holder), None)

    def evidence(self, stance: Stance) -> str:
        return self.text[stance.start:stance.end]

    def only(self) -> Stance:
        assert len(self.stances) == 1, self.stances
        return self.stances[0]


Reader = Callable[[str], Read]


@pytest.fixture(scope="module")
def read() -> Reader:
    """The stances stage on a text parsed once, with its entities and the pronouns linked to them; the
    model loads once per module."""
    nlp = models.load("fr")
    ctx = Context(published=date(2025, 3, 14), language=lang.load("fr"))

    def run(text: str) -> Read:
        doc = nlp(text)
        found = coreference.extract(doc, ctx, entities.extract(doc, ctx))
        return Read(text, found, stances.extract(doc, ctx, found))

    return run


# --- the three polarities -------------------------------------------------------------------------


def test_a_demand_names_its_holder_target_and_sentence(read: Reader) -> None:
    text = ("Le Premier ministre espagnol Pedro Sánchez a réclamé jeudi un cessez-le-feu immédiat à Gaza. "
            "Il se rendra au Caire la semaine prochaine.")
    result = read(text)

    stance = result.only()
    assert stance.polarity == "demand"
    assert result.name(stance) == "Pedro Sánchez"
    assert stance.holder_text == "Le Premier ministre espagnol Pedro Sánchez"
    assert stance.target == "un cessez-le-feu immédiat à Gaza"
    assert result.evidence(stance) == ("Le Premier ministre espagnol Pedro Sánchez a réclamé jeudi un "
                                       "cessez-le-feu immédiat à Gaza.")


def test_a_call_with_its_preposition_is_a_demand(read: Reader) -> None:
    stance = read("Le président brésilien Lula a appelé à une réforme du Conseil de sécurité de l'ONU.").only()

    assert stance.polarity == "demand"
    assert stance.target == "une réforme du Conseil de sécurité de l'ONU"


def test_calling_someone_to_arms_is_no_stance(read: Reader) -> None:
    assert read("Le gouvernement a appelé les réservistes sous les drapeaux.").stances == []


def test_a_reflexive_verb_of_opposition(read: Reader) -> None:
    result = read("Berlin s'oppose à la livraison de missiles Taurus à l'Ukraine.")

    stance = result.only()
    assert stance.polarity == "oppose"
    assert result.name(stance) == "Berlin"
    assert stance.target == "la livraison de missiles Taurus à l'Ukraine"


def test_support_stops_before_a_trailing_source(read: Reader) -> None:
    stance = read("Le maire de Marseille soutient le projet de tramway, selon son entourage.").only()

    assert stance.polarity == "support"
    assert stance.holder is None
    assert stance.holder_text == "Le maire de Marseille"
    assert stance.target == "le projet de tramway"


def test_condemnation_stops_before_the_participle_that_follows(read: Reader) -> None:
    result = read("La Chine a condamné les nouvelles sanctions américaines, les jugeant « illégales ».")

    stance = result.only()
    assert (stance.polarity, result.name(stance)) == ("oppose", "Chine")
    assert stance.target == "les nouvelles sanctions américaines"


def test_an_adjective_in_apposition_belongs_to_the_name_it_follows(read: Reader) -> None:
    result = read("Le président du Sénat, Gérard Larcher, favorable à une réforme du scrutin, a reçu les chefs "
                  "de parti.")

    stance = result.only()
    assert (stance.polarity, result.name(stance)) == ("support", "Gérard Larcher")
    assert stance.target == "une réforme du scrutin"


# --- negation -------------------------------------------------------------------------------------


def test_refused_agreement_is_opposition(read: Reader) -> None:
    result = read("La Hongrie n'est pas d'accord avec l'ouverture des négociations d'adhésion avec Kiev.")

    stance = result.only()
    assert (stance.polarity, result.name(stance)) == ("oppose", "Hongrie")
    assert stance.target == "l'ouverture des négociations d'adhésion avec Kiev"


def test_negated_acceptance_in_a_reported_clause_is_the_reporters_opposition(read: Reader) -> None:
    result = read("Emmanuel Macron a déclaré qu'il n'accepterait pas un accord commercial avec le Mercosur "
                  "en l'état.")

    stance = result.only()
    assert stance.polarity == "oppose"
    assert result.name(stance) == "Emmanuel Macron"
    assert stance.target.startswith("un accord commercial avec le Mercosur")


def test_not_wanting_something_is_opposition(read: Reader) -> None:
    stance = read("Le gouvernement ne veut pas d'une hausse des impôts.").only()

    assert stance.polarity == "oppose"
    assert stance.target == "une hausse des impôts"


def test_not_ruling_out_is_no_stance(read: Reader) -> None:
    assert read("La France n'exclut pas d'envoyer des troupes en Ukraine, a déclaré le président.").stances == []


# --- holders --------------------------------------------------------------------------------------


def test_a_pronoun_holder_is_its_antecedent(read: Reader) -> None:
    result = read("Olaf Scholz a reçu mardi les syndicats de la métallurgie. Il a promis de soutenir "
                  "l'industrie automobile.")

    stance = result.only()
    assert (stance.polarity, result.name(stance)) == ("support", "Olaf Scholz")
    assert stance.target == "l'industrie automobile"
    assert result.evidence(stance) == "Il a promis de soutenir l'industrie automobile."


def test_a_feminine_pronoun_can_stand_for_a_country(read: Reader) -> None:
    result = read("La Russie a qualifié ces livraisons de « provocation ». Elle exige leur arrêt immédiat.")

    stance = result.only()
    assert (stance.polarity, result.name(stance)) == ("demand", "Russie")
    assert stance.target == "leur arrêt immédiat"


def test_nous_in_a_quotation_is_its_speaker(read: Reader) -> None:
    result = read("« Nous exigeons la libération immédiate de tous les otages », a déclaré le secrétaire "
                  "général de l'ONU, Antonio Guterres.")

    stance = result.only()
    assert (stance.polarity, result.name(stance)) == ("demand", "Antonio Guterres")
    assert stance.target == "la libération immédiate de tous les otages"


def test_an_unnamed_holder_keeps_its_words(read: Reader) -> None:
    stance = read("Un groupe de 12 pays, dont le Canada et le Japon, a réclamé une enquête indépendante sur le "
                  "bombardement.").only()

    assert stance.holder is None
    assert stance.holder_text == "Un groupe de 12 pays"
    assert stance.polarity == "demand"


def test_each_named_subject_holds_the_stance(read: Reader) -> None:
    result = read("La Russie et la Chine ont dénoncé les exercices militaires américains dans la région.")

    assert sorted(result.name(s) or "" for s in result.stances) == ["Chine", "Russie"]
    assert {s.target for s in result.stances} == {"les exercices militaires américains"}


def test_the_agent_of_a_passive_holds_the_stance(read: Reader) -> None:
    result = read("Le projet de loi a été rejeté par l'Assemblée nationale jeudi soir.")

    stance = result.only()
    assert (stance.polarity, stance.holder_text) == ("oppose", "l'Assemblée nationale")
    assert stance.target == "Le projet de loi"


# --- targets --------------------------------------------------------------------------------------


def test_a_demonstrative_target_is_what_it_names(read: Reader) -> None:
    result = read("Les pays nordiques veulent créer un fonds commun pour financer la défense de la région. "
                  "La Pologne s'est engagée à soutenir cette initiative.")

    stance = next(s for s in result.stances if result.name(s) == "Pologne")
    assert stance.polarity == "support"
    assert stance.target.startswith("un fonds commun")


def test_the_words_of_an_incise_are_its_target(read: Reader) -> None:
    result = read("« C'est une violation flagrante du droit international », a dénoncé le ministre turc des "
                  "Affaires étrangères, Hakan Fidan.")

    stance = result.only()
    assert (stance.polarity, result.name(stance)) == ("oppose", "Hakan Fidan")
    assert stance.target == "C'est une violation flagrante du droit international"


def test_a_need_in_a_statement_is_the_speakers_demand(read: Reader) -> None:
    result = read("Ursula von der Leyen a déclaré que ces attaques montraient la nécessité de renforcer la "
                  "défense européenne.")

    stance = result.only()
    assert (stance.polarity, result.name(stance)) == ("demand", "Ursula von der Leyen")
    assert stance.target == "renforcer la défense européenne"


def test_a_relative_target_is_its_antecedent(read: Reader) -> None:
    stance = read("Le syndicat a présenté un plan de relance dont le gouvernement ne veut pas entendre "
                  "parler.").only()

    assert (stance.polarity, stance.holder_text) == ("oppose", "le gouvernement")
    assert stance.target == "un plan de relance"


def test_a_stance_noun_after_a_light_verb(read: Reader) -> None:
    result = read("Le Canada a réitéré son soutien à l'Ukraine. La fédération a fait part de son "
                  "mécontentement face à la hausse des tarifs.")

    support, oppose = result.stances
    assert (support.polarity, result.name(support), support.target) == ("support", "Canada", "l'Ukraine")
    assert (oppose.polarity, oppose.holder_text, oppose.target) == ("oppose", "La fédération",
                                                                   "la hausse des tarifs")


def test_an_intention_of_ones_own_is_support(read: Reader) -> None:
    stance = read("Le Premier ministre veut réduire le déficit à 3 % du PIB d'ici 2027.").only()

    assert stance.polarity == "support"
    assert stance.target == "réduire le déficit à 3 % du PIB d'ici 2027"


def test_a_wish_about_others_is_a_demand(read: Reader) -> None:
    stance = read("La Commission européenne souhaite que les Etats membres réduisent leurs émissions de 90 % "
                  "d'ici 2040.").only()

    assert stance.polarity == "demand"
    assert stance.target == "les Etats membres réduisent leurs émissions de 90 % d'ici 2040"


@pytest.mark.parametrize("text", [
    "Le ministre soutient que la réforme est juste.",  # "soutenir que" reports speech
    "Il avait voulu dire que la réforme était nécessaire.",
    "Le ministre a demandé si la police avait été prévenue.",
    "Les manifestants ont défendu la ville contre les assauts de la police.",  # a place, not an idea
    "« Personne ne souhaite une usine pareille dans sa ville », a dit le maire Paul Roux.",  # no one
    "L'ancien député Ali Ben Salem a été condamné vendredi par un tribunal militaire à un an de prison.",  # a sentence
    "« On ne sait pas ce qu'il veut », a confié le député Marc Roux.",  # a pronoun at stake
    "Le candidat Jean Morel veut montrer qu'il est le mieux armé à gauche.",  # a wish to show, no side
    "Le groupe Etat islamique a revendiqué l'attentat de Tunis.",  # claiming an attack is no demand
])
def test_uses_that_take_no_stance(read: Reader, text: str) -> None:
    assert read(text).stances == []


@pytest.mark.parametrize(("text", "polarity", "target"), [
    ("La CGT a manifesté contre la réforme des retraites vendredi à Paris.", "oppose", "la réforme des retraites"),
    ("Le groupe écologiste a voté contre le projet de loi immigration.", "oppose", "le projet de loi immigration"),
    ("« J'espère que le Sénat sera à la hauteur de l'enjeu », affirme la députée Sandrine Rousseau.", "demand",
     "le Sénat sera à la hauteur de l'enjeu"),
    ("Le syndicat MG France a rappelé son opposition à la généralisation du tiers payant.", "oppose",
     "la généralisation du tiers payant"),
    ("Le ministre Joe Khoury a réitéré sa détermination à mettre de l'ordre dans le secteur industriel.",
     "support", "mettre de l'ordre dans le secteur industriel"),
    ("Le syndicat Sud Rail regrette la fermeture de la ligne de Morlaix.", "oppose", "la fermeture de la ligne de Morlaix"),
    ("L'entraîneur Paul Roux a félicité ses joueurs après la victoire.", "support", "ses joueurs"),
    ("La Haute Autorité de santé préconise une troisième dose de vaccin.", "demand", "une troisième dose de vaccin"),
])
def test_protests_votes_hopes_and_recalled_positions(read: Reader, text: str, polarity: str, target: str) -> None:
    stance = read(text).only()
    assert (stance.polarity, stance.target) == (polarity, target)


# --- obligations and judgements in someone's words ------------------------------------------------


@pytest.mark.parametrize(("text", "polarity", "holder", "target"), [
    ("« Il faut augmenter les salaires des infirmières dès cette année », a déclaré Sophie Binet.",
     "demand", "Sophie Binet", "augmenter les salaires des infirmières dès cette année"),
    ("« Nous devons protéger nos agriculteurs face à la concurrence », a affirmé le ministre Marc Fesneau.",
     "demand", "Marc Fesneau", "protéger nos agriculteurs face à la concurrence"),
    ("« Il ne faut pas céder au chantage », a prévenu le sénateur Bruno Retailleau.",
     "oppose", "Bruno Retailleau", "céder au chantage"),
    ("« Il est urgent de rouvrir le service de nuit », a insisté Paul Martin, le président du collectif.",
     "demand", "Paul Martin", "rouvrir le service de nuit"),
    ("Selon Marie Durand, il faut rénover les écoles de la commune avant l'hiver.",
     "demand", "Marie Durand", "rénover les écoles de la commune avant l'hiver"),
])
def test_an_obligation_or_a_judgement_in_a_statement_is_its_speakers_stance(
        read: Reader, text: str, polarity: str, holder: str, target: str) -> None:
    result = read(text)
    stance = result.only()
    assert (stance.polarity, result.name(stance), stance.target) == (polarity, holder, target)


def test_what_someone_must_do_in_a_speakers_words_is_the_speakers_demand(read: Reader) -> None:
    result = read("« Le gouvernement doit renoncer définitivement à la retraite à points », a lancé Paul Martin.")
    stance = result.only()
    assert (stance.polarity, result.name(stance)) == ("demand", "Paul Martin")
    assert stance.target == "Le gouvernement doit renoncer définitivement à la retraite à points"


@pytest.mark.parametrize("text", [
    "« Le sommet doit se tenir lundi à Genève », a précisé le porte-parole Marc Roux.",  # scheduled
    "« Le texte doit être examiné mardi », a dit la ministre Anne Roux.",
    "Le gouvernement doit renoncer à la réforme, selon plusieurs observateurs.",  # not in quoted words
])
def test_what_is_due_or_not_quoted_is_no_demand(read: Reader, text: str) -> None:
    assert read(text).stances == []


def test_an_outrage_told_in_an_incise_is_one_opposition(read: Reader) -> None:
    result = read("« Il est inacceptable que des enfants dorment dans la rue », a dénoncé la maire Anne Hidalgo.")
    stance = result.only()
    assert (stance.polarity, result.name(stance), stance.target) == (
        "oppose", "Anne Hidalgo", "des enfants dorment dans la rue")


@pytest.mark.parametrize("text", [
    "Il faut compter deux heures de route pour rejoindre Lyon.",  # no one's words
    "« Nous devons beaucoup à nos bénévoles », a dit Jean Petit.",  # owing, not an obligation
    "« Il faut bien le reconnaître, la saison a été difficile », a admis l'entraîneur Luc Roy.",  # a remark
    "« Il faut s'attendre à des retards sur la ligne », a prévenu Claire Dupuis, de la SNCF.",  # a forecast
    "« S'il faut négocier des nuits entières, je le ferai », a assuré la ministre Agnès Roux.",  # a hypothesis
    "« C'est essentiel pour notre indépendance financière », a expliqué le trésorier Marc Blanc.",  # no "de"
    "« Il ne faut pas oublier que le vote a eu lieu en mars », a rappelé le maire Paul Girard.",  # a reminder
])
def test_obligations_that_take_no_stance(read: Reader, text: str) -> None:
    assert read(text).stances == []


@pytest.mark.parametrize(("text", "holder", "target"), [
    ("L'appel de l'ONU à un cessez-le-feu immédiat à Gaza est resté sans réponse.", "ONU",
     "un cessez-le-feu immédiat à Gaza"),
    ("Le secrétaire général Antonio Guterres a lancé un appel à la retenue.", "Antonio Guterres", "la retenue"),
])
def test_a_call_is_a_demand_of_whoever_makes_it(read: Reader, text: str, holder: str, target: str) -> None:
    result = read(text)
    stance = result.only()
    assert (stance.polarity, result.name(stance), stance.target) == ("demand", holder, target)


@pytest.mark.parametrize("text", [
    "Le club a fait appel de la décision de la commission de discipline.",  # an appeal in law
    "La cour d'appel de Paris a confirmé la peine de Jean Dupont.",
])
def test_an_appeal_is_no_call(read: Reader, text: str) -> None:
    assert read(text).stances == []


# --- evidence -------------------------------------------------------------------------------------


def test_offsets_point_at_the_sentence_of_each_stance(read: Reader) -> None:
    text = ("La CGT appelle à la grève le 5 décembre. Le Kremlin a rejeté les accusations d'ingérence "
            "formulées par Paris.\nLes Vingt-Sept se sont félicités de l'accord trouvé sur la migration.")
    result = read(text)

    assert [result.evidence(s) for s in result.stances] == [
        "La CGT appelle à la grève le 5 décembre.",
        "Le Kremlin a rejeté les accusations d'ingérence formulées par Paris.",
        "Les Vingt-Sept se sont félicités de l'accord trouvé sur la migration.",
    ]
    assert [s.polarity for s in result.stances] == ["demand", "oppose", "support"]


def test_the_analysis_carries_the_stances() -> None:
    text = "Le Hamas a rejeté la proposition israélienne, selon un responsable du mouvement."
    analysis = veille.analyze(text, published="2025-03-14", language="fr")

    [stance] = analysis.stances
    assert stance.polarity == "oppose"
    assert stance.target == "la proposition israélienne"
    assert analysis.to_dict()["stances"][0]["holder_text"] == "Le Hamas"
