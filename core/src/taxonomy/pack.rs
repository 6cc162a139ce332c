//! The compact taxonomy pack: what is embedded in the library and what an import stores.
//!
//! A pack is a gzip stream (deflate level 9, no timestamp, so the same taxonomy always
//! gives the same bytes) of a simple binary layout, written column by column so that gzip
//! sees similar values next to each other:
//!
//! ```text
//! magic "SPORTELLO-TAXONOMY", version byte (1)
//! source note                                   str
//! languages          n, n × str
//! URI prefixes       n, n × str                 e.g. "http://data.europa.eu/esco/skill/"
//! concepts           n, then columns: kind u8 | prefix varint | suffix tag u8
//!                    (0: UUID as 16 bytes, 1: str) | UUID bytes | suffix strs |
//!                    skillType u8 | reuseLevel u8 | code str | iscoGroup str
//! labels             n (sorted by concept), then columns: concept delta varint |
//!                    language varint | kind u8 (bits 0-3: kind, bit 4: written by
//!                    Sportello; version 1 packs mark only synonyms so) | text str
//! occupation→skill   n, then columns: occupation delta varint | skill varint | type u8
//! skill→broader      n, then columns: narrower delta varint | broader varint
//! skill→skill        n, then columns: original delta varint | related varint | type u8
//! end marker "END"
//! ```
//!
//! `varint` is LEB128; `str` is a varint byte length and UTF-8 bytes. URIs are split at
//! their last `/` into a shared prefix and a suffix, and lowercase UUID suffixes (all ESCO
//! skills and occupations) are stored as 16 bytes. Descriptions, definitions, scope notes
//! and status are not kept. Decoding checks every length, id and UTF-8 string and returns
//! [`Error::Pack`] instead of panicking on damaged input.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use super::{ConceptData, ConceptKind, LabelData, LabelKind, LabelSource, RelationType, ReuseLevel, SkillType, Taxonomy};
use crate::error::{Error, Result};
use crate::limits::MAX_PACK_UNPACKED_BYTES;

const MAGIC: &[u8] = b"SPORTELLO-TAXONOMY";
const VERSION: u8 = 2;
/// The versions this build reads: 1 had no source bit (its synonyms were Sportello's).
const READS: [u8; 2] = [1, 2];
/// The bit of a label's kind byte that says Sportello wrote it.
const SPORTELLO_BIT: u8 = 0x10;

impl Taxonomy {
    /// Encodes the taxonomy as a compact pack (see the module docs of `pack`): the embedded
    /// English ESCO v1.1.1 is about 2 MB.
    pub fn to_pack(&self) -> Vec<u8> {
        let raw = encode(self);
        let mut gz = GzEncoder::new(Vec::with_capacity(raw.len() / 3), Compression::best());
        // Writing to a Vec cannot fail.
        let _ = gz.write_all(&raw);
        gz.finish().unwrap_or_default()
    }

    /// Decodes a pack made by [`Taxonomy::to_pack`].
    pub fn from_pack(bytes: &[u8]) -> Result<Taxonomy> {
        let mut t = decode(bytes)?;
        t.finish();
        Ok(t)
    }
}

fn pack_error(message: impl Into<String>) -> Error {
    Error::Pack { message: message.into() }
}

// ----- writing -----

#[derive(Default)]
struct Out(Vec<u8>);

impl Out {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
}

fn split_uri(uri: &str) -> (&str, &str) {
    match uri.rfind('/') {
        Some(i) => uri.split_at(i + 1),
        None => ("", uri),
    }
}

