"""One simulated browser: a kept-alive HTTP connection to 127.0.0.1, its own cookies (session,
CSRF token, Django's messages), forms posted the way the pages post them."""

from __future__ import annotations

import html
import http.client
import re
import secrets
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

REQUEST_TIMEOUT_SECONDS = 120.0
LOGIN = "/accounts/login/"


@dataclass(frozen=True)
class Answer:
    status: int  # 0: no answer (connection refused or reset, timeout)
    body: bytes
    location: str
    seconds: float
    path: str  # of the page answered (the landing page when a redirect was followed)

    @property
    def failed(self) -> bool:
        """No answer, an error, or the login page (the session was lost)."""
        return self.status == 0 or self.status >= 400 or self.path.startswith(LOGIN)

    def says(self, text: str) -> bool:
        return text.encode() in self.body

    def messages(self) -> list[str]:
        """The messages the page shows (base.html: role="alert"; a finished import's outcome,
        imports/_progress.html: role="status")."""
        text = self.body.decode("utf-8", errors="replace")
        found = re.findall(r'role="(?:alert|status)">([^<]+)</div>', text)
        return [html.unescape(m) for m in found]


class Browser:
    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post(self, path: str, fields: dict[str, str], *, follow: bool = True) -> Answer:
        """A form post with the CSRF token; a redirect is followed as a browser would, the
        time of both requests counted."""
        body = urlencode({**fields, "csrfmiddlewaretoken": self.csrf_token()}).encode()
        answer = self.request("POST", path, body, "application/x-www-form-urlencoded")
        return self.followed(answer) if follow else answer

    def post_json(self, path: str, body: bytes) -> Answer:
        """A page's script posting a JSON body, the CSRF token in its header."""
        token = {"X-CSRFToken": self.csrf_token()}
        return self.request("POST", path, body, "application/json", token)

    def upload(self, path: str, field: str, name: str, content: bytes) -> Answer:
        boundary = f"----kaohe-load-{secrets.token_hex(8)}"
        body = multipart(
            boundary, {"csrfmiddlewaretoken": self.csrf_token()}, (field, name, content)
        )
        answer = self.request("POST", path, body, f"multipart/form-data; boundary={boundary}")
        return self.followed(answer)

    def followed(self, answer: Answer) -> Answer:
        if answer.status not in (301, 302, 303) or not answer.location:
            return answer
        landed = self.get(urlsplit(answer.location)._replace(scheme="", netloc="").geturl())
        return Answer(landed.status, landed.body, "", answer.seconds + landed.seconds, landed.path)

    def csrf_token(self) -> str:
        # Django accepts a token the client chose, as long as cookie and form agree.
        return self.cookies.setdefault("csrftoken", secrets.token_hex(16))

    def log_in(self, username: str, password: str) -> Answer:
        self.get(LOGIN)
        return self.post(LOGIN, {"username": username, "password": password}, follow=False)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        content_type: str = "",
        more: dict[str, str] | None = None,
    ) -> Answer:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(more or {})}
        if content_type:
            headers["Content-Type"] = content_type
        started = time.perf_counter()
        try:
            response, content = self.exchange(method, path, body, headers)
        except (OSError, http.client.HTTPException):
            self.close()
            return Answer(0, b"", "", time.perf_counter() - started, path)
        self.keep_cookies(response.msg.get_all("Set-Cookie") or [])
        if response.will_close:
            self.close()
        location = response.getheader("Location") or ""
        if response.status in (301, 302, 303) and urlsplit(location).path.startswith(LOGIN):
            path = LOGIN  # sent to log in: the page asked for was not answered
        return Answer(response.status, content, location, time.perf_counter() - started, path)

    def exchange(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[http.client.HTTPResponse, bytes]:
        """Sends the request and reads the whole answer. A kept-alive connection the server has
        closed meanwhile (gunicorn closes one idle for 2 s) is opened again once, as browsers do."""
        reused = self.connection is not None
        try:
            return self.send(method, path, body, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            if not reused:
                raise
            self.close()
            return self.send(method, path, body, headers)

    def send(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[http.client.HTTPResponse, bytes]:
        connection = self.connected()
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response, response.read()

    def connected(self) -> http.client.HTTPConnection:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_SECONDS
            )
        return self.connection

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


def multipart(boundary: str, fields: dict[str, str], file: tuple[str, str, bytes]) -> bytes:
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    field, filename, content = file
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
        f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode()
