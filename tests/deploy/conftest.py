"""Markers for the deployment tests."""


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: builds a clean virtual environment (about a minute); part of the suite")
