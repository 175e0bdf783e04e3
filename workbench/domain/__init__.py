"""Plain types and rules, free of storage and GUI."""
