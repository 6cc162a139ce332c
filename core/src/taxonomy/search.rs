//! Normalising free text (a skill or a job title as someone typed it) to ranked ESCO
//! concepts.
//!
//! Every label of the wanted kind (skills or occupations; preferred, alternative, hidden
//! and synonym labels, in every language loaded) is indexed once, on first search:
//! its folded text (see `text`), the stems of its words, and for every distinct stem a
//! document frequency. Distinct stems are also indexed by their character trigrams. A
//! query then goes through these steps, none of which scans all labels:
//!
//! 1. **Exact**: the folded query is looked up in a sorted table of label hashes. A match
//!    on a preferred label is [`MatchKind::Exact`], on an alternative or hidden label
//!    [`MatchKind::AltLabel`], on a synonym [`MatchKind::Synonym`]; similarity 1.
//! 2. **Candidates**: each query word is stemmed (with the stemmer of each label language
//!    present), looked up in the stem vocabulary (a stem counts for the labels in the
//!    language of the stemmer that gave it: the Italian stem of "pressione" is no English
//!    "press") and, through the trigram index, matched to stems of any language within an
//!    edit distance of 1 (words of 3–5 letters) or 2 (longer words), counting transpositions as
//!    one edit. An edit weighs one letter of the word as typed, not of its stem, unless the
//!    stem is one some label has: a word's neighbour is then as often another word, and an edit
//!    weighs a letter of the longer stem ("montaggio", `mont-`, is one edit in four from
//!    `mot-`, "moto", not one in nine). A word some label has (one of its stems) is no typo two
//!    edits from another, unless one adds an ending to the other ("fermentazione" is no
//!    "cemento", "vestitini" are "vestiti"), and a noun of two genders is no typo of its other
//!    gender, whichever stemmer gave the stem ("pasti", meals, are no "pasta"). Each thread
//!    keeps the stems near the stems it searched lately, so a feed's repeated words are looked
//!    for once. An Italian word also stands for the words of its group in Sportello's thesaurus
//!    (`thesaurus`: "cuocere" for "cucinare", "camion" for "autocarro"), a little below the
//!    word itself, and two neighbouring words that the labels write as one ("video
//!    sorveglianza", "fork lift") each stand for that word. An Italian word no label has may be
//!    a conjugated verb: it stands for its infinitive (`verb_forms`: "pulivo", "ho gestito",
//!    "facevo" as "pulire", "gestire", "fare"), or have a typo in the noun ending the stemmer
//!    takes off ("ordinazoni", "lavagio"): it then stands for the stem with one typo.
//!    The labels containing those stems are scored by an F1 of the IDF-weighted share of
//!    the query words found in the label and of the label words found in the query (typo'd
//!    words and equivalents count with their similarity; a label's grammar words, "di",
//!    "degli", half their IDF).
//! 3. **Re-ranking**: the best few dozen candidates are compared with the query as whole
//!    strings with the optimal-string-alignment distance (the metric of
//!    `strsim::osa_distance`, computed bit-parallel after Hyyrö 2003, so each comparison
//!    costs one machine word per character and allocates nothing), both as written and with
//!    the words sorted (so word order does not matter); the similarity reported is
//!    `max(0.7 × string similarity + 0.3 × word F1, 0.85 × word F1)`, the second term for
//!    queries with extra words ("Excel avanzato"); query words found nowhere weigh half
//!    of the rarest word, and filler words ("della", "buona", "the", and the words that
//!    tell a task as a story: "mi occupavo di", "ero", "anche") a fifth of their weight. A
//!    candidate whose stems are the query's, give or take grammar words (other order, other
//!    plural, "pulizia di rulli e pennelli" for "pulire pennelli e rulli"), is
//!    [`MatchKind::Token`] (unless it swaps the roles of the query's words: step 4), else
//!    [`MatchKind::Fuzzy`].
//!
//! 4. **No guesses**: a token or fuzzy hit below [`SearchOptions::min_similarity`]
//!    ([`DEFAULT_MIN_SIMILARITY`] by default) is dropped, unless its label holds every
//!    content word of the query (the same stem, or one typo in a longer word), or two of
//!    them or more making up most of the query, when it may go down to 0.8 of it
//!    ("forklift" finds "operate forklift", "pulire i vetri di casa" finds "pulizia vetri"),
//!    or when the query holds every content word of the label, its head among them, and they
//!    make up half of the query or more (the query names the skill and qualifies it: "HACCP
//!    alimentare" finds "HACCP", while "posta elettronica" does not find "elettronica"; codes
//!    such as "C" do not count as words here), or when the label has two content words or
//!    more and the query holds them all (a sentence that tells the task: "mi occupavo delle
//!    pulizie degli uffici" finds "pulizia degli uffici").
//!    A single short word not found as written must do better (1.07 of it): alone, it is as
//!    often a name or a greeting as a skill (a label that is that very word, with job-ad words
//!    around it, is no guess: "cassiera part time"). So must a label that puts its head first
//!    (Italian) and holds one word of a longer query, not the query's head, or the head with a
//!    qualifier of its own when the head is the lesser part of the query: "cassa elettronica"
//!    is not "posta elettronica", nor "preparazione dei dati" "preparazione dei cibi". So must
//!    a label that swaps the roles of the query's head (its first content word) and the next
//!    content word, when grammar words only join them ("in", "dei", "la"): a label in Italian
//!    that holds both (as written, through a typo or an equivalent), the second governing the
//!    first, and never the first the second (`phrase`). It is no runner-up either: "campagne di
//!    raccolta fondi" is not "raccolta in campagna", nor is "macchine per la pulizia" "pulizia
//!    delle macchine", and though its words are the same, it is no [`MatchKind::Token`] hit. (A
//!    label's verb of use, "utilizzare", "uso", is no content of its own: "uso del navigatore"
//!    names the navigator.) In a short query, a code of one or two characters ("patente D",
//!    "inglese B2") is never matched to a label with another code ("patente A"). A query that
//!    matches nothing well enough gives no hits.
//!    Once a hit has reached its bar, the query is known to name something: labels holding
//!    the query's first and last content words as written, its codes and half its content or
//!    more may then be shown, after every hit that reached its bar, down to 0.8 of the
//!    minimum similarity (runner-ups: the nearest alternatives, for the reader to choose
//!    from, each with its similarity); so may a label holding either end as written, and not
//!    another thing, that is closer to the query than every hit that reached its bar (in a
//!    text searched in parts, every such hit of its part): "ingrassatore a pistola" finds
//!    "ingrassatore" on lubricating machines, then the closer "ingrassatore a leva" on using
//!    a grease gun.
//! 5. **Job titles typed as skills** ("pizzaiolo", "carrellista"): when the text names an
//!    occupation (similarity 0.9 or more) better than any skill, three of that
//!    occupation's core skills come first (Sportello's list in `core_skills`, else a rule),
//!    each a [`MatchKind::ViaOccupation`] hit naming the occupation.
//! 6. **Parts**: a skill query with commas, semicolons, colons, brackets, bullets or line
//!    breaks (a CV line that lists things, a sentence of clauses: "ero cassiera, battevo gli
//!    scontrini") is also searched part by part (eight parts at most), and all the hits are
//!    ranked together in the usual order (after those of the whole, when the whole is itself
//!    close to a label, similarity 0.9 or more). A skill query that finds nothing whole is
//!    also searched thing by thing where it joins them with "e", "o", "and", "or", "/" or "&"
//!    ("cucito e asole"; a thing of one word only as a label: "sale e pepe" finds nothing).
//!    Normalisation, which keeps one strong hit for a label of a feed, searches the whole
//!    text only.
//!
//! Five shortcuts give the same answers in less time (a test checks it): when step 1
//! already names as many concepts as asked for, steps 2 and 3 are skipped (they only find
//! weaker kinds); in step 3, a fuzzy candidate is not compared as a whole string when the
//! most its length and word F1 allow cannot beat the concepts already found (a feed's label
//! with a typo usually has its answer among the first candidates), nor is a label holding
//! one end of the query when that most is no closer than a hit found; the occupation sought
//! for step 5 is looked for without the typo search, since only an exact or same-words hit
//! is followed; and normalisation, which keeps only a strong first hit (not a fuzzy one
//! below 0.9), does not look for candidates whose word F1 keeps them below that: the
//! commonest words of the query then only add to the labels the rarer ones found, and few
//! candidates are compared as strings (placing a 100k feed's new labels took about 40 %
//! less CPU time).
//!
//! Each concept appears once, with its best evidence. Hits are ordered by kind (exact,
//! then alternative label or synonym, then token, then fuzzy), then similarity, then
//! preferred labels before others, then concept id, so results are deterministic. Each
//! hit's `preferred_label` is in the reader's language ([`SearchOptions::display_lang`])
//! where the concept has a label in it, with its language and source beside it.
//! Empty queries give no hits; queries longer than [`MAX_QUERY_CHARS`] are refused with
//! [`Error::QueryTooLong`]; text in any script is accepted.

use std::cell::RefCell;

use serde::Serialize;

use super::csr::Csr;
use super::text::{
    BitOsa, COORDINATORS, FxHashMap, Stemmer, are_gender_twins, hash_str, is_filler, italian_stems_past_a_typo, osa_within, tokens,
};
use super::thesaurus::Thesaurus;
use super::verb_forms;
use super::{ConceptId, ConceptKind, LabelData, LabelKind, LabelSource, RelationType, ReuseLevel, Taxonomy};
use crate::error::{Error, Result};
use crate::fold::{fold, fold_into};

pub use crate::limits::{MAX_QUERY_CHARS, MAX_SEARCH_LIMIT};

mod build;
mod phrase;

