"""In Chromium: no English label left on the screens editors use."""

from tests.browser import english_left

import pytest


# Demo nonconformities (site/demo/data.py NONCONFORMITIES) and an action.
NC_REPORTED = "/don-vi/khcn/khac-phuc/phieu-de-xuat-nhiem-vu-thieu-chu-ky-cua-chu-nhiem"
NC_ANALYSED = "/don-vi/khcn/khac-phuc/bien-ban-nghiem-thu-luu-khong-du-thanh-phan"
NC_OVERDUE = "/don-vi/khcn/khac-phuc/cham-cap-nhat-danh-muc-tieu-chuan-hien-hanh"
ACTION_OVERDUE = "phan-cong-can-bo-cap-nhat-danh-muc-hang-thang"
NC_PENDING = "/don-vi/vp/khac-phuc/van-ban-den-khong-duoc-dang-ky-trong-ngay"

SCREENS = (
    ("vp.staff", ""),
    ("vp.staff", "/he-thong-qlcl"),
    ("vp.staff", "/don-vi/khcn/ho-so"),
    ("vp.staff", "/@@search?SearchableText=bien+ban"),
    ("khcn.staff", "/don-vi/khcn/ho-so"),
    ("khcn.head", ""),
    ("khcn.head", "/@@record-board"),
    ("vp.officer", ""),
    ("vp.officer", "/he-thong-qlcl?figure=revised"),
    ("vp.officer", "/don-vi/vp?state=effective"),
    ("vp.officer", "/don-vi/vp/qt-draft/@@qms-transition?transition=submit"),
    ("vp.officer", "/don-vi/vp/quy-trinh-quan-ly-van-ban-di/@@content-checkout"),
    ("vp.officer", "/@@qms-moderation"),
    ("vp.officer", "/don-vi/vp"),
    ("vp.officer", "/don-vi/vp/quy-trinh-quan-ly-van-ban-di"),
    ("vp.officer", "/don-vi/vp/++add++Procedure"),
    ("vp.officer", "/don-vi/vp/ho-so"),
    ("vp.officer", "/@@search?SearchableText=quy+trinh"),
    ("vp.officer", "/@@personal-information"),
    ("iso.secretary", "/don-vi/vp/quy-trinh-quan-ly-van-ban-di/edit"),
    ("iso.secretary", "/don-vi/vp/quy-trinh-quan-ly-van-ban-di/@@sharing"),
    ("iso.secretary", "/don-vi/vp/folder_contents"),
    ("iso.secretary", "/don-vi/vp/quy-trinh-quan-ly-van-ban-den/@@historyview"),
    (
        "iso.secretary",
        "/don-vi/vp/quy-trinh-quan-ly-van-ban-di/@@qms-transition?transition=withdraw",
    ),
    ("iso.secretary", "/@@record-board?year=2025"),
    ("leader", ""),
    # The improvement register (issue #13): register, nonconformity, action,
    # the add forms, the printable report and each step's form.
    ("khcn.staff", "/don-vi/khcn/khac-phuc"),
    ("khcn.staff", "/don-vi/khcn/khac-phuc/++add++Nonconformity"),
    ("khcn.staff", f"{NC_OVERDUE}/{ACTION_OVERDUE}"),
    (
        "khcn.staff",
        f"{NC_OVERDUE}/{ACTION_OVERDUE}/@@qms-transition?transition=complete",
    ),
    ("khcn.staff", f"{NC_OVERDUE}/@@nonconformity-report"),
    ("khcn.officer", "/don-vi/khcn/khac-phuc?state=open"),
    ("khcn.officer", NC_REPORTED),
    ("khcn.officer", f"{NC_REPORTED}/@@qms-transition?transition=analyse"),
    ("khcn.officer", f"{NC_REPORTED}/++add++CorrectiveAction"),
    ("khcn.head", f"{NC_ANALYSED}/@@qms-transition?transition=plan"),
    ("iso.secretary", f"{NC_REPORTED}/@@qms-transition?transition=cancel"),
    ("iso.secretary", f"{NC_PENDING}/@@qms-transition?transition=verify"),
    ("iso.secretary", f"{NC_PENDING}/@@qms-transition?transition=reopen"),
)


@pytest.mark.parametrize("login", sorted({login for login, _path in SCREENS}))
def test_no_english_left(session, portal_url, login):
    """Every screen an editor and the secretariat use, the state menu open."""
    page = session(login)
    found = {}
    for path in [path for who, path in SCREENS if who == login]:
        page.goto(f"{portal_url}{path}")
        page.wait_for_load_state()
        menu = page.locator(
            "#plone-contentmenu-workflow > a[data-bs-toggle='dropdown']"
        )
        if menu.count():
            menu.click()
        left = english_left(page.locator("body").inner_text())
        if left:
            found[path] = left
    assert found == {}
