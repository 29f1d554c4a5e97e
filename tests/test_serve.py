"""`spoorwijzer serve` starts a real gunicorn server that answers on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
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
        deadline = time.monotonic() + 30
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
