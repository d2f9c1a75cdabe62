"""The idle-logout clock restarts as the user works, without a session write on every request:
on SQLite a write waits for the one write lock, so a page that only reads must not write."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kaohe.accounts.middleware import IDLE_CLOCK_KEY
from kaohe.accounts.roles import Role


def session_row(client):
    return Session.objects.get(session_key=client.session.session_key)


def idle_for(client, minutes):
    """Pretend the last request that restarted the clock was ``minutes`` ago."""
    session = client.session
    session[IDLE_CLOCK_KEY] -= minutes * 60
    session.save()
    expiry = timezone.now() + timedelta(minutes=30 - minutes)
    Session.objects.filter(session_key=session.session_key).update(expire_date=expiry)


def test_a_page_that_only_reads_does_not_write_the_session(login):
    client = login(Role.OFFICE)
    client.get(reverse("home"))  # the first request starts the clock
    expiry = session_row(client).expire_date

    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200

    writes = [
        q["sql"] for q in queries if "django_session" in q["sql"] and "SELECT" not in q["sql"]
    ]
    assert writes == []
    assert session_row(client).expire_date == expiry


def test_a_request_after_a_minute_restarts_the_idle_clock(login):
    client = login(Role.OFFICE)
    client.get(reverse("home"))
    idle_for(client, 5)

    assert client.get(reverse("home")).status_code == 200

    left = session_row(client).expire_date - timezone.now()
    assert timedelta(minutes=29) < left <= timedelta(minutes=30)


def test_thirty_idle_minutes_still_end_the_session(login):
    client = login(Role.OFFICE)
    client.get(reverse("home"))
    idle_for(client, 31)

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_logging_out_ends_the_session_on_the_server(login):
    client = login(Role.OFFICE)
    client.get(reverse("home"))
    key = client.session.session_key

    client.post(reverse("logout"))

    assert not Session.objects.filter(session_key=key).exists()
