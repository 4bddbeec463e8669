"""The benchmarks in bench/ run (tiny configurations; no timing asserted)."""
