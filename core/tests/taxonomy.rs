//! The taxonomy against real data: the embedded ESCO v1.1.1 English pack and Sportello's
//! Italian synonym table. Exact, alternative-label, token, fuzzy and typo searches in
//! English and Italian, limits and odd input, suggestions, relatedness, packs and adding a
//! language.

use std::collections::BTreeMap;

use sportello::taxonomy::{
    ConceptKind, DEFAULT_MIN_SIMILARITY, Hit, LabelKind, LabelSource, MatchKind, NewLabel, RelationKind, RelationType, SearchOptions,
    Taxonomy,
};

const ESCO: &str = "http://data.europa.eu/esco/";
const OPERATE_FORKLIFT: &str = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da";
const USE_MS_OFFICE: &str = "http://data.europa.eu/esco/skill/f683ae1d-cb7c-4aa1-b9fe-205e1bd23535";
const TEND_ELDERLY: &str = "http://data.europa.eu/esco/skill/261e740b-d32d-4356-94a8-3ea29128b70b";
const ACCOUNTING: &str = "http://data.europa.eu/esco/skill/ecc18804-a466-40d9-98b4-fba5cd67dd4b";
const SPREADSHEETS: &str = "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be";
const WAREHOUSE_WORKER: &str = "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f";
const HASKELL: &str = "http://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02";
const COMPUTER_PROGRAMMING: &str = "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97";
const PLAN_MARKETING_STRATEGY: &str = "http://data.europa.eu/esco/skill/08fd2839-670c-4f16-8024-97437f2035ab";
const MARKETING_PRINCIPLES: &str = "http://data.europa.eu/esco/skill/de03f4fd-c147-4477-a048-7109e5ba2d6f";
const PERFORM_TOXICOLOGICAL_STUDIES: &str = "http://data.europa.eu/esco/skill/000bb1e4-89f0-4b86-be05-05ece3641724";
const TOXICOLOGY: &str = "http://data.europa.eu/esco/skill/b70ab677-5781-40b5-9198-d98f4a34310f";

fn esco() -> &'static Taxonomy {
    Taxonomy::embedded()
}

fn skills(text: &str) -> Vec<Hit<'static>> {
    esco().search_skills(text, &SearchOptions::default()).expect("search works")
}

fn top_skill(text: &str) -> Hit<'static> {
    skills(text).into_iter().next().unwrap_or_else(|| panic!("no hit for {text:?}"))
}

fn top_occupation(text: &str) -> Hit<'static> {
    let hits = esco().search_occupations(text, &SearchOptions::default()).expect("search works");
    hits.into_iter().next().unwrap_or_else(|| panic!("no hit for {text:?}"))
}

fn skill_uri(label: &str) -> &'static str {
    let hit = top_skill(label);
    assert_eq!(hit.kind, MatchKind::Exact, "{label:?} is a preferred label");
    hit.uri
}

#[test]
fn the_embedded_pack_holds_esco_1_1_1_in_english() {
    let t = esco();
    assert_eq!(t.count(ConceptKind::Skill), 13_896);
    assert_eq!(t.count(ConceptKind::Occupation), 3_007);
    assert_eq!(t.count(ConceptKind::IscoGroup), 619);
    assert_eq!(t.languages().collect::<Vec<_>>(), ["en", "it"]);
    assert!(Taxonomy::embedded_pack_len() < 4_000_000, "pack is {} bytes", Taxonomy::embedded_pack_len());
    let forklift = t.concept(OPERATE_FORKLIFT).expect("operate forklift");
    assert_eq!(forklift.label(), "operate forklift");
    assert_eq!(forklift.skill_type().map(|s| s.code()), Some("skill/competence"));
    assert_eq!(forklift.reuse_level().map(|r| r.code()), Some("cross-sector"));
    let ww = t.concept(WAREHOUSE_WORKER).expect("warehouse worker");
    assert_eq!((ww.kind(), ww.isco_group()), (ConceptKind::Occupation, Some("9333")));
    let group = t.isco_group("9333").expect("ISCO 9333");
    assert_eq!(group.preferred_label("en"), Some("Freight handlers"));
    assert_eq!(group.preferred_label("it"), Some("Addetti allo spostamento e alla spedizione dei materiali o delle merci"));
}

#[test]
fn added_labels_skip_those_present_and_an_unknown_concept_changes_nothing() {
    let mut t = Taxonomy::load_embedded().expect("embedded taxonomy");
    let before = t.label_count();
    let label = |uri, lang, text| NewLabel { uri, lang, kind: LabelKind::Synonym, source: LabelSource::Sportello, text };
    let unknown = format!("{ESCO}skill/nope");
    let err = t.add_labels([label(OPERATE_FORKLIFT, "it", "guida del sollevatore"), label(&unknown, "it", "niente")]).expect_err("unknown");
    assert_eq!((err.kind(), t.label_count()), ("unknown_concept", before), "nothing added");

    // Present already (English), twice in the batch, new: only the new text counts, once.
    let added = t
        .add_labels([
            label(OPERATE_FORKLIFT, "en", "operate forklift"),
            label(OPERATE_FORKLIFT, "it", " guida del sollevatore "),
            label(OPERATE_FORKLIFT, "it", "guida del sollevatore"),
        ])
        .expect("added");
    assert_eq!((added, t.label_count()), (1, before + 1));
    let forklift = t.concept(OPERATE_FORKLIFT).expect("operate forklift");
    assert!(forklift.labels().any(|l| (l.text, l.lang, l.kind) == ("guida del sollevatore", "it", LabelKind::Synonym)));
    assert_eq!(forklift.label_in("en").kind, LabelKind::Preferred, "the preferred label stays preferred");
}

