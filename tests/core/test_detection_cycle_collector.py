"""Detection holds Python's cycle collector off while it runs, and gives it back as it was."""

from __future__ import annotations

import gc
import threading
from datetime import date

import pytest

from workbench.detect import pipeline
from workbench.detect.cycle_collector import collector_held_off
from workbench.kinds import detect

TEXT = "Belarus has 90,000 troops and S-400 systems, officials said on Feb. 20, 2024."


@pytest.fixture(autouse=True)
def _collector_restored():
    before = gc.isenabled()
    yield
    gc.enable() if before else gc.disable()


def test_the_collector_runs_again_after_detection() -> None:
    gc.enable()
    assert detect(TEXT, date(2024, 2, 20))  # claims were found while it was held off
    assert gc.isenabled()  # cycles made by the rest of the program are collected again


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    detect(TEXT, date(2024, 2, 20))
    assert not gc.isenabled()


def test_a_failing_detector_gives_the_collector_back() -> None:
    def broken(text, ctx, found):
        assert not gc.isenabled()  # held off while the detectors run
        raise RuntimeError("a detector's bug")

    gc.enable()
    with pytest.raises(RuntimeError):
        pipeline.detect(TEXT, None, [broken])
    assert gc.isenabled()


def test_the_collector_resumes_only_when_the_last_of_two_threads_is_done() -> None:
    gc.enable()
    first_inside, second_done, release = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_held_off():
            first_inside.set()
            release.wait(5)

    def second() -> None:
        first_inside.wait(5)
        with collector_held_off():
            pass
        seen.append(gc.isenabled())  # the first run is still under way
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    second_done.wait(5)
    release.set()
    for thread in threads:
        thread.join(5)
    assert seen == [False]
    assert gc.isenabled()
