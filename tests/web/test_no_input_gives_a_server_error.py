"""Every URL pattern × every role, fuzzed: generated values — not numbers, huge, negative, NaN,
unicode, control characters, empty, lists — in every form field and query parameter never give
a server error.

The permission walk knows the URL patterns, who may open each and the world they open on; this
test reuses it. The fields to fill are read from the pages themselves (every form, button and
link of the pages an app shows), beside the walk's own data, so a new form is fuzzed without
listing it here. Hypothesis draws a fixed number of examples per door and role, derandomized, so
that a run is repeatable and bounded.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaohe.accounts.roles import Role
from tests.web.test_permission_walk import DOORS, Door, rolled_back, world  # noqa: F401

HUGE = "9" * 29
NASTY = [
    "abc",
    HUGE,
    "-" + HUGE,
    "-1",
    "0",
    "1.5",
    "1e999999",
    "NaN",
    "sNaN",
    "-Infinity",
    "²",
    "١٢",
    "",
    " ",
    "\x00",
    "\x01\x1f",
    '=HYPERLINK("http://evil.example","点我")',
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "2020-02-30",
    "99999-01-01",
    "2020-Q9",
    "长" * 5000,
]
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
HOSTILE = st.one_of(st.sampled_from(NASTY), TEXT, st.integers(-(10**30), 10**30).map(str))
GROUPS = sorted({name.partition(":")[0] if ":" in name else "site" for name in DOORS})
# Examples per door: a role let in goes through the view's parsing, a refused one only knocks.
LET_IN_EXAMPLES, REFUSED_EXAMPLES = 8, 1


@dataclass
class Fields:
    """What a door is sent: each field's name with the values the pages offer for it."""

    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, name: str, value: str | None) -> None:
        self.values[name].update([] if value is None else [value])


class PageForms(HTMLParser):
    """The targets a page sends to (forms, formaction buttons, htmx, links with a query) and the
    fields each is sent."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url
        self.targets: dict[str, Fields] = defaultdict(Fields)
        self.form: list[str] = []
        self.select = ""

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs = {name: value or "" for name, value in attributes}
        if tag == "form":
            self.form = [self.target(attrs.get("action") or self.page_url)]
        for key in ("formaction", "hx-post", "hx-get"):
            if attrs.get(key) and self.form:
                self.form.append(self.target(attrs[key]))
        if tag == "a" and "?" in attrs.get("href", ""):
            target = self.target(attrs["href"])
            for name, value in parse_qsl(urlsplit(attrs["href"]).query, keep_blank_values=True):
                self.targets[target].add(name, value)
        if tag in {"input", "select", "textarea", "button"} and attrs.get("name"):
            self.select = attrs["name"] if tag == "select" else ""
            self.fill(attrs["name"], attrs.get("value") if tag in {"input", "button"} else None)
        if tag == "option" and self.select:
            self.fill(self.select, attrs.get("value"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = []

    def target(self, url: str) -> str:
        return urlsplit(urljoin(self.page_url, url)).path

    def fill(self, name: str, value: str | None) -> None:
        if name != "csrfmiddlewaretoken":
            for target in self.form:
                self.targets[target].add(name, value)


def door_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


def read_fields(users: dict[str, Any], ids: dict[str, Any], group: str) -> dict[str, Fields]:
    """The fields each door is sent, read from every page of the group the walk can open."""
    found: dict[str, Fields] = defaultdict(Fields)
    for name, door in group_doors(group):
        if door.method != "get":
            continue
        url = door_url(name, door, ids)
        client = logged_in(users[sorted(door.allowed)[0]])
        response = rolled_back(client, "get", url, {})
        if "html" not in response.get("Content-Type", ""):
            continue
        page = PageForms(url)
        page.feed(response.content.decode())
        for path, fields in page.targets.items():
            target = door_name(path)
            for key, values in fields.values.items():
                target and found[target].values[key].update(values)
    return found


def group_doors(group: str) -> list[tuple[str, Door]]:
    def group_of(name: str) -> str:
        return name.partition(":")[0] if ":" in name else "site"

    return [(name, door) for name, door in sorted(DOORS.items()) if group_of(name) == group]


def door_url(name: str, door: Door, ids: dict[str, Any]) -> str:
    return reverse(name, args=[ids[key] for key in door.args])


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def sent_values(door: Door, fields: Fields, ids: dict[str, Any]) -> dict[str, st.SearchStrategy]:
    """Per field: the values the page offers or the walk sends, a hostile value, or a list."""
    offered = {name: set(values) for name, values in fields.values.items()}
    for name, value in door.data.items():
        offered.setdefault(name, set()).add(str(ids[value[1:]] if value[0] == "@" else value))
    return {
        name: st.one_of(
            st.sampled_from(sorted(values)) if values else HOSTILE,
            HOSTILE,
            st.lists(HOSTILE, min_size=2, max_size=3),
        )
        for name, values in offered.items()
    }


def fuzz(client_for: Any, door: Door, url: str, strategies: dict[str, Any], examples: int) -> None:
    request_data = st.fixed_dictionaries({}, optional=strategies)

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=request_data, htmx=st.booleans())
    def knock(data: dict[str, Any], htmx: bool) -> None:
        extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        response = rolled_back(client_for(), door.method, url, data, **extra)
        assert response.status_code < 500, (url, data, response.status_code)

    knock()


@pytest.mark.parametrize("group", GROUPS)
def test_no_generated_input_gives_a_server_error(group, world):
    users, ids = world
    fields = read_fields(users, ids, group)
    for name, door in group_doors(group):
        url = door_url(name, door, ids)
        strategies = sent_values(door, fields.get(name, Fields()), ids)
        for role in sorted(Role):
            examples = LET_IN_EXAMPLES if role in door.allowed else REFUSED_EXAMPLES
            fuzz(lambda role=role: logged_in(users[role]), door, url, strategies, examples)
