"""Hồ sơ: each unit's record archive, yearly record lists and the records.

- RecordArchive (/don-vi/<unit>/ho-so): holds the unit's record lists.
- RecordList (/don-vi/<unit>/ho-so/<year>): danh mục hồ sơ of one year; its
  entries are rows (heading, file code, procedure, retention, responsible,
  notes); the records of the year are filed inside it.
- Record: the evidence a procedure produces, filed into an entry; once
  closed (kết thúc hồ sơ) it is frozen until the secretariat disposes of it.
- RecordFile: a file of a record (a record has several).
"""

from AccessControl import ClassSecurityInfo
from AccessControl.class_init import InitializeClass
from datetime import date
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from qms.intranet import _
from qms.intranet.core import files
from qms.intranet.core.content import BusyContainer
from qms.intranet.core.rest import CheckedJSONField
from zope import schema
from zope.interface import implementer
from zope.schema import ValidationError

import json


PERMANENT = "permanent"
ENTRY_SCHEMA = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "heading": {"type": "string"},
                "code": {"type": "string"},
                "procedure": {"type": "string"},
                "retention": {"type": ["integer", "string"]},
                "responsible": {"type": "string"},
                "notes": {"type": "string"},
            },
            "required": ["id", "heading", "retention"],
        },
    }
)


MIN_YEAR, MAX_YEAR = 2000, 2100


class InvalidYear(ValidationError):
    __doc__ = _(
        "error_record_list_year",
        default="The year of a record list must be a number between 2000 and 2100.",
    )


class InvalidEntries(ValidationError):
    __doc__ = _(
        "error_record_list_entries",
        default="The entries must be a list of rows, each with an id, a "
        "heading and a retention period in years.",
    )


def valid_year(value) -> bool:
    """Field constraint of a record list's year (a clear message, where
    zope.schema's min/max say only "Value is too small")."""
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise InvalidYear(value)
    return True


class IRecordArchive(model.Schema):
    """A unit's records: its yearly record lists and the records filed."""


class IRecordList(model.Schema):
    """Danh mục hồ sơ: the files a unit will keep in a year."""

    year = schema.Int(
        title=_("label_year", default="Year"), required=True, constraint=valid_year
    )
    entries = CheckedJSONField(
        title=_("label_entries", default="Entries"),
        schema=ENTRY_SCHEMA,
        invalid=InvalidEntries,
        default=[],
        required=False,
    )
    amendment = schema.Int(
        title=_("label_amendment", default="Amendment"),
        required=False,
        default=0,
    )
    approved_on = schema.Date(
        title=_("label_approved_on", default="Approved on"), required=False
    )


class IRecord(model.Schema):
    """Hồ sơ: what a procedure produces, filed into an entry of the list."""

    entry = schema.Choice(
        title=_("label_record_entry", default="Entry of the record list"),
        description=_(
            "help_record_entry",
            default="The heading of this year's record list it belongs to.",
        ),
        vocabulary="qms.intranet.RecordEntries",
        required=False,
    )
    procedure = schema.Choice(
        title=_("label_record_procedure", default="Procedure"),
        vocabulary="qms.intranet.EffectiveProcedures",
        required=False,
    )
    reference_number = schema.TextLine(
        title=_("label_reference_number", default="Reference number"),
        required=False,
    )
    opened_on = schema.Date(
        title=_("label_opened_on", default="Opening date"),
        required=True,
        defaultFactory=date.today,
    )
    closed_on = schema.Date(
        title=_("label_closed_on", default="Closing date"), required=False
    )
    confidentiality = schema.Choice(
        title=_("label_confidentiality", default="Confidentiality"),
        vocabulary="qms.intranet.Confidentiality",
        required=True,
        default="normal",
    )


class IRecordFile(model.Schema):
    # primary: the id and title come from the file name (plone.namefromfilename)
    model.primary("file")
    file = NamedBlobFile(
        title=_("label_record_file", default="File"),
        required=True,
        constraint=files.valid_file,
    )


@implementer(IRecordArchive)
class RecordArchive(BusyContainer):
    """/don-vi/<unit>/ho-so"""


@implementer(IRecordList)
class RecordList(BusyContainer):
    """One year's record list of a unit."""

    def entry(self, entry_id: str) -> dict | None:
        return next((e for e in self.entries or [] if e.get("id") == entry_id), None)


@implementer(IRecord)
class Record(Container):
    """A record; its files are RecordFile items inside it."""

    security = ClassSecurityInfo()

    def retention(self):
        """Years (int) or PERMANENT, from the entry it is filed into."""
        entry = self._entry()
        return entry.get("retention") if entry else None

    def _entry(self):
        lst = self.aq_parent
        if IRecordList.providedBy(lst) and self.entry:
            return lst.entry(self.entry)
        return None

    def retention_ends(self) -> int | None:
        """Year the retention period ends (None: open, permanent or no entry)."""
        retention = self.retention()
        if not self.closed_on or retention in (None, PERMANENT, ""):
            return None
        return self.closed_on.year + int(retention)

    security.declarePublic("retention_ended")

    def retention_ended(self) -> bool:
        """May the secretariat dispose of it (the workflow's guard asks)."""
        ends = self.retention_ends()
        return ends is not None and ends <= date.today().year


InitializeClass(Record)


@implementer(IRecordFile)
class RecordFile(Item):
    """A file of a record, titled by its file name."""

    def Title(self):
        return self.title or getattr(self.file, "filename", None) or self.getId()
