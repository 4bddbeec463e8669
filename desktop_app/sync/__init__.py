"""Pulls the change feed into the cache, resumably (step 2)."""
