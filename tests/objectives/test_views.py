"""The pages of quality objectives (issue #15): starting a year's plan (from
last year's objectives, or refused with a sentence), the plan's page, the
measurement form's refusals, the unit's box."""

from plone import api
from plone.protect.authenticator import createToken
from Products.CMFCore.indexing import processQueue
from qms.intranet.objectives.content import ARCHIVE_ID
from tests.objectives.helpers import archive
from tests.objectives.helpers import issue
from tests.objectives.helpers import make_plan
from tests.objectives.helpers import YEAR
from zope.annotation.interfaces import IAnnotations
from zope.component import getMultiAdapter

import pytest
import transaction


def view(context, request, name, **form):
    """The view, on a request as fresh as a new one (plone.memoize.view
    keeps results on the request)."""
    IAnnotations(request).pop("plone.memoize", None)
    request.form.clear()
    request.form.update(form)
    if form.get("form.submitted"):
        request.form["_authenticator"] = createToken()
        request.method = "POST"
    return getMultiAdapter((context, request), name=name)


@pytest.fixture
def request_(integration):
    request = integration["request"]
    yield request
    request.form.clear()


@pytest.fixture(autouse=True)
def no_doom():
    """A refused form dooms the transaction: begin again after each test."""
    yield
    if transaction.isDoomed():
        transaction.abort()


class TestCreatePlan:
    def test_form_offers_this_year_then_next(self, integration, as_user, request_):
        container = archive(integration["portal"])
        with as_user("khcn.officer"):
            form = view(container, request_, "create-objective-plan")
            html = form()
        assert 'name="year"' in html
        assert 'name="_authenticator"' in html

    def test_copy_from_last_year(self, integration, as_user, request_):
        portal = integration["portal"]
        make_plan(portal, as_user, year=YEAR, objectives=2)
        container = archive(portal)
        with as_user("khcn.officer"):
            form = view(
                container,
                request_,
                "create-objective-plan",
                **{"form.submitted": "1", "year": str(YEAR + 1), "copy": "1"},
            )
            form()
        plan = container[str(YEAR + 1)]
        assert plan.year == YEAR + 1
        assert [o.getId() for o in plan.objectives()] == ["mt-1", "mt-2"]
        assert all(o.measurements == [] for o in plan.objectives())
        assert api.content.get_state(obj=plan) == "draft"

    @pytest.mark.parametrize("year", ["abc", "1999", "", "3000"])
    def test_bad_year_refused(self, integration, as_user, request_, year):
        container = archive(integration["portal"])
        before = set(container.objectIds())
        with as_user("khcn.officer"):
            html = view(
                container,
                request_,
                "create-objective-plan",
                **{"form.submitted": "1", "year": year},
            )()
        assert "qms-year-error" in html
        assert set(container.objectIds()) == before

    def test_existing_year_refused(self, integration, as_user, request_):
        portal = integration["portal"]
        make_plan(portal, as_user, year=YEAR)
        container = archive(portal)
        with as_user("khcn.officer"):
            html = view(
                container,
                request_,
                "create-objective-plan",
                **{"form.submitted": "1", "year": str(YEAR)},
            )()
        assert "qms-year-error" in html
        assert transaction.isDoomed()


class TestPages:
    def test_plan_page(self, integration, as_user, request_):
        plan = issue(as_user, make_plan(integration["portal"], as_user, objectives=2))
        with as_user("vp.staff"):
            html = view(plan, request_, "qms-objective-plan")()
        assert html.count('class="card mb-3 qms-objective"') == 2
        assert html.count("<svg") >= 2
        assert 'data-state="issued"' in html
        assert "qms-record-measurement" not in html
        with as_user("khcn.officer"):
            html = view(plan, request_, "qms-objective-plan")()
        assert "qms-record-measurement" in html
        assert "qms-add-objective" not in html
        assert 'data-transition="amend"' in html

    def test_objective_page(self, integration, as_user, request_):
        plan = issue(as_user, make_plan(integration["portal"], as_user))
        with as_user("khcn.staff"):
            html = view(plan["mt-1"], request_, "qms-quality-objective")()
        assert "qms-objective-chart" in html
        assert plan.absolute_url() in html

    def test_measurement_form_refuses_and_keeps_nothing(
        self, integration, as_user, request_
    ):
        plan = issue(as_user, make_plan(integration["portal"], as_user))
        objective = plan["mt-1"]
        with as_user("khcn.officer"):
            html = view(
                objective,
                request_,
                "record-measurement",
                **{"form.submitted": "1", "period": "Q1", "value": "nhiều"},
            )()
        assert "qms-value-error" in html
        assert "nhiều" in html
        assert objective.measurements == []
        assert transaction.isDoomed()

    def test_unit_box(self, integration, as_user, request_):
        from qms.intranet.objectives.views import UnitObjectivesViewlet

        unit = integration["portal"]["don-vi"]["khcn"]
        archive(integration["portal"])
        assert ARCHIVE_ID in unit.objectIds()
        with as_user("khcn.officer"):
            viewlet = UnitObjectivesViewlet(unit, request_, None, None)
            viewlet.update()
            html = viewlet.render()
        assert "qms-unit-objectives-link" in html
        with as_user(None):
            viewlet = UnitObjectivesViewlet(unit, request_, None, None)
            assert not viewlet.available()
        processQueue()
