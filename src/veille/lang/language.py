"""A language's folder of data files, read into one typed `Language`, once per process."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from . import errors, text
from .errors import LanguageDataError
from .records import (
    About,
    Demonym,
    Demonyms,
    Entities,
    Events,
    Grammar,
    Numbers,
    Speech,
    Stances,
    Time,
    Titles,
)
from .time import TimeGrammar, compile_time

HERE = Path(__file__).parent
R = TypeVar("R", bound=BaseModel)



@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per language and process
class Language:
    """Everything veille knows of one language, as data: `load("fr").speech.verbs`."""

    code: str
    about: About
    grammar: Grammar
    speech: Speech
    stances: Stances
    events: Events
    entities: Entities
    titles: Titles
    numbers: Numbers
    demonyms: dict[str, Demonym]
    time: TimeGrammar
    sentence_end: re.Pattern[str] = field(repr=False)

    @property
    def model(self) -> str:
        """The spaCy pipeline package that parses this language."""
        return self.about.model


def languages() -> tuple[str, ...]:
    """The codes of the languages with a data folder, sorted."""
    return _languages()


@cache
def _languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in HERE.iterdir() if p.is_dir() and (p / "language.toml").is_file()))


@cache
def load(code: str) -> Language:
    """The language of `code`; LanguageDataError when it has no folder or a file is missing or wrong."""
    if code not in languages():
        raise LanguageDataError(errors.NO_LANGUAGE, "language",
                                f"no language data for {code!r} (have: {', '.join(languages())})")
    grammar, numbers = _read(code, "grammar", Grammar), _read(code, "numbers", Numbers)
    return Language(
        code=code, about=_read(code, "language", About), grammar=grammar, speech=_read(code, "speech", Speech),
        stances=_read(code, "stances", Stances), events=_read(code, "events", Events),
        entities=_read(code, "entities", Entities), titles=_read(code, "titles", Titles), numbers=numbers,
        demonyms=_read(code, "demonyms", Demonyms).root, time=_time(code, _read(code, "time", Time), numbers),
        sentence_end=text.sentence_end(grammar.abbreviations),
    )


def _time(code: str, table: Time, numbers: Numbers) -> TimeGrammar:
    try:
        return compile_time(table, numbers)
    except KeyError as error:
        raise LanguageDataError(errors.BAD_VALUE, f"{code}/time.toml", str(error.args[0])) from None
    except re.error as error:
        raise LanguageDataError(errors.BAD_VALUE, f"{code}/time.toml",
                                f"a pattern is no regular expression: {error}") from None


def _read(code: str, name: str, record: type[R]) -> R:
    where = f"{code}/{name}.toml"
    path = HERE / code / f"{name}.toml"
    if not path.is_file():
        raise LanguageDataError(errors.MISSING_FILE, code, f"missing file {name}.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LanguageDataError(errors.NOT_TOML, where, f"not TOML ({error})") from None
    try:
        return record.model_validate(data)
    except ValidationError as error:
        raise _explained(where, error) from None


def _explained(where: str, error: ValidationError) -> LanguageDataError:
    """The first problem pydantic found, told as a coded line naming the key."""
    problem = error.errors()[0]
    key = ".".join(str(part) for part in problem["loc"] if not isinstance(part, int))
    kind = problem["type"]
    if kind == "missing":
        return LanguageDataError(errors.MISSING_KEY, where, f"missing {key!r}")
    if kind == "extra_forbidden":
        return LanguageDataError(errors.UNKNOWN_KEY, where, f"unknown key {key!r}")
    if kind == "value_error":
        reason = str(problem.get("ctx", {}).get("error", problem["msg"]))
        return LanguageDataError(errors.BAD_VALUE, where, f"{key!r}: {reason}")
    return LanguageDataError(errors.WRONG_TYPE, where, f"{key!r}: {problem['msg'][0].lower()}{problem['msg'][1:]}")
