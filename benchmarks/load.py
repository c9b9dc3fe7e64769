"""Load benchmark (issue #12, "Under load"): N concurrent clients for T
seconds mixing reads and writes on a site of its own.

    .venv/bin/python benchmarks/load.py [--clients 24] [--seconds 60]
                                        [--threads 4] [--seed 12]

Makes a throwaway instance on a free loopback port with the demo data, serves
it (waitress, `--threads` threads, through load_server.py, which logs every
ConflictError), then runs `--clients` clients, each sending one request after
another for `--seconds` seconds, every request picked at random (seeded) with
these weights:

- reads (60 %): pages (home page "Việc của tôi", the QMS section, a unit
  page, an effective procedure), @search (words, a prefix, a code), listings
  (a unit's folder over REST, @search by unit and state), @record-board,
  @qms-statistics, @my-tasks;
- writes (40 %): a procedure draft created over REST by a unit's officer,
  a record filed by khcn.staff into this year's KHCN list, a PDF added to a
  record (RecordFile), a transition (submit by the officer, accept by the
  head, of drafts the run created), a comment (góp ý) on an effective
  procedure.

Prints requests/s, p50/p95 per kind, the 5xx answers, the ConflictErrors the
instance met (retried, and given up: those are 5xx), grouped by the object in
conflict; then re-reads every acknowledged write (201 created, 200/204
transition or comment) and prints those missing. Every loop is bounded: each
client stops starting requests after T seconds, each request times out after
120 s, the whole run is abandoned after T + 300 s.
"""

from collections import Counter
from collections import defaultdict
from datetime import date
from pathlib import Path
from statistics import quantiles
from throwaway import BIN
from throwaway import ROOT
from throwaway import ThrowawaySite

import argparse
import base64
import json
import os
import random
import subprocess
import sys
import threading
import time


PASSWORD = "qms-demo"  # noqa: S105 - the demo accounts
YEAR = date.today().year
UNITS = ("vp", "khcn", "phapche")
JSON = {"Accept": "application/json", "Content-Type": "application/json"}
TIMEOUT = 120
ORDER = ("draft", "pending_review", "pending_approval", "effective", "obsolete")

WEIGHTS = {
    # reads
    "page": 16,
    "search": 12,
    "listing": 10,
    "board": 4,
    "statistics": 4,
    "tasks": 4,
    # writes
    "create_procedure": 10,
    "create_record": 8,
    "record_file": 6,
    "transition": 8,
    "comment": 8,
}
WRITES = {"create_procedure", "create_record", "record_file", "transition", "comment"}
SEARCHES = (
    "quy trình",
    "hồ sơ",
    "ban hanh",
    "quan ly van ban",
    "ung*",
    "QT-01/VP",
    '"kiểm soát tài liệu"',
    "ho* AND so*",
)
READERS = (
    "vp.staff",
    "khcn.staff",
    "phapche.staff",
    "vp.officer",
    "khcn.head",
    "leader",
    "iso.secretary",
)


def pdf_upload(text: str) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from qms.intranet.site.demo.files import pdf_bytes

    return {
        "data": base64.b64encode(pdf_bytes(text)).decode(),
        "encoding": "base64",
        "filename": "bien-ban.pdf",
        "content-type": "application/pdf",
    }


class Site:
    """What the clients share: the targets, what was written, the timings."""

    def __init__(self, base: str, seed: int):
        self.base = base
        self.api = f"{base}/++api++"
        self.lock = threading.Lock()
        self.random = random.Random(seed)  # noqa: S311 - a mix
        self.counter = 0
        self.timings = defaultdict(list)  # kind -> [ms]
        self.statuses = defaultdict(Counter)  # kind -> status -> count
        self.errors = []  # (kind, status, body start)
        self.drafts = []  # procedures created, not submitted yet: (path, unit)
        self.submitted = []  # (path, unit)
        self.records = []  # paths of records created
        self.created = []  # (kind, path) acknowledged 201
        self.states = {}  # path -> last acknowledged state
        self.comments = []  # (path, text) acknowledged
        self.effective = []
        self.entries = []
        self.pdf = pdf_upload("Biên bản kiểm tra hồ sơ")

    def path(self, url: str) -> str:
        """The path below the site of an @id (with or without ++api++)."""
        return url.split("/Plone/", 1)[-1].removeprefix("++api++/")

    def next_number(self) -> int:
        with self.lock:
            self.counter += 1
            return self.counter

    def pick(self, items):
        with self.lock:
            return self.random.choice(items) if items else None

    def pop(self, items):
        with self.lock:
            return items.pop(self.random.randrange(len(items))) if items else None

    def record(self, kind, status, ms, body=""):
        with self.lock:
            self.timings[kind].append(ms)
            self.statuses[kind][status] += 1
            if status >= 500:
                self.errors.append((kind, status, body[:300]))


