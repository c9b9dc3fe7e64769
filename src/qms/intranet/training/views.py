"""Classic UI of training (issue #16):

- qms-training-section (/dao-tao): the units' requests the person may see,
  the courses, and the ways to add, to one's record and to the board;
- qms-training-course, qms-training-certificate: a course with its
  participants and certificates, a certificate;
- qms-training-request: a request, its steps (plan, decline with a reason)
  and history; its step form asks for the course when planning;
- @@training-record?user=<id>: a person's training record (record.py);
- @@competence: the secretariat's board of the competence rules;
- a line on the author page (/author/<id>) and on the home page leading to
  the record and the section.

Everything is found with the person's own permissions; the record and the
board check who asks."""

from AccessControl import Unauthorized
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.dexterity.browser.add import DefaultAddView
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.dates import parse_iso
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.core.views import fullname
from qms.intranet.core.views import history
from qms.intranet.core.views import step_buttons
from qms.intranet.core.views import TransitionForm
from qms.intranet.training.competence import competence
from qms.intranet.training.competence import group_members
from qms.intranet.training.content import ITrainingCourse
from qms.intranet.training.content import ITrainingRequest
from qms.intranet.training.content import kind_label
from qms.intranet.training.content import SECTION_ID
from qms.intranet.training.record import may_read_record
from qms.intranet.training.record import NO_USER
from qms.intranet.training.record import NOT_ALLOWED
from qms.intranet.training.record import training_record
from qms.intranet.training.vocabularies import requester_units
from qms.intranet.training.vocabularies import staff_people
from qms.intranet.units.groups import group_id
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import unit_titles
from qms.intranet.units.groups import UNITS_FOLDER
from qms.intranet.units.groups import units_where
from zope.i18nmessageid import Message


STYLES = "++resource++qms.intranet.training/training.css"
ADD_COURSE = "qms.intranet: Add TrainingCourse"
ADD_CERTIFICATE = "qms.intranet: Add TrainingCertificate"
ADD_REQUEST = "qms.intranet: Add TrainingRequest"
MANAGE = "qms.intranet: Manage training"
MODIFY = "Modify portal content"
DANGEROUS = frozenset({"decline"})
STATE_ORDER = {"pending": 0, "planned": 1, "declined": 2}

NEXT_STEPS = {
    "pending": _(
        "training_request_next_pending",
        default="Next: the ISO secretariat plans the training or declines the "
        "request with a reason.",
    ),
    "planned": _(
        "training_request_next_planned",
        default="The training is planned: the participants are told the "
        "course's date by the secretariat.",
    ),
    "declined": _(
        "training_request_next_declined",
        default="The request was declined: read the reason below; the unit "
        "may file a new request.",
    ),
}
NO_COURSE = _(
    "error_training_plan_course",
    default="Choose one of the courses of the training section, or none.",
)


def portal_url() -> str:
    return api.portal.get().absolute_url()


def section_url() -> str:
    return f"{portal_url()}/{SECTION_ID}"


def record_url(user_id: str) -> str:
    return f"{portal_url()}/@@training-record?user={user_id}"


def state_of(obj) -> dict:
    state = api.content.get_state(obj=obj, default="")
    return {
        "id": state,
        "title": translated(state_label(state, obj.portal_type)),
        "badge": state_badge(state, obj.portal_type),
    }


def person(user_id: str, link: bool = True) -> dict:
    """{id, name, url}: the url to their record when the current person may
    read it."""
    return {
        "id": user_id,
        "name": fullname(user_id),
        "url": record_url(user_id) if link and may_read_record(user_id) else "",
    }


def course_options() -> list[dict]:
    """The courses of the section, newest first, as {value (UID), title}."""
    brains = api.content.find(portal_type="TrainingCourse")
    courses = sorted(
        (brain.getObject() for brain in brains),
        key=lambda c: c.date.isoformat() if c.date else "",
        reverse=True,
    )
    return [
        {
            "value": course.UID(),
            "title": f"{course.Title()} ({format_date(course.date)})",
        }
        for course in courses
    ]


