"""The first conversation through the real servers: REST and socket.io channels."""
import re
import sqlite3
import time

import socketio

from tests.conftest import payloads, texts


def test_greeting_is_dutch_with_three_entry_buttons_and_privacy_line(assistant, sender):
    messages = assistant.say(sender, "hallo")
    assert "Wegwijzer Jeugdzorg" in texts(messages)
    assert payloads(messages) == ["/start_route", "/start_werktoedeling", "/vraag_stellen"]
    assert "Typ geen namen" in texts(messages)


def test_crisis_gets_112_and_veilig_thuis_at_once(assistant, sender):
    assistant.say(sender, "hoi")
    messages = assistant.say(sender, "ik denk dat het kind van de buren mishandeld wordt")
    answer = texts(messages)
    assert "112" in answer and "0800-2000" in answer
    assert any(m.get("custom", {}).get("type") == "crisis" for m in messages)


def test_nonsense_gets_the_fallback_then_the_deskundigenteam(assistant, sender):
    first = assistant.say(sender, "qwxz plof brrrt")
    assert "anders zeggen" in texts(first)
    assert "/vraag_stellen" in payloads(first)
    second = assistant.say(sender, "zzkrrr vlop")
    assert "deskundigenteam" in texts(second)
    assert "/mens_spreken" in payloads(second)


def test_restart_offers_the_entry_points_again(assistant, sender):
    assistant.say(sender, "hallo")
    messages = assistant.say(sender, "/restart")
    assert texts(messages) == "We beginnen opnieuw."
    assert payloads(messages) == ["/start_route", "/start_werktoedeling", "/vraag_stellen"]


def test_conversation_is_stored_in_the_sql_tracker_store(assistant, sender):
    assistant.say(sender, "hallo")
    with sqlite3.connect(assistant.tracker_db) as db:
        (count,) = db.execute(
            "select count(*) from events where sender_id = ?", (sender,)
        ).fetchone()
    assert count >= 3  # session start, user message, bot responses


def socketio_say(assistant, sender, text, expected_messages):
    received = []
    client = socketio.Client(reconnection=False)
    client.on("bot_uttered", lambda data: received.append(data))
    client.connect(assistant.url, transports=["polling"], socketio_path="socket.io")
    try:
        client.emit("session_request", {"session_id": sender})
        client.emit("user_uttered", {"message": text, "session_id": sender})
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(received) < expected_messages:
            time.sleep(0.1)
    finally:
        client.disconnect()
    return received


def test_socketio_channel_answers_the_greeting(assistant, sender):
    received = socketio_say(assistant, sender, "goedemorgen", 2)
    assert any("Wegwijzer Jeugdzorg" in m.get("text", "") for m in received)


def test_socketio_channel_delivers_custom_payloads(assistant, sender):
    """Rasa 3.6's own socket.io channel drops them (extensions/socketio_kanaal.py)."""
    received = socketio_say(assistant, sender, "er wordt nu een kind geslagen", 2)
    assert any(m.get("type") == "crisis" for m in received), received


def test_questions_get_short_sourced_answers(assistant, sender):
    for question, expected in [
        ("hoeveel kost het skj eigenlijk per jaar", "65 euro"),
        ("wat houdt een evc in", "Erkenning van Eerder Verworven Competenties"),
        ("moet een logopedist zich registreren bij skj", "Vaktherapeuten en paramedici"),
    ]:
        answer = texts(assistant.say(sender, question))
        assert expected in answer, question
        assert "Bron:" in answer and re.search(r"\((19|20)\d\d|zonder datum\)", answer)
