"""Re-checking articles: fetch again, keep every version, re-anchor every claim.

``anchor`` and ``diff`` are pure functions over texts; ``service`` fetches,
stores and applies; ``jobs`` wraps the service for the GUI's worker pool.
Nothing here imports Qt.
"""
