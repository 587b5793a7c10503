"""Every kind of bad input (badinput.py) beside good records, through `veille analyze`, `veille
ingest` and `POST /api/articles`: no crash, no hang, no good record lost, each bad one refused with
a one-line reason naming it (and listed in the rejects file) or, when it is only odd, analysed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from badinput import DUPLICATE_ID, KINDS, Kind, good_records
from sqlalchemy import create_engine, select

from veille.store.schema import articles

pytestmark = pytest.mark.slow
TIMEOUT = 900  # seconds for a whole run: a hang fails the test instead of the CI job


def build_inputs(folder: Path) -> tuple[list[Any], list[tuple[str, Kind | None]]]:
    """The command-line inputs (a JSON Lines file, then files), and what each record is, in order:
    ("good", None) or ("bad", kind)."""
    goods = iter(good_records(len(KINDS) + 10))
    expected: list[tuple[str, Kind | None]] = []
    lines: list[bytes] = []

    def good_line() -> None:
        lines.append(json.dumps(next(goods), ensure_ascii=False).encode("utf-8"))
        expected.append(("good", None))

    for kind in KINDS:
        if kind.line is not None:
            good_line()
            lines.append(kind.line)
            expected.append(("bad", kind))
    good_line()
    twin = {"id": DUPLICATE_ID, "text": "Le maire de Lille a inauguré lundi une nouvelle école.", "published": "2025-08-21"}
    lines.append(json.dumps(twin, ensure_ascii=False).encode())
    expected.append(("good", None))
    lines.append(json.dumps({**twin, "text": "Le préfet du Nord a visité mardi un chantier."},
                            ensure_ascii=False).encode())
    expected.append(("bad", Kind("duplicate-id", "refused", reason="duplicate id")))
    good_line()
    jsonl = folder / "input.jsonl"
    jsonl.write_bytes(b"\n".join(lines) + b"\n")
    paths: list[Any] = [jsonl]
    for kind in KINDS:
        if kind.make is not None:
            record = next(goods)
            good = folder / f"{record['id']}.txt"
            good.write_text(record["text"], encoding="utf-8")
            paths += [good, kind.make(folder)]
            expected += [("good", None), ("bad", kind)]
    return paths, expected


def run(*args: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "veille", *map(str, args)], capture_output=True, text=True, check=False,
                          timeout=TIMEOUT)


def check_one_line_errors(stderr: str) -> None:
    assert "Traceback" not in stderr
    for line in stderr.splitlines():
        assert line.startswith("veille: "), f"not a one-line message: {line[:200]!r}"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], list[tuple[str, Kind | None]]]:
    return build_inputs(tmp_path_factory.mktemp("bad"))


def test_the_corpus_has_every_kind_the_issue_names() -> None:
    names = {kind.name for kind in KINDS}
    assert len(names) == len(KINDS) >= 40
    assert {"lone-surrogate", "nested-deep", "five-megabytes", "no-spaces", "quote-marks", "dated-phrase-20000",
            "pipe", "cyrillic", "arabic", "chinese", "id-object", "published-basic", "emoji-only",
            "published-far-future", "utf16-no-bom", "nested-divs", "symlink-loop"} <= names


def test_analyze_keeps_every_good_record_and_refuses_each_bad_one(
        inputs: tuple[list[Any], list[tuple[str, Kind | None]]], tmp_path: Path) -> None:
    paths, expected = inputs
    rejects = tmp_path / "rejects.jsonl"

    done = run("analyze", "--format", "jsonl", "--rejects", rejects, "--published", "2025-08-21", *paths)

    check_one_line_errors(done.stderr)
    assert done.returncode == 0
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(results) == len(expected)  # output item N is input record N
    rejected = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    for result, (what, kind) in zip(results, expected, strict=True):
        refused = result.get("schema") == "veille.error/1"
        if what == "good" or kind is not None and kind.outcome == "analysed":
            assert not refused, f"{kind.name if kind else 'a good record'} was refused: {result.get('error')}"
        else:
            assert kind is not None
            assert refused, f"{kind.name} was analysed"
            assert kind.reason.lower() in result["error"].lower(), f"{kind.name}: {result['error']}"
            assert {"id": result["id"], "error": result["error"]} in rejected
            assert "\n" not in result["error"] and len(result["error"]) < 400
    assert len(rejected) == sum(1 for r in results if r.get("schema") == "veille.error/1")


def test_ingest_stores_every_good_record_once_and_lists_the_rejected(
        inputs: tuple[list[Any], list[tuple[str, Kind | None]]], tmp_path: Path) -> None:
    paths, expected = inputs
    url = f"sqlite:///{tmp_path / 'veille.db'}"
    rejects = tmp_path / "rejects.jsonl"

    done = run("ingest", "--db", url, "--rejects", rejects, "--published", "2025-08-21", *paths)

    check_one_line_errors(done.stderr)
    assert done.returncode == 0
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = list(conn.execute(select(articles.c.id)).scalars())
    engine.dispose()
    goods = [f"good-{n}" for n in range(sum(1 for what, _ in expected if what == "good") - 1)] + [DUPLICATE_ID]
    assert sorted(i for i in stored if i.startswith("good-") or i == DUPLICATE_ID) == sorted(goods)
    assert len(stored) == len(set(stored))
    odd = {kind.ident for what, kind in expected if kind is not None and kind.outcome == "analysed"}
    assert {i for i in stored if i.startswith("bad-")} <= odd
    refused = sum(1 for what, kind in expected if kind is not None and kind.outcome == "refused")
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == refused


def test_the_api_answers_each_bad_record_with_a_client_error(tmp_path: Path) -> None:
    from conftest import lavrov
    from fastapi.testclient import TestClient

    from veille import store
    from veille.serve import create_app

    url = f"sqlite:///{tmp_path / 'veille.db'}"
    store.ingest([lavrov()], url)
    client = TestClient(create_app(url, token="secret"), base_url="http://127.0.0.1", raise_server_exceptions=False)
    headers = {"Authorization": "Bearer secret", "Content-Type": "application/json"}
    statuses = {}
    for kind in KINDS:
        if kind.line is None:
            continue
        answer = client.post("/api/articles", content=kind.line, headers=headers)
        statuses[kind.name] = answer.status_code
        assert answer.status_code < 500, f"{kind.name}: {answer.status_code} {answer.text[:200]}"
        if kind.outcome == "refused":
            assert 400 <= answer.status_code < 500, kind.name
            assert str(tmp_path) not in answer.text
    for record in good_records(3):
        assert client.post("/api/articles", json=record, headers=headers).status_code == 201
