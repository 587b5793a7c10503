"""The quality gate: `make eval`'s figures must not fall below the floors in tests/eval/floors.json.

A floor is raised when the extractors improve, and lowered only in a commit of its own that says
why. The issue's targets are recorded beside the floors; the gate enforces the floors.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((ROOT / "tests" / "eval" / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory) -> Path:
    """The folder `make eval` wrote its outputs and reports to."""
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"the shared scorer is not at {SHARED / 'eval'}")
    out = tmp_path_factory.mktemp("eval")
    env = {**os.environ, "EVAL_OUT": str(out), "VEILLE": str(ROOT / ".venv" / "bin" / "veille")}
    if not Path(env["VEILLE"]).exists():
        env["VEILLE"] = "veille"
    subprocess.run(["bash", str(ROOT / "scripts" / "eval.sh")], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return out


@pytest.fixture(scope="module")
def reports(evaluation: Path) -> dict[str, dict]:
    return {name: json.loads((evaluation / f"{name}.json").read_text()) for name in FLOORS["floors"]}


def figure(report: dict, metric: str) -> float:
    value = report[metric]
    return value["f1"] if "f1" in value else value["acc"]


@pytest.mark.slow
@pytest.mark.parametrize("name,metric", [(n, m) for n, floors in FLOORS["floors"].items() for m in floors])
def test_figure_stays_above_its_floor(reports, name, metric):
    floor = FLOORS["floors"][name][metric]
    assert figure(reports[name], metric) >= floor, f"{name} {metric} fell below its floor {floor}"


@pytest.mark.slow
def test_every_gold_article_was_analysed(reports):
    for name, report in reports.items():
        assert report["analysed"] == report["articles"], name


@pytest.mark.slow
@pytest.mark.parametrize("name,metric", [(n, m) for n, floors in FLOORS.get("precision_floors", {}).items()
                                         for m in floors])
def test_precision_stays_above_its_floor(reports, name, metric):
    floor = FLOORS["precision_floors"][name][metric]
    assert reports[name][metric]["p"] >= floor, f"{name} {metric} precision fell below its floor {floor}"


@pytest.mark.slow
def test_no_statement_is_dated_after_its_article(evaluation: Path):
    """A quote or a stance is never dated after the article that reports it was published."""
    later = []
    for output in sorted(evaluation.glob("*.out.jsonl")):
        for line in output.read_text(encoding="utf-8").splitlines():
            analysis = json.loads(line)
            published = (analysis["article"].get("published") or "")[:10]
            if not published:
                continue
            later += [(analysis["article"]["id"], fact.get("date"))
                      for fact in [*analysis.get("quotes", []), *analysis.get("stances", [])]
                      if fact.get("date") and fact["date"][:10] > published]
    assert later == []
