"""Deep-link shim for /actors on a fresh server; see ui/router.py. The page itself is actors_page.py."""

from ui.router import route

route()
