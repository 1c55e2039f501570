"""Participants no dictionary codes: a proper name in the trigger's clause ("KKR bought RJR") stands
for the article's home state.
"""

from __future__ import annotations

from collections.abc import Sequence

from events.assemble.clauses import Token, TriggerHit, _covered

_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split())
_NOT_NAMES = frozenset("i a an the this that these those he she it we they in on at after before when while "
                       "if as but and yesterday today earlier later meanwhile still also mr mrs ms dr".split())


def named_participant(toks: Sequence[Token], clauses: Sequence[int], hit: TriggerHit,
                      blocked: Sequence[tuple[int, int]]) -> str:
    """A proper name in the trigger's clause that no dictionary codes ("KKR bought RJR", "Keating's
    convictions were thrown out", "Governor Jane Miller toured"), read as a participant of the article's
    home state: the agent before the trigger, or after "by" in a passive."""
    idx = [k for k, c in enumerate(clauses) if c == hit.clause]
    if hit.passive:
        by = next((k for k in idx if toks[k].low == "by" and toks[k].start >= hit.end), None)
        idx = [k for k in idx if by is not None and k > by] or [k for k in idx if toks[k].end <= hit.start]
    else:
        idx = [k for k in idx if toks[k].end <= hit.start]
    for k in idx:
        tok = toks[k]
        if not tok.text[:1].isupper() or not tok.text[:1].isalpha() or tok.low in _CALENDAR or tok.low in _NOT_NAMES:
            continue
        if _covered(tok.start, tok.end, blocked):
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        first = k == 0 or toks[k - 1].text in ('"', "“", "(", "--", "_", ":", "—", "–")
        if first and not (nxt is not None and (nxt.text[:1].isupper() or tok.text.endswith(("'s", "’s")))):
            continue  # a capital that only opens the sentence is no name
        return tok.text
    return ""
