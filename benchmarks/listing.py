"""Listing pages benchmark: the QMS section and a unit page with N
procedures, against a stock Plone Document page, in one run.

    .venv/bin/python benchmarks/listing.py [N] [--rounds 30]

Makes a site of its own (a throwaway instance on a free loopback port, the
demo data), adds N procedures (20,000 by default) spread over the nine units
in the states a real year has (mostly effective), and a stock Plone page
(Document) with a few paragraphs. Then, as the ISO secretary (who sees
everything), requests each page `rounds` times after one warm-up round and
prints size, median and p95 latency, and the ratio to the Document page.
The aim (issue #11): the section and unit pages' p95 within 1.5x of it.
"""

from pathlib import Path
from statistics import median
from statistics import quantiles

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "qms-demo"  # noqa: S105 - the demo accounts


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(url: str, rounds: int) -> tuple[int, list[float]]:
    import requests

    auth = ("iso.secretary", PASSWORD)
    size = len(requests.get(url, auth=auth, timeout=120).content)  # warm-up
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = requests.get(url, auth=auth, timeout=120)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return size, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--site",
        type=Path,
        help="measure again the site a previous run filled (its folder)",
    )
    args = parser.parse_args()
    folder = args.site or Path(tempfile.mkdtemp(prefix="qms-bench-listing-"))
    port = free_port()
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "QMS_VAR": str(folder / "var"),
        "QMS_ETC": str(folder / "etc"),
        "SITE_ID": "Plone",
        "DEMO": "1",
        "zope_i18n_compile_mo_files": "true",
    }
    conf = str(folder / "etc" / "zope.conf")
    run = {"env": env, "cwd": ROOT, "check": True}
    subprocess.run([sys.executable, "scripts/instance.py"], **run)
    zconsole = str(BIN / "zconsole")
    subprocess.run([zconsole, "run", conf, "scripts/create_site.py"], **run)
    if args.site is None:
        fill = Path(__file__).with_name("listing_fill.py")
        started = time.perf_counter()
        subprocess.run([zconsole, "run", conf, str(fill), str(args.n)], **run)
        print(f"{args.n} procedures added in {time.perf_counter() - started:.0f} s")
    print(f"site: {folder}")
    server = subprocess.Popen(  # noqa: S603 - our own instance
        [str(BIN / "runwsgi"), str(folder / "etc" / "zope.ini")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import requests

        base = f"http://127.0.0.1:{port}/Plone"
        for _ in range(240):
            try:
                requests.get(f"{base}/login", timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.5)
        pages = {
            "stock Document page": f"{base}/trang-chuan",
            "QMS section": f"{base}/he-thong-qlcl",
            "unit page (vp)": f"{base}/don-vi/vp",
            "unit page, one state": f"{base}/don-vi/vp?state=effective",
        }
        results = {name: measure(url, args.rounds) for name, url in pages.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)
    stock_p95 = quantiles(results["stock Document page"][1], n=20)[18]
    print(f"\n{args.n} procedures, {args.rounds} requests each (after a warm-up)")
    print("| page | size | median | p95 | p95 / stock |")
    print("| --- | --- | --- | --- | --- |")
    for name, (size, times) in results.items():
        p95 = quantiles(times, n=20)[18]
        print(
            f"| {name} | {size / 1024:.0f} KiB | {median(times):.0f} ms "
            f"| {p95:.0f} ms | {p95 / stock_p95:.2f}x |"
        )


if __name__ == "__main__":
    main()
