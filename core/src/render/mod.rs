//! CV rendering through Typst used as a library.
//!
//! A [`Renderer`] holds what is costly and shared (the Typst standard library, the bundled
//! fonts, the parsed template sources) and renders any number of CVs. Each render builds
//! the view of the profile ([`view`]: privacy filtering, dates per locale), hands it to the
//! template as the virtual file `/data.json`, compiles, and exports PDF, SVG or PNG. User
//! text reaches Typst only as JSON data, so no field can inject markup.
//!
//! ```no_run
//! use sportello::render::{Renderer, RenderRequest};
//! # let profile: sportello::model::Profile = todo!();
//! let renderer = Renderer::new(); // or Renderer::with_fonts(font_files) to choose the fonts
//! let out = renderer.render(&profile, &RenderRequest::pdf("europass", "it")).unwrap();
//! std::fs::write("cv.pdf", &out.files[0]).unwrap();
//! ```

mod locale;
pub mod svg_preview;
mod template_dir;
mod text;
pub mod view;
mod world;

use std::collections::BTreeMap;

use typst::WorldExt;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::FileId;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use locale::Locale;
pub use template_dir::{TEMPLATE_FILE_EXTENSIONS, read_template_dir};

use crate::error::{Error, Result};
use crate::model::{CvOptions, PartialDate, Profile};
use world::{RenderWorld, Shared, file_id};

pub use crate::limits::{MAX_PAGES, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS};

/// The shared Typst library file every template may import as `/lib/common.typ`.
const LIB_COMMON: &str = include_str!("../../../templates/lib/common.typ");

/// The templates shipped, as (name, description, main.typ).
const EMBEDDED: &[(&str, &str, &str)] = &[
    (
        "europass",
        "the layout Italian employers and public competitions expect, with the CEFR language grid",
        include_str!("../../../templates/europass/main.typ"),
    ),
    ("modern", "a clean one-column design with an accent colour", include_str!("../../../templates/modern/main.typ")),
    ("plain", "maximally ATS-friendly: one column, no tables, text in reading order", include_str!("../../../templates/plain/main.typ")),
];

/// The documents other than CVs (desk exports, reports, outreach), as (name, main.typ): rendered
/// with [`Renderer::render_document`] from data the caller words.
const DOCUMENTS: &[(&str, &str)] = &[
    ("access-request", include_str!("../../../templates/desk/access-request.typ")),
    ("report", include_str!("../../../templates/desk/report.typ")),
    ("report-charts", include_str!("../../../templates/desk/report-charts.typ")),
    ("poster", include_str!("../../../templates/outreach/poster.typ")),
    ("bulletin", include_str!("../../../templates/outreach/bulletin.typ")),
    ("letter", include_str!("../../../templates/outreach/letter.typ")),
    ("shortlist", include_str!("../../../templates/outreach/shortlist.typ")),
    ("attendance", include_str!("../../../templates/outreach/attendance.typ")),
];

/// The libraries those documents import, as (virtual path, source).
const DOCUMENT_LIBS: &[(&str, &str)] = &[
    ("/documents/lib/charts.typ", include_str!("../../../templates/desk/lib/charts.typ")),
    ("/documents/lib/outreach.typ", include_str!("../../../templates/outreach/lib/outreach.typ")),
];

/// The most pages a document other than a CV may have.
pub const MAX_DOCUMENT_PAGES: usize = 200;

/// Where the files of a render go: `target` for one file; `cv-1.svg`, `cv-2.svg`... beside
/// it for one file per page (the command line's `-o` and Python's `out=`).
pub fn page_files(target: &std::path::Path, n: usize) -> Vec<std::path::PathBuf> {
    if n <= 1 {
        return vec![target.to_path_buf()];
    }
    let stem = target.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let ext = target.extension().map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
    (1..=n).map(|i| target.with_file_name(format!("{stem}-{i}{ext}"))).collect()
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One PDF file.
    Pdf,
    /// One SVG file per page.
    Svg,
    /// One PNG file per page (with the `render-png` feature; otherwise an error).
    Png,
    /// The plain text, line by line in reading order (what an applicant tracking system
    /// reads).
    Text,
}

wire_names!(OutputFormat, "an output format", { Pdf => "pdf", Svg => "svg", Png => "png", Text => "text" }, aliases { "txt" => Text });

