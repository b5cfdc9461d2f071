"""The atomic Redis lock store against the real Redis: many processes' worth of tickets
drawn at once never share a number, and the lock goes with its last ticket."""
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.core.lock_store import InMemoryLockStore
from rasa.utils.endpoints import EndpointConfig

from extensions.redis_slot import AtomaireRedisLockStore
from tests.helpers import reachable


def config(soort):
    return EndpointConfig(url="127.0.0.1", type="x", soort=soort, port="6379", password="", db="7")


def test_in_memory_when_asked():
    assert isinstance(AtomaireRedisLockStore(endpoint_config=config("in_memory")), InMemoryLockStore)


@pytest.mark.skipif(not reachable(6379), reason="Redis is not reachable on 127.0.0.1:6379")
def test_tickets_drawn_at_once_from_separate_stores_are_unique():
    stores = [AtomaireRedisLockStore(endpoint_config=config("redis")) for _ in range(8)]
    conversation = f"slot-{uuid.uuid4().hex}"
    with ThreadPoolExecutor(8) as pool:
        tickets = list(pool.map(lambda s: s.issue_ticket(conversation, 60), stores * 5))
    assert sorted(tickets) == list(range(40))
    for number in tickets:
        stores[0].cleanup(conversation, number)
    assert stores[0].get_lock(conversation) is None
