//! WebAssembly binding of Sportello for the browser widget (`wasm/widget/`).
//!
//! It only converts and forwards to the core crate: documents come in as JSON text (so the
//! core's loader checks sizes, types and every field, exactly as on the command line),
//! results go out as plain JS objects (serde-wasm-bindgen), PDF bytes as a `Uint8Array`.
//! Every failure becomes a JS `Error` carrying `kind`, `hint` and, for invalid documents,
//! `problems` (each with the field `path`), so the widget can show a message next to the
//! field. A panic hook logs panics to the console instead of a bare `unreachable`.
//!
//! Each exported function has a plain-Rust twin (the `*_impl` functions and the methods
//! of [`Engine`] and [`Feed`]) that the host-side tests call.
//!
//! The `index` feature of the core (Tantivy) is off: the widget scores the vacancies of a
//! feed with the same plain-Rust scorer the index uses after retrieval.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use sportello::Error;
use sportello::feed::{self, FeedProblem};
use sportello::geo::Gazetteer;
use sportello::lang::{Lang, UnknownLang};
use sportello::load::{Document, Format, load_document, load_profile};
use sportello::matching::feed::{PreparedFeed, Ranked};
use sportello::matching::{DEFAULT_TOP, Matcher};
use sportello::model::{PartialDate, Profile};
use sportello::reference_data::{self, ReferenceData};
use sportello::render::{OutputFormat, RenderRequest, Renderer, TemplateInfo, svg_preview};
use sportello::taxonomy::{ConceptKind, DEFAULT_MIN_SIMILARITY, DEFAULT_SEARCH_LIMIT, Hit, SearchOptions, Taxonomy};
use sportello::validate::Problem;

/// Installs the panic hook; runs when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// For tests of the crash handling only: panics inside the module. The widget's worker
/// turns the trap into an error of kind `crash` and the page restarts the worker.
#[wasm_bindgen(js_name = _provokePanic)]
pub fn provoke_panic(message: &str) {
    panic!("{message}");
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// An error as JS sees it: `{kind, message, hint, problems}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsError {
    /// A stable name ([`Error::kind`]), e.g. `invalid`, `syntax`, `photo`.
    pub kind: String,
    /// What went wrong, in words.
    pub message: String,
    /// How to fix it, if known.
    pub hint: Option<String>,
    /// For `invalid`: every problem with its field path.
    pub problems: Vec<Problem>,
}

impl JsError {
    fn new(kind: &str, message: impl Into<String>, hint: Option<&str>) -> Self {
        JsError { kind: kind.into(), message: message.into(), hint: hint.map(Into::into), problems: Vec::new() }
    }
}

impl From<Error> for JsError {
    fn from(e: Error) -> Self {
        JsError::worded(e, Lang::En)
    }
}

impl JsError {
    /// A core error with its problems worded in `lang` (the core words them).
    fn worded(e: Error, lang: Lang) -> Self {
        match e {
            Error::Invalid(report) => {
                let report = report.in_lang(lang);
                JsError { kind: "invalid".into(), message: report.to_string(), hint: None, problems: report.problems }
            }
            e => JsError { kind: e.kind().into(), message: e.to_string(), hint: e.hint(), problems: Vec::new() },
        }
    }
}

impl From<JsError> for JsValue {
    fn from(e: JsError) -> JsValue {
        let err = js_sys::Error::new(&e.message);
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&err, &JsValue::from_str(k), &v);
        };
        set("kind", JsValue::from_str(&e.kind));
        set("hint", e.hint.as_deref().map_or(JsValue::NULL, JsValue::from_str));
        set("problems", to_js(&e.problems).unwrap_or(JsValue::NULL));
        err.into()
    }
}

type Res<T> = std::result::Result<T, JsError>;

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // Maps as plain objects (not `Map`), so results are ordinary JSON-like objects.
    let s = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&s).map_err(|e| JsError::new("internal", format!("internal error: {e}"), Some("please report this")).into())
}

fn out<T: Serialize>(r: Res<T>) -> Result<JsValue, JsValue> {
    to_js(&r?)
}

fn parse_today(today: Option<&str>) -> Res<Option<PartialDate>> {
    match today.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => t.parse().map(Some).map_err(|_| {
            JsError::new("date", format!("{t:?} is not a date (expected YYYY-MM-DD)"), Some("pass today's date as 2026-11-23"))
        }),
    }
}

/// The language asked for (default Italian); an unknown code is refused, as on the
/// command line and in Python.
fn lang_of(code: Option<&str>) -> Res<Lang> {
    code.map_or(Ok(Lang::It), |c| c.parse().map_err(|e: UnknownLang| JsError::new("language", e.to_string(), None)))
}

