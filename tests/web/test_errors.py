import pytest
from django.test import RequestFactory
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.web.views import errors


def test_a_missing_page_is_a_chinese_404_without_a_traceback(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page
    assert "Traceback" not in page and "Page not found" not in page


def test_a_forbidden_page_is_a_chinese_403(login):
    response = login(Role.REPORTER).get(reverse("audit:entries"))
    assert response.status_code == 403
    assert "没有权限" in response.content.decode()


def test_the_server_error_page_says_sorry_in_chinese(db):
    request = RequestFactory().get("/")
    response = errors.server_error(request)
    assert response.status_code == 500
    assert "系统出错" in response.content.decode()


@pytest.mark.urls("tests.web.failing_urls")
def test_an_exception_in_a_view_shows_the_500_page_not_the_exception(client, db):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "系统出错" in page
    assert "秘密细节" not in page


def test_a_form_posted_without_csrf_token_is_refused_in_chinese(db, org):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(org.users[Role.SECURITY_ADMIN])
    response = client.post(reverse("accounts:unlock", args=[org.users[Role.REPORTER].pk]))
    assert response.status_code == 403
    assert "页面已过期" in response.content.decode()


def test_opening_a_form_action_in_the_address_bar_says_why_in_chinese(login):
    # 「退出」 only takes a POST; a user who types or bookmarks its address gets a Chinese page.
    response = login(Role.REPORTER).get(reverse("logout"))
    assert response.status_code == 405
    page = response.content.decode()
    assert "不能这样访问此页面" in page
    assert "POST" in response["Allow"]
