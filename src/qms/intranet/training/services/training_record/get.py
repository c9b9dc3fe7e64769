"""GET /@training-record?user=<id>: the person's courses and certificates.

400 without `user` or for an unknown one; 403 when the current person may
not read it (their own record, the heads of the person's units, the ISO
secretariat may)."""

from plone import api
from plone.restapi.services import Service
from qms.intranet import _
from qms.intranet.core.rest import error
from qms.intranet.training.record import may_read_record
from qms.intranet.training.record import NO_USER
from qms.intranet.training.record import NOT_ALLOWED
from qms.intranet.training.record import training_record
from zope.i18nmessageid import Message


NO_USER_PARAM = _(
    "error_training_record_user_param",
    default="Say whose training record to read: the parameter «user» (a "
    "user id) is required.",
)


class TrainingRecordGet(Service):
    def reply(self):
        user_id = self.request.form.get("user")
        if not isinstance(user_id, str) or not user_id.strip():
            return error(self.request, NO_USER_PARAM)
        user_id = user_id.strip()
        if api.user.get(userid=user_id) is None:
            return error(self.request, Message(NO_USER, mapping={"user": user_id}))
        if not may_read_record(user_id):
            return error(self.request, NOT_ALLOWED, 403, "Forbidden")
        data = training_record(user_id)
        data["@id"] = f"{self.context.absolute_url()}/@training-record?user={user_id}"
        return data
