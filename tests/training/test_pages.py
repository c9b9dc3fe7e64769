"""Every training page, form and step answers each role without a server
error (5xx): refused, redirected or shown, never broken."""

from tests.matrix import Requests

import pytest
import requests


SECTION = "dao-tao"
PENDING = f"{SECTION}/de-nghi-dao-tao-vu-phap-che"
DECLINED = f"{SECTION}/de-nghi-dao-tao-van-phong-bo"
LOGINS = ("iso.secretary", "sec.only", "khcn.officer", "phapche.head", "vp.staff", None)


def pages(site) -> list[str]:
    portal = site.portal
    course = next(
        o for o in portal[SECTION].objectValues() if o.portal_type == "TrainingCourse"
    )
    cert = course.certificates()[0]
    course_path = f"{SECTION}/{course.getId()}"
    cert_path = f"{course_path}/{cert.getId()}"
    return [
        SECTION,
        f"{SECTION}/++add++TrainingRequest",
        f"{SECTION}/++add++TrainingCourse",
        f"{SECTION}/@@training-record",
        f"{SECTION}/@@competence",
        course_path,
        f"{course_path}/edit",
        f"{course_path}/++add++TrainingCertificate",
        cert_path,
        f"{cert_path}/edit",
        f"{cert_path}/@@download/file",
        PENDING,
        f"{PENDING}/edit",
        f"{PENDING}/@@qms-transition?transition=plan",
        f"{PENDING}/@@qms-transition?transition=decline",
        f"{PENDING}/@@qms-transition?transition=nonsense",
        f"{PENDING}/@@qms-transition?transition=plan&course=bogus&form.submitted=1",
        f"{PENDING}/content_status_history",
        DECLINED,
        "@@training-record",
        "@@training-record?user=khcn.staff",
        "@@training-record?user=nobody.here",
        "@@training-record?user=a&user=b",
        "@@competence",
        "@@qms-training-settings",
        "author/khcn.staff",
        "",
    ]


@pytest.mark.parametrize("login", LOGINS)
def test_no_server_error(functional, login):
    with requests.Session() as http:
        site = Requests(functional["portal"].absolute_url(), http)
        site.portal = functional["portal"]
        broken = []
        for path in pages(site):
            response = site.call(login, "GET", path, api_call=False)
            if response.status_code >= 500:
                broken.append((path, response.status_code))
        assert broken == []
