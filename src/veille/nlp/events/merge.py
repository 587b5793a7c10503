"""One event per happening: the tellings of one event (the lead and the body, "la rencontre" then
"a rencontré") merge when they agree on type, date, place and participants."""

from __future__ import annotations

from ..dates import more_precise, periods_apart
from .reading import unique
from .telling import Telling


def merge(tellings: list[Telling]) -> list[Telling]:
    """One event per happening: a telling joins the latest event of its type it agrees with."""
    events: list[Telling] = []
    for telling in tellings:
        hosts = [e for e in reversed(events) if e.type == telling.type and _same(e, telling)]
        # "les discussions virtuelles" point back to the videoconference rather than to the summit
        host = next((e for e in hosts if telling.anaphoric and telling.mode and e.mode == telling.mode),
                    hosts[0] if hosts else None)
        if host is not None:
            _absorb(host, telling)
            telling.event = host
        elif telling.standalone:
            events.append(telling)
            telling.event = telling
    return events


def _same(event: Telling, telling: Telling) -> bool:
    if periods_apart(event.date, telling.date):
        return False
    if telling.anaphoric:
        return True
    same_day = bool(event.date and event.date == telling.date and len(event.date) == 10)
    shared_place = bool(set(event.places) & set(telling.places))
    strangers = bool(event.participants and telling.participants
                     and not event.participants & telling.participants)
    if (_roles_conflict(event, telling) or (strangers and event.sentence != telling.sentence)) and not (
            same_day and shared_place):
        return False  # other people: another event, unless at one place on one day
    if event.places and telling.places and not shared_place and not same_day:
        return False
    nested_dates = bool(event.date and telling.date)
    return (same_day or nested_dates or shared_place or bool(event.participants & telling.participants)
            or event.sentence == telling.sentence  # told twice in one sentence
            or not (telling.anchored or telling.participants) or not (event.anchored or event.participants))


def _roles_conflict(event: Telling, telling: Telling) -> bool:
    """Two tellings name different actors, or different targets: two events."""
    for one, other in ((event.actors, telling.actors), (event.targets, telling.targets)):
        if one and other and not (set(one) & telling.participants or set(other) & event.participants):
            return True
    return False


# what one event's tellings say of it, most certain first: the article's own word wins
CERTAINTY = ("asserted", "reported", "denied")


def _absorb(event: Telling, telling: Telling) -> None:
    if CERTAINTY.index(telling.modality) < CERTAINTY.index(event.modality):
        event.modality, event.reported_by, event.reported_by_text = (
            telling.modality, telling.reported_by, telling.reported_by_text)
    event.places = unique(event.places + telling.places)
    event.actors = unique(event.actors + telling.actors)
    event.targets = [t for t in unique(event.targets + telling.targets) if t not in event.actors]
    if telling.date and (event.date is None or more_precise(telling.date, event.date)):
        event.date = telling.date
    event.mode = event.mode or telling.mode
    event.home = event.home or telling.home
    event.killed = event.killed if event.killed is not None else telling.killed
    event.injured = event.injured if event.injured is not None else telling.injured


def share_setting(tellings: list[Telling], events: list[Telling]) -> None:
    """An event told with no place and no date of its own, in a sentence that places and dates
    another ("La réunion s'est tenue …, des manifestants criant"), shares that setting."""
    for event in events:
        if event.anchored:
            continue
        neighbours = [t.event for t in tellings if t.sentence == event.sentence]
        setting = next((n for n in neighbours if n is not None and n is not event and n.anchored), None)
        if setting is not None:
            event.places, event.date = list(setting.places), setting.date
