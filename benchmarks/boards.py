"""Boards benchmark (issue #12, "At scale"): the record board and the year's
figures with 20,000 procedures and 30,000 records.

    .venv/bin/python benchmarks/boards.py [PROCEDURES] [RECORDS] [--rounds 30]

Makes a site of its own (a throwaway instance on a free loopback port, the
demo data), fills it with boards_fill.py (procedures over the units, records
filed into this year's and last year's list of every unit), serves it, and
requests each of GET @record-board, @@record-board (the page),
@qms-statistics and the QMS section page (the year's figures) as the ISO
secretary (every unit) and as a unit head, `rounds` times after one warm-up
round, printing median and p95. The aim: p95 < 150 ms. It also prints how
much the database grew while only GETs were sent (it must not grow).
"""

from statistics import median
from statistics import quantiles
from throwaway import filled_site
from throwaway import measure_gets

import argparse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("procedures", nargs="?", type=int, default=20000)
    parser.add_argument("records", nargs="?", type=int, default=30000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--folder", help="reuse the instance folder of an earlier run (filled)"
    )
    args = parser.parse_args()
    site = filled_site(
        args.folder,
        "qms-bench-boards-",
        "boards_fill.py",
        args.procedures,
        args.records,
    )
    folder = site.folder
    base = site.base
    pages = {
        "GET @record-board": (f"{base}/++api++/@record-board", "iso.secretary"),
        "GET @record-board (head)": (f"{base}/++api++/@record-board", "vp.head"),
        "@@record-board page": (f"{base}/@@record-board", "iso.secretary"),
        "GET @qms-statistics": (f"{base}/++api++/@qms-statistics", "iso.secretary"),
        "GET @qms-statistics (staff)": (
            f"{base}/++api++/@qms-statistics",
            "vp.staff",
        ),
        "QMS section page (figures)": (f"{base}/he-thong-qlcl", "iso.secretary"),
    }
    results, grown = measure_gets(site, pages, args.rounds)
    print(
        f"\n{args.procedures} procedures, {args.records} records, "
        f"{args.rounds} requests each (after a warm-up); instance in {folder}"
    )
    print("| request | size | median | p95 |")
    print("| --- | --- | --- | --- |")
    for name, (size, times) in results.items():
        p95 = quantiles(times, n=20)[18]
        print(
            f"| {name} | {size / 1024:.0f} KiB | {median(times):.0f} ms "
            f"| {p95:.0f} ms |"
        )
    print(f"\nthe database grew by {grown} bytes during the GETs (must be 0)")


if __name__ == "__main__":
    main()
