"""A Redis lock store whose ticket operations are atomic across processes.

Rasa 3.6's RedisLockStore reads the conversation's ticket lock, changes it in Python and
writes it back. Two Rasa instances that receive a message of the same conversation at the
same moment can both draw ticket 0 and process at once: the second save then drops the
other's events (RasaHQ/rasa#9213; the concurrent lock store that fixes it is in Rasa Pro).
The scale test (tests/e2e/test_schaal.py) showed exactly that. Here every change of a lock
runs in a Redis transaction (WATCH/MULTI) and is retried when another instance got there
first, and the lock is deleted only when no ticket is left.

endpoints.yml uses this class always; `soort` (LOCK_STORE_TYPE) chooses Redis or, for one
instance, Rasa's in-memory lock store.
"""
from __future__ import annotations

import json
from typing import Any, Callable

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore


class AtomaireRedisLockStore(RedisLockStore):
    def __new__(cls, endpoint_config: Any = None, **kwargs: Any):
        if endpoint_config is not None and endpoint_config.kwargs.get("soort", "redis") != "redis":
            return InMemoryLockStore()
        return super().__new__(cls)

    def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {k: v for k, v in endpoint_config.kwargs.items() if k != "soort"}
            kwargs["host"] = endpoint_config.url
        super().__init__(**kwargs)

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

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = 60) -> int:
        return self._atomically(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))

    def update_lock(self, conversation_id: str) -> None:
        self._atomically(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._atomically(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Removes this ticket; the lock goes only with its last ticket (in the same step)."""
        self.finish_serving(conversation_id, ticket_number)
