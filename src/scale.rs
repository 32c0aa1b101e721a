//! A larger corpus made from a real one, for benchmarks (`corpus scale`).
//!
//! The source is replicated whole. Copy 0 is the source itself; every later
//! copy gets its own article ids (`-copyN`), its dates moved by a whole
//! number of months, and fresh numbers for events, quotes, figures and
//! relations. Entities are shared with copy 0 (a larger news corpus names
//! the same people more often) until the entity target asks for new ones: a
//! new entity gets its own id and a name with its vowels rotated
//! ("Tony Blair" → "Tuny Bleor"), and its mentions in that copy's text are
//! rewritten the same way. Rotating ASCII vowels keeps every byte offset, so
//! every span still slices its article's text to its surface form. Events
//! are cut to the target exactly; the entities number the target or the
//! source's count, whichever is larger (a few more where mentions of
//! different entities overlap, since those are renamed together). The same
//! source, target and seed always give the same corpus.

use crate::model::{Corpus, Entity, Event, EventDate, Figure, Quote, Relation, RelationKind, Span};
use crate::pipeline::{content_version, place};
use chrono::{Months, NaiveDate};
use std::collections::{HashMap, HashSet};

/// How much to make.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub events: usize,
    pub entities: usize,
    pub seed: u64,
}

/// More copies than this is a typo, not a benchmark: it would take gigabytes.
pub const MAX_COPIES: usize = 100;

/// The scaled corpus, or why the target cannot be met. Messages name the
/// `corpus scale` option at fault.
pub fn scale(source: &Corpus, target: &Target) -> Result<Corpus, String> {
    let copies =
        copies_for(target.events, source.events.len(), "--events")?.max(copies_for(target.entities, source.entities.len(), "--entities")?);
    let mut random = SplitMix64(target.seed);
    let groups = overlap_groups(source);
    let mut new_entities_wanted = target.entities.saturating_sub(source.entities.len());
    let mut scaled = Scaled::new(source);
    for copy in 0..copies {
        let plan = if copy == 0 {
            Plan { copy, months: 0, vowel_shift: 0, renamed: vec![false; source.entities.len()] }
        } else {
            let months = (1 + random.below(36) as i32) * if random.below(2) == 0 { -1 } else { 1 };
            let vowel_shift = 1 + random.below(VOWELS.len() as u64 - 1) as usize;
            let renamed = choose_renamed(&groups, source.entities.len(), new_entities_wanted, &mut random);
            new_entities_wanted -= renamed.iter().filter(|&&r| r).count().min(new_entities_wanted);
            Plan { copy, months, vowel_shift, renamed }
        };
        scaled.add_copy(&plan, target.events);
    }
    scaled.finish()
}

/// How many copies of `have` items reach `wanted`.
fn copies_for(wanted: usize, have: usize, option: &str) -> Result<usize, String> {
    if have == 0 {
        return if wanted == 0 { Ok(1) } else { Err(format!("{option} {wanted}: the input has none to replicate")) };
    }
    let copies = wanted.div_ceil(have).max(1);
    if copies > MAX_COPIES {
        return Err(format!("{option} {wanted} needs {copies} copies of the input's {have}; at most {MAX_COPIES}"));
    }
    Ok(copies)
}

/// One copy of the source: which entities it renames and how.
struct Plan {
    copy: usize,
    months: i32,
    vowel_shift: usize,
    /// By source entity index.
    renamed: Vec<bool>,
}

impl Plan {
    fn id(&self, id: &str) -> String {
        if self.copy == 0 {
            id.to_string()
        } else {
            format!("{id}-copy{}", self.copy)
        }
    }

    fn span(&self, span: &Span) -> Span {
        Span { article: self.id(&span.article).into(), ..span.clone() }
    }

    fn rotate(&self, text: &str) -> String {
        text.chars().map(|c| rotate_vowel(c, self.vowel_shift)).collect()
    }
}

