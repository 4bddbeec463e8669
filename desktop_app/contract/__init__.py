"""Backend contract v1: the wire format as pydantic models, shared by api and server."""

API_PREFIX = "/api/v1"
PROBLEM_MEDIA_TYPE = "application/problem+json"
