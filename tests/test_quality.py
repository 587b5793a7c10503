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
def reports(tmp_path_factory) -> dict[str, dict]:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"the shared scorer is not at {SHARED / 'eval'}")
    out = tmp_path_factory.mktemp("eval")
    env = {**os.environ, "EVAL_OUT": str(out), "VEILLE": str(ROOT / ".venv" / "bin" / "veille")}
    if not Path(env["VEILLE"]).exists():
        env["VEILLE"] = "veille"
    subprocess.run(["bash", str(ROOT / "scripts" / "eval.sh")], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return {name: json.loads((out / f"{name}.json").read_text()) for name in FLOORS["floors"]}


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
