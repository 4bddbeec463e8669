"""Use cases of the reference backend; routes stay thin."""
