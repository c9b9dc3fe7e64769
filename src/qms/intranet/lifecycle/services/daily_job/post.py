"""POST /Plone/++api++/@daily-job (administrators): run the daily job in
the running instance and answer what it sent. `make daily` calls it when an
instance answers, so that the job runs while the site is served (FileStorage
allows one process) and, with several instances on RelStorage, on one of
them. A conflict with another transaction is retried by Zope's publisher;
the job's own log makes a second run the same day send nothing."""

from datetime import date
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from qms.intranet.core.rest import error
from qms.intranet.lifecycle import daily
from zope.interface import alsoProvides


class DailyJobPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        day = self.request.form.get("day") or ""
        try:
            today = date.fromisoformat(day) if day else None
        except (TypeError, ValueError):
            return error(self.request, "day: YYYY-MM-DD")
        summary = daily.run(self.context, today)
        return {"@id": f"{self.context.absolute_url()}/@daily-job", **summary}