/// The output as it grows, with the source's lookups built once.
struct Scaled<'s> {
    source: &'s Corpus,
    entity_index: HashMap<&'s str, usize>,
    figure_position: HashMap<&'s str, usize>,
    /// Each article's mentions as (start, end, source entity index).
    mentions_by_article: HashMap<&'s str, Vec<(usize, usize, usize)>>,
    out: Corpus,
    relation_of: HashMap<(String, String, RelationKind), usize>,
}

impl<'s> Scaled<'s> {
    fn new(source: &'s Corpus) -> Scaled<'s> {
        let mut mentions_by_article: HashMap<&str, Vec<(usize, usize, usize)>> = HashMap::new();
        for (index, entity) in source.entities.iter().enumerate() {
            for mention in &entity.mentions {
                mentions_by_article.entry(mention.article.as_str()).or_default().push((mention.start, mention.end, index));
            }
        }
        let out = Corpus {
            schema_version: source.schema_version,
            version: String::new(),
            articles: Vec::new(),
            entities: source.entities.iter().map(|e| Entity { mentions: Vec::new(), ..e.clone() }).collect(),
            events: Vec::new(),
            quotes: Vec::new(),
            figures: Vec::new(),
            relations: Vec::new(),
        };
        Scaled {
            source,
            entity_index: source.entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect(),
            figure_position: source.figures.iter().enumerate().map(|(i, f)| (f.id.as_str(), i)).collect(),
            mentions_by_article,
            out,
            relation_of: HashMap::new(),
        }
    }

    fn add_copy(&mut self, plan: &Plan, max_events: usize) {
        let source = self.source;
        // Output entity index of each source entity in this copy.
        let entity_at: Vec<usize> = source
            .entities
            .iter()
            .enumerate()
            .map(|(index, entity)| {
                if !plan.renamed[index] {
                    return index;
                }
                self.out.entities.push(Entity {
                    id: plan.id(&entity.id),
                    name: plan.rotate(&entity.name),
                    aliases: entity.aliases.iter().map(|a| plan.rotate(a)).collect(),
                    mentions: Vec::new(),
                    ..entity.clone()
                });
                self.out.entities.len() - 1
            })
            .collect();
        let copy_ids: Vec<String> = entity_at.iter().map(|&at| self.out.entities[at].id.clone()).collect();
        let entity_id = |id: &str| self.entity_index.get(id).map_or_else(|| id.to_string(), |&i| copy_ids[i].clone());

        // Texts first: quotes, figures and dates are sliced from them.
        let mut texts: HashMap<&str, String> = HashMap::new();
        let mut labels: HashMap<&str, Vec<(String, String)>> = HashMap::new();
        for article in &source.articles {
            let mut bytes = article.text.clone().into_bytes();
            let mut renames = Vec::new();
            for &(start, end, entity) in self.mentions_by_article.get(article.id.as_str()).into_iter().flatten() {
                self.out.entities[entity_at[entity]].mentions.push(Span { article: plan.id(&article.id).into(), start, end });
                if plan.renamed[entity] {
                    for byte in &mut bytes[start..end] {
                        *byte = rotate_vowel(char::from(*byte), plan.vowel_shift) as u8;
                    }
                    renames.push((article.text[start..end].to_string(), plan.rotate(&article.text[start..end])));
                }
            }
            // Longest first, so a short name does not rewrite part of a longer one.
            renames.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
            renames.dedup();
            let text = String::from_utf8(bytes).expect("rotating ASCII vowels keeps UTF-8 valid");
            self.out.articles.push(crate::model::Article {
                id: plan.id(&article.id),
                title: renamed_in(&article.title, &renames),
                published: article.published.as_deref().map(|d| moved(d, plan.months)),
                text: text.clone(),
                ..article.clone()
            });
            texts.insert(article.id.as_str(), text);
            labels.insert(article.id.as_str(), renames);
        }
        let slice = |span: &Span| texts.get(span.article.as_str()).and_then(|t| t.get(span.start..span.end)).unwrap_or("").to_string();

        for event in source.events.iter().take(max_events.saturating_sub(self.out.events.len())) {
            self.out.events.push(Event {
                id: format!("ev-{}", self.out.events.len() + 1),
                article: plan.id(&event.article).into(),
                date: EventDate {
                    value: event.date.value.as_deref().map(|v| moved(v, plan.months)),
                    end: event.date.end.clone().map(|end| crate::model::DatePoint { value: moved(&end.value, plan.months), ..end }),
                    as_written: slice(&event.date.span),
                    span: plan.span(&event.date.span),
                    ..event.date.clone()
                },
                text: renamed_in(&event.text, labels.get(event.article.as_str()).map_or(&[], Vec::as_slice)),
                evidence: plan.span(&event.evidence),
                entities: event.entities.iter().map(|id| entity_id(id).into()).collect(),
            });
        }
        for quote in &source.quotes {
            self.out.quotes.push(Quote {
                id: format!("q-{}", self.out.quotes.len() + 1),
                speaker: quote.speaker.as_deref().map(|id| entity_id(id).into()),
                text: slice(&quote.span),
                span: plan.span(&quote.span),
                evidence: plan.span(&quote.evidence),
            });
        }
        let first_figure = self.out.figures.len();
        let figure_id = |id: &str| self.figure_position.get(id).map_or_else(|| id.to_string(), |p| format!("fig-{}", first_figure + p + 1));
        let figures: Vec<Figure> = source
            .figures
            .iter()
            .enumerate()
            .map(|(position, figure)| Figure {
                id: format!("fig-{}", first_figure + position + 1),
                text: slice(&figure.span),
                span: plan.span(&figure.span),
                evidence: plan.span(&figure.evidence),
                claimant: figure.claimant.as_deref().map(|id| entity_id(id).into()),
                conflicts_with: figure.conflicts_with.iter().map(|id| figure_id(id)).collect(),
                ..figure.clone()
            })
            .collect();
        self.out.figures.extend(figures);
        // A relation between shared entities is the one copy 0 made, with more evidence.
        for relation in &source.relations {
            let key = (entity_id(&relation.source), entity_id(&relation.target), relation.kind);
            let evidence = relation.evidence.iter().map(|s| plan.span(s));
            match self.relation_of.get(&key) {
                Some(&at) => self.out.relations[at].evidence.extend(evidence),
                None => {
                    self.relation_of.insert(key.clone(), self.out.relations.len());
                    let (source, target, kind) = key;
                    self.out.relations.push(Relation {
                        id: String::new(),
                        source: source.into(),
                        target: target.into(),
                        kind,
                        evidence: evidence.collect(),
                    });
                }
            }
        }
    }

    fn finish(mut self) -> Result<Corpus, String> {
        for (number, relation) in self.out.relations.iter_mut().enumerate() {
            relation.id = format!("rel-{}", number + 1);
        }
        for (kind, ids) in [
            ("article", self.out.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()),
            ("entity", self.out.entities.iter().map(|e| e.id.as_str()).collect()),
        ] {
            let mut seen = HashSet::new();
            if let Some(clash) = ids.into_iter().find(|id| !seen.insert(*id)) {
                return Err(format!("the copies' {kind} id {clash} is already an id in the input"));
            }
        }
        place(&mut self.out.entities, &self.out.relations);
        self.out.version = content_version(&self.out);
        Ok(self.out)
    }
}

/// Which source entities a copy renames: about `wanted` of them, picked at
/// random a group at a time, so that mentions that overlap are rewritten
/// together and every one still slices to its entity's name.
fn choose_renamed(groups: &[Vec<usize>], count: usize, wanted: usize, random: &mut SplitMix64) -> Vec<bool> {
    let mut renamed = vec![wanted >= count; count];
    if wanted == 0 || wanted >= count {
        return renamed;
    }
    let mut order: Vec<&Vec<usize>> = groups.iter().collect();
    for i in (1..order.len()).rev() {
        order.swap(i, random.below(i as u64 + 1) as usize);
    }
    let mut chosen = 0;
    for group in order {
        if chosen >= wanted {
            break;
        }
        for &entity in group {
            renamed[entity] = true;
        }
        chosen += group.len();
    }
    renamed
}

/// Entities whose mentions overlap somewhere, transitively; each entity in one group.
fn overlap_groups(corpus: &Corpus) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..corpus.entities.len()).collect();
    fn root(parent: &mut [usize], mut node: usize) -> usize {
        while parent[node] != node {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        node
    }
    let mut mentions: Vec<(&str, usize, usize, usize)> = corpus
        .entities
        .iter()
        .enumerate()
        .flat_map(|(index, entity)| entity.mentions.iter().map(move |m| (m.article.as_str(), m.start, m.end, index)))
        .collect();
    mentions.sort_unstable();
    for pair in mentions.windows(2) {
        let ((article, _, end, a), (next_article, next_start, _, b)) = (pair[0], pair[1]);
        if article == next_article && next_start < end {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); parent.len()];
    for entity in 0..parent.len() {
        let r = root(&mut parent, entity);
        groups[r].push(entity);
    }
    groups.retain(|g| !g.is_empty());
    groups
}