// ---------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------

/// The outcome of [`validate`].
#[derive(Debug, Serialize)]
pub struct Validation {
    /// No errors (warnings may remain).
    pub ok: bool,
    /// `profile` or `vacancy`, when the document could be read.
    pub kind: Option<&'static str>,
    /// Errors and warnings, each with its field path (a document that cannot be read at
    /// all: one problem of code `unreadable`).
    pub problems: Vec<Problem>,
    /// Why the document could not be read at all (bad syntax, too large...).
    pub error: Option<JsError>,
}

/// Validates a profile or a vacancy given as JSON or YAML text, problems worded in
/// `lang` (default Italian).
pub fn validate_impl(text: &str, today: Option<&str>, lang: Option<&str>) -> Validation {
    let failed = |e: JsError| Validation { ok: false, kind: None, problems: Vec::new(), error: Some(e) };
    // A document that cannot be read at all is one problem of the whole, as everywhere.
    let unreadable = |e: Error| Validation { ok: false, kind: None, problems: vec![e.to_problem()], error: Some(e.into()) };
    let (today, lang) = match (parse_today(today), lang_of(lang)) {
        (Ok(t), Ok(l)) => (t, l),
        (Err(e), _) | (_, Err(e)) => return failed(e),
    };
    match load_document(text.as_bytes(), Format::sniff(text.as_bytes()), today) {
        Ok(l) => {
            let kind = match l.value {
                Document::Profile(_) => "profile",
                Document::Vacancy(_) => "vacancy",
            };
            Validation { ok: true, kind: Some(kind), problems: l.report.in_lang(lang).problems, error: None }
        }
        Err(Error::Invalid(r)) => Validation { ok: false, kind: None, problems: r.in_lang(lang).problems, error: None },
        Err(e) => unreadable(e),
    }
}

/// Validates a profile or vacancy (JSON or YAML text). Returns
/// `{ok, kind, problems: [{severity, path, code, args, message, hint}], error}` with the
/// messages in `lang` (`it`, the default, or `en`); `today` (`YYYY-MM-DD`) enables the
/// checks against the calendar.
#[wasm_bindgen]
pub fn validate(text: &str, today: Option<String>, lang: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&validate_impl(text, today.as_deref(), lang.as_deref()))
}

/// A profile read by the core, with its warnings.
#[derive(Debug, Serialize)]
pub struct ReadProfile {
    /// The profile as the core reads it (unknown fields dropped, codes normalised).
    pub profile: Profile,
    /// Warnings (a profile with errors is refused).
    pub problems: Vec<Problem>,
}

/// Reads a profile from JSON or YAML text (an imported file), problems in `lang`.
pub fn read_profile_impl(text: &str, today: Option<&str>, lang: Option<&str>) -> Res<ReadProfile> {
    let today = parse_today(today)?;
    let lang = lang_of(lang)?;
    let l = load_profile(text.as_bytes(), Format::sniff(text.as_bytes()), today).map_err(|e| JsError::worded(e, lang))?;
    Ok(ReadProfile { profile: l.value, problems: l.report.in_lang(lang).problems })
}

/// Reads a profile from JSON or YAML text, e.g. a file the person imports: `{profile,
/// problems}` with the warnings, or an error whose `problems` list every error; messages
/// in `lang` (`it`, the default, or `en`).
#[wasm_bindgen(js_name = readProfile)]
pub fn read_profile_js(text: &str, today: Option<String>, lang: Option<String>) -> Result<JsValue, JsValue> {
    out(read_profile_impl(text, today.as_deref(), lang.as_deref()))
}

/// Reads a profile from JSON text, refusing it when it has errors (worded in `lang`).
fn read_profile(json: &str, today: Option<PartialDate>, lang: Lang) -> Res<(Profile, Vec<Problem>)> {
    let l = load_profile(json.as_bytes(), Format::Json, today).map_err(|e| JsError::worded(e, lang))?;
    Ok((l.value, l.report.in_lang(lang).problems))
}

// ---------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------

/// SVG pages for the preview.
#[derive(Debug, Serialize)]
pub struct SvgPages {
    /// One SVG document per page.
    pub pages: Vec<String>,
    /// Warnings on the profile and on the layout (e.g. more than two pages).
    pub warnings: Vec<String>,
}

/// The renderer with the templates and the fonts given; create one and reuse it (it
/// keeps Typst's caches warm, which makes the preview after an edit fast).
#[wasm_bindgen]
pub struct Engine {
    renderer: Renderer,
    /// The language of problems and warnings (the CV's own language is per render).
    messages: Lang,
}

