"""The embedded server's accepted connections send small answers at once (TCP_NODELAY).

asyncio sets TCP_NODELAY only on sockets whose proto is IPPROTO_TCP; a listener made as
socket.socket() has proto 0, and then every answer waited ~40 ms for the client's delayed ACK.
"""

import socket

from tests.server.live_server import Api, LiveServer


def test_accepted_connections_have_tcp_nodelay(live_server: LiveServer, anonymous: Api) -> None:
    assert anonymous.http.get("/health").status_code == 200  # keeps its connection open
    connections = live_server._server.server_state.connections
    assert connections
    for connection in connections:
        sock = connection.transport.get_extra_info("socket")
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
