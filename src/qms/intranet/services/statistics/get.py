"""GET /@qms-statistics?year=2026"""

from plone.restapi.services import Service
from qms.intranet import _
from qms.intranet.statistics import year_figures
from zope.i18n import translate


class StatisticsGet(Service):
    """Procedures revised, cancelled, newly issued and new pending in a year."""

    def reply(self):
        raw = self.request.form.get("year")
        if raw in (None, ""):
            return year_figures()
        if not str(raw).isdigit() or not 1990 <= int(raw) <= 2100:
            self.request.response.setStatus(400)
            message = _(
                "error_year",
                default="The year must be a number between 1990 and 2100.",
            )
            return {
                "error": {
                    "type": "BadRequest",
                    "message": translate(message, context=self.request),
                }
            }
        return year_figures(int(raw))
