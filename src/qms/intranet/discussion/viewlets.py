"""The góp ý below a controlled document, and the way to the moderation queue.

Plone's comments viewlet shows moderators every comment with three identical
buttons, and others the published ones. Ours shows:

- everyone the published comments;
- the author and the moderators the pending ones, marked "Chờ duyệt";
- nobody the rejected or spam ones (they leave the page);
- moderators distinct, Vietnamese acts (approve, reject with confirmation).
"""

from AccessControl import getSecurityManager
from Acquisition import aq_inner
from plone import api
from plone.app.discussion.browser.comments import CommentForm
from plone.app.discussion.browser.comments import CommentsViewlet
from plone.app.discussion.interfaces import IComment
from plone.app.discussion.interfaces import IConversation
from plone.app.layout.viewlets.common import ViewletBase
from plone.base.interfaces import IPloneSiteRoot
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.core.states import state_badge
from qms.intranet.core.states import state_label
from qms.intranet.discussion import moderation
from z3c.form import validator
from z3c.form.error import ErrorViewMessage
from zope.interface import Invalid
from zope.schema.interfaces import RequiredMissing


EMPTY_COMMENT = _(
    "error_comment_empty",
    default="Write your comment before sending it.",
)

PLACEHOLDER = _(
    "comment_text_placeholder",
    default="What should be changed in this document, and why?",
)


class QMSCommentForm(CommentForm):
    """Plone's comment form, in the words of góp ý."""

    label = _("comment_form_label", default="Send a comment")

    def updateWidgets(self):
        super().updateWidgets()
        text = self.widgets["text"]
        text.label = _("comment_text_label", default="Your comment")
        # The browser checks an empty comment first (pat-validation): in
        # our words, not in the browser's language.
        empty = translated(EMPTY_COMMENT).replace(";", ",")
        attributes = dict(text.attributes)  # computed once, then kept
        attributes["placeholder"] = translated(PLACEHOLDER)
        attributes["data-pat-validation"] = f"message-required: {empty}"
        text._attributes = attributes


class NotBlank(validator.SimpleFieldValidator):
    """A comment of spaces only is as empty as no comment."""

    def validate(self, value, force=False):
        super().validate(value, force)
        if value is not None and not value.strip():
            raise Invalid(translated(EMPTY_COMMENT))


validator.WidgetValidatorDiscriminators(
    NotBlank, view=QMSCommentForm, field=IComment["text"]
)

EmptyCommentMessage = ErrorViewMessage(
    EMPTY_COMMENT, error=RequiredMissing, form=QMSCommentForm, field=IComment["text"]
)


class DocumentCommentsViewlet(CommentsViewlet):
    form = QMSCommentForm
    index = ViewPageTemplateFile("templates/comments.pt")

    def threads(self) -> list[dict]:
        """The comments this person sees here, each with its state and the
        acts this person may do on it."""
        conversation = IConversation(aq_inner(self.context), None)
        if conversation is None:
            return []
        security = getSecurityManager()
        shown = []
        hidden = set()
        for thread in conversation.getThreads():
            comment = thread["comment"]
            state = moderation.comment_state(comment)
            parent = getattr(comment, "in_reply_to", None)
            if (
                state not in ("published", "pending")
                or parent in hidden
                or not security.checkPermission("View", comment)
            ):
                hidden.add(comment.comment_id)
                continue
            shown.append(
                {
                    "comment": comment,
                    "id": comment.getId(),
                    "depth": min(thread.get("depth", 0), 10),
                    "state": state,
                    "pending": state == "pending",
                    "state_label": translated(state_label(state)),
                    "badge": state_badge(state),
                    "author": moderation.author_of(comment),
                    "when": moderation.when(comment),
                    "acts": moderation.acts_for(comment)
                    if moderation.can_moderate(comment)
                    else [],
                }
            )
        return shown

    def published_count(self, threads) -> int:
        return len([t for t in threads if not t["pending"]])

    def moderate_url(self, thread) -> str:
        return f"{thread['comment'].absolute_url()}/{moderation.MODERATE_VIEW}"

    def came_from(self) -> str:
        return f"{aq_inner(self.context).absolute_url()}#comments"

    def queue_url(self) -> str:
        return moderation.queue_url()


class ModerationLinkViewlet(ViewletBase):
    """On the home page, a unit's page and the QMS section: how many góp ý
    wait for this person's moderation, and the way to the queue."""

    index = ViewPageTemplateFile("templates/moderation_link.pt")

    def update(self):
        super().update()
        self.count = 0
        if api.user.is_anonymous():
            return
        context = aq_inner(self.context)
        path = (
            None
            if IPloneSiteRoot.providedBy(context)
            else "/".join(context.getPhysicalPath())
        )
        self.count = len(moderation.pending_to_moderate(path))

    def available(self) -> bool:
        return self.count > 0

    def queue_url(self) -> str:
        return moderation.queue_url()

    def message(self) -> str:
        return translated(
            _(
                "comments_waiting_for_you",
                default="${count} comment(s) wait for your moderation.",
                mapping={"count": self.count},
            )
        )

    def render(self):
        return self.index() if self.available() else ""
