"""Row locks taken up front, in the order retry.py documents."""

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.server.db import CartRow, ContractRow, OrderRow, PartyRow, QuoteRow

Lockable = type[CartRow] | type[OrderRow] | type[ContractRow] | type[PartyRow] | type[QuoteRow]


def lock_rows(session: Session, model: Lockable, ids: Iterable[str | None]) -> None:
    """SELECT ... FOR UPDATE the rows of these ids, in the order of their ids: until commit,
    other writers of them wait, and this transaction's next reads see their newest committed
    state (READ COMMITTED). SQLite has no row locks; its writers are serialised anyway."""
    wanted = sorted({record_id for record_id in ids if record_id is not None})
    if wanted:
        session.execute(select(model.id).where(model.id.in_(wanted)).order_by(model.id)
                        .with_for_update())
