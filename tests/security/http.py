"""A real server for tests that need real HTTP and real processes: `spoorwijzer demo` (gunicorn) in a
subprocess on a free port, and a small browser-less client with its own cookies (one per thread)."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

DEMO_PASSWORD = "spoorwijzer-demo"


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@contextmanager
def demo_server(data_dir, workers: int = 4, database_url: str | None = None, extra_env: dict | None = None):
    """`spoorwijzer demo` on a free port: migrate, demo data, gunicorn with several worker processes."""
    port = free_port()
    env = {**os.environ, "SPOORWIJZER_DATA_DIR": str(data_dir), "SPOORWIJZER_DEMO_ZONDER_2FA": "1"}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra_env or {})
    log_path = os.path.join(data_dir, "server.log")
    log = open(log_path, "wb")  # noqa: SIM115 (closed in finally, after the server stops)
    proc = subprocess.Popen(
        [sys.executable, "-m", "spoorwijzer.cli", "demo", "--poort", str(port), "--workers", str(workers)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=data_dir,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/inloggen/", timeout=2).read()
                break
            except OSError:
                assert proc.poll() is None, Path(log_path).read_text()[-3000:]
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)  # gunicorn stops its workers first; slow on a loaded machine
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One user agent: cookies, CSRF token, no automatic redirects (a 302 is an answer too)."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, path: str, data: dict | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + "/", **(headers or {})}
        )
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)

    def csrf(self, path: str) -> str:
        status, body, _ = self.request(path)
        assert status == 200, (path, status, body[:500])
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)

    def login(self, username: str, password: str = DEMO_PASSWORD) -> int:
        token = self.csrf("/inloggen/")
        status, body, headers = self.request(
            "/inloggen/", {"csrfmiddlewaretoken": token, "username": username, "password": password}
        )
        return status
