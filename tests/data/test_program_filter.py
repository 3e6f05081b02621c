"""The program filter's index: every word in any order, narrowing from the previous answer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fichas_tui.data.program_filter import KeyIndex

KEYS = ["residencia familiar", "familia residente", "apoyo escolar", "red escolar", "resi"]


def naive(keys, words):
    return [i for i, k in enumerate(keys) if all(w in k for w in words)]


def test_hand_checked_and_narrowing():
    index = KeyIndex(KEYS)
    assert index.matching([]) is None
    assert index.matching(["r"]) == [0, 1, 2, 3, 4]
    assert index.matching(["re"]) == [0, 1, 3, 4]
    assert index.matching(["resi"]) == [0, 1, 4]
    assert index.matching(["resid"]) == [0, 1]
    assert index.matching(["resid", "fam"]) == [0, 1]
    assert index.matching(["resid", "familiar"]) == [0]
    # back to a shorter query: not narrowed from the last answer
    assert index.matching(["esc"]) == [2, 3]
    assert index.matching(["escolar", "apoyo"]) == [2]


@given(
    st.lists(st.text(alphabet="abc ", max_size=8), max_size=30),
    st.lists(st.lists(st.text(alphabet="abc", min_size=1, max_size=3), max_size=3), max_size=6),
)
def test_any_sequence_of_queries_equals_a_full_scan(keys, queries):
    index = KeyIndex(keys)
    for words in queries:
        found = index.matching(words)
        assert (list(range(len(keys))) if found is None else found) == naive(keys, words)
