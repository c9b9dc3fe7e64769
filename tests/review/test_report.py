"""The year's report (issue #15): the article's four figures (35/1/2/2) in
the JSON and in the generated DOCX read back with python-docx, the
evaluation's grades and texts in it, a template the secretariat replaces,
GET @yearly-report over HTTP (400 on a bad year) and who may read the
report, its DOCX and the dashboard (never a 5xx)."""

from datetime import date
from docx import Document
from io import BytesIO
from plone import api
from plone.namedfile.file import NamedBlobFile
from qms.intranet.core.i18n import translated
from qms.intranet.review import evaluation as ev
from qms.intranet.review import report
from tests.review.test_evaluation import ARTICLE_YEAR
from tests.review.test_evaluation import article_year
from tests.review.test_evaluation import UNIT

import pytest
import transaction


VI = {"Accept-Language": "vi"}
YEAR = date.today().year


def docx_text(body: bytes) -> tuple[str, list]:
    document = Document(BytesIO(body))
    text = "\n".join(p.text for p in document.paragraphs)
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in document.tables
    ]
    return text, tables


def test_report_data_has_the_articles_figures(integration, as_user):
    article_year(integration["portal"])
    with as_user("iso.secretary"):
        data = report.report_data(ARTICLE_YEAR)
    row = {r["unit"]: r for r in data["documents"]["items"]}[UNIT]
    assert [row[k] for k in ("revised", "cancelled", "issued_new", "pending_new")] == [
        35,
        1,
        2,
        2,
    ]
    assert data["evaluation"] is None
    assert data["management_reviews"] == []
    assert data["audits"]["programme"] is None


def test_docx_figures_read_back(integration, as_user):
    article_year(integration["portal"])
    ev.ensure_evaluation_section()
    with as_user("iso.secretary"):
        evaluation = ev.create_evaluation(ARTICLE_YEAR)
        evaluation.difficulties = "Cán bộ ISO kiêm nhiệm."
        evaluation.proposals = "Mở lớp đào tạo ISO."
        ev.change_grade(evaluation, UNIT, "chua_dat", "Thử")
        body = report.render_docx(report.report_data(ARTICLE_YEAR))
    text, tables = docx_text(body)
    assert f"năm {ARTICLE_YEAR}" in text
    assert (
        "rà soát, sửa đổi, cải tiến 35 quy trình nghiệp vụ; hủy bỏ 1 quy trình" in text
    )
    assert "ban hành và áp dụng 2 quy trình mới" in text
    assert "Cán bộ ISO kiêm nhiệm." in text
    assert "Mở lớp đào tạo ISO." in text
    documents = next(
        t for t in tables if t[0][:2] == ["TT", "Đơn vị"] and len(t[0]) == 6
    )
    thanhtra = next(r for r in documents if r[1] == "Thanh tra Bộ")
    assert thanhtra[2:] == ["35", "1", "2", "2"]
    assert documents[-1][1] == "Tổng cộng"
    assert documents[-1][2:5] == ["35", "1", "2"]
    annex = tables[-1]
    row = next(r for r in annex if r[1] == "Thanh tra Bộ")
    assert row[2] == "35 / 1 / 2 / 2"
    assert row[-1] == translated(ev.GRADE_TITLES["chua_dat"])


def test_the_secretariats_template(integration, as_user):
    from docx import Document as New

    section = ev.ensure_evaluation_section()
    template = New()
    template.add_paragraph("Mẫu riêng năm {{ year }}: {{ doc.revised }} sửa đổi")
    out = BytesIO()
    template.save(out)
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=section,
            type="File",
            id=report.TEMPLATE_ID,
            title="Mẫu báo cáo",
            file=NamedBlobFile(out.getvalue(), filename="mau-bao-cao.docx"),
        )
    with as_user("iso.secretary"):
        text, _tables = docx_text(report.render_docx(report.report_data(ARTICLE_YEAR)))
    assert text.strip() == f"Mẫu riêng năm {ARTICLE_YEAR}: 0 sửa đổi"


def test_entitled(integration, as_user):
    for login, expected in (
        ("iso.secretary", True),
        ("leader", True),
        ("vp.head", False),
        ("vp.staff", False),
    ):
        with as_user(login):
            assert report.entitled() is expected, login
    with as_user(None):
        assert report.entitled() is False


# Over HTTP


@pytest.fixture
def with_evaluation(functional):
    ev.ensure_evaluation_section()
    with api.env.adopt_user(username="iso.secretary"):
        made = ev.create_evaluation(YEAR)
    transaction.commit()
    return made


def test_rest_the_articles_figures(functional, rest, portal_url):
    article_year(functional["portal"])
    transaction.commit()
    answer = rest("GET", f"@yearly-report?year={ARTICLE_YEAR}", "iso.secretary")
    assert answer.status_code == 200
    body = answer.json()
    assert body["@id"] == f"{portal_url}/@yearly-report?year={ARTICLE_YEAR}"
    row = {r["unit"]: r for r in body["documents"]["items"]}[UNIT]
    assert [row[k] for k in ("revised", "cancelled", "issued_new", "pending_new")] == [
        35,
        1,
        2,
        2,
    ]
    assert body["documents"]["totals"]["revised"] == 35