/// PDF conformance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfConformance {
    /// Tagged PDF (structure, title, language): always on.
    #[default]
    Tagged,
    /// PDF/UA-1 (accessibility), enforced by Typst.
    Ua1,
    /// PDF/A-2b (archiving).
    A2b,
}

wire_names!(PdfConformance, "a PDF standard", { Tagged => "tagged", Ua1 => "ua-1", A2b => "a-2b" }, aliases { "ua1" => Ua1, "a2b" => A2b });

/// What to render and how.
#[derive(Debug, Clone)]
pub struct RenderRequest {
    /// Template name; `None` takes the profile's choice, else `europass`.
    pub template: Option<String>,
    /// Locale; `None` takes the profile's `render.lang`, then its `lang`, else `it`.
    pub lang: Option<String>,
    /// Output format.
    pub format: OutputFormat,
    /// Pixels per inch for PNG.
    pub dpi: f32,
    /// PDF conformance.
    pub pdf: PdfConformance,
    /// Options that override the profile's `render` block.
    pub overrides: CvOptions,
    /// The photo's bytes (JPEG or PNG), read by the caller.
    pub photo: Option<Vec<u8>>,
    /// "Today", for the signature line and PDF metadata; the library never reads the clock.
    pub today: Option<PartialDate>,
}

impl RenderRequest {
    /// A PDF request for a template and locale.
    pub fn pdf(template: &str, lang: &str) -> Self {
        Self {
            template: Some(template.into()),
            lang: Some(lang.into()),
            format: OutputFormat::Pdf,
            dpi: 144.0,
            pdf: PdfConformance::Tagged,
            overrides: CvOptions::default(),
            photo: None,
            today: None,
        }
    }
}

/// A rendered CV.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF, or one SVG/PNG per page.
    pub files: Vec<Vec<u8>>,
    /// Number of pages.
    pub pages: usize,
    /// Typst warnings and notes on the content (e.g. a very long field).
    pub warnings: Vec<String>,
}

/// A template's name and description, for listings.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TemplateInfo {
    /// Name to pass as `template`.
    pub name: String,
    /// One line on what it is for.
    pub description: String,
    /// Whether it ships with Sportello (else it was loaded from a folder).
    pub builtin: bool,
}

/// Renders CVs; create one and reuse it (see the module docs).
pub struct Renderer {
    shared: Shared,
    templates: BTreeMap<String, TemplateInfo>,
    locales: Vec<Locale>,
}

#[cfg(feature = "render")]
impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

/// The font families the embedded templates use: a caller of [`Renderer::with_fonts`]
/// needs font files of these families only (the browser widget ships just these).
pub const TEMPLATE_FONTS: &[&str] = &[view::DEFAULT_FONT];

impl Renderer {
    /// A renderer with the embedded templates, locales and the fonts Typst bundles
    /// (feature `render`).
    #[cfg(feature = "render")]
    pub fn new() -> Self {
        Self::from_shared(Shared::new())
    }

    /// A renderer with the embedded templates and locales and only the fonts given as
    /// font files (OpenType/TrueType bytes; a collection may hold several faces). Needs
    /// only the feature `render-engine`, so a caller that must stay small (the browser
    /// widget) ships just the families in [`TEMPLATE_FONTS`].
    ///
    /// Fails when a file is not a font, or when none of the files is of the family the
    /// templates fall back to ([`TEMPLATE_FONTS`]).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let regular = std::fs::read("LibertinusSerif-Regular.otf")?;
    /// let bold = std::fs::read("LibertinusSerif-Bold.otf")?;
    /// let renderer = sportello::render::Renderer::with_fonts(vec![regular, bold])?;
    /// assert_eq!(renderer.fonts(), ["Libertinus Serif"]);
    /// # Ok(()) }
    /// ```
    pub fn with_fonts(files: Vec<Vec<u8>>) -> Result<Self> {
        let mut fonts = Vec::new();
        for (i, data) in files.into_iter().enumerate() {
            let before = fonts.len();
            fonts.extend(typst::text::Font::iter(Bytes::new(data)));
            if fonts.len() == before {
                return Err(Error::Render { message: format!("font file {} is not an OpenType or TrueType font", i + 1), hint: None });
            }
        }
        let renderer = Self::from_shared(Shared::with_fonts(fonts));
        let families = renderer.fonts();
        if let Some(missing) = TEMPLATE_FONTS.iter().find(|f| !families.iter().any(|g| g.eq_ignore_ascii_case(f))) {
            return Err(Error::Render {
                message: format!("font {missing:?} is missing (the templates need it)"),
                hint: Some(format!("fonts given: {}", if families.is_empty() { "none".into() } else { families.join(", ") })),
            });
        }
        Ok(renderer)
    }

