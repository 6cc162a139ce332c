//! Applying to one vacancy: what a jobseeker sends with their CV.
//!
//! [`cover_letter`] drafts a one-page cover letter from the profile and the matcher's
//! evidence for the vacancy. There is no generative model: each paragraph is one of a few
//! fixed templates filled from named fields (the vacancy's title, the person's own words
//! for the skills that matched, the job that counts, the distance, the availability), and
//! says which template and which fields it came from. The person can replace every
//! paragraph with their own (the profile's `cover_letters`), which are printed as they are.
//! The letter is laid out by the outreach letter template (`templates/outreach/letter.typ`).

mod cover_letter;

pub use cover_letter::{CoverLetter, Paragraph, cover_letter};
