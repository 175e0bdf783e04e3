"""The bundle's one executable, ``workbench-app``: the same entry as the ``workbench`` command.

With no command it opens the window; with a command (``workbench-app claims …``,
``--version``) it is the command line; with only files (a double click in a file
manager) it opens them in the window (``workbench.cli.files_to_window``).
"""

import os
import sys

if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
    # Qt's plugins (platforms, image formats) are the bundle's own, never a system
    # Qt's from the user's environment. (The spec leaves out PyInstaller's hook
    # that would also set this, because it loads Qt even for the command line.)
    os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")

from workbench.cli import main  # noqa: E402 (after the environment Qt reads)

if __name__ == "__main__":
    sys.exit(main())