@pytest.mark.parametrize("year", ["abc", "1800", "20266", "-1"])
def test_rest_bad_year(functional, rest, year):
    answer = rest("GET", f"@yearly-report?year={year}", "iso.secretary", headers=VI)
    assert answer.status_code == 400
    assert answer.json()["error"]["message"].startswith("Năm phải")


@pytest.mark.parametrize(
    ("login", "status"),
    [
        ("iso.secretary", 200),
        ("leader", 200),
        ("vp.head", 403),
        ("vp.staff", 403),
        (None, 401),
    ],
)
def test_rest_permissions(functional, rest, login, status):
    answer = rest("GET", f"@yearly-report?year={YEAR}", login)
    assert answer.status_code == status


@pytest.mark.parametrize(
    ("login", "entitled"),
    [
        ("iso.secretary", True),
        ("leader", True),
        ("vp.head", False),
        ("vp.staff", False),
    ],
)
def test_pages_permissions(
    with_evaluation, http, portal_url, login_as, login, entitled
):
    auth = login_as(login)
    page = http.get(f"{portal_url}/@@yearly-report?year={YEAR}", auth=auth)
    assert page.status_code == 200
    assert ("qms-report-documents" in page.text) is entitled
    assert ("qms-not-entitled" in page.text) is not entitled
    dashboard = http.get(f"{portal_url}/@@qms-dashboard?year={YEAR}", auth=auth)
    assert dashboard.status_code == 200
    assert ('data-figure="revised"' in dashboard.text) is entitled
    docx = http.get(f"{portal_url}/@@yearly-report.docx?year={YEAR}", auth=auth)
    assert docx.status_code == (200 if entitled else 403)
    if entitled:
        assert docx.headers["Content-Type"] == report.DOCX_TYPE
        assert docx.content[:2] == b"PK"
    section = http.get(f"{portal_url}/danh-gia-hang-nam", auth=auth)
    assert section.status_code == 200
    evaluation = http.get(
        f"{portal_url}/danh-gia-hang-nam/{YEAR}", auth=auth, allow_redirects=False
    )
    # a draft: the secretariat and the leaders read it, staff do not
    assert evaluation.status_code < 500
    assert (evaluation.status_code == 200) is entitled
    settings = http.get(
        f"{portal_url}/@@qms-evaluation-settings", auth=auth, allow_redirects=False
    )
    assert settings.status_code < 500
    assert (settings.status_code == 200) is (login == "iso.secretary")


def test_pages_bad_year_never_fail(with_evaluation, http, portal_url, login_as):
    auth = login_as("iso.secretary")
    for view in ("@@yearly-report", "@@qms-dashboard", "@@yearly-report.docx"):
        answer = http.get(f"{portal_url}/{view}?year=abc", auth=auth)
        assert answer.status_code == 200, view


def test_anonymous_pages(with_evaluation, http, portal_url):
    for view in ("@@yearly-report", "@@qms-dashboard", "@@yearly-report.docx"):
        answer = http.get(f"{portal_url}/{view}", allow_redirects=False)
        assert answer.status_code < 500, view
        assert "qms-report-documents" not in answer.text
        assert not answer.content.startswith(b"PK")


def odt_text(body: bytes) -> str:
    """The text of an ODT (its content.xml, tags dropped)."""
    import re
    import zipfile

    with zipfile.ZipFile(BytesIO(body)) as odt:
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        xml = odt.read("content.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", " ", xml)


def test_odt_figures_read_back(functional, http, portal_url, login_as):
    """The report for LibreOffice: the DOCX converted, the article's four
    figures in it; staff are refused it like the DOCX."""
    article_year(functional["portal"])
    transaction.commit()
    page = http.get(
        f"{portal_url}/@@yearly-report?year={ARTICLE_YEAR}",
        auth=login_as("iso.secretary"),
    )
    assert "@@yearly-report.odt" in page.text
    odt = http.get(
        f"{portal_url}/@@yearly-report.odt?year={ARTICLE_YEAR}",
        auth=login_as("iso.secretary"),
    )
    assert odt.status_code == 200, odt.text[:500]
    assert odt.headers["Content-Type"] == report.ODT_TYPE
    assert f"bao-cao-htqlcl-{ARTICLE_YEAR}.odt" in odt.headers["Content-Disposition"]
    text = " ".join(odt_text(odt.content).split())
    assert "35 quy trình nghiệp vụ" in text
    assert "hủy bỏ 1 quy trình" in text
    refused = http.get(
        f"{portal_url}/@@yearly-report.odt?year={ARTICLE_YEAR}",
        auth=login_as("vp.staff"),
    )
    assert refused.status_code == 403
    assert not refused.content.startswith(b"PK")


def test_odt_without_libreoffice(
    with_evaluation, http, portal_url, login_as, monkeypatch
):
    """No LibreOffice on the server: no ODT link, and the address says to take
    the DOCX (never a 5xx)."""
    monkeypatch.setattr(report.shutil, "which", lambda name: None)
    auth = login_as("iso.secretary")
    page = http.get(f"{portal_url}/@@yearly-report?year={YEAR}", auth=auth)
    assert "@@yearly-report.odt" not in page.text
    answer = http.get(f"{portal_url}/@@yearly-report.odt?year={YEAR}", auth=auth)
    assert answer.status_code == 404
    assert "DOCX" in answer.text
