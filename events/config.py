"""Every setting Eventscape reads from the environment, in one table, validated in one place.

``SETTINGS`` is the table (name, default, help) that the README's "Settings" section documents
(a meta-test fails when they drift); ``Settings.from_env()`` reads and validates them once and is
passed to what needs it.  A wrong value fails at start with a message that says how to fix it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from events.errors import ConfigurationError
from events.resources import DATA_DIR


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


STORE = "EVENTSCAPE_STORE"
GEOCODER = "EVENTSCAPE_GEOCODER"
GEOCODER_USER_AGENT = "EVENTSCAPE_GEOCODER_USER_AGENT"
GEOCODER_CACHE = "EVENTSCAPE_GEOCODER_CACHE"
PUBLIC_URL = "EVENTSCAPE_PUBLIC_URL"
GEOCODER_BACKENDS = ("nominatim",)
_OFF = ("", "off", "none", "0", "false")

SETTINGS: tuple[Setting, ...] = (
    Setting(STORE, "data/store", "the store folder (Delta tables) the app reads and `build` writes"),
    Setting(GEOCODER, "off", "an online geocoder for names the embedded gazetteer lacks: off or nominatim"),
    Setting(GEOCODER_USER_AGENT, "", "required with nominatim: a name identifying your application"),
    Setting(GEOCODER_CACHE, "~/.cache/eventscape/geocode.sqlite", "where online answers are cached"),
    Setting(PUBLIC_URL, "", "the app's public address (e.g. `https://eventscape.example.org/`) that shared links "
                            "and export stamps name; unset: the address the browser used"),
)


def store_path(env: Mapping[str, str] | None = None) -> Path:
    """The store folder: ``$EVENTSCAPE_STORE`` or ``data/store/`` in the repository."""
    value = (os.environ if env is None else env).get(STORE)
    return Path(value) if value else DATA_DIR / "store"


def public_url(env: Mapping[str, str] | None = None) -> str:
    """The app's public address (``$EVENTSCAPE_PUBLIC_URL``), or "" when unset; read when a link is made."""
    return (os.environ if env is None else env).get(PUBLIC_URL, "").strip()


@dataclass(frozen=True)
class Settings:
    store_path: Path
    geocoder: str | None  # None: the embedded gazetteer only
    geocoder_user_agent: str
    geocoder_cache: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read and validate every setting; raises ``ConfigurationError`` with the fix."""
        env = os.environ if env is None else env
        backend = env.get(GEOCODER, "").strip().lower()
        agent = env.get(GEOCODER_USER_AGENT, "").strip()
        if backend in _OFF:
            geocoder = None
        elif backend not in GEOCODER_BACKENDS:
            raise ConfigurationError(
                f"{GEOCODER}={backend!r} is not a known geocoder: set it to one of {', '.join(GEOCODER_BACKENDS)} "
                f"or unset it to use only the embedded gazetteer"
            )
        elif backend == "nominatim" and not agent:
            raise ConfigurationError(
                f"{GEOCODER}=nominatim needs {GEOCODER_USER_AGENT} set to a name identifying your application "
                f"(Nominatim's usage policy), e.g. export {GEOCODER_USER_AGENT}='eventscape-yourname'"
            )
        else:
            geocoder = backend
        cache = env.get(GEOCODER_CACHE) or str(Path.home() / ".cache" / "eventscape" / "geocode.sqlite")
        return cls(store_path(env), geocoder, agent, Path(cache))
