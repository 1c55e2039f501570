"""Temporal engine internals; the public API is ``events.timex``."""
