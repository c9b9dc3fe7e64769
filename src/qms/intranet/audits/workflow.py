"""What the audit workflows check and do besides moving states: a refused
step raises WorkflowException with a translated message (the transition
form shows it, plone.restapi answers 400) and changes nothing.

- start: the programme is approved, the team is independent, the end date
  has not passed;
- report: the summary is written; each nonconformity found becomes a
  Nonconformity of the unit's register (source internal_audit), linked
  both ways;
- close: no linked nonconformity is still waiting for the unit's analysis.
"""

from datetime import date
from plone import api
from qms.intranet import _
from qms.intranet.audits.content import NC_KINDS
from qms.intranet.audits.content import programme_of
from qms.intranet.audits.content import team_problems
from qms.intranet.core.workflow import refuse
from qms.intranet.core.workflow import register_done_messages
from qms.intranet.improvement.subscribers import ensure_register
from zope.i18nmessageid import Message


PROGRAMME_WORKFLOW = "qms_audit_programme_workflow"
AUDIT_WORKFLOW = "qms_audit_workflow"
PROGRAMME_STATES = ("draft", "approved")
AUDIT_STATES = ("planned", "in_progress", "reported", "closed")

PROGRAMME_NOT_APPROVED = _(
    "error_start_programme_not_approved",
    default="The audit programme of the year is not approved yet: the audit "
    "starts once the leaders have approved it.",
)
END_PASSED = _(
    "error_start_end_passed",
    default="The audit's end date (${date}) has passed: the ISO secretariat "
    "changes its dates before it starts.",
)
SUMMARY_REQUIRED = _(
    "error_report_needs_summary",
    default="Write the summary of the audit before reporting it.",
)
NCS_NOT_ANALYSED = _(
    "error_close_ncs_not_analysed",
    default="The units have not yet analysed these nonconformities of the "
    "audit: ${references}. The audit is closed once they have.",
)

register_done_messages(
    PROGRAMME_WORKFLOW,
    {
        "approve": _(
            "done_approve_programme",
            default="Programme approved: its audits can start on their dates.",
        ),
    },
)
register_done_messages(
    AUDIT_WORKFLOW,
    {
        "start": _(
            "done_start_audit",
            default="Audit started: until its end date the team reads the "
            "audited units' documents and records, fills the checklist and "
            "records findings.",
        ),
        "report": _(
            "done_report_audit",
            default="Audit reported: the nonconformities found are entered in "
            "the units' registers; the units analyse them, then the ISO "
            "secretariat closes the audit.",
        ),
        "close": _("done_close_audit", default="Audit closed."),
    },
)


def findings_of(audit) -> list:
    """The audit's findings (its own children: no catalog query, so that a
    step never misses one that is not indexed yet)."""
    return [
        item
        for item in audit.objectValues()
        if getattr(item, "portal_type", "") == "AuditFinding"
    ]


def linked_nonconformities(audit) -> list:
    """Catalog brains of the nonconformities the audit's findings became
    (whoever asks: the secretariat closes, and it sees every unit)."""
    uids = [f.nonconformity for f in findings_of(audit) if f.nonconformity]
    if not uids:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    return list(catalog.unrestrictedSearchResults(UID=uids))


def check_audit(audit, transition: str) -> None:
    if transition == "start":
        programme = programme_of(audit)
        if programme is not None and api.content.get_state(obj=programme) != "approved":
            refuse(PROGRAMME_NOT_APPROVED)
        problems = team_problems(
            audit.lead_auditor, audit.auditors, audit.audited_units
        )
        if problems:
            refuse(problems[0])
        if audit.end and audit.end < date.today():
            day = audit.end.strftime("%d/%m/%Y")
            refuse(Message(END_PASSED, mapping={"date": day}))
    elif transition == "report":
        if not (audit.summary or "").strip():
            refuse(SUMMARY_REQUIRED)
    elif transition == "close":
        waiting = [
            b.nc_reference or b.Title
            for b in linked_nonconformities(audit)
            if b.review_state == "reported"
        ]
        if waiting:
            listed = ", ".join(waiting)
            refuse(Message(NCS_NOT_ANALYSED, mapping={"references": listed}))


def nonconformity_from(finding, audit):
    """The Nonconformity a finding becomes in its unit's register, made once
    (as the system: the auditors may not add to the unit's register)."""
    if finding.nonconformity:
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(UID=finding.nonconformity):
            return brain._unrestrictedGetObject()
    unit = api.portal.get()["don-vi"].get(finding.unit)
    if unit is None:
        return None
    register = ensure_register(unit)
    creator = finding.Creator() or audit.lead_auditor
    user = api.user.get(userid=creator)
    detected_by = (user.getProperty("fullname") if user else "") or creator
    created = finding.created()
    with api.env.adopt_roles(["Manager"]):
        nc = api.content.create(
            container=register,
            type="Nonconformity",
            title=finding.title,
            description="\n\n".join(
                part for part in (finding.description, finding.evidence) if part
            ),
            source="internal_audit",
            severity=NC_KINDS[finding.kind],
            detected_on=created.asdatetime().date() if created else date.today(),
            detected_by=detected_by,
            procedure=finding.procedure,
            clause=finding.clause,
        )
    nc.audit_finding = finding.UID()
    nc.reindexObject()
    finding.nonconformity = nc.UID()
    finding.reindexObject()
    return nc


def audit_before_transition(audit, event) -> None:
    if event.transition is None or event.workflow.getId() != AUDIT_WORKFLOW:
        return
    check_audit(audit, event.transition.getId())


def audit_after_transition(audit, event) -> None:
    if event.transition is None or event.workflow.getId() != AUDIT_WORKFLOW:
        return
    if event.transition.getId() == "report":
        for finding in findings_of(audit):
            if finding.kind in NC_KINDS:
                nonconformity_from(finding, audit)
    audit.reindexObject()


def nonconformity_transitioned(nc, event) -> None:
    """The finding a nonconformity came from shows its state (coverage)."""
    uid = getattr(nc, "audit_finding", None)
    if not uid:
        return
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(UID=uid):
        brain._unrestrictedGetObject().reindexObject(idxs=["finding_nc_state"])
