"""Use cases the GUI and the CLI share. Long jobs take cancel and progress callbacks."""
