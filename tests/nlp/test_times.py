"""Time expressions found in French news and resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from veille import lang
from veille.model import TimeExpr
from veille.nlp import models, times
from veille.nlp.context import Context

THURSDAY = date(2025, 8, 21)  # the seed article's publication day


@pytest.fixture(scope="module")
def nlp() -> Language:
    return models.load("fr")


def context(published: date | None = THURSDAY) -> Context:
    return Context(published=published, language=lang.load("fr"))


def found(nlp: Language, text: str, published: date | None = THURSDAY) -> dict[str, str | None]:
    """Expression text → value, after checking that every offset points at its text."""
    result = times.extract(nlp(text), context(published))
    for t in result:
        assert text[t.start:t.end] == t.text
    return {t.text: t.value for t in result}


def only(nlp: Language, text: str, published: date | None = THURSDAY) -> TimeExpr:
    result = times.extract(nlp(text), context(published))
    assert len(result) == 1, result
    return result[0]


# --- weekdays ---------------------------------------------------------------------------------------


def test_weekday_in_past_tense_is_the_latest_such_day(nlp: Language) -> None:
    text = "Les chefs d'état-major de l'OTAN ont eu une discussion franche mercredi, a déclaré l'amiral."
    assert found(nlp, text) == {"mercredi": "2025-08-20"}


def test_weekday_of_the_publication_day_is_that_day(nlp: Language) -> None:
    text = "Le gouvernement suédois a dénoncé vendredi une campagne de désinformation."
    assert found(nlp, text, date(2023, 11, 24)) == {"vendredi": "2023-11-24"}


def test_capitalised_weekday_opening_a_sentence(nlp: Language) -> None:
    text = "Mardi, Donald Trump a exclu l'envoi de troupes américaines."
    assert found(nlp, text) == {"Mardi": "2025-08-19"}


def test_weekday_under_a_future_verb_is_the_next_one(nlp: Language) -> None:
    assert found(nlp, "Le président ukrainien se rendra lundi à Bruxelles.") == {"lundi": "2025-08-25"}


def test_weekday_under_an_announced_intention_is_the_next_one(nlp: Language) -> None:
    text = "Le ministre de l'Intérieur annonce s'y rendre ce lundi."
    assert found(nlp, text, date(2023, 4, 16)) == {"ce lundi": "2023-04-17"}


def test_weekday_under_a_planned_past_intention_stays_in_the_past(nlp: Language) -> None:
    text = "Le général devait se rendre lundi à Washington, mais il a annulé son voyage."
    assert found(nlp, text)["lundi"] == "2025-08-18"


def test_ce_lundi_in_the_present_told_on_a_sunday_is_the_next_day(nlp: Language) -> None:
    text = "Le ministre se rend ce lundi à Cerbère. Lundi, il était à Paris."
    assert found(nlp, text, date(2023, 4, 16)) == {"ce lundi": "2023-04-17", "Lundi": "2023-04-10"}


def test_vendredi_dernier_is_the_friday_before_publication(nlp: Language) -> None:
    text = "Donald Trump a rencontré vendredi dernier Vladimir Poutine en Alaska."
    assert found(nlp, text) == {"vendredi dernier": "2025-08-15"}


def test_jeudi_dernier_never_means_the_publication_day(nlp: Language) -> None:
    assert found(nlp, "Il a parlé jeudi dernier.") == {"jeudi dernier": "2025-08-14"}


def test_mardi_prochain_is_after_publication(nlp: Language) -> None:
    assert found(nlp, "Les ministres se réuniront mardi prochain.") == {"mardi prochain": "2025-08-26"}


def test_weekday_with_part_of_day_is_one_time_expression(nlp: Language) -> None:
    text = "Dan Caine a rencontré les chefs militaires européens mardi soir à Washington."
    (t,) = times.extract(nlp(text), context())
    assert (t.text, t.value, t.type) == ("mardi soir", "2025-08-19", "TIME")


def test_weekday_with_hour_is_one_expression_dated_by_the_day(nlp: Language) -> None:
    text = "L'incendie, déclaré ce dimanche à 9h30 à Cerbère, a parcouru 930 hectares."
    assert found(nlp, text, date(2023, 4, 16)) == {"ce dimanche à 9h30": "2023-04-16"}


# --- nights, weeks, weekends ------------------------------------------------------------------------


def test_night_is_dated_by_the_day_it_starts(nlp: Language) -> None:
    text = "Les attaques contre Soumy et Odesa dans la nuit de mercredi à jeudi ont blessé 15 personnes."
    assert found(nlp, text) == {"dans la nuit de mercredi à jeudi": "2025-08-20"}


def test_night_between_two_dates(nlp: Language) -> None:
    text = "Dans la nuit du 3 au 4 mars 2022, la centrale de Zaporijia a été bombardée."
    assert found(nlp, text) == {"Dans la nuit du 3 au 4 mars 2022": "2022-03-03"}


def test_la_semaine_derniere_is_the_previous_iso_week(nlp: Language) -> None:
    text = "Il a donné des conseils lors du sommet Trump-Poutine la semaine dernière en Alaska."
    assert found(nlp, text) == {"la semaine dernière": "2025-W33"}


def test_ce_week_end_told_on_a_monday_is_the_weekend_just_gone(nlp: Language) -> None:
    text = "Des manifestations ont été émaillées de violences ce week-end."
    assert found(nlp, text, date(2022, 12, 26)) == {"ce week-end": "2022-W51"}


# --- calendar dates ---------------------------------------------------------------------------------


def test_full_date_keeps_its_year(nlp: Language) -> None:
    text = "La Russie a envahi l'Ukraine le 24 février 2022."
    assert found(nlp, text) == {"le 24 février 2022": "2022-02-24"}


def test_day_and_month_take_the_year_the_tense_points_to(nlp: Language) -> None:
    assert found(nlp, "Il a été élu le 6 juillet.", date(2023, 8, 30)) == {"le 6 juillet": "2023-07-06"}
    assert found(nlp, "L'assassinat des Kurdes le 23 décembre a choqué.", date(2023, 1, 3)) == {
        "le 23 décembre": "2022-12-23"}
    assert found(nlp, "Le procès s'ouvrira le 15 janvier.", date(2022, 12, 27)) == {
        "le 15 janvier": "2023-01-15"}


def test_weekday_and_day_without_year(nlp: Language) -> None:
    text = "Reçue mardi 29 août à l'Elysée, la secrétaire générale de la CGT a exposé ses revendications."
    assert found(nlp, text, date(2023, 8, 30)) == {"mardi 29 août": "2023-08-29"}


def test_a_date_inside_a_noun_phrase_is_the_nearest_one_whatever_the_tense(nlp: Language) -> None:
    text = "Le ministre a demandé aux préfets d'annuler les spectacles pyrotechniques du 15 août."
    assert found(nlp, text, date(2022, 8, 12)) == {"15 août": "2022-08-15"}


def test_two_days_of_one_month_are_dated_by_the_first(nlp: Language) -> None:
    text = "Le sommet de l'OTAN se tiendra les 24 et 25 juin à La Haye."
    assert found(nlp, text, date(2025, 3, 1)) == {"les 24 et 25 juin": "2025-06-24"}


def test_months_and_years(nlp: Language) -> None:
    text = ("En mars 2020, le gouvernement avait activé ce dispositif. L'assassinat de trois militantes "
            "en janvier 2013 reste dans les mémoires. Le président élu en 2014 a été réélu en 2019.")
    assert found(nlp, text, date(2022, 12, 27)) == {
        "En mars 2020": "2020-03", "en janvier 2013": "2013-01", "en 2014": "2014", "en 2019": "2019"}


def test_month_without_year_is_the_latest_one(nlp: Language) -> None:
    text = "Les arrivées battent des records, avec 200 000 arrestations rien que pour le mois de novembre."
    assert found(nlp, text, date(2022, 12, 27)) == {"le mois de novembre": "2022-11"}
    assert found(nlp, "Elle a pris ses fonctions à la fin mars.", date(2023, 8, 30)) == {
        "à la fin mars": "2023-03"}


def test_beginnings_and_ends_keep_the_whole_period(nlp: Language) -> None:
    text = ("Depuis le début de l'année, les prix ont augmenté. Mi-août, la chaleur a culminé. "
            "Les troupes sont revenues à la fin de l'été 2022.")
    assert found(nlp, text) == {
        "Depuis le début de l'année": "2025", "Mi-août": "2025-08", "à la fin de l'été 2022": "2022"}


def test_seasons_and_half_years_give_a_year(nlp: Language) -> None:
    text = "La Cour rendra sa décision au printemps prochain."
    assert found(nlp, text, date(2022, 12, 27)) == {"au printemps prochain": "2023"}
    text = "Le conflit social a duré tout au long du premier semestre."
    assert found(nlp, text, date(2023, 8, 30)) == {"tout au long du premier semestre": "2023"}


# --- counted from the publication day ---------------------------------------------------------------


def test_deictic_days(nlp: Language) -> None:
    text = "Hier, Kiev a été frappée ; aujourd'hui les secours déblaient ; demain, le deuil commence."
    assert found(nlp, text) == {"Hier": "2025-08-20", "aujourd'hui": "2025-08-21", "demain": "2025-08-22"}


def test_il_y_a_trois_ans_is_a_year(nlp: Language) -> None:
    assert found(nlp, "La guerre a commencé il y a trois ans.") == {"il y a trois ans": "2022"}


def test_times_of_day_belong_to_the_day_of_their_sentence(nlp: Language) -> None:
    text = "Mardi 29 août, en début de soirée, Emmanuel Macron a reçu Sophie Binet."
    assert found(nlp, text, date(2023, 8, 30))["en début de soirée"] == "2023-08-29"
    text = "Des avions devraient arriver vers minuit. Le préfet a parlé en fin de journée."
    assert found(nlp, text, date(2023, 4, 16)) == {"vers minuit": "2023-04-16", "en fin de journée": "2023-04-16"}


# --- counted from the story ---------------------------------------------------------------------------


def test_le_lendemain_is_the_day_after_the_last_day_told(nlp: Language) -> None:
    text = ("Ces vidéos proviennent d'une réunion mardi à Göteborg. "
            "M. Kristersson a dénoncé le lendemain la présence de saboteurs.")
    assert found(nlp, text, date(2023, 11, 24)) == {"mardi": "2023-11-21", "le lendemain": "2023-11-22"}


def test_au_lendemain_de_counts_from_the_day_named_right_after(nlp: Language) -> None:
    text = ("Un conseiller a condamné dimanche les violences. Au lendemain du drame vendredi à Paris, "
            "des manifestations ont eu lieu.")
    result = found(nlp, text, date(2022, 12, 26))
    assert result["Au lendemain du drame"] == "2022-12-24"


def test_la_veille_and_le_surlendemain_count_from_the_same_day(nlp: Language) -> None:
    text = "Il a été condamné le 3 mars. La veille, il avait fui. Le surlendemain, il était arrêté."
    assert found(nlp, text, date(2022, 9, 1)) == {
        "le 3 mars": "2022-03-03", "La veille": "2022-03-02", "Le surlendemain": "2022-03-05"}


def test_le_mois_suivant_is_the_month_after_the_last_date(nlp: Language) -> None:
    text = "Les faits remontent au 12 mars dernier. Ils ont été jugés en appel le mois suivant."
    assert found(nlp, text)["le mois suivant"] == "2025-04"


def test_un_an_apres_keeps_the_precision_of_the_date_it_counts_from(nlp: Language) -> None:
    text = "Des images datant de novembre 2021 et près d'un an après montrent un parc réduit."
    assert found(nlp, text, date(2023, 4, 13))["près d'un an après"] == "2022-11"


# --- what is not a date ---------------------------------------------------------------------------------


def test_durations_inside_noun_phrases_and_counted_from_events_are_left_out(nlp: Language) -> None:
    text = ("Un accord mettrait fin à la guerre de trois ans menée par la Russie. Plus de trois ans après "
            "l'invasion, 32 chefs d'état-major et 30 pays cherchent un accord.")
    assert found(nlp, text) == {}


def test_pendant_trois_ans_is_a_duration(nlp: Language) -> None:
    (t,) = times.extract(nlp("Il a vécu pendant trois ans à Kiev."), context())
    assert (t.text, t.value, t.type) == ("pendant trois ans", "P3Y", "DURATION")


def test_homographs_of_months_and_seasons(nlp: Language) -> None:
    text = "Il a été reçu par Mai Thi, puis la sonde a atteint Mars. Le printemps arabe a tout changé."
    assert found(nlp, text) == {}


def test_idioms_and_counts_that_look_like_times(nlp: Language) -> None:
    text = ("Il a changé d'avis du jour au lendemain. L'hôpital est à 2 heures de route. "
            "La réforme coûtera 2000 euros. Il a été condamné à trois ans de prison.")
    assert found(nlp, text) == {}


def test_a_rough_length_is_not_a_duration(nlp: Language) -> None:
    text = "Emmanuel Macron a reçu, durant un peu plus d'une heure, Sophie Binet."
    assert found(nlp, text) == {}


def test_vague_periods_are_found_without_a_value(nlp: Language) -> None:
    text = "De nombreux migrants patientaient ces dernières semaines à la frontière."
    assert found(nlp, text, date(2022, 12, 27)) == {"ces dernières semaines": None}


# --- without a publication date -----------------------------------------------------------------------


def test_without_publication_date_relative_values_stay_unknown(nlp: Language) -> None:
    text = ("Mercredi, la Russie a frappé Odesa, comme la semaine dernière. "
            "L'invasion a commencé le 24 février 2022 ; en 2014 la Crimée était annexée.")
    assert found(nlp, text, published=None) == {
        "Mercredi": None, "la semaine dernière": None, "le 24 février 2022": "2022-02-24", "en 2014": "2014"}


def test_offsets_are_exact_with_typographic_apostrophes_and_spaces(nlp: Language) -> None:
    text = "Il l’a dit aujourd’hui,\u00a0à 18\u202fh\u202f30, en fin d’après-midi."
    result = times.extract(nlp(text), context())
    assert [(t.text, text[t.start:t.end]) for t in result] == [
        ("aujourd’hui", "aujourd’hui"), ("à 18\u202fh\u202f30", "à 18\u202fh\u202f30"),
        ("en fin d’après-midi", "en fin d’après-midi")]
    assert all(t.value == "2025-08-21" for t in result)


# --- re-anchoring inside quotations ----------------------------------------------------------------------


def test_reanchor_counts_aujourdhui_from_the_day_the_words_were_said(nlp: Language) -> None:
    text = '"Cette unité était vraiment tangible aujourd\'hui", a-t-il déclaré.'
    today = only(nlp, text)
    assert today.value == "2025-08-21"
    said = times.reanchor(today, date(2025, 8, 20), context())
    assert (said.text, said.start, said.end, said.value) == (today.text, today.start, today.end, "2025-08-20")


def test_reanchor_moves_hier_and_cette_semaine(nlp: Language) -> None:
    hier = only(nlp, "« Nous avons été attaqués hier », a-t-il dit.")
    assert times.reanchor(hier, date(2025, 8, 18), context()).value == "2025-08-17"
    week = only(nlp, "« Cette semaine sera décisive », a-t-il dit.")
    assert times.reanchor(week, date(2025, 8, 11), context()).value == "2025-W33"


def test_reanchor_leaves_dates_that_do_not_depend_on_the_speaker(nlp: Language) -> None:
    date_told = only(nlp, "« Tout a commencé le 24 février 2022 », a-t-il rappelé.")
    assert times.reanchor(date_told, date(2025, 8, 20), context()) == date_told
    weekday = only(nlp, "« Nous l'avons vu mercredi », a-t-il dit.")
    assert times.reanchor(weekday, date(2025, 8, 10), context()) == weekday