/// How many candidates from the word stage are compared as whole strings.
const RERANK: usize = 48;
/// Candidates from the word stage with a word F1 at most this are not compared.
const MIN_F1: f32 = 0.1;
/// How many vocabulary stems one query word may stand for.
const MAX_VARIANTS: usize = 12;
/// Weight of the whole-string similarity in the reported similarity (the rest is word F1).
const STRING_WEIGHT: f64 = 0.7;
/// The similarity of a label whose words match well but whose string does not (extra
/// words in the query: "Excel avanzato") is at least this share of the word F1.
const WORDS_ONLY_WEIGHT: f64 = 0.85;
/// A query word that matches no stem, not even with typos ("avanzato", "B2"), weighs this
/// share of the rarest stem's IDF: it may be noise, but it is not nothing.
const UNKNOWN_WORD_WEIGHT: f32 = 0.5;
/// How close a word of Sportello's Italian thesaurus counts for the query word it stands
/// for ("cuocere" for "cucinare"): as close as a typo in a word of seven letters, so that a
/// label with the very word still comes first.
const EQUIVALENT_SIMILARITY: f32 = 0.85;
/// Share of its weight that a filler word of the query keeps ("della", "buona", "the").
const FILLER_WEIGHT: f32 = 0.2;
/// Share of its IDF that a grammar word of a label keeps in the label's share of the words:
/// "tecniche di preparazione degli alimenti" is not further from "preparazione alimenti" for
/// its "di" and "degli" than for a word that says something.
const LABEL_GRAMMAR_WEIGHT: f32 = 0.5;
/// A label that holds every content word of the query as the very same stems may be shown
/// down to this share of the minimum similarity ("forklift" for "operate forklift"); so may
/// a label that holds two content words of the query or more, making up at least
/// [`HOLDS_MOST_WORDS`] of the query's content ("pulire i vetri di casa" for "pulizia vetri").
const HOLDS_EVERY_WORD_SHARE: f64 = 0.8;
/// A query with one content word (of at most [`ONE_WORD_MAX_LEN`] letters; the rest fillers,
/// numbers or words no label has) that is no label as written must reach this share of the
/// minimum similarity (0.76 by default): one short word, not quite found, is as often a
/// name, a place or a greeting as a skill ("Marocco" is not "tarocchi", "ciao" not "CIA",
/// "a domani" not "Romani").
const ONE_WORD_SHARE: f64 = 1.07;
/// Longer words typed alone are seldom names, and their typos are told apart: the usual bar.
const ONE_WORD_MAX_LEN: usize = 8;
/// Once a hit has reached its bar (the query names something), labels that hold the query's
/// first and last content words as written (its head, whichever end the language puts it; a
/// typo of a word spelt as a label is another word: "stiro" is no "TIR"), its codes, and
/// words making up half its content or more ([`HELD_LABEL_SHARE`]) are shown down to this
/// share of the minimum similarity (0.57 by default), after the hits that reached their bar: the
/// nearest alternatives, for the reader to choose from ("trattore": using a tractor, then
/// driving and using farm machines, whose labels hold the word beside another). Alone, a hit
/// this weak is a guess, and nothing is shown ("sorveglianza notturna"); without either end of
/// the query, it is another thing ("posta elettronica" is not electronics, "operate forklfit"
/// not "operate furnace"), and so with another code ("patente D" is no motorbike) or with a
/// lesser part of the query ("cura del giardino" is no horse care). A label that holds only
/// one end as written (and is not another thing) is shown down to this share too, but only when
/// closer to the query than every hit that reached its bar: hiding it would hide the best
/// answer.
const RUNNER_UP_SHARE: f64 = 0.8;
/// The share of the query's content (by weight) that two or more held words must make up for
/// the lower bar of [`HOLDS_EVERY_WORD_SHARE`].
const HOLDS_MOST_WORDS: f32 = 0.6;
/// A label whose every content word the query holds, its head among them (its first content
/// word, as in Italian), standing for at least this share of the query's content, is the
/// query's subject with a qualifier added ("HACCP alimentare", "pasticceria fresca",
/// "confezionamento a mano"; but "elettronica" is not "posta elettronica"): it gets the lower
/// bar of [`HOLDS_EVERY_WORD_SHARE`]. So does a label of [`HELD_PHRASE_WORDS`] content words
/// or more that the query holds whole, wherever and however long the query: a phrase that
/// long, found whole, is what a sentence tells ("mi occupavo delle pulizie degli uffici").
const HELD_LABEL_SHARE: f32 = 0.5;
/// See [`HELD_LABEL_SHARE`].
const HELD_PHRASE_WORDS: usize = 2;
/// The most parts of a text searched alone (see `add_clause_hits`): a CV line rarely lists
/// more, and each part is a search of its own.
const MAX_PARTS: usize = 8;
/// The similarity at which a whole text with commas is taken to be a label (see
/// `add_clause_hits`).
const WHOLE_IS_A_LABEL: f64 = 0.9;
/// A query word counts as held by a label when one of the label's stems is this close to it
/// (the same stem, or one typo in a word of five letters or more).
const HELD_WORD_SIMILARITY: f32 = 0.8;

/// The default [`SearchOptions::min_similarity`]: a query that matches no label at least
/// this well returns nothing, so a counsellor never sees a guess ("badante convivente" is not
/// "types of condiments"). Chosen on Sportello's Italian evaluation and junk sets
/// (`tests/fixtures/taxonomy/`): the lowest value at which 95 % of the junk set finds
/// nothing. `--min-similarity` and the bindings' `min_similarity` lower it.
pub const DEFAULT_MIN_SIMILARITY: f64 = 0.71;

/// An occupation found for a skill query leads to its core skills only when it matches at
/// least this well ("pizzaiolo", "carrellista").
const ROUTE_MIN_SIMILARITY: f64 = 0.9;
/// How many of an occupation's core skills a job title typed as a skill leads to.
const ROUTE_SKILLS: usize = 3;

/// Options for [`Taxonomy::search_skills`] and [`Taxonomy::search_occupations`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SearchOptions<'a> {
    /// Most hits returned (default 10).
    pub limit: usize,
    /// Only match labels in this language (`"it"`, `"en"`); `None` (the default) matches
    /// every language loaded.
    pub lang: Option<&'a str>,
    /// The language of the labels shown (`preferred_label`); `None` (the default) shows
    /// each hit in the language of the label that matched. A concept without a label in
    /// this language is shown in the taxonomy's first language, and its
    /// `preferred_label_lang` says so.
    pub display_lang: Option<&'a str>,
    /// Fuzzy and token hits below this similarity are dropped (default
    /// [`DEFAULT_MIN_SIMILARITY`]); once one has reached it, runner-ups down to 0.8 of it
    /// follow (see the module docs).
    pub min_similarity: f64,
}

/// How many results a search returns unless told otherwise, in every binding.
pub const DEFAULT_SEARCH_LIMIT: usize = 10;

impl Default for SearchOptions<'_> {
    fn default() -> Self {
        SearchOptions { limit: DEFAULT_SEARCH_LIMIT, lang: None, display_lang: None, min_similarity: DEFAULT_MIN_SIMILARITY }
    }
}

impl SearchOptions<'_> {
    /// Refuses a similarity outside 0 to 1 and a limit above [`MAX_SEARCH_LIMIT`].
    pub fn check(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.min_similarity) {
            return Err(Error::InvalidOption { name: "min_similarity", value: self.min_similarity.to_string(), expected: "0 to 1" });
        }
        if self.limit > MAX_SEARCH_LIMIT {
            return Err(Error::InvalidOption { name: "limit", value: self.limit.to_string(), expected: "at most 50" });
        }
        Ok(())
    }
}

/// How a hit's label matched the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The query is the concept's preferred label (ignoring case, accents, punctuation).
    Exact,
    /// The query is one of its alternative or hidden labels.
    AltLabel,
    /// The query is a synonym from a synonym table (e.g. Sportello's Italian table).
    Synonym,
    /// The same words (stems) as a label, in another order or inflection (not another
    /// thing: "macchine per la pulizia" is no "pulizia delle macchine").
    Token,
    /// Similar words: typos, missing or extra words.
    Fuzzy,
    /// A core skill of the occupation the query names: a job title typed as a skill
    /// ("pizzaiolo", "carrellista"); the hit's `via_occupation` names the occupation.
    ViaOccupation,
}

wire_names!(MatchKind, "a kind of match", { Exact => "exact", AltLabel => "alt_label", Synonym => "synonym", Token => "token", Fuzzy => "fuzzy", ViaOccupation => "via_occupation" });

impl MatchKind {
    fn rank(self) -> u8 {
        match self {
            MatchKind::Exact => 0,
            MatchKind::AltLabel | MatchKind::Synonym => 1,
            MatchKind::Token | MatchKind::ViaOccupation => 2,
            MatchKind::Fuzzy => 3,
        }
    }
}

/// The occupation a [`MatchKind::ViaOccupation`] hit comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViaOccupation<'t> {
    /// The occupation's URI.
    pub uri: &'t str,
    /// Its preferred label, in the hit's display language when it has one.
    pub preferred_label: &'t str,
}

/// A concept found for a query, with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit<'t> {
    /// The concept's id in this taxonomy.
    #[serde(skip)]
    pub id: ConceptId,
    /// The concept's ESCO URI.
    pub uri: &'t str,
    /// The concept's preferred label, in [`SearchOptions::display_lang`] (else the language
    /// of the matched label) when the taxonomy has it, else in its first language.
    pub preferred_label: &'t str,
    /// The language of `preferred_label`: not the one asked for when the concept has no
    /// label in it (an English label shown to an Italian reader).
    pub preferred_label_lang: &'t str,
    /// Who wrote `preferred_label`: ESCO, or Sportello's own labels.
    pub preferred_label_source: LabelSource,
    /// The label that matched (for [`MatchKind::ViaOccupation`], the occupation's).
    pub matched_label: &'t str,
    /// How it matched.
    pub kind: MatchKind,
    /// What kind of label matched (preferred, alternative, hidden, synonym).
    pub label_kind: LabelKind,
    /// Similarity between the query and the matched label, from 0 to 1 (1 for exact
    /// matches).
    pub similarity: f64,
    /// The language of the matched label.
    pub lang: &'t str,
    /// Who wrote the matched label.
    pub label_source: LabelSource,
    /// For [`MatchKind::ViaOccupation`], the occupation the query named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via_occupation: Option<ViaOccupation<'t>>,
    /// Whether it reached its own bar (a runner-up did not: see step 4 of the module docs),
    /// for ranking the hits of a text's parts with those of the whole.
    #[serde(skip)]
    sure: bool,
}

