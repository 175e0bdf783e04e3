"""`workbench team`: set up a team on one PostgreSQL database, and name yourself.

team grant ROLE...
    run by the database owner: each ROLE may open, review and import
    (through the group role workbench_reviewer; history stays append-only)
team name ["Alice Smith"]
    show, or set, the name your changes are shown under (once per database
    role on PostgreSQL; for your login name on a SQLite file)
"""

from __future__ import annotations

import argparse
import os

from workbench.cli.common import open_db


def register(subparsers: argparse._SubParsersAction) -> None:
    from workbench.cli import add_db_option

    team = subparsers.add_parser("team", help="a team on one PostgreSQL database: grants and names")
    add_db_option(team)
    commands = team.add_subparsers(dest="team_command", metavar="TEAM_COMMAND", required=True)

    grant = commands.add_parser(
        "grant", help="(database owner) let each ROLE open, review and import"
    )
    grant.add_argument("roles", metavar="ROLE", nargs="+", help="a PostgreSQL login role")
    add_db_option(grant)
    grant.set_defaults(func=grant_command)

    name = commands.add_parser("name", help="show or set the name your changes are shown under")
    name.add_argument("name", metavar="NAME", nargs="?", default=None)
    add_db_option(name)
    name.set_defaults(func=name_command)


def grant_command(args: argparse.Namespace) -> int:
    from workbench.services.team import GROUP, grant_reviewers

    db = open_db(args)
    try:
        for role in grant_reviewers(db, args.roles):
            print(f"{role} may now open, review and import in {db.location} (member of {GROUP}).")
    finally:
        db.close()
    return 0


def name_command(args: argparse.Namespace) -> int:
    from workbench.services.team import set_display_name, who_am_i

    db = open_db(args)
    try:
        if args.name is not None:
            set_display_name(db, args.name)
        # What the next edit will be signed with (on SQLite, $WORKBENCH_REVIEWER still wins).
        identity = who_am_i(db, os.environ.get("WORKBENCH_REVIEWER") or None)
    finally:
        db.close()
    role = f" (database role {identity.role})" if identity.role else ""
    print(f"Your changes are shown as {identity.display_name}{role}.")
    return 0
