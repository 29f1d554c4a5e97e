"""Users for the load test (bench_load.py starts locust headless with this file).

A casemanager who works the dashboard and opens cases in the browser (session login, real HTTP, every
page rendered by gunicorn), and an HR/payroll integration that reads and writes through the REST API.
The writes carry a unique marker so that bench_load.py can count afterwards that every acknowledged write
is stored exactly once. FastHttpUser (geventhttpclient) instead of HttpUser (requests): the load generator
runs on the same 2 cores as the server and used ~3 ms of CPU per request with requests; the requests and
their mix are the same."""

from __future__ import annotations

import json
import os
import random
import re
import uuid
from pathlib import Path

from locust import between, constant, task
from locust.contrib.fasthttp import FastHttpUser

SETUP = json.loads(Path(os.environ["SPOORWIJZER_LOAD_SETUP"]).read_text())
THINK = float(os.environ.get("SPOORWIJZER_LOAD_THINK", "1"))
MARKER = SETUP["marker"]


def think():
    return between(0.5 * THINK, 1.5 * THINK) if THINK else constant(0)


class Casemanager(FastHttpUser):
    weight = 4
    wait_time = think()

    def on_start(self):
        # a session made beforehand (bench_load.py logs in once per user): the password hash (Argon2, slow on
        # purpose) is the cost of logging in, not of working
        self.cookie = {"Cookie": f"sessionid={SETUP['sessions'].pop()}"}
        self.next_cursor = None

    def get(self, path: str, name: str):
        """A page as the logged-in casemanager: anything but 200 (a redirect to the login page) is an error."""
        with self.client.get(path, name=name, headers=self.cookie, allow_redirects=False, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code}")
        return r

    @task(4)
    def dashboard(self):
        r = self.get("/", name="dashboard")
        m = re.search(r'href="\?([^"]*na=[^"&]+)"', r.text)
        self.next_cursor = m.group(1).replace("&amp;", "&") if m else None

    @task(2)
    def dashboard_next_page(self):
        if self.next_cursor:
            r = self.get("/?" + self.next_cursor, name="dashboard next page")
            m = re.search(r'href="\?([^"]*na=[^"&]+)"', r.text)
            self.next_cursor = m.group(1).replace("&amp;", "&") if m else None

    @task(1)
    def dashboard_deep_page(self):
        self.get("/?na=" + random.choice(SETUP["deep_cursors"]), name="dashboard deep page")

    @task(2)
    def dashboard_overdue(self):
        self.get("/?status=te_laat", name="dashboard overdue")

    @task(1)
    def employer_type_ahead(self):
        name = random.choice(SETUP["employers"])
        self.get(f"/werkgevers/?werkgever_naam={name[:-2]}", name="employer type-ahead")
        self.get(f"/?werkgever_naam={name}", name="dashboard employer filter")

    @task(4)
    def case_page(self):
        self.get(f"/dossier/{random.choice(SETUP['cases'])}/", name="case page")

    @task(2)
    def case_page_track2(self):
        self.get(f"/dossier/{random.choice(SETUP['track2_cases'])}/", name="case page track 2 (100+ entries)")


class Integratie(FastHttpUser):
    """An HR or payroll system: reads cases and deadlines, records progress talks (a write)."""

    weight = 1
    wait_time = think()

    def on_start(self):
        self.auth = {"Authorization": f"Token {SETUP['api_token']}"}

    def get(self, path: str, name: str):
        return self.client.get(path, name=name, headers=self.auth)

    @task(2)
    def list_cases(self):
        self.get("/api/v1/gevallen/?status=te_laat&aantal=50", name="api cases overdue")

    @task(2)
    def deadlines(self):
        self.get(f"/api/v1/gevallen/{random.choice(SETUP['cases'])}/termijnen/", name="api deadlines")

    @task(3)
    def record(self):
        case = random.choice(SETUP["write_cases"])
        body = {
            "code": "voortgangsgesprek",
            "datum": SETUP["today"],
            "data": {"verslag": "Voortgang besproken, volgende stap afgesproken."},
            "toelichting": f"{MARKER} {uuid.uuid4()}",
        }
        with self.client.post(
            f"/api/v1/gevallen/{case}/gebeurtenissen/",
            json=body,
            name="api record event",
            catch_response=True,
            headers=self.auth,
        ) as r:
            if r.status_code == 201:
                r.success()
                with open(SETUP["ack_file"], "a") as f:  # what the server acknowledged, counted afterwards
                    f.write(body["toelichting"] + "\n")
            else:
                r.failure(f"{r.status_code}: {r.text[:200]}")