#[wasm_bindgen]
impl Engine {
    /// `fonts`: an array of `Uint8Array`, the font files (OpenType/TrueType). The
    /// templates need Libertinus Serif; the widget's build copies just those files.
    #[wasm_bindgen(constructor)]
    pub fn new(fonts: js_sys::Array) -> Result<Engine, JsValue> {
        let files = fonts.iter().map(|f| js_sys::Uint8Array::new(&f).to_vec()).collect();
        Ok(Engine::with_font_files(files)?)
    }

    /// The templates: `[{name, description, builtin}]`.
    pub fn templates(&self) -> Result<JsValue, JsValue> {
        to_js(&self.template_list())
    }

    /// The locales of the CV's fixed words, e.g. `["en", "it"]`.
    pub fn locales(&self) -> Vec<String> {
        self.renderer.locales().map(str::to_owned).collect()
    }

    /// The font families loaded.
    pub fn fonts(&self) -> Vec<String> {
        self.renderer.fonts()
    }

    /// The language of the problems and warnings of later renders: `it` (the default) or
    /// `en`, as the page around the widget speaks.
    #[wasm_bindgen(js_name = setMessageLanguage)]
    pub fn set_message_language(&mut self, lang: &str) -> Result<(), JsValue> {
        self.messages = lang_of(Some(lang))?;
        Ok(())
    }

    /// Renders the profile (JSON text) to SVG pages: `{pages: string[], warnings}`.
    /// `photo` is the photo's bytes (JPEG or PNG), shown when `privacy.print_photo`. With
    /// `inPlace`, each glyph is drawn in place, for a preview shown inside a page (quicker
    /// for a browser to show than Typst's own SVG; see the core's `render::svg_preview`).
    #[wasm_bindgen(js_name = renderSvg)]
    pub fn render_svg(
        &self,
        profile_json: &str,
        template: Option<String>,
        lang: Option<String>,
        today: Option<String>,
        photo: Option<Vec<u8>>,
        #[wasm_bindgen(js_name = inPlace)] in_place: Option<bool>,
    ) -> Result<JsValue, JsValue> {
        out(self.svg(profile_json, template, lang, today.as_deref(), photo, in_place.unwrap_or(false)))
    }

    /// Renders the profile (JSON text) to a tagged PDF.
    #[wasm_bindgen(js_name = renderPdf)]
    pub fn render_pdf(
        &self,
        profile_json: &str,
        template: Option<String>,
        lang: Option<String>,
        today: Option<String>,
        photo: Option<Vec<u8>>,
    ) -> Result<Vec<u8>, JsValue> {
        Ok(self.pdf(profile_json, template, lang, today.as_deref(), photo)?)
    }

    /// The CV's text in reading order, as an applicant tracking system reads it.
    #[wasm_bindgen(js_name = renderText)]
    pub fn render_text(
        &self,
        profile_json: &str,
        template: Option<String>,
        lang: Option<String>,
        today: Option<String>,
    ) -> Result<String, JsValue> {
        Ok(self.text(profile_json, template, lang, today.as_deref())?)
    }
}

impl Engine {
    /// The engine with the given font files.
    pub fn with_font_files(files: Vec<Vec<u8>>) -> Res<Engine> {
        Ok(Engine { renderer: Renderer::with_fonts(files)?, messages: Lang::It })
    }

    /// The templates available.
    pub fn template_list(&self) -> Vec<TemplateInfo> {
        self.renderer.templates().cloned().collect()
    }

    fn run(
        &self,
        json: &str,
        format: OutputFormat,
        template: Option<String>,
        lang: Option<String>,
        today: Option<&str>,
        photo: Option<Vec<u8>>,
    ) -> Res<(Vec<Vec<u8>>, Vec<String>)> {
        let today = parse_today(today)?;
        let (profile, problems) = read_profile(json, today, self.messages)?;
        let mut req = RenderRequest::pdf("europass", "it");
        req.template = template;
        req.lang = lang;
        req.format = format;
        req.today = today;
        req.photo = photo.filter(|p| !p.is_empty() && profile.privacy.print_photo);
        let rendered = self.renderer.render(&profile, &req)?;
        let mut warnings: Vec<String> = problems.iter().map(ToString::to_string).collect();
        warnings.extend(rendered.warnings);
        Ok((rendered.files, warnings))
    }

    /// SVG pages, with each glyph drawn in place if `in_place` (see [`Engine::render_svg`]).
    pub fn svg(
        &self,
        json: &str,
        template: Option<String>,
        lang: Option<String>,
        today: Option<&str>,
        photo: Option<Vec<u8>>,
        in_place: bool,
    ) -> Res<SvgPages> {
        let (files, warnings) = self.run(json, OutputFormat::Svg, template, lang, today, photo)?;
        let pages = files.into_iter().map(|f| String::from_utf8_lossy(&f).into_owned());
        let pages = if in_place { pages.map(|p| svg_preview::glyphs_in_place(&p)).collect() } else { pages.collect() };
        Ok(SvgPages { pages, warnings })
    }

