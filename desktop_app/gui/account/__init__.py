"""The account around the window: login, sync, settings, about, diagnostics."""
