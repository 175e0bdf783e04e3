"""Use cases the GUI and the CLI share. Long jobs take cancel and progress callbacks."""

# Importing the kind registry installs its names as the kinds storage, the
# export filters and the session-file checks accept (see ``domain.kinds``):
# every use case runs with them, whichever service module is imported first.
import workbench.kinds  # noqa: F401