    /// The PDF.
    pub fn pdf(
        &self,
        json: &str,
        template: Option<String>,
        lang: Option<String>,
        today: Option<&str>,
        photo: Option<Vec<u8>>,
    ) -> Res<Vec<u8>> {
        let (mut files, _) = self.run(json, OutputFormat::Pdf, template, lang, today, photo)?;
        Ok(files.pop().unwrap_or_default())
    }

    /// The text.
    pub fn text(&self, json: &str, template: Option<String>, lang: Option<String>, today: Option<&str>) -> Res<String> {
        let (files, _) = self.run(json, OutputFormat::Text, template, lang, today, None)?;
        Ok(files.into_iter().map(|f| String::from_utf8_lossy(&f).into_owned()).collect())
    }
}

// ---------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------

/// Hands in the reference data, which the module leaves out so that the first preview does
/// not wait for it: the bytes of `esco-en.pack`, `esco-it-sportello.tsv`, `it-synonyms.tsv`,
/// `core-skills.tsv` and `comuni_it_coords.csv.gz` (the widget's `data/` folder). Until then
/// the search, place and feed functions refuse with kind `loading`. A file that does not
/// decode is named in the error, and the call can be repeated.
pub fn load_reference_data_impl(
    esco_pack: &[u8],
    it_labels: &[u8],
    it_synonyms: &[u8],
    core_skills: &[u8],
    comuni_csv_gz: &[u8],
) -> Res<()> {
    fn text(bytes: &[u8], file: usize) -> Res<&str> {
        std::str::from_utf8(bytes).map_err(|_| JsError::new("data_file", format!("{} is not UTF-8 text", ReferenceData::FILES[file]), None))
    }
    let data = ReferenceData {
        esco_pack,
        it_labels: text(it_labels, 1)?,
        it_synonyms: text(it_synonyms, 2)?,
        core_skills: text(core_skills, 3)?,
        comuni_csv_gz,
    };
    Ok(reference_data::provide(&data)?)
}

/// See [`load_reference_data_impl`].
#[wasm_bindgen(js_name = loadReferenceData)]
pub fn load_reference_data(
    esco_pack: &[u8],
    it_labels: &[u8],
    it_synonyms: &[u8],
    core_skills: &[u8],
    comuni_csv_gz: &[u8],
) -> Result<(), JsValue> {
    Ok(load_reference_data_impl(esco_pack, it_labels, it_synonyms, core_skills, comuni_csv_gz)?)
}

/// Whether the reference data is there (embedded in a native build, handed in here).
#[wasm_bindgen(js_name = referenceDataLoaded)]
pub fn reference_data_loaded() -> bool {
    reference_data::loaded()
}

/// Refuses, with kind `loading`, what needs the reference data before it is there.
fn needs_reference_data() -> Res<()> {
    if reference_data::loaded() {
        return Ok(());
    }
    Err(JsError::new("loading", "the ESCO and comuni data are still loading", Some("call loadReferenceData first")))
}

// ---------------------------------------------------------------------------------------
// Taxonomy and places
// ---------------------------------------------------------------------------------------

/// ESCO concepts of one kind for free text, labels shown in `lang` (default Italian),
/// every language matched; the core refuses a limit or similarity out of range. The
/// plain-Rust twin of [`search_skills`] and [`search_occupations`].
pub fn search_impl(
    kind: ConceptKind,
    text: &str,
    limit: Option<usize>,
    lang: Option<&str>,
    min_similarity: Option<f64>,
) -> Res<Vec<Hit<'static>>> {
    lang_of(lang)?;
    needs_reference_data()?;
    let options = SearchOptions {
        limit: limit.unwrap_or(DEFAULT_SEARCH_LIMIT),
        display_lang: Some(lang.unwrap_or("it")),
        min_similarity: min_similarity.unwrap_or(DEFAULT_MIN_SIMILARITY),
        ..SearchOptions::default()
    };
    Ok(Taxonomy::embedded().search(kind, text, &options)?)
}

/// ESCO skills for free text ("muletto", "operate forklfit"), best first, labels shown in
/// `lang` (default it): `[{uri, preferred_label, preferred_label_lang,
/// preferred_label_source, matched_label, kind, label_kind, label_source, similarity, lang,
/// via_occupation?}]`; nothing when no label matches at least `min_similarity` well.
#[wasm_bindgen(js_name = searchSkills)]
pub fn search_skills(text: &str, limit: Option<usize>, lang: Option<String>, min_similarity: Option<f64>) -> Result<JsValue, JsValue> {
    out(search_impl(ConceptKind::Skill, text, limit, lang.as_deref(), min_similarity))
}