#[test]
fn exact_preferred_labels_ignore_case_and_punctuation() {
    for text in ["use microsoft office", "Use Microsoft Office!", "  USE   microsoft-office "] {
        let hit = top_skill(text);
        assert_eq!((hit.uri, hit.kind, hit.similarity, hit.lang), (USE_MS_OFFICE, MatchKind::Exact, 1.0, "en"), "{text:?}");
        assert_eq!(hit.matched_label, "use microsoft office");
        assert_eq!(hit.label_kind, LabelKind::Preferred);
    }
}

#[test]
fn alternative_labels_match_as_such() {
    let hit = top_skill("use a forklift");
    assert_eq!((hit.uri, hit.kind, hit.label_kind), (OPERATE_FORKLIFT, MatchKind::AltLabel, LabelKind::Alternative));
    assert_eq!((hit.preferred_label, hit.matched_label), ("operate forklift", "use a forklift"));
    // "welding" is an alternative label of two skills: both come first, at 1.0.
    let hits = skills("welding");
    assert!(hits[..2].iter().all(|h| h.kind == MatchKind::AltLabel && h.similarity == 1.0));
}

#[test]
fn word_order_and_plurals_are_token_matches() {
    let hit = top_skill("forklift operate");
    assert_eq!((hit.uri, hit.kind, hit.similarity), (OPERATE_FORKLIFT, MatchKind::Token, 1.0));
    let hit = top_skill("operate forklifts");
    assert_eq!((hit.uri, hit.kind), (OPERATE_FORKLIFT, MatchKind::Token));
    assert!(hit.similarity > 0.9 && hit.similarity < 1.0, "{}", hit.similarity);
}

#[test]
fn grammar_words_aside_the_same_words_are_a_token_match() {
    // "operate a forklift" has the query's words, with another article.
    let hit = top_skill("operate the forklift");
    assert_eq!((hit.uri, hit.kind), (OPERATE_FORKLIFT, MatchKind::Token));
    // A CV's keywords for "pulizia di rulli e pennelli" (cleaning the painting tools) are no
    // longer beaten by "uso rulli e pennelli", a closer string with another action.
    let hit = top_skill("pulizia rulli pennelli");
    assert_eq!((hit.kind, hit.matched_label), (MatchKind::Token, "pulizia di rulli e pennelli"));
    // Words count as often as they are written: "piantare" and "piante" (one stem, two words)
    // are not the one "piante" of "fiori e piante".
    let hits = skills("piantare fiori e piante");
    assert!(hits.iter().all(|h| h.matched_label != "fiori e piante" || h.kind == MatchKind::Fuzzy), "{hits:#?}");
}

#[test]
fn typos_are_fuzzy_matches_with_a_similarity() {
    for text in ["operate forklfit", "opreate forklift", "operate forklit", "operat forklift", "use microsft office"] {
        let hit = top_skill(text);
        assert_eq!(hit.kind, MatchKind::Fuzzy, "{text:?}");
        assert!(hit.similarity > 0.85 && hit.similarity < 1.0, "{text:?}: {}", hit.similarity);
        assert!(hit.uri == OPERATE_FORKLIFT || hit.uri == USE_MS_OFFICE, "{text:?} -> {}", hit.preferred_label);
    }
    // One word alone finds the skill whose label contains it.
    assert_eq!(top_skill("forklift").uri, OPERATE_FORKLIFT);
}

#[test]
fn italian_job_desk_words_find_their_concepts_through_sportellos_labels() {
    for (text, uri) in [
        ("muletto", OPERATE_FORKLIFT),
        ("carrello elevatore", OPERATE_FORKLIFT),
        ("Carrelli elevatori", OPERATE_FORKLIFT),
        ("assistenza anziani", TEND_ELDERLY),
        ("contabilità", ACCOUNTING),
        ("Excel", SPREADSHEETS),
    ] {
        let hit = top_skill(text);
        assert_eq!((hit.uri, hit.lang, hit.label_source), (uri, "it", LabelSource::Sportello), "{text:?}");
        assert!(matches!(hit.kind, MatchKind::Exact | MatchKind::AltLabel | MatchKind::Synonym), "{text:?}: {:?}", hit.kind);
        assert_eq!(hit.similarity, 1.0);
    }
    // A typo: fuzzy, with the Italian label as evidence.
    let hit = top_skill("cariello elevatore");
    assert_eq!((hit.uri, hit.kind, hit.lang, hit.label_source), (OPERATE_FORKLIFT, MatchKind::Fuzzy, "it", LabelSource::Sportello));
    assert!(hit.similarity > 0.9, "{}", hit.similarity);
    // Shown with Sportello's Italian preferred label, which says who wrote it.
    assert_eq!((hit.preferred_label, hit.preferred_label_lang), ("utilizzare il carrello elevatore", "it"));
    assert_eq!(hit.preferred_label_source, LabelSource::Sportello);
    // CV phrases with extra words.
    assert_eq!(top_skill("Excel avanzato").uri, SPREADSHEETS);
    assert_eq!(top_skill("buona conoscenza della lingua inglese").preferred_label, "English");
    assert_eq!(top_skill("conoscenza del pacchetto office").uri, USE_MS_OFFICE);
}

