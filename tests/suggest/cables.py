"""Small cables written for the suggestion tests (not from the corpus): each shows one thing."""

from __future__ import annotations

from workbench.cable import parse_cable
from workbench.cable.model import Cable

HEADER = """VZCZCXYZ0000
PP RUEHWEB

DE RUEHXX #0001 0010001
ZNY CCCCC ZZH
P 010001Z JAN 09
FM AMEMBASSY RIVERTON
TO RUEHC/SECSTATE WASHDC PRIORITY 0001

C O N F I D E N T I A L RIVERTON 000001

SIPDIS

{passing}
E.O. 12958: DECL: 01/01/2019
TAGS: PREL PGOV XX
SUBJECT: {subject}

Classified By: {authority}

"""


def cable(
    body: str,
    subject: str = "MEETING WITH THE MINISTER",
    passing: str = "",
    authority: str = "Ambassador Ann Example for reasons 1.4 (b) and (d).",
    signature: str = "EXAMPLE",
) -> str:
    return (
        HEADER.format(passing=passing, subject=subject, authority=authority)
        + body.strip()
        + f"\n{signature}\n"
    )


def parsed(body: str, **kw: str) -> Cable:
    return parse_cable(cable(body, **kw), path="test.txt")


MIXED = cable(
    """
1. (C) On May 3, Poloff met Foreign Minister Jan Kowalczyk and his adviser Maria Lindqvist.
Kowalczyk said the ministry would answer soon.  Ambassador Vershbow raised the issue again
with Kowalczyk's deputy, Dr. Tomas Berglund, who told us that the Cabinet had not decided.

2. (C) According to Lindqvist, President Okonjo will travel to Geneva.  The Costa Rican
delegation and the Julia Taft Fund were not discussed.  Mr. Berglund's view is shared by
Senator Whitcombe.
""",
    passing="EUR/CE FOR JBRANDT AND DAS LEE",
)

UPPER = cable(
    """
1. (C) ON MAY 3 POLOFF MET FOREIGN MINISTER JAN KOWALCZYK.  KOWALCZYK SAID THAT THE
GOVERNMENT WILL DECIDE IN JUNE.  PRESIDENT OKONJO WILL NOT ATTEND, THE MINISTER ADDED.

2. (C) THE AMBASSADOR TOLD KOWALCZYK THAT WASHINGTON WILL WAIT.
""",
    subject="KOWALCZYK ON THE SUMMIT",
    authority="AMBASSADOR ANN EXAMPLE FOR REASONS 1.4 (B) AND (D).",
)

CONTACTS = cable(
    """
1. (U) Post's point of contact is Economic Officer Dana Whitfield, tel. (202) 647-1234,
fax 202-647-9876, e-mail WhitfieldDX@state.gov.  The company's office is at 1600 Main
Street, Springfield, IL 62701.  In Mexico: Avenida Reforma 305, Colonia Cuauhtemoc,
CP 06500.

2. (SBU) Name: Perez Gomez, Luis
Passport Number: G12345678
Cedula Number: 80411143
Bank account no. 0012-3456-7890
Mobile +44 20 7946 0958

3. (U) The DTC Case: 050157579 and UNSCR 1803 are not contacts; nor is 12 May 2009.
""",
)

PROTECT = cable(
    """
1. (C) Ministry adviser Rogelio Vargas (strictly protect) told us the vote is fixed.
A banker close to the family (please protect) confirmed it, as did
XXXXXXXXXXXX(protect source).

2. (SBU) SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.  The army will protect
the border.
""",
)

BLOCKS = cable(
    """
1. (U) Hospitals near the consulate:

Hospital Central
Avenida Juarez 1200 Norte
Col. Centro
C.P. 31000 Chihuahua
Telephone - (614) 555-0100

Clinica del Valle
Calle Morelos 45
Cd. Chihuahua
Tel/Fax: 410-2233

2. (U) The embassy switchboard is (614) 555-0199 and the IVG number is 4950000.
On September 28 the administrative court met again.
""",
)

