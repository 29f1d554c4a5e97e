"""The live OpenAPI description, fuzzed with schemathesis for every role: whatever a caller sends, the API
answers without a server error and as its description says (status, content type, body). Path ids are
drawn from real cases of both tenants (so refusals are exercised too), not only from random numbers.

Kept small on purpose (a few examples per operation and role): this runs in the suite on both databases.
A longer run: SCHEMATHESIS_VOORBEELDEN=200 uv run pytest tests/api/test_schemathesis.py"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from spoorwijzer.wsgi import application
from tests.api.test_api import token_for
from tests.world import ROLLEN

VOORBEELDEN = int(os.environ.get("SCHEMATHESIS_VOORBEELDEN", "5"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def wsgi_in_test_transaction():
    """Schemathesis calls the real WSGI application, which (unlike Django's test client) sends request_started and
    request_finished, and so runs `close_old_connections` around every request. Inside the test's transaction the
    connection's autocommit is off, which that function reads as "left in a bad state" and closes the connection:
    a no-op for SQLite's in-memory test database, but on PostgreSQL it closes the real connection, and the next
    query (the first operation after the schema request, GET /berekeningen/) got "the connection is closed" as a
    500. Django's own test client disconnects the same two receivers for the same reason; so does this fixture.
    In production every request runs outside a transaction and the receivers stay (CONN_MAX_AGE needs them)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(world):
    return {rol: token_for(getattr(world.users, rol)) for rol in ROLLEN}


def test_api_for_every_role(world, tokens, wsgi_in_test_transaction):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    ids = [world.anna.pk, world.bert.pk, world.cor.pk]  # Cor's case is the other tenant's
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=VOORBEELDEN,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            for name, value in list((case.path_parameters or {}).items()):
                if name in ("id", "pk") and isinstance(value, int) and value % 4 != 3:
                    case.path_parameters[name] = ids[value % 4]
            for rol in ROLLEN:
                case.call_and_validate(headers={"Authorization": f"Token {tokens[rol]}"}, checks=CHECKS)

        run()
