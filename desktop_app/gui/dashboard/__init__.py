"""The dashboard page of the main window: tiles, orders per week, processing times."""
