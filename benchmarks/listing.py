"""Listing pages benchmark: the QMS section and a unit page with N
procedures, against a stock Plone Document page, in one run.

    .venv/bin/python benchmarks/listing.py [N] [--rounds 30]

Makes a site of its own (a throwaway instance on a free loopback port, the
demo data), adds N procedures (20,000 by default) spread over the nine units
in the states a real year has (mostly effective), and a stock Plone page
(Document) with a few paragraphs. Then, as the ISO secretary (who sees
everything), requests the pages in turn, `rounds` rounds after a warm-up, and
prints size, median and p95 latency, and the ratio to the Document page.
The aim (issue #11): the section and unit pages' p95 within 1.5x of it.
"""

from pathlib import Path
from statistics import median
from statistics import quantiles
from throwaway import ThrowawaySite

import argparse
import time


PASSWORD = "qms-demo"  # noqa: S105 - the demo accounts


def measure(pages: dict, rounds: int) -> dict:
    """name -> (size, timings in ms): `rounds` rounds, each requesting every
    page once in turn, so that whatever else loads the machine weighs on
    every page alike (pages measured one after another drifted by +-0.3 in
    their ratio to the stock page)."""
    import requests

    auth = ("iso.secretary", PASSWORD)
    sizes = {
        name: len(requests.get(url, auth=auth, timeout=120).content)  # warm-up
        for name, url in pages.items()
    }
    times = {name: [] for name in pages}
    for _ in range(rounds):
        for name, url in pages.items():
            start = time.perf_counter()
            response = requests.get(url, auth=auth, timeout=120)
            times[name].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return {name: (sizes[name], times[name]) for name in pages}


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
    site = ThrowawaySite(args.site, prefix="qms-bench-listing-")
    site.create()
    if args.site is None:
        started = time.perf_counter()
        site.zconsole(Path(__file__).with_name("listing_fill.py"), args.n)
        print(f"{args.n} procedures added in {time.perf_counter() - started:.0f} s")
    print(f"site: {site.folder}")
    site.serve()
    try:
        pages = {
            "stock Document page": f"{site.base}/trang-chuan",
            "QMS section": f"{site.base}/he-thong-qlcl",
            "unit page (vp)": f"{site.base}/don-vi/vp",
            "unit page, one state": f"{site.base}/don-vi/vp?state=effective",
        }
        results = measure(pages, args.rounds)
    finally:
        site.stop()
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
