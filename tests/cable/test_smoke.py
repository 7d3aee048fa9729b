from corpus import SAMPLE

from workbench.cable import read_cable


def test_sample_reads():
    cable = read_cable(SAMPLE)
    assert cable.id == "07SEOUL219"
    assert [p.number for p in cable.paragraphs] == [1, 2, 3, 4]
