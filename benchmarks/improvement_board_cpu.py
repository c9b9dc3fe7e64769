"""The boards' own cost, inside the instance (run by zconsole, not alone,
after improvement_board.py has filled the site and stopped serving it): the
CPU time of improvement.board.board(), records.board.board() and the
improvement tasks, as the secretary and as a unit's people, ROUNDS times.
CPU time (time.process_time) is not inflated by other processes sharing
the machine, as the wall-clock time of the HTTP requests is.

    zconsole run etc/zope.conf benchmarks/improvement_board_cpu.py ROUNDS
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from qms.intranet.improvement.board import board as improvement_board
from qms.intranet.improvement.tasks import ImprovementTasks
from qms.intranet.records.board import board as record_board
from statistics import median
from statistics import quantiles
from Testing.makerequest import makerequest
from zope.component.hooks import setSite

import sys
import time


def cpu_ms(call, rounds: int) -> list[float]:
    call()  # warm-up: the catalog's buckets in memory
    times = []
    for _ in range(rounds):
        start = time.process_time()
        call()
        times.append((time.process_time() - start) * 1000)
    return times


def main(app, rounds: int) -> None:
    app = makerequest(app)
    site = app.Plone
    setSite(site)
    calls = {
        "improvement board (secretary)": ("iso.secretary", improvement_board),
        "record board (secretary)": ("iso.secretary", record_board),
        "improvement board (head)": ("khcn.head", improvement_board),
        "record board (head)": ("khcn.head", record_board),
        "improvement tasks (officer)": ("khcn.officer", ImprovementTasks().tasks),
        "improvement tasks (head)": ("khcn.head", ImprovementTasks().tasks),
        "improvement tasks (staff)": ("khcn.staff", ImprovementTasks().tasks),
        "improvement tasks (secretary)": (
            "iso.secretary",
            ImprovementTasks().tasks,
        ),
    }
    print("| in the instance | CPU median | CPU p95 |")
    print("| --- | --- | --- |")
    for name, (login, call) in calls.items():
        user = site.acl_users.getUserById(login).__of__(site.acl_users)
        newSecurityManager(None, user)
        times = cpu_ms(call, rounds)
        noSecurityManager()
        print(
            f"| {name} | {median(times):.1f} ms "
            f"| {quantiles(times, n=20)[18]:.1f} ms |",
            flush=True,
        )


if __name__ == "__main__":
    main(globals()["app"], int(sys.argv[-1]))
