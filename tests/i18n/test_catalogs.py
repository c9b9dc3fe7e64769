"""Our message catalogs: complete in Vietnamese and English, in sync with the
code and templates, and compiled."""

from pathlib import Path
from pythongettext.msgfmt import Msgfmt
from tests.conftest import ROOT

import pytest
import re
import subprocess
import sys


LOCALES = ROOT / "src" / "qms" / "intranet" / "locales"
# Our own domain, and the `plone` messages of our workflows.
SOURCES = {"qms.intranet": LOCALES.parent, "plone": LOCALES.parent / "profiles"}
LANGUAGES = ("vi", "en")
CATALOGS = [(domain, lang) for domain in SOURCES for lang in LANGUAGES]
ENTRY = re.compile(r'^msgid "(.*)"\nmsgstr "(.*)"', re.MULTILINE)


def catalog(lang: str, domain: str = "qms.intranet") -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"


def messages(path: Path) -> dict[str, str]:
    return {k: v for k, v in ENTRY.findall(path.read_text(encoding="utf-8")) if k}


@pytest.mark.parametrize(("domain", "lang"), CATALOGS)
def test_every_message_translated(domain, lang):
    untranslated = [k for k, v in messages(catalog(lang, domain)).items() if not v]
    assert untranslated == []


@pytest.mark.parametrize(("domain", "lang"), CATALOGS)
def test_catalog_matches_template(domain, lang):
    pot = LOCALES / f"{domain}.pot"
    assert set(messages(catalog(lang, domain))) == set(messages(pot))


@pytest.mark.parametrize("domain", list(SOURCES))
def test_template_matches_code(tmp_path, domain):
    """Rebuilding the .pot from the sources finds exactly the messages we have."""
    pot = tmp_path / f"{domain}.pot"
    i18ndude = str(Path(sys.executable).with_name("i18ndude"))
    command = [i18ndude, "rebuild-pot", "--pot", str(pot), "--create", domain]
    subprocess.run([*command, str(SOURCES[domain])], check=True, capture_output=True)
    assert set(messages(pot)) == set(messages(LOCALES / f"{domain}.pot"))


@pytest.mark.parametrize(("domain", "lang"), CATALOGS)
def test_mo_compiled_from_po(domain, lang):
    po = catalog(lang, domain)
    compiled = Msgfmt(str(po), name=domain).get()
    assert po.with_suffix(".mo").read_bytes() == compiled


@pytest.mark.parametrize(
    ("msgid", "vietnamese"),
    [
        ("Effective", "Có hiệu lực"),
        ("Obsolete", "Hết hiệu lực"),
        ("Pending approval", "Chờ phê duyệt"),
        ("Draft", "Dự thảo"),
    ],
)
def test_workflow_states_use_glossary(msgid, vietnamese):
    assert messages(catalog("vi", "plone"))[msgid] == vietnamese


def test_vietnamese_footer_uses_glossary():  # noqa: D103
    assert messages(catalog("vi"))["footer_qms"].startswith(
        "Hệ thống quản lý chất lượng"
    )
