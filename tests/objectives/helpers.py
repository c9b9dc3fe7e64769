"""Helpers of the quality objectives' tests: plans made as the people who
make them, in the states asked for."""

from datetime import date
from plone import api
from Products.CMFCore.indexing import processQueue
from qms.intranet.objectives.subscribers import ensure_archives


TODAY = date.today()
# A year without demo plans.
YEAR = TODAY.year + 1

OBJECTIVE = {
    "objective": "Giải quyết hồ sơ đúng hạn",
    "indicator": "Tỷ lệ hồ sơ giải quyết đúng hạn",
    "target": 95.0,
    "measure": "percent",
    "direction": "at_least",
    "frequency": "quarterly",
    "responsible": "Phòng Tổng hợp",
    "actions": "Theo dõi hạn hằng tuần.",
    "resources": "Chuyên viên",
}


def archive(portal, unit="khcn"):
    ensure_archives()
    if unit == "bloc":
        return portal["he-thong-qlcl"]["muc-tieu"]
    return portal["don-vi"][unit]["muc-tieu"]


def make_plan(portal, as_user, unit="khcn", year=YEAR, objectives=1, login=None):
    """A draft plan of `unit` with `objectives` objectives, made by its officer
    (the secretariat for the bloc)."""
    container = archive(portal, unit)
    login = login or ("iso.secretary" if unit == "bloc" else f"{unit}.officer")
    with as_user(login):
        plan = api.content.create(
            container=container,
            type="ObjectivePlan",
            id=str(year),
            title=f"Mục tiêu chất lượng năm {year}",
            year=year,
        )
        for number in range(objectives):
            api.content.create(
                container=plan,
                type="QualityObjective",
                id=f"mt-{number + 1}",
                **{**OBJECTIVE, "objective": f"{OBJECTIVE['objective']} {number + 1}"},
            )
    processQueue()
    return plan


def act(as_user, login, obj, transition, **kwargs):
    with as_user(login):
        api.portal.get_tool("portal_workflow").doActionFor(obj, transition, **kwargs)
    return api.content.get_state(obj=obj)


def issue(as_user, plan, unit="khcn"):
    officer = "iso.secretary" if unit == "bloc" else f"{unit}.officer"
    head = "leader" if unit == "bloc" else f"{unit}.head"
    act(as_user, officer, plan, "submit")
    act(as_user, head, plan, "issue")
    processQueue()
    return plan
