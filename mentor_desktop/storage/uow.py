"""A unit of work: one SQLAlchemy session for one operation, committed or rolled back whole.

Driver errors leave it sorted (storage/errors.py): a lock held by another program, a
read-only file, a full disk, an I/O error or a damaged file arrive as the domain's
StorageFailedError subclasses; anything else is a bug and is re-raised as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from mentor_desktop.storage.errors import environment_error

log = logging.getLogger(__name__)


class UnitOfWork:
    """`with uow_factory() as uow:` commits when the block ends normally, else rolls back.

    Raises a StorageFailedError subclass when the database cannot be used (the block's
    own driver errors and the commit's alike); nothing is written then.
    """

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc is None:
                try:
                    self.session.commit()
                except SQLAlchemyError as failed:
                    self._rollback()
                    problem = environment_error(failed)
                    if problem is None:
                        raise
                    raise problem from failed
            else:
                self._rollback()
                problem = environment_error(exc)
                if problem is not None and problem is not exc:
                    raise problem from exc
        finally:
            self.session.close()

    def _rollback(self) -> None:
        """Roll back; a rollback that fails too (the disk gone) must not hide the first error."""
        try:
            self.session.rollback()
        except SQLAlchemyError:
            log.warning("rollback failed after an error", exc_info=True)


UnitOfWorkFactory = Callable[[], UnitOfWork]


def unit_of_work_factory(engine: Engine) -> UnitOfWorkFactory:
    makers = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)
    return lambda: UnitOfWork(makers)
