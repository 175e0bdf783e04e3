"""`workbench assign`, `workbench review` and `workbench reopen`: the team's review from the command line.

assign CLAIM_ID REVIEWER            assign a claim ("" takes the assignment off)
assign --article ARTICLE_ID REVIEWER  assign a whole article
review CLAIM_ID --state approved|needs-second-check|in-progress|unstarted
reopen CLAIM_ID                     move an approved claim back to in progress (editors only)

Each runs one service operation (``services.review_edits``) as the reviewer
named by ``WORKBENCH_REVIEWER`` (else the login name).
"""

from __future__ import annotations

import argparse

from workbench.cli.common import open_db, reviewer_name
from workbench.domain.kinds import ReviewState
from workbench.domain.records import ClaimRecord
from workbench.domain.review import state_label
from workbench.services.changes import Done
from workbench.services.edits import Operation, apply


def register(subparsers: argparse._SubParsersAction) -> None:
    from workbench.cli import add_db_option

    assign = subparsers.add_parser("assign", help="assign a claim (or with --article, an article) to a reviewer")
    assign.add_argument("target", metavar="CLAIM_ID", type=int, help="the claim's id (the article's with --article)")
    assign.add_argument("reviewer", metavar="REVIEWER", help='a reviewer\'s name or role; "" for nobody')
    assign.add_argument("--article", action="store_true", help="CLAIM_ID is an article's id: assign the article")
    add_db_option(assign)
    assign.set_defaults(func=assign_command)

    states = [state.value.replace("_", "-") for state in ReviewState]
    review = subparsers.add_parser("review", help="move a claim to a review state (approved locks its verdict)")
    review.add_argument("claim_id", metavar="CLAIM_ID", type=int)
    review.add_argument("--state", required=True, choices=states, help="the claim's review state")
    add_db_option(review)
    review.set_defaults(func=review_command)

    reopen = subparsers.add_parser("reopen", help="move an approved claim back to in progress (editors only)")
    reopen.add_argument("claim_id", metavar="CLAIM_ID", type=int)
    add_db_option(reopen)
    reopen.set_defaults(func=reopen_command)


def assign_command(args: argparse.Namespace) -> int:
    from workbench.services.review_edits import AssignArticle, AssignClaim

    if args.article:
        _run(args, AssignArticle(args.target, args.reviewer))
        who = args.reviewer.strip() or "nobody"
        print(f"article {args.target}: assigned to {who}")
        return 0
    claim = _the_claim(_run(args, AssignClaim(args.target, args.reviewer)))
    print(f"claim {claim.id}: assigned to {claim.assignee or 'nobody'}")
    return 0


def review_command(args: argparse.Namespace) -> int:
    from workbench.services.review_edits import SetReviewState

    claim = _the_claim(_run(args, SetReviewState(args.claim_id, args.state)))
    print(f"claim {claim.id}: {state_label(claim.review_state)}")
    return 0


def reopen_command(args: argparse.Namespace) -> int:
    from workbench.services.review_edits import Reopen

    claim = _the_claim(_run(args, Reopen(args.claim_id)))
    print(f"claim {claim.id}: reopened, {state_label(claim.review_state)}")
    return 0


def _run(args: argparse.Namespace, operation: Operation) -> Done:
    # The reviewer names the claim by id, with no older view of it to be stale: no version to compare.
    db = open_db(args)
    try:
        return apply(db, operation, by=reviewer_name())
    finally:
        db.close()


def _the_claim(done: Done) -> ClaimRecord:
    [claim] = done.claims
    return claim
