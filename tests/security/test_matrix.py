"""Who reaches what, over every access path, for every type and state.

The objects are the test layer's (qms.intranet.testing.Layer), owned by the
unit `vp`: documents cs-/qd-/qt-<state> (a form `bm` in each procedure),
record lists 2023–2025 with hs-open / hs-closed in 2025, and a record file
added here. Who may view each is the documents' and the records' own matrix
(tests/documents/test_permissions.py, tests/records/test_permissions.py):
here every path must agree with it — pages, downloads, /resolveuid, the
plone.restapi endpoints on each object, and every listing (folders,
navigation, breadcrumbs, sitemap, RSS, the search pages, the catalog
vocabularies, @search, @querystring-search, the record board's CSV).

Each test is one role and one group of paths; it collects every mismatch
and reports them together, so one run shows the whole hole.
"""

from plone import api
from qms.intranet.site.demo.files import pdf_bytes
from qms.intranet.testing import DOCUMENT_STATES
from qms.intranet.testing import MATRIX_ROLES
from qms.intranet.testing import RECORD_STATES
from qms.intranet.testing import RECORD_YEARS
from tests.conftest import JSON
from tests.documents.test_permissions import VIEW as DOCUMENT_VIEW
from tests.matrix import refused
from tests.records.test_permissions import SEES as RECORD_VIEW

import gzip
import json
import pytest
import re
import transaction


ROLES = MATRIX_ROLES
SECTION, UNIT = "he-thong-qlcl", "don-vi/vp"
ARCHIVE = f"{UNIT}/ho-so"
RECORD_FILE = f"{ARCHIVE}/2025/hs-open/tep-mat"


def _objects() -> list[dict]:
    """type, state, path, a text only the object shows, who views it, and
    the field downloaded from it (if any)."""
    objects = []
    for state in DOCUMENT_STATES:
        view = DOCUMENT_VIEW[state]
        marker = state.upper()
        objects += [
            {"type": "QualityPolicy", "path": f"{SECTION}/cs-{state}", "code": "CS"},
            {"type": "Decision", "path": f"{SECTION}/qd-{state}", "code": "QD"},
            {
                "type": "Procedure",
                "path": f"{UNIT}/qt-{state}",
                "code": "QT",
                "download": "signed_original",
            },
            {
                "type": "ProcedureForm",
                "path": f"{UNIT}/qt-{state}/bm",
                "code": "BM",
                "download": "file",
            },
        ]
        for obj in objects[-4:]:
            obj.update(state=state, view=view, marker=f"{obj.pop('code')}-{marker}")
    for year, state in RECORD_YEARS.items():
        objects.append(
            {
                "type": "RecordList",
                "state": state,
                "path": f"{ARCHIVE}/{year}",
                "marker": f"Record list {year}|Danh mục hồ sơ {year}",
                "view": RECORD_VIEW,
            }
        )
    for state in RECORD_STATES:
        objects.append(
            {
                "type": "Record",
                "state": state,
                "path": f"{ARCHIVE}/2025/hs-{state}",
                "marker": f"Hồ sơ {state}",
                "view": RECORD_VIEW,
            }
        )
    objects.append(
        {
            "type": "RecordFile",
            "state": "open",
            "path": RECORD_FILE,
            "marker": "Tệp hồ sơ mật",
            "view": RECORD_VIEW,
            "download": "file",
        }
    )
    return objects


OBJECTS = _objects()
TYPES = {obj["type"] for obj in OBJECTS}
assert {
    "QualityPolicy",
    "Decision",
    "Procedure",
    "ProcedureForm",
    "RecordList",
    "Record",
    "RecordFile",
} == TYPES


