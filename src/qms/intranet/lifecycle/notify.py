"""Who is told of what (issue #16), and the events that tell them.

| event | told |
| --- | --- |
| document submitted | the owning unit's heads |
| document accepted | the leaders (qms-leaders) |
| document sent back | who submitted it, with the reason |
| document issued (first issue or revision) | its acknowledgement audience |
| document withdrawn | the owning unit: staff, officers and heads |
| comment posted | the unit's ISO officers |
| nonconformity reported | the unit's officers and heads |
| action assigned (responsible set or changed) | its responsible person |
| audit planned (created, or saved with a new plan) | its team, the units' heads |
| audit started | its team and the audited units' heads |

The daily job (daily.py) uses the reminders below: a document due for
review, an action due in 7 days or overdue, a record list not issued by its
deadline. The person who did the act is never told; mail.py sends.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.workflow import comment_of
from qms.intranet.documents.behaviors import IControlledDocument
from qms.intranet.documents.workflow import WORKFLOW_ID as DOCUMENT_WORKFLOW
from qms.intranet.improvement.content import nonconformity_of
from qms.intranet.lifecycle.acknowledge import audience
from qms.intranet.lifecycle.mail import Notice
from qms.intranet.lifecycle.mail import public_url
from qms.intranet.lifecycle.mail import send_notice
from qms.intranet.units.groups import group_id
from qms.intranet.units.groups import LEADERS_GROUP
from qms.intranet.units.groups import unit_of
from qms.intranet.units.groups import unit_titles
from zope.i18nmessageid import Message


ALL_KINDS = ("staff", "officers", "heads")
PLAN_NOTIFIED = "_qms_plan_notified"
RESPONSIBLE_NOTIFIED = "_qms_responsible_notified"


def msg(message, **mapping) -> Message:
    return Message(message, mapping=mapping)


# Who


def group_members(*group_ids) -> set[str]:
    """User ids of the members of these groups."""
    ids = set()
    for gid in group_ids:
        group = api.group.get(groupname=gid)
        if group is None:
            continue
        ids.update(user.getId() for user in api.user.get_users(group=group))
    return ids


def unit_people(unit_id: str | None, *kinds: str) -> set[str]:
    """The members of the unit's `kinds` groups ("staff", "officers", "heads")."""
    if not unit_id:
        return set()
    return group_members(*(group_id(unit_id, kind) for kind in kinds))


def actor_id() -> str | None:
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def actor_name() -> str:
    if api.user.is_anonymous():
        return ""
    user = api.user.get_current()
    return user.getProperty("fullname", "") or user.getId()


def name_of(user_id: str | None) -> str:
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return user_id or ""
    return user.getProperty("fullname", "") or user_id


def unit_title(unit_id: str | None) -> str:
    if not unit_id:
        return ""
    return unit_titles().get(unit_id, unit_id)


def document_label(doc) -> str:
    code = getattr(doc, "code", None)
    title = doc.Title()
    return f"{code} {title}" if code else title


def submitter(doc) -> str | None:
    """Who last submitted the document (its creator if nobody did)."""
    history = getattr(aq_base(doc), "workflow_history", {}).get(DOCUMENT_WORKFLOW, ())
    for entry in reversed(history):
        if entry.get("action") == "submit" and entry.get("actor"):
            return entry["actor"]
    return doc.Creator() or None


def tell(user_ids, notice: Notice, **kw):
    return send_notice(user_ids, notice, actor=actor_id(), **kw)


# Documents