/// The 16 bytes of a canonical lowercase UUID (`8-4-4-4-12` hex digits).
fn uuid_bytes(s: &str) -> Option<[u8; 16]> {
    let b = s.as_bytes();
    if b.len() != 36 || [8, 13, 18, 23].iter().any(|&i| b[i] != b'-') {
        return None;
    }
    let mut out = [0u8; 16];
    let mut digits = b.iter().filter(|&&c| c != b'-');
    for o in &mut out {
        let hi = hex_value(*digits.next()?)?;
        let lo = hex_value(*digits.next()?)?;
        *o = hi << 4 | lo;
    }
    Some(out)
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

fn uuid_string(bytes: &[u8], out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for (i, b) in bytes.iter().enumerate() {
        if [4, 6, 8, 10].contains(&i) {
            out.push('-');
        }
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 15) as usize] as char);
    }
}

fn encode(t: &Taxonomy) -> Vec<u8> {
    let mut o = Out::default();
    o.0.extend_from_slice(MAGIC);
    o.u8(VERSION);
    o.str(&t.source);
    o.varint(t.langs.len() as u64);
    for l in &t.langs {
        o.str(l);
    }

    let mut prefixes: Vec<&str> = t.uris.iter().map(|u| split_uri(u).0).collect();
    prefixes.sort_unstable();
    prefixes.dedup();
    o.varint(prefixes.len() as u64);
    for p in &prefixes {
        o.str(p);
    }
    let n = t.concepts.len();
    o.varint(n as u64);
    for c in &t.concepts {
        o.u8(c.kind.code());
    }
    let splits: Vec<(&str, &str)> = t.uris.iter().map(|u| split_uri(u)).collect();
    for (p, _) in &splits {
        o.varint(prefixes.binary_search(p).unwrap_or(0) as u64);
    }
    let uuids: Vec<Option<[u8; 16]>> = splits.iter().map(|(_, s)| uuid_bytes(s)).collect();
    for u in &uuids {
        o.u8(u8::from(u.is_none()));
    }
    for u in uuids.iter().flatten() {
        o.0.extend_from_slice(u);
    }
    for ((_, s), u) in splits.iter().zip(&uuids) {
        if u.is_none() {
            o.str(s);
        }
    }
    for c in &t.concepts {
        o.u8(match c.skill_type {
            None => 0,
            Some(SkillType::SkillCompetence) => 1,
            Some(SkillType::Knowledge) => 2,
        });
    }
    for c in &t.concepts {
        o.u8(match c.reuse_level {
            None => 0,
            Some(ReuseLevel::Transversal) => 1,
            Some(ReuseLevel::CrossSector) => 2,
            Some(ReuseLevel::SectorSpecific) => 3,
            Some(ReuseLevel::OccupationSpecific) => 4,
        });
    }
    for c in &t.concepts {
        o.str(&c.code);
    }
    for c in &t.concepts {
        o.str(&c.isco_group);
    }

    // Labels in concept order (stable within a concept).
    let mut order: Vec<u32> = (0..t.labels.len() as u32).collect();
    order.sort_by_key(|&i| t.labels[i as usize].concept);
    o.varint(order.len() as u64);
    let mut prev = 0u32;
    for &i in &order {
        let c = t.labels[i as usize].concept;
        o.varint(u64::from(c - prev));
        prev = c;
    }
    for &i in &order {
        o.varint(u64::from(t.labels[i as usize].lang));
    }
    for &i in &order {
        let l = &t.labels[i as usize];
        o.u8(l.kind.code() | if l.source == LabelSource::Sportello { SPORTELLO_BIT } else { 0 });
    }
    for &i in &order {
        o.str(t.label_text(&t.labels[i as usize]));
    }

    write_relations(&mut o, &t.occ_skill.iter().map(|&(a, b, r)| (a, b, Some(r))).collect::<Vec<_>>());
    write_relations(&mut o, &t.broader.iter().map(|&(a, b)| (a, b, None)).collect::<Vec<_>>());
    write_relations(&mut o, &t.skill_skill.iter().map(|&(a, b, r)| (a, b, Some(r))).collect::<Vec<_>>());
    o.0.extend_from_slice(b"END");
    o.0
}