#[test]
fn occupations_in_english_and_italian() {
    let hit = top_occupation("warehouse worker");
    assert_eq!((hit.uri, hit.kind), (WAREHOUSE_WORKER, MatchKind::Exact));
    let hit = top_occupation("magazziniere");
    assert_eq!((hit.uri, hit.kind, hit.lang), (WAREHOUSE_WORKER, MatchKind::Exact, "it"));
    let english = |text: &str| esco().concept(top_occupation(text).uri).map(|c| c.label()).unwrap_or_default();
    assert_eq!(english("cameriera"), "waiter/waitress");
    assert_eq!(top_occupation("cameriera").preferred_label, "cameriere", "shown in the language that matched");
    assert_eq!(english("badante"), "home care aide");
    assert_eq!(english("mulettista"), "forklift operator");
    assert_eq!(top_occupation("forklift operatr").preferred_label, "forklift operator");
    // A job title that is one short word, with job-ad words around it, is that label; a
    // short word that only shares a stem with a label is not ("salve" is not rescuing).
    assert_eq!(english("cassiera part time"), "cashier");
    assert!(skills("salve").is_empty(), "{:#?}", skills("salve"));
    // Skills are not occupations.
    assert!(
        esco().search_occupations("operate forklift", &SearchOptions::default()).expect("search").iter().all(|h| h.uri != OPERATE_FORKLIFT)
    );
}

#[test]
fn the_language_filter_keeps_only_labels_in_that_language() {
    let en = SearchOptions { lang: Some("en"), ..SearchOptions::default() };
    let it = SearchOptions { lang: Some("it"), ..SearchOptions::default() };
    let hits = esco().search_skills("muletto", &en).expect("search");
    assert!(hits.iter().all(|h| h.lang == "en" && h.uri != OPERATE_FORKLIFT), "{hits:?}");
    let hits = esco().search_skills("operate forklift", &it).expect("search");
    assert!(hits.iter().all(|h| h.lang == "it"));
    assert_eq!(esco().search_skills("muletto", &SearchOptions { lang: Some("xx"), ..SearchOptions::default() }).expect("search"), []);
}

#[test]
fn empty_huge_and_foreign_text_does_not_panic() {
    assert_eq!(skills(""), []);
    assert_eq!(skills("  !!! ?? "), []);
    assert_eq!(skills("Оператор погрузчика"), []);
    assert!(esco().search_skills("日本語 🚜 العربية", &SearchOptions::default()).is_ok());
    let long = "a".repeat(200);
    assert!(esco().search_skills(&long, &SearchOptions::default()).is_ok());
    let err = esco().search_skills(&"à".repeat(201), &SearchOptions::default()).expect_err("too long");
    assert_eq!(err.kind(), "query_too_long");
    assert_eq!(err.to_string(), "the search text is 201 characters long, more than the limit of 200 characters");
    assert!(err.hint().is_some());
}

#[test]
fn results_are_limited_deterministic_and_one_per_concept() {
    let options = SearchOptions { limit: 3, min_similarity: 0.0, ..SearchOptions::default() };
    let a = esco().search_skills("manage staff", &options).expect("search");
    let b = esco().search_skills("manage staff", &options).expect("search");
    assert_eq!(a, b);
    assert_eq!(a.len(), 3);
    let many =
        esco().search_skills("operate", &SearchOptions { limit: 50, min_similarity: 0.0, ..SearchOptions::default() }).expect("search");
    let mut uris: Vec<&str> = many.iter().map(|h| h.uri).collect();
    uris.sort_unstable();
    uris.dedup();
    assert_eq!(uris.len(), many.len());
    let rank = |k: MatchKind| match k {
        MatchKind::Exact => 0,
        MatchKind::AltLabel | MatchKind::Synonym => 1,
        MatchKind::Token | MatchKind::ViaOccupation => 2,
        MatchKind::Fuzzy => 3,
    };
    for w in many.windows(2) {
        let (a, b) = (rank(w[0].kind), rank(w[1].kind));
        assert!(a < b || (a == b && w[0].similarity >= w[1].similarity), "{:?} before {:?}", w[0], w[1]);
    }
    assert!(esco().search_skills("operate", &SearchOptions { limit: 0, ..SearchOptions::default() }).expect("search").is_empty());
}

