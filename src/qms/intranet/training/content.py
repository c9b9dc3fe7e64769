"""Training and competence of the ISO officers (ISO 9001 clause 7.2), kept
under /dao-tao:

- TrainingSection: /dao-tao, «Đào tạo ISO».
- TrainingCourse: one course (kind, date, organiser, participants), read by
  every member of staff, kept by the ISO secretariat.
- TrainingCertificate: a certificate issued at a course to one participant
  (number, dates, the scanned certificate as PDF or image); it follows its
  course's permissions.
- TrainingRequest: a unit's request for training (who, what, why), filed by
  its ISO officer or head; the secretariat plans or declines it.

Field names and the kinds' values are a contract of the REST API.
"""

from Acquisition import aq_inner
from datetime import date
from plone import api
from plone.app.content.interfaces import INameFromTitle
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from qms.intranet import _
from qms.intranet.core.content import first_in_chain
from qms.intranet.core.files import check_size
from qms.intranet.core.files import data_of
from qms.intranet.core.files import is_pdf
from qms.intranet.core.i18n import stored
from qms.intranet.core.views import fullname
from qms.intranet.training.vocabularies import KINDS
from qms.intranet.training.vocabularies import requester_units
from qms.intranet.units.groups import sees_every_unit
from qms.intranet.units.groups import UNITS_FOLDER
from z3c.form.browser.select import SelectFieldWidget
from zope import schema
from zope.component import adapter
from zope.i18nmessageid import Message
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider
from zope.schema import ValidationError
from zope.schema.interfaces import IContextAwareDefaultFactory


SECTION_ID = "dao-tao"
SECTION_TITLE = "Đào tạo ISO"
SECTION_DESCRIPTION = (
    "Các khóa đào tạo, chứng chỉ của cán bộ ISO và chuyên gia đánh giá nội bộ, "
    "đề nghị đào tạo của các đơn vị (TCVN ISO 9001:2015, điều 7.2)."
)
REQUEST_TITLE = _(
    "training_request_title", default="Training request: ${kind} – ${unit}"
)


class NotCertificateFile(ValidationError):
    __doc__ = _(
        "error_certificate_file",
        default="The certificate must be a PDF file or an image (JPEG, PNG).",
    )


class NotOwnUnit(ValidationError):
    __doc__ = _(
        "error_training_request_unit",
        default="Choose one of your own units: a request is filed by the "
        "unit's ISO officer or head.",
    )


def is_image(value) -> bool:
    data = data_of(value)[:12]
    return data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF8")) or (
        data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    )


def valid_certificate_file(value) -> bool:
    """A scanned certificate: a PDF or an image, within the size limit."""
    check_size(value)
    if not (is_pdf(value) or is_image(value)):
        raise NotCertificateFile()
    return True


def valid_request_unit(value) -> bool:
    """The unit is one of the requester's (any unit for the secretariat)."""
    if api.user.is_anonymous():
        return True  # no person: code at work (demo, upgrades)
    if sees_every_unit() or value in requester_units():
        return True
    raise NotOwnUnit(value)


@provider(IContextAwareDefaultFactory)
def default_unit(context):
    """The requester's first unit."""
    if api.user.is_anonymous():
        return None
    units = requester_units()
    return units[0] if units else None


class ITrainingSection(model.Schema):
    """/dao-tao: the courses, certificates and requests of training."""


class ITrainingCourse(model.Schema):
    """Một khóa đào tạo."""

    title = schema.TextLine(title=_("label_course_title", default="Name of the course"))
    kind = schema.Choice(
        title=_("label_training_kind", default="Kind of training"),
        vocabulary="qms.intranet.TrainingKinds",
        required=True,
        default="iso_awareness",
    )
    date = schema.Date(
        title=_("label_course_date", default="Date"),
        description=_(
            "help_course_date",
            default="The day the course took place (its first day).",
        ),
        required=True,
    )
    organiser = schema.TextLine(
        title=_("label_course_organiser", default="Organised by"),
        description=_(
            "help_course_organiser",
            default="For example: Vụ Khoa học và Công nghệ, or the training "
            "organisation.",
        ),
        required=False,
    )
    participants = schema.List(
        title=_("label_course_participants", default="Participants"),
        description=_(
            "help_course_participants",
            default="The members of staff who attended (hold Ctrl to choose several).",
        ),
        value_type=schema.Choice(vocabulary="qms.intranet.StaffUsers"),
        required=False,
        default=[],
    )
    directives.widget(
        "participants",
        SelectFieldWidget,
        multiple="multiple",
        size=10,
        klass="select-widget form-select",
    )
    description = schema.Text(
        title=_("label_course_description", default="Content of the course"),
        required=False,
    )


class ITrainingCertificate(model.Schema):
    """Chứng chỉ, giấy chứng nhận issued at a course to one participant."""

    participant = schema.Choice(
        title=_("label_certificate_participant", default="Issued to"),
        vocabulary="qms.intranet.StaffUsers",
        required=True,
    )
    number = schema.TextLine(
        title=_("label_certificate_number", default="Certificate number"),
        required=True,
        max_length=60,
    )
    issued_on = schema.Date(
        title=_("label_certificate_issued_on", default="Issued on"), required=True
    )
    valid_until = schema.Date(
        title=_("label_certificate_valid_until", default="Valid until"),
        description=_(
            "help_certificate_valid_until",
            default="Leave empty when the certificate does not expire.",
        ),
        required=False,
    )
    file = NamedBlobFile(
        title=_("label_certificate_file", default="Scanned certificate"),
        description=_(
            "help_certificate_file",
            default="A PDF file or an image (JPEG, PNG) of the certificate.",
        ),
        required=True,
        constraint=valid_certificate_file,
    )

    @invariant
    def dates_in_order(data):
        issued = _given(data, "issued_on")
        until = _given(data, "valid_until")
        if isinstance(issued, date) and isinstance(until, date) and until < issued:
            raise Invalid(
                _(
                    "error_certificate_dates",
                    default="A certificate cannot expire before it is issued.",
                )
            )


