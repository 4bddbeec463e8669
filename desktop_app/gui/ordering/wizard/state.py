"""What the wizard's pages share: the clerk, the party, the transaction, cart, quote and key."""

from dataclasses import dataclass, field

from desktop_app.api import ApiClient, new_idempotency_key
from desktop_app.api.errors import Language
from desktop_app.cache.records import ContractInfo
from desktop_app.contract.auth import MeOut
from desktop_app.contract.carts import CartItemIn, CartOut, QuoteOut
from desktop_app.contract.orders import OrderConfirmation
from desktop_app.domain.entities import Party
from desktop_app.domain.enums import BusinessTransaction, PartyKind, Role
from desktop_app.sync.live_cache import LiveCache


@dataclass
class WizardState:
    """Mutable, owned by the wizard; pages read and fill it on the GUI thread only."""

    client: ApiClient
    cache: LiveCache
    language: Language
    # Created once per wizard: every submission attempt of this wizard sends it.
    idempotency_key: str = field(default_factory=new_idempotency_key)
    me: MeOut | None = None
    party: Party | None = None
    transaction: BusinessTransaction | None = None
    transaction_label: str = ""
    contract: ContractInfo | None = None
    cart: CartOut | None = None
    items: list[CartItemIn] = field(default_factory=list)  # the clerk's items (no fees)
    quote: QuoteOut | None = None
    without_quote: bool = False
    confirmation: OrderConfirmation | None = None
    # Carts deleted from this wizard that the cache may still list until the next sync.
    deleted_cart_ids: set[str] = field(default_factory=set)

    @property
    def may_order_without_quote(self) -> bool:
        """Power of attorney, for a customer (a prospect's quote needs the provider)."""
        return (self.me is not None and self.me.tenant.has_power_of_attorney
                and self.party is not None and self.party.kind is PartyKind.CUSTOMER)

    @property
    def is_provider_staff(self) -> bool:
        return self.me is not None and self.me.role is Role.PROVIDER_STAFF

    @property
    def cart_read_only(self) -> bool:
        return self.quote is not None or self.confirmation is not None
