"""Latencies and errors per endpoint, and the figures printed from them."""

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest rank: the smallest value with at least `share` of the values at or below it."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class Recorder:
    """What one phase of the run saw: latencies (ms) and errors by endpoint."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, Counter[str]] = field(default_factory=dict)
    throttled: Counter[str] = field(default_factory=Counter)  # 429s, retried after Retry-After

    def ok(self, endpoint: str, milliseconds: float) -> None:
        self.latencies.setdefault(endpoint, []).append(milliseconds)

    def error(self, endpoint: str, what: str) -> None:
        self.errors.setdefault(endpoint, Counter())[what] += 1

    @property
    def requests(self) -> int:
        return sum(map(len, self.latencies.values())) + self.error_count

    @property
    def error_count(self) -> int:
        return sum(sum(counter.values()) for counter in self.errors.values())

    def endpoints(self) -> list[str]:
        return sorted(set(self.latencies) | set(self.errors))


def summary(values: Sequence[float]) -> tuple[float, float, float]:
    """(p50, p95, p99) in the values' unit."""
    return percentile(values, 0.50), percentile(values, 0.95), percentile(values, 0.99)


def table(recorder: Recorder, seconds: float) -> list[str]:
    """One line per endpoint: count, rate, p50/p95/p99 (ms), errors."""
    lines = [f"    {'endpoint':<34} {'count':>7} {'req/s':>7} {'p50':>8} {'p95':>8} {'p99':>8}"
             "  errors"]
    for endpoint in recorder.endpoints():
        values = recorder.latencies.get(endpoint, [])
        errors = recorder.errors.get(endpoint, Counter())
        count = len(values) + sum(errors.values())
        p50, p95, p99 = summary(values)
        error_text = ", ".join(f"{what} x{n}" for what, n in errors.most_common()) or "0"
        lines.append(f"    {endpoint:<34} {count:>7} {count / seconds:>7.1f} {p50:>8.1f} "
                     f"{p95:>8.1f} {p99:>8.1f}  {error_text}")
    return lines


def median_of(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")
