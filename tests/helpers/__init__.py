"""Fixtures and factories shared by the test packages."""