#[test]
fn suggestions_for_a_warehouse_worker() {
    let t = esco();
    let essential = t.essential_skills(WAREHOUSE_WORKER).expect("an occupation");
    let optional = t.optional_skills(WAREHOUSE_WORKER).expect("an occupation");
    assert_eq!((essential.len(), optional.len()), (39, 25));
    let labels: Vec<&str> = essential.iter().map(|s| s.preferred_label).collect();
    for want in ["operate warehouse materials", "pallets loading", "pick orders for dispatching", "receive goods", "stack goods"] {
        assert!(labels.contains(&want), "{want} missing from {labels:?}");
    }
    assert!(labels.windows(2).all(|w| w[0] <= w[1]), "sorted by label");
    assert!(essential.iter().all(|s| s.relation == RelationType::Essential));
    assert!(optional.iter().any(|s| s.preferred_label == "use a warehouse management system"));

    let err = t.essential_skills(OPERATE_FORKLIFT).expect_err("a skill");
    assert_eq!(err.kind(), "wrong_concept");
    assert_eq!(t.essential_skills(&format!("{ESCO}occupation/nope")).expect_err("unknown").kind(), "unknown_concept");

    let warehouse_skills: Vec<&str> =
        ["operate warehouse materials", "pallets loading", "pick orders for dispatching", "stack goods", "receive goods"]
            .map(skill_uri)
            .to_vec();
    let ranked = t.occupations_for_skills(&warehouse_skills, 5).expect("skills");
    assert_eq!(ranked.len(), 5);
    assert!(ranked[..2].iter().any(|o| o.uri == WAREHOUSE_WORKER), "{ranked:?}");
    let ww = ranked.iter().find(|o| o.uri == WAREHOUSE_WORKER).expect("warehouse worker ranked");
    assert_eq!((ww.essential_matched, ww.essential_total, ww.optional_total), (5, 39, 25));
    assert!(ww.score > 0.3 && ww.score <= 1.0, "{}", ww.score);
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
    assert_eq!(t.occupations_for_skills(&[WAREHOUSE_WORKER], 5).expect_err("not a skill").kind(), "wrong_concept");
}

#[test]
fn relatedness_gives_partial_credit() {
    let t = esco();
    let warehouse_materials = skill_uri("operate warehouse materials");
    let same = t.relatedness(OPERATE_FORKLIFT, OPERATE_FORKLIFT).expect("same");
    assert_eq!((same.kind, same.weight), (RelationKind::Same, 1.0));
    let narrower = t.relatedness(HASKELL, COMPUTER_PROGRAMMING).expect("Haskell is a kind of programming");
    assert_eq!((narrower.kind, narrower.weight), (RelationKind::Narrower, 0.8));
    let broader = t.relatedness(COMPUTER_PROGRAMMING, HASKELL).expect("the other way");
    assert_eq!((broader.kind, broader.weight), (RelationKind::Broader, 0.5));
    let related = t.relatedness(PLAN_MARKETING_STRATEGY, MARKETING_PRINCIPLES).expect("essential skill-skill");
    assert_eq!((related.kind, related.weight), (RelationKind::EssentialRelated, 0.5));
    assert_eq!(t.relatedness(MARKETING_PRINCIPLES, PLAN_MARKETING_STRATEGY).map(|r| r.kind), Some(RelationKind::EssentialRelated));
    let related = t.relatedness(TOXICOLOGY, PERFORM_TOXICOLOGICAL_STUDIES).expect("optional skill-skill");
    assert_eq!((related.kind, related.weight), (RelationKind::OptionalRelated, 0.3));
    // Two specialisations of one broader skill ("clean surfaces") earn a little credit...
    let siblings = t.relatedness(skill_uri("operate floor cleaning equipment"), skill_uri("clean glass surfaces")).expect("siblings");
    assert_eq!((siblings.kind, siblings.weight), (RelationKind::SameGroup, 0.25));
    let parent = siblings.via.and_then(|g| t.concept_by_id(g)).expect("the shared broader skill");
    assert_eq!((parent.kind(), parent.label()), (ConceptKind::Skill, "clean surfaces"));
    // ...two skills that only share a group of the skills hierarchy earn none.
    assert_eq!(t.relatedness(OPERATE_FORKLIFT, warehouse_materials), None, "same skill group only");
    assert_eq!(t.relatedness(skill_uri("carry out stock rotation"), skill_uri("sort waste")), None);
    assert_eq!(t.relatedness(OPERATE_FORKLIFT, HASKELL), None);
    assert_eq!(t.relatedness(OPERATE_FORKLIFT, WAREHOUSE_WORKER), None, "an occupation is not a skill");
}

#[test]
fn a_pack_round_trips_the_embedded_taxonomy() {
    let t = esco();
    let pack = t.to_pack();
    assert!(pack.len() < 4_000_000);
    let back = Taxonomy::from_pack(&pack).expect("decodes");
    assert_eq!(back.label_count(), t.label_count());
    assert_eq!(back.count(ConceptKind::SkillGroup), t.count(ConceptKind::SkillGroup));
    assert_eq!(back.source(), t.source());
    assert_eq!(back.search_skills("muletto", &SearchOptions::default()).expect("search")[0].uri, OPERATE_FORKLIFT);
    assert_eq!(back.essential_skills(WAREHOUSE_WORKER).expect("occupation").len(), 39);
}

