"""Fills the benchmark site of improvement_board.py (run by zconsole, not
alone): NONCONFORMITIES nonconformities over the units' registers, in every
state, with their corrective actions, and RECORDS records filed into this
year's and last year's record list of every unit (boards_fill.py's).

    zconsole run etc/zope.conf benchmarks/improvement_board_fill.py N RECORDS

Fast, as boards_fill.py: objects are added without events and cataloged by
every index but the three text indexes (the boards never read them), their
workflow state and role mappings set as a transition would, their
reference, closing date and effectiveness written as the workflow writes
them; one commit per 1,000 objects. Seven in ten nonconformities are of
this year, the rest of last year; one action in six is overdue.
"""

from datetime import date
from datetime import timedelta
from pathlib import Path

import sys
import transaction


# zconsole runs this file with exec(): find boards_fill.py beside it.
HERE = next(
    (Path(a).resolve().parent for a in sys.argv if a.endswith("_fill.py")),
    Path.cwd() / "benchmarks",
)
sys.path.insert(0, str(HERE))

from boards_fill import Filler  # noqa: E402


TODAY = date.today()
YEAR = TODAY.year
NC_WORKFLOW = "qms_nonconformity_workflow"
ACTION_WORKFLOW = "qms_action_workflow"
# out of 20: how a year's nonconformities stand
STATES = (
    ("reported",) * 2
    + ("analysed",) * 2
    + ("in_progress",) * 5
    + ("pending_verification",) * 2
    + ("closed",) * 8
    + ("cancelled",)
)
SOURCES = (
    "daily_work",
    "daily_work",
    "daily_work",
    "internal_audit",
    "internal_audit",
    "external_audit",
    "complaint",
    "management_review",
    "other",
)
KINDS = ("corrective", "correction", "improvement")


class ImprovementFiller(Filler):
    def nonconformities(self, n: int) -> None:
        units = sorted(self.units.objectIds())
        for i in range(n):
            unit = units[i % len(units)]
            register = self.units[unit]["khac-phuc"]
            year = YEAR - 1 if i % 10 >= 7 else YEAR
            detected = date(year, 1 + i % 12, 1 + i % 28)
            if detected > TODAY:
                detected = max(date(year, 1, 1), TODAY - timedelta(days=i % 60))
            state = STATES[i % len(STATES)]
            fields = {
                "title": f"Sự không phù hợp số {i} trong quản lý hồ sơ",
                "description": "Hồ sơ lưu thiếu phiếu trình có chữ ký lãnh đạo.",
                "source": SOURCES[i % len(SOURCES)],
                "severity": "major" if i % 9 == 0 else "minor",
                "detected_on": detected,
                "detected_by": f"{unit}.staff",
                "reference": f"{i + 1:05d}/{year}/{unit.upper()}",
            }
            if state != "reported":
                fields["root_cause"] = "Quy trình chưa quy định bước kiểm tra."
                fields["cause_category"] = "method"
            if state == "closed":
                fields["effectiveness"] = "effective"
                fields["closed_on"] = min(TODAY, detected + timedelta(days=10 + i % 80))
            nc = self.add(
                register,
                "Nonconformity",
                f"nc-bench-{i}",
                state=None if state == "reported" else state,
                workflow=NC_WORKFLOW,
                **fields,
            )
            if state == "reported":
                continue
            actions_done = state in ("pending_verification", "closed")
            for k in range(1 + i % 3):
                due = detected + timedelta(days=15 + 10 * k + i % 40)
                done = actions_done or (state == "in_progress" and k < i % 3)
                action = {
                    "title": f"Hành động {k + 1} của sự không phù hợp số {i}",
                    "kind": "corrective" if k == 0 else KINDS[k % len(KINDS)],
                    "responsible": f"{unit}.staff" if k % 2 == 0 else f"{unit}.head",
                    # one in six open ones late, the others due in the future
                    "due_date": due
                    if done or i % 6 == 0
                    else max(due, TODAY + timedelta(days=1 + i % 30)),
                }
                if done:
                    action["done_on"] = min(TODAY, due)
                    action["result"] = "Đã thực hiện."
                self.add(
                    nc,
                    "CorrectiveAction",
                    f"hd-{k + 1}",
                    state="done" if done else None,
                    workflow=ACTION_WORKFLOW,
                    **action,
                )


def fill(app, nonconformities: int, records: int) -> None:
    filler = ImprovementFiller(app)
    filler.nonconformities(nonconformities)
    transaction.commit()
    filler.records(records)
    transaction.commit()
    catalog = filler.catalog
    counted = {
        portal_type: len(catalog.unrestrictedSearchResults(portal_type=portal_type))
        for portal_type in ("Nonconformity", "CorrectiveAction", "Record")
    }
    print(", ".join(f"{n} {name}" for name, n in counted.items()), flush=True)


if __name__ == "__main__":
    fill(globals()["app"], int(sys.argv[-2]), int(sys.argv[-1]))
