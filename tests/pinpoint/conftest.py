"""The citation tests' browser fixtures (a Chromium context with clipboard access, `open_page`)
and the two published editions, for the passage tests too."""

from tests.citations.conftest import browser_context, open_page
from tests.editions.editions_site import editions_repo

__all__ = ["browser_context", "editions_repo", "open_page"]
