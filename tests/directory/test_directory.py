"""Staff sign in with their directory account (issue #19), against a real
slapd started for this module (tests/directory/slapd.py): the login form
and REST basic auth, their full name and email, their unit's access from
their directory groups (the permission matrix, one directory person per
role), a move between groups, wrong password, locked account, injection in
the login, and the site's own accounts beside them."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from qms.intranet.directory import mapping
from qms.intranet.directory.ldapconfig import GROUPS_PLUGIN
from qms.intranet.directory.ldapconfig import LDAP_PLUGIN
from qms.intranet.directory.settings import settings
from qms.intranet.site.demo.data import DEMO_PASSWORD
from qms.intranet.testing import DOCUMENT_STATES
from tests.conftest import JSON
from tests.directory.slapd import DEMO_PASSWORD as LDAP_PASSWORD
from tests.documents.test_permissions import TRANSITIONS
from tests.documents.test_permissions import VIEW
from tests.matrix import check
from tests.matrix import refused

import pytest
import requests


# The roles of the permission matrix (tests/documents/test_permissions.py),
# each a directory person whose groups map to the role's QMS group.
DIRECTORY_ROLES = {
    "vp_staff": "ld.vp.staff",
    "vp_officer": "ld.vp.officer",
    "vp_head": "ld.vp.head",
    "other_staff": "ld.khcn.staff",
    "other_officer": "ld.khcn.officer",
    "secretariat": "ld.iso.secretary",
    "leader": "ld.leader",
}


def get(url, login, password=LDAP_PASSWORD, **kwargs):
    return requests.get(
        url,
        headers=JSON,
        auth=(login, password),
        timeout=30,
        allow_redirects=False,
        **kwargs,
    )


def groups_of(portal_url, login):
    answer = get(f"{portal_url}/++api++/@users/{login}", login)
    assert answer.status_code == 200, answer.text
    return {g["id"] for g in answer.json()["groups"]["items"]}


def test_rest_basic_auth_full_name_and_email(directory, portal_url):
    answer = get(f"{portal_url}/++api++/@users/ld.vp.officer", "ld.vp.officer")
    assert answer.status_code == 200, answer.text
    person = answer.json()
    assert person["fullname"] == "Phạm Thị Oanh"
    assert person["email"] == "ld.vp.officer@bo.gov.vn"
    assert {g["id"] for g in person["groups"]["items"]} >= {"vp-officers"}
    assert "khcn-officers" not in {g["id"] for g in person["groups"]["items"]}


def test_login_form_sets_the_session_cookie(directory, portal_url, http):
    page = http.get(f"{portal_url}/login", timeout=30)
    assert page.status_code == 200
    answer = http.post(
        f"{portal_url}/login",
        data={
            "__ac_name": "ld.khcn.staff",
            "__ac_password": LDAP_PASSWORD,
            "came_from": portal_url,
            "buttons.login": "Đăng nhập",
        },
        timeout=30,
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[:500]
    assert "__ac" in http.cookies
    home = http.get(portal_url, timeout=30)
    assert "Bùi Thị Sen" in home.text  # the full name from the directory
    me = http.get(f"{portal_url}/++api++/@users/ld.khcn.staff", headers=JSON)
    assert me.status_code == 200
    assert "khcn-staff" in {g["id"] for g in me.json()["groups"]["items"]}


def test_permission_matrix_from_directory_groups(directory, portal_url):
    """Each role's directory person sees and acts on the owning unit's
    (vp) procedures exactly as the demo accounts of that role do."""
    problems = []
    for role, login in DIRECTORY_ROLES.items():
        for state in DOCUMENT_STATES:
            path = f"don-vi/vp/qt-{state}"
            answer = get(f"{portal_url}/++api++/{path}/@workflow", login)
            sees = role in VIEW[state]
            check(
                problems,
                (answer.status_code == 200) if sees else refused(answer),
                role,
                login,
                path,
                "view" if sees else "refused",
                answer.status_code,
            )
            if not sees or answer.status_code != 200:
                continue
            offered = {
                t["@id"].rsplit("/", 1)[-1] for t in answer.json()["transitions"]
            }
            expected = {
                transition
                for transition, roles in TRANSITIONS[state].items()
                if role in roles
            }
            check(problems, offered == expected, role, path, offered, expected)
    assert problems == []


def test_moving_between_groups_changes_access(directory, portal_url):
    """Moved from Vụ KHCN's staff to Văn phòng's in the directory: the
    next request has vp's access and not khcn's any more."""
    draft = f"{portal_url}/++api++/don-vi/vp/qt-draft"
    login = "ld.khcn.staff"
    assert refused(get(draft, login))
    assert "khcn-staff" in groups_of(portal_url, login)
    directory.move(login, "GRP-KHCN-CANBO", "GRP-VP-CANBO")
    try:
        assert get(draft, login).status_code == 200
        groups = groups_of(portal_url, login)
        assert "vp-staff" in groups
        assert "khcn-staff" not in groups
    finally:
        directory.move(login, "GRP-VP-CANBO", "GRP-KHCN-CANBO")
    assert refused(get(draft, login))


def test_wrong_password_refused(directory, portal_url):
    answer = get(f"{portal_url}/++api++/@users/ld.vp.staff", "ld.vp.staff", "sai")
    assert answer.status_code == 401


def test_locked_account_refused(directory, portal_url):
    """ld.locked is locked in the directory (ppolicy's pwdAccountLockedTime):
    the directory refuses the bind, the site refuses the login."""
    answer = get(f"{portal_url}/++api++/@users/ld.locked", "ld.locked")
    assert answer.status_code == 401


@pytest.mark.parametrize(
    "login", ["*)(uid=*", "*", "ld.vp.*", "ld.vp.officer)(|(uid=*", "ld.vp.officer\\2a"]
)
def test_injection_in_the_login_refused(directory, portal_url, login):
    answer = get(f"{portal_url}/++api++/@users/ld.vp.officer", login)
    assert answer.status_code == 401


def test_sites_own_accounts_beside_the_directory(directory, portal_url):
    staff = requests.get(
        f"{portal_url}/++api++/@users/vp.staff",
        headers=JSON,
        auth=("vp.staff", DEMO_PASSWORD),
        timeout=30,
    )
    assert staff.status_code == 200
    assert "vp-staff" in {g["id"] for g in staff.json()["groups"]["items"]}
    admin = requests.get(
        f"{portal_url}/++api++/@users",
        headers=JSON,
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        timeout=30,
    )
    assert admin.status_code == 200


def test_the_directory_cannot_make_a_manager(directory, portal_url):
    """A mapping line naming Plone's administrators is ignored."""
    from tests.directory.conftest import point_at

    with api.env.adopt_roles(["Manager"]):
        point_at(directory, group_map="GRP-VP-ISO = Administrators, vp-officers")
    groups = groups_of(portal_url, "ld.vp.officer")
    assert "vp-officers" in groups
    assert "Administrators" not in groups
    answer = get(f"{portal_url}/++api++/@controlpanels", "ld.vp.officer")
    assert refused(answer)


def test_no_directory_no_plugins(functional):
    """With no directory configured the site has Plone's own users only."""
    acl_users = functional["portal"].acl_users
    assert LDAP_PLUGIN not in acl_users.objectIds()
    assert GROUPS_PLUGIN not in acl_users.objectIds()


def test_environment_wins_over_the_registry(integration, monkeypatch):
    api.portal.set_registry_record("qms.intranet.directory.uri", "ldap://registry")
    assert settings()["uri"] == "ldap://registry"
    monkeypatch.setenv("QMS_LDAP_URI", "ldaps://dc1.bo.gov.vn")
    monkeypatch.setenv("QMS_LDAP_GROUP_MAP", "A = vp-staff; B = khcn-heads")
    monkeypatch.setenv("QMS_LDAP_MEMBER_OF", "true")
    values = settings()
    assert values["uri"] == "ldaps://dc1.bo.gov.vn"
    assert values["member_of"] is True
    assert values["group_map"] == "A = vp-staff\n B = khcn-heads"
    assert set(values["from_environment"]) == {"uri", "group_map", "member_of"}


def test_mapping_lines():
    parsed = mapping.parse(
        "GRP-VP-ISO = vp-officers\n"
        "# a comment\n"
        "ou=khcn = khcn-staff, qms-auditors\n"
        "CN With Spaces = phapche-heads\n"
        "nonsense"
    )
    assert parsed.errors == ["nonsense"]
    allowed = mapping.qms_groups(["vp", "khcn", "phapche"])
    assert mapping.map_groups(parsed, ["grp-vp-iso"], {}, allowed) == {"vp-officers"}
    assert mapping.map_groups(parsed, [], {"ou": ["KHCN"]}, allowed) == {
        "khcn-staff",
        "qms-auditors",
    }
    assert mapping.map_groups(parsed, ["CN With Spaces"], None, allowed) == {
        "phapche-heads"
    }
    # a directory group named like a QMS group needs no line
    assert mapping.map_groups(parsed, ["vp-heads"], None, allowed) == {"vp-heads"}
    # nothing outside the QMS groups
    assert mapping.map_groups(parsed, ["Administrators"], None, allowed) == set()


def test_what_they_drafted_stays_with_the_unit(directory, portal_url):
    """An officer drafts a procedure of vp, then moves to Vụ KHCN in the
    directory: the draft stays vp's (its officers go on with it), the
    person no longer reaches it."""
    from qms.intranet.site.demo.files import pdf_bytes

    import base64

    created = requests.post(
        f"{portal_url}/++api++/don-vi/vp",
        headers=JSON,
        auth=("ld.vp.officer", LDAP_PASSWORD),
        timeout=60,
        json={
            "@type": "Procedure",
            "title": "Quy trình tiếp nhận hồ sơ một cửa",
            "code": "QT-31/VP",
            "kind": "business",
            "owning_unit": "vp",
            "purpose": "Tiếp nhận hồ sơ tại bộ phận một cửa.",
            "signed_original": {
                "data": base64.b64encode(pdf_bytes("QT-31/VP")).decode(),
                "encoding": "base64",
                "filename": "qt-31-vp.pdf",
                "content-type": "application/pdf",
            },
        },
    )
    assert created.status_code == 201, created.text
    url = created.json()["@id"]
    directory.move("ld.vp.officer", "GRP-VP-ISO", "GRP-KHCN-ISO")
    try:
        assert refused(get(url, "ld.vp.officer"))
        kept = requests.get(
            f"{url}/@workflow".replace("/plone/", "/plone/++api++/", 1),
            headers=JSON,
            auth=("vp.officer", DEMO_PASSWORD),
            timeout=30,
        )
        assert kept.status_code == 200
        assert [t["@id"].rsplit("/", 1)[-1] for t in kept.json()["transitions"]] == [
            "submit"
        ]
    finally:
        directory.move("ld.vp.officer", "GRP-KHCN-ISO", "GRP-VP-ISO")
