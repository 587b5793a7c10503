"""Kinds of bad input, each built here rather than stored (some are megabytes, a pipe or a symlink loop).

A `Kind` is either a JSON Lines line (`line`: the raw bytes, which may not even be JSON) or a path
given on the command line (`make` builds it in a folder). `outcome` says what veille must do with it:
"refused" (a one-line error naming the record, listed in the rejects file) or "analysed" (an odd
record veille reads anyway, like a number-only text or a date in basic ISO form). test_bad_input.py
runs every kind beside good records through `veille analyze`, `veille ingest` and the API.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOOD = (
    "Le ministre de l'Intérieur, Laurent Nuñez, a annoncé mardi à Paris l'arrestation de trois suspects.",
    "« Nous ne céderons pas », a déclaré la présidente de la région, Carole Delga, lors d'un point presse.",
    "Selon la préfecture, deux manifestants ont été blessés samedi à Lyon lors d'affrontements avec la police.",
)


@dataclass(frozen=True)
class Kind:
    name: str
    outcome: str  # "refused" or "analysed"
    line: bytes | None = None  # a JSON Lines line, without its newline
    make: Callable[[Path], Path] | None = None  # builds a file (or pipe, link…) in the folder, returns its path
    reason: str = ""  # words the refusal must hold

    @property
    def ident(self) -> str:
        return f"bad-{self.name}"


def record(name: str, outcome: str = "refused", reason: str = "", **fields: Any) -> Kind:
    """A kind that is one JSON object; its id is the kind's unless `fields` gives one."""
    body = {"id": f"bad-{name}", **fields}
    return Kind(name, outcome, line=json.dumps(body, ensure_ascii=False).encode("utf-8"), reason=reason)


def raw(name: str, line: bytes, reason: str = "") -> Kind:
    return Kind(name, "refused", line=line, reason=reason)


def file(name: str, suffix: str, content: bytes | str, outcome: str = "refused", reason: str = "") -> Kind:
    def make(folder: Path) -> Path:
        path = folder / f"bad-{name}{suffix}"
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path
    return Kind(name, outcome, make=make, reason=reason)


def special(name: str, make: Callable[[Path], Path], reason: str = "") -> Kind:
    return Kind(name, "refused", make=make, reason=reason)


def _pipe(folder: Path) -> Path:
    path = folder / "bad-pipe.txt"
    os.mkfifo(path)
    return path


def _symlink_loop(folder: Path) -> Path:
    first, second = folder / "bad-loop-a.txt", folder / "bad-loop-b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


def _dangling(folder: Path) -> Path:
    path = folder / "bad-dangling.txt"
    path.symlink_to(folder / "nowhere.txt")
    return path


def _device(folder: Path) -> Path:
    return Path("/dev/zero")


def _nested_divs(count: int) -> str:
    return "<html><body>" + "<div>" * count + "Bonjour." + "</div>" * count + "</body></html>"


PARAGRAPH = GOOD[0]
DATED = "Le 3 mars 2024, la police a interpellé un homme à Lyon. "
CYRILLIC = ("Министр иностранных дел России Сергей Лавров заявил в среду, что переговоры "
            "с Украиной будут продолжены в ближайшее время. ") * 3
ARABIC = "قال وزير الخارجية الروسي سيرغي لافروف يوم الأربعاء إن المفاوضات مع أوكرانيا ستستمر قريبا. " * 3
CHINESE = "俄罗斯外交部长拉夫罗夫周三表示，与乌克兰的谈判将在近期继续进行。" * 3

