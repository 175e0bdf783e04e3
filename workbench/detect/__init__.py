"""Claim detection: plain text in, candidate claims out. No storage, no GUI."""
