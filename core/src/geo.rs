//! Italian comuni: a gazetteer with coordinates, name lookup and great-circle distances.
//!
//! The embedded [`Gazetteer`] holds the 7,896 comuni of ISTAT's list (ISTAT code, name,
//! province sigla, region) with GeoNames coordinates (`core/data/comuni_it_coords.csv.gz`).
//! 269 comuni have no GeoNames point (among them Torino: its GeoNames name did not match):
//! they get the mean point of their province's other comuni, and say so with
//! [`CoordinateSource::ProvinceCentre`] ([`Comune::is_approximate`]).
//!
//! Names are looked up ([`Gazetteer::find`], [`Gazetteer::search`]) ignoring case, accents,
//! apostrophes and punctuation, in this order:
//! 1. the whole name or one of the names of a bilingual comune ("Bolzano" and "Bozen" for
//!    `Bolzano/Bozen`) — [`PlaceMatchKind::Exact`];
//! 2. a name that starts with the words given ("Garbagna (NO)" → Garbagna Novarese) —
//!    [`PlaceMatchKind::Prefix`];
//! 3. a name that has all the words given, in order ("Reggio Emilia" → Reggio
//!    nell'Emilia) — [`PlaceMatchKind::Words`];
//! 4. a close spelling: at most one edit (insertion, deletion, substitution or
//!    transposition, strsim's optimal string alignment), or two in names longer than 6
//!    letters with the right first letter, over every name (a few thousand comparisons,
//!    about a millisecond) —
//!    [`PlaceMatchKind::Fuzzy`].
//!
//! A province in brackets or after a comma ("Cameri (NO)", "Cameri, NO") filters the
//! results. A name that matches nothing is [`Error::UnknownPlace`] with the closest names
//! (by Jaro–Winkler similarity) as suggestions. Text longer than
//! [`MAX_QUERY_CHARS`] matches nothing (no comune has such a name), so long input costs no
//! search.
//!
//! Data: ISTAT "Elenco dei comuni italiani" (CC BY) joined to GeoNames (CC BY 4.0).

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use flate2::read::GzDecoder;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::fold::fold;
use crate::limits::{MAX_QUERY_CHARS, MAX_SEARCH_LIMIT};
use crate::model::Place;

/// The shared gazetteer: parsed from the embedded reference data on first use, or handed in
/// through `reference_data::provide` by a build without it.
static SHARED: OnceLock<Gazetteer> = OnceLock::new();

/// Mean Earth radius in km (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point on the Earth (WGS84 degrees).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Coordinates {
    /// Latitude in degrees, north positive.
    pub lat: f64,
    /// Longitude in degrees, east positive.
    pub lon: f64,
}

impl Coordinates {
    /// Coordinates, if both are in range.
    pub fn new(lat: f64, lon: f64) -> Option<Coordinates> {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some(Coordinates { lat, lon })
    }

    /// The great-circle (haversine) distance to another point, in km.
    ///
    /// ```
    /// use sportello::geo::Coordinates;
    ///
    /// let novara = Coordinates { lat: 45.44834, lon: 8.62328 };
    /// let trecate = Coordinates { lat: 45.43399, lon: 8.7364 };
    /// assert!((novara.distance_km(trecate) - 8.95).abs() < 0.1);
    /// ```
    pub fn distance_km(self, other: Coordinates) -> f64 {
        distance_km(self, other)
    }
}

/// The great-circle (haversine) distance between two points, in km.
pub fn distance_km(a: Coordinates, b: Coordinates) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Where a comune's coordinates come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoordinateSource {
    /// A GeoNames point for the comune (its main populated place).
    Point,
    /// No point was found: the mean of the other comuni of its province.
    ProvinceCentre,
}

/// An Italian comune.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comune {
    /// The 6-digit ISTAT code, e.g. `003149`.
    pub istat: String,
    /// The name as ISTAT writes it, e.g. `Bolzano/Bozen`.
    pub name: String,
    /// The province sigla, e.g. `NO`.
    pub province: String,
    /// The region, e.g. `Piemonte`.
    pub region: String,
    /// Where it is.
    pub coordinates: Coordinates,
    /// Whether the coordinates are the comune's own or its province's centre.
    pub source: CoordinateSource,
}

