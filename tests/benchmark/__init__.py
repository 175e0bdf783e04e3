"""Benchmarks run by `make bench` and by hand; not collected by pytest."""
