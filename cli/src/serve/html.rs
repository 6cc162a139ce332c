//! HTML for the console's pages: escaping, the page frame (navigation, language switch),
//! and form fields that keep what was typed and show the core's problem beside the field
//! it names. No inline script or style: the Content-Security-Policy forbids them.

use std::collections::HashMap;
use std::fmt::Write;

use sportello::desk::Account;
use sportello::lang::Lang;

/// Escapes text for HTML content and quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `it` or `en`.
pub fn t(lang: Lang, it: &'static str, en: &'static str) -> &'static str {
    lang.pick(it, en)
}

/// Which item of the navigation is the current page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Today,
    Caseload,
    Vacancies,
    Reports,
    None,
}

/// A whole page: the frame around `body`.
pub struct Frame<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub account: Option<&'a Account>,
    pub csrf: Option<&'a str>,
    pub nav: Nav,
    /// The path of this page (for the language switch to come back to).
    pub here: &'a str,
}

impl Frame<'_> {
    /// The page as HTML.
    pub fn render(&self, body: &str) -> String {
        let lang = self.lang;
        let mut h = String::with_capacity(body.len() + 2048);
        let _ = write!(
            h,
            "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title} · Sportello</title><link rel=\"stylesheet\" href=\"/static/console.css\"><script src=\"/static/console.js\" defer></script></head><body>\
             <a class=\"skip\" href=\"#main\">{skip}</a><header><span class=\"brand\">Sportello</span>",
            code = lang.as_str(),
            title = esc(self.title),
            skip = t(lang, "Vai al contenuto", "Skip to content"),
        );
        if let Some(a) = self.account {
            let item = |nav: Nav, href: &str, label: &str| {
                let current = if nav == self.nav { " aria-current=\"page\"" } else { "" };
                format!("<li><a href=\"{href}\"{current}>{label}</a></li>")
            };
            let _ = write!(
                h,
                "<nav aria-label=\"{menu}\"><ul>{}{}{}{}</ul></nav><div class=\"who\">{user} ({role}{desk})\
                 <form method=\"post\" action=\"/logout\">{csrf}<button type=\"submit\">{logout}</button></form></div>",
                item(Nav::Today, "/oggi", t(lang, "Oggi", "Today")),
                item(Nav::Caseload, "/persone", t(lang, "Persone e percorsi", "People and paths")),
                item(Nav::Vacancies, "/offerte", t(lang, "Offerte", "Vacancies")),
                item(Nav::Reports, "/rapporti", t(lang, "Rapporti", "Reports")),
                menu = t(lang, "Menu principale", "Main menu"),
                user = esc(&a.username),
                role = a.role.label(lang),
                desk = a.desk.as_deref().map(|d| format!(", {}", esc(d))).unwrap_or_default(),
                csrf = self.csrf.map(csrf_field).unwrap_or_default(),
                logout = t(lang, "Esci", "Log out"),
            );
        }
        let (other, other_label) = match lang {
            Lang::It => ("en", "English"),
            Lang::En => ("it", "Italiano"),
        };
        let _ = write!(
            h,
            "<a class=\"lang\" href=\"/lingua/{other}?torna={}\" lang=\"{other}\">{other_label}</a></header><main id=\"main\"><h1>{}</h1>{body}</main></body></html>",
            esc(&percent(self.here)),
            esc(self.title),
        );
        h
    }
}

/// The hidden field every changing form carries.
pub fn csrf_field(token: &str) -> String {
    format!("<input type=\"hidden\" name=\"_csrf\" value=\"{}\">", esc(token))
}

/// Percent-encodes a path for a query value.
pub fn percent(s: &str) -> String {
    percent_except(s, b"-_.~/")
}

/// Percent-encodes an SVG as the body of a `data:` address: markup, quotes, `%` and `#`
/// escaped, the characters frequent in drawings kept as they are (a shorter page).
pub fn percent_svg(svg: &str) -> String {
    percent_except(svg, b" -_./:=,();")
}

/// Every byte but ASCII letters, digits and `safe` written as `%XX`.
fn percent_except(s: &str, safe: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || safe.contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// What a form sent back after a refusal: its values (to show them again) and the
/// problem, on the field it names (or on the whole form).
#[derive(Debug, Clone, Default)]
pub struct Sent {
    /// Which form (its `_form` value).
    pub form: String,
    pub values: HashMap<String, String>,
    pub field: String,
    pub message: String,
}

/// One form being written: its fields keep what was sent and show the problem.
pub struct Form<'a> {
    pub name: &'a str,
    pub sent: Option<&'a Sent>,
    html: String,
    placed: bool,
}

