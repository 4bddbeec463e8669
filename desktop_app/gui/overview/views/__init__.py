"""Saved views of the order list and its column chooser (issue 14, items 2 and 3)."""
