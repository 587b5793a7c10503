"""`veille alerts add|list|show|remove`: a saved search from the command line, what is new in it
since the last `show --new`, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import claims, lavrov, offensive
from typer.testing import CliRunner

from veille import store
from veille.cli import app

runner = CliRunner()


def veille(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_an_alert_from_the_command_line_shows_what_is_new_once(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    store.ingest([lavrov()], db)

    code, said = veille("alerts", "add", "lavrov", "--speaker", "lavrov", "--db", db)
    store.ingest([offensive(), claims()], db)  # nothing Lavrov said
    _, nothing_new = veille("alerts", "show", "lavrov", "--new", "--format", "json", "--db", db)
    _, everything = veille("alerts", "show", "lavrov", "--format", "json", "--db", db)

    assert code == 0 and "1 matching fact(s) already stored" in said
    assert json.loads(nothing_new) == []
    assert [item["article"] for item in json.loads(everything)] == ["lavrov"]


def test_new_events_of_a_type_are_shown_by_the_next_show_new_only(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"
    veille("alerts", "add", "frappes", "--type", "assault", "--asserted-only", "--db", db)
    store.ingest([claims(), offensive()], db)

    _, first = veille("alerts", "show", "frappes", "--new", "--format", "json", "--db", db)
    _, second = veille("alerts", "show", "frappes", "--new", "--format", "json", "--db", db)
    _, listing = veille("alerts", "list", "--format", "json", "--db", db)

    assert sorted(item["text"] for item in json.loads(first)) == ["Des drones ont frappé Odessa lundi.",
                                                                  "Des drones ont visé Kyiv dans la nuit."]
    assert json.loads(second) == []
    assert json.loads(listing)[0] | {"created_at": None} == {
        "id": 1, "name": "frappes", "speaker": None, "actor": None, "contains": None, "type": "ASSAULT",
        "place": None, "asserted_only": True, "created_at": None, "checked": 2, "seen": 2, "items": 2, "new": 0}


def test_alert_mistakes_get_one_line_each(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"

    mixed = veille("alerts", "add", "x", "--speaker", "Lavrov", "--place", "Kyiv", "--db", db)
    unknown = veille("alerts", "show", "personne", "--db", db)
    gone = veille("alerts", "remove", "personne", "--db", db)

    assert mixed[0] == 2 and "no fact can match both" in mixed[1]
    assert unknown[0] == 2 and "no alert has this name" in unknown[1]
    assert gone[0] == 1 and "no alert named 'personne'" in gone[1]
