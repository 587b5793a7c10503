"""Which names of one article name one referent: a short form of a longer name ("Lavrov" of
"Sergueï Lavrov"), a plainer one ("Proximus" of "Groupe Proximus"), a slip ("Elisabeth Born"), a
capital more or less, an acronym ("PKK"). Each predicate reads two names and their clusters; the
entity stage folds the shorter cluster into the only longer one it fits."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .entities import Cluster, Lexicon

WORDS = re.compile(r"\s+|(?<=')")


def is_short_form(short: str, full: str, short_cluster: Cluster, full_cluster: Cluster, lex: Lexicon) -> bool:
    """'Lavrov' of 'Sergueï Lavrov', 'Cavo Dragone' of 'Giuseppe Cavo Dragone'; for places and
    organisations 'Cour suprême' of 'Cour suprême américaine' or '… des États-Unis', 'Elysée' of
    'palais de l'Elysée', 'Banyuls' of 'Banyuls-sur-Mer'."""
    if len(short) >= len(full):
        return False
    s, f = WORDS.split(short), WORDS.split(full)
    if s[-1] != f[-1] and s[0] != f[0] and not full.startswith(short + "-"):
        return False  # no branch below can hold: spare the clusters' labels
    if full_cluster.label == "PER":
        # "Me Dacoury" of "Me Dacoury Roger": a surname written first, after a courtesy title
        surname_first = len(s) == 1 and len(f) == 2 and f[0] == s[0] and any(
            m.text.split()[0] in lex.honorifics for m in short_cluster.mentions if " " in m.text)
        return len(s) < len(f) and f[-len(s):] == s or surname_first
    if short_cluster.label == "PER" or len(short) >= len(full):
        return False
    if full.startswith(short + "-"):
        return True
    if len(s) < len(f) and f[:len(s)] == s:
        following = f[len(s)]
        return following.lower() in lex.linking or following[0].islower()
    if len(s) < len(f) and f[-len(s):] == s and (f[0][:1].islower() or f[0] in lex.state_forms):
        # 'palais de l'Elysée' is the Elysée; 'Comité militaire de l'OTAN' and 'tribunal de Lyon' are bodies of their own
        if lex.is_body_word(f[0]):
            return False
        before = f[-len(s) - 1].lower()
        return before in lex.linking or before in lex.elided_articles
    return False


def is_plainer_form(short: str, full: str, short_cluster: Cluster, full_cluster: Cluster, lex: Lexicon) -> bool:
    """'Proximus' of 'Groupe Proximus', 'Méditerranée' of 'mer Méditerranée', 'Groupe Chimique' of
    'Groupe Chimique Tunisien': a body's name without its generic head or its nationality."""
    if "PER" in (short_cluster.label, full_cluster.label):
        return False
    s, f = WORDS.split(short), WORDS.split(full)
    if len(f) != len(s) + 1:
        return False
    if f[1:] == s and f[0] in lex.generic_heads:
        return True
    return f[:-1] == s and f[-1][:1].isupper() and f[-1].lower().endswith(lex.demonym_endings) \
        and full_cluster.label == "ORG"


def differs_by_case(short: str, full: str, short_cluster: Cluster, full_cluster: Cluster) -> bool:
    """'Guinée forestière' of 'Guinée Forestière': one name with a capital more or less, folded into the
    spelling the article uses more (or first). Not a name in capitals ('LUXEMBOURG' of a dateline)."""
    if short == full or short.casefold() != full.casefold() or short.isupper() or full.isupper():
        return False
    rank = (len(full_cluster.mentions), -full_cluster.mentions[0].start)
    return rank > (len(short_cluster.mentions), -short_cluster.mentions[0].start)


def is_misspelling(short: str, full: str, short_cluster: Cluster, full_cluster: Cluster) -> bool:
    """'Elisabeth Born' for 'Elisabeth Borne', written so once: a person's name with a slip in its
    last word, folded into the spelling the article uses more (or first)."""
    if short_cluster.label != "PER" or full_cluster.label != "PER":
        return False
    s, f = short.split(), full.split()
    if len(s) < 2 or len(s) != len(f) or s[:-1] != f[:-1] or s[-1] == f[-1] or s[-1][:1] != f[-1][:1]:
        return False
    if min(len(s[-1]), len(f[-1])) < 4 or SequenceMatcher(None, s[-1], f[-1]).ratio() < 0.85:
        return False
    rank = (len(full_cluster.mentions), -full_cluster.mentions[0].start)
    return rank > (len(short_cluster.mentions), -short_cluster.mentions[0].start)


def is_acronym(short: str, full: str, short_cluster: Cluster, full_cluster: Cluster,
                linking: frozenset[str]) -> bool:
    """'PKK' of 'Parti des travailleurs du Kurdistan', 'CDK-F' of 'Conseil démocratique kurde en France'."""
    letters = re.sub(r"[^A-Za-zÀ-ÖØ-Þ]", "", short)
    if len(letters) < 2 or not letters.isupper() or len(full.split()) < 2:
        return False
    initials = "".join(w[0] for w in re.split(r"[\s\-']+", full) if w and w.lower() not in linking).upper()
    return initials == letters.upper() and full_cluster.label in ("ORG", "MISC", "LOC")
