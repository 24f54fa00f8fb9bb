"""A dataset's publication is retried alone, on transient portal errors only, as portal.yaml says."""

from __future__ import annotations

import pytest

from desa_terbuka.publish.config import Client
from desa_terbuka.publish.portal import PortalError, TransientPortalError
from flows import retries as publish_flow

QUICK = Client.model_validate({"dataset_retries": 2, "dataset_retry_delay_seconds": 0.01})


class Flaky:
    def __init__(self, errors: list[Exception]):
        self.errors, self.calls = list(errors), 0

    def __call__(self, *args):
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return ("published", args)


@pytest.fixture(autouse=True)
def quick_policy(monkeypatch):
    monkeypatch.setattr(publish_flow, "client_config", lambda: QUICK)


def test_a_transient_error_is_retried_and_the_dataset_published():
    fn = Flaky([TransientPortalError("package_revise", "timeout")] * 2)
    assert publish_flow.retrying(fn)("portal", "plan") == ("published", ("portal", "plan"))
    assert fn.calls == 3


def test_retries_end_with_the_last_error():
    fn = Flaky([TransientPortalError("package_revise", f"timeout {k}") for k in range(5)])
    with pytest.raises(TransientPortalError, match="timeout 2"):
        publish_flow.retrying(fn)()
    assert fn.calls == 3  # the first try and dataset_retries


@pytest.mark.parametrize("error", [PortalError("package_create", "Validation Error"),
                                   TransientPortalError("package_show", "down", portal_down=True),
                                   ValueError("a bug")])
def test_no_retry_when_a_retry_cannot_help(error):
    fn = Flaky([error])
    with pytest.raises(type(error)):
        publish_flow.retrying(fn)()
    assert fn.calls == 1
