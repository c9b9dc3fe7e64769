"""Read and acknowledge: who must know an effective issue, and who said
«Đã đọc và hiểu».

The audience is a set of units: the owning unit by default, every unit for
the quality policy, system procedures and decisions; the document's
`ack_scope` field (behavior `qms.acknowledgement`) widens or narrows it.
Its people are the members of those units' groups.

Acknowledgements are kept (and read) per document UID, person and issue number in one
BTree on the site, not on the document: plone.app.iterate's check-in copies
the working copy's annotations over the baseline's, which would lose what
was acknowledged while a revision was drafted. A new issue asks again,
because only the current issue's acknowledgements count.
"""

from BTrees.OOBTree import OOBTree
from datetime import date
from datetime import datetime
from plone import api
from plone.app.iterate.interfaces import IWorkingCopy
from qms.intranet import _
from qms.intranet.documents.vocabularies import DOCUMENT_TYPES
from qms.intranet.units.groups import all_units
from qms.intranet.units.groups import group_id
from qms.intranet.units.groups import UNIT_GROUPS
from qms.intranet.units.groups import units_of_user
from zope.annotation.interfaces import IAnnotations


KEY = "qms.intranet.acknowledgements"
# The day this site started asking for acknowledgements (install or upgrade
# 1010): issues older than that were known before and are not asked, so an
# upgraded site does not put years of documents under everyone's «Cần đọc».
SINCE_KEY = "qms.intranet.acknowledgements_since"
EVERY_UNIT = "*"  # in the `ack_units` index: every unit must read it
VIEW_PERMISSION = "qms.intranet: View acknowledgements"

# ack_scope -> label; "default" follows the kind of document.
SCOPES = {
    "default": _(
        "ack_scope_default",
        default="As the kind of document says (the owning unit; every unit "
        "for the policy, system procedures and decisions)",
    ),
    "unit": _("ack_scope_unit", default="The owning unit only"),
    "units": _("ack_scope_units", default="The owning unit and the units chosen below"),
    "all": _("ack_scope_all", default="Every unit"),
    "none": _("ack_scope_none", default="Nobody (no acknowledgement asked)"),
}


class AcknowledgeRefused(ValueError):
    """Why this person cannot acknowledge this document (translatable)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def asks_everyone(doc) -> bool:
    """The policy, system procedures and decisions concern every unit."""
    if doc.portal_type in ("QualityPolicy", "Decision"):
        return True
    return doc.portal_type == "Procedure" and getattr(doc, "kind", None) == "system"


def start_asking(day: date | None = None) -> date:
    """Ask for acknowledgements of the issues from `day` (today) on, once."""
    annotations = IAnnotations(api.portal.get())
    if SINCE_KEY not in annotations:
        annotations[SINCE_KEY] = (day or date.today()).isoformat()
    return date.fromisoformat(annotations[SINCE_KEY])


def asked_since() -> date | None:
    value = IAnnotations(api.portal.get()).get(SINCE_KEY)
    return date.fromisoformat(value) if value else None


def _issued_before_asking(doc) -> bool:
    since = asked_since()
    if since is None or IWorkingCopy.providedBy(doc):
        return False  # a revision is a new issue when approved
    issued = getattr(doc, "issue_date", None)
    if issued is None:
        # Not issued yet (a draft, asked when issued), or an old issue
        # imported without its date.
        return api.content.get_state(obj=doc, default="") in ("effective", "obsolete")
    return issued < since


def audience_units(doc) -> set[str]:
    """Unit ids whose people must acknowledge `doc`; {EVERY_UNIT} for all."""
    if doc.portal_type not in DOCUMENT_TYPES or _issued_before_asking(doc):
        return set()
    scope = getattr(doc, "ack_scope", None) or "default"
    owner = getattr(doc, "owning_unit", None)
    if scope == "none":
        return set()
    if scope == "all" or (scope == "default" and asks_everyone(doc)):
        return {EVERY_UNIT}
    units = {owner} if owner else set()
    if scope == "units":
        units |= set(getattr(doc, "ack_units", None) or ())
    return units


def _unit_ids(units: set[str]) -> list[str]:
    if EVERY_UNIT in units:
        return [brain.getId for brain in all_units()]
    return sorted(units)


def people_of_units(unit_ids) -> dict[str, str]:
    """user id -> unit id (their first unit in the list) of the units' groups."""
    people = {}
    for unit in unit_ids:
        for kind in UNIT_GROUPS:
            group = api.group.get(groupname=group_id(unit, kind))
            if group is None:
                continue
            for member in group.getGroupMemberIds():
                people.setdefault(member, unit)
    return people


def audience(doc) -> set[str]:
    """User ids who must read and acknowledge the document."""
    return set(people_of_units(_unit_ids(audience_units(doc))))


def must_acknowledge(doc, user_id: str) -> bool:
    units = audience_units(doc)
    if not units:
        return False
    if EVERY_UNIT in units:
        return bool(units_of_user(api.user.get(userid=user_id)))
    return bool(units & set(units_of_user(api.user.get(userid=user_id))))


