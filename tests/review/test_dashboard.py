"""@@qms-dashboard (issue #15): the year at a glance, each figure a link to
the items behind it; the article's year's four document figures."""

from plone import api
from qms.intranet.review.dashboard import DashboardView
from tests.review.test_evaluation import ARTICLE_YEAR
from tests.review.test_evaluation import article_year
from zope.annotation.interfaces import IAnnotations


def tiles(portal, request, year) -> dict:
    IAnnotations(request).pop("plone.memoize", None)  # a new person asks
    request.form["year"] = str(year)
    view = DashboardView(portal, request)
    return {tile["id"]: tile for tile in view.tiles()}


def test_the_articles_year_at_a_glance(integration, as_user):
    portal, request = integration["portal"], integration["request"]
    article_year(portal)
    with as_user("leader"):
        found = tiles(portal, request, ARTICLE_YEAR)
    assert found["revised"]["value"] == 35
    assert found["cancelled"]["value"] == 1
    assert found["issued_new"]["value"] == 2
    assert found["revised"]["url"].endswith(
        f"/he-thong-qlcl?figure=revised&year={ARTICLE_YEAR}"
    )
    assert set(found) == {
        "revised",
        "cancelled",
        "issued_new",
        "pending_new",
        "audited",
        "nc_open",
        "nc_overdue",
        "objectives",
    }  # no record lists: the leaders read none (the secretariat's below)
    assert found["nc_open"]["url"].endswith(f"/@@improvement-board?year={ARTICLE_YEAR}")
    with as_user("iso.secretary"):
        found = tiles(portal, request, ARTICLE_YEAR)
    assert found["record_lists"]["url"].endswith(f"/@@record-board?year={ARTICLE_YEAR}")


def test_this_years_demo(integration, as_user):
    portal, request = integration["portal"], integration["request"]
    from datetime import date

    with as_user("iso.secretary"):
        found = tiles(portal, request, date.today().year)
    # the demo: khcn's list issued; phapche audited; phapche's nonconformity open
    assert found["record_lists"]["value"].startswith("1/")
    assert found["audited"]["value"] == "1/9"
    assert found["nc_open"]["value"] >= 1
    assert api.portal.get().absolute_url() in found["audited"]["url"]
