"""One error hierarchy; ``user_message`` is what the CLI and the app show."""

from __future__ import annotations


class EventscapeError(Exception):
    """Base class: every error we expect carries a one-line message for the user."""

    @property
    def user_message(self) -> str:
        return str(self)


class UnusableInput(EventscapeError):
    """A file or text that cannot be turned into a document (empty, binary, unreadable)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(EventscapeError):
    """The store could not be read or written; nothing was changed."""


class ConfigurationError(EventscapeError):
    """A setting is wrong; the message says how to fix it."""


class ExtractionFailed(EventscapeError):
    """The pipeline failed on one document (a defect): that document is skipped, the rest go on."""

    def __init__(self, source: str, cause: BaseException) -> None:
        super().__init__(f"{source}: could not be processed ({type(cause).__name__}: {cause}); "
                         "skipped, the other documents were kept — please report this")
        self.source = source


STORE_UNCHANGED = "The store was left unchanged."


def user_message(exc: BaseException) -> str:
    """The one line the CLI and the app show for ``exc`` (ours say what to do; others name the defect)."""
    if isinstance(exc, EventscapeError):
        return exc.user_message
    return f"{type(exc).__name__}: {exc}"


def failed_ingest_message(messages: list[str]) -> str:
    """What a failed ingest says: why, once, and that nothing was written."""
    return "; ".join(messages) + " " + STORE_UNCHANGED
