"""`workbench install-desktop`: the applications-menu entry and icon a Linux desktop reads."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from workbench import desktop_entry
from workbench.cli import build_parser, files_to_window, main
from workbench.paths import resource

VALIDATOR = shutil.which("desktop-file-validate")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def exec_arguments(value: str) -> list[str]:
    """The argument vector a desktop builds from Exec (string-value unescaping, then the quoting rules)."""
    unescaped = value.replace("\\\\", "\\")
    return shlex.split(unescaped)


def test_install_desktop_writes_an_entry_that_opens_articles_and_session_files(data_home, capsys):
    assert main(["install-desktop"]) == 0

    entry = data_home / "applications" / "factcheck-workbench.desktop"
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / "factcheck-workbench.svg"
    assert str(entry) in capsys.readouterr().out
    fields = read_entry(entry)
    assert fields["Type"] == "Application"
    assert fields["Name"] == "Fact-Check Workbench"
    assert fields["Categories"] == "Office;"
    assert fields["MimeType"] == "text/html;text/plain;application/json;"
    assert fields["Icon"] == "factcheck-workbench"
    assert fields["Terminal"] == "false"
    assert icon.read_bytes() == resource("icons", "workbench.svg").read_bytes()
    # The entry starts this installation (here: the interpreter running the tests) on the files given.
    command = exec_arguments(fields["Exec"])
    assert command[-2:] == ["gui", "%F"]
    assert Path(command[0]).is_file()
    assert fields["TryExec"] == command[0]


@pytest.mark.skipif(VALIDATOR is None, reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_the_entry_passes_desktop_file_validate_even_for_a_folder_with_spaces_and_quotes(tmp_path):
    files = desktop_entry.install(['/opt/My Apps/"work" $bench/workbench-app'], home=tmp_path)
    checked = subprocess.run([VALIDATOR, str(files.entry)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout + checked.stderr
    exec_value = read_entry(files.entry)["Exec"]
    assert exec_value.startswith('"/opt/My Apps/\\\\"work\\\\" \\\\$bench/workbench-app" gui %F')


def test_a_folder_with_spaces_reaches_the_desktop_as_one_argument(tmp_path):
    files = desktop_entry.install(["/opt/My Apps/workbench-app"], home=tmp_path)
    assert exec_arguments(read_entry(files.entry)["Exec"]) == ["/opt/My Apps/workbench-app", "gui", "%F"]


def test_a_percent_sign_in_the_path_is_not_taken_for_a_field_code(tmp_path):
    files = desktop_entry.install(["/opt/100%F/workbench-app"], home=tmp_path)
    assert read_entry(files.entry)["Exec"] == "/opt/100%%F/workbench-app gui %F"


def test_installing_again_replaces_the_entry(tmp_path):
    desktop_entry.install(["/old/place/workbench-app"], home=tmp_path)
    files = desktop_entry.install(["/new/place/workbench-app"], home=tmp_path)
    assert read_entry(files.entry)["TryExec"] == "/new/place/workbench-app"
    assert sorted(p.name for p in files.entry.parent.glob("factcheck-workbench*")) == ["factcheck-workbench.desktop"]


def test_uninstall_removes_the_entry_and_icon_and_nothing_else(data_home, capsys):
    other = data_home / "applications" / "someone-else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert main(["install-desktop"]) == 0
    files = desktop_entry.desktop_files()

    assert main(["install-desktop", "--uninstall"]) == 0
    assert not files.entry.exists() and not files.icon.exists()
    assert other.exists()
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_an_unwritable_data_folder_is_said_plainly(data_home, capsys):
    data_home.write_text("a file where the folder should be", encoding="utf-8")
    assert main(["install-desktop"]) == 2
    err = capsys.readouterr().err
    assert "Could not write the menu entry" in err and "XDG_DATA_HOME" in err


def test_xdg_data_home_defaults_to_local_share_and_ignores_a_relative_value():
    default = Path.home() / ".local" / "share"
    assert desktop_entry.data_home({}) == default
    assert desktop_entry.data_home({"XDG_DATA_HOME": "relative/path"}) == default
    assert desktop_entry.data_home({"XDG_DATA_HOME": "/srv/data"}) == Path("/srv/data")


# A file manager starts the program with only the files: `workbench FILE...` opens them in the window.
def test_files_alone_are_opened_in_the_window(tmp_path):
    article = tmp_path / "article.html"
    article.write_text("<p>text</p>", encoding="utf-8")
    parser = build_parser()
    assert files_to_window(parser, [str(article)]) == ["gui", str(article)]
    assert files_to_window(parser, ["--db", "review.sqlite", str(article)]) == ["--db", "review.sqlite", "gui", str(article)]
    args = parser.parse_args(files_to_window(parser, [str(article), str(article)]))
    assert args.command == "gui" and args.files == [str(article), str(article)]


def test_commands_and_mistyped_commands_are_not_taken_for_files(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims").write_text("a file named like a command", encoding="utf-8")
    parser = build_parser()
    assert files_to_window(parser, ["claims", "article.txt"]) == ["claims", "article.txt"]
    assert files_to_window(parser, []) == []
    with pytest.raises(SystemExit):
        main(["claimz", "article.txt"])
    assert "invalid choice: 'claimz'" in capsys.readouterr().err
