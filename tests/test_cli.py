"""The `veille` command, run in-process: what goes to stdout and stderr, and the exit status.

These tests check the shape of the output, not what the extractors find, which changes as they improve.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import claims, kallas, lavrov
from typer.testing import CliRunner

from veille import store
from veille.cli import app
from veille.read.records import body_hash

LAVROV = "Sergueï Lavrov a déclaré mercredi que « la Russie ne cédera pas sur les garanties de sécurité »."
MACRON = ("Emmanuel Macron a affirmé jeudi à Paris que la France soutiendrait l'Ukraine "
          "« aussi longtemps qu'il le faudra ».")
WINDOWS_1252 = "Le député a répondu à la presse : “nous ne céderons pas”."

runner = CliRunner()


def veille(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, list(args), input=input, env=env)


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def bad_inputs(tmp_path: Path) -> list[str]:
    """The issue's bad inputs, between good ones."""
    dev = tmp_path / "dev.jsonl"
    dev.write_text("\n".join([
        json.dumps({"id": "lavrov", "text": LAVROV, "published": "2025-08-21"}, ensure_ascii=False),
        '{"id": "cassé", "text": "Le texte',
        json.dumps({"id": "sans-texte", "title": "Un titre sans article"}),
        json.dumps({"id": "macron", "text": MACRON}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    (tmp_path / "vide.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "depute.txt").write_bytes(WINDOWS_1252.encode("cp1252"))
    return [str(dev), *(str(tmp_path / name) for name in ("vide.txt", "image.txt", "depute.txt"))]


def test_analyze_keeps_input_order_and_gives_bad_records_an_error_line(
        bad_inputs: list[str], contract_schema: dict[str, Any]) -> None:
    result = veille("analyze", "--format", "jsonl", "--published", "2025-08-22", *bad_inputs)

    assert result.exit_code == 0
    out = lines(result.stdout)
    assert [(o["schema"], o.get("id") or o["article"]["id"]) for o in out] == [
        ("veille.analysis/1", "lavrov"),
        ("veille.error/1", f"{bad_inputs[0]}:2"),
        ("veille.error/1", "sans-texte"),
        ("veille.analysis/1", "macron"),
        ("veille.error/1", "vide"),
        ("veille.error/1", "image"),
        ("veille.analysis/1", "depute"),
    ]
    for analysis in (o for o in out if o["schema"] == "veille.analysis/1"):
        jsonschema.validate(analysis, contract_schema)
    published = [o["article"]["published"] for o in out if "article" in o]
    assert published == ["2025-08-21", "2025-08-22", "2025-08-22"]
    # The Windows-1252 file was decoded right: its text hashes as the Unicode sentence does.
    assert out[-1]["article"]["sha256"] == body_hash(WINDOWS_1252)


def test_every_error_is_one_line_on_stderr_naming_the_record(bad_inputs: list[str]) -> None:
    result = veille("analyze", "--format", "jsonl", *bad_inputs)

    assert result.stderr.splitlines() == [
        f"veille: error: {bad_inputs[0]} line 2: not JSON: Unterminated string starting at column 25",
        f"veille: error: {bad_inputs[0]} line 3: the record has no text",
        f"veille: error: {bad_inputs[1]}: empty file",
        f"veille: error: {bad_inputs[2]}: binary file, not text",
    ]


def test_exit_status_is_1_only_when_nothing_could_be_analysed(tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_bytes(b"")

    result = veille("analyze", str(tmp_path / "vide.txt"), str(tmp_path / "absent.txt"))

    assert result.exit_code == 1
    assert [o["schema"] for o in lines(result.stdout)] == ["veille.error/1", "veille.error/1"]
    assert result.stderr.splitlines()[-1] == "veille: nothing could be analysed"


def test_analyze_reads_json_lines_from_stdin() -> None:
    record = json.dumps({"id": "lavrov", "text": LAVROV, "published": "2025-08-21"}, ensure_ascii=False)

    result = veille("analyze", input=record + "\n")

    assert result.exit_code == 0
    assert [o["article"]["id"] for o in lines(result.stdout)] == ["lavrov"]


def test_json_is_one_object_for_one_input_and_an_array_for_several(tmp_path: Path) -> None:
    (tmp_path / "lavrov.txt").write_text(LAVROV, encoding="utf-8")
    (tmp_path / "macron.txt").write_text(MACRON, encoding="utf-8")

    one = json.loads(veille("analyze", "-f", "json", str(tmp_path / "lavrov.txt")).stdout)
    both = json.loads(veille("analyze", "-f", "json", str(tmp_path)).stdout)

    assert one["article"]["id"] == "lavrov"
    assert [a["article"]["id"] for a in both] == ["lavrov", "macron"]


def test_table_summarises_each_input(tmp_path: Path) -> None:
    (tmp_path / "lavrov.txt").write_text(LAVROV, encoding="utf-8")

    result = veille("analyze", "-f", "table", str(tmp_path / "lavrov.txt"), str(tmp_path / "absent.txt"))

    assert result.exit_code == 0
    assert "lavrov" in result.stdout and "absent" in result.stdout


def test_a_bad_published_date_is_a_usage_error() -> None:
    result = veille("analyze", "--published", "21/08/2025", "-", input="")

    assert result.exit_code == 2
    assert result.stderr == "veille: error: --published: 'published' is not an ISO 8601 date: '21/08/2025'\n"


def test_ingest_twice_stores_once(tmp_path: Path, bad_inputs: list[str]) -> None:
    db = f"sqlite:///{tmp_path / 'veille.db'}"

    first = veille("ingest", *bad_inputs, "--db", db)
    second = veille("ingest", bad_inputs[0], "--db", db)

    assert first.exit_code == 0
    assert first.stderr.splitlines()[-1] == "veille: 3 stored, 0 already stored, 4 failed"
    assert second.exit_code == 0
    assert second.stderr.splitlines()[-1] == "veille: 0 stored, 2 already stored, 2 failed"


def test_ingest_of_nothing_analysable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_bytes(b"")

    result = veille("ingest", str(tmp_path / "vide.txt"), "--db", f"sqlite:///{tmp_path / 'veille.db'}")

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"veille: error: {tmp_path / 'vide.txt'}: empty file",
                                          "veille: 0 stored, 0 already stored, 1 failed"]


def test_quotes_filtered_by_speaker(filled_db: str) -> None:
    result = veille("quotes", "--speaker", "Lavrov", "--db", filled_db)

    assert result.exit_code == 0
    assert [(q["speaker"], q["date"], q["article"]) for q in lines(result.stdout)] == [
        ("Sergueï Lavrov", "2025-08-20", "lavrov")]


def test_quotes_as_a_table_and_as_csv(filled_db: str) -> None:
    table = veille("quotes", "--contains", "garanties", "--format", "table", "--db", filled_db)
    rows = list(csv.DictReader(io.StringIO(veille("quotes", "-f", "csv", "--db", filled_db).stdout)))

    assert "Sergueï Lavrov" in table.stdout and "Volodymyr Zelensky" in table.stdout
    assert [r["speaker"] for r in rows] == ["Sergueï Lavrov", "Volodymyr Zelensky",
                                            "Un responsable américain de la défense"]


def test_people_lists_named_people_with_their_roles(filled_db: str) -> None:
    result = veille("people", "--format", "json", "--db", filled_db)

    assert json.loads(result.stdout)[0] == {"name": "Sergueï Lavrov", "roles": [
        "ministre russe des affaires étrangères"], "articles": 1, "quotes": 1}


def test_the_db_setting_comes_from_the_environment(filled_db: str) -> None:
    result = veille("people", env={"VEILLE_DB": filled_db})

    assert [p["name"] for p in lines(result.stdout)] == ["Sergueï Lavrov", "Volodymyr Zelensky"]


def test_export_jsonl_round_trips_to_the_contract(filled_db: str, contract_schema: dict[str, Any]) -> None:
    result = veille("export", "--format", "jsonl", "--db", filled_db)

    exported = lines(result.stdout)
    assert [a["article"]["id"] for a in exported] == ["lavrov", "zelensky"]
    for analysis in exported:
        jsonschema.validate(analysis, contract_schema)


def test_export_csv_gives_one_row_per_quote(filled_db: str) -> None:
    result = veille("export", "--format", "csv", "--db", filled_db)

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["article"], r["kind"]) for r in rows] == [
        ("lavrov", "direct"), ("zelensky", "indirect"), ("zelensky", "indirect")]


def test_store_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    result = veille("quotes", "--db", f"sqlite:///{tmp_path / 'absent.db'}")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"veille: error: no database at {tmp_path / 'absent.db'}: " \
                            "run `veille ingest` or `veille demo` first\n"


def test_reindex_reports_how_many_articles(filled_db: str) -> None:
    result = veille("reindex", "--db", filled_db)

    assert (result.exit_code, result.stderr) == (0, "veille: 2 articles reindexed\n")


def test_demo_stores_the_sample_articles(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"

    result = veille("demo", "--db", db)

    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == f"veille: 7 stored, 0 already stored, 0 failed into {db}"
    assert [a["article"]["id"] for a in lines(veille("export", "--db", db).stdout)] == [
        "seed", "dev-03", "dev-07", "dev-11", "dev-19", "dev-24", "dev-26"]


def test_actor_as_json_is_the_record_of_the_one_actor_found(linked_db: str) -> None:
    result = veille("actor", "Poutine", "--format", "json", "--db", linked_db)

    assert result.exit_code == 0
    putin = json.loads(result.stdout)
    assert (putin["name"], putin["country"], putin["first_seen"], putin["last_seen"]) == (
        "Vladimir Poutine", "RU", "2025-08-15", "2025-08-21")
    assert set(putin) >= {"aliases", "roles", "quotes", "events", "stances", "lat", "lon", "ambiguous"}


def test_actor_as_jsonl_csv_and_table(linked_db: str) -> None:
    jsonl = veille("actor", "Soumy", "--db", linked_db)
    rows = list(csv.DictReader(io.StringIO(veille("actor", "Poutine", "-f", "csv", "--db", linked_db).stdout)))
    table = veille("actor", "Poutine", "-f", "table", "--db", linked_db)

    assert [(a["name"], a["place"], a["country"]) for a in lines(jsonl.stdout)] == [("Soumy", "Sumy", "UA")]
    assert [(r["kind"], r["date"], r["what"]) for r in rows] == [
        ("role", "2025-08-15", "président russe"), ("quote", "2025-08-15", "direct"),
        ("quote", "2025-08-20", "indirect"), ("event", "2025-08-15", "CONSULT (visit) as actor"),
        ("stance", "2025-08-15", "support: une paix durable")]
    assert list(rows[0]) == ["actor", "kind", "date", "until", "what", "text", "sources"]
    assert "Vladimir Poutine" in table.stdout and "président russe" in table.stdout


def test_actor_not_found_exits_1_saying_so(linked_db: str) -> None:
    result = veille("actor", "Macron", "--db", linked_db)

    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "veille: no actor matches 'Macron'\n"


def test_events_filtered_as_jsonl_with_sources(linked_db: str) -> None:
    result = veille("events", "--type", "assault", "--place", "Ukraine", "--from", "2025-08-21", "--db", linked_db)

    assert result.exit_code == 0
    (attack,) = lines(result.stdout)
    assert (attack["type"], attack["places"], attack["killed"], attack["sources"]) == (
        "ASSAULT", ["Soumy"], 2, ["afp", "reuters"])


def test_events_as_csv_have_one_column_per_field(linked_db: str) -> None:
    result = veille("events", "--actor", "Poutine", "-f", "csv", "--db", linked_db)

    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(row) == ["date", "published", "type", "mode", "actors", "targets", "places", "killed",
                         "injured", "modality", "reported_by", "text", "sources"]
    assert (row["type"], row["actors"], row["targets"]) == ("CONSULT", "Vladimir Poutine", "Donald Trump")


def test_events_say_whose_word_they_are_and_can_keep_to_what_articles_assert(db_url: str) -> None:
    store.ingest([claims()], db_url)

    every = lines(veille("events", "--db", db_url).stdout)
    asserted = lines(veille("events", "--asserted-only", "--db", db_url).stdout)
    timeline = veille("timeline", "--db", db_url, "-f", "csv").stdout

    assert [(e["places"], e["modality"], e["reported_by"]) for e in every] == [
        (["Odessa"], "asserted", None), (["Kherson"], "reported", "Oleh Kiper"),
        (["Kharkiv"], "denied", "L'armée russe")]
    assert [e["places"] for e in asserted] == [["Odessa"]]
    assert "ASSAULT, according to Oleh Kiper" in timeline and "ASSAULT, denied by L'armée russe" in timeline


def test_an_unknown_event_type_or_a_bad_day_is_a_usage_error(linked_db: str) -> None:
    bad_type = veille("events", "--type", "PARTY", "--db", linked_db)
    bad_day = veille("events", "--from", "21/08/2025", "--db", linked_db)

    assert bad_type.exit_code == 2 and "PARTY" in bad_type.stderr
    assert (bad_day.exit_code, bad_day.stderr) == (
        2, "veille: error: --from: not a day, month or year (YYYY-MM-DD, YYYY-MM, YYYY): '21/08/2025'\n")


def test_timeline_as_json_lists_days_in_order(linked_db: str) -> None:
    result = veille("timeline", "--to", "2025-08-20", "-f", "json", "--db", linked_db)

    found = json.loads(result.stdout)
    assert [t["day"] for t in found] == sorted(t["day"] for t in found)
    assert {t["day"] for t in found} == {"2025-08-15", "2025-08-20"}
    assert set(found[0]) == {"day", "kind", "who", "what", "where", "text", "article", "sources"}


def test_stances_by_holder_as_a_table(linked_db: str) -> None:
    table = veille("stances", "--holder", "Zelensky", "-f", "table", "--db", linked_db)
    jsonl = veille("stances", "--target", "sanctions", "--db", linked_db)

    assert "demand" in table.stdout and "afp; reuters" in table.stdout
    assert [(s["holder"], s["polarity"]) for s in lines(jsonl.stdout)] == [("Kremlin", "oppose")]


def test_reindex_relinks_actors_and_stories(linked_db: str) -> None:
    before = veille("actor", "Poutine", "-f", "json", "--db", linked_db).stdout

    result = veille("reindex", "--db", linked_db)

    assert (result.exit_code, result.stderr) == (0, "veille: 5 articles reindexed\n")
    assert veille("actor", "Poutine", "-f", "json", "--db", linked_db).stdout == before


@pytest.mark.parametrize("command", ["analyze", "ingest", "quotes", "people", "export", "reindex", "demo",
                                     "actor", "events", "timeline", "stances"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = veille(command, "--help")

    assert result.exit_code == 0
    assert f"Example: veille {command}" in result.stdout


def test_python_dash_m_veille_is_the_same_command() -> None:
    result = subprocess.run([sys.executable, "-m", "veille", "--help"],
                            capture_output=True, text=True, check=True)

    assert "analyze" in result.stdout


def test_quotes_show_confidence_and_speaker_link_and_keep_a_minimum(db_url: str) -> None:
    store.ingest([kallas(), lavrov()], db_url)

    table = veille("quotes", "-f", "table", "--db", db_url)
    rows = list(csv.DictReader(io.StringIO(veille("quotes", "-f", "csv", "--db", db_url).stdout)))
    sure = veille("quotes", "--min-confidence", "0.6", "--db", db_url)
    unsure = veille("quotes", "--min-confidence", "0", "-f", "json", "--db", db_url)

    assert "0.45" in table.stdout and "0.453" not in table.stdout and "pronoun" in table.stdout
    assert [(r["confidence"], r["speaker_link"]) for r in rows] == [("", ""), ("0.453", "pronoun"),
                                                                     ("0.8", "description")]
    assert [(q["text"], q["confidence"], q["speaker_link"]) for q in lines(sure.stdout)] == [
        ("les sanctions seront renforcées", 0.8, "description")]
    assert [q["confidence"] for q in json.loads(unsure.stdout)] == [0.453, 0.8]  # none given: left out


def test_a_minimum_confidence_outside_0_to_1_is_a_usage_error(filled_db: str) -> None:
    result = veille("quotes", "--min-confidence", "1.5", "--db", filled_db)

    assert result.exit_code == 2 and "--min-confidence" in result.output
