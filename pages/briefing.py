"""Deep-link shim for /briefing on a fresh server; see ui/router.py. The page itself is briefing_page.py."""

from ui.router import route

route()
