"""Comments are given on effective documents only.

A draft is still being written, a document under review or approval is not
yet the rule, and an obsolete one is no longer: none of them takes góp ý.
plone.app.discussion asks the `conversation_view` whether a conversation is
enabled, both for the comment form (Classic UI) and for `POST @comments`
(plone.restapi submits the same form), so this is the one place to say it.
"""

from Acquisition import aq_inner
from plone.app.discussion.browser.conversation import ConversationView
from Products.CMFCore.utils import getToolByName


COMMENTABLE_STATE = "effective"


def review_state(obj) -> str | None:
    workflow = getToolByName(obj, "portal_workflow")
    return workflow.getInfoFor(obj, "review_state", None)


def is_commentable(document) -> bool:
    """Whether `document` (a controlled document) takes comments now."""
    return review_state(document) == COMMENTABLE_STATE


class DocumentConversationView(ConversationView):
    """Discussion on a controlled document: as Plone says, and only while
    the document is effective."""

    def enabled(self):
        if not is_commentable(aq_inner(self.context)):
            return False
        return super().enabled()
