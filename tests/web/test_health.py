from unittest import mock

from django.db import DatabaseError
from django.urls import reverse


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
