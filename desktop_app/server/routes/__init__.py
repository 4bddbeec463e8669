"""HTTP routes of the v1 contract; each module is one resource."""