impl Comune {
    /// Whether the coordinates are only its province's centre.
    pub fn is_approximate(&self) -> bool {
        self.source == CoordinateSource::ProvinceCentre
    }

    /// "Name (XX)", as used in suggestions.
    pub fn display_name(&self) -> String {
        format!("{} ({})", self.name, self.province)
    }
}

/// How a name matched a comune.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceMatchKind {
    /// The name, or one of the names of a bilingual comune.
    Exact,
    /// The start of the name, at a word boundary.
    Prefix,
    /// All the words given, in order, among the name's words ("Reggio Emilia" for
    /// "Reggio nell'Emilia").
    Words,
    /// A close spelling.
    Fuzzy,
}

/// A comune found by name.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PlaceMatch<'g> {
    /// The comune.
    pub comune: &'g Comune,
    /// How the name matched.
    pub kind: PlaceMatchKind,
    /// Similarity of the name given and the comune's name, 0 to 1.
    pub similarity: f64,
    /// Whether other comuni matched as well as this one (e.g. "Peglio" is in CO and PU;
    /// add the province to choose).
    pub ambiguous: bool,
}

/// How [`Gazetteer::resolve`] found a place's coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolvedBy {
    /// The ISTAT code.
    Istat,
    /// The latitude and longitude given.
    Coordinates,
    /// The name.
    Name,
}

/// A place located by [`Gazetteer::resolve`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Resolved<'g> {
    /// Where it is.
    pub coordinates: Coordinates,
    /// The comune, when found by ISTAT code or name.
    pub comune: Option<&'g Comune>,
    /// What was used.
    pub by: ResolvedBy,
    /// Whether the coordinates are only a province centre, or the name matched only
    /// approximately.
    pub approximate: bool,
}

/// The comuni, indexed by ISTAT code and by name (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    comuni: Vec<Comune>,
    by_istat: HashMap<String, u32>,
    /// (folded name or name variant, comune), sorted.
    names: Vec<(String, u32)>,
}

