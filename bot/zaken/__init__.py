"""The deskundigenteam's cases: storage, outbox, notifications. No Rasa imports."""
