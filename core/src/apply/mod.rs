//! Applying to one vacancy: what a jobseeker sends with their CV.
//!
//! [`cover_letter`] drafts a one-page cover letter from the profile and the matcher's
//! evidence for the vacancy. There is no generative model: each paragraph is one of a few
//! fixed templates filled from named fields (the vacancy's title, the person's own words
//! for the skills that matched, the job that counts, the distance, the availability), and
//! says which template and which fields it came from. The person can replace every
//! paragraph with their own (the profile's `cover_letters`), which are printed as they are.
//! The letter is laid out by the outreach letter template (`templates/outreach/letter.typ`).
//!
//! [`tailor`] orders the CV for the vacancy (skills, jobs, highlights), and with a page
//! limit leaves out what is unrelated ([`tailored_cv`] renders it to fit); it never adds or
//! rewords a word, and lists each change with its reason.

mod cover_letter;
mod tailor;

pub use cover_letter::{CoverLetter, Paragraph, cover_letter};
pub use tailor::{Change, Tailored, tailor};

use crate::error::Result;
use crate::model::{Profile, Vacancy};
use crate::render::{RenderRequest, Rendered, Renderer};

/// Renders `profile` tailored to `v` by the match `m`; with `max_pages`, leaves out the
/// fewest unrelated items (least related first) that make the CV fit, or none when even
/// leaving out all of them would not. Returns the tailoring (with every change) and the
/// render.
pub fn tailored_cv(
    renderer: &Renderer,
    profile: &Profile,
    v: &Vacancy,
    m: &crate::matching::MatchResult,
    req: &RenderRequest,
    max_pages: Option<usize>,
    lang: crate::lang::Lang,
) -> Result<(Tailored, Rendered)> {
    let base = tailor(profile, v, m, lang);
    let out = renderer.render(&base.profile, req)?;
    let Some(max) = max_pages.filter(|max| out.pages > *max) else { return Ok((base, out)) };
    let without = |k: usize| {
        let mut t = base.clone();
        for _ in 0..k {
            t.leave_out_one(profile, max, lang);
        }
        t
    };
    // Leaving out more never adds a page: search the fewest that fit.
    let all = without(base.spare());
    let fits_all = renderer.render(&all.profile, req)?;
    if fits_all.pages > max {
        return Ok((base, out));
    }
    let (mut lo, mut hi, mut best) = (0, base.spare(), (all, fits_all));
    while lo + 1 < hi {
        let mid = (lo + hi) / 2;
        let t = without(mid);
        let r = renderer.render(&t.profile, req)?;
        if r.pages <= max {
            hi = mid;
            best = (t, r);
        } else {
            lo = mid;
        }
    }
    Ok(best)
}
