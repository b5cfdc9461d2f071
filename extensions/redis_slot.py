"""A Redis lock store whose ticket operations are atomic across processes.

Rasa 3.6's RedisLockStore reads the conversation's ticket lock, changes it in Python and
writes it back. Two Rasa instances that receive a message of the same conversation at the
same moment can both draw ticket 0 and process at once: the second save then drops the
other's events (RasaHQ/rasa#9213; the concurrent lock store that fixes it is in Rasa Pro).
The scale test (tests/e2e/test_schaal.py) showed exactly that. Here every change of a lock
runs in a Redis transaction (WATCH/MULTI) and is retried when another instance got there
first, and the lock is deleted only when no ticket is left.

Under faults (issue 18, point 6; tests/e2e/test_storing.py):
- Every Redis command gives up after REDIS_TIMEOUT seconds (Rasa: 10 s, and no connect timeout).
  The client is synchronous, so a paused or unreachable Redis blocked the instance's whole event
  loop, every other conversation included, for that long; now the turn fails within seconds and
  extensions/storing.py tells the person.
- The cleanup after a turn never raises: by then the turn is saved and answered, and an error
  there made the channel drop the answer. A ticket left behind expires with its lifetime.
- Tickets live LEVENSDUUR seconds (Rasa: 60 s, TICKET_LOCK_LIFETIME still wins). A ticket of an
  instance that died in the middle of a turn holds the conversation that long; the next message
  waits for it, and that wait plus the turn's action budget must stay below nginx's 60 s
  (deploy/README.md, "Time-outs"). Longer than the longest turn: a ticket must not expire while
  its turn still runs, or a second message would be processed at the same time.
- A waiting ticket is kept alive: Rasa counts a ticket's lifetime from when it was drawn, so a
  message that came in just after a turn whose instance died expired together with the dead
  ticket and failed with LockError (the mid-turn kill in tests/e2e/test_schaal.py). Here every
  poll of a waiting message renews its own ticket, so only tickets of a process that is gone
  run out, and a turn has the whole lifetime from the moment it gets the lock.

endpoints.yml uses this class always; `soort` (LOCK_STORE_TYPE) chooses Redis or, for one
instance, Rasa's in-memory lock store.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from typing import Any, Callable

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, LockError, RedisLockStore

logger = logging.getLogger(__name__)

REDIS_TIMEOUT = 2.0
LEVENSDUUR = float(os.environ.get("TICKET_LOCK_LIFETIME", 0) or 30)


class AtomaireRedisLockStore(RedisLockStore):
    def __new__(cls, endpoint_config: Any = None, **kwargs: Any):
        if endpoint_config is not None and endpoint_config.kwargs.get("soort", "redis") != "redis":
            return InMemoryLockStore()
        return super().__new__(cls)

    def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {k: v for k, v in endpoint_config.kwargs.items() if k != "soort"}
            kwargs["host"] = endpoint_config.url
        kwargs.setdefault("socket_timeout", REDIS_TIMEOUT)
        super().__init__(**kwargs)
        self.red.connection_pool.connection_kwargs["socket_connect_timeout"] = REDIS_TIMEOUT

    def _atomically(self, conversation_id: str, change: Callable[[TicketLock], Any]) -> Any:
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    stored = pipe.get(key)
                    lock = (TicketLock.from_dict(json.loads(stored)) if stored
                            else TicketLock(conversation_id))
                    result = change(lock)
                    pipe.multi()
                    if lock.tickets:
                        pipe.set(key, lock.dumps())
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another instance changed the lock: read it again

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LEVENSDUUR) -> int:
        # Agent.handle_message passes Rasa's 60 s; ours is LEVENSDUUR (see above).
        return self._atomically(conversation_id, lambda lock: lock.issue_ticket(LEVENSDUUR))

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        """Rasa's waiting loop, renewing this message's own ticket at every poll (see above)."""

        def renew(lock: TicketLock) -> TicketLock:
            lock.remove_expired_tickets()
            for waiting in lock.tickets:
                if waiting.number == ticket:
                    waiting.expires = time.time() + LEVENSDUUR
            return lock

        while True:
            lock = self._atomically(conversation_id, renew)
            if not any(t.number == ticket for t in lock.tickets):
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)

    def update_lock(self, conversation_id: str) -> None:
        self._atomically(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._atomically(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Removes this ticket; the lock goes only with its last ticket (in the same step).
        Never raises: the turn is done (see above)."""
        try:
            self.finish_serving(conversation_id, ticket_number)
        except redis.RedisError as error:
            logger.warning("Ticket niet opgeruimd, het verloopt na %.0f s (%s)", LEVENSDUUR,
                           type(error).__name__)