def _storage(create: bool = False):
    annotations = IAnnotations(api.portal.get())
    tree = annotations.get(KEY)
    if tree is None and create:
        tree = annotations[KEY] = OOBTree()
    return tree


def _of(doc, create: bool = False):
    tree = _storage(create)
    if tree is None:
        return None
    uid = api.content.get_uuid(obj=doc)
    people = tree.get(uid)
    if people is None and create:
        people = tree[uid] = OOBTree()
    return people


def acknowledged_on(doc, user_id: str, revision: int | None = None) -> str:
    """When `user_id` acknowledged this issue (ISO date-time), or ''."""
    people = _of(doc)
    if not people or user_id not in people:
        return ""
    revision = revision or doc.revision or 1
    return people[user_id].get(str(revision), "")


def acknowledged_by(doc) -> dict[str, str]:
    """user id -> when, for the current issue."""
    people = _of(doc)
    if not people:
        return {}
    revision = str(doc.revision or 1)
    return {
        user: issues[revision] for user, issues in people.items() if revision in issues
    }


def acknowledge(doc, user_id: str | None = None) -> str:
    """Record that the person read and understood the current issue; return
    when (the first time, if they had already)."""
    if api.content.get_state(obj=doc, default="") != "effective" or (
        IWorkingCopy.providedBy(doc)
    ):
        raise AcknowledgeRefused(
            _(
                "error_ack_not_effective",
                default="Only an effective issue is acknowledged. Nothing was changed.",
            )
        )
    user_id = user_id or api.user.get_current().getId()
    if not must_acknowledge(doc, user_id):
        raise AcknowledgeRefused(
            _(
                "error_ack_not_audience",
                default="This document does not ask you to acknowledge it: it "
                "concerns other units. Nothing was changed.",
            )
        )
    already = acknowledged_on(doc, user_id)
    if already:
        return already
    people = _of(doc, create=True)
    when = datetime.now().isoformat(timespec="seconds")
    issues = dict(people.get(user_id, {}))
    issues[str(doc.revision or 1)] = when
    people[user_id] = issues
    return when


def coverage(doc) -> dict:
    """Who has and has not acknowledged the current issue, by unit."""
    units = _unit_ids(audience_units(doc))
    people = people_of_units(units)
    done = acknowledged_by(doc)
    return {
        "revision": doc.revision or 1,
        "units": units,
        "people": people,
        "done": {user: when for user, when in done.items() if user in people},
        "missing": sorted(user for user in people if user not in done),
    }


def to_read_query(user=None) -> dict | None:
    """Catalog query of the effective documents the user still has to
    acknowledge; None when they belong to no unit."""
    user = user or api.user.get_current()
    units = units_of_user(user)
    if not units:
        return None
    return {
        "portal_type": list(DOCUMENT_TYPES),
        "review_state": "effective",
        "is_working_copy": False,
        "ack_units": [*units, EVERY_UNIT],
    }


def to_read(user=None) -> list:
    """Brains of what the current user must still read, with their rights:
    the catalog finds what their units must read, the store says what they
    have acknowledged (no document is woken)."""
    user = user or api.user.get_current()
    query = to_read_query(user)
    if query is None:
        return []
    tree = _storage()
    user_id = user.getId()

    def done(brain) -> bool:
        people = tree.get(brain.UID) if tree is not None else None
        issues = people.get(user_id) if people else None
        return bool(issues) and str(brain.document_revision or 1) in issues

    brains = api.content.find(sort_on="effective", sort_order="descending", **query)
    return [brain for brain in brains if not done(brain)]


def members_by_unit(unit_ids=None) -> dict[str, set[str]]:
    """unit id -> user ids of its groups."""
    unit_ids = unit_ids if unit_ids is not None else _unit_ids({EVERY_UNIT})
    out = {}
    for unit in unit_ids:
        members = set()
        for kind in UNIT_GROUPS:
            group = api.group.get(groupname=group_id(unit, kind))
            if group is not None:
                members.update(group.getGroupMemberIds())
        out[unit] = members
    return out


def unit_coverage(brains, members: dict[str, set[str]]) -> dict[str, dict]:
    """unit id -> {documents, expected, done} over the documents `brains`
    (effective ones asking acknowledgement), from the catalog and the store
    only: no document is woken."""
    tree = _storage()
    out = {unit: {"documents": 0, "expected": 0, "done": 0} for unit in members}
    for brain in brains:
        units = set(brain.ack_units or ())
        if not units:
            continue
        asked = (
            list(members) if EVERY_UNIT in units else [u for u in units if u in members]
        )
        people = tree.get(brain.UID) if tree is not None else None
        revision = str(brain.document_revision or 1)
        for unit in asked:
            row = out[unit]
            row["documents"] += 1
            row["expected"] += len(members[unit])
            if people:
                row["done"] += sum(
                    1
                    for user in members[unit]
                    if user in people and revision in people[user]
                )
    return out


def effective_query() -> dict:
    """Effective issues (those with an empty `ack_units` ask nobody)."""
    return {
        "portal_type": list(DOCUMENT_TYPES),
        "review_state": "effective",
        "is_working_copy": False,
    }