impl Gazetteer {
    /// The embedded gazetteer, parsed once on first use.
    ///
    /// The data is checked by the crate's tests; should it ever fail to parse, this
    /// returns an empty gazetteer rather than panicking. A build without the embedded data
    /// (the widget) gets it handed in (`reference_data::provide`), and an empty
    /// one until then.
    pub fn embedded() -> &'static Gazetteer {
        if let Some(g) = SHARED.get() {
            return g;
        }
        if crate::reference_data::files::embedded().is_err() {
            // Not handed in yet (crate::reference_data): empty, and not kept.
            static EMPTY: OnceLock<Gazetteer> = OnceLock::new();
            return EMPTY.get_or_init(Gazetteer::default);
        }
        SHARED.get_or_init(|| Self::load_embedded().unwrap_or_default())
    }

    /// Parses a fresh copy of the embedded gazetteer.
    pub fn load_embedded() -> Result<Gazetteer> {
        Self::from_reference(crate::reference_data::files::embedded()?)
    }

    /// Parses the gazetteer of a set of reference-data files.
    pub fn from_reference(data: &crate::reference_data::files::ReferenceData<'_>) -> Result<Gazetteer> {
        Gazetteer::from_csv(GzDecoder::new(data.comuni_csv_gz), "comuni_it_coords.csv")
    }

    /// Whether the shared gazetteer has been parsed or handed in.
    pub(crate) fn shared_is_set() -> bool {
        SHARED.get().is_some()
    }

    /// Installs the shared gazetteer (`reference_data::provide`); a second call
    /// changes nothing.
    pub(crate) fn set_shared(g: Gazetteer) {
        let _ = SHARED.set(g);
    }

    /// Reads a gazetteer in the format of `comuni_it_coords.csv`: columns `istat_code`,
    /// `name`, `province_code`, `region`, `lat`, `lon` (empty when unknown); `file` names it
    /// in errors.
    pub fn from_csv(reader: impl Read, file: &str) -> Result<Gazetteer> {
        let err = |line: u64, message: String| Error::DataFile { file: file.to_owned(), line, message };
        let mut csv = csv::ReaderBuilder::new().from_reader(reader);
        let headers = csv.headers().map_err(|e| err(1, e.to_string()))?.clone();
        let col = |name: &str| headers.iter().position(|h| h == name).ok_or_else(|| err(1, format!("missing column {name:?}")));
        let (ci, cn, cp, cr, clat, clon) =
            (col("istat_code")?, col("name")?, col("province_code")?, col("region")?, col("lat")?, col("lon")?);
        let mut rows: Vec<(Comune, bool)> = Vec::new();
        let mut by_istat = HashMap::new();
        for record in csv.records() {
            let record = record.map_err(|e| err(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = record.position().map_or(0, |p| p.line());
            let get = |i: usize| record.get(i).unwrap_or("").trim();
            let istat = get(ci);
            if istat.len() != 6 || !istat.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(line, format!("ISTAT code {istat:?} is not 6 digits")));
            }
            if get(cn).is_empty() || get(cp).is_empty() {
                return Err(err(line, "empty name or province".to_owned()));
            }
            let point = match (get(clat), get(clon)) {
                ("", "") => None,
                (lat, lon) => {
                    let parse = |s: &str| s.parse::<f64>().ok();
                    let c = parse(lat).zip(parse(lon)).and_then(|(a, o)| Coordinates::new(a, o));
                    Some(c.ok_or_else(|| err(line, format!("bad coordinates {lat:?}, {lon:?}")))?)
                }
            };
            if by_istat.insert(istat.to_owned(), rows.len() as u32).is_some() {
                return Err(err(line, format!("ISTAT code {istat:?} appears twice")));
            }
            rows.push((
                Comune {
                    istat: istat.to_owned(),
                    name: get(cn).to_owned(),
                    province: get(cp).to_owned(),
                    region: get(cr).to_owned(),
                    coordinates: point.unwrap_or(Coordinates { lat: 0.0, lon: 0.0 }),
                    source: if point.is_some() { CoordinateSource::Point } else { CoordinateSource::ProvinceCentre },
                },
                point.is_some(),
            ));
        }
        // Province (else region, else Italy) centres for comuni without a point.
        let centre = |key: &dyn Fn(&Comune) -> &str, value: &str| {
            let pts: Vec<Coordinates> = rows.iter().filter(|(c, has)| *has && key(c) == value).map(|(c, _)| c.coordinates).collect();
            (!pts.is_empty()).then(|| Coordinates {
                lat: pts.iter().map(|p| p.lat).sum::<f64>() / pts.len() as f64,
                lon: pts.iter().map(|p| p.lon).sum::<f64>() / pts.len() as f64,
            })
        };
        let mut centres: HashMap<String, Coordinates> = HashMap::new();
        let fill: Vec<(usize, Coordinates)> = rows
            .iter()
            .enumerate()
            .filter(|(_, (_, has))| !has)
            .map(|(i, (c, _))| {
                let point = match centres.get(&c.province) {
                    Some(&p) => p,
                    None => {
                        let p = centre(&|x: &Comune| &x.province, &c.province)
                            .or_else(|| centre(&|x: &Comune| &x.region, &c.region))
                            .unwrap_or(Coordinates { lat: 42.5, lon: 12.5 });
                        centres.insert(c.province.clone(), p);
                        p
                    }
                };
                (i, point)
            })
            .collect();
        for (i, p) in fill {
            rows[i].0.coordinates = p;
        }
        let comuni: Vec<Comune> = rows.into_iter().map(|(c, _)| c).collect();
        let mut names = Vec::new();
        for (i, c) in comuni.iter().enumerate() {
            let whole = fold(&c.name);
            for part in c.name.split('/') {
                let f = fold(part);
                if !f.is_empty() && f != whole {
                    names.push((f, i as u32));
                }
            }
            names.push((whole, i as u32));
        }
        names.sort();
        names.dedup();
        Ok(Gazetteer { comuni, by_istat, names })
    }

    /// How many comuni there are.
    pub fn len(&self) -> usize {
        self.comuni.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.comuni.is_empty()
    }

    /// Every comune, in ISTAT code order.
    pub fn iter(&self) -> impl Iterator<Item = &Comune> {
        self.comuni.iter()
    }

    /// The comune with an ISTAT code; codes with lost leading zeros (`3149`) work too.
    pub fn by_istat(&self, code: &str) -> Option<&Comune> {
        let code = code.trim();
        if code.is_empty() || code.len() > 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let padded = format!("{code:0>6}");
        self.by_istat.get(&padded).map(|&i| &self.comuni[i as usize])
    }

    /// The comune a name stands for: the best of [`Gazetteer::search`], or
    /// [`Error::UnknownPlace`] with the closest names.
    ///
    /// ```
    /// use sportello::geo::Gazetteer;
    ///
    /// let g = Gazetteer::embedded();
    /// assert_eq!(g.find("Trecate").unwrap().comune.istat, "003149");
    /// assert_eq!(g.find("Garbagna (NO)").unwrap().comune.name, "Garbagna Novarese");
    /// ```
    pub fn find(&self, text: &str) -> Result<PlaceMatch<'_>> {
        let found = self.search(text, 2);
        match found.first() {
            Some(best) => Ok(*best),
            None => Err(Error::UnknownPlace { name: text.trim().to_owned(), suggestions: self.suggest(text, 5) }),
        }
    }

    /// The place search every binding offers: an ISTAT code gives its comune, a name the
    /// comuni matching it, best first; `limit` is 1 to [`MAX_SEARCH_LIMIT`] (else
    /// [`Error::InvalidOption`]); empty if nothing matches ([`Gazetteer::find`]'s error then
    /// names the closest comuni).
    pub fn lookup(&self, text: &str, limit: usize) -> Result<Vec<PlaceMatch<'_>>> {
        if !(1..=MAX_SEARCH_LIMIT).contains(&limit) {
            return Err(Error::InvalidOption { name: "limit", value: limit.to_string(), expected: "1 to 50" });
        }
        if let Some(comune) = self.by_istat(text.trim()) {
            return Ok(vec![PlaceMatch { comune, kind: PlaceMatchKind::Exact, similarity: 1.0, ambiguous: false }]);
        }
        Ok(self.search(text, limit))
    }

    /// Comuni matching a name, best first (see the module docs); empty if none does.
    pub fn search(&self, text: &str, limit: usize) -> Vec<PlaceMatch<'_>> {
        let Some((q, q_len, province)) = self.query(text).filter(|_| limit > 0) else { return Vec::new() };
        let in_province = |i: u32| province.is_none_or(|p| self.comuni[i as usize].province.eq_ignore_ascii_case(p));
        let mut out: Vec<(PlaceMatchKind, f64, f64, u32)> = Vec::new();
        // Exact and prefix matches: a range of the sorted names.
        let from = self.names.partition_point(|(n, _)| n.as_str() < q.as_str());
        for (n, i) in self.names[from..].iter().take_while(|(n, _)| n.starts_with(q.as_str())) {
            if !in_province(*i) {
                continue;
            }
            if *n == q {
                out.push((PlaceMatchKind::Exact, 1.0, 1.0, *i));
            } else if n.as_bytes().get(q.len()) == Some(&b' ') {
                out.push((PlaceMatchKind::Prefix, q.chars().count() as f64 / n.chars().count() as f64, 0.0, *i));
            }
        }
        if out.is_empty() {
            // Every word given, in order, among the name's words ("Reggio Emilia").
            let words: Vec<&str> = q.split(' ').collect();
            for (n, i) in &self.names {
                if in_province(*i) && words.len() > 1 && contains_in_order(n, &words) {
                    out.push((PlaceMatchKind::Words, q.chars().count() as f64 / n.chars().count() as f64, 0.0, *i));
                }
            }
        }
        if out.is_empty() {
            // A close spelling: one edit, or two in names longer than 6 letters that start
            // with the same letter (people rarely get the first letter wrong).
            for (n, i) in &self.names {
                if !in_province(*i) {
                    continue;
                }
                let n_len = n.chars().count();
                let longer = q_len.max(n_len);
                let same_start = q.chars().next() == n.chars().next();
                let allowed = if longer <= 6 || !same_start { 1 } else { 2 };
                // The edit distance is at least the difference in length.
                if q_len.abs_diff(n_len) > allowed {
                    continue;
                }
                let d = strsim::osa_distance(&q, n);
                if d <= allowed {
                    out.push((PlaceMatchKind::Fuzzy, 1.0 - d as f64 / longer as f64, strsim::jaro_winkler(&q, n), *i));
                }
            }
        }
        // Best kind, then similarity, then (for typos) Jaro-Winkler, which favours a
        // matching start; then ISTAT order.
        out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(b.2.total_cmp(&a.2)).then(a.3.cmp(&b.3)));
        let mut seen = std::collections::HashSet::new();
        out.retain(|m| seen.insert(m.3));
        let ambiguous = out.len() > 1 && out[0].0 == out[1].0 && out[0].1 == out[1].1 && out[0].2 == out[1].2;
        out.iter()
            .take(limit)
            .enumerate()
            .map(|(rank, &(kind, similarity, _, i))| PlaceMatch {
                comune: &self.comuni[i as usize],
                kind,
                similarity: (similarity * 1e4).round() / 1e4,
                ambiguous: rank == 0 && ambiguous,
            })
            .collect()
    }

    /// The closest names to `text` by Jaro–Winkler similarity, as "Name (XX)", in any
    /// province (a wrong province is a common mistake).
    fn suggest(&self, text: &str, n: usize) -> Vec<String> {
        let Some((q, ..)) = self.query(text) else { return Vec::new() };
        let mut scored: Vec<(f64, u32)> = self.names.iter().map(|(name, i)| (strsim::jaro_winkler(&q, name), *i)).collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out: Vec<String> = Vec::new();
        for (_, i) in scored {
            let s = self.comuni[i as usize].display_name();
            if !out.contains(&s) {
                out.push(s);
            }
            if out.len() == n {
                break;
            }
        }
        out
    }

    /// The folded name of a query, its length in characters and the province given, or
    /// `None` when there is nothing to look for: no name, or one longer than
    /// [`MAX_QUERY_CHARS`] (no comune is called anything that long, so such text is
    /// refused before any work).
    fn query<'a>(&self, text: &'a str) -> Option<(String, usize, Option<&'a str>)> {
        let (name, province) = self.split_province(text);
        let q = fold(name);
        let q_len = q.chars().count();
        (q_len > 0 && q_len <= MAX_QUERY_CHARS).then_some((q, q_len, province))
    }

    /// Splits "Cameri (NO)" or "Cameri, NO" into the name and a known province sigla.
    fn split_province<'a>(&self, text: &'a str) -> (&'a str, Option<&'a str>) {
        let t = text.trim();
        let known = |p: &str| p.len() == 2 && self.comuni.iter().any(|c| c.province.eq_ignore_ascii_case(p));
        if let Some(open) = t.strip_suffix(')').and_then(|s| s.rfind('(').map(|i| (i, s))) {
            let (i, s) = open;
            let p = s[i + 1..].trim();
            if known(p) {
                return (s[..i].trim(), Some(p));
            }
        }
        if let Some((name, p)) = t.rsplit_once(',') {
            let p = p.trim();
            if known(p) {
                return (name.trim(), Some(p));
            }
        }
        (t, None)
    }

    /// Locates a [`Place`]: by ISTAT code, else by latitude and longitude, else by name.
    pub fn resolve(&self, place: &Place) -> Option<Resolved<'_>> {
        if let Some(c) = place.istat.as_deref().and_then(|code| self.by_istat(code)) {
            return Some(Resolved { coordinates: c.coordinates, comune: Some(c), by: ResolvedBy::Istat, approximate: c.is_approximate() });
        }
        if let Some(coordinates) = place.lat.zip(place.lon).and_then(|(lat, lon)| Coordinates::new(lat, lon)) {
            return Some(Resolved { coordinates, comune: None, by: ResolvedBy::Coordinates, approximate: false });
        }
        let m = self.find(place.name.as_deref()?).ok()?;
        Some(Resolved {
            coordinates: m.comune.coordinates,
            comune: Some(m.comune),
            by: ResolvedBy::Name,
            approximate: m.comune.is_approximate() || m.kind != PlaceMatchKind::Exact || m.ambiguous,
        })
    }
}

