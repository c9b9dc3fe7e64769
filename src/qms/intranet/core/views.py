"""Workflow steps in the Classic UI: one small form per transition.

The state menu of our workflows opens `@@qms-transition?transition=<id>`:
the form names the act, asks only for what the transition needs (a reason
where one is required, with why it is asked), refuses bad input next to the
field and changes nothing then, and comes back to the item with a message
saying what happened and who is next. Plone's generic state form
(content_status_history) is never shown for our content: it leads here.
"""

from datetime import date
from plone import api
from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.core.rest import BadRequestError
from qms.intranet.core.rest import year_param
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.core.workflow import DEFAULT_DONE
from qms.intranet.core.workflow import DONE_MESSAGES
from qms.intranet.core.workflow import HISTORY_LABELS
from qms.intranet.core.workflow import REASON_HELP
from qms.intranet.core.workflow import REASON_REQUIRED
from zope.i18nmessageid import Message

import transaction


NOT_AVAILABLE = _(
    "error_transition_not_available",
    default="This step is not possible now (the document has moved on, or it "
    "is not yours to do). Nothing was changed.",
)
# Transitions whose button warns (they cannot be undone by the same person).
DANGEROUS = frozenset({"reject", "withdraw", "amend"})


def fullname(userid: str) -> str:
    """A person's full name (their id when they have none or are gone)."""
    user = api.user.get(userid=userid) if userid else None
    return (user.getProperty("fullname", "") or userid) if user else (userid or "")


def history(obj, request) -> list[dict]:
    """Who did which step when, with their comments, and the state it led
    to (labelled for the item's type): newest first."""
    wftool = api.portal.get_tool("portal_workflow")
    chain = wftool.getChainFor(obj)
    if not chain:
        return []
    workflow = wftool.getWorkflowById(chain[0])
    rows = []
    for entry in getattr(obj, "workflow_history", {}).get(chain[0], ()):
        action = entry.get("action")
        if action and action in workflow.transitions:
            title = Message(
                workflow.transitions[action].title or action, domain="plone"
            )
        else:
            title = (
                HISTORY_LABELS.get(action)
                or action
                or _("history_created", default="Created")
            )
        when = entry.get("time")
        state = entry.get("review_state")
        rows.append(
            {
                "action": translated(title, request),
                "actor": fullname(entry.get("actor") or ""),
                "time": when.strftime("%d/%m/%Y %H:%M") if when else "",
                "comments": entry.get("comments") or "",
                "state": state,
                "state_title": translated(state_label(state, obj.portal_type), request),
                "badge": state_badge(state, obj.portal_type),
            }
        )
    return list(reversed(rows))


def step_buttons(context, request, dangerous=DANGEROUS) -> list[dict]:
    """The workflow steps the current person may take on `context` now: one
    button each, to the step's small form; those in `dangerous` warn."""
    wftool = api.portal.get_tool("portal_workflow")
    base = f"{context.absolute_url()}/@@qms-transition?transition="
    return [
        {
            "id": item["id"],
            "title": translated(Message(item["title"], domain="plone"), request),
            "url": base + item["id"],
            "css": "btn-outline-danger" if item["id"] in dangerous else "btn-primary",
        }
        for item in wftool.getTransitionsFor(context)
    ]


