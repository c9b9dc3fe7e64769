"""@@qms-dashboard: the steering committee's year at a glance (issue #15):
the four document figures, the audit programme's coverage, open and
overdue nonconformities, objectives achieved and record lists issued, each a
link to the items behind it. For the ISO secretariat and the leaders;
anyone else reads a sentence saying it is theirs."""

from datetime import date
from plone import api
from plone.memoize.view import memoize
from qms.intranet import _
from qms.intranet.core.i18n import translated
from qms.intranet.core.views import YearPage
from qms.intranet.review.evaluation import SECTION_ID
from qms.intranet.review.figures import DOCUMENT_FIGURE_IDS
from qms.intranet.review.figures import year_figures
from qms.intranet.review.report import DOCUMENT_TITLES
from qms.intranet.review.report import entitled
from qms.intranet.review.report import NOT_ENTITLED


class DashboardView(YearPage):
    def entitled(self) -> bool:
        return entitled()

    def not_entitled(self) -> str:
        return translated(NOT_ENTITLED, self.request)

    @memoize
    def data(self) -> dict:
        return year_figures(self.year())

    def year_options(self) -> list[int]:
        this = date.today().year
        return sorted(set(range(this - 4, this + 1)) | {self.year()}, reverse=True)

    def tiles(self) -> list[dict]:
        """The figures of the year, each with its link."""
        data = self.data()
        t = lambda message: translated(message, self.request)  # noqa: E731
        documents = data["documents"]
        tiles = [
            {
                "id": figure,
                "value": documents["totals"][figure],
                "title": t(DOCUMENT_TITLES[figure]),
                "url": documents["links"][figure],
            }
            for figure in DOCUMENT_FIGURE_IDS
        ]
        audits = data["audits"]["totals"]
        ncs = data["nonconformities"]
        objectives = data["objectives"]["totals"]
        records = data["record_lists"]
        tiles += [
            {
                "id": "audited",
                "value": f"{audits['audited']}/{audits['units']}",
                "title": t(_("dashboard_audited", default="Units audited this year")),
                "url": data["audits"]["url"]
                or f"{api.portal.get().absolute_url()}/danh-gia-noi-bo",
            },
            {
                "id": "nc_open",
                "value": ncs["totals"]["open"],
                "title": t(_("dashboard_nc_open", default="Open nonconformities")),
                "url": ncs["url"],
            },
            {
                "id": "nc_overdue",
                "value": ncs["totals"]["overdue"],
                "title": t(
                    _("dashboard_nc_overdue", default="Nonconformities overdue")
                ),
                "url": ncs["url"],
            },
            {
                "id": "objectives",
                "value": f"{objectives['achieved']}/{objectives['total']}",
                "title": t(
                    _("dashboard_objectives", default="Quality objectives achieved")
                ),
                "url": f"{api.portal.get().absolute_url()}/@@yearly-report"
                f"?year={self.year()}#muc-tieu",
            },
        ]
        # Record lists are read by their unit and the secretariat only
        # (not the leaders): no tile for someone who sees none.
        if records["totals"]["units"]:
            tiles.append(
                {
                    "id": "record_lists",
                    "value": f"{records['totals']['lists_established']}"
                    f"/{records['totals']['units']}",
                    "title": t(
                        _(
                            "dashboard_record_lists",
                            default="Units with a record list issued",
                        )
                    ),
                    "url": records["url"],
                }
            )
        return tiles

    def links(self) -> dict:
        portal = api.portal.get().absolute_url()
        year = self.year()
        return {
            "report": f"{portal}/@@yearly-report?year={year}",
            "docx": f"{portal}/@@yearly-report.docx?year={year}",
            "evaluation": f"{portal}/{SECTION_ID}/{year}",
            "section": f"{portal}/{SECTION_ID}",
            "form": f"{portal}/@@qms-dashboard",
        }
