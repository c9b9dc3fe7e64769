"""The QMS section (/he-thong-qlcl): what belongs to the whole system."""

from plone.dexterity.content import Container
from plone.supermodel import model
from zope.interface import implementer


class IQMSSection(model.Schema):
    """Quality policy, system procedures and decisions of the whole QMS."""


@implementer(IQMSSection)
class QMSSection(Container):
    """Lists the effective documents of the system by kind."""
