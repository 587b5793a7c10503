"""A language's data files read into typed records, and the coded one-line errors a contributor gets
when one of them is wrong: at load time, naming the file and the key."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from veille import lang
from veille.lang import LanguageDataError
from veille.lang.language import HERE


@pytest.fixture
def french(tmp_path: Path) -> Path:
    """A copy of the French data folder, free to break."""
    folder = tmp_path / "fr"
    shutil.copytree(HERE / "fr", folder)
    return folder


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_french_loads_once_into_typed_records() -> None:
    french = lang.load("fr")
    assert french is lang.load("fr")
    assert "déclarer" in french.speech.verbs
    assert french.model == "fr_core_news_md"
    assert french.grammar.negation.particles == {"ne", "n'"}
    assert french.events.constraints["tirer"].needs >= {"sur"}
    assert french.time.number("vingt-cinq") == 25
    assert "fr" in lang.languages()


def test_loading_a_language_imports_no_parser() -> None:
    assert "spacy" not in {name.split(".")[0] for name in sys.modules if name.startswith("veille.lang")}
    source = "\n".join(p.read_text(encoding="utf-8") for p in HERE.glob("*.py"))
    assert "spacy" not in source and "from ..nlp" not in source


def test_a_folder_read_as_it_is_gives_the_same_language(french: Path) -> None:
    copy = lang.read(french)
    assert copy.speech == lang.load("fr").speech
    assert copy.grammar == lang.load("fr").grammar


def test_a_language_without_data_is_named_with_those_there_are() -> None:
    with pytest.raises(LanguageDataError) as error:
        lang.load("xx")
    assert str(error.value) == "[L001] language: no language data for 'xx' (have: fr)"


def test_a_missing_key_names_the_file_and_the_key(french: Path) -> None:
    rewrite(french / "stances.toml", '\nmarks = ["à", "de", "d\'", "d’", "que", "qu\'", "qu’"]', "")
    with pytest.raises(LanguageDataError) as error:
        lang.read(french)
    assert error.value.code == "L002"
    assert str(error.value).startswith("[L002] fr/stances.toml: missing 'target.marks'")


def test_a_misspelt_key_is_refused_with_the_key_it_should_be(french: Path) -> None:
    rewrite(french / "grammar.toml", "adverbs = [", "adverb = [")
    with pytest.raises(LanguageDataError) as error:
        lang.read(french)
    assert str(error.value) == "[L003] fr/grammar.toml: unknown key 'negation.adverb' (did you mean 'adverbs'?)"


def test_an_unknown_key_alone_is_refused(french: Path) -> None:
    rewrite(french / "speech.toml", "verbs = [", "vrebs = []\nverbs = [")
    with pytest.raises(LanguageDataError) as error:
        lang.read(french)
    assert str(error.value) == "[L003] fr/speech.toml: unknown key 'vrebs'"


def test_a_word_list_of_the_wrong_type_says_so(french: Path) -> None:
    rewrite(french / "events.toml", 'home_types = ["SANCTION", "COERCE", "CONSULT"]', 'home_types = "SANCTION"')
    with pytest.raises(LanguageDataError) as error:
        lang.read(french)
    assert error.value.code == "L004"
    assert str(error.value).startswith("[L004] fr/events.toml: 'context.home_types': input should be")


def test_an_event_type_that_is_not_plover_is_refused(french: Path) -> None:
    rewrite(french / "events.toml", 'frapper = "ASSAULT"', 'frapper = "ASAULT"')
    with pytest.raises(LanguageDataError) as error:
        lang.read(french)
    assert error.value.code == "L005"
    assert "'verbs'" in str(error.value) and "ASAULT" in str(error.value)


def test_a_time_pattern_naming_an_unknown_piece_fails_at_load(french: Path) -> None:
    rewrite(french / "time.toml", "(?P<weekday>@weekday)", "(?P<weekday>@weekdya)")
    with pytest.raises(LanguageDataError) as error:
        lang.read(french)
    assert error.value.code == "L005"
    assert "fr/time.toml" in str(error.value) and "@weekdya" in str(error.value)


def test_a_missing_file_and_a_broken_file_are_told_apart(french: Path) -> None:
    (french / "titles.toml").unlink()
    with pytest.raises(LanguageDataError) as missing:
        lang.read(french)
    assert str(missing.value) == "[L007] fr: missing file titles.toml"
    shutil.copy(HERE / "fr" / "titles.toml", french / "titles.toml")
    rewrite(french / "numbers.toml", "un = 1", "un = = 1")
    with pytest.raises(LanguageDataError) as broken:
        lang.read(french)
    assert broken.value.code == "L006" and "fr/numbers.toml: not TOML" in str(broken.value)


def test_every_error_is_one_line() -> None:
    error = LanguageDataError("L002", "fr/stances.toml", "missing 'target.marks'")
    assert "\n" not in str(error)