def session(login: str):
    import requests

    s = requests.Session()
    s.auth = (login, PASSWORD)
    s.headers.update(JSON)
    return s


class Client(threading.Thread):
    def __init__(self, site: Site, number: int, seed: int, deadline: float):
        super().__init__(daemon=True, name=f"client-{number}")
        self.site = site
        self.random = random.Random(seed * 1000 + number)  # noqa: S311
        self.deadline = deadline
        self.http = None
        self.kinds = list(WEIGHTS)
        self.weights = list(WEIGHTS.values())

    def s(self, login):
        """One keep-alive connection per client whoever it signs in as: a
        session per login would hold up to ten idle connections per client,
        past waitress's connection limit (100), and new ones would wait
        unaccepted until the client times out."""
        if self.http is None:
            self.http = session(login)
        self.http.auth = (login, PASSWORD)
        return self.http

    def run(self):
        while time.monotonic() < self.deadline:
            kind = self.random.choices(self.kinds, self.weights)[0]
            try:
                getattr(self, kind)()
            except Exception as error:  # noqa: BLE001 - counted, not fatal
                self.site.record(kind, 599, 0.0, repr(error))

    def request(self, kind, method, login, url, **kw):
        start = time.perf_counter()
        response = self.s(login).request(method, url, timeout=TIMEOUT, **kw)
        ms = (time.perf_counter() - start) * 1000
        self.site.record(kind, response.status_code, ms, response.text)
        return response

    # reads

    def page(self):
        site = self.site
        login = self.random.choice(READERS)
        unit = self.random.choice(UNITS)
        paths = ["", "/he-thong-qlcl", f"/don-vi/{unit}"]
        procedure = site.pick(site.effective)
        if procedure:
            paths.append("/" + procedure)
        path = self.random.choice(paths)
        self.request("page", "GET", login, site.base + path, headers={"Accept": "*/*"})

    def search(self):
        site = self.site
        params = {"SearchableText": self.random.choice(SEARCHES)}
        login = self.random.choice(READERS)
        self.request("search", "GET", login, f"{site.api}/@search", params=params)

    def listing(self):
        site = self.site
        unit = self.random.choice(UNITS)
        login = f"{unit}.{self.random.choice(('staff', 'officer', 'head'))}"
        if self.random.random() < 0.5:
            url = f"{site.api}/don-vi/{unit}"
            self.request("listing", "GET", login, url)
        else:
            params = {
                "portal_type": "Procedure",
                "owning_unit": unit,
                "review_state": self.random.choice(("effective", "draft")),
                "sort_on": "modified",
                "sort_order": "descending",
                "b_size": 25,
            }
            self.request("listing", "GET", login, f"{site.api}/@search", params=params)

    def board(self):
        login = self.random.choice(("iso.secretary", "khcn.head", "vp.head"))
        self.request("board", "GET", login, f"{self.site.api}/@record-board")

    def statistics(self):
        login = self.random.choice(("iso.secretary", "leader", "vp.staff"))
        self.request("statistics", "GET", login, f"{self.site.api}/@qms-statistics")

    def tasks(self):
        login = self.random.choice(READERS)
        self.request("tasks", "GET", login, f"{self.site.api}/@my-tasks")

    # writes

    def create_procedure(self):
        site = self.site
        unit = self.random.choice(UNITS)
        n = site.next_number()
        body = {
            "@type": "Procedure",
            "title": f"Quy trình thử tải số {n} về tiếp nhận và xử lý văn bản",
            "code": f"QT-L{n:04d}/{unit.upper()}",
            "kind": "business",
            "owning_unit": unit,
            "purpose": "Quy định trình tự tiếp nhận, xử lý và lưu trữ văn bản.",
            "records": [f"Sổ theo dõi số {n}"],
        }
        url = f"{site.api}/don-vi/{unit}"
        r = self.request("create_procedure", "POST", f"{unit}.officer", url, json=body)
        if r.status_code == 201:
            path = site.path(r.json()["@id"])
            with site.lock:
                site.created.append(("procedure", path))
                site.states[path] = "draft"
                site.drafts.append((path, unit))

    def create_record(self):
        site = self.site
        n = site.next_number()
        body = {
            "@type": "Record",
            "title": f"Hồ sơ kiểm tra thử tải số {n}",
            "reference_number": f"{n}/KHCN",
        }
        entry = site.pick(site.entries)
        if entry and self.random.random() < 0.8:
            body["entry"] = entry
        url = f"{site.api}/don-vi/khcn/ho-so/{YEAR}"
        r = self.request("create_record", "POST", "khcn.staff", url, json=body)
        if r.status_code == 201:
            path = site.path(r.json()["@id"])
            with site.lock:
                site.created.append(("record", path))
                site.records.append(path)

    def record_file(self):
        site = self.site
        record = site.pick(site.records)
        if record is None:
            return self.create_record()
        body = {"@type": "RecordFile", "file": site.pdf}
        url = f"{site.api}/{record}"
        r = self.request("record_file", "POST", "khcn.staff", url, json=body)
        if r.status_code == 201:
            path = site.path(r.json()["@id"])
            with site.lock:
                site.created.append(("record file", path))
        return None

    def transition(self):
        site = self.site
        if site.submitted and (self.random.random() < 0.5 or not site.drafts):
            taken = site.pop(site.submitted)
            transition, login, to = "accept", "head", "pending_approval"
        else:
            taken = site.pop(site.drafts)
            transition, login, to = "submit", "officer", "pending_review"
        if taken is None:
            return self.create_procedure()
        path, unit = taken
        url = f"{site.api}/{path}/@workflow/{transition}"
        r = self.request("transition", "POST", f"{unit}.{login}", url, json={})
        if r.status_code == 200:
            with site.lock:
                site.states[path] = to
                if transition == "submit":
                    site.submitted.append(taken)
        return None

    def comment(self):
        site = self.site
        procedure = site.pick(site.effective)
        if procedure is None:
            return None
        login = f"{self.random.choice(UNITS)}.staff"
        text = f"Góp ý thử tải số {site.next_number()}: đề nghị làm rõ bước 3."
        url = f"{site.api}/{procedure}/@comments"
        r = self.request("comment", "POST", login, url, json={"text": text})
        if r.status_code in (200, 201, 204):
            with site.lock:
                site.comments.append((procedure, text))
        return None


