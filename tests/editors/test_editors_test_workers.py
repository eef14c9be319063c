"""The test run's groups reach pytest-xdist: a module's tests, a page's browser report and the
published editions are each made on one worker (tests/conftest.py)."""

from __future__ import annotations

import os

import pytest
from xdist.scheduler.loadgroup import LoadGroupScheduling

from tests.conftest import scheduling_order, worker_group


def scheduled_scope(nodeid: str) -> str:
    """The unit --dist=loadgroup schedules a test by, as xdist reads it from the node id
    (a private function of xdist's: this is the behaviour the groups rely on)."""
    return LoadGroupScheduling._split_scope(None, nodeid)  # type: ignore[arg-type]


def test_a_modules_tests_are_one_group_that_xdist_schedules_by(request: pytest.FixtureRequest):
    groups = [mark.args[0] for mark in request.node.iter_markers("xdist_group")]
    assert groups == ["tests/editors/test_editors_test_workers.py"]
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # --dist=loadgroup schedules by the group after the "@" (pytest 9.2 loses it).
        assert request.node.nodeid.endswith("@" + groups[0])


def test_every_test_is_scheduled_by_its_group(request: pytest.FixtureRequest):
    """A group xdist cannot read (one ending in "]", say) schedules each of its tests alone:
    a page's browser report was then made on both workers."""
    unread = {}
    for item in request.session.items:
        group = item.get_closest_marker("xdist_group").args[0]
        suffix = "@" + group
        nodeid = item.nodeid if item.nodeid.endswith(suffix) else item.nodeid + suffix
        if scheduled_scope(nodeid) != group:
            unread[item.nodeid] = group
    assert not unread, f"{len(unread)} tests scheduled alone, such as {next(iter(unread.items()))}"


@pytest.mark.parametrize("page_path", ["", "ko/timeline/"])
def test_a_pages_browser_tests_are_one_group_that_xdist_reads(page_path: str):
    group = worker_group(
        "tests/browser/test_browser_pages.py::test_x[timeline-mobile-375-dark]",
        ["page_report", "page_path", "configuration"],
        {"page_path": page_path, "configuration": "mobile-375-dark"},
    )
    assert group.startswith("tests/browser/test_browser_pages.py")
    nodeid = f"tests/browser/test_browser_pages.py::test_y[{page_path}-desktop-1280-light]"
    assert scheduled_scope(f"{nodeid}@{group}") == group


def test_the_editions_are_taken_first_then_the_larger_groups(request: pytest.FixtureRequest):
    assert scheduling_order(["a", "b", "b", "editions", "c", "c", "c"]) == [
        "editions",
        "c",
        "b",
        "a",
    ]
    groups = [item.get_closest_marker("xdist_group").args[0] for item in request.session.items]
    assert list(dict.fromkeys(groups)) == scheduling_order(groups)
    # xdist keeps that order only when its own reordering by size is off.
    assert request.config.getoption("loadscopereorder", default=False) is False
