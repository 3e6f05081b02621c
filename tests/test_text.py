"""fold_many is fold, for many texts at once (the program list's sort keys)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fichas_tui.text import fold, fold_many

SPANISH = "ÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇáàâäãéèêëíìîïóòôöõúùûüñç"


def test_hand_checked():
    texts = ["Niño Ñuble", "Programa (Ex-Apoyo), GSL", "Nº 5 ﬁnal", None, "", "  Bío-bío "]
    assert fold_many(texts) == [
        "nino nuble",
        "programa ex apoyo gsl",
        "no 5 final",
        "",
        "",
        "bio bio",
    ]


@given(
    st.lists(
        st.one_of(
            st.none(),
            st.text(alphabet=st.sampled_from("abcXYZ019 -,.()" + SPANISH), max_size=30),
            st.text(max_size=20),  # anything: other scripts, marks, controls, the separator
        ),
        max_size=40,
    )
)
def test_same_as_fold(texts):
    assert fold_many(texts) == [fold(t) for t in texts]
