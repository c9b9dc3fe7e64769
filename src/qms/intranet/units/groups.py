"""Units and their groups: who belongs to which unit, with which local roles.

A unit with id `khcn` has three groups: `khcn-staff` (cán bộ), `khcn-officers`
(cán bộ ISO) and `khcn-heads` (lãnh đạo đơn vị). They get their roles on the
unit's folder, and on everything the unit owns wherever it is kept (the QMS
section holds documents owned by units too).
"""

from plone import api
from qms.intranet import _
from qms.intranet.core.content import first_in_chain
from qms.intranet.units.content import IDepartment
from zope.i18n import translate
from zope.i18nmessageid import Message


UNITS_FOLDER = "don-vi"
SECRETARIAT_GROUP = "qms-secretariat"
LEADERS_GROUP = "qms-leaders"
# The internal auditors the secretariat appoints (issue #14): membership
# gives no role by itself; an audit's team gets its roles on the audit.
AUDITORS_GROUP = "qms-auditors"
# Global roles that see and report on every unit.
SITE_WIDE_ROLES = frozenset({"Manager", "Site Administrator", "QMSSecretary"})

# group suffix -> (local roles on the unit's content, title)
UNIT_GROUPS = {
    "staff": (("UnitMember",), _("group_staff", default="Staff of ${unit}")),
    "officers": (
        ("UnitMember", "UnitOfficer"),
        _("group_officers", default="ISO officers of ${unit}"),
    ),
    "heads": (
        ("UnitMember", "UnitHead"),
        _("group_heads", default="Heads of ${unit}"),
    ),
}

SITE_GROUPS = {
    SECRETARIAT_GROUP: (("QMSSecretary",), "Thư ký ISO, Ban Chỉ đạo ISO"),
    LEADERS_GROUP: (("QMSLeader",), "Lãnh đạo Bộ phê duyệt"),
    AUDITORS_GROUP: ((), "Chuyên gia đánh giá nội bộ"),
}


def group_id(unit_id: str, kind: str) -> str:
    return f"{unit_id}-{kind}"


def unit_local_roles(unit_id: str) -> dict[str, tuple[str, ...]]:
    """Group id -> local roles the unit's groups hold on what it owns."""
    return {group_id(unit_id, kind): roles for kind, (roles, _t) in UNIT_GROUPS.items()}


def ensure_site_groups() -> None:
    """The secretariat and the leaders' groups exist with their global roles."""
    for gid, (roles, title) in SITE_GROUPS.items():
        if api.group.get(groupname=gid) is None:
            api.group.create(groupname=gid, title=title, roles=list(roles))
        elif roles:
            api.group.grant_roles(groupname=gid, roles=list(roles))


def ensure_unit_groups(unit) -> None:
    """Create the unit's groups (if missing) and give them their local roles."""
    language = api.portal.get_default_language()
    for kind, (roles, title) in UNIT_GROUPS.items():
        gid = group_id(unit.getId(), kind)
        if api.group.get(groupname=gid) is None:
            label = translate(
                Message(title, mapping={"unit": unit.Title()}),
                target_language=language,
            )
            api.group.create(groupname=gid, title=label)
        api.group.grant_roles(groupname=gid, roles=list(roles), obj=unit)
    unit.reindexObjectSecurity()


def unit_of(obj):
    """The unit folder `obj` lies in, or None."""
    return first_in_chain(obj, IDepartment)


def all_units() -> list:
    """Catalog brains of every unit by title, whoever asks: the names of the
    units are no secret, and every form and filter offers them."""
    catalog = api.portal.get_tool("portal_catalog")
    return list(
        catalog.unrestrictedSearchResults(
            portal_type="Department", sort_on="sortable_title"
        )
    )


def unit_titles() -> dict[str, str]:
    """Unit id -> name."""
    return {brain.getId: brain.Title for brain in all_units()}


def _group_ids(user=None) -> set[str]:
    """The user's groups (none for an anonymous visitor)."""
    if user is None and api.user.is_anonymous():
        return set()
    user = user or api.user.get_current()
    return {g.getId() for g in api.group.get_groups(user=user)}


def units_of_user(user=None) -> list[str]:
    """Ids of the units whose groups the user belongs to."""
    groups = _group_ids(user)
    return [
        brain.getId
        for brain in all_units()
        if any(group_id(brain.getId, kind) in groups for kind in UNIT_GROUPS)
    ]


def units_where(kind: str, user=None) -> list[str]:
    """Ids of the units in whose `kind` group ("staff", "officers", "heads")
    the user is."""
    groups = _group_ids(user)
    return [
        brain.getId for brain in all_units() if group_id(brain.getId, kind) in groups
    ]


def sees_every_unit(user=None) -> bool:
    """The secretariat (and site administrators) see and report on every unit."""
    if user is None:
        # The current user's roles were found when they logged in: no second
        # search of the user folder (api.user.get_roles), on every page.
        roles = api.user.get_current().getRoles()
    else:
        roles = api.user.get_roles(user=user)
    return bool(SITE_WIDE_ROLES & set(roles))
