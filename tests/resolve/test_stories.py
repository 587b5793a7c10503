"""MinHash signatures and LSH bands: copies of one wire story meet, unrelated articles do not."""

from __future__ import annotations

from conftest import LAVROV, SUMMIT, WIRE, WIRE_COPY

from veille.resolve import stories


def test_a_copy_with_edits_is_similar_and_shares_a_band() -> None:
    wire, copy = stories.signature(WIRE), stories.signature(WIRE_COPY)

    assert stories.similarity(wire, copy) >= stories.THRESHOLD
    assert set(stories.band_keys(wire)) & set(stories.band_keys(copy))


def test_unrelated_articles_share_no_band() -> None:
    wire, other = stories.signature(WIRE), stories.signature(SUMMIT)

    assert stories.similarity(wire, other) < 0.1
    assert not set(stories.band_keys(wire)) & set(stories.band_keys(other))


def test_shingles_ignore_case_accents_and_punctuation() -> None:
    assert stories.shingles("L'ÉTÉ sera chaud, très chaud.") == stories.shingles("l'ete sera chaud tres chaud")
    assert stories.shingles("Trois mots seulement") == {b"trois mots seulement"}


def test_a_signature_survives_storage() -> None:
    signature = stories.signature(LAVROV)

    stored = stories.to_bytes(signature)

    assert len(stored) == 4 * stories.NUM_PERM
    assert stories.similarity(stories.from_bytes(stored), signature) == 1.0
    assert len(stories.band_keys(signature)) == 25  # datasketch's banding for a 0.5 threshold
