"""The command line: ``python -m events ...`` (``main.py``) and its JSONL tools (timex, geoparse, bench, demo)."""