/// ESCO occupations for free text (a job title), same shape as [`search_skills`].
#[wasm_bindgen(js_name = searchOccupations)]
pub fn search_occupations(text: &str, limit: Option<usize>, lang: Option<String>, min_similarity: Option<f64>) -> Result<JsValue, JsValue> {
    out(search_impl(ConceptKind::Occupation, text, limit, lang.as_deref(), min_similarity))
}

/// The skills of an ESCO occupation, essential ones first, labels in `lang` (default it):
/// `[{uri, preferred_label, preferred_label_lang, preferred_label_source, relation:
/// "essential"|"optional", skill_type, reuse_level}]`.
#[wasm_bindgen(js_name = occupationSkills)]
pub fn occupation_skills(occupation_uri: &str, lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = lang.as_deref().unwrap_or("it");
    out(lang_of(Some(lang))
        .and_then(|_| needs_reference_data())
        .and_then(|_| Ok(Taxonomy::embedded().occupation_skills_in(occupation_uri, Some(lang))?)))
}

/// A comune found by name, for the home-place field.
#[derive(Debug, Serialize)]
pub struct PlaceHit {
    /// ISTAT code.
    pub istat: String,
    /// "Name (XX)".
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// Italian comuni matching a name, best first.
pub fn search_places_impl(text: &str, limit: Option<usize>) -> Res<Vec<PlaceHit>> {
    needs_reference_data()?;
    Ok(Gazetteer::embedded()
        .lookup(text, limit.unwrap_or(DEFAULT_SEARCH_LIMIT))?
        .into_iter()
        .map(|m| PlaceHit {
            istat: m.comune.istat.clone(),
            name: m.comune.display_name(),
            lat: m.comune.coordinates.lat,
            lon: m.comune.coordinates.lon,
        })
        .collect())
}

/// Italian comuni matching a name: `[{istat, name: "Trecate (NO)", lat, lon}]`.
#[wasm_bindgen(js_name = searchPlaces)]
pub fn search_places(text: &str, limit: Option<usize>) -> Result<JsValue, JsValue> {
    out(search_places_impl(text, limit))
}

// ---------------------------------------------------------------------------------------
// Matching against a feed of vacancies
// ---------------------------------------------------------------------------------------

/// A vacancy feed, read and prepared once, to score profiles against as they change.
#[wasm_bindgen]
pub struct Feed(PreparedFeed);

#[wasm_bindgen]
impl Feed {
    /// Reads a feed: a JSON array of vacancies, or JSON Lines (one vacancy per line).
    /// Vacancies with errors are left out and listed in `problems`; a feed that is not
    /// JSON at all is refused.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Feed, JsValue> {
        Ok(Feed::parse(text)?)
    }

    /// How many vacancies are usable.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.len()
    }

    /// The entries left out: `[{index, line, id, message, problems}]`.
    #[wasm_bindgen(getter)]
    pub fn problems(&self) -> Result<JsValue, JsValue> {
        to_js(self.0.problems())
    }

    /// Scores the profile (JSON text) against every vacancy: `[{vacancy, result,
    /// explanation}]`, eligible ones first by score, then (when `include_excluded`) the
    /// excluded ones; at most `top`. `today` (`YYYY-MM-DD`) is required: expiry and
    /// ongoing jobs depend on it. `lang` (`it`/`en`) is the language of the explanation.
    #[wasm_bindgen(js_name = "match")]
    pub fn match_profile(
        &self,
        profile_json: &str,
        today: &str,
        lang: Option<String>,
        top: Option<usize>,
        include_excluded: Option<bool>,
    ) -> Result<JsValue, JsValue> {
        out(self.matches(profile_json, today, lang.as_deref(), top.unwrap_or(DEFAULT_TOP), include_excluded.unwrap_or(false)))
    }
}

impl Feed {
    /// Reads a feed (see [`Feed::new`]).
    pub fn parse(text: &str) -> Res<Feed> {
        needs_reference_data()?;
        Ok(Feed(PreparedFeed::new(feed::read(text.as_bytes(), None)?, Taxonomy::embedded(), Gazetteer::embedded())))
    }

    /// The feed's problems.
    pub fn problem_list(&self) -> &[FeedProblem] {
        self.0.problems()
    }

