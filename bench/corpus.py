"""The real articles the benchmarks run on: the seed, the shared dev set and the project's own
annotated set, each dated from its gold file so relative dates resolve as in the evaluation."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VEILLE_SHARED", REPO.parent / "shared"))


@dataclass(frozen=True)
class Source:
    ident: str
    text: str
    published: str | None


def real_articles() -> list[Source]:
    paths = [
        SHARED / "corpus" / "seed-nato-security-guarantees.fr.txt",
        *sorted((SHARED / "corpus" / "fr-news").glob("dev-*.txt")),
        *sorted((REPO / "tests" / "eval" / "corpus").glob("*.txt")),
    ]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise SystemExit(f"missing corpus file(s): {', '.join(missing)} (set VEILLE_SHARED?)")
    found = []
    for path in paths:
        ident = "seed" if path.name.startswith("seed-") else path.stem
        found.append(Source(ident, path.read_text(encoding="utf-8"), published(ident)))
    return found


def published(ident: str) -> str | None:
    for folder in (SHARED / "eval" / "gold", REPO / "tests" / "eval" / "gold"):
        gold = folder / f"{ident}.json"
        if gold.is_file():
            value = json.loads(gold.read_text(encoding="utf-8")).get("published")
            return str(value) if value else None
    return None
