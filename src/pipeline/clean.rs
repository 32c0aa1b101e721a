//! Cleaning: turns a scraped page into a title and paragraphs, the headline
//! first. It drops scraper residue (logo headers, repeated headlines, photo
//! ids, duplicated captions, photo credits, e-mail placeholders) and cuts
//! sidebar blocks ("Related Stories", "MOST VIEWED", …) with everything under
//! them, since their teasers belong to other stories.
//!
//! The headline is the first line equal to the title, moved to the front; a
//! title found nowhere in the body (a manifest's, or a logo header's) is
//! inserted as the headline. Later copies of it are dropped.

use crate::model::{Paragraph, ParagraphKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    pub title: String,
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
}

/// Headings after which a page holds only other stories.
const SIDEBAR_HEADINGS: &[&str] = &[
    "related stories",
    "related articles",
    "related news",
    "related content",
    "related",
    "latest news",
    "most viewed",
    "most read",
    "most popular",
    "popular stories",
    "more on this story",
    "more stories",
    "you may also like",
    "recommended",
    "recommended stories",
    "trending",
    "top stories",
    "read more",
    "read next",
    "comments",
    "share this article",
    "sign up for our newsletter",
];

/// Whole lines that are page furniture, not content.
const FURNITURE: &[&str] = &["advertisement", "share", "tweet", "email", "print", "share this"];

pub fn clean(raw: &str, manifest_title: Option<&str>) -> Cleaned {
    let lines: Vec<String> = raw.lines().map(normalise_line).collect();
    let title = manifest_title.map(str::to_string).unwrap_or_else(|| title_from_text(&lines));
    let title_line = normalise_line(&title);
    let title_key = title_line.to_lowercase();

    // The headline as the body writes it, once found.
    let mut headline: Option<String> = None;
    let mut kept: Vec<(String, ParagraphKind)> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut after_photo_id = false;
    for line in &lines {
        let lower = line.to_lowercase();
        if line.is_empty() {
            after_photo_id = false;
            continue;
        }
        if is_sidebar_heading(&lower) {
            break;
        }
        if !is_logo_header(&lower) && lower == title_key {
            headline.get_or_insert_with(|| line.clone());
            after_photo_id = false;
            continue;
        }
        if is_logo_header(&lower) || is_photo_id(line) || is_furniture(&lower) {
            after_photo_id = is_photo_id(line);
            continue;
        }
        let (text, credited) = strip_credit(&remove_email_placeholders(line));
        if text.is_empty() {
            continue;
        }
        // A second copy of a line is a duplicated caption: the first becomes one.
        if let Some(position) = seen.iter().position(|earlier| *earlier == text) {
            if let Some(first) = kept.iter_mut().find(|(kept_text, _)| *kept_text == seen[position]) {
                first.1 = ParagraphKind::Caption;
            }
            continue;
        }
        seen.push(text.clone());
        let kind = if after_photo_id || credited { ParagraphKind::Caption } else { ParagraphKind::Body };
        after_photo_id = false;
        kept.push((text, kind));
    }

    let headline = headline.unwrap_or(title_line);
    if !headline.is_empty() {
        kept.insert(0, (headline, ParagraphKind::Headline));
    }
    let mut text = String::new();
    let mut paragraphs = Vec::with_capacity(kept.len());
    for (paragraph, kind) in kept {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&paragraph);
        paragraphs.push(Paragraph { start, end: text.len(), kind });
    }
    Cleaned { title, text, paragraphs }
}

