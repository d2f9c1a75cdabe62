"""A request declaring a body over the upload cap (plus a margin for the form) is answered 413
before any of it is read: the test client's payload raises if Django reads past its few bytes."""

from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.uploads import max_request_bytes

MB = 1024 * 1024


def test_a_300_mb_body_is_refused_before_it_is_read(login):
    client = login(Role.OFFICE)
    response = client.generic(
        "POST",
        reverse("schemes:import"),
        b"--x--",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(300 * MB),
    )
    assert response.status_code == 413
    assert "上传内容过大：每个文件不得超过 20 MB" in response.content.decode()


def test_the_cap_follows_the_upload_setting(login, settings):
    settings.UPLOAD_MAX_MB = 2
    client = login(Role.OFFICE)
    assert max_request_bytes() == 3 * MB
    over = client.generic("POST", reverse("schemes:import"), b"", CONTENT_LENGTH=str(3 * MB + 1))
    assert over.status_code == 413 and "不得超过 2 MB" in over.content.decode()


def test_a_body_within_the_cap_goes_through(login):
    client = login(Role.OFFICE)
    response = client.post(reverse("schemes:import"), {"text": ""})
    assert response.status_code == 302
