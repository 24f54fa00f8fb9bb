"""Benchmarks: the pipeline against its baselines, measured in the same run (see README.md)."""
