//! The in-memory Typst world: embedded or user template sources parsed once, the bundled
//! fonts loaded once, and per render only the view (`/data.json`) and the photo. Nothing
//! is read from disk and nothing from the network.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// What stays the same between renders: library, fonts and parsed sources.
pub struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sources: HashMap<FileId, Source>,
}

/// The id of a virtual file, e.g. `/templates/modern/main.typ`.
pub fn file_id(path: &str) -> Option<FileId> {
    VirtualPath::new(path).ok().map(|vp| RootedPath::new(VirtualRoot::Project, vp).intern())
}

impl Shared {
    /// Loads the bundled fonts and the standard library.
    #[cfg(feature = "render")]
    pub fn new() -> Self {
        Self::with_fonts(typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect())
    }

    /// The standard library with the given fonts.
    pub fn with_fonts(fonts: Vec<Font>) -> Self {
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            sources: HashMap::new(),
        }
    }

    /// Adds (or replaces) a source file at a virtual path.
    pub fn add_source(&mut self, path: &str, text: String) -> Option<FileId> {
        let id = file_id(path)?;
        self.sources.insert(id, Source::new(id, text));
        Some(id)
    }

    /// The font families available, sorted.
    pub fn families(&self) -> Vec<String> {
        let mut f: Vec<String> = self.book.families().map(|(name, _)| name.to_owned()).collect();
        f.dedup();
        f
    }

    /// The source at `id`, for error locations.
    pub fn source(&self, id: FileId) -> Option<&Source> {
        self.sources.get(&id)
    }
}

/// One render: the shared parts plus this CV's data.
pub struct RenderWorld<'a> {
    /// Library, fonts, sources.
    pub shared: &'a Shared,
    /// The template's `main.typ`.
    pub main: FileId,
    /// Data files of this render (`/data.json`, the photo).
    pub files: Vec<(FileId, Bytes)>,
    /// "Today" for `datetime.today()`.
    pub today: Option<Datetime>,
}

impl World for RenderWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.shared.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some((_, b)) = self.files.iter().find(|(f, _)| *f == id) {
            return Ok(b.clone());
        }
        self.shared.sources.get(&id).map(|s| Bytes::from_string(s.text().to_owned())).ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
