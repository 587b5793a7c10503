"""Settings in layers: defaults < TOML file < VEILLE_* environment < command-line flags.

The file is `veille.toml` in the working folder, or the one VEILLE_CONFIG names:

    db = "postgresql+psycopg://veille@localhost/veille"
    batch_size = 32
    language = "fr"
    max_chars = 200000

and each key can be overridden by an environment variable of its name in capitals (VEILLE_DB,
VEILLE_BATCH_SIZE, VEILLE_LANGUAGE), then by a flag. One model validates the result, so a typo in
any layer is reported the same way.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import BadSettings
from .limits import MAX_CHARS, MAX_SECONDS, Limits

CONFIG_FILE = "veille.toml"
ENV_PREFIX = "VEILLE_"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    db: str = Field("sqlite:///veille.db", description="SQLAlchemy URL of the store; SQLite paths are "
                                                       "relative to the working folder")
    batch_size: int = Field(16, ge=1, le=10_000, description="articles spaCy parses together")
    workers: int | None = Field(None, ge=1, le=256, description="processes that analyse at once; when unset, the "
                                                               "cores, at most one per GiB of available memory")
    language: str | None = Field(None, description="language of records that give none; detected when unset")
    contact: str | None = Field(None, description="an e-mail or URL where the sites veille reads can reach "
                                                 "you; sent in its User-Agent")
    host_interval: float = Field(1.0, ge=0, description="seconds `veille watch` waits between two requests "
                                                       "to one host")
    max_chars: int = Field(MAX_CHARS, ge=1, description="texts longer than this are refused, never cut")
    max_seconds: float = Field(MAX_SECONDS, gt=0, description="an article's analysis is stopped and "
                                                             "refused after this many seconds")

    @property
    def cores(self) -> int:
        """The processes to analyse in: `workers`, else the cores this process may use, as many as
        the memory available holds (a container may show the host's cores and not its own limit)."""
        return self.workers or max(1, min(machine_cores(), _available_bytes() // WORKER_BYTES))

    @property
    def limits(self) -> Limits:
        return Limits(max_chars=self.max_chars, max_seconds=self.max_seconds)


WORKER_BYTES = 1 << 30  # what one analysing process may take: its model and its articles (about 0.7 GB)


def _available_bytes() -> int:
    """The memory the system says it can give without swapping (MemAvailable); unknown: no limit."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 1 << 62


def machine_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def load(flags: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None,
         cwd: Path | None = None) -> Settings:
    """The settings in force: each layer overrides the one before; flags left as None do not count."""
    environ = os.environ if environ is None else environ
    layers: dict[str, Any] = {}
    layers.update(_from_file(environ, cwd or Path.cwd()))
    layers.update(_from_env(environ))
    layers.update({key: value for key, value in (flags or {}).items() if value is not None})
    try:
        return Settings.model_validate(layers)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "settings"
        raise BadSettings(f"setting {where!r}: {first['msg']}") from None


def _from_file(environ: Mapping[str, str], cwd: Path) -> dict[str, Any]:
    named = environ.get(f"{ENV_PREFIX}CONFIG")
    path = Path(named) if named else cwd / CONFIG_FILE
    if not path.exists():
        if named:
            raise BadSettings(f"{path}: no such settings file (named by {ENV_PREFIX}CONFIG)")
        return {}
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise BadSettings(f"{path}: {error}") from None


def _from_env(environ: Mapping[str, str]) -> dict[str, str]:
    values = {name: environ.get(f"{ENV_PREFIX}{name.upper()}") for name in Settings.model_fields}
    return {name: value for name, value in values.items() if value}  # an empty variable means unset
