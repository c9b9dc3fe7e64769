"""Improvement board benchmark (issue #13): GET @improvement-board with
10,000 nonconformities against GET @record-board, side by side.

    .venv/bin/python benchmarks/improvement_board.py [N] [RECORDS] [--rounds 30]

Makes a site of its own (throwaway.py: a throwaway instance on a free
loopback port, the demo data), fills it with improvement_board_fill.py (N
nonconformities over the units in every state, one to three actions each,
and RECORDS records in the units' record lists), serves it, and requests
each of GET @improvement-board, @@improvement-board (the page), its CSV,
GET @record-board and @@record-board as the ISO secretary (every unit) and
as a unit head, and GET @my-tasks as an officer and the secretary, `rounds`
times after one warm-up round. It prints median and p95, and each one's
ratio to GET @record-board (secretary), how much the database grew while
only GETs were sent (it must not grow), and, with the server stopped, the
CPU time of the boards and tasks inside the instance
(improvement_board_cpu.py), which other processes on the machine do not
inflate.
"""

from pathlib import Path
from statistics import median
from statistics import quantiles
from throwaway import filled_site
from throwaway import measure_gets

import argparse


BASELINE = "GET @record-board"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("nonconformities", nargs="?", type=int, default=10000)
    parser.add_argument("records", nargs="?", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--folder", help="reuse the instance folder of an earlier run (filled)"
    )
    args = parser.parse_args()
    site = filled_site(
        args.folder,
        "qms-bench-improvement-",
        "improvement_board_fill.py",
        args.nonconformities,
        args.records,
    )
    folder = site.folder
    base = site.base
    api = f"{base}/++api++"
    pages = {
        "GET @improvement-board": (f"{api}/@improvement-board", "iso.secretary"),
        BASELINE: (f"{api}/@record-board", "iso.secretary"),
        "GET @improvement-board (head)": (
            f"{api}/@improvement-board",
            "khcn.head",
        ),
        "GET @record-board (head)": (f"{api}/@record-board", "khcn.head"),
        "@@improvement-board page": (
            f"{base}/@@improvement-board",
            "iso.secretary",
        ),
        "@@record-board page": (f"{base}/@@record-board", "iso.secretary"),
        "@@improvement-board.csv": (
            f"{base}/@@improvement-board.csv",
            "iso.secretary",
        ),
        "GET @my-tasks (officer)": (f"{api}/@my-tasks", "khcn.officer"),
        "GET @my-tasks (secretary)": (f"{api}/@my-tasks", "iso.secretary"),
    }
    results, grown = measure_gets(site, pages, args.rounds)
    print(
        f"\n{args.nonconformities} nonconformities, {args.records} records, "
        f"{args.rounds} requests each (after a warm-up); instance in {folder}"
    )
    base_median = median(results[BASELINE][1])
    base_p95 = quantiles(results[BASELINE][1], n=20)[18]
    print(f"| request | size | median | p95 | median / {BASELINE} | p95 / same |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, (size, times) in results.items():
        p50, p95 = median(times), quantiles(times, n=20)[18]
        print(
            f"| {name} | {size / 1024:.0f} KiB | {p50:.0f} ms | {p95:.0f} ms "
            f"| {p50 / base_median:.2f}× | {p95 / base_p95:.2f}× |"
        )
    print(f"\nthe database grew by {grown} bytes during the GETs (must be 0)\n")
    # the same work inside the instance, in CPU time (the server stopped)
    site.zconsole(Path(__file__).with_name("improvement_board_cpu.py"), args.rounds)


if __name__ == "__main__":
    main()
