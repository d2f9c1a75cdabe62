"""Appeals reuse the results fixtures: the 张家港 cycle, published on Monday 2020-07-06."""

from tests.results.conftest import bureau, published

__all__ = ["bureau", "published"]
