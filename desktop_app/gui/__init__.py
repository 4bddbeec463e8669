"""Qt widgets, item models and workers (step 3)."""