@pytest.fixture
def site(functional, portal_url, http, login_as):
    """The layer's objects plus a record file; requests as one role."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=portal.unrestrictedTraverse(f"{ARCHIVE}/2025/hs-open"),
            type="RecordFile",
            id="tep-mat",
            title="Tệp hồ sơ mật",
            file=_blob(),
        )
    transaction.commit()

    class Site:
        url = portal_url
        uids = {
            obj["path"]: api.content.get_uuid(portal.unrestrictedTraverse(obj["path"]))
            for obj in OBJECTS
        }

        def get(self, role, path, api_call=False, **kwargs):
            login = ROLES[role]
            prefix = f"{portal_url}/++api++" if api_call else portal_url
            return http.get(
                f"{prefix}/{path}".rstrip("/"),
                auth=login_as(login) if login else None,
                headers=JSON if api_call else {},
                allow_redirects=False,
                **kwargs,
            )

    return Site()


def _blob():
    from plone.namedfile.file import NamedBlobFile

    return NamedBlobFile(pdf_bytes("mật"), filename="mat.pdf")


def shows(text: str, obj: dict) -> bool:
    return bool(re.search(obj["marker"], text))


def link_re(site, obj) -> re.Pattern:
    """A link to the object itself (not to something inside it)."""
    return re.compile(re.escape(f"{site.url}/{obj['path']}") + r"(?=[\"'?#<\s]|$)")


def check(problems: list, condition: bool, *what) -> None:
    if not condition:
        problems.append(" ".join(str(part) for part in what))


PER_ROLE = pytest.mark.parametrize("role", list(ROLES))


@PER_ROLE
def test_pages_downloads_and_resolveuid(site, role):
    problems = []
    for obj in OBJECTS:
        sees = role in obj["view"]
        page = site.get(role, obj["path"])
        if sees:
            check(problems, page.status_code == 200, "page", obj["path"], page)
        else:
            check(problems, refused(page), "page", obj["path"], page)
            check(problems, not shows(page.text, obj), "page shows", obj["path"])
        if "download" in obj:
            download = site.get(role, f"{obj['path']}/@@download/{obj['download']}")
            if sees:
                check(problems, download.status_code == 200, "download", obj["path"])
            else:
                check(problems, refused(download), "download", obj["path"], download)
                check(
                    problems,
                    not download.content.startswith((b"%PDF", b"PK")),
                    "download content",
                    obj["path"],
                )
        history = site.get(role, f"{obj['path']}/@@historyview")
        if sees:
            check(problems, history.status_code < 500, "@@historyview", obj["path"])
        else:
            check(problems, refused(history), "@@historyview", obj["path"], history)
            check(problems, not shows(history.text, obj), "history shows", obj["path"])
        resolved = site.get(role, f"resolveuid/{site.uids[obj['path']]}")
        location = resolved.headers.get("Location", "")
        if sees:
            check(problems, location.endswith(obj["path"]), "resolveuid", obj["path"])
        else:
            check(problems, refused(resolved), "resolveuid", obj["path"], resolved)
            check(problems, obj["path"] not in location, "resolveuid leaks", location)
    assert problems == []


# plone.restapi endpoints on one object: must the visible answer be 200?
OBJECT_ENDPOINTS = {
    "": True,
    "/@breadcrumbs": True,
    "/@workflow": False,
    "/@history": False,
    "/@sharing": False,
    "/@comments": False,
}


@PER_ROLE
def test_rest_endpoints_of_each_object(site, role):
    problems = []
    for obj in OBJECTS:
        sees = role in obj["view"]
        for endpoint, must_answer in OBJECT_ENDPOINTS.items():
            response = site.get(role, obj["path"] + endpoint, api_call=True)
            where = (obj["path"] + endpoint, response.status_code)
            if sees:
                check(problems, response.status_code < 500, "5xx", *where)
                if must_answer:
                    check(problems, response.status_code == 200, "visible", *where)
            else:
                check(problems, refused(response), "not refused", *where)
                check(problems, not shows(response.text, obj), "leaks", *where)
    assert problems == []


def _found_paths(site, items) -> set:
    prefix = f"{site.url}/"
    return {item["@id"].removeprefix(prefix) for item in items}


def _expected(role, objects=OBJECTS) -> set:
    return {obj["path"] for obj in objects if role in obj["view"]}


QUERY = [
    {
        "i": "path",
        "o": "plone.app.querystring.operation.string.absolutePath",
        "v": f"/plone/{path}",
    }
    for path in (SECTION,)
]


@PER_ROLE
def test_searches_list_exactly_what_the_role_sees(site, role, http, login_as):
    problems = []
    ours = {obj["path"] for obj in OBJECTS}
    login = ROLES[role]
    found = site.get(
        role,
        "@search",
        api_call=True,
        params={"portal_type": sorted(TYPES), "b_size": 1000},
    )
    if login is None:
        check(problems, found.status_code == 401, "@search anonymous", found)
    else:
        paths = _found_paths(site, found.json()["items"]) & ours
        check(
            problems,
            _agrees(paths, role),
            "@search",
            sorted(paths ^ _expected(role)),
        )
    query = http.post(
        f"{site.url}/++api++/@querystring-search",
        headers=JSON,
        auth=login_as(login) if login else None,
        json={
            "query": [
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": sorted(TYPES),
                }
            ],
            "b_size": 1000,
        },
    )
    if login is None:
        check(problems, query.status_code == 401, "@querystring-search anon")
    else:
        paths = _found_paths(site, query.json()["items"]) & ours
        check(
            problems,
            paths == _expected(role),
            "@querystring-search",
            sorted(paths ^ _expected(role)),
        )
    # The Classic UI's search page, its feed and the catalog vocabularies:
    # nothing the role may not view.
    texts = {}
    # One word per visibility: drafts (like pending ones), obsolete
    # documents (effective ones are everyone's), records.
    for term in ("draft", "obsolete", "hồ sơ"):
        texts[f"@@search {term}"] = site.get(
            role, "@@search", params={"SearchableText": term}
        )
        texts[f"search_rss {term}"] = site.get(
            role, "search_rss", params={"SearchableText": term}
        )
    texts["sitemap.xml.gz"] = site.get(role, "sitemap.xml.gz")
    texts["@@getVocabulary"] = site.get(
        role,
        f"{UNIT}/@@getVocabulary",
        params={
            "name": "plone.app.vocabularies.Catalog",
            "query": json.dumps(
                {
                    "criteria": [
                        {
                            "i": "path",
                            "o": "plone.app.querystring.operation.string.path",
                            "v": "/plone::-1",
                        }
                    ]
                }
            ),
            "attributes": json.dumps(["UID", "Title", "path", "getURL"]),
            "batch": json.dumps({"page": 1, "size": 1000}),
        },
    )
    texts["@vocabularies"] = site.get(
        role,
        "@vocabularies/plone.app.vocabularies.Catalog",
        api_call=True,
        params={"b_size": 1000},
    )
    for name, response in texts.items():
        check(problems, response.status_code < 500, name, response.status_code)
        body = _text(response)
        for obj in OBJECTS:
            if role not in obj["view"]:
                check(problems, obj["path"] not in body, name, "lists", obj["path"])
                check(problems, not shows(body, obj), name, "shows", obj["marker"])
    assert problems == []


def _agrees(found: set, role: str) -> bool:
    """Nothing the role may not view; all it may, but obsolete documents
    (searches leave them out unless asked)."""
    expected = _expected(role)
    obsolete = {o["path"] for o in OBJECTS if o["state"] == "obsolete"}
    return found <= expected and expected - found <= obsolete


def _text(response) -> str:
    if response.content[:2] == b"\x1f\x8b":
        return gzip.decompress(response.content).decode()
    return response.text


@PER_ROLE
def test_folders_and_navigation(site, role):
    problems = []
    listings = {}
    for folder in (SECTION, UNIT, ARCHIVE, f"{ARCHIVE}/2025"):
        listings[f"page {folder}"] = site.get(role, folder)
        listings[f"folder {folder}"] = site.get(role, folder, api_call=True)
        listings[f"@contextnavigation {folder}"] = site.get(
            role,
            f"{folder}/@contextnavigation",
            api_call=True,
            params={"expand.contextnavigation.bottomLevel": 6},
        )
        listings[f"folder_contents {folder}"] = site.get(
            role, f"{folder}/folder_contents"
        )
    listings["@navigation"] = site.get(
        role, "@navigation", api_call=True, params={"expand.navigation.depth": 6}
    )
    for name, response in listings.items():
        check(problems, response.status_code < 500, name, response.status_code)
        for obj in OBJECTS:
            if role not in obj["view"]:
                check(
                    problems,
                    not link_re(site, obj).search(response.text),
                    name,
                    "links",
                    obj["path"],
                )
                check(problems, not shows(response.text, obj), name, obj["marker"])
    # A folder listing shows what the role sees.
    if ROLES[role] is not None:
        for folder in (SECTION, UNIT, f"{ARCHIVE}/2025"):
            listed = _found_paths(
                site, listings[f"folder {folder}"].json().get("items", [])
            )
            inside = [o for o in OBJECTS if o["path"].rsplit("/", 1)[0] == folder]
            check(problems, listed >= _expected(role, inside), "listing", folder)
    assert problems == []


@PER_ROLE
def test_logs_and_exports(site, role):
    """@transactions (administrators only) and the board's CSV (own units)."""
    problems = []
    log = site.get(role, "@transactions", api_call=True)
    check(problems, log.status_code in (401, 403), "@transactions", log.status_code)
    check(problems, "don-vi" not in log.text, "@transactions leaks paths")
    board = site.get(role, "@@record-board.csv", params={"year": 2025})
    if ROLES[role] is None:
        check(problems, refused(board) or "__ac_name" in board.text, "board anon")
    else:
        check(problems, board.status_code == 200, "board", board.status_code)
        rows = [line.split(",")[0] for line in board.text.splitlines()[1:]]
        reports_vp = role in RECORD_VIEW
        check(problems, ("vp" in rows) == reports_vp, "board vp row", rows)
    assert problems == []