impl Taxonomy {
    /// Normalises a free-text skill to ranked ESCO skills (see the `search` module docs).
    ///
    /// ```
    /// use sportello::taxonomy::{MatchKind, SearchOptions, Taxonomy};
    ///
    /// let hits = Taxonomy::embedded().search_skills("operate forklfit", &SearchOptions::default()).unwrap();
    /// assert_eq!(hits[0].preferred_label, "operate forklift");
    /// assert_eq!(hits[0].kind, MatchKind::Fuzzy);
    /// ```
    pub fn search_skills(&self, text: &str, options: &SearchOptions<'_>) -> Result<Vec<Hit<'_>>> {
        self.search(ConceptKind::Skill, text, options)
    }

    /// A job title typed as a skill ("pizzaiolo", "carrellista"): when the text names an
    /// occupation better than it names any skill, the occupation's core skills come first,
    /// each with the occupation in its evidence. Core skills are those Sportello's list
    /// keeps for the occupation (`core_skills`: "cameriere" → serving food at the table,
    /// taking orders, setting up the room), else [`Taxonomy::likely_core_skills`].
    fn route_through_occupation<'t>(&'t self, text: &str, options: &SearchOptions<'_>, hits: &mut Vec<Hit<'t>>) -> Result<()> {
        let best_skill = hits.first().map(|h| (h.kind.rank(), h.similarity));
        if best_skill.is_some_and(|(rank, _)| rank <= MatchKind::Synonym.rank()) || options.limit == 0 {
            return Ok(());
        }
        let opts = SearchOptions { limit: 1, min_similarity: options.min_similarity.max(ROUTE_MIN_SIMILARITY), ..*options };
        // Only an exact or same-words hit can lead anywhere (a fuzzy one is not followed), so
        // the search for it stops there.
        let Some(occ) = self.search_labels(ConceptKind::Occupation, text, &opts, Reach::SameWords)?.into_iter().next() else {
            return Ok(());
        };
        if occ.kind == MatchKind::Fuzzy || best_skill.is_some_and(|(rank, sim)| rank <= occ.kind.rank() && sim > occ.similarity) {
            return Ok(());
        }
        let display = options.display_lang.or(Some(occ.lang)).and_then(|l| self.lang_id(l));
        let listed = self.core_skills_of(occ.id.0);
        let core: Vec<u32> = if listed.is_empty() { self.likely_core_skills(occ.id.0) } else { listed.to_vec() };
        let via = ViaOccupation { uri: occ.uri, preferred_label: occ.preferred_label };
        let routed: Vec<Hit<'t>> = core
            .iter()
            .take(ROUTE_SKILLS)
            .map(|&s| {
                let shown = self.display_label(s, display);
                Hit {
                    id: ConceptId(s),
                    uri: &self.uris[s as usize],
                    preferred_label: shown.text,
                    preferred_label_lang: shown.lang,
                    preferred_label_source: shown.source,
                    matched_label: occ.matched_label,
                    kind: MatchKind::ViaOccupation,
                    label_kind: occ.label_kind,
                    similarity: occ.similarity,
                    lang: occ.lang,
                    label_source: occ.label_source,
                    via_occupation: Some(via.clone()),
                    sure: true,
                }
            })
            .collect();
        hits.retain(|h| !routed.iter().any(|r| r.id == h.id));
        hits.splice(0..0, routed);
        hits.truncate(options.limit);
        Ok(())
    }

    /// The core skills of an occupation that Sportello's list leaves out: its essential skills
    /// that are not transversal, first those whose name shares a word with the occupation's
    /// ("forklift operator" → "operate forklift", "cook" → "use cooking techniques"), then the
    /// most widely held (the trade's common ground before its niche tasks).
    fn likely_core_skills(&self, occupation: u32) -> Vec<u32> {
        let title = word_starts(self.display_label(occupation, None).text);
        let mut core: Vec<(u32, usize, usize)> = self
            .derived
            .occ_skills
            .get(occupation)
            .iter()
            .filter(|&&(s, r)| r == RelationType::Essential && self.concepts[s as usize].reuse_level != Some(ReuseLevel::Transversal))
            .map(|&(s, _)| {
                let shared = word_starts(self.display_label(s, None).text).iter().filter(|w| title.contains(w)).count();
                (s, shared, self.derived.skill_occs.get(s).len())
            })
            .collect();
        core.sort_by_key(|&(s, shared, holders)| (std::cmp::Reverse(shared), std::cmp::Reverse(holders), s));
        core.into_iter().map(|(s, _, _)| s).collect()
    }

