"""Confirmation document rendering to PDF and printer (step 5)."""
