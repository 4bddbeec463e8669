"""The wizard's page ids, in order."""

from enum import IntEnum


class PageId(IntEnum):
    CUSTOMER = 0
    TRANSACTION = 1
    CART = 2
    QUOTE = 3
    APPROVAL = 4
    SUBMIT = 5
    CONFIRMATION = 6
