"""The live server starts, serves its OpenAPI document and answers a logged-in clerk."""

from tests.server.live_server import Api, LiveServer


def test_openapi_document_lists_the_contract(live_server: LiveServer) -> None:
    import httpx

    document = httpx.get(live_server.base_url + "/openapi.json", timeout=10).json()
    assert "/api/v1/changes" in document["paths"]
    assert "/api/v1/orders" in document["paths"]


def test_me_names_user_tenant_and_role(clerk: Api) -> None:
    me = clerk.get("/me").json()
    assert me["username"] == "max.nord"
    assert me["role"] == "partner_clerk"
    assert me["tenant"]["id"] == "t-nordlicht"
