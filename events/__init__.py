"""Eventscape: turn news pages into dated, placed, attributed event records."""

__version__ = "0.1.0"
