"""Nonconformities and corrective actions through plone.restapi over real
HTTP (issue #13): the whole loop (create, update, @workflow with comments,
@history), «revise the procedure» in one step, and bad input answered with
a clear 4xx that changes nothing (re-read after each)."""

from datetime import date
from datetime import timedelta
from tests.improvement.test_workflow import act
from tests.improvement.test_workflow import add_action
from tests.improvement.test_workflow import report

import pytest
import re
import transaction


TODAY = date.today()
DETECTED = TODAY - timedelta(days=3)
REGISTER = "don-vi/khcn/khac-phuc"
VI = {"Accept-Language": "vi"}


def path_of(response) -> str:
    return response.json()["@id"].split("/plone/", 1)[1]


def new_nonconformity(**fields) -> dict:
    return {
        "@type": "Nonconformity",
        "title": "Phiếu đề xuất thiếu chữ ký của chủ nhiệm",
        "description": "Hai phiếu đề xuất nhiệm vụ nộp về không có chữ ký.",
        "source": "daily_work",
        "severity": "minor",
        "detected_on": DETECTED.isoformat(),
        **fields,
    }


def new_action(**fields) -> dict:
    return {
        "@type": "CorrectiveAction",
        "title": "Bổ sung bước kiểm tra chữ ký vào quy trình",
        "kind": "corrective",
        "responsible": "khcn.staff",
        "due_date": (TODAY + timedelta(days=14)).isoformat(),
        **fields,
    }


def transition(rest, path, login, name, **body):
    return rest("POST", f"{path}/@workflow/{name}", login, json=body, headers=VI)


def message_of(response) -> str:
    body = response.json()
    return (body.get("error") or body).get("message", "")


class TestTheLoop:
    def test_report_update_transitions_history(self, rest):
        created = rest(
            "POST",
            REGISTER,
            "khcn.staff",
            json=new_nonconformity(reference="99/1999/GIA", closed_on="2000-01-01"),
        )
        assert created.status_code == 201, created.text
        data = created.json()
        # assigned, not the client's: NN/YYYY/KHCN, the year of detection
        assert re.fullmatch(rf"\d{{2,}}/{DETECTED.year}/KHCN", data["reference"])
        assert data["closed_on"] is None
        assert data["review_state"] == "reported"
        assert data["source"]["token"] == "daily_work"
        assert data["detected_by"]  # the reporter, unless told
        nc, reference = path_of(created), data["reference"]

        # the reporter corrects the report; the reference stays
        patched = rest(
            "PATCH",
            nc,
            "khcn.staff",
            json={"title": "Phiếu đề xuất thiếu chữ ký", "reference": "01/2000/X"},
        )
        assert patched.status_code == 204, patched.text
        data = rest("GET", nc, "khcn.staff").json()
        assert data["title"] == "Phiếu đề xuất thiếu chữ ký"
        assert data["reference"] == reference

        # the officer records the cause, then analyses
        assert (
            rest(
                "PATCH",
                nc,
                "khcn.officer",
                json={
                    "root_cause": "Quy trình không có bước kiểm tra chữ ký.",
                    "cause_category": "method",
                },
            ).status_code
            == 204
        )
        done = transition(
            rest, nc, "khcn.officer", "analyse", comment="Đã rõ nguyên nhân"
        )
        assert done.status_code == 200, done.text
        assert done.json()["review_state"] == "analysed"

        # an action with kind, responsible and due date
        action = rest("POST", nc, "khcn.officer", json=new_action())
        assert action.status_code == 201, action.text
        assert action.json()["kind"]["token"] == "corrective"
        assert action.json()["responsible"]["token"] == "khcn.staff"
        assert action.json()["due_date"] == new_action()["due_date"]
        assert action.json()["review_state"] == "open"
        action = path_of(action)

        assert (
            transition(rest, nc, "khcn.head", "plan", comment="Duyệt").status_code
            == 200
        )
        # the responsible person writes the result and completes the action
        assert (
            rest(
                "PATCH", action, "khcn.staff", json={"result": "Đã bổ sung."}
            ).status_code
            == 204
        )
        done = transition(rest, action, "khcn.staff", "complete", comment="Xong")
        assert done.status_code == 200, done.text
        assert rest("GET", action, "khcn.staff").json()["done_on"] == TODAY.isoformat()

        assert transition(rest, nc, "khcn.officer", "complete").status_code == 200
        assert (
            rest(
                "PATCH",
                nc,
                "iso.secretary",
                json={
                    "effectiveness": "effective",
                    "effectiveness_note": "Đã kiểm tra.",
                },
            ).status_code
            == 204
        )
        done = transition(rest, nc, "iso.secretary", "verify", comment="Có hiệu lực")
        assert done.status_code == 200, done.text
        data = rest("GET", nc, "khcn.head").json()
        assert data["review_state"] == "closed"
        assert data["closed_on"] == TODAY.isoformat()

        history = rest("GET", f"{nc}/@history", "khcn.head")
        assert history.status_code == 200
        # the unit reads it (the reasons of a reopening are there)
        rows = [row for row in history.json() if row.get("type") == "workflow"]
        rows.reverse()  # newest first
        assert [row["review_state"] for row in rows] == [
            "reported",
            "analysed",
            "in_progress",
            "pending_verification",
            "closed",
        ]
        comments = [row["comments"] for row in rows]
        assert comments[1] == "Đã rõ nguyên nhân"
        assert comments[-1] == "Có hiệu lực"

        # closed: frozen, for the secretariat too
        for login in ("khcn.officer", "iso.secretary"):
            patched = rest("PATCH", nc, login, json={"title": "Sửa sau khi đóng"})
            assert patched.status_code in (401, 403), (login, patched.status_code)
        added = rest("POST", nc, "iso.secretary", json=new_action())
        assert added.status_code in (401, 403)
        data = rest("GET", nc, "khcn.head").json()
        assert data["title"] == "Phiếu đề xuất thiếu chữ ký"
        assert data["items_total"] == 1

    def test_secretariat_reports_in_any_unit(self, rest):
        created = rest(
            "POST",
            "don-vi/phapche/khac-phuc",
            "iso.secretary",
            json=new_nonconformity(),
        )
        assert created.status_code == 201, created.text
        assert created.json()["reference"].endswith(f"/{DETECTED.year}/PHAPCHE")

    def test_another_units_register_refused(self, rest):
        before = rest("GET", REGISTER, "iso.secretary").json()["items_total"]
        for login in ("vp.staff", "vp.officer", "vp.head", "leader"):
            response = rest("POST", REGISTER, login, json=new_nonconformity())
            assert response.status_code in (401, 403), (login, response.status_code)
        assert rest("GET", REGISTER, "iso.secretary").json()["items_total"] == before


