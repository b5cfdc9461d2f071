-- Runs once, when the PostgreSQL volume is new: the tracker store gets its own database next to
-- the case store's (POSTGRES_DB=wegwijzer), owned by the same application role.
CREATE DATABASE rasa OWNER wegwijzer;
