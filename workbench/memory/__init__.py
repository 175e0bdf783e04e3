"""Claim memory: claims already reviewed that say the same thing as a new one."""
