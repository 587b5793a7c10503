"""A language's folder of data files, read into one typed `Language`, once per process."""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import errors, text
from .errors import LanguageDataError
from .records import (
    About,
    Demonym,
    Demonyms,
    Entities,
    Events,
    GivenNames,
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
    names: GivenNames
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
    return read(HERE / code)


def read(folder: Path) -> Language:
    """The language whose data files are in `folder` (its name is the language's code), checked
    whole: a missing file or key, an unknown key, a wrong type or value is a LanguageDataError."""
    code = folder.name
    grammar, numbers = _read(folder, "grammar", Grammar), _read(folder, "numbers", Numbers)
    return Language(
        code=code, about=_read(folder, "language", About), grammar=grammar, speech=_read(folder, "speech", Speech),
        stances=_read(folder, "stances", Stances), events=_read(folder, "events", Events),
        entities=_read(folder, "entities", Entities), titles=_read(folder, "titles", Titles), numbers=numbers,
        names=_read(folder, "names", GivenNames),
        demonyms=_read(folder, "demonyms", Demonyms).root, time=_time(code, _read(folder, "time", Time), numbers),
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


def _read(folder: Path, name: str, record: type[R]) -> R:
    where = f"{folder.name}/{name}.toml"
    path = folder / f"{name}.toml"
    if not path.is_file():
        raise LanguageDataError(errors.MISSING_FILE, folder.name, f"missing file {name}.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LanguageDataError(errors.NOT_TOML, where, f"not TOML ({error})") from None
    try:
        return record.model_validate(data)
    except ValidationError as error:
        raise _explained(where, error) from None


def _explained(where: str, error: ValidationError) -> LanguageDataError:
    """The first problem pydantic found, told as a coded line naming the key; a misspelt key (one
    unknown, one missing beside it) is told as unknown, with the key it should be."""
    problems = error.errors()
    unknown = next((p for p in problems if p["type"] == "extra_forbidden"), None)
    if unknown is not None:
        key = _key(unknown)
        parent = unknown["loc"][:-1]
        missing = [str(p["loc"][-1]) for p in problems if p["type"] == "missing" and p["loc"][:-1] == parent]
        near = difflib.get_close_matches(str(unknown["loc"][-1]), missing, n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        return LanguageDataError(errors.UNKNOWN_KEY, where, f"unknown key {key!r}{hint}")
    problem = problems[0]
    key, kind = _key(problem), problem["type"]
    if kind == "missing":
        return LanguageDataError(errors.MISSING_KEY, where, f"missing {key!r}")
    if kind == "value_error":
        reason = str(problem.get("ctx", {}).get("error", problem["msg"]))
        return LanguageDataError(errors.BAD_VALUE, where, f"{key!r}: {reason}")
    return LanguageDataError(errors.WRONG_TYPE, where, f"{key!r}: {problem['msg'][0].lower()}{problem['msg'][1:]}")


def _key(problem: Any) -> str:
    return ".".join(str(part) for part in problem["loc"] if not isinstance(part, int))
