"""The permission walk's world (an open and a published cycle, a user per role) is shared with
the tests that knock on every door with hostile input."""

from tests.web.test_permission_walk import world

__all__ = ["world"]