class TransitionForm(BrowserView):
    """The form of one transition. Concepts subclass it to ask for more
    (extra_fields / apply) and register it for their types."""

    index = ViewPageTemplateFile("templates/transition.pt")

    def __init__(self, context, request):
        super().__init__(context, request)
        self.errors = {}

    # What is asked

    def transition_id(self) -> str:
        value = self.request.form.get("transition") or self.request.form.get(
            "workflow_action", ""
        )
        return value if isinstance(value, str) else ""

    @memoize
    def transition(self) -> dict | None:
        """The transition, if the current user may do it on the context now."""
        wftool = api.portal.get_tool("portal_workflow")
        for transition in wftool.getTransitionsFor(self.context):
            if transition["id"] == self.transition_id():
                return transition
        return None

    def workflow_id(self) -> str:
        chain = api.portal.get_tool("portal_workflow").getChainFor(self.context)
        return chain[0] if chain else ""

    def transition_title(self) -> str:
        transition = self.transition() or {}
        return translated(
            Message(transition.get("title") or self.transition_id(), domain="plone"),
            self.request,
        )

    def state(self) -> str:
        return api.content.get_state(obj=self.context, default="")

    def state_title(self) -> str:
        label = state_label(self.state(), self.context.portal_type)
        return translated(label, self.request)

    def state_badge(self) -> str:
        return state_badge(self.state(), self.context.portal_type)

    def button_class(self) -> str:
        return "btn-danger" if self.transition_id() in DANGEROUS else "btn-primary"

    def explanation(self) -> str:
        """What the transition does, from the workflow's description."""
        transition = self.transition() or {}
        description = transition.get("description") or ""
        return (
            translated(Message(description, domain="plone"), self.request)
            if description
            else ""
        )

    def reason_required(self) -> bool:
        return self.transition_id() in REASON_REQUIRED

    def fields(self) -> list[dict]:
        """The fields of the form: the comment (a required reason or an
        optional note), then what the concept asks for."""
        required = self.reason_required()
        comment = {
            "name": "comment",
            "type": "textarea",
            "required": required,
            "value": self.request.form.get("comment", ""),
            "label": translated(
                _("label_reason", default="Reason")
                if required
                else _("label_transition_note", default="Note (optional)"),
                self.request,
            ),
            "help": translated(REASON_HELP[self.transition_id()], self.request)
            if self.transition_id() in REASON_HELP
            else "",
        }
        return [comment, *self.extra_fields()]

    def extra_fields(self) -> list[dict]:
        """More fields: dicts with name, type (textarea, select with
        `options` [{value, title}], file, checkbox), required, value, label,
        help."""
        return []

    def alternative(self) -> dict | None:
        """Another step to offer after a refusal ({url, label}), or None."""
        return None

    def comment(self) -> str:
        """The comment the transition keeps in the history."""
        value = self.request.form.get("comment") or ""
        return value.strip() if isinstance(value, str) else ""

    # What is done

    def validate(self) -> dict:
        """Field name -> translated error; the base checks the reason."""
        errors = {}
        if self.reason_required() and not self.comment():
            errors["comment"] = translated(
                REASON_REQUIRED[self.transition_id()], self.request
            )
        return errors

    def apply(self) -> None:
        """Store what the extra fields carry, before the transition runs."""

    def done_message(self, result) -> Message:
        message = DONE_MESSAGES.get(
            (self.workflow_id(), self.transition_id()), DEFAULT_DONE
        )
        state = api.content.get_state(obj=result, default="")
        return Message(
            message,
            mapping={
                **(message.mapping or {}),
                "state": translated(state_label(state, result.portal_type)),
            },
        )

    def __call__(self):
        if self.transition() is None:
            IStatusMessage(self.request).add(NOT_AVAILABLE, type="error")
            return self.request.response.redirect(self.context.absolute_url())
        if not self.request.form.get("form.submitted"):
            return self.index()
        CheckAuthenticator(self.request)
        self.errors = self.validate()
        if not self.errors:
            try:
                self.apply()
                wftool = api.portal.get_tool("portal_workflow")
                result = wftool.doActionFor(
                    self.context, self.transition_id(), comment=self.comment()
                )
            except WorkflowException as refused:
                self.errors = {"": str(refused)}
            else:
                target = result if hasattr(result, "absolute_url") else self.context
                IStatusMessage(self.request).add(
                    translated(self.done_message(target), self.request), type="info"
                )
                return self.request.response.redirect(target.absolute_url())
        transaction.doom()  # nothing of a refused step is kept
        return self.index()


class StatusHistoryRedirect(BrowserView):
    """Plone's generic state form, for our content: our transition form."""

    def __call__(self):
        action = self.request.form.get("workflow_action", "")
        url = f"{self.context.absolute_url()}/@@qms-transition"
        if action:
            url += f"?transition={action}"
        return self.request.response.redirect(url)


class StatusModifyView(ContentStatusModifyView):
    """A transition posted to Plone's content_status_modify: a refusal
    (a missing reason…) goes back to our form with its message."""

    def __call__(self, workflow_action=None, comment="", **kwargs):
        try:
            return super().__call__(workflow_action, comment, **kwargs)
        except WorkflowException as exc:
            transaction.doom()
            IStatusMessage(self.request).add(str(exc), type="error")
            url = (
                f"{self.context.absolute_url()}/@@qms-transition"
                f"?transition={workflow_action}"
            )
            return self.request.response.redirect(url)


class YearPage(BrowserView):
    """A page of one year's figures (`?year=`): a bad year is said in a
    message and this year's page is shown, never an error."""

    def __call__(self):
        self.year()  # a bad year's message is added before the page is drawn
        return self.index()

    @memoize
    def year(self) -> int:
        """The year asked for; this year (and a message) when it is no year."""
        try:
            return year_param(self.request)
        except BadRequestError as bad:
            IStatusMessage(self.request).add(bad.message, type="error")
            return date.today().year
