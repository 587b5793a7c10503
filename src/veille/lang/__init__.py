"""The language floor: what veille knows of each language it reads, as data, with no parser.

A language is a folder of TOML files (`fr/`): `language.toml` names it and its spaCy pipeline
package, `grammar.toml` holds its function words and endings, and one lexicon per stage says what
words mean (`speech.toml`, `stances.toml`, `events.toml`, `entities.toml`, `titles.toml`,
`numbers.toml`, `demonyms.toml`, `time.toml`). `load` reads them into typed records once per process
and refuses a missing or misspelt key with a coded one-line error (`errors`). Besides its data, this
floor owns what every language reads text with: folding, quotation marks and sentence ends (`text`).

    >>> from veille import lang
    >>> french = lang.load("fr")
    >>> "déclarer" in french.speech.verbs
    True

nlp/, resolve/ and store/ read language knowledge only through here; this package imports neither
spaCy nor any of them.
"""

from .errors import LanguageDataError
from .language import Language, languages, load, read

__all__ = ["Language", "LanguageDataError", "languages", "load", "read"]