/// Collapses runs of white space (no-break spaces included) into one space.
fn normalise_line(line: &str) -> String {
    line.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

fn title_from_text(lines: &[String]) -> String {
    let first = lines.iter().find(|line| !line.is_empty()).cloned().unwrap_or_default();
    if is_logo_header(&first.to_lowercase()) {
        if let Some((_, headline)) = first.rsplit_once(" - ") {
            return headline.trim().to_string();
        }
    }
    first
}

fn is_logo_header(lower: &str) -> bool {
    lower.starts_with("logo ") && lower.contains(" - ")
}

fn is_sidebar_heading(lower: &str) -> bool {
    let heading = lower.trim_end_matches(':');
    SIDEBAR_HEADINGS.contains(&heading)
}

fn is_furniture(lower: &str) -> bool {
    FURNITURE.contains(&lower)
        || lower.starts_with("photo credit:")
        || lower.starts_with("photo:")
        || lower.starts_with("image:")
        || lower.starts_with("credit:")
        || lower.starts_with("(photo")
}

/// Flickr-style photo ids: "31532803234 f531f6b8a8 o".
fn is_photo_id(line: &str) -> bool {
    let parts: Vec<&str> = line.split(' ').collect();
    match parts.as_slice() {
        [number, hash, size] => {
            number.len() >= 6
                && number.bytes().all(|b| b.is_ascii_digit())
                && hash.len() >= 6
                && hash.bytes().all(|b| b.is_ascii_hexdigit())
                && size.len() <= 2
        }
        _ => false,
    }
}

fn remove_email_placeholders(line: &str) -> String {
    const PLACEHOLDERS: &[&str] = &["[email protected]", "[email\u{a0}protected]"];
    let mut out = line.to_string();
    for placeholder in PLACEHOLDERS {
        out = out.replace(placeholder, "");
    }
    normalise_line(&out)
}

/// Removes a photo credit from a caption line; says whether there was one.
fn strip_credit(line: &str) -> (String, bool) {
    for marker in ["Photo credit:", "Photo:", "Photograph:", "Picture:"] {
        if let Some(index) = line.find(marker) {
            if index > 0 {
                return (line[..index].trim().to_string(), true);
            }
        }
    }
    // "… in Minneapolis, Minnesota. IKARE": a short all-capitals credit after the last sentence.
    if let Some(index) = line.rfind(". ") {
        let tail = &line[index + 2..];
        let words: Vec<&str> = tail.split([' ', '/']).collect();
        let is_credit = !tail.is_empty()
            && words.len() <= 3
            && words.iter().all(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase));
        if is_credit {
            return (line[..=index].trim().to_string(), true);
        }
    }
    (line.to_string(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, title: Option<&str>, expected_title: &str, expected: &[(&str, ParagraphKind)]) {
        let cleaned = clean(raw, title);
        assert_eq!(cleaned.title, expected_title);
        let got: Vec<(&str, ParagraphKind)> = cleaned.paragraphs.iter().map(|p| (&cleaned.text[p.start..p.end], p.kind)).collect();
        assert_eq!(got, expected);
    }

    use ParagraphKind::{Body, Caption, Headline};

    #[test]
    fn drops_logo_header_and_keeps_the_headline_once() {
        check(
            "Logo of Daily Planet newspaper Daily Planet - Mayor resigns\n\nMayor resigns\n\nThe mayor resigned on Monday.\n\nMayor resigns\n",
            None,
            "Mayor resigns",
            &[("Mayor resigns", Headline), ("The mayor resigned on Monday.", Body)],
        );
    }

    #[test]
    fn a_headline_after_captions_moves_to_the_front() {
        check(
            "Logo of Daily Planet newspaper Daily Planet - Mayor resigns\n\nCrowds in the square. AGENCY\n\nMayor  resigns\n\nThe mayor resigned on Monday.",
            None,
            "Mayor resigns",
            &[("Mayor resigns", Headline), ("Crowds in the square.", Caption), ("The mayor resigned on Monday.", Body)],
        );
    }

    #[test]
    fn a_logo_headline_missing_from_the_body_is_inserted() {
        check(
            "Logo of Daily Planet newspaper Daily Planet - Mayor resigns\n\nThe mayor resigned on Monday.",
            None,
            "Mayor resigns",
            &[("Mayor resigns", Headline), ("The mayor resigned on Monday.", Body)],
        );
    }

    #[test]
    fn a_manifest_title_is_the_headline_as_the_body_writes_it() {
        check(
            "Kicker line\n\nMAYOR RESIGNS\n\nThe mayor resigned on Monday.",
            Some("Mayor resigns"),
            "Mayor resigns",
            &[("MAYOR RESIGNS", Headline), ("Kicker line", Body), ("The mayor resigned on Monday.", Body)],
        );
    }

    #[test]
    fn no_headline_for_an_empty_page() {
        check("", None, "", &[]);
        check("\n\n  \n", Some(" "), " ", &[]);
    }

    #[test]
    fn marks_captions_and_drops_photo_ids_and_credits() {
        check(
            "Flood hits town\n\nWater rose fast.\n\n12345678 abcdef12 o\nResidents wade through water. Photo credit: (Jane Roe/Agency)\n\nPhoto credit: Jane Roe\n\nMore rain is due.",
            None,
            "Flood hits town",
            &[
                ("Flood hits town", Headline),
                ("Water rose fast.", Body),
                ("Residents wade through water.", Caption),
                ("More rain is due.", Body),
            ],
        );
    }

    #[test]
    fn duplicated_caption_is_kept_once_without_credit() {
        // A manifest title that the body never gives is inserted as the headline.
        check(
            "Headline here\n\nPeople march in the rain in Lyon. AGENCY\nPeople march in the rain in Lyon. AGENCY\n\nThe march was peaceful.",
            Some("Given  title"),
            "Given  title",
            &[
                ("Given title", Headline),
                ("Headline here", Body),
                ("People march in the rain in Lyon.", Caption),
                ("The march was peaceful.", Body),
            ],
        );
    }

    #[test]
    fn cuts_sidebars_and_email_placeholders() {
        check(
            "Talks stall\n\nNegotiators left Geneva.\n\n[email\u{a0}protected]\n\nMOST VIEWED\n\n • Other story about Paris\n\nLatest News",
            None,
            "Talks stall",
            &[("Talks stall", Headline), ("Negotiators left Geneva.", Body)],
        );
    }
}
