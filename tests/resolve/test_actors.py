"""One actor per referent across articles, whatever each article calls them."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import entity, offensive, summit

from veille.model import Analysis, Article, Entity, Span
from veille.read.records import body_hash
from veille.resolve.actors import Actor, Actors


def link(actors: Actors, analysis: Analysis) -> dict[str, int]:
    return actors.link(analysis.to_dict()["entities"], analysis.article.published)


def article(text: str, *entities: Any, published: str = "2025-08-21") -> Analysis:
    """One article naming `entities`, given as (name, type, role) with the name written in `text`."""
    found = [entity(text, f"e{n}", name, type, role=role) for n, (name, type, role) in enumerate(entities, 1)]
    return Analysis(Article("a", text, body_hash(text), "fr", published=published), entities=found)


def test_a_full_name_then_a_surname_are_one_actor_with_both_aliases() -> None:
    actors = Actors()

    first, second = link(actors, summit()), link(actors, offensive())

    putin = actors.by_id[first["e1"]]
    assert second["e1"] == putin.id
    assert (putin.name, putin.country) == ("Vladimir Poutine", "RU")
    assert dict(putin.aliases) == {"Vladimir Poutine": 1, "Poutine": 1}
    assert (putin.first_seen, putin.last_seen) == ("2025-08-15", "2025-08-20")


def test_a_surname_seen_first_is_completed_by_the_full_name() -> None:
    actors = Actors()

    first, second = link(actors, offensive()), link(actors, summit())

    assert first["e1"] == second["e1"]
    assert actors.by_id[first["e1"]].name == "Vladimir Poutine"


def test_a_courtesy_title_or_an_initial_does_not_make_another_person() -> None:
    actors = Actors()
    lavrov = link(actors, article("Sergueï Lavrov a parlé.", ("Sergueï Lavrov", "PER", None)))["e1"]
    putin = link(actors, summit())["e1"]

    assert link(actors, article("M. Lavrov a répondu.", ("M. Lavrov", "PER", None)))["e1"] == lavrov
    assert link(actors, article("V. Poutine a signé.", ("V. Poutine", "PER", None)))["e1"] == putin


def test_another_first_name_is_another_person() -> None:
    actors = Actors()
    putin = link(actors, summit())["e1"]

    other = link(actors, article("Lioudmila Poutine a divorcé en 2013.", ("Lioudmila Poutine", "PER", None)))

    assert other["e1"] != putin


def test_a_surname_two_people_share_stays_apart_as_ambiguous() -> None:
    actors = Actors()
    marine = link(actors, article("Marine Le Pen a répondu.", ("Marine Le Pen", "PER", None)))["e1"]
    father = link(actors, article("Jean-Marie Le Pen est mort.", ("Jean-Marie Le Pen", "PER", None)))["e1"]

    first = link(actors, article("Le Pen a dénoncé la réforme.", ("Le Pen", "PER", None)))["e1"]
    again = link(actors, article("Le Pen a voté contre.", ("Le Pen", "PER", None)))["e1"]

    assert first == again and first not in (marine, father)
    assert actors.by_id[first].ambiguous
    assert "Le Pen" not in actors.by_id[marine].aliases and "Le Pen" not in actors.by_id[father].aliases


def test_the_country_in_a_title_tells_namesakes_apart() -> None:
    actors = Actors()
    boris = link(actors, article("Boris Johnson, ancien Premier ministre britannique.",
                                 ("Boris Johnson", "PER", "ancien Premier ministre britannique")))["e1"]
    mike = link(actors, article("Mike Johnson, le président américain de la Chambre.",
                                ("Mike Johnson", "PER", "président américain de la Chambre")))["e1"]

    british = link(actors, article("Johnson, l'ex-Premier ministre britannique, a ri.",
                                   ("Johnson", "PER", "ex-Premier ministre britannique")))["e1"]
    unknown = link(actors, article("Johnson a ri.", ("Johnson", "PER", None)))["e1"]

    assert british == boris
    assert unknown not in (boris, mike) and actors.by_id[unknown].ambiguous


@pytest.mark.parametrize(("text", "name", "role", "country"), [
    ("Le président russe Vladimir Poutine.", "Vladimir Poutine", "président russe", "RU"),
    ("L'amiral italien Giuseppe Cavo Dragone.", "Giuseppe Cavo Dragone", "amiral italien", "IT"),
    ("Tobias Billstrom, ministre suédois des Affaires étrangères.", "Tobias Billstrom",
     "ministre suédois des Affaires étrangères", "SE"),
    ("Hervé Magro, ambassadeur de France en Turquie.", "Hervé Magro", "ambassadeur de France en Turquie", "FR"),
    ("Dan Caine, président de l'état-major interarmées.", "Dan Caine", "président de l'état-major interarmées",
     None),
])
def test_a_person_gets_the_country_of_their_title(text: str, name: str, role: str, country: str | None) -> None:
    actors = Actors()

    linked = link(actors, article(text, (name, "PER", role)))

    assert actors.by_id[linked["e1"]].country == country


def test_organisations_meet_under_the_variants_the_lexicon_lists() -> None:
    actors = Actors()
    nato = link(actors, article("L'OTAN se réunit.", ("OTAN", "ORG", None)))["e1"]
    house = link(actors, article("La Maison-Blanche a démenti.", ("Maison-Blanche", "LOC", None)))["e1"]

    assert link(actors, article("NATO leaders met.", ("NATO", "ORG", None)))["e1"] == nato
    assert link(actors, article("La Maison Blanche dément.", ("Maison Blanche", "ORG", None)))["e1"] == house
    assert actors.by_id[house].place is None  # a residence, not the Paris quarter of that name


def test_an_organisation_gets_the_country_its_name_gives() -> None:
    actors = Actors()

    linked = link(actors, article("Le ministère turc des Affaires étrangères a convoqué l'ambassadeur.",
                                  ("ministère turc des Affaires étrangères", "ORG", None)))

    assert actors.by_id[linked["e1"]].country == "TR"


def test_one_place_under_two_names_is_one_actor_with_coordinates() -> None:
    actors = Actors()
    kiev = link(actors, article("Une explosion a secoué Kiev.", ("Kiev", "LOC", None)))["e1"]

    kyiv = link(actors, offensive())["e3"]

    place = actors.by_id[kiev].place
    assert kyiv == kiev
    assert place is not None and (place.name, place.country) == ("Kyiv", "UA")
    assert place.lat == pytest.approx(50.45, abs=0.05) and place.lon == pytest.approx(30.52, abs=0.05)


def test_a_country_is_one_actor_under_its_long_and_short_names() -> None:
    actors = Actors()
    russia = link(actors, summit())["e4"]

    federation = link(actors, article("La Fédération de Russie a protesté.", ("Fédération de Russie", "LOC", None)))

    assert federation["e1"] == russia
    assert (actors.by_id[russia].country, actors.by_id[russia].place.kind) == ("RU", "country")  # type: ignore[union-attr]


def test_actors_rebuilt_from_their_records_link_as_before() -> None:
    ongoing = Actors()
    for analysis in (summit(), offensive()):
        link(ongoing, analysis)
    copies = [Actor(a.id, a.name, a.type, a.country, a.ambiguous, a.place, a.first_seen, a.last_seen,
                    a.aliases.copy()) for a in ongoing]
    reloaded = Actors(copies)
    later = article("Poutine et Donald Trump ont parlé. Ludmila Poutine aussi.",
                    ("Poutine", "PER", None), ("Donald Trump", "PER", None), ("Ludmila Poutine", "PER", None))

    assert link(reloaded, later) == link(ongoing, later)


def test_a_title_written_into_a_name_is_not_part_of_it() -> None:
    actors = Actors()
    zelensky = link(actors, article("Volodymyr Zelensky a parlé.", ("Volodymyr Zelensky", "PER", None)))["e1"]

    assert link(actors, article("Le président Zelensky a insisté.", ("président Zelensky", "PER", None)))["e1"] \
        == zelensky
    assert actors.by_id[zelensky].name == "Volodymyr Zelensky"


def test_a_person_first_named_by_title_and_surname_is_completed_by_the_full_name() -> None:
    actors = Actors()
    first = link(actors, article("Le président Zelensky a insisté.", ("président Zelensky", "PER", None)))["e1"]

    full = link(actors, article("Volodymyr Zelensky a parlé.", ("Volodymyr Zelensky", "PER", None)))["e1"]

    assert full == first and actors.by_id[first].name == "Volodymyr Zelensky"


def test_a_surname_one_person_was_also_called_by_is_still_shared() -> None:
    actors = Actors()
    text = "Marine Le Pen a répondu. Le Pen a ri."
    marine = Entity("e1", "Marine Le Pen", "PER", [Span(0, 13, "Marine Le Pen"), Span(25, 31, "Le Pen")])
    link(actors, Analysis(Article("a", text, body_hash(text), "fr"), entities=[marine]))
    # her article gave her the alias "Le Pen"; his gives him none, yet the surname is his too
    link(actors, article("Jean-Marie Le Pen est mort.", ("Jean-Marie Le Pen", "PER", None)))

    alone = link(actors, article("Le Pen a voté contre.", ("Le Pen", "PER", None)))["e1"]

    assert actors.by_id[alone].ambiguous


@pytest.mark.parametrize(("name", "type"), [("Kaja Kallas", "PER"), ("Commission européenne", "ORG")])
def test_a_pronoun_or_a_description_of_an_entity_is_never_its_alias(name: str, type: str) -> None:
    text = f"{name} a présenté le plan jeudi. Elle le défendra, a ajouté la ministre devant la presse."

    def mention(words: str, kind: str = "name") -> Span:
        start = text.index(words)
        return Span(start, start + len(words), words, kind)  # type: ignore[arg-type]

    said = Analysis(Article("a", text, body_hash(text), "fr", published="2025-08-21"), entities=[
        Entity("e1", name, type, [mention(name), mention("Elle", "pronoun"),  # type: ignore[arg-type]
                                  mention("la ministre", "description")])])
    actors = Actors()

    links = link(actors, said)

    assert dict(actors.by_id[links["e1"]].aliases) == {name: 1}
    # nor may they join another article's entity to this one
    other = Analysis(Article("b", "Elle arrive.", body_hash("Elle arrive."), "fr"),
                     entities=[Entity("e1", "Elle", type, [Span(0, 4, "Elle")])])  # type: ignore[arg-type]
    assert link(actors, other)["e1"] != links["e1"]
