"""A withheld name is withheld however the cable writes it again (newcomer 5): with an HTML
entity ("Mu&#241;oz", finding 21), without its accents ("MUNOZ", findings 22 and 30), as an
addressee handle ("JBRENNAN", finding 18), inside an address with a three-letter surname
("kimhj@", finding 17), with five parts or more (finding 29a), with its particle ("van Gogh",
finding 31), and the names of a withheld passing line (finding 26). The cable is written here."""

from __future__ import annotations

from corpus import SAMPLE

from workbench.cable import Cable, parse_cable
from workbench.review.model import Action, Decision, Redaction, Review
from workbench.review.recurrences import needles, repeats_in
from workbench.review.withheld_names import name_parts


def reviewed(body: str, *names: str, passing: str = "") -> tuple[Cable, Review]:
    """The sample's header with ``body`` (and ``passing`` for its passing line); each of
    ``names`` withheld where ¶1 first says it, the rest released."""
    head = SAMPLE.read_text(encoding="utf-8").split("11. (U)")[0]
    if passing:
        head = head.replace("LCC SEOUL SEOUL KOREA PLEASE PASS TO J2, J5 AND SCJS", passing)
    cable = parse_cable(head + body + "STANTON\n", "fixture.txt")
    review = Review.for_cable(cable)
    p1 = cable.paragraphs[0]
    spans = []
    for name in names:
        i = cable.text.index(name, p1.body_start)
        spans.append(Redaction(i, i + len(name), ("(b)(6)",)))
    if spans:
        review.with_decision(p1.index, Decision(Action.PARTIAL, spans=tuple(spans)))
    for region in review.pending():
        review.with_decision(region.key, Decision(Action.RELEASE))
    return cable, review


def withheld_in(cable: Cable, review: Review, n: int) -> list[str]:
    spans = review.effective(cable.paragraphs[n].index).decision.spans
    return [cable.text[s.start : s.end] for s in spans]


def test_an_entity_or_a_missing_accent_is_the_same_name() -> None:
    body = (
        "1. (C) Poloff met José Muñoz Peña of MOFAT.\n\n"
        "2. (C) Jose Mu&#241;oz (MU&Ntilde;OZ) confirmed it.\n\n"
        "3. (C) JOSE MUNOZ PENA (Munoz) agreed.\n\n"
    )
    cable, review = reviewed(body, "José Muñoz Peña")
    # Spans lie on the text as written: the entity's characters are withheld with the name.
    assert withheld_in(cable, review, 1) == ["Jose", "Mu&#241;oz", "MU&Ntilde;OZ"]
    assert withheld_in(cable, review, 2) == ["JOSE MUNOZ PENA", "Munoz"]
    wanted = needles(review)
    # What verify and the Vaughn index's comment check look for.
    assert repeats_in("Mu&#241;oz confirmed", wanted)
    assert ("munoz", "paragraph 1") in repeats_in("Jose Munoz is a private citizen", wanted)
    assert repeats_in("the plan confirmed", wanted) == []


def test_every_part_of_a_name_of_five_parts_is_looked_for() -> None:
    body = (
        "1. (C) Poloff met Ahmed Magdy Abdelwahid Khedr Ahmed of MOFAT.\n\n"
        "2. (C) Khedr confirmed it, and Abdelwahid agreed.\n\n"
    )
    cable, review = reviewed(body, "Ahmed Magdy Abdelwahid Khedr Ahmed")
    assert withheld_in(cable, review, 1) == ["Khedr", "Abdelwahid"]
    assert repeats_in("Khedr confirmed", needles(review))
    # A Classified By line selected whole is a list, not a name: "State" is no part to box.
    assert name_parts("Peter Martin, CDA, Vatican, State.") == []