    /// Normalises a free-text job title to ranked ESCO occupations.
    pub fn search_occupations(&self, text: &str, options: &SearchOptions<'_>) -> Result<Vec<Hit<'_>>> {
        self.search(ConceptKind::Occupation, text, options)
    }

    /// Searches one kind of concept: skills (with job titles routed to their occupation's
    /// core skills) or occupations; other kinds give no hits.
    pub fn search(&self, kind: ConceptKind, text: &str, options: &SearchOptions<'_>) -> Result<Vec<Hit<'_>>> {
        self.search_reaching(kind, text, options, Reach::Everything)
    }

    /// The first hit of [`Taxonomy::search`] (default options, limit 1) of the whole text
    /// (not of its parts: see step 6 of the module docs) when it is not a fuzzy hit below
    /// `similarity`; else that weak hit or none. Faster, since it does not look for weak hits.
    pub(super) fn search_strong(&self, kind: ConceptKind, text: &str, similarity: f64) -> Result<Vec<Hit<'_>>> {
        self.search_reaching(kind, text, &SearchOptions { limit: 1, ..SearchOptions::default() }, Reach::Strong(similarity))
    }

    fn search_reaching(&self, kind: ConceptKind, text: &str, options: &SearchOptions<'_>, reach: Reach) -> Result<Vec<Hit<'_>>> {
        let mut hits = self.search_whole(kind, text, options, reach)?;
        if kind == ConceptKind::Skill && reach == Reach::Everything {
            self.add_clause_hits(text, options, &mut hits)?;
        }
        Ok(hits)
    }

    /// Searches a text as a whole (steps 1 to 5), not in parts.
    fn search_whole(&self, kind: ConceptKind, text: &str, options: &SearchOptions<'_>, reach: Reach) -> Result<Vec<Hit<'_>>> {
        let mut hits = self.search_labels(kind, text, options, reach)?;
        if kind == ConceptKind::Skill {
            self.route_through_occupation(text, options, &mut hits)?;
        }
        Ok(hits)
    }

    /// A line of a CV or a sentence in parts ("ero cassiera, battevo gli scontrini";
    /// "fotocopiatrice, fax e centralino"): each part (the first [`MAX_PARTS`]) is also
    /// searched alone, and the hits of the whole and of its parts are ranked together in the
    /// usual order (hits that reached their bar before runner-ups, then by kind, similarity,
    /// preferred labels first, concept), each concept once with its best evidence, so that a
    /// part that names a skill is not drowned by the rest of the line. A whole text that is
    /// itself close to a label ([`WHOLE_IS_A_LABEL`]: a label with commas, "organise
    /// information, objects and resources") keeps its hits first, the parts' after them. A
    /// text that found nothing whole is split further, where it joins things (see
    /// [`coordinated_parts`]).
    fn add_clause_hits<'t>(&'t self, text: &str, options: &SearchOptions<'_>, hits: &mut Vec<Hit<'t>>) -> Result<()> {
        let parts: Vec<(String, bool)> =
            if hits.is_empty() { coordinated_parts(text) } else { clauses(text).into_iter().map(|c| (c.to_owned(), false)).collect() };
        let whole_is_a_label = hits.first().is_some_and(|h| h.kind != MatchKind::ViaOccupation && h.similarity >= WHOLE_IS_A_LABEL);
        if parts.len() < 2 || (whole_is_a_label && hits.len() >= options.limit) {
            return Ok(());
        }
        let whole_hits = hits.len();
        for (part, joined) in parts.iter().take(MAX_PARTS) {
            let part_hits = self.search_whole(ConceptKind::Skill, part, options, Reach::Everything)?;
            // One word joined to others is a thing named, or nothing: "cucito e asole", not
            // "sale e pepe" (no typo of a label, no label that merely shares its stem; a job
            // title still leads to its trade's tasks).
            let one_word = || tokens(&fold(part)).filter(|w| !is_filler(w)).count() <= 1;
            if *joined && one_word() {
                let named =
                    |h: &Hit<'_>| matches!(h.kind, MatchKind::Exact | MatchKind::AltLabel | MatchKind::Synonym | MatchKind::ViaOccupation);
                hits.extend(part_hits.into_iter().filter(named));
            } else {
                hits.extend(part_hits);
            }
        }
        let standing = |h: &Hit<'_>| Standing { sure: h.sure, kind: h.kind, sim: h.similarity, label_kind: h.label_kind };
        let ranked = if whole_is_a_label { whole_hits } else { 0 };
        hits[ranked..].sort_by(|a, b| standing(a).cmp(&standing(b)).then(a.id.cmp(&b.id)));
        let mut seen = std::collections::HashSet::with_capacity(hits.len());
        hits.retain(|h| seen.insert(h.id));
        hits.truncate(options.limit);
        Ok(())
    }

    /// Searches the labels of one kind of concept.
    fn search_labels(&self, kind: ConceptKind, text: &str, options: &SearchOptions<'_>, reach: Reach) -> Result<Vec<Hit<'_>>> {
        let chars = text.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(Error::QueryTooLong { chars, limit: MAX_QUERY_CHARS });
        }
        options.check()?;
        let index = match kind {
            ConceptKind::Skill => &self.indexes().skills,
            ConceptKind::Occupation => &self.indexes().occupations,
            ConceptKind::IscoGroup | ConceptKind::SkillGroup => return Ok(Vec::new()),
        };
        let lang = match options.lang {
            Some(code) => match self.lang_id(code) {
                Some(i) => Some(i),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let display = options.display_lang.and_then(|code| self.lang_id(code));
        if options.limit == 0 {
            return Ok(Vec::new());
        }
        let found = SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => index.query(self, text, lang, options, reach, &mut scratch),
            Err(_) => index.query(self, text, lang, options, reach, &mut Scratch::default()),
        });
        Ok(found
            .into_iter()
            .map(|c| {
                let label = &self.labels[index.labels[c.local as usize] as usize];
                let shown = self.display_label(label.concept, display.or(Some(label.lang)));
                Hit {
                    id: ConceptId(label.concept),
                    uri: &self.uris[label.concept as usize],
                    preferred_label: shown.text,
                    preferred_label_lang: shown.lang,
                    preferred_label_source: shown.source,
                    matched_label: self.label_text(label),
                    kind: c.kind,
                    label_kind: label.kind,
                    similarity: c.sim,
                    lang: self.lang_code(label.lang),
                    label_source: label.source,
                    via_occupation: None,
                    sure: c.sure,
                }
            })
            .collect())
    }
}

/// The search indexes of a taxonomy, one per searchable kind.
#[derive(Debug, Clone)]
pub(super) struct Indexes {
    skills: LabelIndex,
    occupations: LabelIndex,
}

/// The index of the labels of one kind of concept. Labels are numbered locally (`local`).
#[derive(Debug, Clone, Default)]
struct LabelIndex {
    /// Local label → global label id.
    labels: Vec<u32>,
    /// Folded label texts, one after the other; label `i` ends at `folded_end[i]`.
    folded: String,
    folded_end: Vec<u32>,
    /// (hash of the folded text, local label), sorted.
    exact: Vec<(u64, u32)>,
    /// Local label → its stems' vocabulary ids, in order.
    label_stems: Csr32,
    /// The weight of each stem in a label's share of the words: its IDF, less for grammar
    /// words (see [`LABEL_GRAMMAR_WEIGHT`]).
    label_idf: Vec<f32>,
    /// The sum of the `label_idf` of a label's stems.
    label_weight: Vec<f32>,
    /// How many distinct stems of content words (not fillers, not codes such as "C" or "B2",
    /// not an Italian label's verb of use: `text::LIGHT_VERBS`) a label has.
    label_content: Vec<u8>,
    /// The bit of the stemmer of each label's language ([`Stemmer::bit`]): a query word's
    /// stem counts only for labels in the language of the stemmer that gave it (the Italian
    /// stem of "pressione" is no English "press").
    label_stemmer: Vec<u8>,
    /// Stem → vocabulary id.
    vocab: FxHashMap<Box<str>, u32>,
    /// Characters of each stem, for edit distances.
    vocab_chars: Csr<char>,
    /// Inverse document frequency of each stem.
    idf: Vec<f32>,
    /// Stem → local labels that contain it.
    postings: Csr32,
    /// Trigram → stems that contain it (shortest first).
    trigrams: FxHashMap<u64, u32>,
    trigram_stems: Csr32,
    /// Which stemmers the labels were stemmed with (by [`Stemmer::index`]).
    stemmers: [bool; 3],
    /// The stems of grammar words ("di", "della", "the"), sorted: a label may have them
    /// beside the query's words and still be a [`MatchKind::Token`] hit.
    grammar: Vec<u32>,
    /// The stems of an Italian label's verbs of use (`text::LIGHT_VERBS`), sorted: no content
    /// of their own, and a label is held whole without them.
    light: Vec<u32>,
    /// The IDF of a word no label has.
    max_idf: f32,
    /// This index's build number, which no other index shares (for the [`NearCache`]).
    build: u64,
}

type Csr32 = Csr<u32>;

/// The trigram keys of a word, padded with start and end markers.
fn trigrams(chars: &[char], out: &mut Vec<u64>) {
    out.clear();
    let at = |i: usize| -> u64 { if i == 0 { 2 } else { chars.get(i - 1).map_or(3, |&c| u64::from(c)) } };
    for i in 0..chars.len() {
        out.push(at(i) << 42 | at(i + 1) << 21 | at(i + 2));
    }
    out.sort_unstable();
    out.dedup();
}

impl LabelIndex {
    fn folded(&self, local: u32) -> &str {
        let end = self.folded_end.get(local as usize).copied().unwrap_or(0) as usize;
        let start = if local == 0 { 0 } else { self.folded_end.get(local as usize - 1).copied().unwrap_or(0) as usize };
        self.folded.get(start..end).unwrap_or("")
    }

    /// Vocabulary stems within a small edit distance of `stem` (not `stem` itself; `word`
    /// holds its characters): one edit for stems of 3 to 5 letters, two for longer ones. The
    /// similarity is the share of the word as typed (`typed_len` letters) that the edits
    /// leave: one typo in "sugghi" weighs one letter in six, not one in the four of its stem.
    /// A stem that some label has (`typed_len` 0) is a word of its own, whose neighbours are
    /// other words as often as typos: an edit then weighs a letter of the longer of the two
    /// stems (`mot-`, "moto", is one edit in four from `mont-`, "montaggio": 0.75, not 0.89).
    /// When some label has the word as written (`known`: one of its stems, in any language), a
    /// stem two edits from `stem` is another word, unless one of the two adds an ending to the
    /// other. The stems near a stem are found once per thread while it stays in the
    /// [`NearCache`].
    fn fuzzy_stems(&self, stem: &str, word: &[char], typed_len: usize, known: bool, s: &mut Scratch, out: &mut Vec<(u32, f32)>) {
        if s.near.get(self.build, stem).is_none() {
            let near = self.near_stems(word, s);
            s.near.keep(self.build, stem, near);
        }
        let n = word.len();
        for &(v, d) in s.near.get(self.build, stem).unwrap_or_default() {
            let other = self.vocab_chars.get(v);
            // "pasti" is no typo of "pasta" (see `text::TWO_GENDER_NOUNS`).
            // Nor is a known word two letters from another ("fermentazione", `ferment-`, is no
            // "cemento"), unless one adds an ending, a diminutive or a participle: "vestitini".
            let another_word = known && d > 1 && !other.starts_with(word) && !word.starts_with(other);
            if are_gender_twins(word, other) || another_word {
                continue;
            }
            out.push((v, 1.0 - f32::from(d) / typed_len.max(n).max(other.len()) as f32));
        }
    }

    /// The vocabulary stems within the edit distance of [`LabelIndex::fuzzy_stems`] of the
    /// stem `word`, with their distance.
    fn near_stems(&self, word: &[char], s: &mut Scratch) -> Box<[(u32, u8)]> {
        let n = word.len();
        let max_d = match n {
            0..=2 => return Box::default(),
            3..=5 => 1,
            _ => 2,
        };
        trigrams(word, &mut s.keys);
        s.tri_touched.clear();
        if s.tri_count.len() < self.vocab.len() {
            s.tri_count.resize(self.vocab.len(), 0);
        }
        let len_of = |v: u32| self.vocab_chars.get(v).len();
        for k in &s.keys {
            if let Some(&slot) = self.trigrams.get(k) {
                // The stems of the trigram are listed shortest first: only those whose
                // length is within the distance are read.
                let stems = self.trigram_stems.get(slot);
                let from = stems.partition_point(|&v| len_of(v) + max_d < n);
                let to = from + stems[from..].partition_point(|&v| len_of(v) <= n + max_d);
                for &v in &stems[from..to] {
                    let c = &mut s.tri_count[v as usize];
                    if *c == 0 {
                        s.tri_touched.push(v);
                    }
                    *c = c.saturating_add(1);
                }
            }
        }
        // One edit changes at most three trigrams of a word.
        let min_shared = s.keys.len().saturating_sub(3 * max_d).max(1);
        let bits = BitOsa::new(word);
        let mut near = Vec::new();
        for &v in &s.tri_touched {
            let shared = std::mem::take(&mut s.tri_count[v as usize]) as usize;
            if shared < min_shared {
                continue;
            }
            let other = self.vocab_chars.get(v);
            let d = match &bits {
                Some(b) => Some(b.distance(other)).filter(|&d| d <= max_d),
                None => osa_within(word, other, max_d, &mut s.rows),
            };
            if let Some(d) = d.filter(|&d| d > 0) {
                near.push((v, d as u8));
            }
        }
        near.into_boxed_slice()
    }

    /// The vocabulary stems of the infinitives an Italian word no label has may be a form of
    /// ("pulivo": `pul-`, as "pulire"; see [`verb_forms`]).
    fn verb_stems(&self, stemmer: Stemmer, word: &str) -> Vec<u32> {
        if stemmer != Stemmer::Italian {
            return Vec::new();
        }
        let mut stem = String::new();
        let mut found = Vec::new();
        for infinitive in verb_forms::infinitives(word) {
            stem.clear();
            stemmer.stem_into(&infinitive, &mut stem);
            if let Some(&v) = self.vocab.get(stem.as_str()) {
                found.push(v);
            }
        }
        found
    }

    /// Pairs of neighbouring words of the query that the labels write as one word ("video
    /// sorveglianza": "videosorveglianza"; "fork lift": "forklift"), each of three letters or
    /// more and no filler ("con tatto" is not "contatto"), with the vocabulary stem of the
    /// two run together (by each of the query's stemmers, with the bits of those that give
    /// it): each word of a pair may stand for that stem.
    fn compounds<'q>(&self, q: &'q str, stemmers: &[Stemmer], s: &mut Scratch) -> Vec<(&'q str, &'q str, u32, u8)> {
        let part = |w: &str| w.len() >= 3 && !is_filler(w) && w.bytes().all(|b| b.is_ascii_lowercase());
        let mut pair = String::new();
        let mut found = Vec::new();
        let words: Vec<&str> = tokens(q).collect();
        for w in words.windows(2) {
            if !(part(w[0]) && part(w[1])) {
                continue;
            }
            pair.clear();
            pair.push_str(w[0]);
            pair.push_str(w[1]);
            for st in stemmers {
                st.stem_into(&pair, &mut s.stem);
                if let Some(&v) = self.vocab.get(s.stem.as_str()) {
                    match found.iter_mut().find(|c: &&mut (&str, &str, u32, u8)| c.0 == w[0] && c.1 == w[1] && c.2 == v) {
                        Some(c) => c.3 |= st.bit(),
                        None => found.push((w[0], w[1], v, st.bit())),
                    }
                }
            }
        }
        found
    }

    fn query(&self, t: &Taxonomy, text: &str, lang: Option<u16>, opts: &SearchOptions<'_>, reach: Reach, s: &mut Scratch) -> Vec<Found> {
        let mut q = std::mem::take(&mut s.query);
        q.clear();
        fold_into(text, &mut q);
        let found = if q.is_empty() || self.labels.is_empty() { Vec::new() } else { self.query_folded(t, &q, lang, opts, reach, s) };
        s.query = q;
        found
    }

    fn query_folded(
        &self,
        t: &Taxonomy,
        q: &str,
        lang: Option<u16>,
        opts: &SearchOptions<'_>,
        reach: Reach,
        s: &mut Scratch,
    ) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let lang_ok = |local: u32| lang.is_none_or(|l| self.labels.get(local as usize).is_some_and(|&g| t.labels[g as usize].lang == l));

        // 1. Exact.
        let h = hash_str(q);
        let first = self.exact.partition_point(|&(k, _)| k < h);
        for &(_, local) in self.exact[first..].iter().take_while(|&&(k, _)| k == h) {
            if self.folded(local) == q && lang_ok(local) {
                let kind = match self.label(t, local).kind {
                    LabelKind::Preferred => MatchKind::Exact,
                    LabelKind::Alternative | LabelKind::Hidden => MatchKind::AltLabel,
                    LabelKind::Synonym => MatchKind::Synonym,
                };
                found.push(Found { local, kind, sim: 1.0, sure: true, only_if_closer: false });
            }
        }

        // Every hit of the later steps ranks below these: when they already name enough
        // concepts, the answer is theirs.
        if !s.exhaustive && self.distinct_concepts(t, &found) >= opts.limit {
            return self.best_per_concept(t, found, opts.limit);
        }

        // 2. Candidates from the words.
        let stemmers: Vec<Stemmer> = match lang {
            Some(l) => vec![Stemmer::for_lang(t.lang_code(l))],
            None => Stemmer::ALL.into_iter().filter(|st| self.stemmers[st.index()]).collect(),
        };
        let words: Vec<&str> = {
            let mut w: Vec<&str> = tokens(q).collect();
            w.sort_unstable();
            w.dedup();
            w
        };
        // Per stemmer, the stems of the query's words other than grammar words, if they are
        // all in the vocabulary (for Token hits).
        let mut query_stems: Vec<Option<Vec<u32>>> = vec![Some(Vec::new()); stemmers.len()];
        // The infinitives' stems of the words no label has, per stemmer (looked up once, for
        // these stems and for the words' variants below).
        let mut verbs: Vec<(&str, Stemmer, Vec<u32>)> = Vec::new();
        for w in tokens(q) {
            for (i, st) in stemmers.iter().enumerate() {
                st.stem_into(w, &mut s.stem);
                let id = self.vocab.get(s.stem.as_str()).copied().or_else(|| {
                    let at = verbs.iter().position(|v| v.0 == w && v.1 == *st).unwrap_or_else(|| {
                        verbs.push((w, *st, self.verb_stems(*st, w)));
                        verbs.len() - 1
                    });
                    verbs[at].2.first().copied()
                });
                query_stems[i] = query_stems[i].take().and_then(|mut v| {
                    id.map(|id| {
                        v.push(id);
                        v
                    })
                });
            }
        }
        // Each with its stemmer's bit: they are the words of labels in its language only.
        let query_stems: Vec<(u8, Vec<u32>)> = stemmers
            .iter()
            .zip(query_stems)
            .filter_map(|(st, v)| {
                let mut v = v?;
                v.retain(|id| self.grammar.binary_search(id).is_err());
                v.sort_unstable();
                (!v.is_empty()).then_some((st.bit(), v))
            })
            .collect();
        // A query that repeats a word is searched in full (its same-words labels need not
        // score as the others do).
        let repeats_no_word = tokens(q).count() == words.len();
        let same_words_only = reach == Reach::SameWords && !s.exhaustive && repeats_no_word;
        // When only a strong first hit counts (normalisation), a candidate whose word F1
        // keeps it below that similarity however close its string is a weak fuzzy hit at
        // best: it is not looked for. (A label of the very same words has an F1 of 1, unless
        // the query repeats a word.)
        let strong_f1 = match reach {
            Reach::Strong(similarity) if !s.exhaustive && repeats_no_word => Some((similarity, f1_for(similarity))),
            _ => None,
        };
        if same_words_only && query_stems.is_empty() {
            return self.best_per_concept(t, found, opts.limit);
        }

        if s.acc.len() < self.labels.len() {
            s.acc.resize(self.labels.len(), Acc::default());
            s.rounds.resize(self.labels.len(), 0);
            s.seen.resize(self.labels.len().div_ceil(64), 0);
        }
        if s.epoch > u32::MAX - 1024 {
            s.rounds.fill(0);
            s.epoch = 0;
        }
        let epoch = s.epoch + 1;
        s.epoch += words.len() as u32 + 2;
        for &local in &s.touched {
            s.seen[local as usize / 64] = 0;
        }
        s.touched.clear();
        let mut query_weight = 0f32;
        // The weight of the query's content words (not fillers) found among the labels' stems (the
        // same stem, or within HELD_WORD_SIMILARITY of it), of those found only far from
        // themselves, and per label the part it holds: a label holding every content word of
        // the query, or most of them, is no guess, however differently the rest is worded
        // ("forklift", "pulire i vetri di casa").
        let mut content_weight = 0f32;
        let mut far_weight = 0f32;
        // Content words found in some label, and the longest of them (for ONE_WORD_SHARE).
        let (mut content_words, mut longest_content_word) = (0usize, 0usize);
        // The last content word found (the only one when `content_words` is 1).
        let mut content_word = "";
        let mut stems_done: Vec<(String, u8)> = Vec::new();
        // The head of the query, for a label the query holds whole: its first content word, as
        // in Italian ("posta elettronica" is mail, not electronics). In English the head comes
        // last, so an English query gets the lower bar of a held label less often.
        let first_content = tokens(q).find(|w| !is_filler(w));
        // And its last: a runner-up holds both (see RUNNER_UP_SHARE).
        let last_content = tokens(q).filter(|w| !is_filler(w)).last();
        let mut order: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        order.sort_by_key(|&(_, w)| is_filler(w));
        // Each word's stems and weight first: the walk below needs the whole query's weight.
        let mut planned: Vec<QueryWord> = Vec::with_capacity(order.len());
        let italian = stemmers.contains(&Stemmer::Italian);
        let thesaurus = Thesaurus::embedded();
        let italian_bit = Stemmer::Italian.bit();
        let compounds = if same_words_only { Vec::new() } else { self.compounds(q, &stemmers, s) };
        for (wi, w) in order {
            let mut variants: Vec<Variant> = Vec::new();
            let typed_len = w.chars().count();
            // The word's distinct stems, each with the bits of the stemmers that give it.
            stems_done.clear();
            for st in &stemmers {
                st.stem_into(w, &mut s.stem);
                match stems_done.iter_mut().find(|(stem, _)| *stem == s.stem) {
                    Some((_, langs)) => *langs |= st.bit(),
                    None => stems_done.push((s.stem.clone(), st.bit())),
                }
            }
            // Whether some label has the word as written, in any language (then its typos are
            // of one letter, or an ending: see `fuzzy_stems`).
            let known = stems_done.iter().any(|(stem, _)| self.vocab.contains_key(stem.as_str()));
            for (stem, langs) in &stems_done {
                let langs = *langs;
                let own = self.vocab.get(stem.as_str()).copied();
                match own {
                    Some(v) => variants.push(Variant { stem: v, sim: 1.0, langs }),
                    None if langs & italian_bit != 0 => {
                        let verb_stems = verbs.iter().find(|v| v.0 == w && v.1 == Stemmer::Italian).map_or(&[][..], |v| &v.2[..]);
                        variants.extend(verb_stems.iter().map(|&v| Variant { stem: v, sim: 1.0, langs: italian_bit }));
                        if !same_words_only {
                            let one_typo = 1.0 - 1.0 / typed_len as f32;
                            let past_a_typo = italian_stems_past_a_typo(w).into_iter().filter_map(|t| self.vocab.get(t));
                            variants.extend(past_a_typo.map(|&v| Variant { stem: v, sim: one_typo, langs: italian_bit }));
                        }
                    }
                    None => {}
                }
                if !same_words_only {
                    s.chars.clear();
                    s.chars.extend(stem.chars());
                    let word = std::mem::take(&mut s.chars);
                    let mut near = std::mem::take(&mut s.near_found);
                    // A stem some label has is a word of its own: a typo in it weighs a letter of
                    // the stem, not of the word as typed (see `fuzzy_stems`).
                    let weighed_len = if own.is_some() { 0 } else { typed_len };
                    self.fuzzy_stems(stem, &word, weighed_len, known, s, &mut near);
                    // A typo is no word of one language: its stems count for every label.
                    variants.extend(near.drain(..).map(|(v, sim)| Variant { stem: v, sim, langs: ANY_LANGUAGE }));
                    s.near_found = near;
                    s.chars = word;
                }
            }
            variants.extend(compounds.iter().filter(|c| c.0 == w || c.1 == w).map(|c| Variant { stem: c.2, sim: 1.0, langs: c.3 }));
            // The second word of "video sorveglianza" adds to the query's share, not to the
            // label's: the first word already counts "videosorveglianza" for the label.
            let label_blind: Vec<u32> = compounds.iter().filter(|c| c.1 == w && c.0 != w).map(|c| c.2).collect();
            if italian && !same_words_only {
                let equivalents = thesaurus.equivalents(w).iter().filter_map(|e| self.vocab.get(&**e));
                variants.extend(equivalents.map(|&v| Variant { stem: v, sim: EQUIVALENT_SIMILARITY, langs: italian_bit }));
            }
            // One variant a stem, its closest, for the languages of those as close (a stem
            // that is the word's own in one language is no typo of it in another: "pressa",
            // `press-` in Italian, is not one letter from English "press").
            variants.sort_by(|a, b| a.stem.cmp(&b.stem).then(b.sim.total_cmp(&a.sim)));
            variants.dedup_by(|later, kept| {
                let same = later.stem == kept.stem;
                if same && later.sim >= kept.sim {
                    kept.langs |= later.langs;
                }
                same
            });
            variants.sort_by(|a, b| {
                b.sim.total_cmp(&a.sim).then(self.idf[b.stem as usize].total_cmp(&self.idf[a.stem as usize])).then(a.stem.cmp(&b.stem))
            });
            variants.truncate(MAX_VARIANTS);
            let mut weight = variants.first().map_or(UNKNOWN_WORD_WEIGHT * self.max_idf, |v| self.idf[v.stem as usize]);
            let filler = is_filler(w);
            if filler {
                weight *= FILLER_WEIGHT;
            } else if variants.first().is_some_and(|v| v.sim >= HELD_WORD_SIMILARITY) {
                content_weight += weight;
            } else if !variants.is_empty() {
                // A content word found only far from itself: no label holds it. (A word found
                // nowhere, a name or a stray word, does not count either way.)
                far_weight += weight;
            }
            if !filler && !variants.is_empty() {
                content_words += 1;
                longest_content_word = longest_content_word.max(typed_len);
                content_word = w;
            }
            query_weight += weight;
            let postings = variants.iter().map(|v| self.postings.get(v.stem).len()).sum();
            planned.push(QueryWord {
                variants,
                label_blind,
                weight,
                filler,
                head: first_content == Some(w),
                tail: last_content == Some(w),
                stamp: epoch + 1 + wi as u32,
                postings,
                index: wi,
            });
        }

        // The labels of the words, rarest content words first (the order is the same with
        // or without shortcuts, so the sums are too). A filler ("di", "the": the longest
        // postings) is counted only for the labels a content word found: a label sharing
        // nothing but fillers with the query gets a filler's small weight and, as the
        // shortcut test shows, never reaches the bar (when no content word is found, fillers
        // count for every label). When only a strong hit counts, so are the words left once
        // they weigh too little to lift a label they alone find to `strong_f1` (a label's
        // F1 is at most 2q / (1 + q), q the share of the query it holds, fillers counted:
        // they come last and add to the labels found).
        planned.sort_by_key(|w| (w.filler, w.postings));
        // The query's head and the word it governs ("raccolta in campagna"), as planned words:
        // a label that joins them the other way round names another thing (see `phrase`).
        let query_words: Vec<&str> = tokens(q).collect();
        let head_and_complement = phrase::head_and_complement(&query_words).and_then(|(head, complement)| {
            let planned_at = |word: &str| planned.iter().position(|w| words[w.index] == word);
            Some((planned_at(query_words[head])?, planned_at(query_words[complement])?))
        });
        let mut new_labels = true;
        for (k, word) in planned.iter().enumerate() {
            if new_labels
                && !word.filler
                && let Some((_, floor)) = strong_f1
            {
                let rest: f32 = planned[k..].iter().map(|w| w.weight * w.variants.first().map_or(0.0, |v| v.sim)).sum();
                let qc = (rest / query_weight.max(f32::EPSILON)).min(1.0);
                new_labels = 2.0 * qc / (qc + 1.0) >= floor;
            }
            let found_labels_only = !s.exhaustive && ((word.filler && content_words > 0) || !new_labels);
            for &Variant { stem: v, sim, langs } in &word.variants {
                let idf = if word.label_blind.contains(&v) { 0.0 } else { self.label_idf[v as usize] };
                for &local in self.postings.get(v) {
                    if self.label_stemmer[local as usize] & langs == 0 {
                        continue;
                    }
                    let (bit, mask) = (local as usize / 64, 1u64 << (local % 64));
                    if s.seen[bit] & mask == 0 {
                        if found_labels_only {
                            continue;
                        }
                        s.seen[bit] |= mask;
                        s.touched.push(local);
                        s.acc[local as usize] = Acc::default();
                    } else if s.rounds[local as usize] == word.stamp {
                        continue;
                    }
                    s.rounds[local as usize] = word.stamp;
                    s.acc[local as usize].add(word, sim, idf);
                }
            }
        }

        // 3. Re-rank the best candidates as whole strings.
        let mut scored: Vec<(f32, u32)> = s
            .touched
            .iter()
            .map(|&local| (self.f1(&s.acc[local as usize], local, query_weight), local))
            .filter(|&(f1, local)| f1 > MIN_F1 && strong_f1.is_none_or(|(_, floor)| f1 >= floor) && lang_ok(local))
            .collect();
        let by_score = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > RERANK {
            scored.select_nth_unstable_by(RERANK - 1, by_score);
            scored.truncate(RERANK);
        }
        scored.sort_by(by_score);

        let q_chars: Vec<char> = q.chars().collect();
        let q_sorted: Vec<char> = words.join(" ").chars().collect();
        let (q_bits, q_sorted_bits) = (BitOsa::new(&q_chars), BitOsa::new(&q_sorted));
        let mut label_words: Vec<&str> = Vec::new();
        let mut label_stems: Vec<u32> = Vec::new();
        // Codes are told in short queries only: in a longer one, a word of two letters is more
        // likely a mistyped "of" or "in" than a code.
        let query_codes: Vec<&str> = if words.len() <= 3 { words.iter().copied().filter(|w| is_code(w)).collect() } else { Vec::new() };
        let one_short_word = content_words == 1 && longest_content_word <= ONE_WORD_MAX_LEN;
        // A fuzzy candidate that cannot beat the `limit`-th concept found so far is not
        // compared (the answer is the same, in less time: a feed's typo'd label usually has
        // its answer among the first candidates).
        let floor = strong_f1.map_or(f64::NEG_INFINITY, |(similarity, _)| similarity - 1e-3);
        let mut to_beat = if s.exhaustive { f64::NEG_INFINITY } else { self.to_beat(t, &found, opts.limit).max(floor) };
        // The closest hit found so far that reached its bar (the exact ones, at first).
        let mut closest_sure = if s.exhaustive { f64::NEG_INFINITY } else { closest_sure(&found) };
        for &(f1, local) in &scored {
            label_stems.clear();
            label_stems.extend_from_slice(self.label_stems.get(local));
            label_stems.sort_unstable();
            let label_lang = self.label_stemmer[local as usize];
            // Whether the label's language puts the head of a phrase first (Italian).
            let head_first = puts_head_first(t.lang_code(self.label(t, local).lang));
            let Acc { held, held_words, holds_head, ends_as_written, .. } = s.acc[local as usize];
            let lf = self.folded(local);
            label_words.clear();
            label_words.extend(tokens(lf));
            // A label that makes the query's head the complement of the word that head governs
            // names another thing, even with the very same words: "macchinari di pulizia" (or
            // "macchine per la pulizia") is no "pulizia dei macchinari" (see `phrase`).
            let swaps_roles = head_first
                && held_words >= 2
                && head_and_complement.is_some_and(|(head, complement)| {
                    // Every place of the label's content words that holds the word (a label may
                    // have it twice: "pulizia dei macchinari per le pulizie").
                    let stems = self.label_stems.get(local);
                    let places = |w: usize| {
                        let w = &planned[w];
                        stems.iter().enumerate().filter(|&(i, &v)| !is_filler(label_words[i]) && w.holds(v, label_lang)).map(|(i, _)| i)
                    };
                    let joined = |governor: usize, governed: usize| {
                        places(governor).any(|g| places(governed).any(|d| phrase::governs(&label_words, g, d)))
                    };
                    joined(complement, head) && !joined(head, complement)
                });
            let same_stems = !swaps_roles
                && query_stems.iter().any(|(langs, q)| langs & label_lang != 0 && self.same_words_but_grammar(q, &label_stems));
            if same_words_only && !same_stems {
                continue;
            }
            // A code of one or two characters ("patente D", "inglese B2") is no typo of
            // another: a label with a word that short the query lacks (even one that reads as
            // a filler: "patente A"), where the query has a code the label lacks, is another
            // thing.
            let holds_codes = query_codes.iter().all(|c| label_words.contains(c));
            if !holds_codes && label_words.iter().any(|w| w.len() <= 2 && !words.contains(w)) {
                continue;
            }
            // The bar this label must reach: lower when it holds every content word of the
            // query or most of them (see HOLDS_EVERY_WORD_SHARE).
            let holds_every_word = far_weight == 0.0 && content_weight > 0.0 && held >= content_weight * 0.999;
            let holds_most_words = held_words >= 2 && held >= HOLDS_MOST_WORDS * (content_weight + far_weight);
            let label_content = self.label_content.get(local as usize).copied().unwrap_or(0);
            let holds_half = held >= HELD_LABEL_SHARE * (content_weight + far_weight);
            // A long label held whole: each of its own content stems is a stem a content word
            // of the query holds (two query words on one stem of the label do not make it
            // whole).
            let is_light = |v: &u32| label_lang == italian_bit && self.light.binary_search(v).is_ok();
            let holds_every_label_stem = || {
                label_stems
                    .iter()
                    .filter(|v| self.grammar.binary_search(v).is_err() && !is_light(v))
                    .all(|&v| planned.iter().any(|w| !w.filler && w.holds(v, label_lang)))
            };
            let held_phrase = usize::from(label_content) >= HELD_PHRASE_WORDS && held_words >= label_content && holds_every_label_stem();
            let held_label = held_phrase || (label_content > 0 && held_words >= label_content && holds_head && holds_half);
            // One short word is no name when a label is that very word ("cassiera part time").
            let is_the_word = || label_words.iter().filter(|w| !is_filler(w)).eq([&content_word]);
            // A label that puts its head first and holds one word of the query, not the query's
            // head, is another thing unless its string is very close: "cassa elettronica" is
            // not "posta elettronica", however alike the strings. So is one that holds the head
            // with a qualifier of its own, when the head is the lesser part of the query:
            // "preparazione dei dati" is not "preparazione dei cibi". So is one that swaps the
            // roles of the query's head and its complement (above).
            let names_another_thing = swaps_roles
                || (content_words >= 2
                    && held_words == 1
                    && (!holds_head || (usize::from(label_content) >= HELD_PHRASE_WORDS && !holds_half))
                    && head_first);
            let bar = if (one_short_word && !is_the_word()) || names_another_thing {
                opts.min_similarity * ONE_WORD_SHARE
            } else if holds_every_word || holds_most_words || held_label {
                opts.min_similarity * HOLDS_EVERY_WORD_SHARE
            } else {
                opts.min_similarity
            };
            // The whole-string similarity needed to reach the bar (below it, the string part
            // counts as 0, so the bar can then only be reached through the word F1). For a
            // label holding a single word of the query, the string must reach the full
            // minimum: one word typed alone is too easily a name or a greeting ("Cameri").
            let string_bar = if held_words >= 2 || held_label { bar } else { bar.max(opts.min_similarity) };
            let needed_for = |string_bar: f64| {
                let f1 = f64::from(f1);
                if WORDS_ONLY_WEIGHT * f1 >= string_bar { 0.0 } else { (string_bar - (1.0 - STRING_WEIGHT) * f1) / STRING_WEIGHT }
            };
            // A runner-up, shown only after a hit that reached its own bar, needs less, if it
            // holds both ends of the query as written, its codes and half its content
            // (RUNNER_UP_SHARE), and is not another thing.
            let may_run_up = ends_as_written == BOTH_ENDS && holds_half && holds_codes && !swaps_roles;
            // So may one holding either end as written, not another thing, when it turns out
            // closer than every hit that reached its bar (see `best_per_concept`).
            let only_if_closer = !may_run_up && !names_another_thing && ends_as_written != 0 && holds_codes;
            let runner_up = if may_run_up {
                opts.min_similarity * RUNNER_UP_SHARE
            } else if only_if_closer {
                // Not closer than a hit already found, it will not be shown: not compared.
                (opts.min_similarity * RUNNER_UP_SHARE).max(closest_sure)
            } else {
                f64::INFINITY
            };
            let (sure_bar, sure_needed) = (bar, needed_for(string_bar));
            let (bar, needed) = (bar.min(runner_up), needed_for(string_bar.min(runner_up)));
            s.chars.clear();
            s.chars.extend(lf.chars());
            // A long Italian label the query holds whole is compared, as a string, with the
            // stretch of the query from the first word holding one of its stems as written (no
            // typo, no equivalent) to the last (the words around it count in the word F1):
            // "smaltimento rifiuti della cucina" holds "smaltimento rifiuti", and a label with
            // other words beside these is not closer for them.
            let stretch: Vec<char> = if held_phrase && head_first {
                let holds_as_written = |token: &str| {
                    planned.iter().any(|w| {
                        !w.filler
                            && words[w.index] == token
                            && w.variants
                                .iter()
                                .any(|u| u.sim >= 1.0 && u.langs & label_lang != 0 && label_stems.binary_search(&u.stem).is_ok())
                    })
                };
                let offset = |token: &str| token.as_ptr() as usize - q.as_ptr() as usize;
                match (tokens(q).find(|w| holds_as_written(w)), tokens(q).filter(|w| holds_as_written(w)).last()) {
                    (Some(first), Some(last)) => q[offset(first)..offset(last) + last.len()].chars().collect(),
                    _ => Vec::new(),
                }
            } else {
                Vec::new()
            };
            let compare_sorted = label_words.len() > 1 || words.len() > 1;
            label_words.sort_unstable();
            label_words.dedup();
            // No string is closer than its length allows: the best this label can reach.
            let sorted_len = label_words.iter().map(|w| w.chars().count()).sum::<usize>() + label_words.len().saturating_sub(1);
            let string_at_most = if compare_sorted {
                length_similarity(q_chars.len(), s.chars.len()).max(length_similarity(q_sorted.len(), sorted_len))
            } else {
                length_similarity(q_chars.len(), s.chars.len())
            }
            .max(if stretch.is_empty() { 0.0 } else { length_similarity(stretch.len(), s.chars.len()) });
            let f1_wide = f64::from(f1);
            let at_most = (STRING_WEIGHT * string_at_most + (1.0 - STRING_WEIGHT) * f1_wide).max(WORDS_ONLY_WEIGHT * f1_wide);
            if at_most < bar || (!same_stems && at_most + 1e-3 < to_beat) {
                continue;
            }
            let whole = similarity(&q_chars, q_bits.as_ref(), &s.chars, needed, &mut s.rows);
            let whole = if stretch.is_empty() || stretch.len() == q_chars.len() {
                whole
            } else {
                whole.max(similarity(&stretch, BitOsa::new(&stretch).as_ref(), &s.chars, needed.max(whole), &mut s.rows))
            };
            let sorted = if compare_sorted {
                s.chars.clear();
                for (i, w) in label_words.iter().enumerate() {
                    if i > 0 {
                        s.chars.push(' ');
                    }
                    s.chars.extend(w.chars());
                }
                similarity(&q_sorted, q_sorted_bits.as_ref(), &s.chars, needed.max(whole), &mut s.rows)
            } else {
                whole
            };
            let f1 = f64::from(f1);
            let combined = |string: f64| (STRING_WEIGHT * string + (1.0 - STRING_WEIGHT) * f1).max(WORDS_ONLY_WEIGHT * f1);
            let string = whole.max(sorted);
            let sure_sim = combined(if string >= sure_needed { string } else { 0.0 });
            let sure = sure_sim >= sure_bar;
            let sim = if sure { sure_sim } else { combined(string) };
            if sim < bar {
                continue;
            }
            let kind = if same_stems { MatchKind::Token } else { MatchKind::Fuzzy };
            let sim = (sim * 1e4).round() / 1e4;
            found.push(Found { local, kind, sim, sure, only_if_closer: !sure && only_if_closer });
            if !s.exhaustive {
                to_beat = self.to_beat(t, &found, opts.limit).max(floor);
                if sure {
                    closest_sure = closest_sure.max(sim);
                }
            }
        }

        self.best_per_concept(t, found, opts.limit)
    }

