"""The compiled word lists (tries + value arrays) say exactly what their TSV forms say."""

from __future__ import annotations

import gzip

import pytest

from workbench.suggest import lexicon as lexicon_module
from workbench.suggest.lexicon import DATA, LexiconError, lexicon


def _rows(name: str) -> list[list[str]]:
    with gzip.open(DATA / f"{name}.tsv.gz", "rt", encoding="utf-8") as f:
        return [line.split("\t") for line in f.read().splitlines()]


def test_every_name_has_its_ranks() -> None:
    lex = lexicon()
    rows = _rows("names")
    assert len(lex.names) == len(rows)
    for token, first, last in rows:
        assert lex.ranks(token) == (int(first), int(last)), token
    assert not lex.is_name("zzqxv") and lex.ranks("zzqxv") == (0, 0)


def test_every_word_has_its_frequency_and_flag() -> None:
    lex = lexicon()
    rows = _rows("words")
    assert len(lex.words) == len(rows)
    for word, z, flag in rows:
        assert lex.zipf(word) == int(z) / 10, word
        assert lex.common(word) == (flag == "2") and lex.word(word) == (flag != "0"), word
    assert lex.zipf("zzqxv") == 0 and not lex.word("zzqxv")


def test_a_damaged_list_is_one_clear_error(tmp_path, monkeypatch) -> None:
    for name in ("names.marisa", "names.values.gz", "words.marisa", "words.values.gz"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / "words.marisa").write_bytes(b"not a trie")
    monkeypatch.setattr(lexicon_module, "DATA", tmp_path)
    lexicon_module._load.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"words\.marisa is missing or damaged"):
            lexicon_module._load()
    finally:
        lexicon_module._load.cache_clear()
