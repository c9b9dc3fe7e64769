"""What search finds in training content (SearchableText)."""

from plone.indexer import indexer
from qms.intranet.core.i18n import stored
from qms.intranet.training.content import course_of
from qms.intranet.training.content import ITrainingCertificate
from qms.intranet.training.content import ITrainingCourse
from qms.intranet.training.content import ITrainingRequest
from qms.intranet.training.content import kind_label


def _text(*parts) -> str:
    return " ".join(p for p in parts if p)


@indexer(ITrainingCourse)
def course_text(obj):
    return _text(
        obj.title, stored(kind_label(obj.kind)), obj.organiser, obj.description
    )


@indexer(ITrainingCertificate)
def certificate_text(obj):
    course = course_of(obj)
    return _text(obj.Title(), getattr(course, "title", None))


@indexer(ITrainingRequest)
def request_text(obj):
    return _text(obj.Title(), obj.topic, obj.reason)
