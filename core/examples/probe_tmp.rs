use sportello::taxonomy::{SearchOptions, Taxonomy, ConceptKind};
use sportello::geo::Gazetteer;
fn main() {
    let t = Taxonomy::embedded();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = if args[0] == "o" { ConceptKind::Occupation } else { ConceptKind::Skill };
    if args[0] == "g" {
        let g = Gazetteer::embedded();
        for q in &args[1..] { match g.find(q) { Ok(m) => println!("{q:?} -> {} {} ({}) {:?} {:.3} amb={} approx={}", m.comune.istat, m.comune.name, m.comune.province, m.kind, m.similarity, m.ambiguous, m.comune.is_approximate()), Err(e) => println!("{q:?} -> ERR {e} / {:?}", e.hint()) } }
        return;
    }
    for q in &args[1..] {
        println!("== {q:?}");
        match t.search(kind, q, &SearchOptions { limit: 5, ..Default::default() }) {
            Ok(hits) => for h in hits { println!("   {:<45} {:?}/{:?} {:.3} via {:?} [{}]", h.preferred_label, h.kind, h.label_kind, h.similarity, h.matched_label, h.lang) },
            Err(e) => println!("   ERR {e}"),
        }
    }
}
