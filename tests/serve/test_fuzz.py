"""The API against its own OpenAPI schema: schemathesis generates requests for every operation,
valid and not, and no answer may be a server error. Bounded: a few dozen requests per operation.
(Driven through Hypothesis directly: schemathesis's pytest plugin does not run on this pytest.)"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from veille.serve import create_app

TOKEN = "fuzz-token"
EXAMPLES = 30  # requests per operation
pytestmark = pytest.mark.slow


def test_no_request_makes_a_server_error(linked_db: str) -> None:
    # schemathesis asks as "testserver", a name the app must be told it answers to
    app = create_app(linked_db, token=TOKEN, allowed=["testserver"])
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  derandomize=True, database=None)
        def no_server_error(case: schemathesis.Case) -> None:
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text[:300]}"

        no_server_error()
