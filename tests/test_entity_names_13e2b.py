"""A body's name as written: a numbered group NER cut to "Group", an indefinite article."""

from __future__ import annotations

import pytest


def _labels(nlp, text: str) -> set[str]:
    return {e.label for e in nlp(text)._.kg_entities.entities}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Peter Novak and the Group of 24 held talks in Valoria on Monday.", "Group of 24"),
        ("Delegates of the Group of 24 poorer nations told Anna Moravec that debt relief was "
         "needed.", "Group of 24"),
        ("He said the idea may come up at a Group of Five meeting in Valoria.", "Group of Five"),
    ],
)
def test_a_numbered_group_ner_cut_to_its_first_word_is_whole(nlp, text, name):
    labels = _labels(nlp, text)
    assert name in labels and "Group" not in labels


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("An International Monetary Fund team met Peter Novak in Valoria.",
         "International Monetary Fund"),
        ("Paul Keller said a Valorian Economic Development Council meeting was held.",
         "Valorian Economic Development Council"),
    ],
)
def test_an_indefinite_article_is_no_word_of_a_name(nlp, text, name):
    assert name in _labels(nlp, text)


@pytest.mark.model
def test_a_company_s_group_stays_as_written(nlp):
    # a company's "Group" before a count is no numbered club
    labels = _labels(nlp, "Kestrava Group of 24 companies met Peter Novak.")
    assert "Kestrava Group" in labels and not any(x.startswith("Group of ") for x in labels)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A group of 15 banks led by Corvane Bank lent Valoria 200 mln dlrs, Peter Novak said.",
    "A group of 30 investors met Finance Minister Peter Novak on Monday.",
    "A group of 10 banks met Finance Minister Peter Novak on Monday.",
    "Peter Novak said a group of five investors would buy the stake.",
])
def test_a_lower_case_group_of_a_count_is_no_body(nlp, text):
    assert not any(x.casefold().startswith("group of") for x in _labels(nlp, text))