/// Writes relations sorted by their first id (as [`Taxonomy::finish`] leaves them).
fn write_relations(o: &mut Out, rels: &[(u32, u32, Option<RelationType>)]) {
    o.varint(rels.len() as u64);
    let mut prev = 0u32;
    for &(a, _, _) in rels {
        o.varint(u64::from(a.saturating_sub(prev)));
        prev = a;
    }
    for &(_, b, _) in rels {
        o.varint(u64::from(b));
    }
    if rels.first().is_some_and(|r| r.2.is_some()) {
        for &(_, _, r) in rels {
            o.u8(u8::from(r == Some(RelationType::Optional)));
        }
    }
}

// ----- reading -----

struct In<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> In<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| pack_error(format!("cut short at byte {}", self.pos)))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn varint(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(pack_error(format!("bad number at byte {}", self.pos)))
    }
    /// A count of items that each take at least `min_bytes`, checked against what is left.
    fn count(&mut self, min_bytes: usize) -> Result<usize> {
        let n = self.varint()?;
        let left = (self.bytes.len() - self.pos) as u64;
        if n.saturating_mul(min_bytes as u64) > left {
            return Err(pack_error(format!("count {n} at byte {} is larger than the data", self.pos)));
        }
        Ok(n as usize)
    }
    fn id(&mut self, below: usize) -> Result<u32> {
        let v = self.varint()?;
        if v >= below as u64 {
            return Err(pack_error(format!("id {v} out of range at byte {}", self.pos)));
        }
        Ok(v as u32)
    }
    fn str(&mut self) -> Result<&'a str> {
        let n = self.varint()?;
        let n = usize::try_from(n).map_err(|_| pack_error("string too long"))?;
        let b = self.take(n)?;
        std::str::from_utf8(b).map_err(|_| pack_error(format!("invalid UTF-8 before byte {}", self.pos)))
    }
}

