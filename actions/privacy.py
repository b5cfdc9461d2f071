"""'Verwijder mijn gegevens': wipes the contact details of this conversation's cases (also
those waiting in the outbox) and has the tracker store delete the conversation itself
(extensions/privacy_store.py)."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.overdracht import case_store
from bot.zaken.behandeling import erase_contact
from bot.zaken.outbox import Outbox


class ActionGegevensVerwijderen(Action):
    def name(self) -> str:
        return "action_gegevens_verwijderen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[EventType]:
        Outbox().erase_contact(tracker.sender_id)  # needs no database: also when it is down
        try:
            referenties = erase_contact(case_store(), tracker.sender_id)
        except SQLAlchemyError:
            dispatcher.utter_message(response="utter_gegevens_zaak_niet_bereikbaar")
            referenties = []
        if referenties:
            dispatcher.utter_message(response="utter_gegevens_contact_gewist",
                                     referenties=", ".join(referenties))
        dispatcher.utter_message(response="utter_gegevens_gewist")
        dispatcher.utter_message(json_message={"type": "gegevens_gewist"})
        return [SlotSet("gegevens_gewist", True)]
