"""Repeatable measurements of the site: `make bench` (python -m benchmarks)."""
