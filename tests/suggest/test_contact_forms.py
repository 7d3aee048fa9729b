"""Contact forms real cables and FOIA releases hold beyond the corpus's (issue 16, session 4):
international and written-out forms, addresses of several countries, document numbers; and
the numbers of a cable's own apparatus that must never become contacts. Written here."""

from __future__ import annotations

from cables import cable

from workbench.cable import parse_cable
from workbench.suggest import CONTACT, suggest

FORMS = """
1. (SBU) The British Embassy switchboard is +44 (0)20 7499 9000 and the French desk
00 33 1 43 12 22 22.  The Operations Center is (202) 647-4000; the desk 202-647-4000 ext. 123.
In Accra call tel. 2-345-678 or his mobile 024 412 3456; cell: +233 24 412 3456.
Fax (+254-20) 363-6410.  The hotline is 1-800-555-0199.  Reach the consul on 506/519-2441
or at +1 (202) 555 0147 x2294.

2. (SBU) Write to jdoe at example dot com, or maria.lopez[at]gmail[dot]com, or
k.tanaka (at) mofa (dot) go (dot) jp.  Her address is SmithJA8at8state.gov; his is
first.last AT un DOT org.

3. (SBU) The offices are at 1600 Pennsylvania Avenue NW, Washington, DC 20500; at
Unter den Linden 76, 10117 Berlin; at Via Vittorio Veneto 121, 00187 Roma; at
4-1 Akasaka 1-chome, Minato-ku, Tokyo 107-8420; at Avenida das Nacoes, Quadra 801, Lote 3;
at Paseo de la Reforma 305, Col. Cuauhtemoc, 06500 Mexico, D.F.; at P.O. Box 26431,
Manama; at Apartado 920-1200, San Jose; and with registered offices at 5 Jupiter House,
Callaeva Park, Reading, Berkshire RG7 8NN.  He lives at 27 Kensington Court, London W8 5DL.

4. (SBU) His passport number is A12345678 and his Moroccan passport N0123456; visa no.
2009123456789; national ID card 29001011234567; Iraqi ID 00123456.  Bank account
0123456789 at Banco Nacional; account no. 12-3456-78.  Social security number 123-45-6789.
"""

NOT_CONTACTS = """
1. (SBU) On 12/15/2009 at 1130 hours (191822Z JUN 09, ref A, 07SEOUL219, para 3,
E.O. 12958, 1.4 (b) and (d)) the Embassy paid USD 2.016 billion, 60.4 percent of the total,
for 23,800 employees, $104 for lodging and 534,263.37 euros.  Resolution 1737 covers 9,000
shipments from 0800 hours; the years 2007-2008; 1-3 May 2009; phone-in number 176; call
999; HTS 90189080; license 050073566; Vetting #: 99261; DOB: 8/7/1967; Purchase Order No.
900192943; page 2 of 4; 14,500 troops; room 6528; 2009-2010; 10-13 JAN 2010.  She arrived
at Tripoli on May 3 and met us at noon; the talks were at an impasse.
| id: 145766 | date: 3/13/2008 23:53 | ID:247169 Cable dated:2010-02-04T10:15:00
"""


def _found(body: str) -> dict[str, str]:
    c = parse_cable(cable(body), path="t.txt")
    return {" ".join(s.text.split()): s.detail for s in suggest(c, [CONTACT])}


def test_international_and_local_phone_forms() -> None:
    got = _found(FORMS)
    for text in (
        "+44 (0)20 7499 9000",
        "00 33 1 43 12 22 22",  # dialled with the international prefix, not "+"
        "(202) 647-4000",
        "202-647-4000 ext. 123",
        "2-345-678",
        "024 412 3456",
        "+233 24 412 3456",
        "1-800-555-0199",
        "506/519-2441",  # the area code before a slash
        "+1 (202) 555 0147 x2294",
    ):
        assert got.get(text) == "phone", (text, got)
    assert got["(+254-20) 363-6410"] == "fax"


def test_e_mail_addresses_written_out() -> None:
    got = _found(FORMS)
    for text in (
        "jdoe at example dot com",
        "maria.lopez[at]gmail[dot]com",
        "k.tanaka (at) mofa (dot) go (dot) jp",
        "SmithJA8at8state.gov",
        "first.last AT un DOT org",
    ):
        assert got.get(text) == "email", (text, got)


def test_addresses_of_many_countries() -> None:
    got = _found(FORMS)
    for text in (
        "1600 Pennsylvania Avenue NW, Washington, DC 20500",
        "Unter den Linden 76, 10117 Berlin",
        "Via Vittorio Veneto 121, 00187 Roma",
        "4-1 Akasaka 1-chome, Minato-ku, Tokyo 107-8420",
        "Avenida das Nacoes, Quadra 801, Lote 3",
        "P.O. Box 26431",
        "Apartado 920-1200",
        "5 Jupiter House, Callaeva Park, Reading, Berkshire RG7 8NN",  # not "offices at"
        "27 Kensington Court, London W8 5DL",
    ):
        assert got.get(text) == "address", (text, got)
    assert any(t.startswith("Paseo de la Reforma 305") for t in got)


def test_document_and_account_numbers_with_their_words() -> None:
    got = _found(FORMS)
    assert got["A12345678"] == got["N0123456"] == "passport"
    assert got["2009123456789"] == "visa"
    assert got["29001011234567"] == got["00123456"] == "id"
    assert got["0123456789"] == got["12-3456-78"] == "account"
    assert got["123-45-6789"] == "id"


def test_a_cables_own_numbers_dates_and_amounts_are_not_contacts() -> None:
    assert _found(NOT_CONTACTS) == {}


def test_the_drafters_line_before_the_classification() -> None:
    text = cable("1. (U) Nothing here.").replace(
        "C O N F I D E N T I A L",
        "DRAFTED BY: EUR/CE:JDOE -- 06/19/2009  202-647-3132\nAPPROVED BY: EUR/CE:RROE\n\n"
        "C O N F I D E N T I A L",
    )
    got = {s.text: s.detail for s in suggest(parse_cable(text, path="t.txt"), [CONTACT])}
    assert got == {"202-647-3132": "phone"}


def test_post_office_boxes_and_numbers_a_cue_introduces() -> None:
    got = _found(
        """
1. (SBU) Write to B.P. 1234, Niamey, to Case postale 45, 1211 Geneve, or to Postfach 1234,
10117 Berlin.  Fax no. 020 7499 9001; his cell phone is 0722 123 456; Mob. +254 722 123456.
"""
    )
    assert got["B.P. 1234"] == got["Case postale 45"] == "address"
    assert got["Postfach 1234, 10117 Berlin"] == "address"
    assert got["020 7499 9001"] == "fax"
    assert got["0722 123 456"] == got["+254 722 123456"] == "phone"