    /// Scores a profile (see [`Feed::match_profile`]).
    pub fn matches(&self, profile_json: &str, today: &str, lang: Option<&str>, top: usize, include_excluded: bool) -> Res<Vec<Ranked>> {
        let today = parse_today(Some(today))?
            .ok_or_else(|| JsError::new("date", "today's date is missing", Some("pass today's date as 2026-11-23")))?;
        let lang = lang_of(lang)?;
        let (profile, _) = read_profile(profile_json, Some(today), lang)?;
        let matcher = Matcher::embedded(today);
        Ok(self.0.rank(&matcher, &matcher.prepare_profile("me", &profile), top, include_excluded, lang))
    }
}

// ---------------------------------------------------------------------------------------
// Applying to one vacancy of a feed
// ---------------------------------------------------------------------------------------

/// The CV tailored to one vacancy: the PDF (a `Uint8Array` in JS), its pages, and what
/// moved or was left out and why.
#[derive(Debug, Serialize)]
pub struct TailoredPdf {
    /// The PDF.
    #[serde(skip)]
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// What changed (`path`, `item`, `from`, `to`, `why`).
    pub changes: Vec<sportello::apply::Change>,
}

#[wasm_bindgen]
impl Engine {
    /// The profile (JSON text) as a CV for vacancy `vacancy_id` of `feed`: skills, jobs and
    /// highlights in the order of what it asks; with `max_pages`, the fewest unrelated
    /// items left out to fit. `{pdf, pages, changes}`; the reasons in `lang`.
    #[wasm_bindgen(js_name = tailoredPdf)]
    #[allow(clippy::too_many_arguments)]
    pub fn tailored_pdf_js(
        &self,
        profile_json: &str,
        feed: &Feed,
        vacancy_id: &str,
        today: &str,
        template: Option<String>,
        lang: Option<String>,
        max_pages: Option<usize>,
    ) -> Result<JsValue, JsValue> {
        let t = self.tailored_pdf(profile_json, feed, vacancy_id, today, template, lang.as_deref(), max_pages)?;
        let obj = to_js(&t)?;
        js_sys::Reflect::set(&obj, &"pdf".into(), &js_sys::Uint8Array::from(&t.pdf[..]))?;
        Ok(obj)
    }

    /// A one-page cover letter (PDF) from the profile (JSON text) for vacancy
    /// `vacancy_id` of `feed`, in `lang`: drafted from the match, or the person's own
    /// paragraphs (`cover_letters`).
    #[wasm_bindgen(js_name = coverLetterPdf)]
    pub fn cover_letter_pdf_js(
        &self,
        profile_json: &str,
        feed: &Feed,
        vacancy_id: &str,
        today: &str,
        lang: Option<String>,
    ) -> Result<Vec<u8>, JsValue> {
        Ok(self.cover_letter_pdf(profile_json, feed, vacancy_id, today, lang.as_deref())?)
    }
}