    /// Whether a label's stems (`label_stems`, sorted) are the query's stems other than of
    /// grammar words (`query`, sorted), with grammar words only beside them: "pulizia di rulli
    /// e pennelli" for "pulire pennelli e rulli", "carico e scarico merci" for "carico scarico
    /// merci". Words count as often as they appear: "piantare fiori e piante" (two words of
    /// stem `piant-`) is not "fiori e piante".
    fn same_words_but_grammar(&self, query: &[u32], label_stems: &[u32]) -> bool {
        label_stems.iter().filter(|v| self.grammar.binary_search(v).is_err()).eq(query)
    }

    /// The word F1 of a label from what the query's words gave it (see step 2): the
    /// harmonic mean of the share of the query's weight it holds and of its own.
    fn f1(&self, a: &Acc, local: u32, query_weight: f32) -> f32 {
        let qc = (a.query / query_weight.max(f32::EPSILON)).min(1.0);
        let lc = (a.label / self.label_weight[local as usize].max(f32::EPSILON)).min(1.0);
        if qc + lc > 0.0 { 2.0 * qc * lc / (qc + lc) } else { 0.0 }
    }

    /// Keeps each concept's best evidence (a hit that reached its bar before a runner-up), in
    /// the final order (runner-ups after the others, and none without them; those holding one
    /// end of the query only when closer than every hit), up to `limit`.
    fn best_per_concept(&self, t: &Taxonomy, mut found: Vec<Found>, limit: usize) -> Vec<Found> {
        let concept = |f: &Found| self.label(t, f.local).concept;
        let standing = |f: &Found| Standing { sure: f.sure, kind: f.kind, sim: f.sim, label_kind: self.label(t, f.local).kind };
        let order = |a: &Found, b: &Found| standing(a).cmp(&standing(b)).then(a.local.cmp(&b.local));
        // A label that holds only one end of the query is shown when closer to it than every hit
        // that reached its bar: else it is more likely another thing than an alternative.
        let closest = closest_sure(&found);
        found.retain(|f| !f.only_if_closer || f.sim > closest);
        found.sort_by(|a, b| concept(a).cmp(&concept(b)).then(order(a, b)));
        found.dedup_by_key(|f| concept(f));
        found.sort_by(|a, b| order(a, b).then(concept(a).cmp(&concept(b))));
        if !found.first().is_some_and(|f| f.sure) {
            found.clear();
        }
        found.truncate(limit);
        found
    }

