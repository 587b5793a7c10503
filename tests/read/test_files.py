"""Reading files into input records: every bad file or line becomes a Failure in its place."""

from __future__ import annotations

import io
import json
from pathlib import Path

from veille.model import Failure
from veille.read.files import read_paths

PHRASE = "Le ministre a déclaré mercredi que « l'accord était mort ». Œuvre à part."
PAGE = """<!doctype html>
<html lang="fr-FR"><head>
<title>Kiev réclame des garanties | Le Quotidien</title>
<meta property="og:title" content="Kiev réclame des garanties">
<meta property="article:published_time" content="2025-08-21T09:30:00+02:00">
<meta property="og:site_name" content="Le Quotidien">
</head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article>
<h1>Kiev réclame des garanties</h1>
<p>Le président ukrainien Volodymyr Zelensky a déclaré mercredi que son pays avait besoin de garanties
de sécurité solides avant tout accord de paix avec la Russie, lors d'une conférence de presse à Kiev.</p>
<p>« Nous ne céderons aucun territoire », a-t-il ajouté devant les journalistes réunis dans la capitale.</p>
</article>
<footer>© Le Quotidien — Mentions légales</footer>
</body></html>
"""


def read(*paths: Path | str, **options: str) -> list[dict | Failure]:
    return list(read_paths(paths, **options))


def test_json_lines_give_one_record_a_line_and_skip_blank_lines(tmp_path: Path) -> None:
    dev = tmp_path / "dev.jsonl"
    dev.write_text('{"id": "a", "text": "Paris a protesté."}\n\n{"id": "b", "text": "Berlin aussi."}\n',
                   encoding="utf-8")

    assert read(dev) == [{"id": "a", "text": "Paris a protesté."}, {"id": "b", "text": "Berlin aussi."}]


def test_a_line_that_is_not_json_is_a_failure_naming_file_and_line(tmp_path: Path) -> None:
    dev = tmp_path / "dev.jsonl"
    dev.write_text('{"id": "a", "text": "Paris a protesté."}\n\n{"id": "b", "text": \n[1, 2]\n',
                   encoding="utf-8")

    first, second, third = read(dev)

    assert first == {"id": "a", "text": "Paris a protesté."}
    assert isinstance(second, Failure) and second.error.startswith(f"{dev} line 3: not JSON: ")
    assert isinstance(third, Failure) and third.error == f"{dev} line 4: not a JSON object but an array"


def test_a_record_without_text_is_a_failure_naming_it(tmp_path: Path) -> None:
    dev = tmp_path / "dev.jsonl"
    dev.write_text('{"id": "sans-texte", "title": "Un titre seul"}\n{"title": "Rien"}\n', encoding="utf-8")

    assert read(dev) == [Failure("sans-texte", f"{dev} line 1: the record has no text"),
                         Failure(f"{dev}:2", f"{dev} line 2: the record has no text")]


def test_text_files_are_named_after_the_file(tmp_path: Path) -> None:
    article = tmp_path / "lavrov-2025.txt"
    article.write_text(PHRASE, encoding="utf-8")

    assert read(article) == [{"id": "lavrov-2025", "text": PHRASE, "path": str(article)}]


def test_utf8_with_a_byte_order_mark_loses_the_mark(tmp_path: Path) -> None:
    article = tmp_path / "bom.txt"
    article.write_bytes(b"\xef\xbb\xbf" + PHRASE.encode("utf-8"))

    assert read(article)[0]["text"] == PHRASE


def test_windows_1252_and_latin_1_are_decoded_right(tmp_path: Path) -> None:
    windows = tmp_path / "windows.txt"
    windows.write_bytes(PHRASE.replace("«", "“").replace("»", "”").encode("cp1252"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le député a répondu à la presse française.".encode("latin-1"))

    assert [r["text"] for r in read(windows, latin)] == [
        PHRASE.replace("«", "“").replace("»", "”"), "Le député a répondu à la presse française."]


def test_empty_and_binary_files_are_failures(tmp_path: Path) -> None:
    (tmp_path / "vide.txt").write_bytes(b"")
    (tmp_path / "blancs.txt").write_bytes(b"  \n\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "bruit.txt").write_bytes(bytes(range(1, 32)) * 4)

    assert [(f.id, f.error) for f in read(*sorted(tmp_path.iterdir()))] == [
        ("blancs", f"{tmp_path / 'blancs.txt'}: empty file"),
        ("bruit", f"{tmp_path / 'bruit.txt'}: binary file, not text"),
        ("image", f"{tmp_path / 'image.txt'}: binary file, not text"),
        ("vide", f"{tmp_path / 'vide.txt'}: empty file"),
    ]


def test_a_missing_path_or_an_unknown_kind_of_file_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "rapport.pdf").write_bytes(b"%PDF-1.7")

    missing, pdf = read(tmp_path / "absent.txt", tmp_path / "rapport.pdf")

    assert missing == Failure("absent", f"{tmp_path / 'absent.txt'}: no such file or folder")
    assert isinstance(pdf, Failure) and pdf.error.startswith(f"{tmp_path / 'rapport.pdf'}: cannot read .pdf")


def test_a_folder_gives_its_articles_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Berlin a répondu.", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text('{"id": "a1", "text": "Ankara a protesté."}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("# pas un article", encoding="utf-8")

    assert [r["id"] for r in read(tmp_path)] == ["a1", "b"]


def test_options_fill_only_what_a_record_does_not_give(tmp_path: Path) -> None:
    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps({"id": "a", "text": "Paris a protesté.", "published": "2024-01-02"}) + "\n"
                   + json.dumps({"id": "b", "text": "Berlin aussi."}) + "\n", encoding="utf-8")

    first, second = read(dev, published="2025-08-21", language="fr")

    assert (first["published"], first["language"]) == ("2024-01-02", "fr")
    assert (second["published"], second["language"]) == ("2025-08-21", "fr")


def test_dash_reads_json_lines_from_stdin() -> None:
    stdin = io.BytesIO(b'{"id": "a", "text": "Paris a protest\xc3\xa9."}\nnope\n')

    first, second = read_paths(["-"], stdin=stdin)

    assert first == {"id": "a", "text": "Paris a protesté."}
    assert second == Failure("<stdin>:2", "<stdin> line 2: not JSON: Expecting value at column 1")


def test_html_pages_give_their_body_text_title_and_date(tmp_path: Path) -> None:
    page = tmp_path / "kiev.html"
    page.write_text(PAGE, encoding="utf-8")

    (record,) = read(page, published="2000-01-01")

    assert record["id"] == "kiev"
    assert record["title"] == "Kiev réclame des garanties"
    assert record["published"] == "2025-08-21"
    assert record["language"] == "fr"
    assert "Volodymyr Zelensky a déclaré mercredi" in record["text"]
    assert "« Nous ne céderons aucun territoire »" in record["text"]
    assert "Accueil" not in record["text"] and "Mentions légales" not in record["text"]


def test_an_html_page_without_an_article_is_a_failure(tmp_path: Path) -> None:
    page = tmp_path / "vide.html"
    page.write_text("<html><head><title>Vide</title></head><body><script>var x;</script></body></html>",
                    encoding="utf-8")

    (failure,) = read(page)

    assert isinstance(failure, Failure) and failure.id == "vide"


def test_utf16_with_its_byte_order_mark_is_text(tmp_path: Path) -> None:
    article = tmp_path / "utf16.txt"
    article.write_bytes(PHRASE.encode("utf-16"))

    assert read(article)[0]["text"] == PHRASE
