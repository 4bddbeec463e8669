"""The backend URL policy and the settings object."""

import pytest
from desktop_app.api import ApiSettings, InsecureUrlError, check_backend_url


@pytest.mark.parametrize("url", [
    "https://orders.example.com/api/v1",
    "https://orders.example.com:8443/api/v1/",
    "http://127.0.0.1:8000/api/v1",
    "http://127.5.6.7/api/v1",
    "http://localhost:8000/api/v1",
    "http://[::1]:8000/api/v1",
    "HTTPS://Orders.Example.com/api/v1",
])
def test_accepted_urls(url: str) -> None:
    checked = check_backend_url(url)
    assert not checked.endswith("/")
    assert checked.lower().startswith(("https://", "http://"))


@pytest.mark.parametrize("url", [
    "http://example.com/api/v1",
    "http://10.0.0.5/api/v1",
    "http://[::2]/api/v1",
    "http://localhost.example.com/api/v1",
    "ftp://example.com/api/v1",
    "file:///etc/passwd",
    "example.com/api/v1",
    "https:///api/v1",
    "https://user:hunter2-secret@example.com/api/v1",
    "https://example.com/api/v1?x=1",
    "https://example.com:notaport/api/v1",
    "",
])
def test_refused_urls(url: str) -> None:
    with pytest.raises(InsecureUrlError) as caught:
        check_backend_url(url)
    for language in ("de", "en"):
        text = caught.value.message(language)
        assert text
        assert "hunter2-secret" not in text


def test_http_to_a_remote_host_names_https() -> None:
    with pytest.raises(InsecureUrlError) as caught:
        ApiSettings("http://example.com/api/v1")
    assert "https" in caught.value.message("de")
    assert "https" in caught.value.message("en")


def test_settings_defaults_and_verify_is_never_false() -> None:
    settings = ApiSettings("https://orders.example.com/api/v1/")
    assert settings.base_url == "https://orders.example.com/api/v1"
    assert settings.timeout == (5.0, 30.0)
    assert settings.verify is True
    assert settings.max_retries == 3
    assert settings.max_retry_after == 30.0
    assert settings.user_agent.startswith("OrderDesk/")
    custom = ApiSettings("https://orders.example.com/api/v1", ca_bundle="/etc/ca.pem")
    assert custom.verify == "/etc/ca.pem"
    assert ApiSettings("https://x.example/api/v1", ca_bundle="").verify is True


def test_settings_refuse_nonsense_timeouts() -> None:
    with pytest.raises(ValueError, match="timeouts"):
        ApiSettings("https://orders.example.com/api/v1", read_timeout=0)
