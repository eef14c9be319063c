"""The citation tests' browser fixtures (a Chromium context with clipboard access, `open_page`),
for the passage tests too; the two published editions come from tests/conftest.py."""

from tests.citations.conftest import browser_context, open_page

__all__ = ["browser_context", "open_page"]
