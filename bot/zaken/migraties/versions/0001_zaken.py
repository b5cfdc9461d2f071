"""Case store: cases, notes, notifications, users, audit log.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "zaken",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("referentie", sa.String(20), unique=True),
        sa.Column("aanvraag_id", sa.String(36), unique=True, nullable=False),
        sa.Column("aangemaakt", sa.DateTime, nullable=False),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("behandelaar", sa.String(80)),
        sa.Column("naam", sa.String(200)),
        sa.Column("email", sa.String(254)),
        sa.Column("telefoon", sa.String(40)),
        sa.Column("organisatie", sa.String(200)),
        sa.Column("contactvoorkeur", sa.String(20)),
        sa.Column("vraag", sa.Text, nullable=False),
        sa.Column("antwoorden", sa.JSON, nullable=False),
        sa.Column("advies", sa.JSON),
        sa.Column("gesprek", sa.JSON, nullable=False),
        sa.Column("gesprek_id", sa.String(100)),
        sa.Column("contact_gewist", sa.Boolean, nullable=False),
    )
    op.create_index("ix_zaken_status", "zaken", ["status"])
    op.create_index("ix_zaken_aangemaakt", "zaken", ["aangemaakt"])
    op.create_table(
        "notities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("zaak_id", sa.Integer, sa.ForeignKey("zaken.id", ondelete="CASCADE"), nullable=False),
        sa.Column("auteur", sa.String(80), nullable=False),
        sa.Column("tekst", sa.Text, nullable=False),
        sa.Column("aangemaakt", sa.DateTime, nullable=False),
    )
    op.create_table(
        "meldingen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("zaak_id", sa.Integer, sa.ForeignKey("zaken.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kanaal", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("pogingen", sa.Integer, nullable=False),
        sa.Column("laatste_fout", sa.Text),
        sa.Column("volgende_poging", sa.DateTime, nullable=False),
        sa.Column("verzonden", sa.DateTime),
    )
    op.create_index("ix_meldingen_status", "meldingen", ["status", "volgende_poging"])
    op.create_table(
        "gebruikers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("naam", sa.String(80), unique=True, nullable=False),
        sa.Column("wachtwoord_hash", sa.String(300), nullable=False),
        sa.Column("aangemaakt", sa.DateTime, nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tijd", sa.DateTime, nullable=False),
        sa.Column("gebruiker", sa.String(80), nullable=False),
        sa.Column("actie", sa.String(40), nullable=False),
        sa.Column("zaak_id", sa.Integer, sa.ForeignKey("zaken.id", ondelete="SET NULL")),
        sa.Column("details", sa.Text),
    )


def downgrade():
    for table in ("audit", "gebruikers", "meldingen", "notities", "zaken"):
        op.drop_table(table)
