"""bench/api_latency.py on a throwaway PostgreSQL server, started as the tests start one.

    python bench/postgres_latency.py [--articles 100000] [api_latency.py's other options]

The server (tests/postgres.py: the machine's PostgreSQL programs, a temporary folder, a Unix socket,
fsync off) lives as long as the run; an empty database is made on it and given as `--db`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import api_latency  # bench/api_latency.py, beside this script
import postgres  # tests/postgres.py


def main(argv: list[str]) -> int:
    reason = postgres.missing()
    if reason:
        raise SystemExit(f"no PostgreSQL server can start here: {reason}")
    with postgres.server() as url:
        return api_latency.main([*argv, "--db", postgres.fresh_database(url, "latency")])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
