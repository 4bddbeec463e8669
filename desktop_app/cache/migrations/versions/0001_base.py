"""Base tables and indexes of the cache.

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "business_transactions",
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label_de", sa.String(), nullable=False),
        sa.Column("label_en", sa.String(), nullable=False),
        sa.Column("acts_on_contract", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "carts",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("tenant_id", sa.String(), nullable=False),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("business_transaction", sa.String(), nullable=False),
        sa.Column("contract_id", sa.String(), nullable=True),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("monthly_net_cents", sa.Integer(), nullable=False),
        sa.Column("monthly_gross_cents", sa.Integer(), nullable=False),
        sa.Column("one_time_net_cents", sa.Integer(), nullable=False),
        sa.Column("one_time_gross_cents", sa.Integer(), nullable=False),
        sa.Column("quote_id", sa.String(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_carts_customer_id"), "carts", ["customer_id"], unique=False)
    op.create_index(op.f("ix_carts_updated_at"), "carts", ["updated_at"], unique=False)

    op.create_table(
        "contracts",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("tenant_id", sa.String(), nullable=False),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("contract_number", sa.String(), nullable=False),
        sa.Column("product_code", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("minimum_term_months", sa.Integer(), nullable=False),
        sa.Column("minimum_term_end", sa.Date(), nullable=False),
        sa.Column("change_request", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_contracts_contract_number"), "contracts", ["contract_number"], unique=False
    )
    op.create_index(op.f("ix_contracts_customer_id"), "contracts", ["customer_id"], unique=False)

    op.create_table(
        "customers",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("tenant_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("customer_number", sa.String(), nullable=False),
        sa.Column("company", sa.String(collation="NOCASE"), nullable=False),
        sa.Column("contact_name", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("street", sa.String(), nullable=False),
        sa.Column("postal_code", sa.String(), nullable=False),
        sa.Column("city", sa.String(), nullable=False),
        sa.Column("country", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_customers_company"), "customers", ["company"], unique=False)
    op.create_index(
        op.f("ix_customers_customer_number"), "customers", ["customer_number"], unique=False
    )

    op.create_table(
        "meta_etags",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("etag", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "orders",
        sa.Column("row_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("order_number", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("customer_name", sa.String(collation="NOCASE"), nullable=False),
        sa.Column("tenant_id", sa.String(), nullable=False),
        sa.Column("tenant_name", sa.String(), nullable=False),
        sa.Column("business_transaction", sa.String(), nullable=False),
        sa.Column("product_family", sa.String(), nullable=False),
        sa.Column("product_code", sa.String(), nullable=False),
        sa.Column("product_name_de", sa.String(collation="NOCASE"), nullable=False),
        sa.Column("product_name_en", sa.String(collation="NOCASE"), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("contract_id", sa.String(), nullable=True),
        sa.Column("contract_number", sa.String(), nullable=True),
        sa.Column("clearing_note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_by_name", sa.String(), nullable=False),
        sa.Column("quote_id", sa.String(), nullable=True),
        sa.Column("quote_number", sa.String(), nullable=True),
        sa.Column("cart_id", sa.String(), nullable=False),
        sa.Column("automation", sa.String(), nullable=False),
        sa.Column("expected_completion_at", sa.String(length=27), nullable=False),
        sa.Column("approver_email", sa.String(), nullable=True),
        sa.Column("quote_created_by_name", sa.String(), nullable=True),
        sa.Column("monthly_net_cents", sa.Integer(), nullable=False),
        sa.Column("monthly_gross_cents", sa.Integer(), nullable=False),
        sa.Column("one_time_net_cents", sa.Integer(), nullable=False),
        sa.Column("one_time_gross_cents", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("row_id"),
        sa.UniqueConstraint("id"),
    )
    op.create_index(
        "ix_orders_business_transaction", "orders", ["business_transaction", "id"], unique=False
    )
    op.create_index("ix_orders_contract_number", "orders", ["contract_number", "id"], unique=False)
    op.create_index("ix_orders_created_at", "orders", ["created_at", "id"], unique=False)
    op.create_index("ix_orders_created_by", "orders", ["created_by", "created_at"], unique=False)
    op.create_index("ix_orders_customer_name", "orders", ["customer_name", "id"], unique=False)
    op.create_index("ix_orders_order_number", "orders", ["order_number", "id"], unique=False)
    op.create_index("ix_orders_product_family", "orders", ["product_family", "id"], unique=False)
    op.create_index("ix_orders_product_name_de", "orders", ["product_name_de", "id"], unique=False)
    op.create_index("ix_orders_product_name_en", "orders", ["product_name_en", "id"], unique=False)
    op.create_index("ix_orders_status", "orders", ["status", "id"], unique=False)
    op.create_index("ix_orders_updated_at", "orders", ["updated_at", "id"], unique=False)

    op.create_table(
        "products",
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("family", sa.String(), nullable=False),
        sa.Column("name_de", sa.String(), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.Column("monthly_cents", sa.Integer(), nullable=False),
        sa.Column("one_time_cents", sa.Integer(), nullable=False),
        sa.Column("minimum_term_months", sa.Integer(), nullable=False),
        sa.Column("orderable", sa.Boolean(), nullable=False),
        sa.Column("options", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("quote_number", sa.String(), nullable=False),
        sa.Column("cart_id", sa.String(), nullable=False),
        sa.Column("tenant_id", sa.String(), nullable=False),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created_by_name", sa.String(), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("sent_at", sa.String(length=27), nullable=True),
        sa.Column("sent_to", sa.Text(), nullable=False),
        sa.Column("extra_recipient", sa.String(), nullable=True),
        sa.Column("approver_email", sa.String(), nullable=True),
        sa.Column("customer_decided_at", sa.String(length=27), nullable=True),
        sa.Column("provider_approval_required", sa.Boolean(), nullable=False),
        sa.Column("provider_approved_by", sa.String(), nullable=True),
        sa.Column("provider_approved_at", sa.String(length=27), nullable=True),
        sa.Column("monthly_net_cents", sa.Integer(), nullable=False),
        sa.Column("monthly_gross_cents", sa.Integer(), nullable=False),
        sa.Column("one_time_net_cents", sa.Integer(), nullable=False),
        sa.Column("one_time_gross_cents", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_quotes_cart_id"), "quotes", ["cart_id"], unique=False)
    op.create_index(op.f("ix_quotes_customer_id"), "quotes", ["customer_id"], unique=False)
    op.create_index(op.f("ix_quotes_quote_number"), "quotes", ["quote_number"], unique=False)
    op.create_index(op.f("ix_quotes_updated_at"), "quotes", ["updated_at"], unique=False)

    op.create_table(
        "statuses",
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label_de", sa.String(), nullable=False),
        sa.Column("label_en", sa.String(), nullable=False),
        sa.Column("explanation_de", sa.Text(), nullable=False),
        sa.Column("explanation_en", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.String(), nullable=True),
        sa.Column("last_success_at", sa.String(length=27), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_attempt_at", sa.String(length=27), nullable=True),
        sa.Column("bulk_loading", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_sync_state_single_row"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "order_documents",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("order_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title_de", sa.String(), nullable=False),
        sa.Column("title_en", sa.String(), nullable=False),
        sa.Column("filename", sa.String(), nullable=False),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("local_path", sa.Text(), nullable=True),
        sa.Column("local_sha256", sa.String(length=64), nullable=True),
        sa.Column("downloaded_at", sa.String(length=27), nullable=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_order_documents_order_id"), "order_documents", ["order_id"], unique=False
    )
    op.create_table(
        "order_details",
        sa.Column("order_id", sa.String(), nullable=False),
        sa.Column("items_json", sa.Text(), nullable=False),
        sa.Column("history_json", sa.Text(), nullable=False),
        sa.Column("recipients_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("order_id"),
    )


def downgrade() -> None:
    op.drop_table("order_details")
    op.drop_index(op.f("ix_order_documents_order_id"), table_name="order_documents")

    op.drop_table("order_documents")
    op.drop_table("sync_state")
    op.drop_table("statuses")
    op.drop_index(op.f("ix_quotes_updated_at"), table_name="quotes")
    op.drop_index(op.f("ix_quotes_quote_number"), table_name="quotes")
    op.drop_index(op.f("ix_quotes_customer_id"), table_name="quotes")
    op.drop_index(op.f("ix_quotes_cart_id"), table_name="quotes")

    op.drop_table("quotes")
    op.drop_table("products")
    op.drop_index("ix_orders_updated_at", table_name="orders")
    op.drop_index("ix_orders_status", table_name="orders")
    op.drop_index("ix_orders_product_name_en", table_name="orders")
    op.drop_index("ix_orders_product_name_de", table_name="orders")
    op.drop_index("ix_orders_product_family", table_name="orders")
    op.drop_index("ix_orders_order_number", table_name="orders")
    op.drop_index("ix_orders_customer_name", table_name="orders")
    op.drop_index("ix_orders_created_by", table_name="orders")
    op.drop_index("ix_orders_created_at", table_name="orders")
    op.drop_index("ix_orders_contract_number", table_name="orders")
    op.drop_index("ix_orders_business_transaction", table_name="orders")

    op.drop_table("orders")
    op.drop_table("meta_etags")
    op.drop_index(op.f("ix_customers_customer_number"), table_name="customers")
    op.drop_index(op.f("ix_customers_company"), table_name="customers")

    op.drop_table("customers")
    op.drop_index(op.f("ix_contracts_customer_id"), table_name="contracts")
    op.drop_index(op.f("ix_contracts_contract_number"), table_name="contracts")

    op.drop_table("contracts")
    op.drop_index(op.f("ix_carts_updated_at"), table_name="carts")
    op.drop_index(op.f("ix_carts_customer_id"), table_name="carts")

    op.drop_table("carts")
    op.drop_table("business_transactions")