    /// The similarity a fuzzy hit must beat to be among the first `limit` concepts of
    /// `found` (each concept counted once, by its best hit; a hit of a stronger kind than
    /// fuzzy beats any; runner-ups not counted, as they may yet be dropped), or minus
    /// infinity while fewer concepts are found.
    fn to_beat(&self, t: &Taxonomy, found: &[Found], limit: usize) -> f64 {
        let mut best: Vec<(u32, f64)> = found
            .iter()
            .filter(|f| f.sure)
            .map(|f| (self.label(t, f.local).concept, if f.kind.rank() < MatchKind::Fuzzy.rank() { f64::INFINITY } else { f.sim }))
            .collect();
        best.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        best.dedup_by_key(|b| b.0);
        if limit == 0 || best.len() < limit {
            return f64::NEG_INFINITY;
        }
        let mut sims: Vec<f64> = best.into_iter().map(|b| b.1).collect();
        sims.select_nth_unstable_by(limit - 1, |a, b| b.total_cmp(a));
        sims[limit - 1]
    }

    /// How many distinct concepts the labels found stand for.
    fn distinct_concepts(&self, t: &Taxonomy, found: &[Found]) -> usize {
        let mut concepts: Vec<u32> = found.iter().map(|f| self.label(t, f.local).concept).collect();
        concepts.sort_unstable();
        concepts.dedup();
        concepts.len()
    }

