//! The two seed articles: every person, quote, date, figure and role relation.

use super::*;
use corpus_explorer::model::ParagraphKind;

fn seeds() -> Corpus {
    build(&seed_inputs())
}

fn names(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    list.iter().map(|(n, a)| (n.to_string(), a.iter().map(|s| s.to_string()).collect())).collect()
}

#[test]
fn every_named_person_with_short_forms_merged() {
    assert_eq!(
        persons(&seeds()),
        names(&[
            ("Bill Herod", &["Herod", "Mr. Herod"]),
            ("Chum Sounry", &["Sounry"]),
            ("Cormac Carney", &["Carney", "Federal Judge Cormac Carney"]),
            ("Jay Raman", &[]),
            ("Keo Vannthan", &["Lieutenant General Vannthan", "Vannthan"]),
            ("Khieu Sopheak", &["Gen. Sopheak", "General Sopheak", "Sopheak"]),
            ("Preap Kol", &["Kol"]),
            ("Sok Phal", &["Phal"]),
            ("Van Roeun", &[]),
        ])
    );
}

#[test]
fn entities_merge_across_articles_and_spellings() {
    let corpus = seeds();
    let ministry = entity(&corpus, "Interior Ministry");
    let articles: std::collections::BTreeSet<&str> = ministry.mentions.iter().map(|m| m.article.as_str()).collect();
    assert_eq!(articles.len(), 2, "Interior Ministry is one entity across both seeds");
    let us = entity(&corpus, "United States");
    assert_eq!(us.kind, EntityKind::Place);
    assert_eq!(us.aliases, ["America", "U.S.", "US"]);
    let risc = entity(&corpus, "Returnee Integration Support Center");
    assert_eq!(risc.kind, EntityKind::Organization);
    assert_eq!(risc.aliases, ["RISC"]);
    assert_eq!(risc.mentions.len(), 4);
}

#[test]
fn roles_come_from_titles_and_appositions() {
    let corpus = seeds();
    let role = |name: &str| entity(&corpus, name).role.clone().unwrap_or_default();
    assert_eq!(role("Khieu Sopheak"), "spokesman");
    assert_eq!(role("Keo Vannthan"), "spokesman");
    assert_eq!(role("Sok Phal"), "head of immigration");
    assert_eq!(role("Bill Herod"), "adviser");
    assert_eq!(role("Cormac Carney"), "federal judge");
    assert_eq!(role("Chum Sounry"), "spokesman");
    assert_eq!(
        role_relations(&corpus),
        [
            "Bill Herod adviser_to Returnee Integration Support Center",
            "Chum Sounry spokesperson_of Foreign Ministry",
            "Cormac Carney affiliated_with United States",
            "Jay Raman spokesperson_of U.S. Embassy",
            "Keo Vannthan spokesperson_of Interior Ministry",
            "Khieu Sopheak spokesperson_of Interior Ministry",
            "Preap Kol member_of Transparency International",
            "Sok Phal member_of Interior Ministry",
        ]
    );
}

