"""The state menu's action page, with our refusals shown as messages.

A refused transition (a reason missing, a revision without its change note)
raises WorkflowException; Plone's view would show an error page. Here the
person gets the message and the form to give the comment, and nothing changes.
"""

from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.statusmessages.interfaces import IStatusMessage

import transaction


class StatusModifyView(ContentStatusModifyView):
    def __call__(self, workflow_action=None, comment="", **kwargs):
        try:
            return super().__call__(workflow_action, comment, **kwargs)
        except WorkflowException as exc:
            transaction.doom()
            IStatusMessage(self.request).add(str(exc), type="error")
            url = (
                f"{self.context.absolute_url()}/content_status_history"
                f"?workflow_action={workflow_action}"
            )
            return self.request.response.redirect(url)
