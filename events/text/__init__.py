"""Text helpers every stage shares: sentence bounds, datelines, tense and future cues — one of each.

``sentences.py``, ``datelines.py`` and ``tense.py`` import nothing from the rest of ``events`` (a
meta-test checks it), so any stage can use them without an import cycle.  Where two stages read
the same thing differently (a sentence split for events vs. one for anchoring dates), both
readings live side by side in the one module, named for what they are used for.
"""