SUBMITTED = _("mail_submitted_subject", default="To review: ${document}")
SUBMITTED_TEXT = _(
    "mail_submitted_text",
    default="${actor} submitted the document «${document}» of ${unit} for "
    "review. As head of the unit, review it: accept it, or send it back with "
    "your reason.",
)
ACCEPTED = _("mail_accepted_subject", default="To approve: ${document}")
ACCEPTED_TEXT = _(
    "mail_accepted_text",
    default="${actor} accepted the document «${document}» of ${unit} after "
    "review. A leader of the ministry approves and issues it, or sends it "
    "back with the reason.",
)
REJECTED = _("mail_rejected_subject", default="Sent back: ${document}")
REJECTED_TEXT = _(
    "mail_rejected_text",
    default="${actor} sent the document «${document}» back to draft. Reason: ${reason}",
)
REJECTED_NEXT = _("mail_rejected_next", default="Correct it and submit it again.")
ISSUED = _("mail_issued_subject", default="Issued, to read: ${document}")
ISSUED_TEXT = _(
    "mail_issued_text",
    default="The document «${document}» of ${unit} is issued (issue "
    "${revision}) and effective from ${date}. Read it and confirm on its page "
    "that you have read it.",
)
WITHDRAWN = _("mail_withdrawn_subject", default="Withdrawn: ${document}")
WITHDRAWN_TEXT = _(
    "mail_withdrawn_text",
    default="The document «${document}» of ${unit} is withdrawn (cancelled) "
    "from ${date}: it is obsolete, do not use it any more. Reason: ${reason}",
)


def _document_notice(subject, line, doc, **mapping) -> Notice:
    values = {
        "document": document_label(doc),
        "unit": unit_title(getattr(doc, "owning_unit", None)),
        "actor": actor_name(),
        **mapping,
    }
    return Notice(
        subject=msg(subject, document=values["document"]),
        lines=[msg(line, **values)],
        url=public_url(doc),
    )


def document_transitioned(doc, event):
    """After submit, accept, reject and withdraw (IAfterTransitionEvent)."""
    if event.transition is None or event.workflow.getId() != DOCUMENT_WORKFLOW:
        return
    transition = event.transition.getId()
    unit = getattr(doc, "owning_unit", None)
    reason = comment_of(event).strip()
    if transition == "submit":
        tell(
            unit_people(unit, "heads"), _document_notice(SUBMITTED, SUBMITTED_TEXT, doc)
        )
    elif transition == "accept":
        tell(
            group_members(LEADERS_GROUP),
            _document_notice(ACCEPTED, ACCEPTED_TEXT, doc),
        )
    elif transition == "reject":
        notice = _document_notice(REJECTED, REJECTED_TEXT, doc, reason=reason)
        notice.lines.append(REJECTED_NEXT)
        tell({submitter(doc)}, notice)
    elif transition == "withdraw":
        tell(
            unit_people(unit, *ALL_KINDS),
            _document_notice(
                WITHDRAWN,
                WITHDRAWN_TEXT,
                doc,
                reason=reason,
                date=format_date(getattr(doc, "withdrawn_on", None)),
            ),
        )


def document_issued(obj, event):
    """After `approve` (IActionSucceededEvent): a first issue is the object;
    an approved revision was checked in, and the effective document it
    became is the event's result."""
    if event.action != "approve" or event.workflow.getId() != DOCUMENT_WORKFLOW:
        return
    result = event.result
    doc = result if IControlledDocument.providedBy(result) else obj
    tell(
        audience(doc),
        _document_notice(
            ISSUED,
            ISSUED_TEXT,
            doc,
            revision=getattr(doc, "revision", None) or 1,
            date=format_date(getattr(doc, "effective_from", None)),
        ),
    )


# Comments

COMMENTED = _("mail_comment_subject", default="New comment on ${document}")
COMMENTED_TEXT = _(
    "mail_comment_text",
    default="${author} commented on the document «${document}»: «${text}». "
    "As ISO officer of ${unit}, moderate it: approve or reject it.",
)


