"""Contact details: phones, faxes, e-mail and street addresses, document and account numbers."""

from __future__ import annotations

from cables import CONTACTS

from workbench.cable import parse_cable
from workbench.suggest import CONTACT, suggest


def found() -> dict[str, str]:
    cable = parse_cable(CONTACTS, path="t.txt")
    return {" ".join(s.text.split()): s.detail for s in suggest(cable, [CONTACT])}


def test_phone_fax_email() -> None:
    got = found()
    assert got["(202) 647-1234"] == "phone"
    assert got["202-647-9876"] == "fax"
    assert got["WhitfieldDX@state.gov"] == "email"
    assert got["+44 20 7946 0958"] == "phone"


def test_street_addresses_us_and_spanish_forms() -> None:
    got = found()
    assert got["1600 Main Street, Springfield, IL 62701"] == "address"
    assert any(t.startswith("Avenida Reforma 305") and "06500" in t for t in got)


def test_document_and_account_numbers() -> None:
    got = found()
    assert got["G12345678"] == "passport"
    assert got["80411143"] == "id"
    assert got["0012-3456-7890"] == "account"


def test_case_numbers_resolutions_and_dates_are_not_contacts() -> None:
    got = found()
    assert not any(x in t for t in got for x in ("050157579", "1803", "2009"))


def test_contacts_carry_the_privacy_code() -> None:
    cable = parse_cable(CONTACTS, path="t.txt")
    assert {s.codes for s in suggest(cable, [CONTACT])} == {("(b)(6)",)}


def test_address_blocks_and_local_numbers() -> None:
    from cables import BLOCKS

    cable = parse_cable(BLOCKS, path="t.txt")
    got = {" ".join(s.text.split()): s.detail for s in suggest(cable, [CONTACT])}
    assert got["Avenida Juarez 1200 Norte Col. Centro C.P. 31000 Chihuahua"] == "address"
    assert got["Calle Morelos 45 Cd. Chihuahua"] == "address"
    assert got["(614) 555-0100"] == "phone"
    assert got["410-2233"] in ("phone", "fax")  # a local number a cue introduces
    assert got["4950000"] == "phone"
    assert not any("court" in t for t in got)  # "September 28 the administrative court"


def test_formats_of_other_countries() -> None:
    from cables import ABROAD

    cable = parse_cable(ABROAD, path="t.txt")
    got = {" ".join(s.text.split()): s.detail for s in suggest(cable, [CONTACT])}
    for phone in ("+33 1 43 12 22 22", "(011) 4345-6789", "0300-5551234", "+86-10-8531-3000"):
        assert got.get(phone) in ("phone", "fax"), phone
    for address in (
        "Unter den Linden 76, 10117 Berlin",
        "Rue de la Loi 200, 1049 Brussels",
        "Calle Serrano 75, 28006 Madrid",
        "Via Veneto 119/A, 00187 Roma",
        "12 Grosvenor Square, London W1K 6AH",
        "1600 Pennsylvania Avenue NW, Washington, DC 20500",
    ):
        assert got.get(address) == "address", address
    assert got["JOHN.DOE@STATE.GOV"] == "email"
    assert got["1-0234-0567"] == "id"
    assert not any("2009" in t or "2001" in t for t in got)  # dates are not addresses


def test_local_numbers_blocks_and_mail_headers() -> None:
    from cables import LOCAL

    cable = parse_cable(LOCAL, path="t.txt")
    got = {" ".join(s.text.split()): s.detail for s in suggest(cable, [CONTACT])}
    for phone in ("(011-54-9-11) 15-4321-8765", "(011-54-11) 5555-0199", "15- 5123-4567"):
        assert got.get(phone) == "phone", phone
    assert got.get("5555-0148") == "phone"  # "Office:" introduces a local number
    assert got.get("Av. Sol 4300") == "address"  # not "Av. Sol 4300, Cellphone"
    assert got.get("Av. Central 1200 Riverton C1234XYZ Freedonia") == "address"
    assert got.get("Avenida 3RA. Calle 7 Riverton, Freedonia") == "address"
    assert got.get("OPSCENTER@example.gov") == "email"
    assert not any("Airlines" in t for t in got), got  # a flight, not a street


def test_years_dates_times_and_codes_are_not_house_numbers() -> None:
    from cables import NOT_ADDRESSES

    cable = parse_cable(NOT_ADDRESSES, path="t.txt")
    got = [" ".join(s.text.split()) for s in suggest(cable, [CONTACT])]
    assert got == ["24/26 Harbour Road, Riverton"], got


def _contacts(body: str) -> dict[str, str]:
    from cables import cable

    c = parse_cable(cable(body), path="t.txt")
    return {" ".join(s.text.split()): s.detail for s in suggest(c, [CONTACT])}


def test_numbered_streets_units_labels_boxes_and_lists() -> None:
    got = _contacts(
        """
1. (SBU) The office is at Calle 93 No. 11-38, Bogota; the depot at Carrera 7 No. 71-21.
He lives at House No. 12, Street 5, F-7/2, Islamabad, and writes to Apartado Postal 1234.
The Embassy is at 2 avenue Gabriel, 75008 Paris.  The firm: C/ Serrano 75, Madrid.
Suite 400, 1250 Connecticut Avenue NW, Washington, DC 20036 is the law office.

2. (SBU) End user address: HANGAR 5, AEROPUERTO EL DORADO, BOGOTA, Cellphone: 315 555 0101.
The consignee is:

   AEROVIAS DEL NORTE LTDA
   AVIACION GENERAL HANGAR 19
   AEROPUERTO INTERNACIONAL EL DORADO
   BOGOTA CUNDINAMARCA
   COLOMBIA

3. (SBU) TEL: 972-3-519-7575.  Contact numbers: 0244-123456, 0208-765432.  His passport
numbers are 123456 and 789012, his IBAN DE89 3704 0044 0532 0130 00 and his residence
permit number 4455667788.

4. (SBU) On 15 March Street protests began, and the 3 Supreme Court judges resigned.
The server's IP address: 10.12.4.200, its web address: www.example.org/2009.
"""
    )
    for text in (
        "Calle 93 No. 11-38, Bogota",
        "Carrera 7 No. 71-21",
        "House No. 12, Street 5, F-7/2, Islamabad",
        "Apartado Postal 1234",
        "2 avenue Gabriel, 75008 Paris",
        "C/ Serrano 75, Madrid",
        "1250 Connecticut Avenue NW, Washington, DC 20036",  # not "Suite 400, 1250 Connecticut"
        "HANGAR 5, AEROPUERTO EL DORADO, BOGOTA",  # what the label introduces, not Cellphone
        "AVIACION GENERAL HANGAR 19 AEROPUERTO INTERNACIONAL EL DORADO BOGOTA CUNDINAMARCA",
    ):
        assert got.get(text) == "address", (text, got)
    assert got["972-3-519-7575"] == "phone" and got["0208-765432"] == "phone"
    assert got["123456"] == got["789012"] == "passport"
    assert got["DE89 3704 0044 0532 0130 00"] == "account"
    assert got["4455667788"] == "id"
    assert not any("March" in t or "Supreme" in t or "COLOMBIA" in t for t in got)
    assert not any("10.12.4.200" in t or "example.org" in t for t in got)