class _Page(BrowserView):
    styles = STYLES

    def t(self, message) -> str:
        return translated(message, self.request)

    def allowed(self, permission: str, obj=None) -> bool:
        return bool(api.user.has_permission(permission, obj=obj or self.context))

    def day(self, value) -> str:
        if isinstance(value, str):
            value = parse_iso(value)
        return format_date(value)

    def kind_title(self, kind) -> str:
        return self.t(kind_label(kind))

    def section_url(self) -> str:
        return section_url()

    def my_record_url(self) -> str:
        return record_url(api.user.get_current().getId())

    def can_manage(self) -> bool:
        return self.allowed(MANAGE, api.portal.get())


class SectionView(_Page):
    """/dao-tao: requests, courses, the ways on."""

    def add_course_url(self) -> str:
        if not self.allowed(ADD_COURSE):
            return ""
        return f"{self.context.absolute_url()}/++add++TrainingCourse"

    def add_request_url(self) -> str:
        if not self.allowed(ADD_REQUEST):
            return ""
        return f"{self.context.absolute_url()}/++add++TrainingRequest"

    def board_url(self) -> str:
        return f"{portal_url()}/@@competence" if self.can_manage() else ""

    def settings_url(self) -> str:
        return f"{portal_url()}/@@qms-training-settings" if self.can_manage() else ""

    @memoize
    def requests(self) -> list[dict]:
        """The requests the person may see: waiting first, then newest."""
        titles = unit_titles()
        rows = []
        for brain in api.content.find(
            context=self.context, portal_type="TrainingRequest", depth=1
        ):
            request = brain.getObject()
            rows.append(
                {
                    "title": request.Title(),
                    "url": brain.getURL(),
                    "unit": titles.get(request.unit, request.unit or ""),
                    "people": ", ".join(
                        fullname(uid) for uid in request.participants or ()
                    ),
                    "filed": format_date(request.created().asdatetime().date()),
                    "created": request.created().ISO8601(),
                    "state": state_of(request),
                }
            )
        rows.sort(key=lambda r: r["created"], reverse=True)
        rows.sort(key=lambda r: STATE_ORDER.get(r["state"]["id"], 9))
        return rows

    @memoize
    def courses(self) -> list[dict]:
        """The courses, newest first."""
        rows = []
        for brain in api.content.find(
            context=self.context, portal_type="TrainingCourse", depth=1
        ):
            course = brain.getObject()
            rows.append(
                {
                    "title": course.Title(),
                    "url": brain.getURL(),
                    "kind": course.kind,
                    "kind_title": self.kind_title(course.kind),
                    "date": format_date(course.date),
                    "sort": course.date.isoformat() if course.date else "",
                    "organiser": course.organiser or "",
                    "participants": len(course.participants or ()),
                    "certificates": len(course.certificates()),
                }
            )
        return sorted(rows, key=lambda r: r["sort"], reverse=True)

    @memoize
    def readable_people(self) -> list[dict]:
        """Whose record the person may open from here: everyone for the
        secretariat, the members of their units for the heads."""
        if api.user.is_anonymous():
            return []
        if sees_every_unit():
            people = staff_people()
        else:
            ids = set()
            for unit in units_where("heads"):
                for kind in ("staff", "officers", "heads"):
                    ids.update(group_members(group_id(unit, kind)))
            people = sorted(
                ((uid, fullname(uid)) for uid in ids), key=lambda p: p[1].lower()
            )
        return [{"id": uid, "name": name} for uid, name in people]

    def record_form_url(self) -> str:
        return f"{portal_url()}/@@training-record"


