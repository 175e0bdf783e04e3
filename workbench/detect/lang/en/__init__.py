"""English: the language the detectors were written for, and their default."""
