"""The kinds of claim, as the window's pickers and the command line's help list them."""

from __future__ import annotations

from workbench.domain.kinds import known_kinds


def kind_names() -> list[str]:
    """Every kind of claim the workbench knows, in the kind registry's order.

    The registry's names, as storage accepts them: a kind added as a spec in
    ``workbench.kinds`` is listed with no other change.
    """
    return list(known_kinds())


def kind_label(name: str) -> str:
    """How a kind reads in a picker: "Figure"."""
    return name.capitalize()
