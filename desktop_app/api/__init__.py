"""Client side of the backend contract: session, auth, retries, typed errors (step 2)."""
