from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse

from kaohe.web.views import health


@pytest.fixture(autouse=True)
def migrations_not_yet_checked(monkeypatch):
    """Each test starts as a fresh process would: the migration files not yet read."""
    monkeypatch.setattr(health, "migrations_applied", False)


def test_healthz_is_ok_when_the_database_answers_and_migrations_are_applied(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_names_pending_migrations(client, db):
    with mock.patch("kaohe.web.views.health.pending_migrations", return_value=["accounts.0002_x"]):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["pending_migrations"] == ["accounts.0002_x"]


def test_healthz_reports_an_unreachable_database(client, db):
    with mock.patch("kaohe.web.views.health.pending_migrations", side_effect=DatabaseError):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_healthz_reads_the_migration_files_once_per_process(client, db):
    with mock.patch.object(
        health, "pending_migrations", wraps=health.pending_migrations
    ) as reading:
        for _ in range(3):
            assert client.get(reverse("healthz")).json() == {"status": "ok"}
    assert reading.call_count == 1


def test_healthz_keeps_checking_while_a_migration_is_pending(client, db):
    with mock.patch.object(health, "pending_migrations", return_value=["accounts.0002_x"]):
        client.get(reverse("healthz"))
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
