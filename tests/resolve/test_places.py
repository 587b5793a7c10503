"""Place names resolved offline to coordinates and country, and left alone when ambiguous."""

from __future__ import annotations

import pytest

from veille.resolve import places
from veille.resolve.countries import code_of, country_in


def test_a_french_name_resolves_to_the_city_with_coordinates() -> None:
    sumy = places.resolve("Soumy")

    assert sumy is not None
    assert (sumy.name, sumy.country, sumy.kind) == ("Sumy", "UA", "city")
    assert (sumy.lat, sumy.lon) == pytest.approx((50.92, 34.80), abs=0.01)


def test_kiev_and_kyiv_are_one_place() -> None:
    found = {places.resolve(name) for name in ("Kiev", "Kyiv", "Kiïv", "KIEV")}

    assert len(found) == 1
    (kyiv,) = found
    assert kyiv is not None and (kyiv.name, kyiv.key) == ("Kyiv", "geonames:703448")


def test_a_spelling_the_lexicon_lists_as_a_variant_resolves_like_the_others() -> None:
    # "Odessa" alone is also a Texas city the gazetteer names so; the lexicon ties it to "Odesa".
    assert places.resolve("Odessa") == places.resolve("Odesa")
    assert places.resolve("Odesa").country == "UA"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["Tripoli", "Saint-Denis", "Rafah"])
def test_a_name_several_cities_share_stays_unresolved(name: str) -> None:
    assert places.resolve(name) is None


def test_a_city_much_larger_than_its_namesakes_is_taken() -> None:
    paris = places.resolve("Paris")

    assert paris is not None and paris.country == "FR"


@pytest.mark.parametrize("name", ["Élysée", "Maison Blanche"])
def test_a_quarter_of_a_bigger_city_is_not_taken_for_a_city(name: str) -> None:
    assert places.resolve(name) is None


def test_a_country_is_the_country_not_a_town_of_that_alias() -> None:
    ukraine = places.resolve("Ukraine")

    assert ukraine is not None
    assert (ukraine.kind, ukraine.country, ukraine.lat, ukraine.key) == ("country", "UA", None, "country:UA")
    assert places.resolve("la Fédération de Russie") == places.resolve("Russie")


def test_a_name_nowhere_in_the_gazetteer_is_unresolved() -> None:
    assert places.resolve("Occident") is None


def test_the_gazetteer_is_built_once_per_process() -> None:
    assert places.gazetteer() is places.gazetteer()


@pytest.mark.parametrize(("words", "code"), [
    ("le président russe", "RU"),
    ("l'amiral italien", "IT"),
    ("ministre suédois des Affaires étrangères", "SE"),
    ("chef de la diplomatie nord-coréenne", "KP"),
    ("ministre des Affaires étrangères de la Russie", "RU"),
    ("ambassadeur de France en Russie", "FR"),
    ("secrétaire général de l'OTAN", None),
    (None, None),
])
def test_the_first_country_a_title_names(words: str | None, code: str | None) -> None:
    assert country_in(words) == code


def test_country_names_from_the_lexicon_and_from_iso() -> None:
    assert code_of("Fédération de Russie") == "RU"  # demonyms.toml
    assert code_of("République de Corée") == "KR"  # ISO's "Corée, République de", read the other way
    assert code_of("Corée") is None  # two Koreas: no guess
    assert code_of("Mexico") is None  # the city; the country is "Mexique"