# Revise the procedure in one step


@pytest.fixture
def vp_procedure(rest):
    """An effective procedure of vp, found as vp's officer finds it."""
    found = rest(
        "GET",
        "@search",
        "vp.officer",
        params={
            "portal_type": "Procedure",
            "review_state": "effective",
            "path": "/plone/don-vi/vp",
            "metadata_fields": "UID",
        },
    ).json()["items"]
    assert found, "vp has no effective procedure"
    return found[0]


class TestReviseProcedure:
    def test_officer_starts_the_revision(self, rest, vp_procedure):
        created = rest(
            "POST",
            "don-vi/vp/khac-phuc",
            "vp.staff",
            json=new_nonconformity(procedure=vp_procedure["UID"]),
        )
        assert created.status_code == 201, created.text
        assert created.json()["procedure"]["token"] == vp_procedure["UID"]
        nc, reference = path_of(created), created.json()["reference"]

        refused = rest("POST", f"{nc}/@revise-procedure", "vp.staff", headers=VI)
        assert refused.status_code == 403, refused.text
        assert message_of(refused)  # Vietnamese once the catalogs carry it
        assert rest("GET", nc, "vp.officer").json()["items_total"] == 0

        revised = rest("POST", f"{nc}/@revise-procedure", "vp.officer")
        assert revised.status_code == 201, revised.text
        url = revised.json()["@id"]
        assert revised.headers["Location"] == url
        assert url != vp_procedure["@id"]
        # kept, not only answered
        working_copy = rest("GET", url.split("/plone/", 1)[1], "vp.officer")
        assert working_copy.status_code == 200, "201, but no working copy kept"
        working_copy = working_copy.json()
        assert working_copy["working_copy_of"]["@id"] == vp_procedure["@id"]
        assert reference in working_copy["change_note"]
        (action,) = rest("GET", nc, "vp.officer").json()["items"]
        action = rest("GET", path_of_item(action), "vp.officer").json()
        assert action["kind"]["token"] == "corrective"
        assert action["responsible"]["token"] == "vp.officer"

    def test_without_effective_procedure(self, rest):
        created = rest(
            "POST", "don-vi/vp/khac-phuc", "vp.staff", json=new_nonconformity()
        )
        nc = path_of(created)
        refused = rest("POST", f"{nc}/@revise-procedure", "vp.officer")
        assert refused.status_code == 403
        assert rest("GET", nc, "vp.officer").json()["items_total"] == 0


