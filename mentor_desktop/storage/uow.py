"""A unit of work: one SQLAlchemy session for one operation, committed or rolled back whole."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


class UnitOfWork:
    """`with uow_factory() as uow:` commits when the block ends normally, else rolls back."""

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
            if exc_type is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()


UnitOfWorkFactory = Callable[[], UnitOfWork]


def unit_of_work_factory(engine: Engine) -> UnitOfWorkFactory:
    makers = sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)
    return lambda: UnitOfWork(makers)
