"""An article's text as HTML with what was extracted marked in place: quotes, events, times and the
mentions of entities, each a `<mark>` carrying its details in data-* attributes.

The text is cut at every span's start and end, and each piece is escaped on its own, so whatever
the article holds (`<script>` included) is shown as text. Marks nest in a fixed order, quotes
outermost, then events, times and entity mentions innermost; where two spans cross, the inner one
is closed at the outer one's boundary and opened again after it, so the HTML is always well formed.
Every piece of one span has the same `data-ref`, and its first piece the id `m-LAYER-REF` (m-quote-q1),
which the side list links to. A quote whose speaker is uncertain (`shared.uncertain`) also has the
class `hl-uncertain` and says why in `data-uncertain`; a mention by pronoun or description has the
class `hl-ent-pronoun` or `hl-ent-description`.

    >>> str(render("« Non », a dit Poutine.", [Mark(0, 7, QUOTE, "q1", {"speaker": "Poutine"})]))
    '<mark class="hl hl-quote" data-ref="q1" data-speaker="Poutine" id="m-quote-q1">« Non »</mark>, a dit Poutine.'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from .shared import uncertain

QUOTE, EVENT, TIME, ENTITY = 0, 1, 2, 3  # nesting order, outermost first
LAYER_NAME = {QUOTE: "quote", EVENT: "event", TIME: "time", ENTITY: "ent"}


@dataclass(frozen=True)
class Mark:
    """One span to mark: characters start to end, its layer, an id shared by its pieces, and the
    data-* attributes (None values left out) and extra classes it carries."""

    start: int
    end: int
    layer: int
    ref: str
    data: Mapping[str, Any] = field(default_factory=dict)
    classes: tuple[str, ...] = ()

    def open(self, first: bool) -> str:
        classes = " ".join(("hl", f"hl-{LAYER_NAME[self.layer]}", *self.classes))
        attributes = [f'class="{escape(classes)}"', f'data-ref="{escape(self.ref)}"']
        attributes += [f'data-{name}="{escape(value)}"' for name, value in sorted(self.data.items())
                       if value is not None and value != ""]
        if first:
            attributes.append(f'id="{anchor(self.layer, self.ref)}"')
        return f"<mark {' '.join(attributes)}>"


def anchor(layer: int, ref: str) -> Markup:
    """The id of a span's first piece, which the side list links to: m-quote-q1, m-ent-e2…"""
    return escape(f"m-{LAYER_NAME[layer]}-{ref}")


def render(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as HTML, escaped piece by piece, with `marks` nested and cut where they cross.

    Marks outside the text or empty are left out, so a faulty offset costs only its own mark; a span
    given twice is marked once.
    """
    unique = {(m.start, m.end, m.layer, m.ref): m for m in marks if 0 <= m.start < m.end <= len(text)}
    kept = list(unique.values())
    order = {id(m): (m.layer, m.start, -m.end, n) for n, m in enumerate(kept)}
    starting: dict[int, list[Mark]] = {}
    ending: dict[int, list[Mark]] = {}
    for mark in kept:
        starting.setdefault(mark.start, []).append(mark)
        ending.setdefault(mark.end, []).append(mark)
    bounds = sorted({0, len(text), *starting, *ending})
    active: dict[int, Mark] = {}
    opened: set[tuple[int, str]] = set()  # the first piece of a ref's first span gets its id
    stack: list[Mark] = []
    out: list[str] = []
    for start, end in pairwise(bounds):
        for mark in ending.get(start, []):
            active.pop(id(mark), None)
        for mark in starting.get(start, []):
            active[id(mark)] = mark
        wanted = sorted(active.values(), key=lambda m: order[id(m)])
        same = 0
        while same < min(len(stack), len(wanted)) and stack[same] is wanted[same]:
            same += 1
        out.extend("</mark>" for _ in stack[same:])
        for mark in wanted[same:]:
            out.append(mark.open(first=(mark.layer, mark.ref) not in opened))
            opened.add((mark.layer, mark.ref))
        stack = wanted
        out.append(str(escape(text[start:end])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def marks(analysis: Mapping[str, Any], actors: Mapping[str, int], names: Mapping[int, str]) -> list[Mark]:
    """The marks of one stored analysis (the contract's shape). `actors` maps its entity ids to actor
    ids and `names` actor ids to their names, so marks can link to actor pages."""
    entities = {e["id"]: e for e in analysis.get("entities", [])}

    def actor(entity: str | None) -> int | None:
        return actors.get(entity) if entity else None

    def who(entity: str | None, fallback: str | None = None) -> str | None:
        linked = actor(entity)
        if linked is not None and linked in names:
            return names[linked]
        return entities[entity]["name"] if entity in entities else fallback

    found = []
    for quote in analysis.get("quotes", []):
        speaker = actor(quote.get("speaker"))
        why = uncertain(quote.get("confidence"), quote.get("speaker_link"))
        found.append(Mark(quote["start"], quote["end"], QUOTE, quote["id"], {
            "speaker": who(quote.get("speaker"), quote.get("speaker_text")) or "unattributed",
            "cue": quote.get("cue"), "channel": quote.get("channel"), "date": quote.get("date"),
            "kind": quote.get("kind"), "actor": f"/actors/{speaker}" if speaker is not None else None,
            "uncertain": why,
        }, (f"hl-{quote.get('kind', 'direct')}", *(("hl-uncertain",) if why else ()))))
    for event in analysis.get("events", []):
        found.append(Mark(event["start"], event["end"], EVENT, event["id"], {
            "type": event.get("type"), "mode": event.get("mode"), "date": event.get("date"),
            "who": ", ".join(filter(None, (who(e) for e in event.get("actors") or []))),
            "whom": ", ".join(filter(None, (who(e) for e in event.get("targets") or []))),
            "where": ", ".join(filter(None, (who(e) for e in event.get("locations") or []))),
            "killed": event.get("killed"), "injured": event.get("injured"),
        }))
    for number, time in enumerate(analysis.get("times", []), start=1):
        found.append(Mark(time["start"], time["end"], TIME, f"t{number}",
                          {"value": time.get("value") or "unresolved", "type": time.get("type")}))
    for entity in analysis.get("entities", []):
        linked = actor(entity["id"])
        for mention in entity.get("mentions", []):
            kind = mention.get("kind", "name")  # a pronoun or a description is marked apart from a name
            found.append(Mark(mention["start"], mention["end"], ENTITY, entity["id"], {
                "name": who(entity["id"]), "type": entity.get("type"), "role": entity.get("role"),
                "actor": f"/actors/{linked}" if linked is not None else None,
                "mention": None if kind == "name" else kind,
            }, (f"hl-{entity.get('type', 'MISC')}", *(() if kind == "name" else (f"hl-ent-{kind}",)))))
    return found