#[test]
fn no_boilerplate_text_or_sidebar_entities() {
    let corpus = seeds();
    for article in &corpus.articles {
        for residue in
            ["MOST VIEWED", "Related Stories", "Latest News", "protected]", "Photo credit", "31532803234", "Logo of", "IKARE", "Koh Ker"]
        {
            assert!(!article.text.contains(residue), "{residue:?} left in {}", article.id);
        }
        let headline = &article.paragraphs[0];
        assert_eq!(headline.kind, ParagraphKind::Headline, "{} starts with its headline", article.id);
        assert_eq!(&article.text[headline.start..headline.end], article.title);
        assert_eq!(article.text.matches(&article.title).count(), 1, "headline repeated in {}", article.id);
        assert!(article.paragraphs[1..].iter().all(|p| p.kind != ParagraphKind::Headline));
    }
    for sidebar in [
        "UNESCO",
        "Koh Ker Temple",
        "Dith Tina",
        "Hun Manet",
        "Riyadh",
        "Saudi Arabia",
        "Kampot",
        "Battambang",
        "Creative Commons",
        "Fibonacci Blue",
    ] {
        assert!(corpus.entities.iter().all(|e| e.name != sidebar && !e.aliases.iter().any(|a| a == sidebar)), "{sidebar} is an entity");
    }
    for starter in ["However", "Many", "Asked", "Only", "Local", "Detainees", "Protesters", "People", "Since", "Last"] {
        assert!(corpus.entities.iter().all(|e| !e.name.starts_with(starter)), "{starter} starts an entity");
    }
    let captions: Vec<&str> = corpus
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Caption).map(move |p| &a.text[p.start..p.end]))
        .collect();
    assert_eq!(
        captions,
        [
            "Protesters call for the release of Cambodians detained by U.S. Immigration and Customs Enforcement in Minnesota last month.",
            "People participate in a demonstration against the deportation of Cambodian citizens in America in 2016 in Minneapolis, Minnesota.",
        ]
    );
    assert_eq!(corpus.articles[1].title, "Detainees in US claim Cambodian officials sought to extort them");
}

#[test]
fn every_quote_has_its_speaker() {
    let expected: Vec<(String, String)> = [
        ("U.S. Embassy", "in force and unchanged."),
        ("Khieu Sopheak", "This [memorandum of understanding]"),
        ("Khieu Sopheak", "We wish to have"),
        ("Khieu Sopheak", "are not real Cambodian"),
        ("Keo Vannthan", "Now, they are waiting"),
        ("Bill Herod", "There’s an unwritten rule"),
        ("Bill Herod", "logjam"),
        ("Bill Herod", "Also because they’ve got"),
        ("nobody", "gifts"),
        ("Cormac Carney", "face consequences"),
        ("Preap Kol", "appointed the officials to"),
        ("Preap Kol", "Given the extent of"),
        ("Chum Sounry", "unreasonable, unfair and even"),
        ("Chum Sounry", "We take this auspicious"),
    ]
    .iter()
    .map(|(s, t)| (s.to_string(), t.to_string()))
    .collect();
    assert_eq!(quotes(&seeds()), expected);
}

#[test]
fn every_dated_statement_with_its_date_and_precision() {
    assert_eq!(
        dates(&seeds()),
        [
            "Tuesday => 2017-02-07 Day",
            "last month => 2017-01 Month",
            "2002 => 2002 Year",
            "last month => 2017-01 Month",
            "December => 2016-12 Month",
            "Tuesday => 2017-02-07 Day",
            "Since 2002 => 2002..2017-02-08 Year",
            "Last year => 2016 Year",
            "September => 2016-09 Month",
            "Tuesday => 2017-02-07 Day",
            "Tuesday => 2017-02-07 Day",
            "since September => 2016-09..2017-02-08 Month",
            "2016 => 2016 Year",
            "October => 2017-10 Month",
            "Friday => 2018-01-26 Day",
            "yesterday => 2018-01-28 Day",
            "the last year => 2017-01..2018-01 Month",
            "last year => 2017 Year",
            "Saturday => 2018-01-27 Day",
            "February 5 => 2018-02-05 Day",
        ]
    );
}

#[test]
fn figures_with_claimants_and_the_36_34_conflict() {
    assert_eq!(
        figures(&seeds()),
        [
            "30 Cambodians = 30 Cambodians (-) []",
            "47 people = 47 people (Khieu Sopheak) []",
            "36 = 36 people (Khieu Sopheak) [\"34\"]",
            "34 = 34 people (Keo Vannthan) [\"36\"]",
            "538 Cambodians = 538 Cambodians (Returnee Integration Support Center) []",
            "41 Cambodians = 41 Cambodians (Returnee Integration Support Center) []",
            "10 a month = 10 per month (Bill Herod) []",
            "100 Cambodian citizens = 100 Cambodian citizens (-) []",
            "92 = 92 - (Cormac Carney) []",
        ]
    );
}
