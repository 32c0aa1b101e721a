//! Cross-article entity merging: the same entity named in several articles
//! ("Interior Ministry" in both seeds; "U.S." / "US" / "the United States")
//! becomes one corpus entity with a stable, readable id.

use super::entities::kinds::Evidence;
use super::lexicon::lexicon;
use super::ArticleAnalysis;
use crate::model::{Entity, EntityKind, SharedId, Span};
use std::collections::{BTreeSet, HashMap};

pub struct Merged {
    pub entities: Vec<Entity>,
    /// For each article, its local entity index → index into `entities`.
    pub local_to_global: Vec<Vec<usize>>,
}

/// The form two names must share to be the same entity: "the Ministry of
/// Interior" and "Interior Ministry" agree.
pub fn merge_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let bare = lower.strip_prefix("the ").unwrap_or(&lower);
    match bare.strip_prefix("ministry of ") {
        Some(portfolio) => format!("{} ministry", portfolio.strip_prefix("the ").unwrap_or(portfolio)),
        None => bare.replace(['\u{2019}', '.'], "").replace('\'', ""),
    }
}

/// A URL-safe id made from a name: "Khieu Sopheak" → "khieu-sopheak".
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() && c != '.' && c != '\'' && c != '\u{2019}' {
            slug.push('-');
        }
    }
    let slug = shortened(slug.trim_end_matches('-'));
    if slug.is_empty() {
        "entity".to_string()
    } else {
        slug
    }
}

/// The most characters a slug keeps: ids go into shared links, which accept
/// ids of up to 200 characters, and a 5,000-character "name" (scraper
/// residue) must still make one.
const MAX_SLUG: usize = 100;

