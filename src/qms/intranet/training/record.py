"""Each person's training record (hồ sơ đào tạo): the courses they attended
and the certificates they hold; and who may read it (the person, the ISO
secretariat, the heads of the person's units).

The page (views.py) and `GET @training-record` (services/) both read it."""

from plone import api
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.core.views import fullname
from qms.intranet.training.competence import all_courses
from qms.intranet.training.competence import attended
from qms.intranet.training.competence import certificates_of
from qms.intranet.training.content import kind_label
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import units_of_user
from qms.intranet.units.groups import units_where


NOT_ALLOWED = _(
    "error_training_record_forbidden",
    default="You may read your own training record; the heads of a unit read "
    "their staff's, the ISO secretariat everyone's.",
)
NO_USER = _(
    "error_training_record_no_user",
    default="There is no member of staff with the id «${user}».",
)


def _iso(value) -> str:
    return value.isoformat() if value else ""


def may_read_record(user_id: str) -> bool:
    """The current person may read `user_id`'s record: their own, the
    secretariat anyone's, a head of a unit the person belongs to."""
    if api.user.is_anonymous() or not user_id:
        return False
    current = api.user.get_current()
    if current.getId() == user_id or sees_every_unit():
        return True
    person = api.user.get(userid=user_id)
    if person is None:
        return False
    return bool(set(units_where("heads")) & set(units_of_user(person)))


def training_record(user_id: str) -> dict:
    """The record of `user_id`: courses attended (kind, date) and
    certificates (number, dates, download URL), oldest first. The caller
    checks that the current person may read it (may_read_record)."""
    courses = all_courses()
    user = api.user.get(userid=user_id) if user_id else None
    titles = unit_titles()
    units = units_of_user(user) if user is not None else []
    attended_courses = [
        {
            "@id": course.absolute_url(),
            "title": course.Title(),
            "kind": course.kind,
            "kind_title": translated(kind_label(course.kind)),
            "date": _iso(course.date),
            "organiser": course.organiser or "",
        }
        for course in courses
        if user_id in (course.participants or ()) and attended(course, user_id)
    ]
    certificates = []
    for cert in certificates_of(user_id, courses):
        course = cert.aq_parent
        certificates.append(
            {
                "@id": cert.absolute_url(),
                "number": cert.number or "",
                "course": course.Title(),
                "course_url": course.absolute_url(),
                "kind": course.kind,
                "kind_title": translated(kind_label(course.kind)),
                "issued_on": _iso(cert.issued_on),
                "valid_until": _iso(cert.valid_until),
                "valid": cert.is_valid(),
                "download_url": f"{cert.absolute_url()}/@@download/file",
            }
        )
    return {
        "user": user_id,
        "fullname": fullname(user_id),
        "units": [{"id": u, "title": titles.get(u, u)} for u in units],
        "courses": attended_courses,
        "certificates": certificates,
    }
