"""Recording measurements («Ghi kết quả đo», issue #15): officers record even
once the plan is issued, who and when are filled in, bad input is refused in
Vietnamese and nothing changes; the chart and the status follow."""

from plone import api
from qms.intranet.objectives.chart import chart_svg
from qms.intranet.objectives.measurements import MeasurementError
from qms.intranet.objectives.measurements import parse_value
from qms.intranet.objectives.measurements import record
from qms.intranet.objectives.status import status_of
from tests.objectives.helpers import issue
from tests.objectives.helpers import make_plan

import pytest


RECORD = "qms.intranet: Record measurement"


@pytest.fixture
def objective(integration, as_user):
    plan = issue(as_user, make_plan(integration["portal"], as_user))
    return plan["mt-1"]


class TestParsing:
    @pytest.mark.parametrize(
        ("raw", "value"),
        [("95", 95.0), ("95,5", 95.5), ("95.5", 95.5), (" 96 % ", 96.0), ("0", 0.0)],
    )
    def test_numbers(self, integration, raw, value):
        assert parse_value(raw, "percent") == value

    def test_thousands(self, integration):
        assert parse_value("1.234,5", "count") == 1234.5

    @pytest.mark.parametrize("raw", ["", "abc", "9 5 x", "nan", "inf", "--1"])
    def test_not_numbers(self, integration, raw):
        with pytest.raises(MeasurementError) as refused:
            parse_value(raw, "percent")
        assert refused.value.field == "value"

    def test_message_is_vietnamese(self, integration):
        with pytest.raises(MeasurementError) as refused:
            parse_value("abc", "percent")
        assert "abc" in str(refused.value)

    def test_bounds(self, integration):
        with pytest.raises(MeasurementError):
            parse_value("-1", "days")
        with pytest.raises(MeasurementError):
            parse_value("101", "percent")
        assert parse_value("101", "count") == 101.0


class TestRecording:
    def test_officer_records_on_issued_plan(self, objective, as_user):
        with as_user("khcn.officer"):
            assert api.user.has_permission(RECORD, obj=objective)
            row = record(objective, "Q1", "80", "Thiếu nhân sự")
        assert row["who"] == "khcn.officer"
        assert row["when"]
        assert row["value"] == 80.0
        assert objective.measurements[-1] == row
        catalog = api.portal.get_tool("portal_catalog")
        (brain,) = catalog.unrestrictedSearchResults(UID=objective.UID())
        assert brain.objective_status == status_of(objective)

    @pytest.mark.parametrize(
        "login", ["khcn.head", "khcn.staff", "vp.officer", "leader", "vp.head"]
    )
    def test_others_may_not(self, objective, as_user, login):
        with as_user(login):
            assert not api.user.has_permission(RECORD, obj=objective)

    def test_secretariat_may(self, objective, as_user):
        with as_user("sec.only"):
            assert api.user.has_permission(RECORD, obj=objective)

    @pytest.mark.parametrize(
        ("period", "value", "field"),
        [("Q5", "90", "period"), ("M01", "90", "period"), ("Q1", "chín mươi", "value")],
    )
    def test_bad_input_changes_nothing(self, objective, as_user, period, value, field):
        before = list(objective.measurements or [])
        with as_user("khcn.officer"), pytest.raises(MeasurementError) as refused:
            record(objective, period, value)
        assert refused.value.field == field
        assert list(objective.measurements or []) == before

    def test_recording_again_keeps_history(self, objective, as_user):
        with as_user("khcn.officer"):
            record(objective, "Q1", "80")
            record(objective, "Q1", "96")
        assert [r["value"] for r in objective.measurements] == [80.0, 96.0]
        svg = chart_svg(objective, objective.aq_parent.year, "Biểu đồ")
        assert 'data-period="Q1"' in svg
        assert "qms-met" in svg
        assert "qms-missed" not in svg


class TestChart:
    def test_bars_target_and_label(self, objective, as_user):
        with as_user("khcn.officer"):
            record(objective, "Q1", "80")
            record(objective, "Q2", "97,5")
        svg = chart_svg(objective, objective.aq_parent.year, "Giá trị <&>")
        assert svg.startswith('<svg class="qms-objective-chart"')
        assert 'role="img"' in svg
        assert 'aria-label="Giá trị &lt;&amp;&gt;"' in svg
        assert svg.count('class="qms-bar') == 2
        assert 'class="qms-target"' in svg
        assert "97,5" in svg
        assert "<script" not in svg
