"""Vietnamese typed without a Vietnamese input method: Telex and VNI.

Staff whose input method is off still type the way their fingers know:
Telex (``quyeets ddinhj``, ``thoong tuw``, ``giaays mowif``) or VNI
(``quye61t d9i5nh``, ``tho6ng tu7``). Folding alone cannot help: the folded
``quyeets`` is not ``quyet``. Here a word's keystrokes are read back into the
Vietnamese syllables they would have produced, and only readings that are
well-formed Vietnamese syllables are kept, so that English words, numbers and
codes decode to nothing.

The syllable model (``is_syllable``) is the orthographic one: an onset
(b, c, ch, d, đ, g, gh, gi, h, k, kh, l, m, n, ng, ngh, nh, p, ph, qu, r, s,
t, th, tr, v, x or none), a rhyme (medial o/u, nucleus, coda) from the closed
list of Vietnamese rhymes, the c/k, g/gh, ng/ngh spelling rules, one tone on
the right vowel (old style "hòa" or new style "hoà") and, after the stop
codas c, ch, p, t, only the sắc or nặng tone.

Decoding never replaces the word as typed: it only proposes readings beside
it. A word without any mark key (``ban``, ``tin``, ``quy``) proposes nothing,
even when a reading exists, since it is most likely meant as typed.
"""

from qms.intranet.search import words

import itertools
import re
import unicodedata


ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
TONES = (ACUTE, GRAVE, HOOK, TILDE, DOT)
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"
VOWEL_MARKS = (CIRCUMFLEX, BREVE, HORN)

VOWELS = set("aăâeêioôơuưy")
MARKED_VOWELS = set("ăâêôơư")
LETTERS = VOWELS | set("bcdđghklmnpqrstvx")

ONSETS = (
    "",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gh",
    "gi",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "ngh",
    "nh",
    "p",
    "ph",
    "qu",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
)

# Every rhyme (medial, nucleus, coda) of standard Vietnamese spelling.
RHYMES = frozenset(
    """
    a ai ao au ay ac ach am an ang anh ap at
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e eo ec em en eng ep et
    ê êu êch êm ên ênh êp êt
    i ia iu ich im in inh ip it
    iêc iêm iên iêng iêp iêt iêu
    yêm yên yêt yêu
    o oi oc om on ong op ot oong ooc
    ô ôi ôc ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua ui uc um un ung up ut
    uôc uôi uôm uôn uông uôt
    ư ưa ưi ưu ưc ưm ưng ưt
    ươc ươi ươm ươn ương ươp ươt ươu
    y
    oa oai oay oac oach oam oan oang oanh oap oat oao
    oăc oăm oăn oăng oăt
    oe oeo oen oet
    uy uya uyu uych uynh uyt uyên uyêt
    uê uêch uênh uân uât uâng uây uơ
    """.split()  # noqa: SIM905 - reads as a table
)

# What follows "qu" (whose u is the medial).
QU_RHYMES = frozenset(
    """
    a ai ao au ay ac ach am an ang anh ap at
    ăc ăm ăn ăng ăp ăt ân âng ât ây âu
    e eo en et ê êu êch ênh
    i it y ynh yt ych yêt yên ơ ôc
    """.split()  # noqa: SIM905 - reads as a table
)

STOP_CODAS = ("c", "ch", "p", "t")
FRONT = tuple("eêiy")  # c/g/ng are written k/gh/ngh before these

# Words that look like Telex but are nearly always English as typed.
ENGLISH = frozenset(
    "as is us was has bus box test best rest must tax taxi".split(),  # noqa: SIM905
)

# Keystrokes of the longest syllable (nghiêng: "nghieengx"), with room for
# stray keys; longer words are not one syllable, and are not tried.
MAX_TYPED = 14

TELEX_TONES = {"s": ACUTE, "f": GRAVE, "r": HOOK, "x": TILDE, "j": DOT, "z": ""}
VNI_TONES = {"1": ACUTE, "2": GRAVE, "3": HOOK, "4": TILDE, "5": DOT, "0": ""}

SHAPE = re.compile(r"([bcdghklmnpqrstvx]*)([aeiouy]+)([cghmnpt]*)")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _split_tone(word: str):
    """(base with vowel marks, tone, index of the toned letter), or None when
    the word has several tones, a tone on a consonant or a foreign letter."""
    letters = []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char):
            if not letters:
                return None
            letters[-1].append(char)
        else:
            letters.append([char])
    base, tone, where = [], "", -1
    for index, (letter, *marks) in enumerate(letters):
        tones = [m for m in marks if m in TONES]
        if tones:
            if tone or len(tones) > 1:
                return None
            tone, where = tones[0], index
        kept = _nfc(letter + "".join(m for m in marks if m not in TONES))
        if len(kept) != 1 or kept not in LETTERS:
            return None
        base.append(kept)
    base = "".join(base)
    if tone and base[where] not in VOWELS:
        return None
    return base, tone, where