#[test]
fn an_official_download_in_another_language_is_searched_with_english() {
    // A minimal "Italian download": the real files have every concept; two are enough here.
    let mut files = BTreeMap::new();
    files.insert(
        "skills_it.csv".to_owned(),
        format!(
            "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels\r\n\
             KnowledgeSkillCompetence,{OPERATE_FORKLIFT},skill/competence,cross-sector,utilizzare il carrello elevatore,\"condurre un carrello elevatore\nguidare il muletto\"\r\n"
        )
        .into_bytes(),
    );
    files.insert(
        "occupations_it.csv".to_owned(),
        format!("conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,code\r\nOccupation,{WAREHOUSE_WORKER},9333,addetto al magazzino,,9333.1\r\n").into_bytes(),
    );
    let mut t = Taxonomy::load_embedded().expect("embedded");
    let report = t.add_language_from_esco_csv(&files, "it").expect("labels load");
    assert_eq!(report.files.iter().map(|f| f.records).sum::<u64>(), 2);

    let hit = t.search_skills("utilizzare il carrello elevatore", &SearchOptions::default()).expect("search")[0].clone();
    assert_eq!(
        (hit.uri, hit.kind, hit.lang, hit.preferred_label),
        (OPERATE_FORKLIFT, MatchKind::Exact, "it", "utilizzare il carrello elevatore")
    );
    let hit = t.search_skills("guidare il muletto", &SearchOptions::default()).expect("search")[0].clone();
    assert_eq!((hit.kind, hit.label_kind), (MatchKind::AltLabel, LabelKind::Alternative));
    // English still works, and the English label is still the one shown by default.
    assert_eq!(t.search_skills("operate forklift", &SearchOptions::default()).expect("search")[0].kind, MatchKind::Exact);
    assert_eq!(t.concept(OPERATE_FORKLIFT).map(|c| c.label()), Some("operate forklift"));
    assert_eq!(t.concept(WAREHOUSE_WORKER).and_then(|c| c.preferred_label("it")), Some("addetto al magazzino"));

    // A full import needs the relation files; labels alone can be merged instead.
    let err = Taxonomy::import_esco_csv(&files, "it").map(|_| ()).expect_err("relations are needed for a full import");
    assert_eq!(err.kind(), "missing_data_file");
    let mut italian = Taxonomy::new();
    italian.add_language_from_esco_csv(&files, "it").expect("labels load");
    let mut merged = Taxonomy::load_embedded().expect("embedded");
    merged.merge(&italian);
    assert_eq!(merged.count(ConceptKind::Skill), 13_896);
    assert_eq!(merged.label_count(), t.label_count());
    let hit = merged.search_skills("condurre un carrello elevatore", &SearchOptions::default()).expect("search")[0].clone();
    assert_eq!((hit.uri, hit.kind, hit.lang), (OPERATE_FORKLIFT, MatchKind::AltLabel, "it"));
    assert_eq!(merged.essential_skills(WAREHOUSE_WORKER).expect("relations kept").len(), 39);
}

#[test]
fn a_job_title_typed_as_a_skill_leads_to_the_trades_own_tasks() {
    // Sportello's core-skill list: a waiter serves at the table (ESCO also lists "identify
    // customer's needs" as essential, which says nothing of the trade).
    const SERVE_FOOD: &str = "http://data.europa.eu/esco/skill/42a6eff0-e9d9-423d-877b-e48fe91ff26f";
    let hits = skills("cameriere");
    assert_eq!(hits[0].kind, MatchKind::ViaOccupation, "{hits:#?}");
    assert_eq!(hits[0].uri, SERVE_FOOD, "{hits:#?}");
    assert!(hits[0].via_occupation.as_ref().is_some_and(|o| o.preferred_label == "cameriere"), "{hits:#?}");
}

#[test]
fn elided_articles_and_two_held_words_are_no_guess() {
    // "l'", "all'", "dell'" weigh as little as "il" and "della".
    for q in ["l'assistenza all'anziano", "DELL'ANZIANO assistenza"] {
        let hits = skills(q);
        assert_eq!(hits.first().map(|h| h.uri), Some(TEND_ELDERLY), "{q}: {hits:#?}");
    }
    // A label holding two content words of the query, most of its weight, may be shown below
    // the minimum similarity (down to 0.8 of it); one held word alone may not.
    let hits = skills("lavare stovilie e pentole");
    assert!(hits.first().is_some_and(|h| h.similarity < 0.75 && h.matched_label.contains("pentole")), "{hits:#?}");
    assert!(skills("fa freddo stamattina").is_empty(), "{:#?}", skills("fa freddo stamattina"));
}