def path_of_item(item: dict) -> str:
    return item["@id"].split("/plone/", 1)[1]


# Bad input: a clear 4xx, nothing changed


@pytest.fixture
def khcn(functional, as_user):
    """Nonconformities of khcn in the states the bad input needs; path by
    state. Built in process, committed."""
    portal = functional["portal"]
    made = {}
    for state in ("reported", "analysed", "in_progress", "pending_verification"):
        nc = report(portal, as_user, detected_on=DETECTED, id=f"kp-{state}")
        made[state] = nc
        if state == "reported":
            continue
        nc.root_cause = "Quy trình thiếu bước kiểm tra."
        act(as_user, "khcn.officer", nc, "analyse")
        action = add_action(as_user, nc, id="hd", result=None)
        if state == "analysed":
            continue
        act(as_user, "khcn.head", nc, "plan")
        if state == "in_progress":
            continue
        action.result = "Đã bổ sung."
        act(as_user, "khcn.staff", action, "complete")
        act(as_user, "khcn.officer", nc, "complete")
    transaction.commit()
    paths = {s: "/".join(nc.getPhysicalPath()[2:]) for s, nc in made.items()}
    paths["action"] = f"{paths['in_progress']}/hd"
    paths["done action"] = f"{paths['pending_verification']}/hd"
    return paths


def snapshot(rest, path) -> dict:
    """What a refused request must not change. Not the modification date: see
    test_refused_transition_sets_no_date."""
    data = rest("GET", path, "iso.secretary").json()
    return {
        key: data.get(key)
        for key in (
            "review_state",
            "title",
            "source",
            "severity",
            "detected_on",
            "root_cause",
            "effectiveness",
            "items_total",
            "result",
            "done_on",
        )
    }


class TestRefusedTransitions:
    @pytest.mark.parametrize(
        ("state", "login", "name", "comment", "fragment"),
        [
            ("reported", "khcn.officer", "analyse", "Đã xem", "nguyên nhân|root cause"),
            ("pending_verification", "iso.secretary", "verify", "Đã xem", ""),
            ("action", "khcn.staff", "complete", "Xong", "kết quả|result"),
            ("reported", "iso.secretary", "cancel", "", ""),
            ("analysed", "iso.secretary", "cancel", "  ", ""),
            ("pending_verification", "iso.secretary", "reopen", "", ""),
            ("done action", "khcn.head", "reopen", "", ""),
        ],
    )
    def test_without_required_field(
        self, rest, khcn, state, login, name, comment, fragment
    ):
        path = khcn[state]
        before = snapshot(rest, path)
        response = transition(rest, path, login, name, comment=comment)
        assert response.status_code == 400, response.text
        message = message_of(response)
        assert message
        assert "Traceback" not in message
        assert re.search(fragment, message), message
        assert snapshot(rest, path) == before

    def test_refused_transition_sets_no_date(self, rest, khcn):
        path = khcn["reported"]

        def dates():
            (item,) = rest(
                "GET",
                "@search",
                "iso.secretary",
                params={
                    "path.query": f"/plone/{path}",
                    "path.depth": 0,
                    "metadata_fields": ["effective", "modified"],
                },
            ).json()["items"]
            return item["effective"], item["modified"]

        before = dates()
        response = transition(rest, path, "khcn.officer", "analyse", comment="Xem")
        assert response.status_code == 400  # no root cause
        assert dates() == before

    def test_verify_not_effective_says_reopen(self, rest, khcn):
        path = khcn["pending_verification"]
        patched = rest(
            "PATCH", path, "iso.secretary", json={"effectiveness": "not_effective"}
        )
        assert patched.status_code == 204
        before = snapshot(rest, path)
        response = transition(rest, path, "iso.secretary", "verify", comment="Chưa đạt")
        assert response.status_code == 400, response.text
        assert re.search("reopen|mở lại", message_of(response), re.IGNORECASE)
        assert snapshot(rest, path) == before
        reopened = transition(rest, path, "iso.secretary", "reopen", comment="Chưa đạt")
        assert reopened.status_code == 200
        assert reopened.json()["review_state"] == "in_progress"

    def test_verify_with_a_reopened_action(self, rest, khcn):
        """An action reopened while the verification waits: no closing the
        nonconformity over it (it would stay open and editable inside)."""
        path = khcn["pending_verification"]
        rest("PATCH", path, "iso.secretary", json={"effectiveness": "effective"})
        reopened = transition(
            rest, khcn["done action"], "khcn.head", "reopen", comment="Thiếu bằng chứng"
        )
        assert reopened.status_code == 200
        before = snapshot(rest, path)
        response = transition(rest, path, "iso.secretary", "verify", comment="Đạt")
        assert response.status_code == 400, response.text
        assert snapshot(rest, path) == before

    def test_cancel_closes_the_planned_actions(self, rest, khcn):
        """Cancelled: frozen, its actions too: the open ones are done, their
        result saying why; nobody edits them, adds or completes."""
        path, action = khcn["analysed"], f"{khcn['analysed']}/hd"
        cancelled = transition(
            rest, path, "iso.secretary", "cancel", comment="Không có cơ sở"
        )
        assert cancelled.status_code == 200, cancelled.text
        data = rest("GET", action, "khcn.staff").json()
        assert data["review_state"] == "done"
        assert "Không có cơ sở" in data["result"]
        for login in ("khcn.staff", "khcn.officer", "iso.secretary"):
            assert rest("PATCH", action, login, json={"title": "X"}).status_code in (
                401,
                403,
            )
        assert transition(
            rest, action, "khcn.head", "reopen", comment="Lý do"
        ).status_code in (400, 403)

    def test_nonconformity_not_deleted(self, rest, khcn):
        for login in ("khcn.officer", "sec.only"):
            response = rest("DELETE", khcn["reported"], login)
            assert response.status_code in (401, 403), (login, response.status_code)
        assert rest("GET", khcn["reported"], "khcn.staff").status_code == 200