KINDS: tuple[Kind, ...] = (
    # --- lines that are no record ---
    raw("not-json", b"{\"id\": \"x\", \"text\": ", reason="not JSON"),
    raw("nested-deep", b"[" * 100_000 + b"]" * 100_000, reason="nested"),
    raw("nested-object-deep", b"{\"id\": \"d\", \"text\": " + b"{\"a\": " * 50_000 + b"1" + b"}" * 50_001,
        reason="nested"),
    raw("not-utf8", "{\"id\": \"latin\", \"text\": \"Café crème\"}".encode("latin-1"), reason="UTF-8"),
    raw("array", b"[1, 2, 3]", reason="JSON object"),
    raw("string", b"\"juste du texte\"", reason="JSON object"),
    raw("null", b"null", reason="JSON object"),
    raw("lone-surrogate", b"{\"id\": \"bad-lone-surrogate\", \"text\": \"Le ministre \\ud800 a parl\\u00e9.\"}",
        reason="surrogate"),
    raw("nul-byte", b"{\"id\": \"bad-nul-byte\", \"text\": \"Le ministre\\u0000 a parl\\u00e9.\"}", reason="NUL"),
    # --- fields of the wrong kind ---
    record("no-text", reason="no text"),
    record("text-null", text=None, reason="no text"),
    record("text-number", text=42, reason="'text' must be a string"),
    record("text-object", text={"body": PARAGRAPH}, reason="'text' must be a string"),
    record("text-empty", text="", reason="empty"),
    record("text-blank", text=" \n\t \n", reason="empty"),
    record("id-object", id={"n": 1}, text=PARAGRAPH, reason="'id'"),
    record("id-list", id=[1, 2], text=PARAGRAPH, reason="'id'"),
    record("id-empty", id="", text=PARAGRAPH, reason="'id'"),
    record("id-control", id="a\nb\x07", text=PARAGRAPH, reason="'id'"),
    record("id-huge", id="x" * 5000, text=PARAGRAPH, reason="'id'"),
    record("title-number", text=PARAGRAPH, title=3, reason="'title'"),
    record("language-number", text=PARAGRAPH, language=1, reason="'language'"),
    record("language-unknown", text=PARAGRAPH, language="xx", reason="no model"),
    record("unknown-field", text=PARAGRAPH, body="?", reason="unknown field"),
    record("published-number", text=PARAGRAPH, published=20250821, reason="'published'"),
    record("published-invalid", text=PARAGRAPH, published="2025-13-45", reason="ISO 8601"),
    record("published-words", text=PARAGRAPH, published="hier", reason="ISO 8601"),
    record("published-basic", "analysed", text=PARAGRAPH, published="20250821"),
    record("published-far-future", "analysed", text=DATED + "Il y a trois jours, un attentat a eu lieu. Dans trois ans, le procès aura lieu.",
           published="9999-12-31"),
    record("published-far-past", "analysed", text=DATED + "Dans trois jours, le procès s'ouvrira. Il y a trois ans, un attentat a eu lieu.",
           published="0001-01-02"),
    # --- texts veille has no model for, or no words in ---
    record("cyrillic", text=CYRILLIC, reason="Cyrillic"),
    record("arabic", text=ARABIC, reason="Arabic"),
    record("chinese", text=CHINESE, reason="CJK"),
    record("cyrillic-said-french", text=CYRILLIC, language="fr", reason="Cyrillic"),
    record("emoji-only", text="🔥🔥🔥 😡😡 🇫🇷🇺🇦 👍", reason="no words"),
    record("punctuation-only", text="!!! ??? ... ;;; — « » " * 20, reason="no words"),
    record("digits-only", text="12 345 678 90 2024 3,14", reason="no words"),
    record("controls", text="Texte\x01\x02\x03\x04\x05\x06\x0e\x0f\x10\x11" * 50, reason="control characters"),
    # --- sizes and shapes that cost time or memory ---
    record("five-megabytes", text=(PARAGRAPH + "\n") * 52_000, reason="characters"),
    record("no-spaces", text="a" * (1 << 20), reason="characters"),
    record("no-spaces-short", "analysed", text=PARAGRAPH + " " + "x" * 150_000),
    record("quote-marks", "analysed", text=PARAGRAPH + " " + "« " * 10_000),
    record("straight-quotes", "analysed", text=PARAGRAPH + " " + "\"" * 20_000),
    record("quote-marks-only", text="« " * 100_000, reason="no words"),
    record("dated-phrase", "analysed", text=DATED * 500),
    record("dated-phrase-20000", text=DATED * 20_000, reason="characters"),
    record("punctuation-run", "analysed", text=PARAGRAPH + " " + "!?.;,:" * 3_000),
    record("brackets", "analysed", text="(" * 5_000 + PARAGRAPH + ")" * 5_000),
    record("endless-sentence", "analysed", text=" ".join(["le ministre a dit que"] * 1_000)),
    record("blank-lines", "analysed", text=PARAGRAPH + "\n" * 100_000 + PARAGRAPH),
    record("title-huge", "analysed", text=PARAGRAPH, title="T" * 100_000),
    # --- files and paths ---
    file("empty", ".txt", b"", reason="empty"),
    file("binary", ".txt", bytes(range(256)) * 40, reason="binary"),
    file("png", ".txt", b"\x89PNG\r\n\x1a\n" + bytes(2000), reason="binary"),
    file("utf16-no-bom", ".txt", (PARAGRAPH + "\n").encode("utf-16-le"), "analysed"),
    file("utf16-be-no-bom", ".txt", (PARAGRAPH + "\n").encode("utf-16-be"), "analysed"),
    file("cp1252", ".txt", (PARAGRAPH + " Café à l'été.").encode("cp1252"), "analysed"),
    file("nested-divs", ".html", _nested_divs(100_000), reason="nested"),
    file("html-no-text", ".html", "<html><head><title>Vide</title></head><body></body></html>", reason="text"),
    file("unknown-suffix", ".docx", b"PK\x03\x04", reason="cannot read"),
    file("jsonl-empty", ".jsonl", b"", reason="empty"),
    file("big-file", ".txt", (PARAGRAPH + "\n") * 52_000, reason="characters"),
    special("pipe", _pipe, reason="not a regular file"),
    special("symlink-loop", _symlink_loop, reason="symbolic link"),
    special("dangling-symlink", _dangling, reason="symbolic link"),
    special("device", _device, reason="not a regular file"),
)

DUPLICATE_ID = "dup"  # two records share it: the second is refused


def good_records(count: int) -> list[dict[str, str]]:
    return [{"id": f"good-{n}", "text": GOOD[n % len(GOOD)] + f" Dépêche n° {n}.", "published": "2025-08-21"}
            for n in range(count)]
