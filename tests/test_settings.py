"""Settings in layers: defaults < veille.toml < VEILLE_* environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.errors import BadSettings
from veille.settings import Settings, load


def test_defaults_without_file_or_environment(tmp_path: Path) -> None:
    assert load(environ={}, cwd=tmp_path) == Settings(db="sqlite:///veille.db", batch_size=16, language=None)


def test_each_layer_overrides_the_one_before(tmp_path: Path) -> None:
    (tmp_path / "veille.toml").write_text('db = "sqlite:///fichier.db"\nbatch_size = 8\nlanguage = "fr"\n',
                                          encoding="utf-8")

    from_file = load(environ={}, cwd=tmp_path)
    from_env = load(environ={"VEILLE_DB": "sqlite:///env.db", "VEILLE_BATCH_SIZE": "4"}, cwd=tmp_path)
    from_flags = load({"db": "sqlite:///flag.db", "batch_size": None}, environ={"VEILLE_DB": "sqlite:///env.db"},
                      cwd=tmp_path)

    assert (from_file.db, from_file.batch_size, from_file.language) == ("sqlite:///fichier.db", 8, "fr")
    assert (from_env.db, from_env.batch_size, from_env.language) == ("sqlite:///env.db", 4, "fr")
    assert (from_flags.db, from_flags.batch_size) == ("sqlite:///flag.db", 8)


def test_veille_config_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "ailleurs.toml"
    config.write_text("batch_size = 2\n", encoding="utf-8")

    assert load(environ={"VEILLE_CONFIG": str(config)}, cwd=tmp_path).batch_size == 2
    with pytest.raises(BadSettings, match="no such settings file"):
        load(environ={"VEILLE_CONFIG": str(tmp_path / "absent.toml")}, cwd=tmp_path)


def test_a_bad_value_or_an_unknown_key_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(BadSettings, match="setting 'batch_size': "):
        load(environ={"VEILLE_BATCH_SIZE": "beaucoup"}, cwd=tmp_path)
    (tmp_path / "veille.toml").write_text('base = "sqlite:///typo.db"\n', encoding="utf-8")
    with pytest.raises(BadSettings, match="setting 'base': Extra inputs are not permitted"):
        load(environ={}, cwd=tmp_path)
    (tmp_path / "veille.toml").write_text("db = \n", encoding="utf-8")
    with pytest.raises(BadSettings, match=r"veille\.toml: "):
        load(environ={}, cwd=tmp_path)


def test_the_default_worker_count_fits_the_cores_and_the_memory(monkeypatch) -> None:
    from veille import settings as module

    monkeypatch.setattr(module, "machine_cores", lambda: 64)  # a container showing the host's cores
    monkeypatch.setattr(module, "_available_bytes", lambda: 3 * module.WORKER_BYTES + 1)
    assert module.load({}, environ={}).cores == 3
    monkeypatch.setattr(module, "_available_bytes", lambda: 0)
    assert module.load({}, environ={}).cores == 1
    assert module.load({"workers": 5}, environ={}).cores == 5  # asked for: as many as asked
