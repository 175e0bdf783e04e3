"""Checking a pooled server connection before use, only when it has been idle.

SQLAlchemy's pre-ping sends a query before every checkout: on a remote
server that is one more round trip for every read. Here a connection just
returned to the pool is used as it is.
"""

from __future__ import annotations

import time

from sqlalchemy import Engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import _ConnectionRecord

# A pooled connection used this recently is taken to be alive: a ping before
# every read would cost a round trip each on a remote server.
FRESH_S = 1.0


def ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's pre-ping, but only for a connection idle a while, where a
    server restart or a dropped network shows. A connection found dead is
    replaced before use, as pre-ping does; one that dies within FRESH_S fails
    its statement, and the pool then drops every connection as old as it."""

    def checked_in(_dbapi: object, record: _ConnectionRecord) -> None:
        record.info["idle_since"] = time.monotonic()

    def checked_out(dbapi: DBAPIConnection, record: _ConnectionRecord, _proxy: object) -> None:
        since = record.info.pop("idle_since", None)
        if since is None or time.monotonic() - since < FRESH_S:
            return  # new, or just used
        try:
            engine.dialect.do_ping(dbapi)
        except engine.dialect.loaded_dbapi.Error as error:
            if engine.dialect.is_disconnect(error, dbapi, None):
                raise DisconnectionError("the server closed the connection") from error
            raise

    event.listen(engine, "checkin", checked_in)
    event.listen(engine, "checkout", checked_out)
