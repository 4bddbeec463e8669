"""Settings of one reference-server instance."""

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    # Simulated time runs this many times faster than real time (demo mode uses ~60).
    clock_speed: float = 1.0
    access_token_ttl: timedelta = timedelta(minutes=15)
    refresh_token_ttl: timedelta = timedelta(days=30)
    tombstone_retention: timedelta = timedelta(days=30)
    # Seconds between processing-simulator rounds; 0 switches the background thread off.
    simulator_interval: float = 2.0
    # Lets a clerk simulate the customer's approval link (reference server only).
    demo_approvals: bool = True
