"""A quantity is a whole number: 3.0 is 3 (JSON and JSON Schema's "integer" do not tell them
apart; the schema fuzzer sends it), while text, fractions, booleans and absurd sizes stay
refused."""

import pytest
from desktop_app.contract.carts import CartItemIn
from pydantic import ValidationError


@pytest.mark.parametrize("written", ["3", "3.0", "3e0"])
def test_a_whole_number_is_a_quantity(written: str) -> None:
    item = CartItemIn.model_validate_json(f'{{"product_code": "X", "quantity": {written}}}')
    assert item.quantity == 3 and type(item.quantity) is int


@pytest.mark.parametrize("written", ['"3"', "1.5", "true", "1e300", "2e9", "NaN"])
def test_anything_else_is_refused(written: str) -> None:
    with pytest.raises(ValidationError):
        CartItemIn.model_validate_json(f'{{"product_code": "X", "quantity": {written}}}')