def discover(site: Site) -> None:
    s = session("iso.secretary")
    found = s.get(
        f"{site.api}/@search",
        params={"portal_type": "Procedure", "review_state": "effective", "b_size": 50},
        timeout=TIMEOUT,
    ).json()["items"]
    site.effective = [site.path(i["@id"]) for i in found]
    khcn = s.get(f"{site.api}/don-vi/khcn/ho-so/{YEAR}", timeout=TIMEOUT).json()
    site.entries = [e["id"] for e in khcn.get("entries") or []]


def missing_writes(site: Site) -> list[str]:
    """Re-read every acknowledged write; what is not there."""
    s = session("iso.secretary")
    missing = []
    for kind, path in site.created:
        r = s.get(f"{site.api}/{path}", timeout=TIMEOUT)
        if r.status_code != 200:
            missing.append(f"{kind} {path}: {r.status_code}")
        elif kind == "procedure":
            # a state behind the last acknowledged transition is a lost write;
            # one ahead is a transition applied whose answer timed out (599)
            state = r.json().get("review_state")
            if ORDER.index(state) < ORDER.index(site.states[path]):
                missing.append(f"state of {path}: {state}, not {site.states[path]}")
    by_procedure = defaultdict(list)
    for path, text in site.comments:
        by_procedure[path].append(text)
    for path, texts in by_procedure.items():
        r = s.get(
            f"{site.api}/{path}/@comments", params={"b_size": 10000}, timeout=TIMEOUT
        )
        stored = {
            (item.get("text") or {}).get("data", "")
            for item in r.json().get("items", [])
        }
        stored_text = "\n".join(stored)
        missing.extend(f"comment on {path}: {t}" for t in texts if t not in stored_text)
    return missing