def comment_added(comment, event):
    """A comment (or a reply) posted on a controlled document."""
    conversation = aq_parent(aq_inner(comment))
    doc = aq_parent(conversation) if conversation is not None else None
    if doc is None or not IControlledDocument.providedBy(doc):
        return
    unit = getattr(doc, "owning_unit", None)
    label = document_label(doc)
    author = getattr(comment, "author_name", None) or name_of(
        getattr(comment, "author_username", None)
    )
    text = " ".join((getattr(comment, "text", "") or "").split())
    if len(text) > 300:
        text = text[:300] + "…"
    notice = Notice(
        subject=msg(COMMENTED, document=label),
        lines=[
            msg(
                COMMENTED_TEXT,
                author=author,
                document=label,
                text=text,
                unit=unit_title(unit),
            )
        ],
        url=f"{public_url(doc)}#{getattr(comment, 'id', '')}".rstrip("#"),
    )
    tell(unit_people(unit, "officers"), notice)


# Nonconformities and actions

REPORTED = _("mail_nc_subject", default="Nonconformity ${reference}: ${title}")
REPORTED_TEXT = _(
    "mail_nc_text",
    default="${actor} reported a nonconformity in ${unit}: «${title}» "
    "(${reference}). Find its root cause and plan the corrective actions.",
)
ASSIGNED = _("mail_action_assigned_subject", default="Action for you: ${title}")
ASSIGNED_TEXT = _(
    "mail_action_assigned_text",
    default="You are responsible for the action «${title}» (nonconformity "
    "${reference}, ${unit}), due on ${date}. Mark it as done with its result "
    "when it is done.",
)
ACTION_DUE = _("mail_action_due_subject", default="Action due on ${date}: ${title}")
ACTION_DUE_TEXT = _(
    "mail_action_due_text",
    default="The action «${title}» you are responsible for (nonconformity "
    "${reference}, ${unit}) is due on ${date}.",
)
ACTION_OVERDUE = _("mail_action_overdue_subject", default="Action overdue: ${title}")
ACTION_OVERDUE_TEXT = _(
    "mail_action_overdue_text",
    default="The action «${title}» you are responsible for (nonconformity "
    "${reference}, ${unit}) was due on ${date} and is not done.",
)


def nonconformity_added(nc, event):
    unit = unit_of(nc)
    if unit is None:
        return
    reference = getattr(nc, "reference", None) or ""
    notice = Notice(
        subject=msg(REPORTED, reference=reference, title=nc.Title()),
        lines=[
            msg(
                REPORTED_TEXT,
                actor=actor_name(),
                unit=unit.Title(),
                title=nc.Title(),
                reference=reference,
            ),
            nc.Description() or "",
        ],
        url=public_url(nc),
    )
    tell(unit_people(unit.getId(), "officers", "heads"), notice)


def _action_values(action) -> dict:
    nc = nonconformity_of(action)
    unit = unit_of(action)
    return {
        "title": action.Title(),
        "reference": getattr(nc, "reference", None) or "",
        "unit": unit.Title() if unit is not None else "",
        "date": format_date(getattr(action, "due_date", None)),
    }


def action_notice(action, subject, line) -> Notice:
    values = _action_values(action)
    return Notice(
        subject=msg(subject, title=values["title"], date=values["date"]),
        lines=[msg(line, **values)],
        url=public_url(action),
    )


def action_saved(action, event):
    """Added or modified: tell the responsible person when they are new."""
    responsible = getattr(action, "responsible", None)
    if not responsible:
        return
    if getattr(aq_base(action), RESPONSIBLE_NOTIFIED, None) == responsible:
        return
    setattr(action, RESPONSIBLE_NOTIFIED, responsible)
    tell({responsible}, action_notice(action, ASSIGNED, ASSIGNED_TEXT))


# Audits

PLANNED = _("mail_audit_planned_subject", default="Internal audit planned: ${title}")
PLANNED_TEXT = _(
    "mail_audit_planned_text",
    default="The internal audit «${title}» of ${units} is planned from "
    "${start} to ${end}; lead auditor: ${lead}; auditors: ${auditors}.",
)
STARTED = _("mail_audit_started_subject", default="Internal audit started: ${title}")
STARTED_TEXT = _(
    "mail_audit_started_text",
    default="The internal audit «${title}» of ${units} has started (until "
    "${end}); lead auditor: ${lead}. The team reads the audited units' "
    "documents and records while it is in progress.",
)


