"""The session's two published editions (tests/editions/editions_site.py)."""

from tests.editions.editions_site import editions_repo

__all__ = ["editions_repo"]