impl Engine {
    /// The profile, the vacancy and the match, for [`Engine::tailored_pdf`] and
    /// [`Engine::cover_letter_pdf`].
    fn applying<'f>(
        &self,
        json: &str,
        feed: &'f Feed,
        id: &str,
        today: &str,
    ) -> Res<(Profile, &'f sportello::model::Vacancy, sportello::matching::MatchResult, PartialDate)> {
        let today = parse_today(Some(today))?
            .ok_or_else(|| JsError::new("date", "today's date is missing", Some("pass today's date as 2026-11-23")))?;
        let (profile, _) = read_profile(json, Some(today), self.messages)?;
        let matcher = Matcher::embedded(today);
        let (v, m) = feed.0.score(&matcher, &matcher.prepare_profile("me", &profile), id).ok_or_else(|| {
            let says = self.messages.pick("nel feed non c'è l'offerta", "the feed has no vacancy");
            JsError::new("vacancy", format!("{says} {id:?}"), None)
        })?;
        Ok((profile, v, m, today))
    }

    /// The tailored CV (see [`Engine::tailored_pdf_js`]).
    #[allow(clippy::too_many_arguments)]
    pub fn tailored_pdf(
        &self,
        json: &str,
        feed: &Feed,
        id: &str,
        today: &str,
        template: Option<String>,
        lang: Option<&str>,
        max_pages: Option<usize>,
    ) -> Res<TailoredPdf> {
        let words = lang_of(lang)?;
        if max_pages == Some(0) {
            return Err(JsError::new("pages", words.pick("il limite di pagine è almeno 1", "the page limit is at least 1"), None));
        }
        let (profile, v, m, today) = self.applying(json, feed, id, today)?;
        let req =
            RenderRequest { template, lang: Some(words.as_str().to_owned()), today: Some(today), ..RenderRequest::pdf("europass", "it") };
        let (t, out) = sportello::apply::tailored_cv(&self.renderer, &profile, v, &m, &req, max_pages, words)?;
        Ok(TailoredPdf { pdf: out.files.concat(), pages: out.pages, changes: t.changes })
    }

    /// The cover letter (see [`Engine::cover_letter_pdf_js`]).
    pub fn cover_letter_pdf(&self, json: &str, feed: &Feed, id: &str, today: &str, lang: Option<&str>) -> Res<Vec<u8>> {
        let words = lang_of(lang)?;
        let (profile, v, m, today) = self.applying(json, feed, id, today)?;
        let letter = sportello::apply::cover_letter(&profile, v, &m, today, words);
        let req = RenderRequest { today: Some(today), ..RenderRequest::pdf("", words.as_str()) };
        Ok(self.renderer.render_outreach(&letter.document(&profile, words), &req)?.files.concat())
    }
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const FEED: &str = include_str!("../../tests/fixtures/vacancies.jsonl");
    const TODAY: &str = "2026-11-23";

    fn giulia() -> String {
        let yaml = include_str!("../../tests/fixtures/profiles/giulia-tirocinio.yaml");
        let p = load_profile(yaml.as_bytes(), Format::Yaml, None).unwrap().value;
        serde_json::to_string(&p).unwrap()
    }

    #[test]
    fn reports_problems_with_paths() {
        let v = validate_impl("person: {given_name: A}", None, Some("en"));
        assert!(!v.ok);
        assert_eq!((v.problems[0].path.as_str(), v.problems[0].message.as_str()), ("person.family_name", "is missing (expected a value)"));
        let v = validate_impl("person: {given_name: A}", None, None);
        assert_eq!(v.problems[0].message, "manca (serve un valore)", "Italian by default, worded by the core");
        let v = validate_impl("{\"person\": ", None, None);
        assert_eq!(v.error.unwrap().kind, "syntax");
        assert!(validate_impl(&giulia(), Some(TODAY), None).ok);
        assert_eq!(validate_impl(&giulia(), None, Some("fr")).error.unwrap().kind, "language");
    }

    #[test]
    fn feed_scores_with_reasons_in_both_languages() {
        let feed = Feed::parse(FEED).unwrap();
        assert_eq!(feed.length(), 12);
        assert!(feed.problem_list().is_empty());
        let it = feed.matches(&giulia(), TODAY, Some("it"), 5, false).unwrap();
        assert!(!it.is_empty() && it.len() <= 5);
        assert!(it.windows(2).all(|w| w[0].result.score >= w[1].result.score));
        assert!(it.iter().all(|m| !m.result.excluded && m.vacancy.id == m.result.vacancy_id));
        assert!(it[0].explanation.parts.iter().any(|p| p.label == "competenze essenziali"));
        let en = feed.matches(&giulia(), TODAY, Some("en"), 50, true).unwrap();
        assert_eq!(en.len(), 12);
        assert!(en.iter().any(|m| m.explanation.exclusions.iter().any(|e| e.contains("expired"))));
        assert_eq!(feed.matches(&giulia(), TODAY, Some("fr"), 5, false).err().unwrap().kind, "language");
    }

    #[test]
    fn bad_feeds_are_refused_or_reported() {
        assert_eq!(Feed::parse("[{\"id\": 1,").err().unwrap().kind, "syntax");
        assert_eq!(Feed::parse("hello").err().unwrap().kind, "syntax");
        let feed = Feed::parse(r#"[{"id": "x", "title": "T", "essential_skills": "nope"}]"#).unwrap();
        assert_eq!(feed.length(), 0);
        assert_eq!(feed.problem_list()[0].id.as_deref(), Some("x"));
    }

    #[test]
    fn feed_limits_come_from_the_core() {
        let items = |n: usize| format!("[{}]", vec!["{}"; n].join(","));
        let beyond = Feed::parse(&items(sportello::limits::MAX_IMPORT_ROWS + 1)).err().unwrap();
        assert_eq!((beyond.kind.as_str(), beyond.message.contains("20001 entries")), ("too_large", true));
    }

    #[test]
    fn search_options_are_checked_by_the_core() {
        let skills = |limit, lang, min| search_impl(ConceptKind::Skill, "muletto", limit, lang, min);
        assert_eq!(skills(None, Some("fr"), None).err().unwrap().kind, "language");
        assert_eq!(skills(Some(5), None, Some(1.5)).err().unwrap().kind, "option");
        assert_eq!(skills(Some(51), None, None).err().unwrap().kind, "option");
        let jobs = search_impl(ConceptKind::Occupation, "magazziniere", None, None, None).unwrap();
        assert_eq!(jobs[0].preferred_label_lang, "it");
    }

    /// The handing-in itself runs in the browser tests (the module has no embedded copy;
    /// damaged files are the core's tests); here, with the embedded copy, the checks.
    #[test]
    fn reference_data_is_checked_before_it_is_taken() {
        let d = reference_data::embedded().unwrap();
        let load = |pack: &[u8], labels: &[u8]| {
            load_reference_data_impl(pack, labels, d.it_synonyms.as_bytes(), d.core_skills.as_bytes(), d.comuni_csv_gz).unwrap_err()
        };
        let e = load(d.esco_pack, b"\xff\xfe");
        assert_eq!((e.kind.as_str(), e.message.as_str()), ("data_file", "esco-it-sportello.tsv is not UTF-8 text"));
        assert!(load(d.esco_pack, d.it_labels.as_bytes()).message.contains("embeds"));
        assert!(reference_data_loaded());
    }

    #[test]
    fn errors_carry_kind_and_problems() {
        let feed = Feed::parse(FEED).unwrap();
        let e = feed.matches("{\"person\": {\"given_name\": \"A\"}}", TODAY, None, 5, false).err().unwrap();
        assert_eq!(e.kind, "invalid");
        assert_eq!(e.problems[0].path, "person.family_name");
        assert_eq!(feed.matches(&giulia(), "yesterday", None, 5, false).err().unwrap().kind, "date");
    }

    #[test]
    fn imports_yaml_and_json_profiles() {
        let yaml = include_str!("../../tests/fixtures/profiles/giulia-tirocinio.yaml");
        assert_eq!(read_profile_impl(yaml, Some(TODAY), None).unwrap().profile.person.given_name, "Giulia");
        let e = read_profile_impl("{\"person\": {\"given_name\": \"A\", \"email\": \"x\"}}", None, Some("it")).err().unwrap();
        assert_eq!(e.kind, "invalid");
        assert!(e.problems.iter().any(|p| p.message.contains("non è un indirizzo e-mail")), "{:?}", e.problems);
        assert_eq!(read_profile_impl("[1,", None, None).err().unwrap().kind, "syntax");
    }

    #[test]
    fn places_are_found_by_name_or_code_with_the_cores_limits() {
        assert_eq!(search_places_impl("Trecate", Some(3)).unwrap()[0].istat, "003149");
        assert_eq!(search_places_impl("003149", None).unwrap()[0].name, "Trecate (NO)");
        assert!(search_places_impl("xqzxqz", None).unwrap().is_empty());
        assert_eq!(search_places_impl("Trecate", Some(51)).err().unwrap().kind, "option");
    }

    #[test]
    fn a_cv_and_a_letter_for_one_vacancy_of_the_feed() {
        let engine = Engine::with_font_files(typst_assets::fonts().map(<[u8]>::to_vec).collect()).unwrap();
        let feed = Feed::parse(FEED).unwrap();
        let sara = include_str!("../../tests/fixtures/profiles/sara-cuoca.json");
        let t = engine.tailored_pdf(sara, &feed, "nov-04", TODAY, None, Some("it"), None).unwrap();
        assert!(t.pdf.starts_with(b"%PDF-") && t.pages >= 1);
        assert!(!t.changes.is_empty() && t.changes.iter().all(|c| !c.why.is_empty()));
        let letter = engine.cover_letter_pdf(sara, &feed, "nov-04", TODAY, Some("en")).unwrap();
        assert!(letter.starts_with(b"%PDF-"));
        let missing = engine.cover_letter_pdf(sara, &feed, "nov-99", TODAY, None).unwrap_err();
        assert_eq!((missing.kind.as_str(), missing.message.as_str()), ("vacancy", "nel feed non c'è l'offerta \"nov-99\""));
        assert_eq!(engine.tailored_pdf(sara, &feed, "nov-04", TODAY, None, None, Some(0)).unwrap_err().kind, "pages");
        assert_eq!(engine.tailored_pdf("{}", &feed, "nov-04", TODAY, None, None, None).unwrap_err().kind, "invalid");
    }

    #[test]
    fn svg_pages_with_glyphs_in_place_are_typsts_pages_converted() {
        let engine = Engine::with_font_files(typst_assets::fonts().map(<[u8]>::to_vec).collect()).unwrap();
        let sara = include_str!("../../tests/fixtures/profiles/sara-cuoca.json");
        let svg = engine.svg(sara, None, None, Some(TODAY), None, false).unwrap();
        let preview = engine.svg(sara, None, None, Some(TODAY), None, true).unwrap();
        assert_eq!(preview.pages.len(), svg.pages.len());
        assert_eq!(preview.warnings, svg.warnings);
        for (p, s) in preview.pages.iter().zip(&svg.pages) {
            assert!(s.contains("<use ") && !p.contains("<use "));
            assert_eq!(*p, svg_preview::glyphs_in_place(s));
        }
    }
}
