"""Issue 18: sender ids up to Rasa's 255 characters, one notification per case and
channel (and when it was made), and dead letters from the outbox.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("zaken") as batch:
        batch.alter_column("gesprek_id", type_=sa.String(255), existing_type=sa.String(100))
    with op.batch_alter_table("meldingen") as batch:
        batch.add_column(sa.Column("aangemaakt", sa.DateTime))
        batch.create_unique_constraint("uq_meldingen_zaak_kanaal", ["zaak_id", "kanaal"])
    op.create_index("ix_zaken_gesprek_id", "zaken", ["gesprek_id"])  # erasure looks cases up by it
    op.create_table(
        "dode_brieven",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tijd", sa.DateTime, nullable=False),
        sa.Column("aanvraag_id", sa.Text, nullable=False),
        sa.Column("gesprek_id", sa.Text),
        sa.Column("reden", sa.Text, nullable=False),
        sa.Column("inhoud", sa.Text, nullable=False),
    )


def downgrade():
    op.drop_table("dode_brieven")
    op.drop_index("ix_zaken_gesprek_id", "zaken")
    with op.batch_alter_table("meldingen") as batch:
        batch.drop_constraint("uq_meldingen_zaak_kanaal", type_="unique")
        batch.drop_column("aangemaakt")
    with op.batch_alter_table("zaken") as batch:
        batch.alter_column("gesprek_id", type_=sa.String(100), existing_type=sa.String(255))