/// Whether the words of `name` include `words` in order.
fn contains_in_order(name: &str, words: &[&str]) -> bool {
    let mut it = name.split(' ');
    words.iter().all(|w| it.any(|n| n == *w))
}

/// The coordinates of a [`Place`] with the embedded gazetteer (see [`Gazetteer::resolve`]).
pub fn resolve(place: &Place) -> Option<Coordinates> {
    Gazetteer::embedded().resolve(place).map(|r| r.coordinates)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lookup_takes_a_code_or_a_name_within_the_limits() {
        let g = Gazetteer::embedded();
        assert_eq!(g.lookup("003149", 5).unwrap()[0].comune.name, "Trecate");
        assert_eq!(g.lookup("Trecate", 5).unwrap()[0].comune.istat, "003149");
        assert!(g.lookup("xqzxqz", 5).unwrap().is_empty());
        for bad in [0, MAX_SEARCH_LIMIT + 1] {
            assert!(matches!(g.lookup("Trecate", bad), Err(Error::InvalidOption { name: "limit", .. })));
        }
    }

    use super::*;

    const CSV: &str = "istat_code,name,province_code,region,lat,lon,match\n\
        003106,Novara,NO,Piemonte,45.44834,8.62328,name+province\n\
        003149,Trecate,NO,Piemonte,45.43399,8.7364,name+province\n\
        003069,Garbagna Novarese,NO,Piemonte,45.38876,8.66124,name+province\n\
        003999,Senzapunto,NO,Piemonte,,,\n\
        021008,Bolzano/Bozen,BZ,Trentino-Alto Adige/Südtirol,46.49067,11.33982,name+province\n";

    #[test]
    fn haversine_is_symmetric_and_zero_on_the_same_point() {
        let a = Coordinates { lat: 45.0, lon: 8.0 };
        let b = Coordinates { lat: 41.9, lon: 12.5 };
        assert!((a.distance_km(b) - b.distance_km(a)).abs() < 1e-9);
        assert_eq!(a.distance_km(a), 0.0);
        // One degree of latitude is about 111.2 km.
        let c = Coordinates { lat: 46.0, lon: 8.0 };
        assert!((a.distance_km(c) - 111.19).abs() < 0.05);
    }

    #[test]
    fn missing_points_fall_back_to_the_province_centre() {
        let g = Gazetteer::from_csv(CSV.as_bytes(), "t.csv").expect("parses");
        let s = g.by_istat("3999").expect("padded code");
        assert!(s.is_approximate());
        let lat = (45.44834 + 45.43399 + 45.38876) / 3.0;
        assert!((s.coordinates.lat - lat).abs() < 1e-9);
        assert!(!g.by_istat("003149").expect("Trecate").is_approximate());
    }

    #[test]
    fn names_match_exactly_by_part_by_prefix_and_fuzzily() {
        let g = Gazetteer::from_csv(CSV.as_bytes(), "t.csv").expect("parses");
        assert_eq!(g.find("bozen").expect("variant").comune.istat, "021008");
        let m = g.find("Garbagna").expect("prefix");
        assert_eq!((m.comune.name.as_str(), m.kind), ("Garbagna Novarese", PlaceMatchKind::Prefix));
        let m = g.find("Trecatte (NO)").expect("typo");
        assert_eq!((m.comune.istat.as_str(), m.kind), ("003149", PlaceMatchKind::Fuzzy));
        assert!(g.find("Trecate (BZ)").is_err());
        let err = g.find("Novarra Centro").expect_err("not a comune");
        assert_eq!(err.kind(), "unknown_place");
    }

    #[test]
    fn bad_rows_name_the_line() {
        let bad = "istat_code,name,province_code,region,lat,lon\n001001,A,TO,Piemonte,45,7\n12,B,TO,Piemonte,,\n";
        let err = Gazetteer::from_csv(bad.as_bytes(), "g.csv").expect_err("bad code");
        assert_eq!(err.to_string(), "g.csv, line 3: ISTAT code \"12\" is not 6 digits");
        let bad = "istat_code,name,province_code,region,lat,lon\n001001,A,TO,Piemonte,north,7\n";
        let err = Gazetteer::from_csv(bad.as_bytes(), "g.csv").expect_err("bad lat");
        assert_eq!(err.to_string(), "g.csv, line 2: bad coordinates \"north\", \"7\"");
    }
}
