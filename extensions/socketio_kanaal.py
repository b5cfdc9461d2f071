"""Rasa's socket.io channel, with custom payloads that reach the browser.

Rasa 3.6's SocketIOOutput.send_custom_json calls `sio.emit(event, **payload)`, so a
payload such as {"type": "crisis", ...} raises TypeError (emit() has no argument
"type"): the message is lost and the rest of the turn is aborted. This channel emits
the payload as the event's data, like every other bot message; payloads in Rasa's own
{"data": ..., "room": ...} form keep Rasa's behaviour.

Each turn runs inside extensions/storing.py's `beschermd`: when Redis or the action server is
down or slow, the widget gets the clear message in the same turn (Rasa's channel sent nothing).
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from extensions.storing import beschermd


class SocketIOOutputMetCustom(SocketIOOutput):
    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        if "data" in json_message:
            await super().send_custom_json(recipient_id, json_message, **kwargs)
        else:
            await self._send_message(recipient_id, json_message)


class SocketIOKanaal(SocketIOInput):
    """Rasa's SocketIOInput (same name, path and events) with the output above, and each turn
    run by `beschermd`."""

    def get_output_channel(self) -> Optional[OutputChannel]:
        if self.sio is None:
            return super().get_output_channel()
        return SocketIOOutputMetCustom(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        guarded = beschermd(on_new_message)

        async def handle(message: UserMessage) -> Any:
            message.output_channel = SocketIOOutputMetCustom(self.sio, self.bot_message_evt)
            return await guarded(message)

        return super().blueprint(handle)
