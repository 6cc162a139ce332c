"""The exception hierarchy, and no panic crossing into Python."""

import pickle

import pytest

import sportello
from sportello import _sportello


def test_hierarchy():
    for cls in (sportello.ValidationError, sportello.RenderError, sportello.SportelloIndexError, sportello.TaxonomyError,
                sportello.PlaceError, sportello.ImportFormatError, sportello.InternalError):
        assert issubclass(cls, sportello.SportelloError)
    assert issubclass(sportello.ValidationError, ValueError)
    assert issubclass(sportello.PlaceError, LookupError)
    assert not issubclass(sportello.SportelloIndexError, IndexError)


def test_a_panic_becomes_an_internal_error():
    with pytest.raises(sportello.InternalError) as info:
        _sportello._provoke_panic("boom")
    assert info.value.kind == "internal"
    assert "internal error" in str(info.value) and "index out of bounds" in str(info.value)
    assert "report" in info.value.hint
    # The module keeps working afterwards.
    assert sportello.validate("person: {given_name: A, family_name: B}\nskills: [{label: x}]") == []


def test_missing_index_is_an_index_error(tmp_path):
    with pytest.raises(sportello.SportelloIndexError) as info:
        sportello.Index.open(tmp_path / "nothing-here")
    assert info.value.kind == "index" and "not a sportello index" in str(info.value)
    assert info.value.hint


def test_render_and_taxonomy_and_place_errors():
    with pytest.raises(sportello.RenderError) as r:
        sportello.render({"person": {"given_name": "A", "family_name": "B"}}, template="fancy")
    assert r.value.kind == "unknown_template" and "europass" in str(r.value)
    with pytest.raises(sportello.TaxonomyError) as t:
        sportello.suggest_skills("http://data.europa.eu/esco/occupation/no-such-thing")
    assert t.value.kind == "unknown_concept"
    with pytest.raises(sportello.TaxonomyError) as t:
        sportello.search_skills("x" * 500)
    assert t.value.kind == "query_too_long"
    with pytest.raises(sportello.PlaceError) as p:
        sportello.find_place("Trecatte Novaresse")
    assert p.value.suggestions and p.value.hint


def test_errors_survive_pickling():
    try:
        sportello.validate("person: {given_name: A}")
    except sportello.ValidationError as e:
        copy = pickle.loads(pickle.dumps(e))
        assert type(copy) is sportello.ValidationError
        assert (copy.kind, copy.problems, str(copy)) == (e.kind, e.problems, str(e))
    else:
        pytest.fail("expected a ValidationError")