    fn from_shared(mut shared: Shared) -> Self {
        shared.add_source("/lib/common.typ", LIB_COMMON.to_owned());
        let mut templates = BTreeMap::new();
        for (name, description, main) in EMBEDDED {
            shared.add_source(&format!("/templates/{name}/main.typ"), (*main).to_owned());
            templates.insert((*name).to_owned(), TemplateInfo { name: (*name).into(), description: (*description).into(), builtin: true });
        }
        for (name, main) in DOCUMENTS {
            shared.add_source(&format!("/documents/{name}.typ"), (*main).to_owned());
        }
        for (path, text) in DOCUMENT_LIBS {
            shared.add_source(path, (*text).to_owned());
        }
        Self { shared, templates, locales: Locale::embedded() }
    }

    /// Renders one of the documents other than CVs (`access-request`, `report`,
    /// `report-charts`, and the outreach documents) from `data`, which
    /// the template reads as `/data.json` (see `templates/desk/`). Format, PDF standard,
    /// resolution and "today" come from `req`; its template, locale and CV options are not
    /// used.
    pub fn render_document(&self, name: &str, data: &serde_json::Value, req: &RenderRequest) -> Result<Rendered> {
        self.render_document_with(name, data, &[], req)
    }

    /// Lays out an outreach document (a poster, a bulletin, letters, a recruiting day's
    /// lists: see [`crate::outreach`]) with its images.
    pub fn render_outreach(&self, doc: &crate::outreach::Document, req: &RenderRequest) -> Result<Rendered> {
        self.render_document_with(doc.template, &doc.data, &doc.assets, req)
    }

    /// [`Renderer::render_document`] with files beside `/data.json` (images the data points
    /// at, each with its virtual path: `/assets/qr.svg`).
    fn render_document_with(
        &self,
        name: &str,
        data: &serde_json::Value,
        assets: &[(String, Vec<u8>)],
        req: &RenderRequest,
    ) -> Result<Rendered> {
        if !DOCUMENTS.iter().any(|(n, _)| *n == name) {
            return Err(Error::UnknownTemplate {
                name: name.to_owned(),
                available: DOCUMENTS.iter().map(|(n, _)| (*n).to_owned()).collect(),
            });
        }
        let bytes = serde_json::to_vec(data).map_err(|e| internal(&e.to_string()))?;
        let mut files = vec![(file_id("/data.json").ok_or_else(|| internal("data path"))?, Bytes::new(bytes))];
        for (path, content) in assets {
            files.push((file_id(path).ok_or_else(|| internal("asset path"))?, Bytes::new(content.clone())));
        }
        let main = file_id(&format!("/documents/{name}.typ")).ok_or_else(|| internal("document path"))?;
        let (doc, warnings) = self.compile(main, files, req.today)?;
        let pages = doc.pages().len();
        if pages > MAX_DOCUMENT_PAGES {
            return Err(Error::Render {
                message: format!("the document has {pages} pages (expected at most {MAX_DOCUMENT_PAGES})"),
                hint: None,
            });
        }
        Ok(Rendered { files: self.output(&doc, req)?, pages, warnings })
    }

    /// Adds the user template in folder `dir` (see [`read_template_dir`]).
    pub fn add_template_dir(&mut self, name: &str, description: &str, dir: &std::path::Path) -> Result<()> {
        self.add_template(name, description, &read_template_dir(dir)?)
    }

