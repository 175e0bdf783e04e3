"""Evidence finder: the passages of a source that bear on a claim."""
