"""Taxonomy search, normalisation and suggestions, and the comuni gazetteer."""

import pytest

import sportello

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
WAREHOUSE_WORKER = "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f"


def test_search_and_normalise():
    hit = sportello.search_skills("muletto")[0]
    assert (hit["uri"], hit["lang"], hit["kind"], hit["label_source"]) == (FORKLIFT, "it", "alt_label", "sportello")
    assert sportello.search_skills("operate forklfit", limit=1)[0]["kind"] == "fuzzy"
    assert sportello.search_skills("") == []
    assert sportello.search_occupations("magazziniere", limit=3)
    n = sportello.normalise_skill("mulettto retrattile")
    assert n is None or n["uri"].startswith("http://data.europa.eu/esco/skill/")
    assert sportello.normalise_skill("muletto")["uri"] == FORKLIFT
    assert sportello.normalise_skill("zzzz qqqq") is None
    assert sportello.normalise_occupation("magazziniere")["uri"].startswith("http://data.europa.eu/esco/occupation/")


def test_labels_in_the_readers_language_and_no_guesses():
    # Italian by default, who wrote the label said; English on request.
    hit = sportello.search_skills("operate forklift", limit=1)[0]
    assert (hit["preferred_label"], hit["preferred_label_lang"], hit["preferred_label_source"]) == ("utilizzare il carrello elevatore", "it", "sportello")
    assert sportello.search_skills("muletto", limit=1, lang="en")[0]["preferred_label"] == "operate forklift"
    # No Italian label: the English one, and the JSON says so.
    haskell = sportello.search_skills("Haskell", limit=1)[0]
    assert (haskell["preferred_label"], haskell["preferred_label_lang"]) == ("Haskell", "en")
    # only_lang matches one language only.
    assert sportello.search_skills("operate forklift", only_lang="it", min_similarity=0.9) == []
    # Junk finds nothing by default; min_similarity lowers the bar, within 0..1.
    assert sportello.DEFAULT_MIN_SIMILARITY == 0.71
    assert sportello.search_skills("non lo so") == []
    with pytest.raises(ValueError, match="min_similarity"):
        sportello.search_skills("muletto", min_similarity=1.5)
    # A job title typed as a skill leads to the occupation's core skills.
    routed = sportello.search_skills("carrellista", limit=3)
    assert routed[0]["kind"] == "via_occupation" and routed[0]["via_occupation"]["uri"].startswith("http://data.europa.eu/esco/occupation/")
    assert FORKLIFT in [h["uri"] for h in routed]
    # Suggestions in Italian.
    assert {s["preferred_label_lang"] for s in sportello.suggest_skills(WAREHOUSE_WORKER)} == {"it"}


def test_suggestions():
    essential = sportello.suggest_skills(WAREHOUSE_WORKER)
    assert essential and all(s["relation"] == "essential" for s in essential)
    everything = sportello.suggest_skills(WAREHOUSE_WORKER, relation="all")
    assert len(everything) > len(essential)
    occupations = sportello.suggest_occupations([FORKLIFT], limit=5)
    assert len(occupations) == 5 and occupations[0]["score"] >= occupations[-1]["score"]


def test_concept_and_taxonomy_handle():
    c = sportello.concept(FORKLIFT)
    assert c["label"] == "operate forklift" and c["kind"] == "skill"
    assert any(l["text"] == "muletto" and l["lang"] == "it" for l in c["labels"])
    assert sportello.concept("http://example.com/x") is None
    t = sportello.Taxonomy.embedded()
    assert "en" in t.languages() and "Taxonomy(" in repr(t)


def test_places():
    trecate = sportello.find_place("Trecate")
    assert trecate["comune"]["istat"] == "003149" and trecate["kind"] == "exact"
    assert sportello.find_place("Garbagna (NO)")["comune"]["name"] == "Garbagna Novarese"
    assert sportello.search_places("Garbagna", limit=5)
    assert sportello.search_places("") == []