const VOWELS: [char; 5] = ['a', 'e', 'i', 'o', 'u'];

/// `c` with a vowel moved `shift` places along a-e-i-o-u, keeping its case.
fn rotate_vowel(c: char, shift: usize) -> char {
    let lower = c.to_ascii_lowercase();
    match VOWELS.iter().position(|&v| v == lower) {
        Some(at) => {
            let rotated = VOWELS[(at + shift) % VOWELS.len()];
            if c.is_ascii_uppercase() {
                rotated.to_ascii_uppercase()
            } else {
                rotated
            }
        }
        None => c,
    }
}

/// `text` with each renamed surface form replaced by its new form.
fn renamed_in(text: &str, renames: &[(String, String)]) -> String {
    renames.iter().fold(text.to_string(), |text, (from, to)| text.replace(from.as_str(), to))
}

/// A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date moved by `months` (a year only
/// by whole years; a day past the new month's end lands on its last day).
/// Anything else is kept as it is.
fn moved(value: &str, months: i32) -> String {
    let shift = |date: NaiveDate| {
        let by = Months::new(months.unsigned_abs());
        if months < 0 {
            date.checked_sub_months(by)
        } else {
            date.checked_add_months(by)
        }
    };
    let moved = match value.len() {
        4 => value.parse::<i32>().ok().map(|year| format!("{:04}", year + months / 12)),
        7 => NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok().and_then(shift).map(|d| d.format("%Y-%m").to_string()),
        10 => NaiveDate::parse_from_str(value, "%Y-%m-%d").ok().and_then(shift).map(|d| d.format("%Y-%m-%d").to_string()),
        _ => None,
    };
    moved.unwrap_or_else(|| value.to_string())
}

