"""Small value models shared by several entities: contacts and suppressions."""

from __future__ import annotations

from ropa.models._base import CountryCode, Date, RopaModel, Text

__all__ = ["Contact", "Suppression"]


class Contact(RopaModel):
    """Name and contact details of a person or organisation (Art. 30(1)(a))."""

    name: Text | None = None
    """Name of the person, role or organisation."""
    email: str | None = None
    """E-mail address."""
    phone: str | None = None
    """Telephone number."""
    address: Text | None = None
    """Postal address, as one text."""
    country: CountryCode | None = None
    """ISO 3166-1 alpha-2 country."""
    url: str | None = None
    """Web address (contact form, privacy page)."""

    @property
    def has_details(self) -> bool:
        """True when at least an e-mail, phone, address or URL is given."""
        return any((self.email, self.phone, self.address, self.url))


class Suppression(RopaModel):
    """A justified exception to one rule for the entity that carries it."""

    rule: str
    """Rule code (``RET-005``) or name (``until-event-without-fallback``)."""
    justification: Text
    """Why the finding does not apply. Required."""
    until: Date | None = None
    """The suppression expires after this date."""
