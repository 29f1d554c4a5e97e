"""`spoorwijzer serve` starts a real gunicorn server that answers on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_serve_answers_with_the_dutch_login_page(tmp_path):
    port = free_port()
    env = {**os.environ, "SPOORWIJZER_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "spoorwijzer.cli", "serve", "--poort", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120  # a loaded CI machine boots slowly
        while True:
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/inloggen/", timeout=2).read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        assert '<html lang="nl">' in body and "Inloggen" in body
        css = urllib.request.urlopen(f"http://127.0.0.1:{port}/static/web/style.css", timeout=2)
        assert css.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_served_app_names_no_server_and_with_https_redirects_and_sends_hsts(tmp_path):
    """Issue 10, item 14, on the real gunicorn: no Server banner; with SPOORWIJZER_HTTPS=1 plain http is sent to
    https and a request that came over TLS (the proxy's X-Forwarded-Proto) gets HSTS and no-store."""
    port = free_port()
    env = {**os.environ, "SPOORWIJZER_DATA_DIR": str(tmp_path), "SPOORWIJZER_HTTPS": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "spoorwijzer.cli", "serve", "--poort", str(port), "--workers", "1"],
        env=env,
        stdout=(tmp_path / "server.log").open("wb"),
        stderr=subprocess.STDOUT,
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        deadline = time.monotonic() + 120  # a loaded CI machine boots slowly
        while True:
            try:
                opener.open(f"http://127.0.0.1:{port}/inloggen/", timeout=2)
                raise AssertionError("plain http was served")
            except urllib.error.HTTPError as exc:
                plain = exc
                break
            except OSError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        assert plain.code == 301 and plain.headers["Location"] == f"https://127.0.0.1:{port}/inloggen/"
        assert plain.headers.get("Server") is None
        tls = urllib.request.Request(f"http://127.0.0.1:{port}/inloggen/", headers={"X-Forwarded-Proto": "https"})
        for attempt in range(3):  # the worker's first page imports the views; on a loaded machine that can pass
            try:  # gunicorn's 30 s worker timeout (a 500 from gunicorn itself, "WORKER TIMEOUT" in its log)
                r = opener.open(tls, timeout=60)
                break
            except urllib.error.HTTPError as exc:
                log = (tmp_path / "server.log").read_text()
                if attempt == 2 or "WORKER TIMEOUT" not in log:
                    raise AssertionError(log[-3000:]) from exc
        assert r.status == 200 and r.headers.get("Server") is None
        assert r.headers["Strict-Transport-Security"] == "max-age=31536000"
        assert r.headers["Cache-Control"] == "no-store" and "script-src 'self'" in r.headers["Content-Security-Policy"]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
