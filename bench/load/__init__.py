"""Modules of bench/load_bench.py and bench/simulator_soak.py (bench/ is their sys.path[0])."""
