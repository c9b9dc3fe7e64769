"""Our message catalogs: complete in Vietnamese and English, in sync with the
code and templates, and compiled."""

from pathlib import Path
from pythongettext.msgfmt import Msgfmt

import pytest
import re
import subprocess
import sys


LOCALES = (
    Path(__file__).resolve().parent.parent / "src" / "qms" / "intranet" / "locales"
)
DOMAIN = "qms.intranet"
LANGUAGES = ("vi", "en")
ENTRY = re.compile(r'^msgid "(.*)"\nmsgstr "(.*)"', re.MULTILINE)


def catalog(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def messages(path: Path) -> dict[str, str]:
    return {k: v for k, v in ENTRY.findall(path.read_text(encoding="utf-8")) if k}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_translated(lang):
    untranslated = [k for k, v in messages(catalog(lang)).items() if not v]
    assert untranslated == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_matches_template(lang):
    assert set(messages(catalog(lang))) == set(messages(LOCALES / f"{DOMAIN}.pot"))


def test_template_matches_code(tmp_path):
    """Rebuilding the .pot from the sources finds exactly the messages we have."""
    pot = tmp_path / f"{DOMAIN}.pot"
    i18ndude = str(Path(sys.executable).with_name("i18ndude"))
    subprocess.run(
        [
            i18ndude,
            "rebuild-pot",
            "--pot",
            str(pot),
            "--create",
            DOMAIN,
            str(LOCALES.parent),
        ],
        check=True,
        capture_output=True,
    )
    assert set(messages(pot)) == set(messages(LOCALES / f"{DOMAIN}.pot"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mo_compiled_from_po(lang):
    po = catalog(lang)
    compiled = Msgfmt(str(po), name=DOMAIN).get()
    assert po.with_suffix(".mo").read_bytes() == compiled


def test_vietnamese_footer_uses_glossary():
    assert messages(catalog("vi"))["footer_qms"].startswith(
        "Hệ thống quản lý chất lượng"
    )