#[test]
fn a_label_the_query_holds_whole_is_no_guess() {
    // "HACCP" is all of a label of applying HACCP and most of the query: the query names the
    // skill and qualifies it.
    const APPLY_HACCP: &str = "http://data.europa.eu/esco/skill/5ba1d5b9-3f8d-46ca-bf9f-2e9ca65d1350";
    let hits = skills("haccp alimentare");
    assert!(hits.first().is_some_and(|h| h.uri == APPLY_HACCP && h.similarity < 0.71), "{hits:#?}");
    // The label must hold the head of the query: "posta elettronica" is mail, not electronics.
    const ELECTRONICS: &str = "http://data.europa.eu/esco/skill/95c35c3a-035f-47c2-90cf-7e934d20fc08";
    assert!(skills("posta elettronica").iter().all(|h| h.uri != ELECTRONICS), "{:#?}", skills("posta elettronica"));
    // Nor is a label that holds only its qualifier, however alike the strings: "cassa elettronica"
    // is a cash register.
    assert!(skills("posta elettronica").iter().all(|h| h.matched_label.contains("posta")), "{:#?}", skills("posta elettronica"));
    // Nor one that holds the head with a qualifier of its own: preparing data is no preparing food.
    let food = skills("preparazione dei cibi");
    assert!(!food.is_empty() && food.iter().all(|h| !h.matched_label.contains("dati")), "{food:#?}");
    // A code is no content word: the label "C#" is not held by "patente C".
    assert!(skills("PATENTE C").iter().all(|h| h.matched_label != "C#"), "{:#?}", skills("PATENTE C"));
    // A held label that is a lesser part of the query is still a guess.
    assert!(skills("pizza con la mozzarella di bufala campana").iter().all(|h| h.similarity >= 0.71), "guesses shown");
}

#[test]
fn runner_ups_follow_a_hit_that_reached_its_bar_and_never_come_alone() {
    let runner_up_bar = 0.8 * DEFAULT_MIN_SIMILARITY;
    // "trattore" is a label of using a tractor; one word typed alone must otherwise do better
    // than the minimum, but once it is known to name something, labels holding the word as
    // written follow it (driving and using farm machines), down to 0.8 of the minimum.
    let hits = skills("trattore");
    assert_eq!(hits.first().map(|h| h.kind), Some(MatchKind::AltLabel), "{hits:#?}");
    let runner_ups: Vec<&Hit> = hits.iter().filter(|h| h.similarity < DEFAULT_MIN_SIMILARITY).collect();
    assert!(runner_ups.len() >= 2, "{hits:#?}");
    assert!(runner_ups.iter().all(|h| h.similarity >= runner_up_bar && h.matched_label.contains("trattore")), "{hits:#?}");
    // A typo of a word spelt as a label is another word: "stiro" (ironing) is no "TIR" (a lorry).
    let ironing = skills("stiro");
    assert!(!ironing.is_empty() && ironing.iter().all(|h| h.matched_label != "TIR"), "{ironing:#?}");
    // Alone, a hit that weak is a guess: nothing is shown, though there are labels that close.
    assert!(skills("sorveglianza notturna").is_empty(), "{:#?}", skills("sorveglianza notturna"));
    let weaker = SearchOptions { min_similarity: runner_up_bar, ..SearchOptions::default() };
    let close = esco().search_skills("sorveglianza notturna", &weaker).expect("search works");
    assert!(close.first().is_some_and(|h| h.similarity >= runner_up_bar), "{close:#?}");
    // A label holding only a lesser part of the query is another thing: caring for a garden is
    // no caring for a horse.
    let garden = skills("cura del giardino");
    assert!(!garden.is_empty() && garden.iter().all(|h| !h.matched_label.contains("cavallo")), "{garden:#?}");
}

#[test]
fn a_task_told_as_what_one_did_finds_its_skill() {
    // A conjugated verb stands for its infinitive: "badavo" is "badare", "facevo" is "fare".
    const WATCH_CHILDREN: &str = "http://data.europa.eu/esco/skill/f8d4a24c-fb62-444e-9525-7aa5662f440d";
    const CURL_HAIR: &str = "http://data.europa.eu/esco/skill/9f76644e-45ce-424e-91dc-064cb166b323";
    let watch = top_skill("badavo ai bambini");
    assert_eq!((watch.uri, watch.kind), (WATCH_CHILDREN, MatchKind::Token), "{watch:#?}");
    assert_eq!(top_skill("facevo le permanenti").uri, CURL_HAIR);
    // The words that tell a task as a story weigh little ("mi occupavo di"), and a label of two
    // content words or more that the sentence holds whole is no guess.
    const CLEANING_DUTIES: &str = "http://data.europa.eu/esco/skill/4f1b6304-f54a-42f0-9604-5427a28d240f";
    assert_eq!(top_skill("mi occupavo delle pulizie degli uffici").uri, CLEANING_DUTIES);
    // A sentence in parts is also searched part by part: the job title of the first part does
    // not drown the task of the second, which is found as the same words as a label ("battere
    // gli scontrini").
    const CASH_REGISTER: &str = "http://data.europa.eu/esco/skill/0cb013af-6dd9-4fb2-b34e-63dda1a5cf82";
    let register = top_skill("ero cassiera, battevo gli scontrini");
    assert_eq!((register.uri, register.kind), (CASH_REGISTER, MatchKind::Token), "{register:#?}");
    // A text that is itself close to a label with commas is that label, before its parts'
    // hits ("organise information", an exact label of another skill, would come first).
    let hits = skills("organise information, objects and resourcs");
    assert_eq!(hits.first().map(|h| h.preferred_label), Some("organise information, objects and resources"), "{hits:#?}");
    assert_eq!(hits.get(1).map(|h| (h.preferred_label, h.kind)), Some(("organise information", MatchKind::Exact)), "{hits:#?}");
}

