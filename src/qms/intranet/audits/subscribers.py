"""The audits' section exists on every site."""

from plone import api
from qms.intranet.audits.content import SECTION_ID


SECTION_TITLE = "Đánh giá nội bộ"


def ensure_section():
    """/danh-gia-noi-bo exists (install, upgrade)."""
    portal = api.portal.get()
    if SECTION_ID not in portal.objectIds():
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal,
                type="AuditSection",
                id=SECTION_ID,
                title=SECTION_TITLE,
                description="Chương trình, kế hoạch và báo cáo đánh giá nội bộ "
                "Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.",
            )
    return portal[SECTION_ID]
