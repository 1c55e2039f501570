"""Session-wide browser fixtures: one server per store and one Chromium for all browser tests."""

from tests.browser.support import browser, demo_server, hostile_server, out_dir, server, stores  # noqa: F401
