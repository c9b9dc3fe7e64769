"""Plone's own screens in Vietnamese: our catalogs complete Plone's and come
first, and dates read dd/mm/yyyy with Vietnamese month and weekday names."""

from DateTime import DateTime
from Products.CMFPlone.i18nl10n import ulocalized_time
from qms.intranet.core.i18n import ours
from tests.conftest import load_script
from zope.component import getUtility
from zope.i18n import translate
from zope.i18n.interfaces import ITranslationDomain

import pytest
import re


PLACEHOLDER = re.compile(r"\$\{[^}]+\}|%\([^)]+\)[sd]|%[sd]")


@pytest.fixture(scope="module")
def coverage():
    return load_script("i18n_coverage")


@pytest.mark.parametrize(
    ("domain", "minimum"),
    [
        ("plone", 0.95),
        ("widgets", 1.0),
        ("cmfeditions", 1.0),
        ("cmfplacefulworkflow", 1.0),
    ],
)
def test_coverage(coverage, domain, minimum):
    core, with_ours, _total = coverage.coverage()[domain]
    assert with_ours >= minimum
    assert with_ours > core


def test_placeholders_kept(coverage):
    """A translation that drops ${name} would show broken text."""
    broken = []
    for domain in coverage.DOMAINS:
        text = (coverage.OURS / f"{domain}.po").read_text(encoding="utf-8")
        for block in text.split("\n\n"):
            default = re.search(r'#\. Default: "(.*)"', block)
            entry = coverage.ENTRY.search(block)
            if not entry:
                continue
            msgid, msgstr = (
                coverage._joined(entry.group(2)),
                coverage._joined(entry.group(3)),
            )
            source = default.group(1) if default else msgid
            if set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(msgstr)):
                broken.append((domain, msgid))
    assert broken == []


@pytest.mark.parametrize(
    ("msgid", "domain", "vietnamese"),
    [
        ("Log in", "plone", "Đăng nhập"),
        ("Log out", "plone", "Đăng xuất"),
        # Plone's own wording replaced by the glossary's: ours come first
        ("Pending", "plone", "Chờ xem xét"),
        ("History", "plone", "Lịch sử"),
        ("Private", "plone", "Riêng tư"),
    ],
)
def test_core_messages_in_vietnamese(integration, msgid, domain, vietnamese):
    assert translate(msgid, domain=domain, target_language="vi") == vietnamese


def test_our_catalog_comes_first(integration):

    catalogs = getUtility(ITranslationDomain, name="plone")._catalogs["vi"]
    assert ours(catalogs[0])


def test_dates_day_month_year(integration):

    request = integration["request"]
    request["LANGUAGE"] = "vi"
    when = DateTime("2026/03/15 09:30")
    assert (
        ulocalized_time(
            when, long_format=False, context=integration["portal"], request=request
        )
        == "15/03/2026"
    )
    long = ulocalized_time(
        when, long_format=True, context=integration["portal"], request=request
    )
    assert long == "15/03/2026 09:30"
    assert (
        translate("month_mar", domain="plonelocales", target_language="vi") == "Tháng 3"
    )
    assert (
        translate("weekday_mon", domain="plonelocales", target_language="vi")
        == "Thứ hai"
    )
