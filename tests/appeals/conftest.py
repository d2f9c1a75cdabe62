"""Appeals reuse the results fixtures: the 张家港 cycle, published on Monday 2020-07-06."""

from tests.results.conftest import browser, bureau, page, published

__all__ = ["browser", "bureau", "page", "published"]