    /// Adds a user template: `files` maps paths relative to the template folder (e.g.
    /// `main.typ`, `parts/header.typ`) to their text. It must have a `main.typ`.
    pub fn add_template(&mut self, name: &str, description: &str, files: &BTreeMap<String, String>) -> Result<()> {
        if !files.contains_key("main.typ") {
            return Err(Error::Render {
                message: format!("template {name:?} has no main.typ"),
                hint: Some("a template folder needs a main.typ file".into()),
            });
        }
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Err(Error::Render {
                message: format!("{name:?} is not a template name (expected letters, digits, '-' or '_')"),
                hint: None,
            });
        }
        for (path, text) in files {
            self.shared
                .add_source(&format!("/templates/{name}/{path}"), text.clone())
                .ok_or_else(|| Error::Render { message: format!("{path:?} is not a usable file path in template {name:?}"), hint: None })?;
        }
        self.templates.insert(name.to_owned(), TemplateInfo { name: name.into(), description: description.into(), builtin: false });
        Ok(())
    }

    /// The templates available.
    pub fn templates(&self) -> impl Iterator<Item = &TemplateInfo> {
        self.templates.values()
    }

    /// The locales available.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.locales.iter().map(|l| l.code.as_str())
    }

    /// The font families templates can use.
    pub fn fonts(&self) -> Vec<String> {
        self.shared.families()
    }

    /// Renders a profile.
    pub fn render(&self, profile: &Profile, req: &RenderRequest) -> Result<Rendered> {
        if !(req.dpi.is_finite() && crate::limits::DPI_RANGE.contains(&req.dpi)) {
            return Err(Error::InvalidOption { name: "dpi", value: req.dpi.to_string(), expected: "18 to 1200" });
        }
        let from_profile = profile.render.as_ref();
        let template = req.template.clone().or_else(|| from_profile.and_then(|o| o.template.clone())).unwrap_or_else(|| "europass".into());
        if !self.templates.contains_key(&template) {
            return Err(Error::UnknownTemplate { name: template, available: self.templates.keys().cloned().collect() });
        }
        let lang = req
            .lang
            .clone()
            .or_else(|| from_profile.and_then(|o| o.lang.clone()))
            .or_else(|| profile.lang.clone())
            .unwrap_or_else(|| "it".into());
        let locale = self
            .locales
            .iter()
            .find(|l| l.code == lang)
            .ok_or_else(|| Error::UnknownLocale { name: lang.clone(), available: self.locales.iter().map(|l| l.code.clone()).collect() })?;
        let opts = view::Effective::merge(from_profile, &req.overrides);
        check_colour(&opts.accent)?;
        if !self.shared.families().iter().any(|f| f.eq_ignore_ascii_case(&opts.font)) {
            return Err(Error::Render {
                message: format!("font {:?} is not available", opts.font),
                hint: Some(format!("available fonts: {}", self.shared.families().join(", "))),
            });
        }

        let mut files = Vec::new();
        let photo_path = match &req.photo {
            Some(bytes) => {
                let ext = photo_kind(bytes)?;
                let path = format!("/photo.{ext}");
                files.push((file_id(&path).ok_or_else(|| internal("photo path"))?, Bytes::new(bytes.clone())));
                Some(path)
            }
            None => None,
        };
        let today_text = req.today.map(|d| locale.date(d)).unwrap_or_default();
        let view = view::build(profile, &opts, locale, photo_path.as_deref(), &today_text);
        let data = serde_json::to_vec(&view).map_err(|e| internal(&e.to_string()))?;
        files.push((file_id("/data.json").ok_or_else(|| internal("data path"))?, Bytes::new(data)));
        let main = file_id(&format!("/templates/{template}/main.typ")).ok_or_else(|| internal("template path"))?;
        let (doc, mut notes) = self.compile(main, files, req.today)?;
        let pages = doc.pages().len();
        if pages > MAX_PAGES {
            return Err(Error::Render {
                message: format!("the CV has {pages} pages (expected at most {MAX_PAGES})"),
                hint: Some("shorten the descriptions".into()),
            });
        }
        if pages > 2 {
            notes.push(format!("the CV has {pages} pages; job desks recommend one or two"));
        }
        let out = self.output(&doc, req)?;
        Ok(Rendered { files: out, pages, warnings: notes })
    }

    /// Compiles `main` with this render's data files; Typst's warnings worded.
    fn compile(&self, main: FileId, files: Vec<(FileId, Bytes)>, today: Option<PartialDate>) -> Result<(PagedDocument, Vec<String>)> {
        let today = today.and_then(|d| Datetime::from_ymd(i32::from(d.get_year()), d.get_month().unwrap_or(1), d.get_day().unwrap_or(1)));
        let world = RenderWorld { shared: &self.shared, main, files, today };
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        // Keep the memoisation cache from growing without bound over many renders.
        typst::comemo::evict(10);
        let notes: Vec<String> = warnings.iter().map(|w| self.describe(&world, w)).collect();
        let doc = output.map_err(|errors| {
            let first = errors.first().map(|e| self.describe(&world, e)).unwrap_or_else(|| "unknown error".into());
            let hint = errors.first().and_then(|e| e.hints.first().map(|h| h.v.to_string()));
            Error::Template { message: first, hint }
        })?;
        Ok((doc, notes))
    }

    /// A compiled document in the format asked for.
    fn output(&self, doc: &PagedDocument, req: &RenderRequest) -> Result<Vec<Vec<u8>>> {
        Ok(match req.format {
            OutputFormat::Pdf => vec![self.pdf(doc, req.pdf, req.today)?],
            OutputFormat::Svg => doc.pages().iter().map(|p| typst_svg::svg(p, &typst_svg::SvgOptions::default()).into_bytes()).collect(),
            OutputFormat::Png => png_pages(doc, req.dpi)?,
            OutputFormat::Text => vec![text::extract(doc).into_bytes()],
        })
    }

    /// Renders many profiles with the same request, on all cores (native targets);
    /// results in the order of `profiles`.
    pub fn render_many(&self, profiles: &[Profile], req: &RenderRequest) -> Vec<Result<Rendered>> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            use rayon::prelude::*;
            profiles.par_iter().map(|p| self.render(p, req)).collect()
        }
        #[cfg(target_arch = "wasm32")]
        {
            profiles.iter().map(|p| self.render(p, req)).collect()
        }
    }

    fn pdf(&self, doc: &PagedDocument, conformance: PdfConformance, today: Option<PartialDate>) -> Result<Vec<u8>> {
        let standards = match conformance {
            PdfConformance::Tagged => PdfStandards::default(),
            PdfConformance::Ua1 => PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| internal(e.message()))?,
            PdfConformance::A2b => PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| internal(e.message()))?,
        };
        let timestamp = today
            .and_then(|d| Datetime::from_ymd_hms(i32::from(d.get_year()), d.get_month().unwrap_or(1), d.get_day().unwrap_or(1), 0, 0, 0))
            .map(Timestamp::new_utc);
        let options = PdfOptions {
            ident: Smart::Custom("sportello-cv".into()),
            creator: Smart::Custom(Some("Sportello".into())),
            timestamp,
            standards,
            ..PdfOptions::default()
        };
        typst_pdf::pdf(doc, &options).map_err(|errors| Error::Render {
            message: errors.first().map(|e| e.message.to_string()).unwrap_or_default(),
            hint: errors.first().and_then(|e| e.hints.first().map(|h| h.v.to_string())),
        })
    }

    /// "file:line:column: message" for a Typst diagnostic.
    fn describe(&self, world: &RenderWorld<'_>, d: &SourceDiagnostic) -> String {
        let location = d.span.id().and_then(|id| {
            let range = world.range(d.span)?;
            let source = self.shared.source(id)?;
            let (line, col) = source.lines().byte_to_line_column(range.start)?;
            let path = id.vpath().get_with_slash().to_owned();
            let path = path.strip_prefix("/templates/").unwrap_or(&path).to_owned();
            Some(format!("{path}:{}:{}", line + 1, col + 1))
        });
        match location {
            Some(l) => format!("{l}: {}", d.message),
            None => d.message.to_string(),
        }
    }
}

