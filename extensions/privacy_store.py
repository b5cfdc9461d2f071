"""Rasa's SQL tracker store, with personal data taken out before anything is written.

Configured in endpoints.yml, so every channel (REST, socket.io, shell) goes through it.
What is stored of each event:
- user and bot text: redacted by `bot.privacy.redact` (e-mail, phone, BSN, IBAN, address,
  dates, names of children and clients);
- a message typed while the handoff asks for a name, e-mail, phone or organisation: not
  its words at all, only "[contactgegeven]" (a bare name is not recognisable as one);
- slot values: redacted; the handoff's contact slots hold values sealed by the action
  server (bot/kluis.py), which stay sealed; anything else in them becomes a marker.
"Verwijder mijn gegevens" sets the slot `gegevens_gewist`; when a save carries it, the
whole conversation of that sender is deleted instead of stored.

The running turn keeps the unredacted tracker in memory (the actions need the words);
only what reaches the database, and every later turn, is redacted.
"""
from __future__ import annotations

import copy
import logging
import unicodedata
from typing import Any, Iterable

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.kluis import gesloten
from bot.privacy import redact
from extensions.invoer import MAX_TEKENS

logger = logging.getLogger(__name__)

CONTACT_QUESTIONS = {"ov_naam", "ov_email", "ov_telefoon", "ov_organisatie"}
CONTACT_MARK = "[contactgegeven]"
ERASE_SLOT = "gegevens_gewist"


def redacted_events(events: Iterable[Event], requested_slot: Any = None) -> list[Event]:
    """Copies of the events with personal data removed (see the module docstring)."""
    result = []
    for event in events:
        if isinstance(event, SlotSet) and event.key == "requested_slot":
            requested_slot = event.value
            result.append(event)
        elif isinstance(event, UserUttered):
            result.append(_redacted_user(event, requested_slot in CONTACT_QUESTIONS))
        elif isinstance(event, BotUttered):
            clean = copy.copy(event)
            clean.text = redact(_visible(event.text)) if event.text else event.text
            clean.data = _redacted_value(event.data)
            result.append(clean)
        elif isinstance(event, SlotSet) and event.value is not None:
            value = (event.value if gesloten(event.value)
                     else CONTACT_MARK if event.key in CONTACT_QUESTIONS else _redacted_value(event.value))
            result.append(SlotSet(event.key, value, event.timestamp, event.metadata))
        else:
            result.append(event)
    return result


def _redacted_user(event: UserUttered, contact_answer: bool) -> UserUttered:
    text = _visible(event.text or "")
    if len(text) > MAX_TEKENS:  # nothing beyond the limit is stored
        text = text[:MAX_TEKENS] + " [ingekort]"
    if not text.startswith("/"):  # button payloads carry no free text
        text = CONTACT_MARK if contact_answer else redact(text)
    parse_data = copy.deepcopy(event.parse_data or {})
    parse_data["text"] = text
    parse_data["entities"] = [{**e, "value": _redacted_value(e.get("value"))}
                              for e in parse_data.get("entities", [])]
    return UserUttered(text, event.intent, parse_data["entities"], parse_data, event.timestamp,
                       event.input_channel, event.message_id, event.metadata)


def _visible(text: str) -> str:
    """Without zero-width, direction and control characters, which could hide an e-mail
    address or phone number from the redactor (and mean nothing to a reader)."""
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cf", "Cc"))


def _redacted_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_redacted_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _redacted_value(v) for k, v in value.items()}
    return value


class RedigerendeSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that stores only redacted events, and erases on request."""

    async def save(self, tracker: DialogueStateTracker) -> None:
        with self.session_scope() as session:
            stored = self._event_query(session, tracker.sender_id,
                                       fetch_events_from_all_sessions=False).count()
        new_events = list(tracker.events)[stored:]
        if any(isinstance(e, SlotSet) and e.key == ERASE_SLOT and e.value for e in new_events):
            await self.erase(tracker.sender_id)
            return
        requested = _requested_slot_before(list(tracker.events)[:stored])
        clean = DialogueStateTracker.from_events(
            tracker.sender_id, list(tracker.events)[:stored] + redacted_events(new_events, requested),
            slots=list(tracker.slots.values()), max_event_history=tracker._max_event_history)
        await super().save(clean)

    async def erase(self, sender_id: str) -> int:
        """Deletes every stored event of this conversation, all sessions."""
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(
                self.SQLEvent.sender_id == sender_id).delete(synchronize_session=False)
            session.commit()
        logger.info("Gesprek gewist op verzoek (%d events).", deleted)
        return deleted


def _requested_slot_before(events: list[Event]) -> Any:
    for event in reversed(events):
        if isinstance(event, SlotSet) and event.key == "requested_slot":
            return event.value
    return None
