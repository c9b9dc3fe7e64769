"""Words typed in Telex or VNI read back as the Vietnamese syllables meant,
and nothing else does: plain Vietnamese words, English, numbers and codes
propose no reading. No Plone needed."""

from qms.intranet.search.keyboard import decode
from qms.intranet.search.keyboard import decode_query
from qms.intranet.search.keyboard import decode_words
from qms.intranet.search.keyboard import is_syllable
from tests.pure import _keep_functional_session  # noqa: F401
from tests.pure import _keep_integration_session  # noqa: F401

import pytest
import unicodedata


SYLLABLES_TEXT = (
    "quyết định thông tư giấy mời nghị khuya gì ừ hoà hòa thủy thuỷ khỏe khoẻ "
    "giếng gìn giữa quốc người trường được khuỷu yên yêu tiên kiểm nghiệp "
    "huynh huých uống ước oan xoong thuở quý quí kỹ kĩ lý lí a ơ ý ba"
)
SYLLABLES = SYLLABLES_TEXT.split()

NOT_SYLLABLES_TEXT = (
    "quyetd thoongg ddinhj quyét gía muà dàt tiếń iên tyên ka ce gha ngha "
    "ghi1 qa bă mướ quyetdinh tieng2 dồc"
)
NOT_SYLLABLES = NOT_SYLLABLES_TEXT.split()


@pytest.mark.parametrize("word", SYLLABLES)
def test_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", NOT_SYLLABLES)
def test_not_syllables(word):
    assert not is_syllable(word)


def test_syllable_decomposed_and_upper_case():
    assert is_syllable(unicodedata.normalize("NFD", "quyết"))
    assert is_syllable("Quyết")


def test_stop_codas_take_only_sac_or_nang():
    assert is_syllable("tết")
    assert is_syllable("tệt")
    assert not is_syllable("tềt")
    assert not is_syllable("tểt")


TELEX = [
    ("quyeets", "quyết"),
    ("quyeste", "quyết"),  # tone and circumflex at the end
    ("quyeest", "quyết"),
    ("ddinhj", "định"),
    ("dinhjd", "định"),  # đ typed at the end
    ("thoong", "thông"),
    ("thongo", "thông"),
    ("tuw", "tư"),
    ("tw", "tư"),
    ("w", "ư"),
    ("nhw", "như"),
    ("giaays", "giấy"),
    ("giayas", "giấy"),
    ("mowif", "mời"),
    ("moiwf", "mời"),
    ("truowngf", "trường"),
    ("truwowngf", "trường"),
    ("truongwf", "trường"),
    ("dduwowcj", "được"),
    ("nguowif", "người"),
    ("thuowr", "thuở"),
    ("chuwa", "chưa"),
    ("muaw", "mưa"),
    ("giwx", "giữ"),
    ("giuwx", "giữ"),
    ("nawm", "năm"),
    ("hoawcj", "hoặc"),
    ("luaatj", "luật"),
    ("khuyeen", "khuyên"),
    ("quaan", "quân"),
    ("bieets", "biết"),
    ("tieengs", "tiếng"),
    ("vieetj", "việt"),
    ("gif", "gì"),
    ("chir", "chỉ"),
    ("ddaoj", "đạo"),
    ("uoongs", "uống"),
    ("kyx", "kỹ"),
    ("quys", "quý"),
]


@pytest.mark.parametrize(("typed", "meant"), TELEX)
def test_telex(typed, meant):
    assert decode(typed)[0] == meant


VNI = [
    ("quye61t", "quyết"),
    ("quyet61", "quyết"),  # marks at the end
    ("d9i5nh", "định"),
    ("dinh95", "định"),
    ("tho6ng", "thông"),
    ("thong6", "thông"),
    ("tu7", "tư"),
    ("gia61y", "giấy"),
    ("mo72i", "mời"),
    ("tru7o72ng", "trường"),
    ("truong72", "trường"),
    ("d9u7o7c5", "được"),
    ("na8m", "năm"),
    ("ho5p", "họp"),
    ("va8n", "văn"),
    ("ba3n", "bản"),
]


@pytest.mark.parametrize(("typed", "meant"), VNI)
def test_vni(typed, meant):
    assert decode(typed)[0] == meant


@pytest.mark.parametrize(
    "word",
    [
        "ban",
        "tin",
        "van",
        "quy",
        "hoa",
        "thong",
        "was",
        "test",
        "email",
        "file",
        "online",
        "2023",
        "qt-02",
        "qt-02/vp",
        "15/2023/tt-bkhcn",
        "iso9001",
        "a4",
        "vaw",  # ă needs a coda
        "quyets",  # quyét is no syllable
        "thoongg",
        "quyết",  # already marked
        "",
    ],
)
def test_no_reading(word):
    assert decode(word) == []


def test_long_words_are_not_tried():
    assert decode("uouououououow") == []
    assert decode("a" * 40 + "s") == []
    assert decode("nghieengx") == ["nghiễng"]


def test_upper_case():
    assert decode("QUYEETS") == ["quyết"]
    assert decode("Ddinhj") == ["định"]
    assert decode("THO6NG") == ["thông"]


def test_old_and_new_tone_placement():
    assert decode("hoaf") == ["hòa", "hoà"]
    assert decode("thuyr") == ["thủy", "thuỷ"]
    assert decode("khoer") == ["khỏe", "khoẻ"]
    assert decode("hoa2") == ["hòa", "hoà"]


def test_readings_are_nfc_syllables():
    for typed, _meant in TELEX + VNI:
        for reading in decode(typed):
            assert reading == unicodedata.normalize("NFC", reading)
            assert is_syllable(reading)


def test_tone_replaced_and_cleared():
    assert decode("quyeetsj") == ["quyệt"]
    assert decode("quyeetsz") == ["quyêt"] or decode("quyeetsz") == []


def test_decode_query():
    assert decode_query("quyeets ddinhj 15/2023 ban chir ddaoj") == [
        "quyết",
        "định",
        "15/2023",
        "ban",
        "chỉ",
        "đạo",
    ]
    assert decode_query("tho6ng tu7 QT-02/VP") == ["thông", "tư", "QT-02/VP"]
    assert decode_query("Quyết định") == ["Quyết", "định"]


def test_decode_words():
    assert decode_words("thoong tin") == [("thoong", ["thông"]), ("tin", [])]
