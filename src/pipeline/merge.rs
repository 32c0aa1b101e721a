//! Cross-article entity merging: the same entity named in several articles
//! ("Interior Ministry" in both seeds; "U.S." / "US" / "the United States")
//! becomes one corpus entity with a stable, readable id.

use super::ArticleAnalysis;
use crate::model::{Entity, EntityKind, Span};
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
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "entity".to_string()
    } else {
        slug
    }
}

pub fn merge(analyses: &[ArticleAnalysis]) -> Merged {
    let mut entities: Vec<Entity> = Vec::new();
    let mut surfaces: Vec<BTreeSet<String>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut local_to_global = Vec::with_capacity(analyses.len());
    for analysis in analyses {
        let mut map = Vec::with_capacity(analysis.entities.list.len());
        for local in &analysis.entities.list {
            let mut keys = vec![merge_key(&local.name)];
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
                        x: 0.0,
                        y: 0.0,
                    });
                    surfaces.push(BTreeSet::new());
                    entities.len() - 1
                }
            };
            for key in keys {
                by_key.entry(key).or_insert(global);
            }
            let entity = &mut entities[global];
            if entity.kind == EntityKind::Other && local.kind != EntityKind::Other {
                entity.kind = local.kind;
            }
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
            let span: Span = analysis.span_of_tokens(&mention.surface);
            entities[map[mention.entity]].mentions.push(span);
        }
        local_to_global.push(map);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_slugs() {
        assert_eq!(merge_key("the Ministry of Interior"), merge_key("Interior Ministry"));
        assert_eq!(merge_key("U.S. Embassy"), merge_key("US Embassy"));
        assert_eq!(slug("Khieu Sopheak"), "khieu-sopheak");
        assert_eq!(slug("U.S. Department of Homeland Security"), "us-department-of-homeland-security");
        assert_eq!(slug("ខេមរភាសា"), "entity");
    }
}
