"""What the linker keeps: an entity as anaphors see it, one mention of it, and one link made."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Entity


@dataclass(frozen=True)
class Referent:
    """An entity as anaphors see it: its gender and number, and the words of its names and role."""

    entity: Entity
    gender: str | None
    number: str
    name_words: frozenset[str]
    role_words: frozenset[str]
    # the words of the descriptions the text already used for the person ("le candidat insoumis à la
    # présidentielle"), which a later description may use again; they are not a title of theirs
    described_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Mentioned:
    """One mention of a referent, in text order, with what makes it stand out. A person described and
    never named ("un conseiller du président") has no referent: it only stands in the way."""

    referent: Referent | None
    start: int
    sentence: int
    paragraph: int
    subject: bool
    quoted: bool  # said inside quotation marks: the narrator's pronouns do not look back to it
    agreement: tuple[str | None, str] = (None, "Sing")  # an unnamed person's gender and number


@dataclass(frozen=True)
class Link:
    """A pronoun or description and the entity it stands for."""

    start: int
    end: int
    text: str
    entity: str
    kind: str  # "pronoun" or "description"
