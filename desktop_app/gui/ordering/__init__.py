"""Ordering: the cart → quote → order wizard, the carts-and-quotes window and their controller."""
