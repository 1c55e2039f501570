"""Deep-link shim for /explore on a fresh server; see ui/router.py. The page itself is explore_page.py."""

from ui.router import route

route()
