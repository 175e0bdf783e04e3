#!/bin/sh
# Adds Fact-Check Workbench to your applications menu (Linux), so it starts with a
# click and opens .html, .txt and session (.json) files: ./install-desktop.sh
# To remove the menu entry and the icon again: ./install-desktop.sh --uninstall
# The entry starts the workbench-app in this folder: run this again if you move it.
set -e
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/workbench-app" install-desktop "$@"
