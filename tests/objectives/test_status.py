"""Where an objective stands, computed from its data (issue #15): on track,
at risk, achieved, not achieved, no data; periods and the year end."""

from datetime import date
from qms.intranet.objectives.status import compute_status
from qms.intranet.objectives.status import GRACE_DAYS
from qms.intranet.objectives.status import is_due
from qms.intranet.objectives.status import missing_periods
from qms.intranet.objectives.status import owner_key
from qms.intranet.objectives.status import period_end
from qms.intranet.objectives.status import periods
from types import SimpleNamespace

import pytest


YEAR = 2030


def objective(frequency="quarterly", target=90.0, direction="at_least", rows=()):
    return SimpleNamespace(
        frequency=frequency,
        target=target,
        direction=direction,
        measurements=[{"period": p, "value": v} for p, v in rows],
    )


def day(month, d):
    return date(YEAR, month, d)


class TestPeriods:
    def test_periods_of_each_frequency(self):
        assert periods("monthly")[0] == "M01"
        assert len(periods("monthly")) == 12
        assert periods("quarterly") == ("Q1", "Q2", "Q3", "Q4")
        assert periods("half_yearly") == ("H1", "H2")
        assert periods("yearly") == ("Y",)

    def test_period_ends(self):
        assert period_end(YEAR, "M02") == date(YEAR, 2, 28)
        assert period_end(YEAR, "Q2") == date(YEAR, 6, 30)
        assert period_end(YEAR, "H2") == date(YEAR, 12, 31)
        assert period_end(YEAR, "Y") == date(YEAR, 12, 31)

    def test_due_after_grace(self):
        end = period_end(YEAR, "Q1")
        from datetime import timedelta

        assert not is_due(YEAR, "Q1", end + timedelta(days=GRACE_DAYS))
        assert is_due(YEAR, "Q1", end + timedelta(days=GRACE_DAYS + 1))

    def test_owner_key(self):
        assert owner_key("/plone/don-vi/khcn/muc-tieu/2030/mt-1") == "khcn"
        assert owner_key("/plone/he-thong-qlcl/muc-tieu/2030/mt-1") == "bloc"
        assert owner_key("/plone/tin-tuc") is None


class TestDuringTheYear:
    def test_nothing_due_no_value_is_on_track(self):
        assert compute_status(objective(), YEAR, day(3, 1)) == "on_track"

    def test_meets_target_on_track(self):
        obj = objective(rows=[("Q1", 92.0)])
        assert compute_status(obj, YEAR, day(5, 1)) == "on_track"

    def test_last_value_misses_target_at_risk(self):
        obj = objective(rows=[("Q1", 95.0), ("Q2", 80.0)])
        assert compute_status(obj, YEAR, day(8, 1)) == "at_risk"

    def test_last_value_counts_not_earlier_ones(self):
        obj = objective(rows=[("Q1", 50.0), ("Q2", 91.0)])
        assert compute_status(obj, YEAR, day(8, 1)) == "on_track"

    def test_a_period_measured_again_the_last_row_counts(self):
        obj = objective(rows=[("Q1", 50.0), ("Q1", 91.0)])
        assert compute_status(obj, YEAR, day(5, 1)) == "on_track"

    def test_period_passed_without_value_no_data(self):
        obj = objective(rows=[("Q1", 95.0)])
        assert compute_status(obj, YEAR, day(7, 20)) == "no_data"
        assert missing_periods(obj, YEAR, day(7, 20)) == ["Q2"]

    def test_running_period_value_counts(self):
        obj = objective(rows=[("Q1", 80.0)])
        assert compute_status(obj, YEAR, day(2, 1)) == "at_risk"

    def test_at_most(self):
        obj = objective(target=5.0, direction="at_most", rows=[("Q1", 4.0)])
        assert compute_status(obj, YEAR, day(5, 1)) == "on_track"
        obj.measurements.append({"period": "Q2", "value": 6.0})
        assert compute_status(obj, YEAR, day(8, 1)) == "at_risk"

    def test_equal_to_target_meets(self):
        for direction in ("at_least", "at_most"):
            obj = objective(direction=direction, rows=[("Q1", 90.0)])
            assert compute_status(obj, YEAR, day(5, 1)) == "on_track"


class TestAfterTheYear:
    NEXT = date(YEAR + 1, 2, 1)

    def test_achieved(self):
        obj = objective(rows=[(p, 95.0) for p in ("Q1", "Q2", "Q3", "Q4")])
        assert compute_status(obj, YEAR, self.NEXT) == "achieved"

    def test_not_achieved(self):
        obj = objective(rows=[("Q1", 95.0), ("Q4", 70.0)])
        assert compute_status(obj, YEAR, self.NEXT) == "not_achieved"

    def test_never_measured_no_data(self):
        assert compute_status(objective(), YEAR, self.NEXT) == "no_data"

    def test_year_end_itself_is_still_the_year(self):
        obj = objective(frequency="yearly", rows=())
        assert compute_status(obj, YEAR, date(YEAR, 12, 31)) == "on_track"
        obj = objective(frequency="yearly", rows=[("Y", 95.0)])
        assert compute_status(obj, YEAR, date(YEAR + 1, 1, 1)) == "achieved"

    @pytest.mark.parametrize("frequency", ["monthly", "half_yearly", "yearly"])
    def test_every_frequency_judged_by_last_value(self, frequency):
        last = periods(frequency)[-1]
        obj = objective(frequency=frequency, rows=[(last, 89.9)])
        assert compute_status(obj, YEAR, self.NEXT) == "not_achieved"


def test_period_starts():
    from qms.intranet.objectives.status import period_start

    assert period_start(YEAR, "M03") == date(YEAR, 3, 1)
    assert period_start(YEAR, "Q2") == date(YEAR, 4, 1)
    assert period_start(YEAR, "H2") == date(YEAR, 7, 1)
    assert period_start(YEAR, "Y") == date(YEAR, 1, 1)