class CourseView(_Page):
    """A course: its details, participants and certificates."""

    def details(self) -> list[dict]:
        course = self.context
        return [
            {
                "label": self.t(ITrainingCourse["kind"].title),
                "value": self.kind_title(course.kind),
            },
            {
                "label": self.t(ITrainingCourse["date"].title),
                "value": format_date(course.date),
            },
            {
                "label": self.t(ITrainingCourse["organiser"].title),
                "value": course.organiser or "",
            },
            {
                "label": self.t(ITrainingCourse["description"].title),
                "value": course.description or "",
                "text": True,
            },
        ]

    @memoize
    def participants(self) -> list[dict]:
        people = [person(uid) for uid in self.context.participants or () if uid]
        return sorted(people, key=lambda p: p["name"].lower())

    @memoize
    def certificates(self) -> list[dict]:
        rows = []
        for cert in self.context.certificates():
            rows.append(
                {
                    "number": cert.number or "",
                    "url": cert.absolute_url(),
                    "person": person(cert.participant or ""),
                    "issued_on": format_date(cert.issued_on),
                    "valid_until": format_date(cert.valid_until),
                    "valid": cert.is_valid(),
                    "download": f"{cert.absolute_url()}/@@download/file",
                }
            )
        return sorted(rows, key=lambda r: r["person"]["name"].lower())

    def can_edit(self) -> bool:
        return self.allowed(MODIFY)

    def add_certificate_url(self) -> str:
        if not self.allowed(ADD_CERTIFICATE):
            return ""
        return f"{self.context.absolute_url()}/++add++TrainingCertificate"


class CertificateView(_Page):
    """A certificate: whose, which course, its dates, its file."""

    def course(self):
        return self.context.aq_parent

    def holder(self) -> dict:
        return person(self.context.participant or "")

    def can_edit(self) -> bool:
        return self.allowed(MODIFY)

    def download_url(self) -> str:
        return f"{self.context.absolute_url()}/@@download/file"


class RequestView(_Page):
    """A training request: who, what, why, its state, steps and history."""

    def state(self) -> dict:
        return state_of(self.context)

    def label(self, name: str) -> str:
        return self.t(ITrainingRequest[name].title)

    def unit(self) -> dict:
        unit = self.context.unit or ""
        return {
            "title": unit_titles().get(unit, unit),
            "url": f"{portal_url()}/{UNITS_FOLDER}/{unit}" if unit else "",
        }

    def participants(self) -> list[dict]:
        return [person(uid) for uid in self.context.participants or () if uid]

    def course(self) -> dict | None:
        """The course planned, if the person may see it."""
        uid = self.context.course
        if not uid:
            return None
        brains = api.content.find(UID=uid)
        if not brains:
            return None
        course = brains[0].getObject()
        return {
            "title": course.Title(),
            "url": brains[0].getURL(),
            "date": format_date(course.date),
        }

    @memoize
    def history(self) -> list[dict]:
        return history(self.context, self.request)

    def decline_reason(self) -> str:
        if self.state()["id"] != "declined":
            return ""
        for row in self.history():
            if row["state"] == "declined":
                return row["comments"]
        return ""

    def next_step(self) -> str:
        message = NEXT_STEPS.get(self.state()["id"])
        return self.t(message) if message else ""

    def transitions(self) -> list[dict]:
        return step_buttons(self.context, self.request, DANGEROUS)

    def can_edit(self) -> bool:
        return self.allowed(MODIFY)


class RequestTransitionForm(TransitionForm):
    """The request's steps: «plan» may name the course planned (stored
    before the step runs); «decline» asks for the reason (core)."""

    styles = STYLES

    def button_class(self) -> str:
        return "btn-danger" if self.transition_id() in DANGEROUS else "btn-primary"

    def asks_course(self) -> bool:
        return self.transition_id() == "plan"

    def course_uid(self) -> str:
        value = self.request.form.get("course") or ""
        return value.strip() if isinstance(value, str) else ""

    @memoize
    def options(self) -> list[dict]:
        return course_options()

    def extra_fields(self) -> list[dict]:
        if not self.asks_course():
            return []
        return [
            {
                "name": "course",
                "type": "select",
                "required": False,
                "value": self.course_uid() or (self.context.course or ""),
                "options": self.options(),
                "label": translated(
                    _("label_request_course", default="Course planned"), self.request
                ),
                "help": translated(
                    _(
                        "help_plan_course",
                        default="The course the participants will attend, if it "
                        "is already in the training section; leave empty "
                        "otherwise.",
                    ),
                    self.request,
                ),
            }
        ]

    def validate(self) -> dict:
        errors = super().validate()
        uid = self.course_uid()
        if (
            self.asks_course()
            and uid
            and uid not in {o["value"] for o in self.options()}
        ):
            errors["course"] = translated(NO_COURSE, self.request)
        return errors

    def apply(self) -> None:
        if self.asks_course():
            self.context.course = self.course_uid() or None


