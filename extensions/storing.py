"""A turn that fails because Redis or the action server is down or slow is never silent.

What Rasa 3.6.21 does on its own (issue 18, point 6, reproduced in tests/e2e/test_storing.py):

- Redis (the lock store) down: `Agent.handle_message` takes the conversation's lock first; the
  lock store raises `LockError`, the REST channel logs it (with the raw text) and answers
  `200 []`; the socket.io channel sends nothing. Nothing is stored, and the person is not told.
  Redis paused: Rasa's Redis client waits 10 s per command (its socket timeout) and blocks the
  whole event loop, every other conversation of that instance included.
- Action server down: `MessageProcessor._run_action` catches every `Exception` of an action
  ("Bot will continue, but the actions events are lost"), goes on to `action_listen` and saves
  the turn: the person gets `200 []`, and when they send the message again it is stored twice.
  Action server slow: Rasa waits up to 300 s for each call (`DEFAULT_REQUEST_TIMEOUT`), far past
  nginx's 60 s.

So a turn here is all or nothing. The channels below (REST, and socket.io for the widget in
extensions/socketio_kanaal.py) run each turn inside `beschermd`: when it fails, the tracker is
not saved and the person gets NIET_AANGEKOMEN in the same turn, so the message they send again is
stored once, and a message is in the tracker exactly when it was answered. For the action server
that needs one patch: `RemoteAction.run` gets a time budget per turn, and a call that cannot
connect, times out or gets a gateway error (502-504) raises `BeurtMislukt`, a BaseException, which
Rasa's `except Exception` lets through, so the turn stops before `save_tracker`. The patch acts
only inside a turn of these channels (a context variable); a 4xx or 500 of an action keeps Rasa's
own handling. Redis's side is in extensions/redis_slot.py (short socket timeouts, a cleanup that
cannot undo a finished turn, a shorter ticket lifetime). The text lives here, not in domain/, so
it works when the domain cannot be reached and needs no retraining. deploy/README.md has the
timeouts along the chain widget → nginx → Rasa → action server.
"""
from __future__ import annotations

import asyncio
import logging
import os
from contextvars import ContextVar
from typing import Any, Awaitable, Callable, Dict, Optional

import aiohttp
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import ClientResponseError
from sanic import Blueprint

logger = logging.getLogger(__name__)

# B1, "je", no promise we cannot keep: the message did not arrive, it is not the person's fault,
# and sending it again in a moment works once the service is back.
NIET_AANGEKOMEN = ("Sorry, je bericht is niet aangekomen. Dat ligt aan ons, niet aan jou. "
                   "Wacht even en stuur je bericht dan opnieuw.")

# Seconds the action server may take for all its calls in one turn, together. Below nginx's
# 60 s for REST minus the longest wait for the conversation's lock (redis_slot.py), and below the
# widget's typing indicator (deploy/README.md, "Time-outs").
ACTIE_BUDGET = float(os.environ.get("ACTIE_TIMEOUT_SECONDEN", "15"))

# The budget of the turn being handled: {"deadline": loop time or None until the first call}.
# None outside a turn of our channels (reminders, the HTTP API): Rasa's behaviour unchanged.
_beurt: ContextVar[Optional[Dict[str, Optional[float]]]] = ContextVar("wegwijzer_beurt", default=None)


class BeurtMislukt(BaseException):
    """The action server did not answer in time or could not be reached.

    A BaseException on purpose: Rasa's processor swallows every Exception of an action and saves
    the turn without its events. This one passes through to `beschermd`, before the save.
    """


def _is_storing(error: BaseException) -> bool:
    """Down or unreachable, as opposed to an action that ran and failed (Rasa handles that)."""
    cause = error.__cause__ or error.__context__
    if isinstance(cause, (aiohttp.ClientConnectionError, asyncio.TimeoutError)):
        return True
    return isinstance(cause, ClientResponseError) and cause.status in (502, 503, 504)


_rasa_run = RemoteAction.run


async def _run_binnen_budget(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any,
                             domain: Any) -> Any:
    beurt = _beurt.get()
    if beurt is None:
        return await _rasa_run(self, output_channel, nlg, tracker, domain)
    loop = asyncio.get_running_loop()
    if beurt["deadline"] is None:  # from the first call, so waiting for the lock does not count
        beurt["deadline"] = loop.time() + ACTIE_BUDGET
    remaining = beurt["deadline"] - loop.time()
    if remaining <= 0:
        raise BeurtMislukt(f"action '{self.name()}': the turn's {ACTIE_BUDGET:.0f} s were used up")
    try:
        return await asyncio.wait_for(_rasa_run(self, output_channel, nlg, tracker, domain), remaining)
    except asyncio.TimeoutError as error:
        raise BeurtMislukt(f"action '{self.name()}': no answer within the turn's "
                           f"{ACTIE_BUDGET:.0f} s") from error
    except ActionExecutionRejection:
        raise
    except RasaException as error:
        if _is_storing(error):
            raise BeurtMislukt(f"action '{self.name()}': action server unreachable") from error
        raise


if RemoteAction.run is not _run_binnen_budget:
    RemoteAction.run = _run_binnen_budget  # type: ignore[method-assign]


def _reden(error: BaseException) -> str:
    """For the log: the kind of failure, never the person's text. Our own and Rasa's lock
    messages hold none; any other message (an SQL error quotes its parameters) is left out."""
    from rasa.core.lock_store import LockError

    if isinstance(error, (BeurtMislukt, LockError)):
        return f"{type(error).__name__}: {error}"
    return type(error).__name__


def beschermd(on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Callable[[UserMessage], Awaitable[Any]]:
    """Runs one turn; when it fails, the person gets NIET_AANGEKOMEN in the same turn.

    Whatever failed, the tracker was not saved (`save_tracker` is the turn's last step, and the
    lock store's cleanup after it never raises), so nothing of the turn is kept and the retry is
    stored once. Over REST the messages collected before the failure are dropped (the answer of a
    turn that did not happen); over socket.io they were already sent.
    """

    async def handle(message: UserMessage) -> Any:
        token = _beurt.set({"deadline": None})
        try:
            return await on_new_message(message)
        except (Exception, BeurtMislukt) as error:
            logger.error("Beurt niet verwerkt, de persoon krijgt de storingsmelding (%s)", _reden(error))
            channel = message.output_channel
            if isinstance(channel, CollectingOutputChannel) and isinstance(channel.messages, list):
                channel.messages.clear()
            try:
                await channel.send_text_message(message.sender_id, NIET_AANGEKOMEN)
            except Exception as send_error:  # the connection itself is gone: nothing to tell
                logger.error("Storingsmelding niet verstuurd (%s)", type(send_error).__name__)
            return None
        finally:
            _beurt.reset(token)

    return handle


class RestKanaal(RestInput):
    """Rasa's REST channel (same name, path and answers), with each turn run by `beschermd`."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        return super().blueprint(beschermd(on_new_message))