def test_an_addressee_handle_of_initials_and_surname_is_the_name() -> None:
    body = (
        "1. (C) Poloff met John Brennan, Donald A. Blome and Tom Ravel.\n\n"
        "2. (C) NSC FOR JBRENNAN. We (DBLOME) and DABLOME agreed. Travel is planned.\n\n"
    )
    cable, review = reviewed(body, "John Brennan", "Donald A. Blome", "Tom Ravel")
    # "Travel" is an English word, not Tom Ravel's handle.
    assert withheld_in(cable, review, 1) == ["JBRENNAN", "DBLOME", "DABLOME"]
    assert repeats_in("NSC FOR JBRENNAN AND JDUNCAN", needles(review)) == [
        ("jbrennan", "paragraph 1")
    ]


def test_a_three_letter_surname_inside_an_address() -> None:
    body = (
        "1. (C) Poloff met Kim Hye-jin of MOFAT.\n\n"
        "2. (C) Write to kimhj@mofat.go.kr, hj.kim@mofat.go.kr or kim2007@mofat.go.kr; "
        "the press office is akimbo@mofat.go.kr.\n\n"
    )
    cable, review = reviewed(body, "Kim Hye-jin")
    withheld = withheld_in(cable, review, 1)
    assert "kimhj@mofat.go.kr" in withheld and "hj.kim@mofat.go.kr" in withheld
    assert "kim2007@mofat.go.kr" in withheld
    assert "akimbo@mofat.go.kr" not in withheld  # "kim" inside a word is no address of Kim's
    assert repeats_in("mail kimhj@mofat.go.kr today", needles(review))


def test_the_particle_before_a_withheld_part_goes_with_it() -> None:
    body = (
        "1. (C) The murder of Theo van Gogh shocked Pieter de Gooijer.\n\n"
        "2. (C) After the van Gogh murder, De Gooijer said so.\n\n"
    )
    cable, review = reviewed(body, "Theo van Gogh", "Pieter de Gooijer")
    assert withheld_in(cable, review, 1) == ["van Gogh", "De Gooijer"]


def test_the_people_a_withheld_passing_line_names_are_withheld_elsewhere() -> None:
    passing = "NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH\nLONDON FOR CHARLES GURNEY"
    body = "1. (C) GURNEY AND SMITH NOTED THAT THE DIRECTOR AGREED.\n\n"
    cable, review = reviewed(body, passing=passing)
    line = next(r for r in review.regions() if r.kind == "passing")
    review.with_decision(line.key, Decision(Action.WITHHOLD, ("(b)(6)",)))
    assert withheld_in(cable, review, 0) == ["GURNEY", "SMITH"]  # the titles stay
    assert ("gurney", "Passing line 1") in repeats_in("GURNEY NOTED", needles(review))


def test_verify_sees_a_particle_printed_beside_its_box(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Finding 16's verify half: a release that prints "the van [box] murder" (as before the
    rule took the particle) fails verify, although "the van" is released text elsewhere."""
    from workbench.export.options import ExportOptions
    from workbench.export.pdf_read import extract
    from workbench.export.release import render_release
    from workbench.export.verify import verify
    from workbench.review import recurrences

    body = (
        "1. (C) The murder of Theo van Gogh shocked the van driver.\n\n"
        "2. (C) After the van Gogh murder, the van left.\n\n"
    )
    cable, review = reviewed(body, "Theo van Gogh")
    options = ExportOptions(reviewer="T. Rev")
    assert verify(cable, review, extract(render_release(cable, review, options)), options).ok
    with monkeypatch.context() as m:
        m.setattr(recurrences, "with_particle", lambda _text, start, _lo: start)
        old = Review.for_cable(cable)
        for key, d in review.decisions.items():
            old.with_decision(key, d)
        assert withheld_in(cable, old, 1) == ["Gogh"]
        pdf = render_release(cable, old, options)  # verified as the rule then was
    report = verify(cable, review, extract(pdf), options)
    assert report.leaks == [
        "the release prints 'van' before 'murder the van left', where the review withholds "
        "it with the name after it"
    ]
