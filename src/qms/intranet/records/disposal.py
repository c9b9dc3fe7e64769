"""Disposal (tiêu hủy) of closed records whose retention period has ended.

Closed records grant "Delete objects" to nobody: the only way a closed
record leaves the archive is a disposal by the secretariat, logged first
with who and why. The removal guard lets a closed record go only once its
disposal is in the log.
"""

from AccessControl import Unauthorized
from datetime import datetime
from persistent.list import PersistentList
from plone import api
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.records.lists import RecordError
from zExceptions import Forbidden
from zope.annotation.interfaces import IAnnotations


DISPOSAL_LOG = "qms.intranet.disposals"
DISPOSE_PERMISSION = "qms.intranet: Dispose records"
CLOSED_RECORD = _(
    "error_closed_record",
    default="A closed record cannot be deleted; the ISO secretariat disposes "
    "of it when its retention period ends.",
)
CLOSED_RECORD_STAYS = _(
    "error_closed_record_move",
    default="A closed record cannot be moved or renamed: it stays in the "
    "record list it was filed in.",
)


def dispose(record, reason: str) -> dict:
    """Destroy a closed record whose retention has ended, and log it."""
    if not api.user.has_permission(DISPOSE_PERMISSION, obj=record):
        raise Unauthorized("dispose")
    if not (reason or "").strip():
        raise RecordError(
            _("error_disposal_reason", default="Give the reason for the disposal.")
        )
    if not record.retention_ended():
        raise RecordError(
            _(
                "error_retention_running",
                default="The retention period of this record has not ended.",
            )
        )
    user = api.user.get_current()
    entry = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "who": user.getId(),
        "who_name": user.getProperty("fullname", "") or user.getId(),
        "why": reason.strip(),
        "title": record.Title(),
        "uid": api.content.get_uuid(obj=record),
        "path": "/".join(record.getPhysicalPath()),
        "reference_number": record.reference_number or "",
        "retention_ends": record.retention_ends(),
    }
    disposal_log().append(entry)
    # Nobody holds "Delete objects" on a closed record (api.content.delete
    # would refuse): remove it from its list directly, the checks being done.
    record.aq_parent._delObject(record.getId())
    return entry


def disposal_log() -> PersistentList:
    annotations = IAnnotations(api.portal.get())
    if DISPOSAL_LOG not in annotations:
        annotations[DISPOSAL_LOG] = PersistentList()
    return annotations[DISPOSAL_LOG]


def disposals(limit: int = 20) -> list[dict]:
    """The latest disposals, newest first (reads only: never creates the log)."""
    log = IAnnotations(api.portal.get()).get(DISPOSAL_LOG) or []
    return list(reversed(log))[:limit]


def is_disposed(record) -> bool:
    """Is the record's disposal the one just logged (dispose logs, then removes)?"""
    uid = api.content.get_uuid(obj=record)
    return any(entry.get("uid") == uid for entry in disposals(limit=1))


def refuse_removal_of_closed(record, event) -> None:
    """Closed records are deleted by disposal only, never otherwise."""
    if event.newParent is not None:  # a move or rename: refuse_move_of_closed
        return
    if api.content.get_state(obj=record, default=None) != "closed":
        return
    if not is_disposed(record):
        raise Unauthorized(translated(CLOSED_RECORD))


def refuse_move_of_closed(record, event) -> None:
    """IObjectWillBeMovedEvent: a closed record stays where it was filed.

    Moving it out of its issued list (or renaming it) would break its
    reference in the list and the count of the board, so nobody does it,
    the secretariat and Managers included. Forbidden is a clear 403 over
    plone.restapi, the Classic UI and the ZMI. A record moved with its list
    or unit (the event is about a container) stays in its list: let it go.
    """
    if event.oldParent is None or event.newParent is None:
        return  # an addition, or a removal (refuse_removal_of_closed)
    if event.object is not record:
        return
    if api.content.get_state(obj=record, default=None) != "closed":
        return
    raise Forbidden(translated(CLOSED_RECORD_STAYS))
