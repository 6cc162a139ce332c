//! Plain text of a laid-out CV, line by line in reading order: the text an applicant
//! tracking system would see, used for `--format txt` and by the golden tests.

use typst::layout::{Frame, FrameItem, Point};
use typst_layout::PagedDocument;

/// The text of every page, lines separated by `\n`, pages by a form feed.
pub fn extract(doc: &PagedDocument) -> String {
    doc.pages()
        .iter()
        .map(|page| {
            let mut runs = Vec::new();
            collect(&page.frame, Point::zero(), &mut runs);
            lines(runs)
        })
        .collect::<Vec<_>>()
        .join("\n\u{c}\n")
}

/// A run of text at a position, in points: (baseline y, x, end x, text).
type Run = (f64, f64, f64, String);

fn collect(frame: &Frame, origin: Point, out: &mut Vec<Run>) {
    for (pos, item) in frame.items() {
        let at = origin + *pos;
        match item {
            FrameItem::Group(g) => {
                let shifted = at + Point::new(g.transform.tx, g.transform.ty);
                collect(&g.frame, shifted, out);
            }
            FrameItem::Text(t) => {
                let width = t.width().to_pt();
                out.push((at.y.to_pt(), at.x.to_pt(), at.x.to_pt() + width, t.text.to_string()));
            }
            _ => {}
        }
    }
}

fn lines(mut runs: Vec<Run>) -> String {
    runs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    let mut current: Option<(f64, f64, String)> = None; // (baseline, end x, text)
    for (y, x, end, text) in runs {
        match &mut current {
            Some((cy, cend, line)) if (y - *cy).abs() < 2.0 => {
                if x - *cend > 1.0 && !line.ends_with(' ') && !text.starts_with(' ') {
                    line.push(' ');
                }
                line.push_str(&text);
                *cend = end;
            }
            _ => {
                if let Some((_, _, line)) = current.take() {
                    out.push(line.trim_end().to_owned());
                }
                current = Some((y, end, text));
            }
        }
    }
    if let Some((_, _, line)) = current {
        out.push(line.trim_end().to_owned());
    }
    out.join("\n")
}
