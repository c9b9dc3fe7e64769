"""Fills the benchmark site of boards.py (run by zconsole, not alone):
PROCEDURES procedures over the units, in the states and with the history a
real year has, and RECORDS records filed into this year's and last year's
record list of every unit.

    zconsole run etc/zope.conf benchmarks/boards_fill.py PROCEDURES RECORDS

Fast: objects are added without events and cataloged by every index but the
three text indexes (the board and the figures never read them), their
workflow state set as listing_fill.py does, one commit per 1,000 objects.
"""

from AccessControl.SecurityManagement import newSecurityManager
from datetime import date
from plone.dexterity.utils import createContent
from qms.intranet.records import lists
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import sys
import transaction


YEAR = date.today().year
DOCUMENTS = "qms_document_workflow"
RECORDS = "qms_record_workflow"
LISTS = "qms_record_list_workflow"
# a year of procedures: mostly effective, some revised, cancelled, new
STATES = ("effective",) * 16 + ("draft", "pending_review", "pending_approval")
TEXT_INDEXES = ("SearchableText", "Title", "Description")


class Filler:
    def __init__(self, app):
        app = makerequest(app)
        admin = app.acl_users.getUserById("admin").__of__(app.acl_users)
        newSecurityManager(None, admin)
        self.site = app.Plone
        setSite(self.site)
        self.catalog = self.site.portal_catalog
        self.wftool = self.site.portal_workflow
        self.indexes = [i for i in self.catalog.indexes() if i not in TEXT_INDEXES]
        self.units = self.site["don-vi"]
        self.added = 0

    def add(self, container, portal_type, id, state=None, workflow=None, **fields):
        obj = createContent(portal_type, id=id, **fields)
        container._setObject(id, obj, suppress_events=True)
        obj = container._getOb(id)
        self.wftool.notifyCreated(obj)
        if state is not None:
            status = {"review_state": state, "action": None, "actor": "admin"}
            self.wftool.setStatusOf(
                workflow, obj, {**status, "comments": "", "time": obj.created()}
            )
            self.wftool.getWorkflowById(workflow).updateRoleMappingsFor(obj)
        self.catalog.catalog_object(obj, idxs=self.indexes)
        self.added += 1
        if self.added % 1000 == 0:
            transaction.commit()
            print(f"{self.added} objects", flush=True)
        return obj

    def procedures(self, n: int) -> None:
        units = sorted(self.units.objectIds())
        for i in range(n):
            unit = units[i % len(units)]
            state = STATES[i % len(STATES)]
            history = []
            extra = {}
            if state == "effective":
                issued = date(YEAR - 1 - i % 5, 1 + i % 12, 1 + i % 28)
                if i % 10 == 0:  # issued this year
                    issued = date(YEAR, 1 + i % 6, 1 + i % 28)
                history.append({"revision": 1, "date": issued, "note": ""})
                if i % 7 == 0:  # revised this year
                    history.append({"revision": 2, "date": date(YEAR, 3, 15)})
                if i % 50 == 0:  # cancelled this year
                    state = "obsolete"
                    extra["withdrawn_on"] = date(YEAR, 5, 1 + i % 28)
            self.add(
                self.units[unit],
                "Procedure",
                f"qt-bench-{i}",
                state=None if state == "draft" else state,
                workflow=DOCUMENTS,
                title=f"Quy trình nghiệp vụ số {i} về quản lý văn bản và hồ sơ",
                code=f"QT-B{i:05d}/{unit.upper()}",
                owning_unit=unit,
                kind="business",
                purpose="Quy định trình tự, trách nhiệm thực hiện công việc.",
                amendment_history=history,
                **extra,
            )

    def record_list(self, unit, year: int, approved: bool):
        archive = lists.ensure_archive(unit)
        found = lists.list_for(archive, year)
        if found is not None:
            return found
        rows = [
            {
                "heading": f"Hồ sơ nghiệp vụ nhóm {k} năm {year}",
                "code": f"{k:02d}/{unit.getId().upper()}-{year}",
                "retention": str(1 + k % 10),
            }
            for k in range(1, 21)
        ]
        made = lists.create_list(unit, year, rows)
        if approved:
            status = {"review_state": "approved", "action": None, "actor": "admin"}
            self.wftool.setStatusOf(
                LISTS, made, {**status, "comments": "", "time": made.created()}
            )
            self.wftool.getWorkflowById(LISTS).updateRoleMappingsFor(made)
            made.approved_on = date(year, 2, 1)
            made.reindexObject()
        return made

    def records(self, n: int) -> None:
        units = [self.units[u] for u in sorted(self.units.objectIds())]
        years = {}
        for k, unit in enumerate(units):
            for year in (YEAR - 1, YEAR):
                # one unit with no list this year, one with a draft
                if year == YEAR and k == len(units) - 1:
                    continue
                approved = not (year == YEAR and k == len(units) - 2)
                years[unit.getId(), year] = self.record_list(unit, year, approved)
        transaction.commit()
        targets = list(years.values())
        for i in range(n):
            # four in five this year, the rest last year
            year = YEAR - 1 if i % 5 == 4 else YEAR
            candidates = [t for t in targets if t.year == year]
            record_list = candidates[i % len(candidates)]
            entries = record_list.entries
            closed = i % 3 == 0
            fields = {
                "title": f"Hồ sơ nghiệp vụ số {i}",
                "reference_number": f"{i}/HS",
                "opened_on": date(year, 1 + i % 12, 1 + i % 28),
            }
            if i % 11:  # one in eleven outside any entry
                # the last entries of each list get no record
                fields["entry"] = entries[(i // 7) % max(1, len(entries) - 3)]["id"]
            if closed:
                fields["closed_on"] = date(year, 12, 1 + i % 28)
            self.add(
                record_list,
                "Record",
                f"hs-bench-{i}",
                state="closed" if closed else None,
                workflow=RECORDS,
                **fields,
            )


def fill(app, procedures: int, records: int) -> None:
    filler = Filler(app)
    filler.procedures(procedures)
    transaction.commit()
    filler.records(records)
    transaction.commit()
    catalog = filler.catalog
    print(
        f"{len(catalog.unrestrictedSearchResults(portal_type='Procedure'))} "
        f"procedures, {len(catalog.unrestrictedSearchResults(portal_type='Record'))}"
        " records",
        flush=True,
    )


if __name__ == "__main__":
    fill(globals()["app"], int(sys.argv[-2]), int(sys.argv[-1]))
