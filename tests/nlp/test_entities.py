"""Named entities in French wire copy: one entity per referent, clean names, roles, exact offsets.

Each test analyses a few sentences written for it (not taken from the evaluation corpus) and
reads the entities the way a user of `veille.analyze` would.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

import veille
from veille.model import Analysis, Entity
from veille.nlp import models

FRIDAY = "2025-03-14"

Analyse = Callable[[str], Analysis]


@pytest.fixture(scope="module")
def analyse() -> Analyse:
    """`veille.analyze` on a Friday's French article, with the model loaded once for the module.

    The language is given: a one-sentence text is too short for detection to be the point here.
    """
    models.load("fr")

    def run(text: str) -> Analysis:
        return veille.analyze(text, published=FRIDAY, language="fr")

    return run


def holder(analysis: Analysis, surface: str) -> Entity:
    """The one entity that has a mention written `surface`."""
    found = [e for e in analysis.entities if any(m.text == surface for m in e.mentions)]
    assert len(found) == 1, f"{surface!r} is held by {[e.name for e in found]}"
    return found[0]


def names(analysis: Analysis) -> set[str]:
    return {e.name for e in analysis.entities}


def mention_texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


# --- one referent, one entity ---------------------------------------------------------------------


def test_full_name_courtesy_title_and_surname_are_one_person(analyse: Analyse) -> None:
    text = ("Le chef du gouvernement espagnol Pedro Sánchez a annoncé mardi des élections anticipées. "
            "M. Sánchez a justifié sa décision par la défaite de son parti aux municipales. "
            "Sánchez espère ainsi reprendre la main avant l'été.")
    analysis = analyse(text)

    sanchez = holder(analysis, "Pedro Sánchez")
    assert sanchez.type == "PER"
    assert sanchez.name == "Pedro Sánchez"
    assert mention_texts(sanchez) == ["Pedro Sánchez", "M. Sánchez", "Sánchez"]
    assert [e.name for e in analysis.entities].count("Pedro Sánchez") == 1


def test_madame_and_surname_join_the_full_name(analyse: Analyse) -> None:
    text = ("La commissaire européenne à la Concurrence, Teresa Ribera, a ouvert mardi une enquête sur Temu. "
            "Mme Ribera a donné trois mois à la plateforme pour répondre. "
            "Pour Ribera, les règles du marché unique doivent s'appliquer à tous.")
    analysis = analyse(text)

    ribera = holder(analysis, "Mme Ribera")
    assert ribera.name == "Teresa Ribera"
    assert mention_texts(ribera) == ["Teresa Ribera", "Mme Ribera", "Ribera"]


def test_two_people_sharing_no_name_stay_apart(analyse: Analyse) -> None:
    text = ("Le président brésilien Luiz Inácio Lula da Silva a reçu lundi le chancelier allemand Friedrich Merz. "
            "Lula a plaidé pour un accord commercial rapide, tandis que M. Merz a réclamé des garanties.")
    analysis = analyse(text)

    lula, merz = holder(analysis, "Luiz Inácio Lula da Silva"), holder(analysis, "Friedrich Merz")
    assert lula is not merz
    assert "M. Merz" in mention_texts(merz)
    assert "M. Merz" not in mention_texts(lula)


# --- names as the article writes them, without articles ------------------------------------------


@pytest.mark.parametrize(("text", "written", "name"), [
    ("Les chefs d'état-major de l'OTAN se retrouvent jeudi à Bruxelles pour parler de l'aide militaire.",
     "OTAN", "OTAN"),
    ("La Commission européenne a infligé une amende de 500 millions d'euros au groupe Apple.",
     "Commission européenne", "Commission européenne"),
    ("L’ONU a réclamé mardi l’ouverture d’un couloir humanitaire vers Gaza.",
     "ONU", "ONU"),
])
def test_the_article_before_a_name_is_not_part_of_it(analyse: Analyse, text: str, written: str, name: str) -> None:
    analysis = analyse(text)

    entity = holder(analysis, written)
    assert entity.name == name
    assert not any(m.text.lower().startswith(("l'", "l’", "la ", "le ")) for e in analysis.entities for m in e.mentions)


def test_an_organisation_has_no_role(analyse: Analyse) -> None:
    analysis = analyse("La Commission européenne, principale autorité de la concurrence en Europe, a ouvert une enquête.")

    assert holder(analysis, "Commission européenne").role is None


# --- acronyms and spellings -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "full", "acronym"), [
    # the initials match the name
    (("Le Rassemblement national (RN) a déposé mercredi une motion de censure. "
      "Le RN compte sur les voix de la gauche pour faire tomber le gouvernement."),
     "Rassemblement national", "RN"),
    # they do not ("l'énergie"): only the brackets say that the two name one body
    (("L'Agence internationale de l'énergie atomique (AIEA) a envoyé des inspecteurs en Iran. "
      "Les experts de l'AIEA doivent rendre leur rapport lundi."),
     "Agence internationale de l'énergie atomique", "AIEA"),
])
def test_an_acronym_in_brackets_is_the_same_organisation(analyse: Analyse, text: str, full: str,
                                                         acronym: str) -> None:
    analysis = analyse(text)

    body = holder(analysis, full)
    assert body.type == "ORG"
    assert body.name == full
    assert mention_texts(body).count(acronym) == 2  # in the brackets and repeated later
    assert acronym not in names(analysis)


@pytest.mark.parametrize(("text", "first", "second"), [
    (("Kiev a été visée par des drones dans la nuit de mardi à mercredi. "
      "Le maire de Kyiv a fait état de deux blessés dans le quartier de Podil."), "Kiev", "Kyiv"),
    ("Odessa a de nouveau été bombardée dans la nuit. Le port d'Odesa reste pourtant ouvert aux céréaliers.",
     "Odessa", "Odesa"),
])
def test_spellings_of_one_place_listed_in_the_lexicon_are_one_entity(analyse: Analyse, text: str, first: str,
                                                                      second: str) -> None:
    analysis = analyse(text)

    city = holder(analysis, first)
    assert city is holder(analysis, second)
    assert city.type == "LOC"


@pytest.mark.xfail(strict=True, reason="spaCy misses the first 'OTAN' and the lexicon search for variants "
                                       "never looks for a group's first spelling: the entity is 'Otan' with "
                                       "only the second mention")
def test_the_first_spelling_of_a_lexicon_group_is_found_when_the_recogniser_misses_it(analyse: Analyse) -> None:
    text = ("Les ministres de la Défense de l'OTAN se réunissent jeudi à Bruxelles. "
            "L'Otan doit aussi discuter de l'aide à l'Ukraine.")
    analysis = analyse(text)

    alliance = holder(analysis, "Otan")
    assert mention_texts(alliance) == ["OTAN", "Otan"]


# --- roles ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "person", "role"), [
    (("Kristalina Georgieva, directrice générale du Fonds monétaire international, a salué mercredi "
      "les efforts budgétaires de l'Argentine."),
     "Kristalina Georgieva", "directrice générale du Fonds monétaire international"),
    (("Fatih Birol, directeur exécutif de l'Agence internationale de l'énergie, a jugé le marché pétrolier "
      "« très tendu » pour l'hiver."),
     "Fatih Birol", "directeur exécutif de l'Agence internationale de l'énergie"),
    # trades and functions, not only offices
    ("Selon Julie Marchand, employée du centre d'appels de la clinique, les appels ont doublé.",
     "Julie Marchand", "employée du centre d'appels de la clinique"),
    ("Le prix a été remis à Marie Ndiaye, autrice de Trois femmes puissantes, a annoncé le jury.",
     "Marie Ndiaye", "autrice de Trois femmes puissantes"),
])
def test_role_from_an_apposition_after_the_name(analyse: Analyse, text: str, person: str, role: str) -> None:
    entity = holder(analyse(text), person)

    assert entity.type == "PER"
    assert entity.role == role


@pytest.mark.parametrize(("text", "person", "role"), [
    ("La ministre de la Culture, Rachida Dati, a inauguré samedi un musée consacré à la photographie.",
     "Rachida Dati", "ministre de la Culture"),
    ("Le Premier ministre, François Bayrou, a reçu les partenaires sociaux à Matignon.",
     "François Bayrou", "Premier ministre"),
    # a title whose complement is a name ("de Lyon", "de l'AIEA")
    ("Le maire de Lyon, Grégory Doucet, a inauguré jeudi une nouvelle ligne de tramway.",
     "Grégory Doucet", "maire de Lyon"),
    ("Le directeur de l'AIEA, Rafael Grossi, doit se rendre lundi à Téhéran.",
     "Rafael Grossi", "directeur de l'AIEA"),
    # an acronym in brackets after the body does not end the title
    (("Le président de la Fédération nationale des syndicats d'exploitants agricoles (FNSEA), Arnaud Rousseau, "
     "a appelé au calme."), "Arnaud Rousseau", ("président de la Fédération nationale des syndicats d'exploitants "
     "agricoles (FNSEA)")),
])
def test_role_from_an_apposition_before_the_name(analyse: Analyse, text: str, person: str, role: str) -> None:
    assert holder(analyse(text), person).role == role


@pytest.mark.parametrize(("text", "person", "role"), [
    ("La ministre de la Culture Rachida Dati a inauguré un musée à Lyon.", "Rachida Dati", "ministre de la Culture"),
    ("Le ministre de l'Économie Bruno Le Maire a détaillé ses mesures.", "Bruno Le Maire", "ministre de l'Économie"),
])
def test_a_portfolio_run_into_the_name_is_the_persons_role(analyse: Analyse, text: str, person: str,
                                                           role: str) -> None:
    entity = holder(analyse(text), person)
    assert (entity.type, entity.name, entity.role) == ("PER", person, role)


@pytest.mark.parametrize(("text", "name"), [
    ("Le Groupe Proximus a annoncé un plan. Proximus emploie 11 000 personnes en Belgique.", "Groupe Proximus"),
    ("La pollution de la mer Méditerranée inquiète. La Méditerranée se réchauffe vite.", "mer Méditerranée"),
    ("Le Groupe Chimique Tunisien est accusé de polluer Gabès. Le Groupe Chimique dément.",
     "Groupe Chimique Tunisien"),
])
def test_a_body_named_without_its_generic_head_or_nationality_is_one_entity(analyse: Analyse, text: str,
                                                                           name: str) -> None:
    named = [e for e in analyse(text).entities if e.name not in ("Gabès", "Belgique")]
    assert [(e.name, len(e.mentions)) for e in named] == [(name, 2)]


@pytest.mark.parametrize(("text", "name", "count"), [
    (("La Guinée Forestière souffre de la déforestation. En Guinée forestière, la coupe est interdite. "
     "La Guinée Forestière compte deux millions d'habitants."), "Guinée Forestière", 3),  # a capital less
    (("À Saint-Pierre, la rentrée judiciaire a eu lieu vendredi. Le barreau de St-Pierre compte 80 avocats. "
     "Saint-Pierre attend."), "Saint-Pierre", 3),  # an abbreviation
    ("Le maire Joël Bruneau a porté plainte. M.Bruneau a constaté les dégâts.", "Joël Bruneau", 2),  # no space
    ("Le patient a été admis à l'hôpital Saint-François-d'Assise. Saint-François-d'Assise manque de lits.",
     "hôpital Saint-François-d'Assise", 2),
])
def test_one_name_written_two_ways_is_one_entity(analyse: Analyse, text: str, name: str, count: int) -> None:
    (entity,) = [e for e in analyse(text).entities if name in e.name or e.name in name]
    assert (entity.name, len(entity.mentions)) == (name, count)


def test_a_slip_in_a_surname_is_the_same_person() -> None:
    analysis = veille.analyze("La Première ministre Elisabeth Borne a défendu la réforme. « Nous irons au bout », "
                              "a dit Elisabeth Born mardi. Elisabeth Borne a ensuite quitté la salle.", language="fr")
    (person,) = analysis.entities
    assert person.name == "Elisabeth Borne" and len(person.mentions) == 3
    assert [q.speaker for q in analysis.quotes] == [person.id]


def test_two_people_whose_surnames_differ_by_more_than_a_slip_stay_two(analyse: Analyse) -> None:
    assert [e.name for e in analyse("Jean Martin et Jean Marton ont été élus.").entities] == ["Jean Martin",
                                                                                             "Jean Marton"]


@pytest.mark.parametrize(("text", "person", "role"), [
    ("Marie Dupont, qui dirige le syndicat des infirmiers de Lyon, a dénoncé la fermeture.", "Marie Dupont",
     "dirige le syndicat des infirmiers de Lyon"),
    ("Paul Martin, qui préside l'association des riverains, a saisi la justice.", "Paul Martin",
     "préside l'association des riverains"),
    ("Jean Roux, qui est maire de Tulle, a annoncé sa candidature.", "Jean Roux", "maire de Tulle"),
])
def test_role_from_a_relative_clause_after_the_name(analyse: Analyse, text: str, person: str, role: str) -> None:
    assert holder(analyse(text), person).role == role


def test_a_relative_clause_that_tells_no_function_is_no_role(analyse: Analyse) -> None:
    assert holder(analyse("Jean Roux, qui est arrivé mardi, a annoncé sa candidature."), "Jean Roux").role is None


def test_a_coach_called_the_technician_is_still_found(analyse: Analyse) -> None:
    analysis = analyse("L'entraîneur du Stade rennais, Habib Beye, a regretté la défaite. « Nous avons manqué "
                       "de réalisme », a expliqué le technicien sénégalais.")
    (quote,) = analysis.quotes
    assert quote.speaker == holder(analysis, "Habib Beye").id


@pytest.mark.parametrize(("text", "person", "role"), [
    ("Le président russe Vladimir Poutine a reçu son homologue chinois au Kremlin.",
     "Vladimir Poutine", "président russe"),
    ("La Première ministre italienne Giorgia Meloni a rencontré jeudi le pape au Vatican.",
     "Giorgia Meloni", "Première ministre italienne"),
    ("Au Brésil, le président Luiz Inácio Lula da Silva a inauguré lundi un barrage en Amazonie.",
     "Luiz Inácio Lula da Silva", "président"),
])
def test_role_from_a_title_right_before_the_name(analyse: Analyse, text: str, person: str, role: str) -> None:
    assert holder(analyse(text), person).role == role


def test_a_role_found_at_one_mention_belongs_to_the_person(analyse: Analyse) -> None:
    text = ("M. Grossi est arrivé lundi à Téhéran. Rafael Grossi, directeur général de l'AIEA, doit y rencontrer "
            "des responsables iraniens.")
    grossi = holder(analyse(text), "M. Grossi")

    assert grossi.name == "Rafael Grossi"
    assert grossi.role == "directeur général de l'AIEA"


# --- what is not an entity ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "demonyms"), [
    ("Les Ukrainiens se préparent à un nouvel hiver sous les bombes.", ["Ukrainiens"]),
    ("Les Polonais et les Roumains suivent de près le scrutin en Moldavie.", ["Polonais", "Roumains"]),
    ("Les Japonais ont élu dimanche leur nouveau Parlement, une semaine après les Allemands.",
     ["Japonais", "Allemands"]),
])
def test_a_people_named_in_the_plural_is_not_an_entity(analyse: Analyse, text: str, demonyms: list[str]) -> None:
    analysis = analyse(text)

    mentioned = {m.text for e in analysis.entities for m in e.mentions}
    assert not mentioned & set(demonyms)


@pytest.mark.parametrize("text", [
    "Vidéo\nLes pompiers luttent depuis trois jours contre un incendie dans les Landes.",
    "Photo\nLes pompiers luttent depuis trois jours contre un incendie dans les Landes.",
    "Mise à jour\nLes pompiers luttent depuis trois jours contre un incendie dans les Landes.",
    "Reconstruire après les flammes\nLes pompiers luttent depuis trois jours contre un incendie dans les Landes.",
    "Selon les pompiers, le feu a parcouru 800 hectares dans les Landes. Mais le vent faiblit depuis lundi.",
    pytest.param(
        "Les pompiers luttent depuis trois jours contre un incendie dans les Landes.\nLire aussi\n"),
    ("Les pompiers luttent depuis trois jours contre un incendie dans les Landes.\n"
    "Lire aussi : Incendies : la saison la plus précoce depuis vingt ans\n"),
])
def test_page_furniture_and_capitalised_words_are_dropped(analyse: Analyse, text: str) -> None:
    analysis = analyse(text)

    assert names(analysis) == {"Landes"}


@pytest.mark.parametrize(("text", "name"), [
    ("La Cour de cassation a confirmé mercredi la condamnation de l'ancien maire.", "Cour de cassation"),
    pytest.param("Le Conseil constitutionnel a censuré jeudi plusieurs articles de la loi sur l'immigration.",
                 "Conseil constitutionnel"),
    pytest.param("Deux pétroliers ont été attaqués en mer Noire, a indiqué l'armée ukrainienne.", "mer Noire"),
])
def test_a_name_is_not_cut_to_its_capitalised_word(analyse: Analyse, text: str, name: str) -> None:
    assert name in names(analyse(text))


@pytest.mark.parametrize(("text", "city"), [
    ("PARIS (AFP) – Les pompiers luttent depuis trois jours contre un incendie dans les Landes.", "PARIS"),
    ("BRUXELLES (Reuters) - La Commission européenne a ouvert mardi une enquête sur Temu.", "BRUXELLES"),
    ("MOREUIL, Somme (Reuters) - Le feu a détruit trois hangars, a annoncé la préfecture.", "Somme"),
])
def test_the_agency_of_a_dateline_is_not_another_name_of_the_city(analyse: Analyse, text: str, city: str) -> None:
    place = holder(analyse(text), city)

    assert mention_texts(place) == [city]


def test_a_demonym_as_adjective_does_not_hide_the_country(analyse: Analyse) -> None:
    analysis = analyse("Les Ukrainiens ont accueilli des réfugiés venus de Moldavie, a indiqué l'armée ukrainienne.")

    assert "Moldavie" in names(analysis)
    assert "Ukrainiens" not in names(analysis)


# --- offsets --------------------------------------------------------------------------------------


def test_every_mention_points_at_its_words(analyse: Analyse) -> None:
    # French typography: curly apostrophes, non-breaking spaces inside guillemets, several paragraphs
    text = ("BRUXELLES (AFP) – La présidente de la Commission européenne, Ursula von der Leyen, a présenté "
            "mercredi son plan pour l’industrie de défense.\n\n"
            "« L’Europe doit produire davantage\u00a0», a déclaré Mme von der Leyen devant le Parlement "
            "européen à Strasbourg.\n\n"
            "L’OTAN et l’Union européenne coordonnent déjà leurs achats, selon le secrétaire général de "
            "l’Alliance, Mark Rutte.")
    analysis = analyse(text)

    assert analysis.entities
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text
            assert mention.text == mention.text.strip(" \u00a0\n,.;:«»’'")
    leyen = holder(analysis, "Ursula von der Leyen")
    assert "Mme von der Leyen" in mention_texts(leyen)


def test_mentions_of_an_entity_are_in_text_order_and_do_not_overlap(analyse: Analyse) -> None:
    text = ("La Banque centrale européenne (BCE) a laissé ses taux inchangés jeudi. La BCE surveille l'inflation "
            "en zone euro, a expliqué sa présidente Christine Lagarde. Mme Lagarde s'exprimait à Francfort.")
    analysis = analyse(text)

    spans = sorted((m.start, m.end) for e in analysis.entities for m in e.mentions)
    assert all(end <= next_start for (_, end), (next_start, _) in itertools.pairwise(spans))
    for entity in analysis.entities:
        assert [m.start for m in entity.mentions] == sorted(m.start for m in entity.mentions)
    assert [e.id for e in analysis.entities] == [f"e{n}" for n in range(1, len(analysis.entities) + 1)]


def test_a_surname_written_first_after_a_courtesy_title_is_the_same_person(analyse: Analyse) -> None:
    text = ("Me Kouadio Serge plaidait jeudi pour trois accusés. Plus tard, Me Kouadio a expliqué que les "
            "charges n'étaient pas fondées.")
    analysis = analyse(text)

    people = [e for e in analysis.entities if e.type == "PER"]
    assert len(people) == 1, [e.name for e in people]
    assert {m.text for m in people[0].mentions} >= {"Me Kouadio"}



@pytest.mark.parametrize(("text", "named", "kind"), [
    ("Le directeur du Centre hospitalier Marcel Vautrin a présenté ses vœux au personnel.",
     "Centre hospitalier Marcel Vautrin", "ORG"),
    ("Les parents d'élèves du collège Hélène Boucher ont été reçus par le recteur.",
     "collège Hélène Boucher", "ORG"),
    ("Le cortège a remonté l'avenue Georges Clemenceau jusqu'à la préfecture.",
     "avenue Georges Clemenceau", "LOC"),
])
def test_a_body_or_a_place_named_after_a_person_is_not_that_person(analyse: Analyse, text: str, named: str,
                                                                    kind: str) -> None:
    analysis = analyse(text)

    entity = holder(analysis, named)
    assert entity.type == kind
    assert not [e.name for e in analysis.entities if e.type == "PER"]


@pytest.mark.parametrize(("text", "named"), [
    ("La Fondation Hélène-Marchetti a versé un million d'euros aux sinistrés.", "Fondation Hélène-Marchetti"),
    ("La Banque Lanval-Girard a suivi avec un prêt sans intérêt.", "Banque Lanval-Girard"),
])
def test_a_name_that_opens_with_a_body_noun_names_a_body(analyse: Analyse, text: str, named: str) -> None:
    assert holder(analyse(text), named).type == "ORG"


def test_a_body_named_in_full_is_not_a_person_for_its_acronym(analyse: Analyse) -> None:
    text = ("Le gouverneur de la Banque de Vernelle (BDV), Paul Girard, a présenté le rapport. La BDV "
            "relève son taux. Selon la BDV, la croissance reprendra.")
    analysis = analyse(text)

    assert holder(analysis, "Banque de Vernelle").type == "ORG"


# --- what kind of thing a name names, and what names nothing ----------------------------------------


@pytest.mark.parametrize(("text", "kept"), [
    ("« Revenez demain », a lancé le gardien du musée de Lyon aux visiteurs.", set()),
    ("Effectivement, la mairie de Nantes a confirmé l'incident mardi soir.", {"Nantes"}),
    ("Calme. Le vent est tombé sur Brest dans la nuit.", {"Brest"}),
])
def test_a_common_word_capitalised_by_its_place_names_nothing(analyse: Analyse, text: str, kept: set[str]) -> None:
    found = names(analyse(text))

    assert not found & {"Revenez", "Effectivement", "Calme"}
    assert kept <= found


def test_a_city_at_the_start_of_a_sentence_stays_a_city(analyse: Analyse) -> None:
    assert holder(analyse("Tours a accueilli samedi le congrès des maires du Centre."), "Tours").type == "LOC"


def test_competitions_and_diseases_are_not_actors(analyse: Analyse) -> None:
    analysis = analyse("La Coupe du monde de rugby commence vendredi à Marseille. Le Covid-19 a fait trois morts "
                       "à Grenoble cette semaine, selon l'agence régionale de santé.")

    assert {e.type for e in analysis.entities} == {"LOC"}
    assert names(analysis) == {"Marseille", "Grenoble"}


@pytest.mark.parametrize(("text", "bodies"), [
    ("Le ministre a publié un long message sur Facebook, a rapporté l'AFP.", {"Facebook", "AFP"}),
    ("Selon la Maison Blanche, le président recevra son homologue mardi.", {"Maison Blanche"}),
    ("Le Kremlin a démenti toute implication, selon Reuters.", {"Kremlin", "Reuters"}),
])
def test_agencies_platforms_and_seats_of_power_are_organisations(analyse: Analyse, text: str,
                                                                  bodies: set[str]) -> None:
    analysis = analyse(text)

    assert {e.name for e in analysis.entities if e.type == "ORG"} == bodies


def test_a_country_is_a_place_and_its_people_are_not(analyse: Analyse) -> None:
    countries = analyse("La Belgique et la Suisse ont signé l'accord à Genève.")
    people = analyse("Les Suisses ont voté non. Un Suisse a été arrêté à la frontière.")

    assert {(e.name, e.type) for e in countries.entities} == {("Belgique", "LOC"), ("Suisse", "LOC"), ("Genève", "LOC")}
    assert "Suisse" not in names(people) and "Suisses" not in names(people)


def test_the_subject_of_the_next_clause_is_no_role(analyse: Analyse) -> None:
    analysis = analyse("Dans un communiqué publié sur sa page Facebook, le ministère de la Santé annonce trois "
                       "nouveaux cas.")

    assert holder(analysis, "Facebook").role is None
    assert holder(analysis, "ministère de la Santé").type == "ORG"


def test_a_court_named_after_its_town_is_not_the_town(analyse: Analyse) -> None:
    analysis = analyse("Le tribunal de Lyon a renvoyé le procès au 13 septembre. À Lyon, les soutiens des "
                       "policiers ont protesté.")

    assert holder(analysis, "tribunal de Lyon").type == "ORG"
    assert mention_texts(holder(analysis, "Lyon")) == ["Lyon"]


@pytest.mark.parametrize("text", [
    "Le ministre de la Santé a reçu mardi les représentants des infirmiers.",
    "La Mairie a confirmé la fermeture du gymnase, et le Gouvernement a promis une aide.",
    "Les Marseillais ont manifesté samedi sur le Vieux-Port, rejoints par des Toulousains.",
])
def test_portfolios_institution_nouns_and_townspeople_are_no_names(analyse: Analyse, text: str) -> None:
    assert not names(analyse(text)) & {"Santé", "Mairie", "Gouvernement", "Marseillais", "Toulousains"}


@pytest.mark.parametrize("text", [
    "La ministre de l'Aménagement du territoire a répondu mardi aux questions des députés.",
    "Le ministre wallon de l'Economie a été entendu par la commission.",
    "Ils sont responsables dans les ministères de la Santé, de la Défense, de la Sécurité et de l'Intérieur.",
])
def test_portfolios_of_several_words_or_in_a_list_are_no_names(analyse: Analyse, text: str) -> None:
    assert not names(analyse(text)) & {"Aménagement du territoire", "Economie", "Santé", "Défense", "Sécurité",
                                        "Intérieur", "Sécurité et de l'Intérieur"}


def test_a_ministry_keeps_its_name_as_a_body(analyse: Analyse) -> None:
    analysis = analyse("« La situation est grave », a indiqué lundi le ministère des Affaires étrangères.")
    assert names(analysis) == {"ministère des Affaires étrangères"}


@pytest.mark.parametrize(("text", "body"), [
    ("Le patient a été transféré au CHU de Nantes dans la nuit.", "CHU de Nantes"),
    ("La Ville de Québec a annoncé la fermeture de la piscine.", "Ville de Québec"),
    ("Les élus de Dijon Métropole ont voté le budget.", "Dijon Métropole"),
])
def test_a_hospital_a_city_council_or_a_metropolis_is_a_body_not_a_place(analyse: Analyse, text: str,
                                                                        body: str) -> None:
    assert holder(analyse(text), body).type == "ORG"


def test_a_party_written_with_its_own_article_keeps_its_name(analyse: Analyse) -> None:
    analysis = analyse("Le texte a été adopté mardi, mais Les Républicains ont voté contre.")

    assert "Républicains" in names(analysis)


def test_a_persons_apposition_without_its_closing_comma_is_still_a_role(analyse: Analyse) -> None:
    analysis = analyse("En ouverture de séance, Marc Lefèvre, le maire de Vannes rappelle que le budget est serré.")

    assert holder(analysis, "Marc Lefèvre").role == "maire de Vannes"


def test_an_article_that_opens_a_paragraph_is_not_the_names_own(analyse: Analyse) -> None:
    analysis = analyse("Une quinzaine « hors norme »\n\nLes Jeux olympiques de Paris se sont achevés dimanche soir.")

    assert "Jeux olympiques de Paris" not in names(analysis)