#[test]
fn things_joined_by_e_are_searched_one_by_one_when_the_whole_finds_nothing() {
    // "cucito e asole" is no label, nor close to one; "cucito" and "asole" each are.
    const BUTTONHOLES: &str = "http://data.europa.eu/esco/skill/09169f97-5c9a-413e-8aa3-5af953ba3a04";
    let hits = skills("cucito e asole");
    let labels: Vec<&str> = hits.iter().map(|h| h.matched_label).collect();
    assert!(labels.contains(&"asole") && labels.contains(&"cucito"), "{hits:#?}");
    assert!(hits.iter().any(|h| h.uri == BUTTONHOLES), "{hits:#?}");
    // One word of a list is a thing named or nothing: no typo of a label, no label that merely
    // shares its stem ("sale" is no "SAL", the works progress report).
    for q in ["sale e pepe", "sale e il pepe"] {
        assert!(skills(q).is_empty(), "{q}: {:#?}", skills(q));
    }
    // Job titles joined still lead to their trades' tasks.
    let hits = skills("pizzaiolo e cameriere");
    assert!(hits.iter().filter(|h| h.kind == MatchKind::ViaOccupation).count() >= 4, "{hits:#?}");
    // A whole that finds something is not split: "trapano e avvitatore" is a label.
    assert_eq!(top_skill("trapano e avvitatore").matched_label, "trapano e avvitatore");
}

#[test]
fn a_label_held_whole_is_compared_with_the_stretch_that_holds_it() {
    // "smaltimento rifiuti" is written as such inside the sentence: the words around it do
    // not make "smaltimento rifiuti speciali" or "... dei rifiuti" closer than it.
    const DISPOSE_OF_WASTE: &str = "http://data.europa.eu/esco/skill/5e433def-210d-4dfa-bf07-dbf6d04e0eaa";
    let hit = top_skill("facevo lo smaltimento rifiuti in mensa");
    assert_eq!((hit.uri, hit.matched_label), (DISPOSE_OF_WASTE, "smaltimento rifiuti"), "{hit:#?}");
}

#[test]
fn using_a_thing_is_the_thing() {
    // "uso del navigatore" says one thing, the navigator: "navigatore per camion" holds it
    // whole, its head first, and is no guess.
    const GPS: &str = "http://data.europa.eu/esco/skill/97fb21db-a4e5-4b03-af21-03b9d510d872";
    assert_eq!(top_skill("navigatore per camion").uri, GPS);
}

#[test]
fn a_stem_counts_only_in_its_own_language() {
    // The Italian stem of "pressione" is `press-`: it is no English "press" (journalism).
    let hits = skills("pressione");
    assert!(hits.iter().all(|h| h.lang == "it"), "{hits:#?}");
    // Nor when the word's stem in another language is one letter from it: the English stem of
    // "pressa" is no typo of "press".
    let hits = skills("pressa");
    assert!(hits.iter().all(|h| h.lang == "it"), "{hits:#?}");
    assert_eq!(top_skill("press").matched_label, "press");
}

#[test]
fn a_mistyped_noun_ending_is_a_typo() {
    // The stemmer takes "-azioni" off "ordinazioni", not off "ordinazoni": the stem it leaves
    // would be too far for the typo search, and the query would read as one short word.
    const TAKE_ORDERS: &str = "http://data.europa.eu/esco/skill/704bed2c-737a-4585-b840-1d28bbcab9b4";
    assert_eq!(top_skill("prendere ordinazoni").uri, TAKE_ORDERS);
}

#[test]
fn a_licence_category_is_no_typo_of_another() {
    // "patente A" is an alternative label of riding two-wheelers: "patente D" (buses) is not
    // one letter away from it, it is another licence.
    const TWO_WHEELERS: &str = "http://data.europa.eu/esco/skill/e7f63440-6007-486b-948f-ea124839c418";
    for q in ["patente D", "PATENTE C"] {
        let hits = skills(q);
        assert!(hits.iter().all(|h| h.uri != TWO_WHEELERS), "{q}: {hits:#?}");
    }
    assert_eq!(skills("patente A").first().map(|h| h.uri), Some(TWO_WHEELERS));
}

#[test]
fn an_everyday_word_stands_for_the_labels_word() {
    // Sportello's thesaurus: "aggiustare" is "riparare", so "aggiustare biciclette" finds the
    // label "riparazione biciclette", a little below a label of the very words.
    let hit = top_skill("aggiustare biciclette");
    assert_eq!((hit.kind, hit.matched_label), (MatchKind::Fuzzy, "riparazione biciclette"), "{hit:#?}");
    assert!(hit.similarity >= 0.71 && hit.similarity < 0.9, "{hit:#?}");
    assert_eq!(top_skill("riparare le biciclette").similarity, 1.0);
}

#[test]
fn two_words_the_labels_write_as_one_are_that_word() {
    // "fork lift" is the label "forklift"; "con tatto" (with tact) is not "contatto", since a
    // filler never joins.
    let hit = top_skill("fork lift");
    assert_eq!((hit.uri, hit.matched_label), (OPERATE_FORKLIFT, "forklift"), "{hit:#?}");
    assert!(hit.similarity > 0.9, "{hit:#?}");
    assert!(skills("con tatto").iter().all(|h| !h.matched_label.contains("contatto")), "{:#?}", skills("con tatto"));
}

