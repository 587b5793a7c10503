"""Copies of one wire story, found by MinHash and locality-sensitive hashing (datasketch).

An article's text becomes a set of shingles (runs of five folded words) and a MinHash signature of
128 permutations, whose agreement estimates the Jaccard similarity of two shingle sets. The
signature is cut into LSH bands (datasketch's optimal banding for a 0.5 threshold: 25 bands of 5);
two articles sharing the hash of any band are candidates, and only candidates are compared. The
store keeps each article's band keys in an indexed table, so finding the candidates for a new
article is a lookup, never a pass over the corpus.

    >>> a, b = signature(wire), signature(wire.replace("mardi", "mercredi"))
    >>> similarity(a, b) >= THRESHOLD and bool(set(band_keys(a)) & set(band_keys(b)))
    True
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from ..lang.text import fold

# datasketch is imported where it is used: it imports scipy, a second at start-up.
Signature = npt.NDArray[np.uint32]

NUM_PERM = 128
THRESHOLD = 0.5  # estimated Jaccard similarity of shingles above which two texts are one story
SHINGLE = 5  # words per shingle: long enough that two unrelated articles share few
SEED = 1
SCHEME = "affine32"  # datasketch 2's default, named because stored signatures must be read back with it
WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The text's runs of SHINGLE folded words (the whole text when shorter), as UTF-8."""
    words = WORD.findall(fold(text))
    if len(words) <= SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> Signature:
    """The MinHash signature of `text`'s shingles: NUM_PERM hash values, computed by datasketch."""
    from datasketch import MinHash  # type: ignore[import-untyped]

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(sorted(shingles(text)))
    return np.asarray(minhash.hashvalues, dtype="<u4")


def similarity(a: Signature, b: Signature) -> float:
    """The estimated Jaccard similarity of two texts' shingle sets: the share of hash values they agree on
    (what datasketch's `MinHash.jaccard` computes, without building a MinHash per stored signature)."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(signature: Signature) -> list[int]:
    """One key per LSH band: the band's number and hash values hashed to a signed 64-bit integer."""
    keys = []
    for band, (start, end) in enumerate(_bands()):
        digest = hashlib.blake2b(signature[start:end].tobytes(), digest_size=8,
                                 person=band.to_bytes(16, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def to_bytes(signature: Signature) -> bytes:
    """The signature as stored: its hash values, little-endian unsigned 32-bit."""
    return signature.astype("<u4").tobytes()


def from_bytes(data: bytes) -> Signature:
    return np.frombuffer(data, dtype="<u4")


@lru_cache(maxsize=1)
def _permutations() -> Any:
    # drawing the permutations is most of the cost of a MinHash: draw them once
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


@lru_cache(maxsize=1)
def _bands() -> tuple[tuple[int, int], ...]:
    # datasketch chooses the bands that best separate pairs above and below the threshold
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM).hashranges)
