"""Coded errors for language data, one line each, raised when a language is loaded.

    [L001] no language data for 'xx' (have: fr)
    [L002] fr/stances.toml: missing 'target.marks'
    [L003] fr/grammar.toml: unknown key 'negation.adverb' (did you mean 'adverbs'?)
    [L004] fr/events.toml: 'context.persons': input should be a valid frozenset
    [L005] fr/events.toml: 'verbs': 'ASAULT' is not a PLOVER event type
    [L006] fr/speech.toml: not TOML (line 3, column 7)
    [L007] fr: missing file grammar.toml
"""

from __future__ import annotations

from ..errors import VeilleError

NO_LANGUAGE = "L001"
MISSING_KEY = "L002"
UNKNOWN_KEY = "L003"
WRONG_TYPE = "L004"
BAD_VALUE = "L005"
NOT_TOML = "L006"
MISSING_FILE = "L007"


class LanguageDataError(VeilleError):
    """A language's data files cannot be used as they are; `code` says how, the message where."""

    def __init__(self, code: str, where: str, problem: str) -> None:
        super().__init__(f"[{code}] {where}: {problem}")
        self.code = code
        self.where = where
        self.problem = problem
