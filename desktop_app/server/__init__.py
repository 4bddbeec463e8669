"""Reference order backend (FastAPI)."""