ABROAD = cable(
    """
1. (U) Contacts abroad:
Embassy Paris, Tel. +33 1 43 12 22 22, fax +33 1 42 66 97 83.
Berlin office: Unter den Linden 76, 10117 Berlin.
Buenos Aires: (011) 4345-6789; mobile 0300-5551234.
Moscow switchboard: 7 495 728-5000.  Beijing: +86-10-8531-3000.
Write to Rue de la Loi 200, 1049 Brussels, or Calle Serrano 75, 28006 Madrid,
or Via Veneto 119/A, 00187 Roma, or 12 Grosvenor Square, London W1K 6AH.
The White House is at 1600 Pennsylvania Avenue NW, Washington, DC 20500.
Mail: P.O. Box 1234, Nairobi.  E-mail JOHN.DOE@STATE.GOV or jdoe@embassy.org.uk.
His passport no. 123456789 and Passport: A1234567; cedula de identidad 1-0234-0567.
On August 4, 2009 Costa Rica signed; the note DATED JULY 3, 2001 AND its reply.
""",
)

# Shapes the third labelling round found missed: a US-dialled number with its prefix in
# parentheses, local numbers after "Cellphone:" and "Office:", a city line with a lettered
# postcode and no comma, a street line with an ordinal, an e-mail in a forwarded mail header
# before the cable, and a flight "via" an airline that is no street.
LOCAL = "From: Ops Center [OPSCENTER@example.gov]\n" + cable(
    """
1. (U) Control officer: Pat Example, Av. Sol 4300, Cellphone:
(011-54-9-11) 15-4321-8765; Embassy Phone (011-54-11) 5555-0199.
Cellphone: 15- 5123-4567, Office: 5555-0148

Hotel Example
Av. Central 1200
Riverton C1234XYZ Freedonia

Tienda Example, SA
Avenida 3RA. Calle 7
Riverton, Freedonia

2. (U) The delegation departs via Freedonia Airlines 455 at noon.
""",
)

# Name forms the third labelling round found missed or cut short.
ROUND3 = cable(
    """
1. (SBU) Consul General in Sao Paulo Joseph Haddad told us that FonMin Brenes will
travel.  Chancellor Baker, Bank of Riverton Governor Whitlock and others attended.
Activist Hoda Aboul Zarqawen was honored.  The award to Aboul Zarqawen is deserved.
3. (U) Biographic data: Full Legal Name: Rania Zarqawen Job Title: Chair of the Board
2. (U) The papers were signed by Peter Andrade, the owner.  AmCit Robert Dudley left;
the board asked Dudley to resign.
""",
    passing=(
        "DEPT FOR EEB/ESC/IEC/ENR DANA KOPP\nFSI FOR SPAS/ECON LISA MARSH\n"
        "COMMERCE FOR NATE HOLLIS; USTR FOR RVARGO, AMORENO\nBOGOTA FOR ANNA K. BERGSTROM\n"
    ),
    signature="HOLLOWAY \n\n\nNNNN\n\n\n\nEnd Cable Text",
)

# Numbers before capitalised words that are no street address.
NOT_ADDRESSES = cable(
    """
1. (U) The 2004 Supreme Court decision stands; on September 28 Egyptian Appeals Court
judges ruled again.  DOB: 12:00:00 AM
Place of Birth: Riverton.  A talk by NAMRU-3 Director Dr. Alan Example followed.
2. (U) Protesters gathered along the main East-West
boulevard on property owned in 2003 by the ministry.  Reply to 09 RIVERTON 3641

INTER-AMERICAN COURT RULINGS.  The firm is at No. 24/26 Harbour Road, Riverton.
""",
)

# Words next to names that belong to titles, bodies and places, seen on unlabelled dev cables.
BESIDE_NAMES = cable(
    """
1. (C) Assistant Secretary for Asia Robert Scholl met Gordon Battle Special Envoy for
Sudan and the Instituto de Defensa Legal.  Crown Prince Salman spoke; Hizballah SecGen
Nasrallah did not.  Poloffs met the Multaqa al-Bahrain forum; Bahrain welcomed it.
2. (C) GOH officials doubted the Karimov Administration and the Qatari government.
""",
)
