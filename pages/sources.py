"""Deep-link shim for /sources on a fresh server; see ui/router.py. The page itself is sources_page.py."""

from ui.router import route

route()