    /// The taxonomy's label behind a local label.
    fn label<'t>(&self, t: &'t Taxonomy, local: u32) -> &'t LabelData {
        &t.labels[self.labels[local as usize] as usize]
    }
}

/// The parts of a text split at the punctuation that separates the items of a CV line or the
/// clauses of a sentence (commas, semicolons, colons, brackets, bullets, line breaks), those
/// with a letter or a digit.
fn clauses(text: &str) -> Vec<&str> {
    text.split([',', ';', ':', '(', ')', '\n', '•']).map(str::trim).filter(|p| p.chars().any(char::is_alphanumeric)).collect()
}

/// The parts of a text that found nothing whole: its clauses (see [`clauses`]), each split
/// further where it joins things ("cucito e asole", "fax e fotocopie", "carico/scarico"): at
/// [`COORDINATORS`], slashes and ampersands. Each part says whether it was so joined to
/// another (not only a clause).
fn coordinated_parts(text: &str) -> Vec<(String, bool)> {
    let mut parts = Vec::new();
    for clause in clauses(text) {
        let first = parts.len();
        for piece in clause.split(['/', '&']) {
            let mut part: Vec<&str> = Vec::new();
            for word in piece.split_whitespace().chain([""]) {
                if word.is_empty() || COORDINATORS.iter().any(|c| c.eq_ignore_ascii_case(word)) {
                    if part.iter().any(|w| w.chars().any(char::is_alphanumeric)) {
                        parts.push((part.join(" "), false));
                    }
                    part.clear();
                } else {
                    part.push(word);
                }
            }
        }
        if parts.len() - first > 1 {
            parts[first..].iter_mut().for_each(|p| p.1 = true);
        }
    }
    parts
}

/// Whether a folded word is a code of one or two characters (a licence category, a language
/// level) rather than a filler ("patente d", "inglese b2").
fn is_code(word: &str) -> bool {
    (1..=2).contains(&word.len()) && !is_filler(word)
}

/// The first four letters of each word of three letters or more of a label, folded: enough
/// to see that "cooking" and "cook", "shelves" and "shelf" share a word.
fn word_starts(label: &str) -> Vec<String> {
    tokens(&fold(label)).filter(|w| w.chars().count() >= 3).map(|w| w.chars().take(4).collect()).collect()
}

/// `1 - distance / longer length` with the optimal-string-alignment distance (Levenshtein
/// where swapping two adjacent letters is one edit, as `strsim::osa_distance`), or 0 when
/// the similarity is below `at_least`. Uses the bit-parallel form when the query is
/// prepared (64 characters or less), else a bounded dynamic programme.
fn similarity(a: &[char], bits: Option<&BitOsa>, b: &[char], at_least: f64, rows: &mut Vec<usize>) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let max_d = ((1.0 - at_least.clamp(0.0, 1.0)) * longer as f64).floor() as usize;
    let d = match bits {
        Some(p) => Some(p.distance(b)).filter(|&d| d <= max_d),
        None => osa_within(a, b, max_d, rows),
    };
    d.map_or(0.0, |d| 1.0 - d as f64 / longer as f64)
}

/// Whether a language puts the head of a phrase first ("posta elettronica", Italian and the
/// other Romance languages), not last ("electronic mail").
fn puts_head_first(lang: &str) -> bool {
    matches!(lang, "it" | "es" | "fr" | "pt" | "ro" | "ca")
}

/// The highest [`similarity`] two strings of these lengths can have (each edit changes the
/// length by one at most).
fn length_similarity(a: usize, b: usize) -> f64 {
    let longer = a.max(b);
    if longer == 0 { 1.0 } else { 1.0 - a.abs_diff(b) as f64 / longer as f64 }
}

/// How far a search looks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reach {
    /// Every step: exact labels, similar words (typos), whole strings.
    Everything,
    /// Exact labels and labels of the very same words ([`MatchKind::Token`]) only: all that
    /// routing a job title typed as a skill can follow, without the typo search.
    SameWords,
    /// The first hit only, and only when it is strong: not a fuzzy hit below this
    /// similarity (what normalisation keeps). The answer is the first hit of
    /// [`Reach::Everything`] when that is strong, and nothing or a weak hit otherwise.
    Strong(f64),
}

/// The word F1 below which a fuzzy candidate cannot reach `similarity` even with an
/// identical string (less a margin for rounding).
fn f1_for(similarity: f64) -> f32 {
    let through_string = (similarity - STRING_WEIGHT) / (1.0 - STRING_WEIGHT);
    (through_string.min(similarity / WORDS_ONLY_WEIGHT) - 1e-3) as f32
}

/// A label found for a query (before turning into a [`Hit`]).
#[derive(Debug, Clone, Copy)]
struct Found {
    local: u32,
    kind: MatchKind,
    sim: f64,
    /// Whether the hit reached its own bar; one that reached only the runner-up bar is shown
    /// only after one that did (see [`RUNNER_UP_SHARE`]).
    sure: bool,
    /// Whether it is a runner-up only if closer to the query than every hit that reached its
    /// bar (it holds one end of the query, not both).
    only_if_closer: bool,
}

/// The similarity of the closest of `found` that reached its bar (minus infinity for none).
fn closest_sure(found: &[Found]) -> f64 {
    found.iter().filter(|f| f.sure).map(|f| f.sim).fold(f64::NEG_INFINITY, f64::max)
}

/// Where a hit stands among others, best first: hits that reached their bar before
/// runner-ups, then by kind, similarity (higher first) and kind of label (preferred first).
/// Every list of hits is ranked in this order, ties broken by concept or label.
#[derive(Clone, Copy)]
struct Standing {
    sure: bool,
    kind: MatchKind,
    sim: f64,
    label_kind: LabelKind,
}

impl Standing {
    fn cmp(&self, other: &Standing) -> std::cmp::Ordering {
        other
            .sure
            .cmp(&self.sure)
            .then(self.kind.rank().cmp(&other.kind.rank()))
            .then(other.sim.total_cmp(&self.sim))
            .then(self.label_kind.cmp(&other.label_kind))
    }
}