/// Decodes a pack without building the lookups (the caller calls `finish`).
pub(super) fn decode(bytes: &[u8]) -> Result<Taxonomy> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(pack_error("not gzip data"));
    }
    let hint = bytes.len().checked_sub(4).and_then(|i| bytes.get(i..)).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let mut raw = Vec::with_capacity(hint.min(MAX_PACK_UNPACKED_BYTES));
    let cap = MAX_PACK_UNPACKED_BYTES as u64 + 1;
    GzDecoder::new(bytes).take(cap).read_to_end(&mut raw).map_err(|e| pack_error(format!("cannot decompress: {e}")))?;
    if raw.len() > MAX_PACK_UNPACKED_BYTES {
        return Err(Error::TooLarge { what: "the unpacked taxonomy".into(), size: raw.len(), limit: MAX_PACK_UNPACKED_BYTES });
    }
    let mut r = In { bytes: &raw, pos: 0 };
    if r.take(MAGIC.len()).ok() != Some(MAGIC) {
        return Err(pack_error("not a Sportello taxonomy pack"));
    }
    let version = r.u8()?;
    if !READS.contains(&version) {
        return Err(pack_error(format!("version {version} is not supported (expected {READS:?})")));
    }
    let mut t = Taxonomy { source: r.str()?.to_owned(), ..Taxonomy::default() };
    let nl = r.count(1)?;
    for _ in 0..nl {
        t.langs.push(r.str()?.into());
    }
    if t.langs.len() > usize::from(u16::MAX) {
        return Err(pack_error("too many languages"));
    }
    let np = r.count(1)?;
    let prefixes: Vec<&str> = (0..np).map(|_| r.str()).collect::<Result<_>>()?;

    let n = r.count(4)?;
    let mut kinds = Vec::with_capacity(n);
    for _ in 0..n {
        kinds.push(ConceptKind::from_code(r.u8()?).ok_or_else(|| pack_error("unknown concept kind"))?);
    }
    let prefix_ids: Vec<u32> = (0..n).map(|_| r.id(np)).collect::<Result<_>>()?;
    let tags = r.take(n)?;
    let n_uuid = tags.iter().filter(|&&t| t == 0).count();
    let uuids = r.take(n_uuid * 16)?;
    let mut uuid_chunks = uuids.chunks_exact(16);
    t.uris.reserve(n);
    let mut uri = String::with_capacity(80);
    for i in 0..n {
        uri.clear();
        uri.push_str(prefixes[prefix_ids[i] as usize]);
        match tags[i] {
            0 => uuid_string(uuid_chunks.next().ok_or_else(|| pack_error("missing UUID"))?, &mut uri),
            1 => uri.push_str(r.str()?),
            _ => return Err(pack_error("unknown URI tag")),
        }
        if t.uri_ids.insert(uri.as_str().into(), i as u32).is_some() {
            return Err(pack_error(format!("duplicate URI {uri:?}")));
        }
        t.uris.push(uri.as_str().into());
    }
    let skill_types = r.take(n)?;
    let reuse = r.take(n)?;
    t.concepts = kinds
        .into_iter()
        .zip(skill_types.iter().zip(reuse))
        .map(|(kind, (&st, &ru))| ConceptData {
            kind,
            skill_type: match st {
                1 => Some(SkillType::SkillCompetence),
                2 => Some(SkillType::Knowledge),
                _ => None,
            },
            reuse_level: match ru {
                1 => Some(ReuseLevel::Transversal),
                2 => Some(ReuseLevel::CrossSector),
                3 => Some(ReuseLevel::SectorSpecific),
                4 => Some(ReuseLevel::OccupationSpecific),
                _ => None,
            },
            code: "".into(),
            isco_group: "".into(),
        })
        .collect();
    for c in &mut t.concepts {
        c.code = r.str()?.into();
    }
    for c in &mut t.concepts {
        c.isco_group = r.str()?.into();
    }

    let m = r.count(4)?;
    let mut concept = 0u64;
    let mut label_concepts = Vec::with_capacity(m);
    for _ in 0..m {
        concept += r.varint()?;
        if concept >= n as u64 {
            return Err(pack_error("label of an unknown concept"));
        }
        label_concepts.push(concept as u32);
    }
    let langs: Vec<u16> = (0..m).map(|_| r.id(t.langs.len()).map(|l| l as u16)).collect::<Result<_>>()?;
    let label_kinds = r.take(m)?;
    t.labels.reserve(m);
    let text_hint = raw.len().saturating_sub(r.pos);
    t.text.reserve(text_hint);
    for i in 0..m {
        let text = r.str()?;
        let kind = LabelKind::from_code(label_kinds[i] & !SPORTELLO_BIT).ok_or_else(|| pack_error("unknown label kind"))?;
        let sportello = label_kinds[i] & SPORTELLO_BIT != 0 || kind == LabelKind::Synonym;
        let source = if sportello { LabelSource::Sportello } else { LabelSource::Esco };
        let start = u32::try_from(t.text.len()).map_err(|_| pack_error("labels too large"))?;
        t.text.push_str(text);
        t.labels.push(LabelData { concept: label_concepts[i], start, end: start + text.len() as u32, lang: langs[i], kind, source });
    }

    t.occ_skill = read_relations(&mut r, n, true)?.into_iter().map(|(a, b, k)| (a, b, k.unwrap_or_default())).collect();
    t.broader = read_relations(&mut r, n, false)?.into_iter().map(|(a, b, _)| (a, b)).collect();
    t.skill_skill = read_relations(&mut r, n, true)?.into_iter().map(|(a, b, k)| (a, b, k.unwrap_or_default())).collect();
    if r.take(3)? != b"END" || r.pos != raw.len() {
        return Err(pack_error("unexpected data after the relations"));
    }
    Ok(t)
}