class TestBadValues:
    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"source": "hearsay"}, "source"),
            ({"severity": "critical"}, "severity"),
            ({"detected_on": "abc"}, "detected_on"),
            ({"detected_on": 2026}, "detected_on"),
            ({"cause_category": "luck"}, "cause_category"),
            ({"effectiveness": "maybe"}, "effectiveness"),
            ({"title": ""}, "title"),
        ],
    )
    def test_nonconformity_create_and_update(self, rest, khcn, fields, field):
        before_items = rest("GET", REGISTER, "iso.secretary").json()["items_total"]
        created = rest("POST", REGISTER, "khcn.staff", json=new_nonconformity(**fields))
        assert created.status_code == 400, created.text
        assert field in created.text
        assert (
            rest("GET", REGISTER, "iso.secretary").json()["items_total"] == before_items
        )
        path = khcn["reported"]
        before = snapshot(rest, path)
        patched = rest("PATCH", path, "khcn.officer", json=fields)
        assert patched.status_code == 400, patched.text
        assert snapshot(rest, path) == before

    @pytest.mark.parametrize(
        ("fields", "fragment"),
        [
            ({"responsible": "vp.staff"}, "responsible"),  # outside the unit
            ({"responsible": "nobody"}, "responsible"),
            # the message names the date of detection
            (
                {"due_date": (DETECTED - timedelta(days=1)).isoformat()},
                DETECTED.strftime("%d/%m/%Y"),
            ),
            ({"due_date": "abc"}, "due_date"),
            ({"kind": "prayer"}, "kind"),
        ],
    )
    def test_action_create_and_update(self, rest, khcn, fields, fragment):
        nc = khcn["analysed"]
        before = snapshot(rest, nc)
        created = rest("POST", nc, "khcn.officer", json=new_action(**fields))
        assert created.status_code == 400, created.text
        assert fragment in created.text
        assert snapshot(rest, nc)["items_total"] == before["items_total"]
        action = f"{nc}/hd"
        before = rest("GET", action, "iso.secretary").json()
        patched = rest("PATCH", action, "khcn.officer", json=fields)
        assert patched.status_code == 400, patched.text
        after = rest("GET", action, "iso.secretary").json()
        assert {k: after[k] for k in fields} == {k: before[k] for k in fields}
