"""What the training tests share: the demo's section, courses and
requests, and making more of them as a given person."""

from datetime import date
from plone import api
from plone.namedfile.file import NamedBlobFile
from qms.intranet.site.demo.files import pdf_bytes
from zope.i18n import translate


SECTION = "dao-tao"
YEAR = date.today().year


def section(portal):
    return portal[SECTION]


def courses(portal, kind=None):
    found = [
        o for o in section(portal).objectValues() if o.portal_type == "TrainingCourse"
    ]
    return [c for c in found if kind is None or c.kind == kind]


def requests_in(portal, state=None):
    found = [
        o for o in section(portal).objectValues() if o.portal_type == "TrainingRequest"
    ]
    return [r for r in found if state is None or api.content.get_state(obj=r) == state]


def vi(message) -> str:
    """The message as the site says it (Vietnamese)."""
    return translate(message, target_language="vi")


def make_request(as_user, portal, login="khcn.officer", unit="khcn", **more):
    values = {
        "unit": unit,
        "participants": ["khcn.staff"],
        "kind": "document_control",
        "topic": "Kiểm soát tài liệu",
        "reason": "Cán bộ mới.",
        **more,
    }
    with as_user(login):
        return api.content.create(
            container=section(portal), type="TrainingRequest", title="x", **values
        )


def make_course(as_user, portal, kind="internal_auditor", participants=(), **more):
    values = {
        "title": more.pop("title", "Khóa kiểm thử"),
        "kind": kind,
        "date": date(YEAR, 1, 5),
        "participants": list(participants),
        **more,
    }
    with as_user("iso.secretary"):
        return api.content.create(
            container=section(portal), type="TrainingCourse", **values
        )


def make_certificate(as_user, course, participant, number="KT-01", **more):
    with as_user("iso.secretary"):
        return api.content.create(
            container=course,
            type="TrainingCertificate",
            title=number,
            participant=participant,
            number=number,
            issued_on=more.pop("issued_on", date(YEAR, 1, 6)),
            file=NamedBlobFile(pdf_bytes(number), filename=f"{number}.pdf"),
            **more,
        )
