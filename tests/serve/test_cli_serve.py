"""`veille serve`: its help, a missing store refused in one line, and what it tells before serving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from veille.cli import app

runner = CliRunner()


def test_serve_has_help_with_an_example() -> None:
    result = runner.invoke(app, ["serve", "--help"])

    assert result.exit_code == 0
    assert "veille serve --db sqlite:///veille.db --port 8000" in result.stdout
    assert "--host" in result.stdout and "VEILLE_API_TOKEN" in result.stdout


def test_serve_refuses_a_store_that_is_not_there(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'none.db'}"])

    assert result.exit_code == 2
    assert result.stderr.startswith("veille: error: no database at")


def test_serve_says_where_and_whether_writes_are_on(filled_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(app=app, **options))
    monkeypatch.delenv("VEILLE_API_TOKEN", raising=False)

    result = runner.invoke(app, ["serve", "--db", filled_db, "--port", "8123"])

    assert result.exit_code == 0, result.stderr
    assert (served["host"], served["port"]) == ("127.0.0.1", 8123)
    assert "at http://127.0.0.1:8123/" in result.stderr and "writes off" in result.stderr
    assert served["app"].state.url == filled_db
