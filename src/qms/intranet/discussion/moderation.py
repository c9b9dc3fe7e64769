"""Moderating góp ý: the labels of the acts, who may moderate which
comment, the moderation queue and the act itself.

Plone's @@moderate-comments needs "Review comments" on the site root, which
the units' ISO officers hold only on their unit's documents. Our queue is
open to every logged-in person and lists the pending comments this person
may moderate: their unit's documents for an ISO officer, all of them for the
secretariat. The catalog query is restricted (the person sees the pending
comment) and each comment is checked for "Review comments".
"""

from AccessControl import getSecurityManager
from AccessControl import Unauthorized
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from plone.app.discussion.events import CommentPublishedEvent
from plone.app.discussion.events import CommentTransitionEvent
from plone.app.discussion.interfaces import IComment
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from qms.intranet import _
from qms.intranet.core.dates import format_date
from qms.intranet.core.i18n import translated
from zope.event import notify
from zope.i18nmessageid import Message


REVIEW_COMMENTS = "Review comments"
QUEUE_VIEW = "@@qms-moderation"
MODERATE_VIEW = "@@qms-moderate-comment"

# transition -> (button label, button classes, asks for confirmation, message)
ACTS = {
    "publish": (
        _("comment_act_publish", default="Approve"),
        "btn-success",
        False,
        _(
            "comment_published_message",
            default="The comment of ${author} is approved: everyone sees it now.",
        ),
    ),
    "reject": (
        _("comment_act_reject", default="Reject"),
        "btn-outline-danger",
        True,
        _(
            "comment_rejected_message",
            default="The comment of ${author} is rejected: nobody else sees it.",
        ),
    ),
    "mark_as_spam": (
        _("comment_act_spam", default="Mark as spam"),
        "btn-outline-secondary",
        True,
        _(
            "comment_spam_message",
            default="The comment of ${author} is marked as spam and hidden.",
        ),
    ),
    "recall": (
        _("comment_act_recall", default="Back to pending"),
        "btn-outline-secondary",
        False,
        _(
            "comment_recalled_message",
            default="The comment of ${author} waits for moderation again.",
        ),
    ),
}
# The order of the buttons: the usual act first, the rare one last.
ACT_ORDER = ("publish", "reject", "recall", "mark_as_spam")
CONFIRM_QUESTION = {
    "reject": _(
        "comment_confirm_reject",
        default="Reject this comment? It will be hidden from everyone.",
    ),
    "mark_as_spam": _(
        "comment_confirm_spam",
        default="Mark this comment as spam? It will be hidden from everyone.",
    ),
}


def document_of(comment):
    """The content object a comment is about."""
    return aq_parent(aq_parent(aq_inner(comment)))


def comment_state(comment) -> str | None:
    workflow = api.portal.get_tool("portal_workflow")
    return workflow.getInfoFor(comment, "review_state", None)


def can_moderate(comment) -> bool:
    return bool(getSecurityManager().checkPermission(REVIEW_COMMENTS, comment))


def acts_for(comment) -> list[dict]:
    """The moderation acts this person may do on `comment`, as buttons."""
    workflow = api.portal.get_tool("portal_workflow")
    allowed = {
        info["id"]
        for info in workflow.listActionInfos(object=comment)
        if info["category"] == "workflow" and info["allowed"]
    }
    acts = []
    for act in ACT_ORDER:
        if act not in allowed:
            continue
        label, css, confirm, _message = ACTS[act]
        acts.append(
            {
                "id": act,
                "label": translated(label),
                "css": css,
                "confirm": translated(CONFIRM_QUESTION[act]) if confirm else "",
            }
        )
    return acts


def pending_to_moderate(path: str | None = None) -> list:
    """The pending comments the current person may moderate, oldest first
    (under `path` when given)."""
    catalog = api.portal.get_tool("portal_catalog")
    query = {
        "portal_type": "Discussion Item",
        "review_state": "pending",
        "sort_on": "created",
    }
    if path:
        query["path"] = path
    found = []
    for brain in catalog.searchResults(**query):
        try:
            comment = brain.getObject()
        except (AttributeError, KeyError, Unauthorized):
            continue
        if IComment.providedBy(comment) and can_moderate(comment):
            found.append(comment)
    return found


def author_of(comment) -> str:
    return comment.author_name or comment.author_username or comment.creator or ""


def when(comment) -> str:
    created = comment.creation_date
    return f"{format_date(created)} {created.strftime('%H:%M')}" if created else ""


def queue_url() -> str:
    return f"{api.portal.get().absolute_url()}/{QUEUE_VIEW}"


class ModerationQueue(BrowserView):
    """@@qms-moderation: the pending comments this person may moderate."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to moderate comments.")
        self.request.set("disable_border", True)
        return self.index()

    def items(self) -> list[dict]:
        items = []
        for comment in pending_to_moderate():
            document = document_of(comment)
            code = getattr(document, "code", "") or ""
            items.append(
                {
                    "id": comment.getId(),
                    "url": comment.absolute_url(),
                    "document_title": document.Title(),
                    "document_code": code,
                    "document_url": document.absolute_url(),
                    "author": author_of(comment),
                    "when": when(comment),
                    "text": comment.getText(),
                    "acts": acts_for(comment),
                }
            )
        return items

    def moderate_url(self, item) -> str:
        return f"{item['url']}/{MODERATE_VIEW}"

    def came_from(self) -> str:
        return f"{self.context.absolute_url()}/{QUEUE_VIEW}"


class ModerateComment(BrowserView):
    """@@qms-moderate-comment (POST): approve, reject… one comment, then go
    back to where the moderator was, saying what happened."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(
                document_of(self.context).absolute_url()
            )
        CheckAuthenticator(self.request)
        comment = aq_inner(self.context)
        act = self.request.form.get("transition", "")
        messages = IStatusMessage(self.request)
        if act not in ACTS or act not in {a["id"] for a in acts_for(comment)}:
            messages.add(
                translated(
                    _(
                        "comment_act_refused",
                        default="This comment cannot be moderated that way "
                        "(it may have been moderated already).",
                    )
                ),
                type="error",
            )
            return self.request.response.redirect(self.next_url())
        workflow = api.portal.get_tool("portal_workflow")
        workflow.doActionFor(comment, act)
        comment.reindexObject()
        document = document_of(comment)
        document.reindexObject(idxs=["total_comments"])
        if act == "publish":
            notify(CommentPublishedEvent(document, comment))
        notify(CommentTransitionEvent(document, comment))
        message = Message(ACTS[act][3], mapping={"author": author_of(comment)})
        messages.add(translated(message), type="info")
        return self.request.response.redirect(self.next_url())

    def next_url(self) -> str:
        came_from = self.request.form.get("came_from", "")
        portal_url = api.portal.get_tool("portal_url")
        if came_from and portal_url.isURLInPortal(came_from):
            return came_from
        return document_of(self.context).absolute_url()
