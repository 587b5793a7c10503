"""What a stage knows about an article besides its parse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from ..lang import Language


@dataclass(frozen=True)
class Context:
    published: date | None
    language: Language


def text_of(doc: Doc) -> str:
    """The article body of a parsed document, built once: spaCy joins its tokens anew at every
    `doc.text`, which the stages read hundreds of times an article."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
