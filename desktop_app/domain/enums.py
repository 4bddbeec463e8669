"""The closed vocabularies of the domain; values are the stable wire and storage codes."""

from enum import StrEnum


class Role(StrEnum):
    PARTNER_CLERK = "partner_clerk"
    PROVIDER_STAFF = "provider_staff"


class PartyKind(StrEnum):
    """Bestandskunde (has contracts) or Interessent (has none yet)."""

    CUSTOMER = "customer"
    PROSPECT = "prospect"


class ProductFamily(StrEnum):
    INTERNET = "internet"
    IPFONIE = "ipfonie"
    CENTRAFLEX = "centraflex"
    FEE = "fee"

    @property
    def is_voice(self) -> bool:
        return self in (ProductFamily.IPFONIE, ProductFamily.CENTRAFLEX)


class BusinessTransaction(StrEnum):
    NEW_ORDER = "new_order"
    REORDER = "reorder"
    CONTRACT_EXTENSION = "contract_extension"
    PRODUCT_CHANGE = "product_change"
    PRODUCT_CHANGE_NEW_ORDER = "product_change_new_order"
    USAGE_LOCATION = "usage_location"

    @property
    def acts_on_contract(self) -> bool:
        return self is not BusinessTransaction.NEW_ORDER

    @property
    def is_product_change(self) -> bool:
        return self in (
            BusinessTransaction.PRODUCT_CHANGE,
            BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER,
        )


class ContractState(StrEnum):
    RUNNING = "running"
    TERMINATED = "terminated"


class ChangeRequestState(StrEnum):
    """A request to change the product inside the minimum term."""

    NONE = "none"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class CartState(StrEnum):
    OPEN = "open"
    QUOTED = "quoted"
    ORDERED = "ordered"


class QuoteState(StrEnum):
    OPEN = "open"
    SENT = "sent"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    ORDERED = "ordered"


class OrderStatus(StrEnum):
    RECEIVED = "received"
    IN_PROCESSING = "in_processing"
    COMPLETED = "completed"


class OptionKind(StrEnum):
    USAGE_LOCATION = "usage_location"
    NUMBER_PORTING = "number_porting"
    VOICE_FLAT_RATE = "voice_flat_rate"
    MINUTE_PACKAGE = "minute_package"
    VOICE_ENCRYPTION = "voice_encryption"
    STATIC_IP = "static_ip"


class AutomationDegree(StrEnum):
    FULL = "full"
    PARTIAL = "partial"
    MANUAL = "manual"


class ContractEffect(StrEnum):
    """What an order does to contracts once it is processed."""

    NEW_CONTRACT = "new_contract"
    ADJUST_CONTRACT = "adjust_contract"
    NEW_NUMBER_KEEP_COMPONENTS = "new_number_keep_components"


class RecipientSource(StrEnum):
    CUSTOMER_MASTER_DATA = "customer_master_data"
    CONFIRMING_USER = "confirming_user"
    APPROVER = "approver"
    QUOTE_CREATOR = "quote_creator"
    TENANT_MASTER_DATA = "tenant_master_data"
