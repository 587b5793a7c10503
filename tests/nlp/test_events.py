"""PLOVER events read from French news: type, mode, who, where, when and how many."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from spacy.language import Language

from veille import lang
from veille.model import Event
from veille.nlp import entities, events, models, quotes, times
from veille.nlp.casualties import VAGUE, Counter
from veille.nlp.context import Context

THURSDAY = date(2025, 8, 21)  # lundi = 2025-08-18, mardi = 08-19, mercredi = 08-20


@pytest.fixture(scope="module")
def nlp() -> Language:
    return models.load("fr")


@dataclass
class Read:
    events: list[Event]
    names: dict[str, str]  # entity id → name

    def named(self, ids: list[str]) -> list[str]:
        return [self.names[i] for i in ids]

    def only(self) -> Event:
        assert len(self.events) == 1, self.events
        return self.events[0]


def read(nlp: Language, text: str, published: date | None = THURSDAY) -> Read:
    """The events of `text`, after checking that every one points at its evidence."""
    doc = nlp(text)
    ctx = Context(published=published, language=lang.load("fr"))
    found_entities, found_times = entities.extract(doc, ctx), times.extract(doc, ctx)
    statements = quotes.extract(doc, ctx, found_entities, found_times)
    found = events.extract(doc, ctx, found_entities, found_times, quotes=statements)
    for n, event in enumerate(found, start=1):
        assert text[event.start:event.end] == event.text
        assert event.id == f"v{n}"
    return Read(found, {e.id: e.name for e in found_entities})


# --- what happened, where, when, how many -----------------------------------------------------


def test_a_drone_strike_with_its_toll_place_and_day(nlp: Language) -> None:
    text = ("Des frappes de drones russes ont tué au moins 12 personnes lundi à Kharkiv, "
            "a indiqué le gouverneur.")
    event = read(nlp, text).only()
    assert (event.type, event.mode) == ("ASSAULT", "drone")
    assert read(nlp, text).named(event.locations) == ["Kharkiv"]
    assert event.date == "2025-08-18"
    assert (event.killed, event.injured) == (12, None)


def test_a_bombing_counts_its_dead_in_words_and_leaves_a_vague_count_open(nlp: Language) -> None:
    text = ("L'armée a bombardé mardi soir plusieurs villages du sud du Liban, "
            "faisant quinze morts et une dizaine de blessés.")
    found = read(nlp, text)
    event = found.only()
    assert (event.type, event.mode) == ("ASSAULT", "aerial")
    assert found.named(event.locations) == ["Liban"]
    assert event.date == "2025-08-19"  # "mardi soir", at day precision
    assert (event.killed, event.injured) == (15, None)  # "une dizaine": stated, not counted


def test_those_named_after_dont_are_part_of_the_count_not_added_to_it(nlp: Language) -> None:
    text = "Les bombardements ont blessé 15 personnes mercredi à Odesa, dont une famille avec trois enfants."
    event = read(nlp, text).only()
    assert (event.killed, event.injured) == (None, 15)
    # a part is not the whole: the total stays as vague as it was told
    text = "Les frappes ont fait plusieurs dizaines de blessés lundi à Kharkiv, dont 12 blessés graves."
    assert read(nlp, text).only().injured is None


def test_one_wounded_policeman_is_one_injured(nlp: Language) -> None:
    text = "Un policier a été légèrement blessé lors des heurts qui ont éclaté dimanche à Nantes."
    event = read(nlp, text).only()
    assert event.type == "ASSAULT"
    assert (event.killed, event.injured) == (None, 1)
    assert event.date == "2025-08-17"


def test_a_toll_given_in_the_next_sentence_counts_for_the_attack(nlp: Language) -> None:
    text = "Des frappes ont visé Odesa lundi, selon la Russie. Le bilan s'élève à quatre morts."
    event = read(nlp, text).only()
    assert event.killed == 4
    assert event.text == "Des frappes ont visé Odesa lundi, selon la Russie."


def test_a_toll_told_before_the_attack_is_named_counts_for_it(nlp: Language) -> None:
    text = ("Une explosion dans un marché de Kaboul a fait au moins 7 morts et 15 blessés vendredi. "
            "L'attentat a été revendiqué par un groupe armé.")
    event = read(nlp, text).only()
    assert (event.type, event.killed, event.injured) == ("ASSAULT", 7, 15)


def test_number_words_and_vague_counts() -> None:
    counter = Counter(lang.load("fr"))
    assert counter.number("quinze") == 15
    assert counter.number("vingt-deux") == 22
    assert counter.number("trente et un") == 31
    assert counter.number("quatre-vingt-dix") == 90
    assert counter.number("deux cents") == 200
    assert counter.number("1 800") == 1800
    assert counter.number("dizaine") is VAGUE
    assert counter.number("plusieurs") is VAGUE


def test_a_meeting_with_who_met_whom_where_and_when(nlp: Language) -> None:
    text = ("Le président français Emmanuel Macron a rencontré mardi à Berlin "
            "le chancelier allemand Olaf Scholz.")
    found = read(nlp, text)
    event = found.only()
    assert event.type == "CONSULT"
    assert found.named(event.actors) == ["Emmanuel Macron"]
    assert found.named(event.targets) == ["Olaf Scholz"]
    assert found.named(event.locations) == ["Berlin"]
    assert event.date == "2025-08-19"


@pytest.mark.parametrize(("text", "day", "place"), [
    ("Lors de la séance du conseil municipal de mardi à Rouen, les élus ont adopté le budget.", "2025-08-19",
     "Rouen"),
    ("Le conseil municipal de Nantes s'est réuni lundi soir en séance extraordinaire.", "2025-08-18", "Nantes"),
])
def test_a_sitting_of_a_council_is_a_meeting(nlp: Language, text: str, day: str, place: str) -> None:
    found = read(nlp, text)
    event = found.only()
    assert (event.type, event.date, found.named(event.locations)) == ("CONSULT", day, [place])


@pytest.mark.parametrize(("text", "day", "place"), [
    (("Le secrétaire général de la région, Paul Sawadogo, a présidé, mardi à Tenkodogo, l'ouverture d'un "
     "atelier régional de plaidoyer consacré à la vaccination."), "2025-08-19", "Tenkodogo"),
    ("Le président Alpha Diallo a présidé mercredi à Conakry la réunion du conseil des ministres.", "2025-08-20",
     "Conakry"),
    ("Le ministre a effectué lundi une tournée des usines de la vallée du Rhône à Lyon.", "2025-08-18", "Lyon"),
    ("Le sommet, qui s'est tenu lundi à Genève, pourrait relancer les négociations.", "2025-08-18", "Genève"),
])
def test_workshops_tours_and_meetings_presided_or_held_are_meetings(nlp: Language, text: str, day: str,
                                                                   place: str) -> None:
    found = read(nlp, text)
    event = found.only()
    assert (event.type, event.date, found.named(event.locations)) == ("CONSULT", day, [place])


@pytest.mark.parametrize(("text", "day"), [
    ("Les urgences de l'hôpital d'Épinal sont en grève depuis mardi.", "2025-08-19"),
    ("La mobilisation contre la réforme des retraites a réuni 5000 personnes mardi à Rennes.", "2025-08-19"),
    ("Mardi, plusieurs milliers de personnes s'étaient réunies à Bar-le-Duc pour dire non au projet.", "2025-08-19"),
    ("Mardi, plusieurs dizaines de riverains se sont réunis devant l'hôtel de ville pour interpeller le maire.",
     "2025-08-19"),
])
def test_strikes_mobilisations_and_crowds_gathered_are_protests(nlp: Language, text: str, day: str) -> None:
    event = read(nlp, text).only()
    assert (event.type, event.date) == ("PROTEST", day)


@pytest.mark.parametrize("text", [
    "La mobilisation des pompiers a permis de sauver les habitants de Nîmes lundi.",
    "Les ministres des Finances se sont réunis lundi à Bruxelles.",  # a meeting, not a protest
])
def test_a_mobilisation_of_rescuers_or_a_meeting_of_ministers_is_no_protest(nlp: Language, text: str) -> None:
    assert "PROTEST" not in [e.type for e in read(nlp, text).events]


def test_those_who_hold_a_named_person_detain_him(nlp: Language) -> None:
    event = read(nlp, "Les putschistes qui retiennent le président Mohamed Bazoum depuis mercredi refusent de "
                      "le libérer.").only()
    assert (event.type, event.mode) == ("COERCE", "arrest")


def test_a_phone_call_is_a_consultation_by_phone(nlp: Language) -> None:
    text = ("Le ministre français des Affaires étrangères s'est entretenu jeudi par téléphone "
            "avec son homologue.")
    event = read(nlp, text, date(2024, 3, 20)).only()
    assert (event.type, event.mode, event.date) == ("CONSULT", "phone", "2024-03-14")


def test_a_host_receives_a_visitor_who_is_the_source(nlp: Language) -> None:
    found = read(nlp, "Le président Emmanuel Macron a reçu lundi à l'Elysée le chancelier Olaf Scholz.")
    event = found.only()
    assert (event.type, event.mode) == ("CONSULT", "visit")
    assert "Emmanuel Macron" in found.named(event.targets)  # PLOVER: the host is the target


def test_an_arrest_is_coerce(nlp: Language) -> None:
    found = read(nlp, "La police a interpellé samedi à Lyon un homme soupçonné d'avoir incendié une mosquée.")
    event = found.only()
    assert (event.type, event.mode) == ("COERCE", "arrest")
    assert found.named(event.locations) == ["Lyon"]
    assert event.date == "2025-08-16"


def test_a_demonstration(nlp: Language) -> None:
    text = "Des milliers de personnes ont manifesté dimanche à Paris contre la réforme des retraites."
    found = read(nlp, text)
    event = found.only()
    assert (event.type, event.mode, event.date) == ("PROTEST", "demo", "2025-08-17")
    assert found.named(event.locations) == ["Paris"]


def test_a_demonym_names_the_country_the_article_names(nlp: Language) -> None:
    text = ("La Russie a de nouveau visé l'Ukraine. "
            "Des frappes russes ont touché mercredi le port d'Odesa, selon les autorités.")
    found = read(nlp, text)
    assert [found.named(e.actors) for e in found.events if e.date == "2025-08-20"] == [["Russie"]]


# --- what did not happen ------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Moscou n'a pas frappé Kiev dans la nuit, a assuré le Kremlin.",  # denied
    "L'Iran pourrait attaquer Israël dans les prochains jours, selon des responsables.",  # possible
    "Un sommet entre les deux dirigeants est prévu la semaine prochaine à Genève.",  # planned
    "Le ministre se rendra lundi à Kiev, a annoncé son cabinet.",  # future
    "Si la Chine envahissait Taïwan, les États-Unis interviendraient.",  # hypothetical
    "« Nous avons frappé des cibles militaires à Donetsk », a déclaré lundi un porte-parole.",  # quoted
    "La crise énergétique frappe durement les ménages les plus modestes.",  # no one strikes
    "L'entreprise a rencontré un vif succès lors du salon de Genève en mars.",  # no one is met
    "Lors de la conférence de presse à Berlin, le chancelier a annoncé un plan.",  # a press conference
    "Le syndicat a refusé mardi à Lyon la proposition de la direction.",  # a refusal is a stance
    "Le Sénat a rejeté jeudi le projet de loi, un rejet attendu à Paris.",  # and so is a rejection
    "Une brebis a été attaquée lundi à Gap par un loup.",  # an animal's attack
    "Une nouvelle tuile vient de s'abattre sur les restaurateurs de Nice.",  # bad luck falls
    "Mardi, les avocats ont attaqué la validité de la procédure.",  # a challenge in law
    "Ce conseil municipal de fin d'année détient lundi le débat d'orientation budgétaire.",  # holding a debate
    "Mardi, le jeune homme s'est rendu au tribunal de Lyon pour assister à son procès.",  # going to court
    "Retenu à son bureau, le maire n'a pas pu assister à la cérémonie à Metz lundi.",  # kept busy
    "L'équipe aborde la rencontre contre les Girondins de Bordeaux samedi à Lens.",  # a match
    "La séance de mardi à la Bourse de Paris a été marquée par une forte baisse.",  # a trading day
    "Le chanteur entame mardi à Lyon une tournée de concerts dans toute la France.",  # a singer's tour
    "L'attentat, qui a été déjoué mardi, visait la gare de Lyon.",  # foiled
    "Un attentat déjoué mardi visait la gare de Lyon.",
    "La police a déjoué mardi un attentat contre la gare de Lyon.",
    "Le sommet qui se tiendra lundi à Genève pourrait relancer les négociations.",  # still to come
])
def test_reported_planned_denied_and_hypothetical_events_are_not_coded(nlp: Language, text: str) -> None:
    assert read(nlp, text).events == []


def test_an_event_inside_a_statement_is_reported_by_its_source(nlp: Language) -> None:
    found = read(nlp, "Le ministre Jean Dupont affirme que l'armée russe a bombardé Odessa lundi.")
    event = found.only()
    assert (event.type, event.date, event.modality) == ("ASSAULT", "2025-08-18", "reported")
    assert found.named([event.reported_by]) == ["Jean Dupont"]


def test_an_unnamed_source_is_kept_in_its_own_words(nlp: Language) -> None:
    event = read(nlp, "D'après une source policière, trois suspects ont été arrêtés à Lyon mardi.").only()
    assert (event.type, event.modality, event.reported_by) == ("COERCE", "reported", None)
    assert event.reported_by_text == "une source policière"


def test_an_accusation_reports_the_event_with_the_accused_as_its_actor(nlp: Language) -> None:
    found = read(nlp, "Moscou accuse Kiev d'avoir frappé Belgorod dimanche.")
    event = found.only()
    assert (event.type, event.modality) == ("ASSAULT", "reported")
    assert found.named([event.reported_by]) == ["Moscou"]
    assert found.named(event.actors) == ["Kiev"]


def test_a_suspect_is_not_the_source_of_what_he_is_suspected_of(nlp: Language) -> None:
    found = read(nlp, "Les deux frères, soupçonnés d'avoir attaqué un fourgon à Nîmes, ont été jugés.")
    assert [(e.type, e.modality, e.reported_by, e.reported_by_text) for e in found.events] == [
        ("ASSAULT", "reported", None, None)]


def test_the_conditional_of_hearsay_reports_an_event(nlp: Language) -> None:
    event = read(nlp, "Deux femmes auraient été assassinées dans une résidence de Laval lundi.").only()
    assert (event.type, event.date, event.modality, event.reported_by) == ("ASSAULT", "2025-08-18", "reported", None)


@pytest.mark.parametrize("text", [
    "Si la Chine avait envahi Taïwan, les États-Unis auraient bombardé Pékin.",
    "Les États-Unis auraient bombardé Pékin si la Chine avait envahi Taïwan.",
    "L'armée aurait pu bombarder Kharkiv lundi.",
])
def test_the_conditional_of_a_hypothesis_or_a_possibility_tells_no_event(nlp: Language, text: str) -> None:
    assert read(nlp, text).events == []


@pytest.mark.parametrize(("text", "denier"), [
    ("Le Kremlin a démenti avoir bombardé un hôpital à Marioupol.", "Kremlin"),
    ("L'armée russe dément avoir bombardé l'hôpital de Kharkiv lundi.", "L'armée russe"),  # "dément" an adverb
])
def test_an_event_a_party_denies_is_kept_as_denied_by_it(nlp: Language, text: str, denier: str) -> None:
    found = read(nlp, text)
    event = found.only()
    assert (event.type, event.modality) == ("ASSAULT", "denied")
    assert (found.names.get(event.reported_by or "") or event.reported_by_text) == denier


def test_the_article_asserting_an_event_a_statement_also_reports_makes_it_asserted(nlp: Language) -> None:
    text = ("Des missiles ont frappé Odessa lundi. Selon le gouverneur, les missiles ont frappé Odessa "
            "dans la nuit de lundi.")
    event = read(nlp, text).only()
    assert (event.modality, event.reported_by, event.reported_by_text) == ("asserted", None, None)


def test_words_in_quotation_marks_count_when_the_article_asserts_them(nlp: Language) -> None:
    text = ("Le Conseil européen a décidé jeudi de « suspendre toutes les livraisons » d'armes à la Serbie, "
            "a indiqué son président.")
    found = read(nlp, text)
    assert [(e.type, e.date) for e in found.events] == [("SANCTION", "2025-08-21")]


def test_only_a_party_threatens(nlp: Language) -> None:
    found = read(nlp, "Une grève des contrôleurs menace les départs en vacances à Lyon ce week-end.")
    assert "THREATEN" not in [e.type for e in found.events]


def test_a_threat_to_strike_is_a_threat_not_a_strike(nlp: Language) -> None:
    found = read(nlp, "La Russie menace de frapper les livraisons d'armes occidentales.")
    assert [e.type for e in found.events] == ["THREATEN"]
    assert found.named(found.events[0].actors) == ["Russie"]


# --- one event, told several times ----------------------------------------------------------------


def test_the_attack_told_again_is_one_event_with_both_tellings_facts(nlp: Language) -> None:
    text = ("La Russie a lancé dans la nuit de mardi à mercredi une vague de frappes sur Kiev.\n"
            "L'attaque a fait trois morts, selon le maire de la capitale.")
    event = read(nlp, text).only()
    assert (event.type, event.date, event.killed) == ("ASSAULT", "2025-08-19", 3)
    assert event.text == "La Russie a lancé dans la nuit de mardi à mercredi une vague de frappes sur Kiev."


def test_two_meetings_in_one_sentence_stay_two(nlp: Language) -> None:
    text = ("Le chancelier allemand Olaf Scholz a rencontré jeudi dernier le président chinois Xi Jinping "
            "à Pékin et a reçu lundi le Premier ministre indien Narendra Modi à Berlin.")
    found = read(nlp, text)
    assert [(e.type, e.mode, e.date) for e in found.events] == [
        ("CONSULT", None, "2025-08-14"), ("CONSULT", "visit", "2025-08-18")]
    assert [found.named(e.locations) for e in found.events] == [["Pékin"], ["Berlin"]]
    assert [found.named(e.actors) for e in found.events] == [["Olaf Scholz"], ["Narendra Modi"]]


def test_offsets_point_at_the_evidence_in_a_longer_text(nlp: Language) -> None:
    text = ("Kiev sous les bombes\n\n"
            "Des missiles ont frappé lundi le centre de Kiev, faisant deux morts.\n"
            "Le président Volodymyr Zelensky a rencontré mardi à Kiev le secrétaire général de l'OTAN.\n"
            "La police a arrêté mercredi à Lviv trois hommes soupçonnés de sabotage.")
    found = read(nlp, text)
    assert [e.type for e in found.events] == ["ASSAULT", "CONSULT", "COERCE"]
    assert [e.text.split()[0] for e in found.events] == ["Des", "Le", "La"]
    assert found.events[0].killed == 2
