"""POST <nonconformity>/@revise-procedure: start the revision of the
procedure the nonconformity concerns (201, the working copy's URL), or 403
with the reason when the person may not."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from qms.intranet.core.rest import error
from qms.intranet.improvement.revise import revise_procedure
from qms.intranet.improvement.revise import RevisionRefused
from zope.interface import alsoProvides


class ReviseProcedurePost(Service):
    def reply(self):
        # a JSON write: site/security.py has checked where it comes from
        alsoProvides(self.request, IDisableCSRFProtection)
        try:
            working_copy = revise_procedure(self.context)
        except RevisionRefused as refused:
            return error(self.request, refused.args[0], status=403, kind="Forbidden")
        self.request.response.setStatus(201)
        url = working_copy.absolute_url()
        self.request.response.setHeader("Location", url)
        return {"@id": url, "change_note": working_copy.change_note}
