"""Vocabularies of units: the units of the site and the kinds of unit."""

from qms.intranet import _
from qms.intranet.core.vocabularies import static_vocabulary
from qms.intranet.units.groups import all_units
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


UNIT_KINDS = (
    ("vu", _("unit_kind_vu", default="Department (Vụ)")),
    ("cuc", _("unit_kind_cuc", default="Agency (Cục)")),
    ("van-phong", _("unit_kind_van_phong", default="Office (Văn phòng)")),
    ("thanh-tra", _("unit_kind_thanh_tra", default="Inspectorate (Thanh tra)")),
    ("khac", _("unit_kind_other", default="Other")),
)


@provider(IVocabularyFactory)
def unit_kinds(context):
    return static_vocabulary(UNIT_KINDS)


@provider(IVocabularyFactory)
def units(context):
    """Every unit of the site, by id, titled by name (for every logged-in user)."""
    return SimpleVocabulary(
        [SimpleTerm(brain.getId, brain.getId, brain.Title) for brain in all_units()]
    )
