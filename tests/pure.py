"""For test modules that need no Plone site (pure functions): importing
these two fixtures into a module replaces, for its tests only, the
session-wide autouse fixtures of tests/conftest.py that keep the Plone
layers up, so that such a module runs in a second, not in 16."""

import pytest


@pytest.fixture
def _keep_functional_session():
    return None


@pytest.fixture
def _keep_integration_session():
    return None
