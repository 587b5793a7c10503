"""Writes the JSON Lines input for an evaluation: one record per gold file, its text found by id.

    python scripts/eval_input.py GOLD_DIR TEXT_DIR [TEXT_DIR ...] > IN.jsonl

A gold file NAME.json pairs with NAME.txt in one of the text folders (the seed's text keeps its
long file name and is found by its `id` prefix).
"""

import json
import sys
from pathlib import Path


def text_for(name: str, folders: list[Path]) -> Path:
    for folder in folders:
        for candidate in (folder / f"{name}.txt", *sorted(folder.glob(f"{name}-*.txt"))):
            if candidate.is_file():
                return candidate
    raise SystemExit(f"no text for gold {name!r} in {', '.join(map(str, folders))}")


def main(argv: list[str]) -> int:
    gold_dir, folders = Path(argv[1]), [Path(a) for a in argv[2:]]
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_for(gold_path.stem, folders).read_text(encoding="utf-8")
        record = {"id": gold_path.stem, "text": text, "published": gold.get("published"),
                  "language": gold.get("language")}
        print(json.dumps(record, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