/// `slug` cut to [`MAX_SLUG`], at a word's end when one falls in its second half.
fn shortened(slug: &str) -> String {
    if slug.len() <= MAX_SLUG {
        return slug.to_string();
    }
    let cut = &slug[..MAX_SLUG];
    match cut.rfind('-') {
        Some(end) if end > MAX_SLUG / 2 => cut[..end].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

pub fn merge(analyses: &[ArticleAnalysis]) -> Merged {
    let mut entities: Vec<Entity> = Vec::new();
    let mut surfaces: Vec<BTreeSet<String>> = Vec::new();
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut local_to_global = Vec::with_capacity(analyses.len());
    for analysis in analyses {
        let mut map = Vec::with_capacity(analysis.entities.list.len());
        for local in &analysis.entities.list {
            // A team named after a place is not the place.
            let team = local.kind == EntityKind::Organization && lexicon().place(&local.name).is_some();
            let mut keys = vec![if team { format!("team {}", merge_key(&local.name)) } else { merge_key(&local.name) }];
            keys.extend(local.acronyms.iter().map(|a| merge_key(a)));
            let global = match keys.iter().find_map(|k| by_key.get(k).copied()) {
                Some(global) => global,
                None => {
                    entities.push(Entity {
                        id: String::new(),
                        name: local.name.clone(),
                        kind: local.kind,
                        aliases: Vec::new(),
                        mentions: Vec::new(),
                        role: None,
                        roles: Vec::new(),
                        confidence: 0.0,
                        kind_cues: Vec::new(),
                        x: 0.0,
                        y: 0.0,
                    });
                    surfaces.push(BTreeSet::new());
                    evidence.push(Evidence::default());
                    entities.len() - 1
                }
            };
            for key in keys {
                by_key.entry(key).or_insert(global);
            }
            let entity = &mut entities[global];
            evidence[global].absorb(&local.evidence);
            (entity.kind, entity.confidence) = evidence[global].best();
            if local.name.chars().count() > entity.name.chars().count() && local.kind != EntityKind::Place {
                surfaces[global].insert(std::mem::replace(&mut entity.name, local.name.clone()));
            } else {
                surfaces[global].insert(local.name.clone());
            }
            surfaces[global].extend(local.surfaces.iter().cloned());
            surfaces[global].extend(local.acronyms.iter().cloned());
            for role in &local.roles {
                if !entity.roles.contains(role) {
                    entity.roles.push(role.clone());
                }
            }
            map.push(global);
        }
        for mention in &analysis.entities.mentions {
            let span: Span = analysis.span_of_tokens(&mention.name);
            entities[map[mention.entity]].mentions.push(span);
        }
        local_to_global.push(map);
    }
    for (entity, evidence) in entities.iter_mut().zip(&evidence) {
        let mut cues = evidence.cues.clone();
        cues.sort_by_key(|cue| entity.kind != evidence.kind_of(cue));
        entity.kind_cues = cues.into_iter().map(SharedId::from).collect();
    }
    fold_surnames(&mut entities, &mut surfaces, &mut local_to_global);
    let mut taken: HashMap<String, usize> = HashMap::new();
    for (entity, surfaces) in entities.iter_mut().zip(surfaces) {
        entity.aliases = surfaces.into_iter().filter(|s| *s != entity.name).collect();
        entity.role = entity.roles.first().cloned();
        let base = slug(&entity.name);
        let count = taken.entry(base.clone()).or_insert(0);
        *count += 1;
        entity.id = if *count == 1 { base } else { format!("{base}-{count}") };
    }
    Merged { entities, local_to_global }
}

/// An article that names someone only by surname ("Blair said") means the
/// one person of the corpus with that surname, when there is exactly one.
fn fold_surnames(entities: &mut Vec<Entity>, surfaces: &mut Vec<BTreeSet<String>>, local_to_global: &mut [Vec<usize>]) {
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, entity) in entities.iter().enumerate() {
        if entity.kind == EntityKind::Person {
            if let Some((_, surname)) = entity.name.rsplit_once(' ') {
                by_surname.entry(surname.to_lowercase()).or_default().push(index);
            }
        }
    }
    let target: Vec<usize> = entities
        .iter()
        .enumerate()
        .map(|(index, entity)| {
            // A one-word name typed by nothing but context or fallback may be a surname.
            let weakly_typed = entity.confidence < crate::model::SURE_KIND;
            let single = !entity.name.contains(' ') && (matches!(entity.kind, EntityKind::Person | EntityKind::Other) || weakly_typed);
            let owners = by_surname.get(&entity.name.to_lowercase()).filter(|_| single && entity.name.chars().any(char::is_lowercase));
            match owners.map(Vec::as_slice) {
                Some([owner]) => *owner,
                _ => index,
            }
        })
        .collect();
    if target.iter().enumerate().all(|(i, &t)| i == t) {
        return;
    }
    for (index, &owner) in target.iter().enumerate().filter(|(i, t)| i != *t) {
        let moved = std::mem::take(&mut entities[index].mentions);
        let roles = std::mem::take(&mut entities[index].roles);
        let names = std::mem::take(&mut surfaces[index]);
        let folded_name = entities[index].name.clone();
        let into = &mut entities[owner];
        into.mentions.extend(moved);
        into.mentions.sort();
        for role in roles {
            if !into.roles.contains(&role) {
                into.roles.push(role);
            }
        }
        surfaces[owner].extend(names);
        surfaces[owner].insert(folded_name);
    }
    // Compact: drop the folded entities and renumber.
    let mut new_index = vec![0; entities.len()];
    let mut kept = 0;
    for (index, &owner) in target.iter().enumerate() {
        if owner == index {
            new_index[index] = kept;
            kept += 1;
        }
    }
    let remap: Vec<usize> = target.iter().map(|&owner| new_index[owner]).collect();
    let mut position = 0;
    entities.retain(|_| {
        let keep = target[position] == position;
        position += 1;
        keep
    });
    let mut position = 0;
    surfaces.retain(|_| {
        let keep = target[position] == position;
        position += 1;
        keep
    });
    for map in local_to_global.iter_mut() {
        for global in map.iter_mut() {
            *global = remap[*global];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(texts: &[&str]) -> Vec<(String, Vec<String>, usize)> {
        let inputs: Vec<crate::pipeline::ArticleInput> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| crate::pipeline::ArticleInput {
                id: format!("a{i}"),
                outlet: "Test".into(),
                url: None,
                published: None,
                title: None,
                raw: format!("Headline\n\n{text}"),
            })
            .collect();
        let corpus = crate::pipeline::build(&inputs).corpus;
        corpus
            .entities
            .iter()
            .filter(|e| e.kind != EntityKind::Place)
            .map(|e| (e.name.clone(), e.aliases.clone(), e.mentions.len()))
            .collect()
    }

    #[test]
    fn a_surname_alone_joins_the_one_person_of_the_corpus_with_it() {
        assert_eq!(
            build(&["Prime Minister Tony Blair spoke in London.", "The plan failed, Blair said."]),
            [("Tony Blair".to_string(), vec!["Blair".to_string(), "Prime Minister Tony Blair".to_string()], 2)]
        );
        let two = build(&["Tony Blair and his wife Cherie Blair spoke.", "The plan failed, Blair said."]);
        assert_eq!(two.len(), 3, "{two:?}");
    }

    #[test]
    fn keys_and_slugs() {
        assert_eq!(merge_key("the Ministry of Interior"), merge_key("Interior Ministry"));
        assert_eq!(merge_key("U.S. Embassy"), merge_key("US Embassy"));
        assert_eq!(slug("Khieu Sopheak"), "khieu-sopheak");
        assert_eq!(slug("U.S. Department of Homeland Security"), "us-department-of-homeland-security");
        assert_eq!(slug("ខេមរភាសា"), "entity");
        assert_eq!(slug(&"x".repeat(5_000)), "x".repeat(MAX_SLUG));
        let words = slug(&"Word ".repeat(1_000));
        assert!(words.len() <= MAX_SLUG && words.ends_with("word") && words.len() > MAX_SLUG / 2, "{words}");
    }
}
