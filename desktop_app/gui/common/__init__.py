"""Helpers every window uses: background work, errors, formatting, forms, resources,
translations and stored settings."""
