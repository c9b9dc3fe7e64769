"""Typos and spelling variants, on folded (unmarked, lower case) words.

Spelling variants: Vietnamese orthography lets the same word be written two
ways, and both are in use in the same ministry: "quí"/"quý", "kỉ"/"kỷ",
"lí"/"lý", "mĩ"/"mỹ". ``canonical`` maps both to one form, so that indexing
and querying the canonical form finds either. The rule, on a folded word:

* ``qui`` and ``quit`` are ``quy`` and ``quyt`` (quí/quý, quít/quýt);
* a whole word of one consonant among h, k, l, m, s, t, v followed by ``y``
  is that consonant followed by ``i`` (hy/hi, ky/ki, ly/li, my/mi, sy/si,
  ty/ti, vy/vi): there the y is only the old spelling of the vowel i.

Nothing else changes: in "quy", "tuy", "huy", "thuy", "khuya", "uy" the y
follows the medial u and is another vowel; "y", "yen", "yeu" begin with it;
"chi", "khi", "nghi", "phi", "thi", "tri" are never written with y.

Typos: ``Corrector`` finds the known words one edit away (a letter inserted,
deleted, replaced, or two adjacent letters swapped) from a word of four
letters or more, with a symmetric-delete index (SymSpell): every known word
and every word one deletion away from it point to the known word, so a
lookup is a few dictionary reads, whatever the size of the word list.
"""

from collections.abc import Iterable
from collections.abc import Mapping

import re


MIN_LENGTH = 4  # shorter words are too often another real word one edit away

VARIANT_Y = re.compile(r"([hklmstv])y")
QUI = {"qui": "quy", "quit": "quyt"}

ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
STAGGER = (0.0, 0.25, 0.75)
KEYS = {
    key: (row, column + STAGGER[row])
    for row, keys in enumerate(ROWS)
    for column, key in enumerate(keys)
}

# Kinds of edit, most likely slip first.
TRANSPOSITION, NEIGHBOUR, DOUBLED, INSERTION, DELETION, SUBSTITUTION = range(6)
LIKELY = (TRANSPOSITION, NEIGHBOUR, DOUBLED)


def canonical(folded: str) -> str:
    """The one spelling of a folded word's variants (see the module)."""
    if folded in QUI:
        return QUI[folded]
    if VARIANT_Y.fullmatch(folded):
        return folded[0] + "i"
    return folded


def adjacent(a: str, b: str) -> bool:
    """Are `a` and `b` neighbouring keys on a QWERTY keyboard?"""
    if a not in KEYS or b not in KEYS or a == b:
        return False
    (row_a, x_a), (row_b, x_b) = KEYS[a], KEYS[b]
    if row_a == row_b:
        return abs(x_a - x_b) == 1
    return abs(row_a - row_b) == 1 and abs(x_a - x_b) < 1


def edit_kind(typed: str, known: str) -> int | None:
    """How `known` is one edit from `typed` (a kind above), or None."""
    if typed == known:
        return None
    if len(typed) == len(known):
        diff = [i for i in range(len(typed)) if typed[i] != known[i]]
        if len(diff) == 1:
            i = diff[0]
            return NEIGHBOUR if adjacent(typed[i], known[i]) else SUBSTITUTION
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i, j = diff
            if typed[i] == known[j] and typed[j] == known[i]:
                return TRANSPOSITION
        return None
    if len(typed) == len(known) + 1:  # a letter too many
        for i in range(len(typed)):
            if typed[:i] + typed[i + 1 :] == known:
                doubled = (i and typed[i - 1] == typed[i]) or (
                    i + 1 < len(typed) and typed[i + 1] == typed[i]
                )
                return DOUBLED if doubled else INSERTION
        return None
    if len(typed) + 1 == len(known):  # a letter missing
        for i in range(len(known)):
            if known[:i] + known[i + 1 :] == typed:
                return DELETION
    return None


def _deletes(word: str):
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Corrector:
    """The known words one edit away from a typed one (see the module).

    `words`: the folded word list (a lexicon's words); `counts`: optional
    word -> frequency, used to rank candidates of the same kind of edit.
    Words shorter than MIN_LENGTH - 1 are not indexed: they are never one
    edit from a word of MIN_LENGTH letters.
    """

    def __init__(self, words: Iterable[str], counts: Mapping[str, int] | None = None):
        self.counts = dict(counts or {})
        self.words = {w for w in words if len(w) >= MIN_LENGTH - 1}
        index: dict[str, object] = {}
        for word in self.words:
            for key in (word, *_deletes(word)):
                found = index.get(key)
                if found is None:
                    index[key] = word  # most keys have one word: no list
                elif isinstance(found, list):
                    found.append(word)
                else:
                    index[key] = [found, word]
        self._index = index

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def candidates(self, word: str) -> list[str]:
        """Known words one edit from `word` (not itself), likeliest first:
        swapped or neighbouring-key letters and doubled keys, then by
        frequency, then alphabetically; [] for words under MIN_LENGTH."""
        if len(word) < MIN_LENGTH:
            return []
        seen = set()
        for key in (word, *_deletes(word)):
            found = self._index.get(key)
            if found is None:
                continue
            seen.update(found if isinstance(found, list) else (found,))
        ranked = []
        for known in seen:
            kind = edit_kind(word, known)
            if kind is not None:
                likely = 0 if kind in LIKELY else 1
                ranked.append((likely, -self.counts.get(known, 0), known))
        return [known for *_, known in sorted(ranked)]

    def correct(self, word: str) -> str | None:
        """The likeliest known word for an unknown `word`, or None."""
        if word in self.words:
            return None
        found = self.candidates(word)
        return found[0] if found else None
