"""A throwaway PostgreSQL server for the tests that run the store on it.

It is started from the PostgreSQL programs of the machine (Debian's `postgresql` package puts them
in /usr/lib/postgresql/N/bin) in a temporary folder, listens on a Unix socket only, and is stopped
at the end of the session. As root the server runs as the `postgres` user, since PostgreSQL refuses
to run as root. Without those programs or the psycopg driver, the tests that need it are skipped
with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def programs() -> Path | None:
    """The folder of initdb and pg_ctl, or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def missing() -> str | None:
    """Why a PostgreSQL server cannot be started here, or None when it can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the psycopg driver is not installed (pip install '.[postgres]')"
    if programs() is None:
        return "no PostgreSQL server programs (initdb, pg_ctl): apt-get install postgresql"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser to start PostgreSQL as another user"
    return None


@contextmanager
def server() -> Iterator[str]:
    """Starts a server; yields the URL of its `postgres` database, as the `veille` superuser."""
    bin = programs()
    assert bin is not None
    root = Path(tempfile.mkdtemp(prefix="veille-pg-"))
    data, socket = root / "data", root / "socket"
    socket.mkdir()
    as_owner: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(socket, "postgres")
        root.chmod(0o755)
        as_owner = ["runuser", "-u", "postgres", "--"]

    def run(*command: str) -> None:
        subprocess.run([*as_owner, *command], check=True, capture_output=True, cwd=root)

    run(str(bin / "initdb"), "-D", str(data), "-U", "veille", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
    options = f"-c listen_addresses='' -c unix_socket_directories='{socket}' -c fsync=off"
    run(str(bin / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(root / "log"), "start")
    try:
        yield f"postgresql+psycopg://veille@/postgres?host={socket}"
    finally:
        run(str(bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


def fresh_database(server_url: str, name: str) -> str:
    """Creates an empty database `name` on the server; returns its URL."""
    import psycopg

    host = server_url.split("host=")[1]
    with psycopg.connect(dbname="postgres", user="veille", host=host, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.replace("/postgres?", f"/{name}?")