class CheckedAddView(DefaultAddView):
    """The add form of a training type, refused (not a server error) to
    whoever may add other things here but not this type: the requesters
    are Contributors on the section, where Plone's form would raise a
    ValueError for a course."""

    def __call__(self):
        if not self.ti.isConstructionAllowed(self.context):
            raise Unauthorized(self.ti.getId())
        return super().__call__()


class RecordView(_Page):
    """@@training-record?user=<id>: a person's courses and certificates
    (one's own without `user`). Who may not read it is told so (403)."""

    index = ViewPageTemplateFile("templates/record.pt")
    problem = ""

    def user_id(self) -> str:
        value = self.request.form.get("user")
        if isinstance(value, str) and value.strip():
            return value.strip()
        return api.user.get_current().getId() or ""

    def __call__(self):
        user_id = self.user_id()
        if api.user.get(userid=user_id) is None:
            self.request.response.setStatus(400)
            self.problem = self.t(Message(NO_USER, mapping={"user": user_id}))
        elif not may_read_record(user_id):
            self.request.response.setStatus(403)
            self.problem = self.t(NOT_ALLOWED)
        return self.index()

    @memoize
    def record(self) -> dict:
        return training_record(self.user_id())

    def is_own(self) -> bool:
        return self.user_id() == api.user.get_current().getId()


class CompetenceView(_Page):
    """@@competence: units without a trained ISO officer, auditors without
    a certificate; every name a link."""

    @memoize
    def data(self) -> dict:
        data = competence()
        base = f"{portal_url()}/{UNITS_FOLDER}"
        return {
            **data,
            "units": [
                {
                    **row,
                    "url": f"{base}/{row['unit']}",
                    "people": [person(uid) for uid in row["officers"]],
                }
                for row in data["units"]
            ],
            "auditors": [person(uid) for uid in data["auditors"]],
        }

    def settings_url(self) -> str:
        return f"{portal_url()}/@@qms-training-settings"


class RecordLinkViewlet(ViewletBase):
    """On the author page (/author/<id>): the person's training record,
    for whoever may read it."""

    index = ViewPageTemplateFile("templates/author_record.pt")

    def user_id(self) -> str:
        return getattr(self.view, "username", None) or ""

    @memoize
    def record(self) -> dict | None:
        user_id = self.user_id()
        if not user_id or api.user.get(userid=user_id) is None:
            return None
        if not may_read_record(user_id):
            return None
        return training_record(user_id)

    def url(self) -> str:
        return record_url(self.user_id())

    def render(self):
        return self.index() if self.record() is not None else ""


class HomeTrainingViewlet(ViewletBase):
    """On the home page: the training section, one's record and, for a
    unit's ISO officer or head, the request form, one click away."""

    index = ViewPageTemplateFile("templates/home_training.pt")

    def available(self) -> bool:
        return not api.user.is_anonymous() and (
            getattr(self.view, "__name__", "") == "qms-home"
        )

    def links(self) -> dict:
        section = api.portal.get().get(SECTION_ID)
        may_request = section is not None and bool(
            requester_units() or sees_every_unit()
        )
        return {
            "section": section_url(),
            "record": record_url(api.user.get_current().getId()),
            "request": f"{section_url()}/++add++TrainingRequest" if may_request else "",
        }

    def render(self):
        return self.index() if self.available() else ""
