"""Lifecycle of quality objectives: every unit, and the QMS section for the
bloc, has its archive of yearly plans (…/muc-tieu)."""

from datetime import date
from plone import api
from plone.dexterity.utils import addContentToContainer
from plone.dexterity.utils import createContent
from qms.intranet.objectives.content import ARCHIVE_ID
from qms.intranet.objectives.content import ARCHIVE_TITLE
from qms.intranet.units.groups import UNITS_FOLDER


QMS_SECTION = "he-thong-qlcl"


def ensure_archive(container):
    """The archive (<container>/muc-tieu) exists. Only the system makes
    archives: the unit's and the section's types need not offer them, so the
    container's allowed types are not asked."""
    if ARCHIVE_ID not in container.objectIds():
        with api.env.adopt_roles(["Manager"]):
            archive = createContent("ObjectiveArchive", title=ARCHIVE_TITLE)
            archive.id = ARCHIVE_ID
            addContentToContainer(container, archive, checkConstraints=False)
    return container[ARCHIVE_ID]


def ensure_archives() -> list:
    """The archives of every unit and of the bloc (install, upgrade step)."""
    portal = api.portal.get()
    archives = []
    units = portal.get(UNITS_FOLDER)
    if units is not None:
        for unit in units.objectValues():
            if getattr(unit, "portal_type", "") == "Department":
                archives.append(ensure_archive(unit))
    section = portal.get(QMS_SECTION)
    if section is not None:
        archives.append(ensure_archive(section))
    return archives


def unit_added(unit, event):
    ensure_archive(unit)


def plan_added(plan, event):
    """A plan made some other way than «Lập mục tiêu» (REST without a year,
    Plone's generic add form) still has its year: its id's, or this year."""
    if not getattr(plan, "year", None):
        plan_id = plan.getId()
        plan.year = int(plan_id) if plan_id.isdigit() else date.today().year
        plan.reindexObject()