fn internal(what: &str) -> Error {
    Error::Render { message: format!("internal error: {what}"), hint: Some("please report this".into()) }
}

fn check_colour(c: &str) -> Result<()> {
    let ok = c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if ok {
        Ok(())
    } else {
        Err(Error::Render { message: format!("{c:?} is not a colour (expected #rrggbb, e.g. \"#1f5f7a\")"), hint: None })
    }
}

/// Raster pages (the `render-png` feature; the browser widget leaves it out, Typst's
/// rasteriser is a large part of its code).
#[cfg(feature = "render-png")]
fn png_pages(doc: &PagedDocument, dpi: f32) -> Result<Vec<Vec<u8>>> {
    let opts = typst_render::RenderOptions { pixel_per_pt: typst::utils::Scalar::new(f64::from(dpi) / 72.0), ..Default::default() };
    doc.pages().iter().map(|p| typst_render::render(p, &opts).encode_png().map_err(|e| internal(&e.to_string()))).collect()
}

#[cfg(not(feature = "render-png"))]
fn png_pages(_: &PagedDocument, _: f32) -> Result<Vec<Vec<u8>>> {
    Err(Error::Render { message: "PNG output is not part of this build".into(), hint: Some("render to PDF or SVG".into()) })
}

/// "jpg" or "png" after checking the bytes, size and dimensions.
fn photo_kind(bytes: &[u8]) -> Result<&'static str> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(Error::TooLarge { what: "the photo".into(), size: bytes.len(), limit: MAX_PHOTO_BYTES });
    }
    let (ext, dims) = if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        ("png", png_size(bytes))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        ("jpg", jpeg_size(bytes))
    } else {
        return Err(Error::Photo { message: "the photo is not a JPEG or PNG image".into() });
    };
    match dims {
        Some((w, h)) if w.max(h) <= MAX_PHOTO_PIXELS && w > 0 && h > 0 => Ok(ext),
        Some((w, h)) => {
            Err(Error::Photo { message: format!("the photo is {w}x{h} pixels (expected at most {MAX_PHOTO_PIXELS} per side)") })
        }
        None => Err(Error::Photo { message: format!("the photo looks like a {} but its header is broken", ext.to_uppercase()) }),
    }
}

fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
            let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
            return Some((w, h));
        }
        i += 2 + len;
    }
    None
}

#[cfg(all(test, feature = "render"))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The bundled font files of one family (the test takes them from typst-assets).
    fn files_of(family: &str) -> Vec<Vec<u8>> {
        typst_assets::fonts()
            .filter(|data| typst::text::Font::iter(Bytes::new(*data)).any(|f| f.info().family == family))
            .map(<[u8]>::to_vec)
            .collect()
    }

    #[test]
    fn with_fonts_loads_only_the_fonts_given() {
        let r = Renderer::with_fonts(files_of("Libertinus Serif")).unwrap();
        assert_eq!(r.fonts(), ["Libertinus Serif"]);
        let yaml = "person: {given_name: Maria, family_name: Rossi}\nskills: [{label: pulizia}]\n";
        let profile = crate::load::load_profile(yaml.as_bytes(), crate::load::Format::Yaml, None).unwrap().value;
        let mut req = RenderRequest::pdf("modern", "it");
        req.format = OutputFormat::Text;
        let out = r.render(&profile, &req).unwrap();
        assert!(String::from_utf8_lossy(&out.files[0]).contains("Maria Rossi"));
    }

    #[test]
    fn with_fonts_refuses_non_fonts_and_a_missing_template_font() {
        let e = Renderer::with_fonts(vec![b"not a font".to_vec()]).err().unwrap();
        assert_eq!(e.to_string(), "font file 1 is not an OpenType or TrueType font");
        let e = Renderer::with_fonts(files_of("DejaVu Sans Mono")).err().unwrap();
        assert!(e.to_string().contains("\"Libertinus Serif\" is missing"), "{e}");
        assert!(Renderer::with_fonts(Vec::new()).is_err());
    }
}

#[cfg(test)]
mod names {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn page_files_are_numbered_beside_the_target() {
        let one = page_files(std::path::Path::new("out/cv.svg"), 1);
        assert_eq!(one, [std::path::PathBuf::from("out/cv.svg")]);
        let two = page_files(std::path::Path::new("out/cv.svg"), 2);
        assert_eq!(two, [std::path::PathBuf::from("out/cv-1.svg"), std::path::PathBuf::from("out/cv-2.svg")]);
    }

    #[test]
    fn format_and_standard_names_with_their_older_spellings() {
        for f in OutputFormat::ALL {
            assert_eq!(f.as_str().parse::<OutputFormat>().unwrap(), *f);
        }
        for c in PdfConformance::ALL {
            assert_eq!(c.as_str().parse::<PdfConformance>().unwrap(), *c);
        }
        assert_eq!("txt".parse::<OutputFormat>().unwrap(), OutputFormat::Text);
        assert_eq!(
            ("ua1".parse::<PdfConformance>().unwrap(), "a2b".parse::<PdfConformance>().unwrap()),
            (PdfConformance::Ua1, PdfConformance::A2b)
        );
        let e = "docx".parse::<OutputFormat>().unwrap_err();
        assert_eq!(e.to_string(), "\"docx\" is not an output format (expected one of pdf, svg, png, text)");
    }
}