def _parses(base: str):
    """The (onset, rhyme, offset of the rhyme) readings of a toneless word."""
    found = []
    for onset in ONSETS:
        if not base.startswith(onset):
            continue
        rest = base[len(onset) :]
        if onset == "qu":
            if rest in QU_RHYMES:
                found.append((onset, rest, 2))
        elif onset == "gi":
            if not any(c in VOWELS for c in rest):
                if rest == "" or "i" + rest in RHYMES:
                    found.append(("g", "i" + rest, 1))  # gì, gìn: i is the vowel
            elif rest.startswith("ê") and "i" + rest in RHYMES:
                found.append((onset, rest, 2))  # giếng, giết
            elif rest in RHYMES and not rest.startswith(("i", "y")):
                found.append((onset, rest, 2))
        elif rest in RHYMES:
            if onset == "" and rest.startswith("iê"):
                continue  # written yê: yên, yêu
            if onset and rest.startswith("yê"):
                continue  # written iê: tiên, kiêu
            if onset in ("c", "g", "ng") and rest.startswith(FRONT):
                continue  # ke, ghe, nghe
            if onset in ("k", "gh", "ngh") and not rest.startswith(FRONT):
                continue
            if onset == "g" and rest.startswith("i"):
                continue  # gi is the onset
            found.append((onset, rest, len(onset)))
    return found


def _tone_positions(rhyme: str, offset: int) -> list[int]:
    """Where the tone may sit, as indexes in the word: old style first."""
    cluster = ""
    for char in rhyme:
        if char not in VOWELS:
            break
        cluster += char
    coda = rhyme[len(cluster) :]
    marked = [i for i, c in enumerate(cluster) if c in MARKED_VOWELS]
    if marked:
        positions = [marked[-1]]  # ươ, uô, iê: the second; ưa: ư
    elif len(cluster) == 1:
        positions = [0]
    elif coda:
        positions = [len(cluster) - 1]  # toán, huýt
    elif len(cluster) == 2:
        both = cluster in ("oa", "oe", "uy")
        positions = [0, 1] if both else [0]  # hòa/hoà; mía, múa
    else:
        positions = [1]  # ngoài, khuỷu
    return [offset + p for p in positions]


def is_syllable(word: str) -> bool:
    """Is `word` (marked, NFC, lower case) one well-formed Vietnamese syllable?"""
    split = _split_tone(_nfc(word.lower()))
    if split is None:
        return False
    base, tone, where = split
    for _onset, rhyme, offset in _parses(base):
        if tone and rhyme.endswith(STOP_CODAS) and tone not in (ACUTE, DOT):
            continue
        if not tone or where in _tone_positions(rhyme, offset):
            return True
    return False


def _with_tone(base: str, tone: str) -> list[str]:
    """`base` with `tone` on each place it may sit (old style first)."""
    if not tone:
        return [base]
    results = []
    for _onset, rhyme, offset in _parses(base):
        for p in _tone_positions(rhyme, offset):
            word = base[:p] + _nfc(base[p] + tone) + base[p + 1 :]
            if word not in results:
                results.append(word)
    return results


def _mark(letter: str, mark) -> str:
    if not mark:
        return letter
    marked = _nfc(letter + mark)
    return marked if len(marked) == 1 else letter + mark  # invalid: dropped later


def _loose_targets(vowels: str, marks: dict, key):
    """The ways a mark key typed away from its vowel may apply."""
    free = [i for i, c in enumerate(vowels) if i not in marks]
    kind = key[0]
    options = []
    if kind == "circ":
        letters = key[1] or "aeo"
        options = [{i: CIRCUMFLEX} for i in free if vowels[i] in letters]
    if kind in ("horn", "w"):
        for i in free:
            if vowels[i] == "u" and i + 1 in free and vowels[i + 1] == "o":
                options.append({i: HORN, i + 1: HORN})  # ươ
        options += [{i: HORN} for i in free if vowels[i] in "uo"]
    if kind in ("breve", "w"):
        options += [{i: BREVE} for i in free if vowels[i] == "a"]
    return options


def _readings(onset, vowels, coda, marks, loose, tone, stroke) -> list[str]:
    """Valid syllables for the parts of a decoded word, most likely first."""
    if stroke:
        if not onset.startswith("d"):
            return []
        onset = "đ" + onset[1:]
    options = [(marks, 0)]
    for key in loose:
        options = [
            ({**chosen, **extra}, cost + 1)
            for chosen, cost in options
            for extra in _loose_targets(vowels, chosen, key)
        ]
    ranked = []
    for order, (chosen, cost) in enumerate(options):
        marked = "".join(_mark(c, chosen.get(i)) for i, c in enumerate(vowels))
        variants = [marked]
        for wrong in ("uơ", "ưo"):  # Unikey's ươ typed as uow, uwo
            if wrong in marked:
                variants.append(marked.replace(wrong, "ươ"))
        for variant in variants:
            for style, word in enumerate(_with_tone(onset + variant + coda, tone)):
                if is_syllable(word):
                    ranked.append((cost, order, style, word))
    results = []
    for *_, word in sorted(ranked):
        if word not in results:
            results.append(word)
    return results


