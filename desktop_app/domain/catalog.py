"""The product catalog offered digitally, with prices in euro cents (net)."""

from dataclasses import dataclass

from desktop_app.domain.enums import OptionKind, ProductFamily

PRODUCT_CHANGE_FEE_CODE = "fee-product-change"
VAT_PERCENT = 19


@dataclass(frozen=True)
class ProductOption:
    code: str
    kind: OptionKind
    name_de: str
    name_en: str
    monthly_cents: int = 0
    one_time_cents: int = 0
    max_quantity: int = 1


@dataclass(frozen=True)
class Product:
    code: str
    family: ProductFamily
    name_de: str
    name_en: str
    monthly_cents: int
    one_time_cents: int
    minimum_term_months: int
    options: tuple[ProductOption, ...] = ()

    def option(self, code: str) -> ProductOption | None:
        return next((option for option in self.options if option.code == code), None)

    def offers(self, kind: OptionKind) -> bool:
        return any(option.kind is kind for option in self.options)


def _voice_options(flat_cents: int) -> tuple[ProductOption, ...]:
    return (
        ProductOption("usage-location", OptionKind.USAGE_LOCATION, "Nutzungsort", "Usage location",
                      monthly_cents=0, one_time_cents=4900, max_quantity=50),
        ProductOption("number-porting", OptionKind.NUMBER_PORTING, "Rufnummernmitnahme",
                      "Number porting", one_time_cents=2900, max_quantity=100),
        ProductOption("flat-de", OptionKind.VOICE_FLAT_RATE, "Flatrate Festnetz Deutschland",
                      "Flat rate German landlines", monthly_cents=flat_cents),
        ProductOption("flat-mobile", OptionKind.VOICE_FLAT_RATE, "Flatrate Mobilfunk Deutschland",
                      "Flat rate German mobile networks", monthly_cents=flat_cents * 2),
        ProductOption("minutes-1000", OptionKind.MINUTE_PACKAGE, "Minutenpaket 1.000 Ausland",
                      "Minute package 1,000 international", monthly_cents=1990, max_quantity=20),
        ProductOption("encryption", OptionKind.VOICE_ENCRYPTION, "Sprachverschlüsselung (SRTP/TLS)",
                      "Voice encryption (SRTP/TLS)", monthly_cents=500),
    )


_INTERNET_OPTIONS = (
    ProductOption("usage-location", OptionKind.USAGE_LOCATION, "Anschlussort", "Installation site",
                  max_quantity=1),
    ProductOption("static-ip-8", OptionKind.STATIC_IP, "Feste IP-Adressen (/29)",
                  "Static IP addresses (/29)", monthly_cents=1500),
)

PRODUCTS: tuple[Product, ...] = (
    Product("internet-dsl-100", ProductFamily.INTERNET, "Internet DSL 100", "Internet DSL 100",
            4990, 9900, 24, _INTERNET_OPTIONS),
    Product("internet-dsl-250", ProductFamily.INTERNET, "Internet DSL 250", "Internet DSL 250",
            6990, 9900, 24, _INTERNET_OPTIONS),
    Product("internet-ll-100", ProductFamily.INTERNET, "Internet Standleitung 100 Mbit/s",
            "Internet leased line 100 Mbit/s", 39900, 99000, 36, _INTERNET_OPTIONS),
    Product("internet-ll-1000", ProductFamily.INTERNET, "Internet Standleitung 1 Gbit/s",
            "Internet leased line 1 Gbit/s", 89900, 149000, 36, _INTERNET_OPTIONS),
    Product("ipfonie-trunk-10", ProductFamily.IPFONIE, "IPfonie SIP-Trunk 10 Kanäle",
            "IPfonie SIP trunk 10 channels", 5990, 4900, 24, _voice_options(990)),
    Product("ipfonie-trunk-30", ProductFamily.IPFONIE, "IPfonie SIP-Trunk 30 Kanäle",
            "IPfonie SIP trunk 30 channels", 14990, 4900, 24, _voice_options(2490)),
    Product("centraflex-10", ProductFamily.CENTRAFLEX, "Tengo Centraflex 10 Plätze",
            "Tengo Centraflex 10 seats", 8990, 0, 12, _voice_options(990)),
    Product("centraflex-50", ProductFamily.CENTRAFLEX, "Tengo Centraflex 50 Plätze",
            "Tengo Centraflex 50 seats", 39990, 0, 12, _voice_options(2490)),
    Product(PRODUCT_CHANGE_FEE_CODE, ProductFamily.FEE, "Produktwechselgebühr",
            "Product change fee", 0, 14900, 0),
)

_BY_CODE = {product.code: product for product in PRODUCTS}


def product_by_code(code: str) -> Product | None:
    return _BY_CODE.get(code)


def orderable_products() -> tuple[Product, ...]:
    return tuple(product for product in PRODUCTS if product.family is not ProductFamily.FEE)


def gross_cents(net_cents: int) -> int:
    """Gross from net at the German VAT rate, rounded half up to the cent."""
    return (net_cents * (100 + VAT_PERCENT) + 50) // 100