/// A small seeded generator (SplitMix64): the same seed, the same corpus, on
/// any platform, without a dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `bound` (bound > 0); the slight bias does not matter here.
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{build, ArticleInput};

    fn source() -> Corpus {
        let article = |id: &str, raw: &str| ArticleInput {
            id: id.into(),
            outlet: "Daily".into(),
            url: None,
            published: NaiveDate::from_ymd_opt(2017, 2, 8),
            title: None,
            raw: raw.into(),
        };
        build(&[
            article("one", "Blair meets Bush\n\nTony Blair met George Bush in London on Tuesday. Blair said \"we agree\" in March 2004."),
            article("two", "Ministry answers\n\nThe Interior Ministry said 47 people left Phnom Penh in 2002."),
        ])
        .corpus
    }

    fn target(events: usize, entities: usize) -> Target {
        Target { events, entities, seed: 1 }
    }

    #[test]
    fn reaches_the_targets_exactly() {
        let source = source();
        let (events, entities) = (source.events.len(), source.entities.len());
        let scaled = scale(&source, &target(events * 3 - 1, entities * 2 + 1)).expect("scales");
        assert_eq!(scaled.events.len(), events * 3 - 1);
        assert_eq!(scaled.entities.len(), entities * 2 + 1);
        assert_eq!(scaled.articles.len(), source.articles.len() * 3, "three copies");
        assert_eq!(scaled.quotes.len(), source.quotes.len() * 3);
        let ids: HashSet<&str> = scaled.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), scaled.events.len());
    }

    #[test]
    fn copy_zero_is_the_source_and_shared_entities_gain_mentions() {
        let source = source();
        let scaled = scale(&source, &target(source.events.len() * 2, 1)).expect("scales");
        assert_eq!(scaled.articles[..source.articles.len()], source.articles[..]);
        assert_eq!(scaled.entities.len(), source.entities.len(), "entities are shared when no more are asked for");
        for (scaled, original) in scaled.entities.iter().zip(&source.entities) {
            assert_eq!((&scaled.id, &scaled.name), (&original.id, &original.name));
            assert_eq!(scaled.mentions.len(), original.mentions.len() * 2);
        }
        assert_eq!(scaled.relations.len(), source.relations.len(), "shared relations gain evidence instead");
    }

    #[test]
    fn renamed_entities_are_rewritten_in_their_copy_and_spans_still_slice() {
        let source = source();
        let scaled = scale(&source, &target(1, source.entities.len() * 2)).expect("scales");
        let blair = scaled.entities.iter().find(|e| e.id == "tony-blair-copy1").expect("a renamed copy of Tony Blair");
        assert_ne!(blair.name, "Tony Blair");
        assert_eq!(blair.name.len(), "Tony Blair".len());
        for entity in &scaled.entities {
            for mention in &entity.mentions {
                let surface = scaled.slice(mention);
                assert!(surface == entity.name || entity.aliases.iter().any(|a| a == surface), "{surface:?} of {}", entity.id);
            }
        }
        for quote in &scaled.quotes {
            assert_eq!(scaled.slice(&quote.span), quote.text);
        }
        for figure in &scaled.figures {
            assert_eq!(scaled.slice(&figure.span), figure.text);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_corpus_and_another_seed_another() {
        let source = source();
        let run = |seed| serde_json::to_string(&scale(&source, &Target { seed, ..target(20, 20) }).expect("scales")).expect("json");
        assert_eq!(run(1), run(1));
        assert_ne!(run(1), run(2));
    }

    #[test]
    fn dates_move_by_whole_months_keeping_their_precision() {
        assert_eq!(moved("2004-03-31", 1), "2004-04-30");
        assert_eq!(moved("2004-03", -3), "2003-12");
        assert_eq!(moved("2004", 25), "2006");
        assert_eq!(moved("2004", 11), "2004");
        assert_eq!(moved("spring", 5), "spring");
    }

    #[test]
    fn vowels_rotate_in_case_and_nothing_else_changes() {
        assert_eq!("Tony Blair, Ünal".chars().map(|c| rotate_vowel(c, 1)).collect::<String>(), "Tuny Bleor, Ünel");
    }

    #[test]
    fn targets_beyond_reach_name_the_option() {
        let source = source();
        let too_many = source.events.len() * (MAX_COPIES + 1);
        let error = scale(&source, &target(too_many, 1)).expect_err("too many copies");
        assert!(error.starts_with(&format!("--events {too_many} needs {} copies", MAX_COPIES + 1)), "{error}");
        let empty = Corpus { entities: Vec::new(), ..source };
        assert_eq!(scale(&empty, &target(1, 5)).expect_err("nothing to copy"), "--entities 5: the input has none to replicate");
    }
}