def _telex(word: str) -> list[str] | None:
    """Readings of `word` typed in Telex; None if no mark key was typed."""
    first = next((i for i, c in enumerate(word) if c in "aeiouyw"), None)
    if first is None or not re.fullmatch(r"[a-z]+", word):
        return None
    tone, keyed, letters = "", False, []
    for index, char in enumerate(word):
        if index >= first and char in TELEX_TONES:
            if index and word[index - 1] == char:
                return None  # ss: the key typed twice means the letter itself
            tone, keyed = TELEX_TONES[char], True
        else:
            letters.append(char)
    typed = "".join(letters)
    stroke = False
    if typed.startswith("dd"):
        typed, stroke = typed[1:], True
    elif typed.startswith("d") and typed.endswith("d") and len(typed) > 2:
        typed, stroke = typed[:-1], True
    match = re.fullmatch(
        r"([bcdghklmnpqrstvx]*)([aeiouyw]+)([cghmnpt]*)([aeow]*)", typed
    )
    if not match:
        return None if not (keyed or stroke) else []
    onset, cluster, coda, after = match.groups()
    if onset == "g" and cluster.startswith("iw"):
        onset, cluster = "gi", cluster[1:]  # giwx: giữ
    vowels, marks, loose, hooked = "", {}, [], []
    for char in cluster:
        last = len(vowels) - 1
        if char == "w":
            keyed = True
            if vowels and vowels[-1] in "uoa" and last not in marks:
                marks[last] = BREVE if vowels[-1] == "a" else HORN
                hooked.append(last)
            elif not vowels:
                vowels += "u"
                marks[0] = HORN  # w alone: ư
            else:
                loose.append(("w",))
        elif vowels and char == vowels[-1] and char in "aeo" and last not in marks:
            marks[last], keyed = CIRCUMFLEX, True
        elif (
            char in "aeo"
            and vowels[-1:] in ("i", "y", "u", "o")
            and char in vowels[:-1]
        ):
            loose.append(("circ", char))  # giayas: the a of "ay" doubled late
            keyed = True
        else:
            vowels += char
    for char in after:
        keyed = True
        loose.append(("w",) if char == "w" else ("circ", char))
    if not (keyed or stroke):
        return None
    found = _readings(onset, vowels, coda, marks, loose, tone, stroke)
    if not found and hooked:  # muaw: the w meant for the u of "ua"
        kept = {i: m for i, m in marks.items() if i not in hooked}
        more = [("w",)] * len(hooked)
        found = _readings(onset, vowels, coda, kept, loose + more, tone, stroke)
    return found


def _vni(word: str) -> list[str] | None:
    """Readings of `word` typed in VNI; None if it has no digit or is a code
    such as A4, B2 or ISO9001."""
    if not re.fullmatch(r"[a-z0-9]+", word) or word.isdigit() or word.isalpha():
        return None
    if re.fullmatch(r"[a-z]\d+", word) or re.search(r"\d{4,}", word):
        return None
    letters, tone, toned, stroke, keys = "", "", False, False, []
    for char in word:
        if char.isalpha():
            letters += char
        elif char in VNI_TONES:
            if toned or not any(c in "aeiouy" for c in letters):
                return []
            tone, toned = VNI_TONES[char], True
        elif char == "9":
            if stroke or "d" not in letters:
                return []
            stroke = True
        else:
            keys.append((char, len(letters)))
    match = SHAPE.fullmatch(letters)
    if not match:
        return []
    onset, vowels, coda = match.groups()
    start, end = len(onset), len(onset) + len(vowels)
    marks, loose = {}, []
    kinds = {"6": ("circ", None), "7": ("horn",), "8": ("breve",)}
    fits = {"6": "aeo", "7": "uo", "8": "a"}
    for digit, after in keys:
        index = after - 1 - start
        if start < after <= end and vowels[index] in fits[digit]:
            if index in marks:
                return []
            marks[index] = {"6": CIRCUMFLEX, "7": HORN, "8": BREVE}[digit]
        else:
            loose.append(kinds[digit])
    if stroke and not onset.startswith("d"):
        return []
    return _readings(onset, vowels, coda, marks, loose, tone, stroke)


def decode(word: str) -> list[str]:
    """The Vietnamese syllables `word` reads as in Telex or VNI, most likely
    first (NFC, lower case); [] when it was not typed with mark keys or reads
    as nothing but itself."""
    typed = word.lower()
    if typed in ENGLISH or not typed.isascii() or len(typed) > MAX_TYPED:
        return []
    results = []
    for reading in itertools.chain(_telex(typed) or [], _vni(typed) or []):
        if reading != typed and reading not in results:
            results.append(reading)
    return results


def decode_words(text: str) -> list[tuple[str, list[str]]]:
    """Each word of `text` with its readings (decode)."""
    return [(word, decode(word)) for word in words(text)]


def decode_query(text: str) -> list[str]:
    """The words of `text`, each replaced by its most likely reading if it
    has one: "quyeets ddinhj 15/2023" -> ["quyết", "định", "15/2023"]."""
    return [readings[0] if readings else word for word, readings in decode_words(text)]
