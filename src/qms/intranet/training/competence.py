"""Competence of the ISO officers and internal auditors (ISO 9001 clause 7.2):
who holds which certificate, who attended which kind of course, and the
secretariat's rules (settings.py) checked over the units and the auditors.

The courses are read unrestricted: what is answered here is only whether a
person is trained (a bool), or, for the board, the names the secretariat
sees anyway. A site has tens of courses a year: they are woken, no index is
needed."""

from datetime import date
from plone import api
from qms.intranet.training.content import ITrainingCourse
from qms.intranet.training.settings import settings
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import AUDITORS_GROUP
from qms.intranet.units.groups import group_id


AWARENESS = "iso_awareness"
AUDITOR = "internal_auditor"


def all_courses() -> list:
    """Every course of the site (unrestricted), oldest first."""
    catalog = api.portal.get_tool("portal_catalog")
    courses = [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="TrainingCourse")
    ]
    courses = [c for c in courses if ITrainingCourse.providedBy(c)]
    return sorted(courses, key=lambda c: (c.date or date.min, c.getId()))


def attended(course, user_id: str, day: date | None = None) -> bool:
    """The person is a participant of a course that has taken place."""
    day = day or date.today()
    return (
        bool(user_id)
        and user_id in (course.participants or ())
        and bool(course.date)
        and course.date <= day
    )


def certificates_of(user_id: str, courses=None) -> list:
    """The person's certificates (objects), in the order of their courses."""
    courses = all_courses() if courses is None else courses
    return [
        cert
        for course in courses
        for cert in course.certificates()
        if user_id and cert.participant == user_id
    ]


def holds_certificate(user_id: str, kind: str, courses=None) -> bool:
    """The person holds a valid certificate of a course of `kind`."""
    courses = all_courses() if courses is None else courses
    return any(
        cert.is_valid()
        for course in courses
        if course.kind == kind
        for cert in course.certificates()
        if user_id and cert.participant == user_id
    )


def trained(user_id: str, kind: str, courses=None) -> bool:
    """A valid certificate of `kind`, or attendance of such a course."""
    courses = all_courses() if courses is None else courses
    return holds_certificate(user_id, kind, courses) or any(
        attended(course, user_id) for course in courses if course.kind == kind
    )


def require_auditor_certificate() -> bool:
    """The secretariat's setting: an audit team needs certificates."""
    return settings()["require_auditor_certificate"]


def group_members(groupname: str) -> list[str]:
    """User ids of a group's members (none when the group is missing)."""
    group = api.group.get(groupname=groupname)
    if group is None:
        return []
    return sorted(user.getId() for user in api.user.get_users(group=group))


def untrained_units(courses=None) -> list[dict]:
    """Units none of whose ISO officers is trained in ISO awareness:
    {unit, title, officers (ids)}; no officers at all is said too."""
    courses = all_courses() if courses is None else courses
    found = []
    for brain in all_units():
        officers = group_members(group_id(brain.getId, "officers"))
        if any(trained(uid, AWARENESS, courses) for uid in officers):
            continue
        found.append({"unit": brain.getId, "title": brain.Title, "officers": officers})
    return found


def uncertified_auditors(courses=None) -> list[str]:
    """Members of qms-auditors without a valid internal auditor certificate."""
    courses = all_courses() if courses is None else courses
    return [
        uid
        for uid in group_members(AUDITORS_GROUP)
        if not holds_certificate(uid, AUDITOR, courses)
    ]


def competence() -> dict:
    """What the board shows: the rules switched on and what breaks them."""
    rules = settings()
    courses = all_courses()
    return {
        "officer_rule": rules["officer_rule"],
        "auditor_rule": rules["auditor_rule"],
        "require_auditor_certificate": rules["require_auditor_certificate"],
        "units": untrained_units(courses) if rules["officer_rule"] else [],
        "auditors": uncertified_auditors(courses) if rules["auditor_rule"] else [],
    }
