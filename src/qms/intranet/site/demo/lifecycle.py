"""Demo of the lifecycle (issue #16): documents due and overdue for their
periodic review, one already confirmed «còn phù hợp», and acknowledgements
partly done, so that «Cần đọc», the unit's box and the secretariat's board
show every case."""

from datetime import date
from datetime import timedelta
from plone import api
from qms.intranet import logger
from qms.intranet.lifecycle import acknowledge
from qms.intranet.lifecycle import reviews


# code -> days from today to its next review
REVIEW_DATES = {
    "QT-02/VP": 12,  # due
    "QT-01/KHCN": -20,  # overdue
    "QT-HT-03": -5,  # overdue, the secretariat's
    "QT-01/PC": 25,  # due
}
# code, login, comment: a review already confirmed
CONFIRMED = (
    (
        "QT-HT-02",
        "iso.secretary",
        "Đã rà soát đối chiếu Luật Lưu trữ 2024 và Nghị định 30/2020: quy trình "
        "vẫn phù hợp, không cần sửa đổi.",
    ),
)
# code -> who already read and acknowledged its current issue
ACKNOWLEDGED = {
    "QT-HT-01": ("vp.staff", "vp.officer", "vp.head", "khcn.staff", "khcn.officer"),
    "QT-HT-02": ("vp.officer", "phapche.officer"),
    "QT-02/VP": ("vp.head",),
    "QT-01/KHCN": ("khcn.head", "khcn.officer"),
}


def _doc(code):
    catalog = api.portal.get_tool("portal_catalog")
    found = catalog.unrestrictedSearchResults(
        document_code=code, is_working_copy=False, review_state="effective"
    )
    return found[0]._unrestrictedGetObject() if found else None


def create_lifecycle(site):
    today = date.today()
    for code, days in REVIEW_DATES.items():
        doc = _doc(code)
        if doc is not None:
            doc.next_review_date = today + timedelta(days=days)
            doc.reindexObject(idxs=["next_review_date"])
    for code, login, comment in CONFIRMED:
        doc = _doc(code)
        if doc is not None:
            doc.next_review_date = today - timedelta(days=3)
            with api.env.adopt_user(username=login):
                reviews.confirm_review(doc, comment)
    for code, logins in ACKNOWLEDGED.items():
        doc = _doc(code)
        if doc is None:
            continue
        for login in logins:
            with api.env.adopt_user(username=login):
                try:
                    acknowledge.acknowledge(doc)
                except acknowledge.AcknowledgeRefused:
                    logger.warning("Demo: %s does not read %s", login, code)
    logger.info("Demo reviews and acknowledgements ready")