/// Per-thread scratch space, so that queries do not allocate label-sized arrays.
#[derive(Default)]
struct Scratch {
    query: String,
    stem: String,
    chars: Vec<char>,
    keys: Vec<u64>,
    rows: Vec<usize>,
    tri_count: Vec<u8>,
    tri_touched: Vec<u32>,
    /// Per local label, what the query's words gave it; valid for the labels marked in
    /// `seen`.
    acc: Vec<Acc>,
    /// Per local label, the query word last counted for it (an epoch stamp), so that a word
    /// whose stems share a label counts for it once.
    rounds: Vec<u32>,
    epoch: u32,
    /// The labels found by this query's words so far, listed in `touched` and marked in
    /// `seen`, one bit each (so that a word counted only for them skips the others in a
    /// few kilobytes).
    touched: Vec<u32>,
    seen: Vec<u64>,
    /// The stems near each stem searched lately.
    near: NearCache,
    /// The stems near one query word, with their similarity.
    near_found: Vec<(u32, f32)>,
    /// Run every step even where a shortcut applies (exact hits that fill the answer, a
    /// route that needs no typo search, a label holding one end that cannot be closer than a
    /// hit found): tests set it to check that the shortcuts change no answer.
    exhaustive: bool,
}

/// Stems a cache of near stems holds per index in each of its two generations (a few
/// megabytes in all).
const NEAR_CACHE_STEMS: usize = 20_000;
/// Indexes a thread's cache of near stems keeps at once (a taxonomy has two).
const NEAR_CACHE_INDEXES: usize = 4;

/// Per index (by build number), the vocabulary stems near each stem a thread searched
/// lately, with their distance: a feed repeats its words, and each is looked for once.
#[derive(Default)]
struct NearCache {
    slots: Vec<(u64, Generations)>,
}

/// Stem → the vocabulary stems near it, with their edit distance.
type NearStems = FxHashMap<Box<str>, Box<[(u32, u8)]>>;

/// The stems searched since the last turn, and those of the turn before: when the new
/// generation fills, it becomes the old one and the old one is dropped, and a stem found in
/// the old one moves to the new. A word a feed keeps using stays however many one-off typos
/// pass through (dropping everything when full made the typo search of a 100k feed, whose
/// typos are mostly new words, take 30 % longer).
#[derive(Default)]
struct Generations {
    new: NearStems,
    old: NearStems,
}

impl NearCache {
    /// The near stems kept for the index built `build`th.
    fn slot(&mut self, build: u64) -> &mut Generations {
        let at = match self.slots.iter().position(|(b, _)| *b == build) {
            Some(at) => at,
            None => {
                if self.slots.len() >= NEAR_CACHE_INDEXES {
                    self.slots.remove(0);
                }
                self.slots.push((build, Generations::default()));
                self.slots.len() - 1
            }
        };
        &mut self.slots[at].1
    }

    /// The stems near `stem` kept for the index built `build`th, if they are.
    fn get(&mut self, build: u64, stem: &str) -> Option<&[(u32, u8)]> {
        let g = self.slot(build);
        if !g.new.contains_key(stem) {
            let (key, near) = g.old.remove_entry(stem)?;
            g.insert(key, near);
        }
        g.new.get(stem).map(|near| &near[..])
    }

    fn keep(&mut self, build: u64, stem: &str, near: Box<[(u32, u8)]>) {
        self.slot(build).insert(stem.into(), near);
    }
}

impl Generations {
    fn insert(&mut self, stem: Box<str>, near: Box<[(u32, u8)]>) {
        if self.new.len() >= NEAR_CACHE_STEMS {
            self.old = std::mem::take(&mut self.new);
        }
        self.new.insert(stem, near);
    }
}

/// What one label gathered from the query's words (see `query_folded`, step 2).
#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    /// IDF-weighted share of the query found in the label, and of the label in the query.
    query: f32,
    label: f32,
    /// Weight of the query's content words it holds, and how many.
    held: f32,
    held_words: u8,
    /// Whether it holds the query's first content word.
    holds_head: bool,
    /// Which ends of the query (its first and last content words: [`BOTH_ENDS`]) it holds as
    /// the very same stems, not as typos or equivalents.
    ends_as_written: u8,
}

/// [`Acc::ends_as_written`] when a label holds both.
const BOTH_ENDS: u8 = 0b11;

impl Acc {
    /// Counts a query word found in the label as the stem of IDF `idf`, `sim` close to it.
    fn add(&mut self, word: &QueryWord, sim: f32, idf: f32) {
        self.query += sim * word.weight;
        self.label += sim * idf;
        if sim >= HELD_WORD_SIMILARITY && !word.filler {
            self.held += word.weight;
            self.held_words = self.held_words.saturating_add(1);
            self.holds_head |= word.head;
        }
        if sim >= 1.0 && !word.filler {
            self.ends_as_written |= u8::from(word.head) | u8::from(word.tail) << 1;
        }
    }
}

/// A vocabulary stem a query word stands for.
#[derive(Debug, Clone, Copy)]
struct Variant {
    stem: u32,
    /// How close it is to the word (1 for the word's own stem).
    sim: f32,
    /// The bits of the stemmers that gave it ([`Stemmer::bit`]): it counts for the labels in
    /// their languages.
    langs: u8,
}

/// [`Variant::langs`] of a stem that counts for labels in every language.
const ANY_LANGUAGE: u8 = u8::MAX;

/// A word of the query, ready for the walk over the labels (see `query_folded`, step 2).
struct QueryWord {
    /// The vocabulary stems it stands for, with their similarity, the closest first.
    variants: Vec<Variant>,
    /// The stems of the compounds it ends (see [`LabelIndex::compounds`]): they count for
    /// the query's share only, the compound's first word counting them for the label.
    label_blind: Vec<u32>,
    /// Its weight in the query.
    weight: f32,
    filler: bool,
    /// Whether it is the query's head (its first content word).
    head: bool,
    /// Whether it is the query's last content word.
    tail: bool,
    /// The mark a label gets when this word is counted for it.
    stamp: u32,
    /// How many labels its stems' postings list, in all.
    postings: usize,
    /// Its place among the query's distinct words (sorted).
    index: usize,
}

impl QueryWord {
    /// Whether it holds the stem `v` of a label in the languages `langs`: as written, or close
    /// enough through a typo or an equivalent ([`HELD_WORD_SIMILARITY`]).
    fn holds(&self, v: u32, langs: u8) -> bool {
        self.variants.iter().any(|u| u.stem == v && u.sim >= HELD_WORD_SIMILARITY && u.langs & langs != 0)
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::normalise::{normalise_occupation, normalise_skill};

    /// The answers to `queries`, skills and occupations, at limits 1 and 3.
    fn answers(t: &Taxonomy, queries: &[String], exhaustive: bool) -> Vec<String> {
        SCRATCH.with(|cell| cell.borrow_mut().exhaustive = exhaustive);
        let mut out = Vec::new();
        for q in queries {
            for kind in [ConceptKind::Skill, ConceptKind::Occupation] {
                for limit in [1, 3] {
                    let hits = t.search(kind, q, &SearchOptions { limit, ..SearchOptions::default() }).unwrap_or_default();
                    out.push(format!(
                        "{q} ({kind:?}, {limit}): {:?}",
                        hits.iter().map(|h| (h.uri, h.kind, h.similarity)).collect::<Vec<_>>()
                    ));
                }
            }
            let normalised = (normalise_skill(t, q), normalise_occupation(t, q));
            out.push(format!("{q} (normalised): {normalised:?}"));
        }
        out
    }

    #[test]
    fn the_shortcuts_change_no_answer() {
        // Skipping the word steps after exact hits, the typo search when routing a job
        // title typed as a skill, the labels that share only fillers with the query, the
        // labels holding one end of the query that cannot be closer than a hit found, and
        // the candidates that could only give a weak hit when normalising.
        let t = Taxonomy::embedded();
        // Labels of every kind and language: as written, with two letters swapped, with a
        // letter dropped, and with a word added.
        let queries: Vec<String> = t
            .labels
            .iter()
            .step_by(601)
            .flat_map(|l| {
                let text = t.label_text(l).to_owned();
                let mut chars: Vec<char> = text.chars().collect();
                if chars.len() > 3 {
                    chars.swap(1, 2);
                }
                let swapped: String = chars.iter().collect();
                let dropped: String = chars.iter().enumerate().filter(|&(i, _)| i != chars.len() / 2).map(|(_, c)| c).collect();
                [format!("{text} skills"), format!("{dropped} base"), text, swapped, dropped]
            })
            .chain(
                ["ingrassatore a pistola", "vendita assistita", "posta elettronica", "pulizia delle macchine", "macchine per pulizia"]
                    .map(String::from),
            )
            .collect();
        let shortcut = answers(t, &queries, false);
        assert!(shortcut.iter().filter(|a| a.contains("Exact") || a.contains("AltLabel")).count() > 100, "the shortcut is taken");
        assert!(shortcut.iter().filter(|a| a.contains("ViaOccupation")).count() > 20, "job titles are routed");
        assert!(shortcut.iter().filter(|a| a.contains("(normalised)") && a.contains("\"fuzzy\"")).count() > 20, "typos are normalised");
        let grease_gun = shortcut.iter().find(|a| a.starts_with("ingrassatore a pistola (Skill, 3)"));
        assert!(grease_gun.is_some_and(|a| a.matches("Fuzzy").count() >= 2), "a closer label holding one end is shown: {grease_gun:?}");
        let exhaustive = answers(t, &queries, true);
        assert_eq!(exhaustive.len(), shortcut.len());
        if let Some((all, quick)) = exhaustive.iter().zip(&shortcut).find(|(a, b)| a != b) {
            panic!("the shortcuts changed an answer:\n  every step: {all}\n  shortcuts:  {quick}");
        }
    }

    #[test]
    fn a_labels_grammar_words_weigh_half_in_its_share() {
        let t = Taxonomy::embedded();
        let index = &t.indexes().skills;
        let stem = |w: &str| index.vocab.get(w).copied().unwrap_or(u32::MAX) as usize;
        let (di, alimenti) = (stem("di"), stem("aliment"));
        assert!(di < index.idf.len() && alimenti < index.idf.len(), "both words are labels' words");
        assert_eq!(index.label_idf[di], index.idf[di] * LABEL_GRAMMAR_WEIGHT);
        assert_eq!(index.label_idf[alimenti], index.idf[alimenti]);
        let local = (0..index.labels.len() as u32).find(|&l| index.folded(l) == "tecniche di preparazione degli alimenti");
        let local = local.unwrap_or_else(|| panic!("the label is indexed"));
        let weight: f32 = index.label_stems.get(local).iter().map(|&v| index.label_idf[v as usize]).sum();
        assert_eq!(index.label_weight[local as usize], weight);
    }
}
