"""The login form says when the directory does not answer (patches.py flags
the request whose directory sign-in failed for that reason)."""

from plone.app.layout.viewlets.common import ViewletBase
from qms.intranet.directory.patches import DOWN_MESSAGE
from qms.intranet.directory.patches import REQUEST_FLAG
from zope.i18n import translate

import html


class DirectoryDownViewlet(ViewletBase):
    def available(self) -> bool:
        return bool(self.request.other.get(REQUEST_FLAG))

    def render(self):
        if not self.available():
            return ""
        text = translate(DOWN_MESSAGE, context=self.request)
        return (
            '<div class="container"><div class="row justify-content-center">'
            '<div class="col-12 col-md-8 col-lg-6">'
            '<div class="alert alert-danger qms-directory-down mt-3" role="alert">'
            f"{html.escape(text)}</div></div></div></div>"
        )