def percentile(values, p):
    if len(values) < 2:
        return values[0] if values else 0.0
    return quantiles(values, n=100, method="inclusive")[p - 1]


def report(site: Site, seconds: float, conflicts: list[dict], missing: list[str]):
    total = sum(len(v) for v in site.timings.values())
    five = sum(c for k in site.statuses.values() for s, c in k.items() if s >= 500)
    every = [ms for values in site.timings.values() for ms in values]
    print(f"\n{total} requests in {seconds:.0f} s: {total / seconds:.1f} requests/s")
    print(
        f"all: p50 {percentile(every, 50):.0f} ms, p95 {percentile(every, 95):.0f} ms"
    )
    print("| kind | requests | p50 | p95 | statuses |")
    print("| --- | --- | --- | --- | --- |")
    for kind in WEIGHTS:
        values = site.timings.get(kind, [])
        if not values:
            continue
        statuses = ", ".join(
            f"{s}: {c}" for s, c in sorted(site.statuses[kind].items())
        )
        print(
            f"| {kind} | {len(values)} | {percentile(values, 50):.0f} ms "
            f"| {percentile(values, 95):.0f} ms | {statuses} |"
        )
    retried = [c for c in conflicts if c["retry"]]
    given_up = [c for c in conflicts if not c["retry"]]
    print(f"\n5xx answers: {five}")
    print(
        f"ConflictErrors: {len(conflicts)} ({len(retried)} retried, "
        f"{len(given_up)} after the last retry)"
    )
    groups = Counter(
        (c["class"], c.get("what") or c["oid"], c["error"]) for c in conflicts
    )
    for (klass, what, error), count in groups.most_common(15):
        print(f"  {count:4d}  {error} {klass} {what}")
    for kind, status, body in site.errors[:5]:
        print(f"  5xx {kind} {status}: {body[:200]!r}")
    print(
        f"\nacknowledged writes: {len(site.created)} created, {len(site.comments)} "
        f"comments; missing after the run: {len(missing)}"
    )
    for line in missing[:20]:
        print(f"  missing: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", action="store_true", help="keep the instance folder")
    args = parser.parse_args()
    instance = ThrowawaySite(prefix="qms-bench-load-", ZOPE_THREADS=str(args.threads))
    folder = instance.folder
    instance.create()
    conflicts_log = folder / "conflicts.jsonl"
    instance.serve(
        [
            sys.executable,
            Path(__file__).with_name("load_server.py"),
            conflicts_log,
            folder / "etc" / "zope.ini",
        ]
    )
    try:
        base = instance.base
        site = Site(base, args.seed)
        discover(site)
        # one warm-up round of the reads, unmeasured
        warm = Client(site, -1, args.seed, 0)
        for kind in ("page", "search", "listing", "board", "statistics", "tasks"):
            getattr(warm, kind)()
        site.timings.clear()
        site.statuses.clear()
        started = time.monotonic()
        deadline = started + args.seconds
        clients = [Client(site, i, args.seed, deadline) for i in range(args.clients)]
        for client in clients:
            client.start()
        for client in clients:
            client.join(timeout=max(1.0, deadline + 300 - time.monotonic()))
        elapsed = time.monotonic() - started
        missing = missing_writes(site)
    finally:
        instance.stop()
    conflicts = []
    if conflicts_log.exists():
        conflicts = [
            json.loads(line) for line in conflicts_log.read_text().splitlines()
        ]
    if conflicts:
        oids = sorted({c["oid"] for c in conflicts if c["oid"]})
        described = subprocess.run(
            [
                str(BIN / "zconsole"),
                "run",
                instance.conf,
                str(Path(__file__).with_name("load_oids.py")),
                *oids,
            ],
            env=instance.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        names = {}
        for line in described.stdout.splitlines():
            if line.startswith("oid "):
                _, oid, what = line.split(" ", 2)
                names[oid] = what
        for c in conflicts:
            c["what"] = names.get(c["oid"])
    print(
        f"{args.clients} clients, {args.seconds:.0f} s, {args.threads} threads, "
        f"seed {args.seed}, {os.cpu_count()} CPUs; instance in {folder}"
    )
    report(site, elapsed, conflicts, missing)


if __name__ == "__main__":
    main()
