"""`orderdesk --demo`'s embedded backend completes a fully automated order within seconds.

Arithmetic on the demo's settings, not a timing: the plan's completion time at the demo's
clock speed, plus at most one simulator interval until a round picks it up (the long-poll
then delivers it at once). Measured with the demo backend: completed 5.0-5.7 s after submit.
"""

from datetime import timedelta

from desktop_app.domain.enums import AutomationDegree
from desktop_app.domain.processing import PLANS
from desktop_app.launch.demo import DEMO_CLOCK_SPEED, DEMO_SIMULATOR_INTERVAL

WITHIN = timedelta(seconds=15)


def test_a_fully_automated_order_completes_within_seconds_in_the_demo() -> None:
    plan = PLANS[AutomationDegree.FULL]
    worst = plan.completes_after / DEMO_CLOCK_SPEED + timedelta(seconds=DEMO_SIMULATOR_INTERVAL)
    assert worst <= WITHIN
    assert plan.starts_after / DEMO_CLOCK_SPEED < plan.completes_after / DEMO_CLOCK_SPEED


def test_the_demo_simulator_runs_every_second_or_faster() -> None:
    assert 0 < DEMO_SIMULATOR_INTERVAL <= 1.0
