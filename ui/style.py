"""Colours and labels shared by every view (web and exports)."""

from __future__ import annotations

# PLOVER categories, cooperative first (cool colours), then conflictual (warm).
TYPE_COLORS: dict[str, tuple[int, int, int]] = {
    "AGREE": (31, 119, 180),
    "CONSULT": (23, 190, 207),
    "SUPPORT": (44, 160, 44),
    "COOPERATE": (152, 223, 138),
    "AID": (148, 103, 189),
    "RETREAT": (197, 176, 213),
    "REQUEST": (127, 127, 127),
    "ACCUSE": (255, 187, 120),
    "REJECT": (255, 127, 14),
    "THREATEN": (227, 119, 194),
    "PROTEST": (188, 189, 34),
    "SANCTION": (140, 86, 75),
    "MOBILIZE": (219, 219, 141),
    "COERCE": (214, 39, 40),
    "ASSAULT": (150, 0, 0),
}
OTHER_COLOR: tuple[int, int, int] = (160, 160, 160)


def type_color(event_type: str) -> tuple[int, int, int]:
    return TYPE_COLORS.get(event_type, OTHER_COLOR)


def type_hex(event_type: str) -> str:
    r, g, b = type_color(event_type)
    return f"#{r:02x}{g:02x}{b:02x}"


def type_order(types: list[str]) -> list[str]:
    """Known PLOVER order first, then anything else alphabetically."""
    known = [t for t in TYPE_COLORS if t in types]
    return known + sorted(t for t in set(types) if t not in TYPE_COLORS)
