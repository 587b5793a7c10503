"""Every analysis veille hands out has the contract's shape, and every span points at its words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import veille

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed-nato-security-guarantees.fr.txt"

SENTENCES = [
    "Le ministre russe des affaires étrangères, Sergueï Lavrov, a critiqué mercredi les efforts européens.",
    "« Nous ne céderons pas », a déclaré M. Lavrov lors d'une conférence de presse à Moscou.",
    "Selon les autorités ukrainiennes, des frappes ont blessé 15 personnes dans la nuit de mercredi à jeudi.",
    'Il a ajouté que l\'Ukraine "défendra ses intérêts" face à la Russie.',
    "La chancelière Angela Merkel a rencontré vendredi dernier le président Emmanuel Macron à Berlin.",
    "L'OTAN, l'Alliance atlantique, s'est réunie en 2014 à Kyiv (Kiev).",
    "Elle a indiqué sur Telegram qu’il faudrait « agir vite ».",
]
NOISE = st.sampled_from(["\r\n", "\n\n", " ", "\u00a0", "«", "»", '"', "’", "é", "\t", "…", "(", ")", "--", "12"])


def spans(analysis: dict[str, Any]) -> list[dict[str, Any]]:
    """Every {start, end, text} the analysis points at, quotes' speakers included."""
    out = [m for e in analysis["entities"] for m in e["mentions"]]
    out += [{"start": x["start"], "end": x["end"], "text": x["text"]} for key in ("quotes", "times", "events")
            for x in analysis[key]]
    for q in analysis["quotes"]:
        if q.get("speaker_start") is not None:
            out.append({"start": q["speaker_start"], "end": q["speaker_end"], "text": q["speaker_text"]})
    return out


def check(text: str, analysis: veille.Analysis, schema: dict[str, Any]) -> None:
    data = analysis.to_dict()
    jsonschema.validate(data, schema)
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    assert analysis.article.text == body
    for span in spans(data):
        assert body[span["start"]:span["end"]] == span["text"], span
    ids = {e["id"] for e in data["entities"]}
    for q in data["quotes"]:
        assert q["speaker"] is None or q["speaker"] in ids


def test_the_seed_article_fits_the_contract(contract_schema):
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    analysis = veille.analyze(text, published="2025-08-21", id="seed")
    check(text, analysis, contract_schema)
    assert analysis.article.id == "seed"
    assert analysis.quotes and analysis.entities and analysis.times


def test_an_article_without_publication_date_resolves_no_relative_time(contract_schema):
    text = "Mardi, le président a reçu ses homologues. Le sommet de 2014 reste dans les mémoires."
    analysis = veille.analyze(text)
    check(text, analysis, contract_schema)
    values = {t.text: t.value for t in analysis.times}
    assert values.get("Mardi") is None
    assert "2014" in "".join(v or "" for v in values.values())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(SENTENCES), NOISE), min_size=1, max_size=12))
def test_generated_articles_fit_the_contract_and_offsets_hold(contract_schema, pieces):
    text = " ".join(pieces)
    if not text.strip():
        return
    if not any(char.isalpha() for char in text):  # marks and digits only: no article, refused by name
        with pytest.raises(veille.BadInput, match="no words"):
            veille.analyze(text, published="2025-08-21")
        return
    check(text, veille.analyze(text, published="2025-08-21"), contract_schema)
