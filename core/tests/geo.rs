//! The embedded comuni gazetteer: lookups by ISTAT code and by name (exact, bilingual,
//! prefix, words, typos, province filter), unknown names, province-centre fallbacks,
//! distances and resolving a [`Place`].

use sportello::geo::{self, CoordinateSource, Coordinates, Gazetteer, PlaceMatchKind, ResolvedBy};
use sportello::model::Place;

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn find(name: &str) -> (String, String, PlaceMatchKind) {
    let m = g().find(name).unwrap_or_else(|e| panic!("{name:?}: {e}"));
    (m.comune.istat.clone(), m.comune.name.clone(), m.kind)
}

#[test]
fn every_comune_is_there_with_coordinates() {
    assert_eq!(g().len(), 7_896);
    let approximate = g().iter().filter(|c| c.is_approximate()).count();
    assert_eq!(approximate, 269, "266 without a candidate and 3 ambiguous in the source data");
    // Every comune, with or without its own point, lies in or near Italy.
    assert!(g().iter().all(|c| (35.0..47.2).contains(&c.coordinates.lat) && (6.5..18.6).contains(&c.coordinates.lon)));
    let trecate = g().by_istat("003149").expect("Trecate");
    assert_eq!((trecate.name.as_str(), trecate.province.as_str(), trecate.region.as_str()), ("Trecate", "NO", "Piemonte"));
    assert_eq!(g().by_istat("3149").map(|c| c.name.as_str()), Some("Trecate"), "leading zeros lost in a spreadsheet");
    assert!(g().by_istat("999999").is_none() && g().by_istat("abc").is_none() && g().by_istat("").is_none());
}

#[test]
fn names_are_found_exactly_by_part_prefix_words_and_typo() {
    assert_eq!(find("Trecate"), ("003149".into(), "Trecate".into(), PlaceMatchKind::Exact));
    assert_eq!(find("TRECATE"), ("003149".into(), "Trecate".into(), PlaceMatchKind::Exact));
    // "Garbagna" is a comune in Alessandria; in the province of Novara it is Garbagna Novarese.
    assert_eq!(find("Garbagna"), ("006079".into(), "Garbagna".into(), PlaceMatchKind::Exact));
    assert_eq!(find("Garbagna (NO)"), ("003069".into(), "Garbagna Novarese".into(), PlaceMatchKind::Prefix));
    assert_eq!(find("Garbagna, NO"), ("003069".into(), "Garbagna Novarese".into(), PlaceMatchKind::Prefix));
    assert_eq!(find("Bolzano").1, "Bolzano/Bozen");
    assert_eq!(find("Bozen").1, "Bolzano/Bozen");
    assert_eq!(find("Cameri (NO)"), ("003032".into(), "Cameri".into(), PlaceMatchKind::Exact));
    assert_eq!(find("Forli").1, "Forlì");
    assert_eq!(find("Sant Agata de Goti").1, "Sant'Agata de' Goti");
    assert_eq!(find("sant’agata de’ goti").1, "Sant'Agata de' Goti");
    assert_eq!(find("Reggio Emilia"), ("035033".into(), "Reggio nell'Emilia".into(), PlaceMatchKind::Words));
    assert_eq!(find("Trecatte"), ("003149".into(), "Trecate".into(), PlaceMatchKind::Fuzzy));
    assert_eq!(find("Novarra").1, "Novara");
    let peglio = g().find("Peglio").expect("Peglio");
    assert!(peglio.ambiguous, "there is a Peglio in CO and one in PU");
    assert_eq!(g().find("Peglio (PU)").expect("Peglio PU").comune.province, "PU");
}

#[test]
fn unknown_comuni_are_errors_with_close_names() {
    let err = g().find("Trecatezzo").expect_err("no such comune");
    assert_eq!(err.kind(), "unknown_place");
    assert_eq!(err.to_string(), "no Italian comune is called \"Trecatezzo\"");
    let sportello::Error::UnknownPlace { suggestions, .. } = &err else { panic!("{err:?}") };
    assert_eq!(suggestions.first().map(String::as_str), Some("Trecate (NO)"));
    assert!(err.hint().is_some_and(|h| h.contains("Trecate (NO)")));
    // A wrong province still suggests the comune where it is.
    let sportello::Error::UnknownPlace { suggestions, .. } = g().find("Cameri (MI)").expect_err("not in MI") else { panic!() };
    assert_eq!(suggestions[0], "Cameri (NO)");
    assert!(g().find("").is_err());
    assert!(g().find("Novaretto").is_err(), "two edits, one of them the first letter, is too far");
    assert!(g().search("Springfield", 5).is_empty());
}

#[test]
fn comuni_without_a_point_use_their_province_centre() {
    let torino = g().find("Torino").expect("Torino").comune;
    assert_eq!(torino.source, CoordinateSource::ProvinceCentre);
    assert!(torino.is_approximate());
    let moncalieri = g().find("Moncalieri").expect("Moncalieri").comune;
    assert!(!moncalieri.is_approximate());
    assert!(torino.coordinates.distance_km(moncalieri.coordinates) < 40.0);
}

#[test]
fn great_circle_distances() {
    let novara = find("Novara").0;
    let novara = g().by_istat(&novara).expect("Novara").coordinates;
    let trecate = g().by_istat("003149").expect("Trecate").coordinates;
    // About 9 km as the crow flies (11 km by road).
    let d = novara.distance_km(trecate);
    assert!((8.8..9.2).contains(&d), "{d}");
    assert_eq!(geo::distance_km(trecate, novara), d);
    let milano = g().find("Milano").expect("Milano").comune.coordinates;
    let roma = Coordinates { lat: 41.8919, lon: 12.5113 };
    assert!((475.0..485.0).contains(&milano.distance_km(roma)), "{}", milano.distance_km(roma));
}

#[test]
fn places_resolve_by_istat_then_coordinates_then_name() {
    let by_code = Place { istat: Some("003149".into()), name: Some("somewhere else".into()), lat: Some(1.0), lon: Some(1.0) };
    let r = g().resolve(&by_code).expect("resolves");
    assert_eq!((r.by, r.comune.map(|c| c.name.as_str()), r.approximate), (ResolvedBy::Istat, Some("Trecate"), false));

    let by_coordinates = Place { istat: Some("000000".into()), lat: Some(45.5), lon: Some(8.7), ..Place::default() };
    let r = g().resolve(&by_coordinates).expect("resolves");
    assert_eq!((r.by, r.coordinates), (ResolvedBy::Coordinates, Coordinates { lat: 45.5, lon: 8.7 }));

    let by_name = Place { name: Some("Cameri (NO)".into()), lat: Some(95.0), lon: Some(8.0), ..Place::default() };
    let r = g().resolve(&by_name).expect("bad latitude, so the name is used");
    assert_eq!((r.by, r.comune.map(|c| c.istat.as_str()), r.approximate), (ResolvedBy::Name, Some("003032"), false));
    assert!(g().resolve(&Place { name: Some("Torino".into()), ..Place::default() }).expect("Torino").approximate);
    assert!(g().resolve(&Place { name: Some("Tirana, Albania".into()), ..Place::default() }).is_none());
    assert!(g().resolve(&Place::default()).is_none());
    assert_eq!(geo::resolve(&by_code), Some(g().by_istat("003149").expect("Trecate").coordinates));
}