#[test]
fn a_label_closer_than_a_hit_shown_is_shown_after_it() {
    // "ingrassatore" alone (on lubricating machines) reaches its bar; "ingrassatore a leva"
    // (using a grease gun) holds only the first word of "ingrassatore a pistola" and does not,
    // yet is closer: it comes after, not nowhere.
    let hits = skills("ingrassatore a pistola");
    let labels: Vec<&str> = hits.iter().map(|h| h.matched_label).collect();
    assert_eq!(labels.first(), Some(&"ingrassatore"), "{hits:#?}");
    let closer = hits.iter().position(|h| h.matched_label == "ingrassatore a leva");
    assert_eq!(closer, Some(1), "{hits:#?}");
    assert!(hits[1].similarity > hits[0].similarity, "{hits:#?}");
    // One end held is not enough when no concept is shown: nothing is still nothing.
    assert!(skills("fermentazione dell'impasto").is_empty());
}

#[test]
fn a_word_spelt_as_a_label_has_is_no_typo_two_letters_from_another() {
    // `ferment-` is two letters from `cement-`: "fermentazione" is a word of its own, not a typo
    // of "cemento", and "elettrico" none of "elettronica".
    let all = SearchOptions { limit: 50, min_similarity: 0.0, ..SearchOptions::default() };
    let hits = esco().search_skills("fermentazione", &all).expect("search works");
    assert!(hits.iter().any(|h| h.matched_label.contains("fermentazione")), "{hits:#?}");
    assert!(hits.iter().all(|h| !h.matched_label.contains("cemento")), "{hits:#?}");
    let hits = skills("riparazione impianto elettrico");
    assert!(hits.iter().all(|h| !h.matched_label.contains("elettronic")), "{hits:#?}");
    let wiring = hits.iter().position(|h| h.matched_label == "riparazione cavi elettrici");
    assert!(wiring.is_some_and(|i| i < 3), "{hits:#?}");
    // Unless one adds an ending to the other: "vestitini" are small "vestiti".
    assert_eq!(top_skill("stirare vestitini").matched_label, "stirare i vestiti");
}

#[test]
fn a_typo_in_a_word_spelt_as_a_label_has_weighs_a_letter_of_its_stem() {
    // "benna" (`benn-`, an excavator's bucket) is one letter from `bend-` ("bende", bandages):
    // one letter in four, not in five, so "cambio benna" is not changing bandages...
    let bandages = "http://data.europa.eu/esco/skill/1c6736c2-77de-419c-9b84-8932e15abc21";
    assert!(skills("cambio benna").iter().all(|h| h.uri != bandages), "{:#?}", skills("cambio benna"));
    assert_eq!(top_skill("cambio bende").uri, bandages);
    // ... and "montaggio" (`mont-`, one letter from `mot-`) holds no motorbike: "meccanica moto"
    // holds only "meccaniche" of "montaggio parti meccaniche".
    let hits = skills("montaggio parti meccaniche");
    assert!(hits.iter().all(|h| h.matched_label != "meccanica moto"), "{hits:#?}");
    assert_eq!(hits.first().map(|h| h.matched_label), Some("montaggio meccanico"), "{hits:#?}");
}

#[test]
fn a_word_is_no_typo_of_its_other_gender_in_any_language() {
    // "pasti" are meals: its English stem, `pasti`, is one letter from `pasta`, which is
    // no more a typo of it than the Italian `pasto` is.
    let pasta = "http://data.europa.eu/esco/skill/e14472b6-6b74-4289-9aa4-903abf58b4f7";
    for query in ["preparazione pasti", "preparo i pasti"] {
        let hits = skills(query);
        assert!(hits.iter().all(|h| h.uri != pasta), "{query}: {hits:#?}");
        assert!(hits.iter().any(|h| h.matched_label.contains("pasti")), "{query}: {hits:#?}");
    }
    assert_eq!(top_skill("preparazione della pasta").uri, pasta);
}

#[test]
fn a_label_that_swaps_a_head_and_its_complement_is_another_thing() {
    // Machines for cleaning floors ("macchine per la pulizia") are no cleaning of machines,
    // even with the very same words.
    let hits = skills("pulizia delle macchine");
    let floor_machines = "http://data.europa.eu/esco/skill/2ed98048-bf2f-47e5-a0de-fd23d6abe2f6";
    assert!(hits.iter().all(|h| h.uri != floor_machines), "{hits:#?}");
    assert!(hits.first().is_some_and(|h| h.matched_label.starts_with("pulizia")), "{hits:#?}");
    // The same roles, with other grammar words or through an equivalent, are the same thing...
    let same = top_skill("macchine per pulizia");
    assert_eq!((same.uri, same.kind), (floor_machines, MatchKind::Token), "{same:#?}");
    assert_eq!(top_skill("macchinari per la pulizia").uri, floor_machines);
    // ... and so are words joined as peers, in another order.
    let peers = top_skill("pulizia di pennelli e rulli");
    assert_eq!((peers.matched_label, peers.kind), ("pulizia di rulli e pennelli", MatchKind::Token), "{peers:#?}");
}