class ITrainingRequest(model.Schema):
    """Đề nghị đào tạo of a unit: who, what and why."""

    unit = schema.Choice(
        title=_("label_request_unit", default="Unit"),
        description=_(
            "help_request_unit",
            default="The unit asking for the training: one of yours.",
        ),
        vocabulary="qms.intranet.RequesterUnits",
        required=True,
        defaultFactory=default_unit,
        constraint=valid_request_unit,
    )
    participants = schema.List(
        title=_("label_request_participants", default="Who is to be trained"),
        description=_(
            "help_request_participants",
            default="The members of staff to train (hold Ctrl to choose several).",
        ),
        value_type=schema.Choice(vocabulary="qms.intranet.StaffUsers"),
        required=True,
        min_length=1,
    )
    directives.widget(
        "participants",
        SelectFieldWidget,
        multiple="multiple",
        size=10,
        klass="select-widget form-select",
    )
    kind = schema.Choice(
        title=_("label_request_kind", default="Training asked for"),
        vocabulary="qms.intranet.TrainingKinds",
        required=True,
        default="iso_awareness",
    )
    topic = schema.Text(
        title=_("label_request_topic", default="What to learn"),
        description=_(
            "help_request_topic",
            default="In a few words: the subject, the documents concerned, "
            "the wished time.",
        ),
        required=False,
    )
    reason = schema.Text(
        title=_("label_request_reason", default="Why the training is needed"),
        description=_(
            "help_request_reason",
            default="For example: new part-time ISO officer, the procedures "
            "revised, a nonconformity found in an audit.",
        ),
        required=True,
    )
    directives.omitted("course")
    course = schema.TextLine(
        title=_("label_request_course", default="Course planned"),
        description=_(
            "help_request_course",
            default="The course the secretariat planned for this request (its UID).",
        ),
        required=False,
        readonly=True,
    )


def _given(data, name: str, default=None):
    """A field's value in an invariant's data (z3c.form's data raises for
    fields the form or request does not carry)."""
    try:
        return getattr(data, name)
    except Exception:  # noqa: BLE001 - NoInputData, AttributeError and kin
        return default


def kind_label(kind: str | None):
    """The kind's label (a message), or the value itself."""
    return dict(KINDS).get(kind, kind or "")


def unit_title(unit_id: str | None, context=None) -> str:
    """A unit's name, read from /don-vi (acquired from `context`): never a
    catalog search, as titles are read while the catalog indexes (a search
    then would index the same object a second time), nor plone.api, which
    finds no site while the indexing queue is processed at commit."""
    folder = getattr(aq_inner(context), UNITS_FOLDER, None) if context else None
    unit = folder.get(unit_id) if hasattr(folder, "get") and unit_id else None
    return unit.Title() if unit is not None else (unit_id or "")


def course_of(obj):
    """The course `obj` is or lies in (None outside one)."""
    return first_in_chain(obj, ITrainingCourse)


@implementer(ITrainingSection)
class TrainingSection(Container):
    """/dao-tao"""


@implementer(ITrainingCourse)
class TrainingCourse(Container):
    """A course; its certificates inside."""

    participants = None
    organiser = None
    description = ""

    def certificates(self) -> list:
        return [o for o in self.objectValues() if ITrainingCertificate.providedBy(o)]


@implementer(ITrainingCertificate)
class TrainingCertificate(Item):
    """A certificate of one participant; its title says number and name."""

    participant = None
    number = None
    valid_until = None

    @property
    def title(self):
        """Number and the participant's id (a property reads no user)."""
        if not self.number:
            return ""
        return f"{self.number} – {self.participant or ''}"

    @title.setter
    def title(self, value):
        """The title follows number and participant (a title given is not kept)."""

    def Title(self):
        """Number and the participant's full name (the catalog, pages)."""
        if not self.number:
            return ""
        return f"{self.number} – {fullname(self.participant or '')}"

    def kind(self) -> str | None:
        course = course_of(self)
        return getattr(course, "kind", None)

    def is_valid(self, day: date | None = None) -> bool:
        """Not expired on `day` (today)."""
        day = day or date.today()
        return not self.valid_until or self.valid_until >= day


@implementer(ITrainingRequest)
class TrainingRequest(Item):
    """A unit's request for training; its title says kind and unit."""

    unit = None
    participants = None
    topic = None
    course = None

    def _title(self, context=None) -> str:
        kind = getattr(self, "kind", None)
        if not kind and not self.unit:
            return ""
        mapping = {
            "kind": stored(kind_label(kind)),
            "unit": unit_title(self.unit, context),
        }
        return stored(Message(REQUEST_TITLE, mapping=mapping))

    @property
    def title(self):
        """Without acquisition (a property gets none) the unit's id."""
        return self._title()

    @title.setter
    def title(self, value):
        """The title follows kind and unit (a title given is not kept)."""

    def Title(self):
        """With the unit's name (the catalog, pages)."""
        return self._title(self)


@implementer(INameFromTitle)
@adapter(ITrainingCertificate)
class CertificateName:
    """A certificate's id comes from its number."""

    def __init__(self, context):
        self.title = f"chung-chi-{context.number or ''}"


def ensure_section():
    """/dao-tao exists (install, upgrade)."""
    portal = api.portal.get()
    if SECTION_ID not in portal.objectIds():
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal,
                type="TrainingSection",
                id=SECTION_ID,
                title=SECTION_TITLE,
                description=SECTION_DESCRIPTION,
            )
    return portal[SECTION_ID]
