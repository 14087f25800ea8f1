"""A document's signature on a PostgreSQL server: 512 bits, one set for each two- and
three-character piece of its folded text (a Bloom filter of its pieces).

A search walks the newest documents testing their text, and reading a document's text
costs about a microsecond wherever the table has put its row (rows move as they are
edited). The signatures sit in a narrow table whose primary key carries them
(``search_sigs``, migration 0010), so a walk reads them in id order from the index
alone and reads the text only of the documents whose signature holds every bit of the
terms' pieces: a few in a hundred for a phrase of common words. A term's pieces are
pieces of every text that holds it, so the test never turns a match away.

Migration 0010 keeps its own copy of ``piece_bits``: stored signatures must not change
with the code (a test compares the two).
"""

from collections.abc import Iterable

from recap.domain.search_text import SearchTerm

WORDS = 8  # 64-bit words: 512 bits, about a third of them set in a 200-character text
BITS = 64 * WORDS
MULTIPLIER = 7919  # any odd number that spreads neighbouring code points (Hangul syllables)
SIGS_TABLE = "search_sigs"
WORD_COLUMNS = tuple(f"s{word}" for word in range(WORDS))


def piece_bits(text: str) -> set[int]:
    """The bit of each two- and three-character piece of ``text``: the piece's length
    and code points mixed, modulo BITS (no hash seed: the same on every run)."""
    codes = [ord(character) for character in text]
    bits = set()
    for start in range(len(codes) - 1):
        pair = (2 * MULTIPLIER + codes[start]) * MULTIPLIER + codes[start + 1]
        bits.add(pair % BITS)
        if start + 2 < len(codes):
            triple = ((3 * MULTIPLIER + codes[start]) * MULTIPLIER + codes[start + 1]) * MULTIPLIER
            bits.add((triple + codes[start + 2]) % BITS)
    return bits


def words_of(bits: Iterable[int]) -> list[int]:
    """The bits as WORDS signed 64-bit integers (PostgreSQL's bigint)."""
    words = [0] * WORDS
    for bit in bits:
        words[bit >> 6] |= 1 << (bit & 63)
    return [word - (1 << 64) if word >> 63 else word for word in words]


def signature(folded: str) -> list[int]:
    """The stored signature of a document's folded text."""
    return words_of(piece_bits(folded))


def mask(terms: Iterable[SearchTerm]) -> dict[int, int]:
    """The words a matching document's signature must hold, by word number: the bits
    of every term's pieces (none for a one-character term). Empty: no test."""
    bits: set[int] = set()
    for term in terms:
        bits |= piece_bits(term.text)
    return {word: value for word, value in enumerate(words_of(bits)) if value}
