//! JSON Lines feeds of any length, read from a stream a batch of lines at a time: what
//! `sportello index add` does with a `.jsonl` file, so that a million vacancies never sit
//! in memory at once. A feed read whole ([`crate::feed::read`]) is limited to
//! [`MAX_IMPORT_BYTES`](crate::limits::MAX_IMPORT_BYTES); here only each line is, to
//! [`MAX_DOCUMENT_BYTES`]. Lines are read as [`crate::feed::read`] reads them: blank lines
//! and a byte order mark are allowed, and a line that is not a usable vacancy (broken JSON,
//! not UTF-8, too long, a missing title) is left out with its line and why.

use std::io::BufRead;

use crate::error::{Error, Result};
use crate::feed::{FeedProblem, FeedVacancy, entry, line_syntax};
use crate::limits::MAX_DOCUMENT_BYTES;
use crate::model::PartialDate;

/// One non-blank line of the feed, not yet read as a vacancy.
#[derive(Debug, Clone)]
pub struct FeedLine {
    /// 0-based position among the feed's entries.
    pub index: usize,
    /// 1-based line number.
    pub line: usize,
    text: std::result::Result<String, String>,
}

impl FeedLine {
    /// The line read as a vacancy (checked as [`crate::load::load_vacancy`] checks a
    /// file; `today` enables the checks against the calendar), or left out with why.
    pub fn read(&self, today: Option<PartialDate>) -> std::result::Result<FeedVacancy, FeedProblem> {
        match &self.text {
            Ok(text) => entry(self.index, self.line, text, line_syntax(text, self.line), today),
            Err(why) => Err(FeedProblem { index: self.index, line: self.line, id: None, message: why.clone(), problems: Vec::new() }),
        }
    }
}

/// A JSON Lines feed read from `reader` a batch at a time.
pub struct JsonLines<R> {
    reader: R,
    line: usize,
    index: usize,
    bytes: u64,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonLines<R> {
    /// A feed to read from `reader`.
    pub fn new(reader: R) -> Self {
        JsonLines { reader, line: 0, index: 0, bytes: 0, buf: Vec::new() }
    }

    /// The bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// The next `n` non-blank lines (fewer at the end of the feed, none after it). Only a
    /// failure to read the stream is an error.
    pub fn next_batch(&mut self, n: usize) -> Result<Vec<FeedLine>> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let Some(line) = self.next_line()? else { break };
            out.push(line);
        }
        Ok(out)
    }

    fn next_line(&mut self) -> Result<Option<FeedLine>> {
        loop {
            self.buf.clear();
            let limit = MAX_DOCUMENT_BYTES as u64 + 1;
            let read = std::io::Read::take(&mut self.reader, limit).read_until(b'\n', &mut self.buf);
            let read = read.map_err(|e| io_error(self.line + 1, &e))?;
            if read == 0 {
                return Ok(None);
            }
            self.bytes += read as u64;
            self.line += 1;
            let too_long = self.buf.len() as u64 == limit && self.buf.last() != Some(&b'\n');
            if too_long {
                self.skip_rest_of_line()?;
            }
            let mut bytes = &self.buf[..];
            if self.line == 1 {
                bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
            }
            if !too_long && bytes.trim_ascii().is_empty() {
                continue;
            }
            let text = if too_long {
                Err(Error::TooLarge { what: format!("line {}", self.line), size: self.buf.len(), limit: MAX_DOCUMENT_BYTES }.to_string())
            } else {
                std::str::from_utf8(bytes.trim_ascii_end())
                    .map(str::to_owned)
                    .map_err(|e| Error::Encoding { line: self.line, column: e.valid_up_to() + 1 }.to_string())
            };
            let index = self.index;
            self.index += 1;
            return Ok(Some(FeedLine { index, line: self.line, text }));
        }
    }

    /// Reads past the rest of an over-long line, to its newline.
    fn skip_rest_of_line(&mut self) -> Result<()> {
        loop {
            let (skipped, newline) = {
                let line = self.line;
                let available = self.reader.fill_buf().map_err(|e| io_error(line, &e))?;
                if available.is_empty() {
                    return Ok(());
                }
                match available.iter().position(|&b| b == b'\n') {
                    Some(at) => (at + 1, true),
                    None => (available.len(), false),
                }
            };
            self.reader.consume(skipped);
            self.bytes += skipped as u64;
            if newline {
                return Ok(());
            }
        }
    }
}

/// A failure to read the stream at `line`.
fn io_error(line: usize, e: &std::io::Error) -> Error {
    Error::Import { format: "jsonl", message: format!("line {line}: {e}"), hint: None }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// (line, vacancy id or why it was left out).
    type Lines = Vec<(usize, String)>;

    fn read_all(text: &[u8], batch: usize) -> (Lines, Lines) {
        let mut lines = JsonLines::new(text);
        let (mut ok, mut left_out) = (Vec::new(), Vec::new());
        loop {
            let b = lines.next_batch(batch).unwrap();
            if b.is_empty() {
                break;
            }
            for l in b {
                match l.read(None) {
                    Ok(v) => ok.push((v.line, v.vacancy.id)),
                    Err(p) => left_out.push((p.line, p.message)),
                }
            }
        }
        assert_eq!(lines.bytes_read(), text.len() as u64);
        (ok, left_out)
    }

    #[test]
    fn reads_as_the_whole_feed_reader_does_in_any_batch_size() {
        let fixture = include_str!("../../tests/fixtures/vacancies.jsonl");
        let text = format!("\u{feff}{fixture}\n\n  \n{{\"id\": \"x\"\n{}\r\n", fixture.lines().next().unwrap());
        let whole = crate::feed::read(text.as_bytes(), None).unwrap();
        let expected: Vec<(usize, String)> = whole.vacancies.iter().map(|v| (v.line, v.vacancy.id.clone())).collect();
        let expected_out: Vec<(usize, String)> = whole.problems.iter().map(|p| (p.line, p.message.clone())).collect();
        assert_eq!(expected_out.len(), 1, "the broken line");
        for batch in [1, 3, 1000] {
            let (ok, out) = read_all(text.as_bytes(), batch);
            assert_eq!(ok, expected, "batch {batch}");
            assert_eq!(out, expected_out, "batch {batch}");
        }
    }

    #[test]
    fn a_line_too_long_or_not_utf8_is_left_out_and_the_next_is_read() {
        let good = include_str!("../../tests/fixtures/vacancies.jsonl").lines().next().unwrap();
        let mut text = format!("\"{}\"\n", "a".repeat(MAX_DOCUMENT_BYTES + 10)).into_bytes();
        text.extend_from_slice(b"{\"id\": \"caf\xe9\"}\n");
        text.extend_from_slice(good.as_bytes());
        let (ok, out) = read_all(&text, 2);
        assert_eq!(ok.len(), 1);
        assert_eq!(ok[0].0, 3, "the good line keeps its number");
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].0, 1);
        assert!(out[0].1.contains("line 1"), "{}", out[0].1);
        assert_eq!(out[1].0, 2);
    }
}