impl<'a> Form<'a> {
    /// A form `name` posting to `action`; `sent` is shown only if it is this form's.
    pub fn new(name: &'a str, action: &str, csrf: &str, sent: Option<&'a Sent>, lang: Lang) -> Form<'a> {
        let sent = sent.filter(|s| s.form == name);
        let mut html = format!(
            "<form method=\"post\" action=\"{}\" class=\"form\" id=\"form-{name}\">{}<input type=\"hidden\" name=\"_form\" value=\"{name}\">",
            esc(action),
            csrf_field(csrf)
        );
        if let Some(s) = sent {
            let _ = write!(
                html,
                "<p class=\"problem\" role=\"alert\" id=\"problem-{name}\"><strong>{}</strong> {}</p>",
                t(lang, "Non salvato:", "Not saved:"),
                esc(&s.message)
            );
        }
        Form { name, sent, html, placed: false }
    }

    fn value(&self, field: &str, default: &str) -> String {
        self.sent.and_then(|s| s.values.get(field)).map_or_else(|| default.to_owned(), Clone::clone)
    }

    fn wrong(&mut self, field: &str) -> bool {
        let hit = self.sent.is_some_and(|s| !self.placed && field_named(&s.field, field));
        self.placed |= hit;
        hit
    }

    fn label(&mut self, field: &str, label: &str, input: &str) {
        let id = format!("{}-{field}", self.name);
        let invalid =
            if self.wrong(field) { format!(" aria-invalid=\"true\" aria-describedby=\"problem-{}\"", self.name) } else { String::new() };
        let input = input.replace("{id}", &id).replace("{invalid}", &invalid);
        let _ = write!(self.html, "<label for=\"{id}\">{}</label>{input}", esc(label));
    }

    /// A text-like input (`kind`: text, date, time, number, password...).
    pub fn input(mut self, field: &str, label: &str, kind: &str, default: &str, required: bool) -> Self {
        let value = esc(&self.value(field, default));
        let req = if required { " required" } else { "" };
        let input = format!("<input type=\"{kind}\" id=\"{{id}}\" name=\"{field}\" value=\"{value}\"{req}{{invalid}}>");
        self.label(field, label, &input);
        self
    }

    /// A text area.
    pub fn textarea(mut self, field: &str, label: &str, default: &str) -> Self {
        let value = esc(&self.value(field, default));
        let input = format!("<textarea id=\"{{id}}\" name=\"{field}\" rows=\"4\"{{invalid}}>{value}</textarea>");
        self.label(field, label, &input);
        self
    }

    /// A list of `(value, label)` choices.
    pub fn select(mut self, field: &str, label: &str, options: &[(String, String)], default: &str) -> Self {
        let chosen = self.value(field, default);
        let mut input = format!("<select id=\"{{id}}\" name=\"{field}\"{{invalid}}>");
        for (v, l) in options {
            let sel = if *v == chosen { " selected" } else { "" };
            let _ = write!(input, "<option value=\"{}\"{sel}>{}</option>", esc(v), esc(l));
        }
        input.push_str("</select>");
        self.label(field, label, &input);
        self
    }

    /// A check box.
    pub fn checkbox(mut self, field: &str, label: &str, checked: bool) -> Self {
        let on = self.sent.map_or(checked, |s| s.values.contains_key(field));
        let id = format!("{}-{field}", self.name);
        let c = if on { " checked" } else { "" };
        let _ = write!(
            self.html,
            "<div class=\"check\"><input type=\"checkbox\" id=\"{id}\" name=\"{field}\" value=\"1\"{c}><label for=\"{id}\">{}</label></div>",
            esc(label)
        );
        self
    }

    /// A hidden value.
    pub fn hidden(mut self, field: &str, value: &str) -> Self {
        let _ = write!(self.html, "<input type=\"hidden\" name=\"{field}\" value=\"{}\">", esc(value));
        self
    }

    /// The submit button; ends the form.
    pub fn submit(mut self, label: &str) -> String {
        let _ = write!(self.html, "<button type=\"submit\">{}</button></form>", esc(label));
        self.html
    }
}

/// Whether the core's field name `reported` (e.g. `appointment 40: actual_minutes`) is
/// about the form field `field`.
fn field_named(reported: &str, field: &str) -> bool {
    let last = reported.rsplit([':', ' ', '.']).find(|p| !p.is_empty()).unwrap_or(reported);
    last == field
}

/// `(wire name, label)` pairs of a desk vocabulary, with an empty first choice.
pub fn choices<T: Copy>(
    all: &[T],
    name: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    empty: Option<&str>,
) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = empty.map(|e| (String::new(), e.to_owned())).into_iter().collect();
    v.extend(all.iter().map(|&x| (name(x).to_owned(), label(x).to_owned())));
    v
}

/// A table with a caption and a header row; `rows` are already HTML cells.
pub fn table(caption: &str, head: &[&str], rows: &[Vec<String>], empty: &str) -> String {
    if rows.is_empty() {
        return format!("<p class=\"empty\">{}</p>", esc(empty));
    }
    let mut h = format!("<table><caption>{}</caption><thead><tr>", esc(caption));
    for c in head {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(c));
    }
    h.push_str("</tr></thead><tbody>");
    for r in rows {
        h.push_str("<tr>");
        for c in r {
            let _ = write!(h, "<td>{c}</td>");
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

/// A file to download: its type, its name and its bytes.
pub fn download(kind: &str, name: &str, bytes: Vec<u8>) -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    let name: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' { c } else { '_' }).collect();
    ([(header::CONTENT_TYPE, kind.to_owned()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\""))], bytes)
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encodes_queries_and_svg_addresses() {
        assert_eq!(percent("/persone?x=1 è"), "/persone%3Fx%3D1%20%C3%A8");
        assert_eq!(percent_svg("<svg a=\"1\">50% #x</svg>"), "%3Csvg a=%221%22%3E50%25 %23x%3C/svg%3E");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(esc("<b a=\"x\">'&"), "&lt;b a=&quot;x&quot;&gt;&#39;&amp;");
    }

    #[test]
    fn a_refused_form_keeps_values_and_marks_the_field() {
        let mut values = HashMap::new();
        values.insert("on".to_owned(), "2023-13-01".to_owned());
        let sent = Sent { form: "book".into(), values, field: "appointment 4: on".into(), message: "data non valida".into() };
        let html = Form::new("book", "/x", "tok", Some(&sent), Lang::It).input("on", "Giorno", "date", "", true).submit("Prenota");
        assert!(html.contains("value=\"2023-13-01\""));
        assert!(html.contains("aria-invalid=\"true\""));
        assert!(html.contains("data non valida"));
        let other = Form::new("note", "/x", "tok", Some(&sent), Lang::It).input("on", "Giorno", "date", "", true).submit("Salva");
        assert!(!other.contains("aria-invalid"));
    }
}