fn read_relations(r: &mut In<'_>, n: usize, typed: bool) -> Result<Vec<(u32, u32, Option<RelationType>)>> {
    let k = r.count(2)?;
    let mut firsts = Vec::with_capacity(k);
    let mut a = 0u64;
    for _ in 0..k {
        a += r.varint()?;
        if a >= n as u64 {
            return Err(pack_error("relation of an unknown concept"));
        }
        firsts.push(a as u32);
    }
    let seconds: Vec<u32> = (0..k).map(|_| r.id(n)).collect::<Result<_>>()?;
    let types = if typed && k > 0 { Some(r.take(k)?) } else { None };
    Ok((0..k)
        .map(|i| {
            let ty = types.map(|t| if t[i] == 0 { RelationType::Essential } else { RelationType::Optional });
            (firsts[i], seconds[i], ty)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::esco_csv::tests::tiny;

    #[test]
    fn a_pack_that_unpacks_beyond_the_limit_is_refused() {
        let mut z = GzEncoder::new(Vec::new(), Compression::fast());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..=(MAX_PACK_UNPACKED_BYTES >> 20) {
            z.write_all(&zeros).expect("gzip");
        }
        let bomb = z.finish().expect("gzip");
        assert!(bomb.len() < 10 << 20, "{} bytes compressed", bomb.len());
        let Err(e) = decode(&bomb) else { panic!("a pack that unpacks beyond the limit was accepted") };
        assert!(matches!(e, Error::TooLarge { limit: MAX_PACK_UNPACKED_BYTES, .. }), "{e}");
    }

    #[test]
    fn uuids_round_trip_and_odd_suffixes_are_refused() {
        let u = "28cb374e-6261-4133-8371-f9a5470145da";
        let b = uuid_bytes(u).expect("canonical uuid");
        let mut s = String::new();
        uuid_string(&b, &mut s);
        assert_eq!(s, u);
        assert_eq!(uuid_bytes("28CB374E-6261-4133-8371-F9A5470145DA"), None);
        assert_eq!(uuid_bytes("C8344"), None);
    }

    #[test]
    fn a_pack_round_trips_everything() {
        let mut t = Taxonomy::from_esco_csv(&tiny("en"), "en").expect("tiny");
        t.set_source("tiny test");
        let pack = t.to_pack();
        let back = Taxonomy::from_pack(&pack).expect("decodes");
        assert_eq!(back.to_pack(), pack, "encoding is deterministic");
        assert_eq!(back.source(), "tiny test");
        assert_eq!(back.concepts.len(), t.concepts.len());
        assert_eq!(back.occ_skill, t.occ_skill);
        assert_eq!(back.broader, t.broader);
        assert_eq!(back.skill_skill, t.skill_skill);
        for (a, b) in t.concepts().zip(back.concepts()) {
            assert_eq!(a.uri(), b.uri());
            assert_eq!(a.labels().collect::<Vec<_>>(), b.labels().collect::<Vec<_>>());
            assert_eq!(
                (a.kind(), a.skill_type(), a.reuse_level(), a.code(), a.isco_group()),
                (b.kind(), b.skill_type(), b.reuse_level(), b.code(), b.isco_group())
            );
        }
    }

    #[test]
    fn damaged_packs_are_errors_not_panics() {
        let pack = Taxonomy::from_esco_csv(&tiny("en"), "en").expect("tiny").to_pack();
        assert_eq!(Taxonomy::from_pack(b"hello").expect_err("not gzip").kind(), "pack");
        assert!(Taxonomy::from_pack(&pack[..pack.len() / 2]).is_err());
        let mut raw = Vec::new();
        GzDecoder::new(pack.as_slice()).read_to_end(&mut raw).expect("gunzip");
        for cut in (MAGIC.len()..raw.len()).step_by(7) {
            let mut damaged = raw.clone();
            damaged[cut] ^= 0x5a;
            let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
            gz.write_all(&damaged).expect("memory");
            // Either an error or a (different) taxonomy; never a panic.
            let _ = Taxonomy::from_pack(&gz.finish().expect("memory"));
        }
    }
}
