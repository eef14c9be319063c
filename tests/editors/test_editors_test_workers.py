"""The test run's groups reach pytest-xdist: a module's tests, a page's browser report and the
published editions are each made on one worker (tests/conftest.py)."""

from __future__ import annotations

import os

import pytest


def test_a_modules_tests_are_one_group_that_xdist_schedules_by(request: pytest.FixtureRequest):
    groups = [mark.args[0] for mark in request.node.iter_markers("xdist_group")]
    assert groups == ["tests/editors/test_editors_test_workers.py"]
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # --dist=loadgroup schedules by the group after the "@" (pytest 9.2 loses it).
        assert request.node.nodeid.endswith("@" + groups[0])
