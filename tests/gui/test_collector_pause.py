"""Full collections wait while background jobs run: they held the window still for 100-230 ms each."""

from __future__ import annotations

import gc
import threading

from workbench.gui.collector_pause import full_collections_put_off


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _full_collections_while(make_garbage) -> int:  # noqa: ANN001
    full = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(seen)
    try:
        make_garbage()
    finally:
        gc.callbacks.remove(seen)
    return len(full)


def _lots_of_cycles() -> None:
    kept = []
    for i in range(300_000):  # grows the heap: without the pause this sets off full collections
        kept.append(_Cycle())
        if i % 3 == 0:
            kept.pop()


def test_no_full_collection_runs_inside_a_job_and_the_thresholds_come_back():
    before = gc.get_threshold()
    assert _full_collections_while(_lots_of_cycles) > 0  # the check can fail: collections do happen
    with full_collections_put_off():
        assert _full_collections_while(_lots_of_cycles) == 0
        assert gc.get_threshold()[:2] == before[:2]  # young collections run as before
    assert gc.get_threshold() == before


def test_the_thresholds_come_back_only_when_the_last_of_two_jobs_ends():
    before = gc.get_threshold()
    first_in, second_done = threading.Event(), threading.Event()

    def second_job() -> None:
        first_in.wait()
        with full_collections_put_off():
            pass
        second_done.set()

    thread = threading.Thread(target=second_job)
    thread.start()
    with full_collections_put_off():
        first_in.set()
        second_done.wait(10)
        assert gc.get_threshold() != before  # the other job ended, this one still runs
    thread.join()
    assert gc.get_threshold() == before