def audit_people(audit) -> set[str]:
    heads = set()
    for unit in audit.audited_units or ():
        heads |= unit_people(unit, "heads")
    return set(audit.team()) | heads


def _audit_notice(audit, subject, line) -> Notice:
    titles = unit_titles()
    team = audit.team()
    values = {
        "title": audit.Title(),
        "units": ", ".join(titles.get(u, u) for u in audit.audited_units or ()),
        "start": format_date(getattr(audit, "start", None)),
        "end": format_date(getattr(audit, "end", None)),
        "lead": name_of(audit.lead_auditor),
        "auditors": ", ".join(name_of(u) for u in team if u != audit.lead_auditor)
        or "—",
    }
    return Notice(
        subject=msg(subject, title=values["title"]),
        lines=[msg(line, **values)],
        url=public_url(audit),
    )


def _plan(audit) -> tuple:
    return (
        tuple(audit.team()),
        tuple(sorted(audit.audited_units or ())),
        str(getattr(audit, "start", "")),
        str(getattr(audit, "end", "")),
    )


def audit_saved(audit, event):
    """Created, or its plan saved: tell the team and the audited units'
    heads when the team, the units or the dates are new to them."""
    state = api.content.get_state(obj=audit, default=None)
    if not audit.team() or state not in ("planned", None):
        return
    plan = _plan(audit)
    if getattr(aq_base(audit), PLAN_NOTIFIED, None) == plan:
        return
    setattr(audit, PLAN_NOTIFIED, plan)
    tell(audit_people(audit), _audit_notice(audit, PLANNED, PLANNED_TEXT))


def audit_transitioned(audit, event):
    if event.transition is not None and event.transition.getId() == "start":
        tell(audit_people(audit), _audit_notice(audit, STARTED, STARTED_TEXT))


# Reminders of the daily job

REVIEW_DUE = _("mail_review_due_subject", default="Due for review: ${document}")
REVIEW_DUE_TEXT = _(
    "mail_review_due_text",
    default="The document «${document}» of ${unit} is due for its periodic "
    "review on ${date}. Review it: confirm that it still fits, or revise it.",
)
REVIEW_OVERDUE = _("mail_review_overdue_subject", default="Review overdue: ${document}")
REVIEW_OVERDUE_TEXT = _(
    "mail_review_overdue_text",
    default="The periodic review of the document «${document}» of ${unit} was "
    "due on ${date} and is not done. Review it: confirm that it still fits, "
    "or revise it.",
)
LIST_LATE = _(
    "mail_list_late_subject", default="Record list ${year} not issued: ${unit}"
)
LIST_LATE_TEXT = _(
    "mail_list_late_text",
    default="The record list ${year} of ${unit} was to be issued by ${date} "
    "and is not issued yet. The ISO officer completes and submits it; the "
    "head of the unit issues it.",
)


def review_notice(doc, status: str) -> Notice:
    overdue = status == "overdue"
    label = document_label(doc)
    return Notice(
        subject=msg(REVIEW_OVERDUE if overdue else REVIEW_DUE, document=label),
        lines=[
            msg(
                REVIEW_OVERDUE_TEXT if overdue else REVIEW_DUE_TEXT,
                document=label,
                unit=unit_title(getattr(doc, "owning_unit", None)),
                date=format_date(getattr(doc, "next_review_date", None)),
            )
        ],
        url=public_url(doc),
    )


def record_list_notice(unit, year: int, deadline, url: str) -> Notice:
    return Notice(
        subject=msg(LIST_LATE, year=year, unit=unit.Title()),
        lines=[
            msg(
                LIST_LATE_TEXT, year=year, unit=unit.Title(), date=format_date(deadline)
            )
        ],
        url=url,
    )
