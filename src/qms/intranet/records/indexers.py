"""Catalog indexers of records: what the completeness board counts, per unit
and year, and what search finds in records and their files."""

from Acquisition import aq_base
from plone.indexer import indexer
from qms.intranet.records.content import IRecord
from qms.intranet.records.content import IRecordFile
from qms.intranet.records.content import IRecordList
from qms.intranet.search.attachments import text_of
from qms.intranet.units.groups import unit_of


NO_ENTRY = "none"


def _unit_id(obj):
    unit = unit_of(obj)
    return unit.getId() if unit is not None else None


@indexer(IRecordList)
def record_list_unit(obj):
    return _unit_id(obj)


@indexer(IRecord)
def record_unit(obj):
    return _unit_id(obj)


@indexer(IRecordList)
def record_list_year(obj):
    return obj.year


@indexer(IRecord)
def record_year(obj):
    parent = obj.aq_parent
    if IRecordList.providedBy(parent):
        return parent.year
    return obj.opened_on.year if obj.opened_on else None


@indexer(IRecordList)
def record_entries(obj):
    """Keys of the list's entries, '<list uid>:<entry id>'."""
    return [f"{obj.UID()}:{entry['id']}" for entry in obj.entries or []]


@indexer(IRecord)
def record_entry(obj):
    """'<list uid>:<entry id>' of the entry it is filed into, or 'none'."""
    parent = obj.aq_parent
    if IRecordList.providedBy(parent) and obj.entry and parent.entry(obj.entry):
        return f"{parent.UID()}:{obj.entry}"
    return NO_ENTRY


@indexer(IRecord)
def retention_ends(obj):
    return obj.retention_ends()


@indexer(IRecordList)
def approved_on(obj):
    return obj.approved_on


@indexer(IRecord)
def record_text(obj):
    """A record: its title, description, reference number and entry heading."""
    entry = obj._entry() or {}
    parts = [obj.title, obj.description, obj.reference_number, entry.get("heading")]
    return " ".join(p for p in parts if p)


@indexer(IRecordFile)
def record_file_text(obj):
    """A record's file: its name and the text inside it."""
    filename = getattr(obj.file, "filename", "") if obj.file else ""
    return " ".join(p for p in (obj.Title(), filename, text_of(aq_base(obj))) if p)
