"""Every `veille COMMAND` the README shows is a command the CLI has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from veille.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_command_in_the_readme_exists() -> None:
    # Commands as shown in the README's indented examples, alone or after a pipe.
    readme = README.read_text(encoding="utf-8")
    named = set(re.findall(r"(?:^ {4}|\| )veille ([a-z]+)", readme, flags=re.MULTILINE))
    help_text = CliRunner().invoke(app, ["--help"]).stdout

    assert named >= {"analyze", "ingest", "quotes", "people", "export"}
    assert [c for c in sorted(named) if not re.search(rf"^\W*{c}\s", help_text, flags=re.MULTILINE)] == []


def test_the_library_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    (example,) = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)
    monkeypatch.chdir(tmp_path)  # the example writes ./veille.db

    exec(compile(example, "README.md", "exec"), {})  # noqa: S102 - running the README is the test

    assert "1 stored, 0 already stored, 0 failed" in capsys.readouterr().out
