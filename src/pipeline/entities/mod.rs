//! Entities within one article: name runs (`names`), their kinds weighed
//! from evidence (`kinds`), roles and affiliations (`roles`), and short
//! forms ("Gen. Sopheak", "Phal", "RISC", "Menatep") resolved to one entity.

pub mod kinds;
mod lists;
mod names;
mod roles;

pub use roles::relation_for_role;

use crate::model::EntityKind;
use crate::pipeline::text::Analysed;
use kinds::Evidence;
use names::{is_acronym, Candidate, Finder};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

/// One place where an entity is named.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Tokens of the surface form, honorific included ("Gen. Sopheak").
    pub surface: Range<usize>,
    /// Tokens of the bare name ("Sopheak").
    pub name: Range<usize>,
    pub sentence: usize,
    pub entity: usize,
}

/// An entity as one article knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEntity {
    pub name: String,
    pub kind: EntityKind,
    pub surfaces: BTreeSet<String>,
    pub roles: Vec<String>,
    /// Acronyms the article defines for it ("RISC").
    pub acronyms: Vec<String>,
    /// The cues for each kind, over all its mentions.
    pub evidence: Evidence,
}

/// A typed link the text states between two entities ("spokesman of").
#[derive(Debug, Clone, PartialEq)]
pub struct RoleLink {
    pub person: usize,
    pub organization: usize,
    pub kind: crate::model::RelationKind,
    pub sentence: usize,
}

/// "a U.S. Embassy spokesman": someone unnamed who speaks for an organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct UnnamedSpeaker {
    /// The token of the role word.
    pub token: usize,
    pub organization: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Entities {
    pub list: Vec<LocalEntity>,
    /// In text order (sorted by the first token of the surface).
    pub mentions: Vec<Mention>,
    pub links: Vec<RoleLink>,
    pub unnamed: Vec<UnnamedSpeaker>,
    /// The most tokens any mention's surface spans, which bounds [`Entities::near`].
    longest_mention: usize,
}

/// Lookups by token position, by binary search over the mentions in text
/// order: the rules ask "which mention starts, ends or lies here?" for every
/// token, and a scan of all mentions each time made long articles quadratic.
impl Entities {
    /// The mentions whose surface starts within `tokens`, in text order.
    pub fn starting_in(&self, tokens: Range<usize>) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.surface.start < tokens.start);
        let to = self.mentions.partition_point(|m| m.surface.start < tokens.end);
        &self.mentions[from..to.max(from)]
    }

    /// The first mention starting at token `start`.
    pub fn starting_at(&self, start: usize) -> Option<&Mention> {
        self.starting_in(start..start + 1).first()
    }

    /// The mentions that could contain token `at` or end right after it:
    /// those starting at most as many tokens before as the longest surface.
    fn near(&self, at: usize) -> &[Mention] {
        self.starting_in(at.saturating_sub(self.longest_mention)..at + 1)
    }

    /// The first mention (in text order) whose surface ends right before token `end`.
    pub fn ending_at(&self, end: usize) -> Option<&Mention> {
        self.near(end.saturating_sub(1)).iter().find(|m| m.surface.end == end)
    }

    /// The mentions whose surface contains token `at`.
    pub fn covering(&self, at: usize) -> impl Iterator<Item = &Mention> {
        self.near(at).iter().filter(move |m| m.surface.contains(&at))
    }
}

pub fn find(doc: &Analysed) -> Entities {
    let finder = Finder::new(doc);
    let lex = finder.lex;
    let mut candidates = Vec::new();
    for sentence in 0..doc.sentences.len() {
        for run in finder.runs(sentence) {
            finder.candidates(run, sentence, &mut candidates);
        }
    }
    // In a title-case headline ("Despite Government Appeals") capitals say nothing: a
    // name there counts only if a gazetteer knows it or the article names it elsewhere.
    let title_case: Vec<bool> = (0..doc.sentences.len()).map(|s| finder.is_title_case_headline(s)).collect();
    let named_elsewhere: HashSet<String> =
        candidates.iter().filter(|c| !title_case[c.sentence]).map(|c| finder.name_text(&c.name)).collect();
    candidates.retain(|c| {
        let name = finder.name_text(&c.name);
        !title_case[c.sentence]
            || named_elsewhere.contains(&name)
            || lex.place(&name).is_some()
            || lex.is_known_org(&name)
            || lex.is_known_other(&name)
            || lex.is_demonym(&name)
            || (c.name.len() >= 2 && lex.is_first_name(finder.word(c.name.start)))
    });

    // Acronyms defined in brackets: "Returnee Integration Support Center (RISC)"
    // names the organisation; "trusted platform module (TPM)" names a term, no entity.
    let mut acronym_of: HashMap<String, usize> = HashMap::new();
    let mut terms: HashSet<String> = HashSet::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let after = candidate.surface.end;
        if doc.tokens.get(after).is_some_and(|t| t.text(doc.text) == "(")
            && doc.tokens.get(after + 2).is_some_and(|t| t.text(doc.text) == ")")
        {
            let acronym = doc.word(after + 1);
            if is_acronym(acronym) && !is_acronym(&finder.name_text(&candidate.name)) {
                acronym_of.insert(acronym.to_string(), index);
            }
        }
    }
    for i in 0..doc.tokens.len().saturating_sub(2) {
        if doc.word(i) == "("
            && doc.word(i + 2) == ")"
            && is_acronym(doc.word(i + 1))
            && i > 0
            && doc.word(i - 1).chars().all(char::is_lowercase)
        {
            terms.insert(doc.word(i + 1).to_string());
        }
    }

    // Classify; cluster by key; resolve short forms.
    let mut entities = Entities::default();
    let mut key_to_entity: HashMap<String, usize> = HashMap::new();
    let mut pending_short: Vec<(usize, Candidate, Option<Evidence>)> = Vec::new();
    let mut candidate_entity: Vec<Option<usize>> = vec![None; candidates.len()];

    let sports = kinds::is_sports_report((0..doc.tokens.len()).map(|i| doc.word(i)));
    let kind_of = |candidate: &Candidate, name: &str| -> Option<(String, Evidence)> {
        let words: Vec<&str> = candidate.name.clone().map(|i| finder.word(i)).collect();
        let last = *words.last()?;
        if lex.place(name).is_none() && words.len() == 1 && (lex.is_org_head(last) || lex.is_place_head(last)) {
            return None; // "Ministry", "Province" alone refer back to something named elsewhere.
        }
        if is_acronym(name) && terms.contains(name) {
            return None;
        }
        let floor = doc.sentences[candidate.sentence].tokens.start;
        let before: Vec<&str> =
            (candidate.surface.start.saturating_sub(3).max(floor)..candidate.surface.start).map(|i| finder.word(i)).collect();
        let after_end = (candidate.surface.end + 4).min(doc.sentences[candidate.sentence].tokens.end);
        let after: Vec<&str> = (candidate.surface.end..after_end).map(|i| finder.word(i)).collect();
        let mut evidence =
            kinds::weigh(lex, &kinds::Mention { words: &words, before: &before, after: &after, titled: candidate.person_cue, sports });
        if acronym_of.contains_key(name) {
            evidence.add(EntityKind::Organization, 3.0, "acronym defined in brackets");
        }
        if words.len() == 1 && lex.is_common_word(last) && evidence.weight(evidence.best().0) < 2.0 {
            return None; // may still be a short form of a person; decided below
        }
        let canonical = match evidence.best().0 {
            EntityKind::Place => lex.place(name),
            EntityKind::Organization => lex.organisation(name),
            EntityKind::Other => lex.group_adjective(name),
            EntityKind::Person => None,
        };
        let canonical = canonical.unwrap_or(name);
        Some((canonical.to_string(), evidence))
    };

    let classified: Vec<Option<(String, Evidence)>> = candidates.iter().map(|c| kind_of(c, &finder.name_text(&c.name))).collect();
    // Names of several words the article gives for entities of one kind.
    let named_in_full = |kind: EntityKind| {
        candidates
            .iter()
            .zip(&classified)
            .filter(move |(c, found)| c.name.len() >= 2 && found.as_ref().is_some_and(|(_, e)| e.best().0 == kind))
            .map(|(c, _)| c.name.clone())
    };
    // Surnames of the people it names in full: "Hamm" after "Mia Hamm" is her, not the town.
    let surnames: HashSet<&str> = named_in_full(EntityKind::Person).map(|name| finder.word(name.end - 1)).collect();
    // First words of the organisations it names in full: "SBC" after "SBC Communications".
    let organisation_openers: HashSet<&str> = named_in_full(EntityKind::Organization)
        .map(|name| finder.word(name.start))
        .filter(|word| lex.place(word).is_none() && !lex.is_known_org(word) && !lex.is_demonym(word))
        .collect();
    for (index, (candidate, classified)) in candidates.iter().zip(classified).enumerate() {
        let name = finder.name_text(&candidate.name);
        let (kind, weight) = classified.as_ref().map_or((EntityKind::Other, 0.0), |(_, e)| {
            let kind = e.best().0;
            (kind, e.weight(kind))
        });
        let single = candidate.name.len() == 1 && (!is_acronym(&name) || organisation_openers.contains(name.as_str()));
        let stands_alone = kind != EntityKind::Person
            && weight >= 2.0
            && !surnames.contains(name.as_str())
            && !organisation_openers.contains(name.as_str());
        if single && !stands_alone && !(kind == EntityKind::Person && candidate.name.len() >= 2) {
            pending_short.push((index, candidate.clone(), classified.map(|(_, e)| e)));
            continue;
        }
        let Some((name, evidence)) = classified else { continue };
        let key = if let Some(&owner) = acronym_of.get(&name) { format!("@{owner}") } else { name.to_lowercase() };
        let entity = entity_for(&mut entities.list, &mut key_to_entity, key, &name, kind);
        entities.list[entity].evidence.absorb(&evidence);
        candidate_entity[index] = Some(entity);
        if let Some(owner) = acronym_of.iter().find(|(_, &owner)| owner == index).map(|(acronym, _)| acronym.clone()) {
            key_to_entity.insert(format!("@{index}"), entity);
            key_to_entity.insert(owner.to_lowercase(), entity);
            if !entities.list[entity].acronyms.contains(&owner) {
                entities.list[entity].acronyms.push(owner);
            }
        }
    }
    // Acronyms used before or without their definition join their owner.
    for (acronym, &owner) in &acronym_of {
        if let (Some(&acronym_entity), Some(owner_entity)) = (key_to_entity.get(&acronym.to_lowercase()), candidate_entity[owner]) {
            if acronym_entity != owner_entity {
                for slot in candidate_entity.iter_mut().filter(|slot| **slot == Some(acronym_entity)) {
                    *slot = Some(owner_entity);
                }
            }
        }
    }

    // Short forms: "Sopheak", "Gen. Sopheak", "Phal" join the one person whose
    // name has that word; otherwise they stand alone only with a title.
    for (index, candidate, evidence) in pending_short {
        let name = finder.name_text(&candidate.name);
        let matches: Vec<usize> = entities
            .list
            .iter()
            .enumerate()
            .filter(|(_, e)| e.name.contains(' '))
            .filter(|(_, e)| {
                let parts: Vec<&str> = e.name.split(' ').collect();
                match e.kind {
                    // "Mr Kennedy" is a surname; an untitled "Charles" may be a first name, but
                    // "Prince Charles" is not Charles Kennedy.
                    EntityKind::Person => {
                        parts.last() == Some(&name.as_str()) || (!candidate.person_cue && parts.first() == Some(&name.as_str()))
                    }
                    // "Menatep" for "Menatep Group", "Telewest" for "Telewest Broadband".
                    EntityKind::Organization => parts.first() == Some(&name.as_str()),
                    _ => false,
                }
            })
            .map(|(i, _)| i)
            .collect();
        // "Charles said", after "Prince Charles" and "Charles Kennedy": the person who
        // goes by that name alone, not one whose first name it is.
        let by_surname = matches.iter().any(|&m| entities.list[m].name.rsplit(' ').next() == Some(name.as_str()));
        let alone = key_to_entity.get(&name.to_lowercase()).copied();
        let entity = match (matches.as_slice(), alone) {
            (_, Some(alone)) if !matches.is_empty() && !by_surname => Some(alone),
            ([only], _) => Some(*only),
            ([], _) => {
                // At a sentence start capitals say nothing, unless the article capitalises the word elsewhere too.
                let start = candidate.surface.start;
                let capitalised_elsewhere = !finder.starts_clause(start) || finder.capitalised_inside.contains(name.as_str());
                let named = candidate.person_cue || (!lex.is_common_word(&name) && capitalised_elsewhere);
                named.then(|| entity_for(&mut entities.list, &mut key_to_entity, name.to_lowercase(), &name, EntityKind::Other))
            }
            (several, _) => {
                // The most recently named of them.
                candidate_entity[..index].iter().rev().flatten().find(|e| several.contains(e)).copied().or(Some(several[0]))
            }
        };
        if let Some(entity) = entity {
            // A short form that joined a full name adds only what is said of it, not the fallback; one
            // that joined a person named in full is that person, whatever else the word may be ("Hamm").
            let joined_person = !matches.is_empty() && entities.list[entity].kind == EntityKind::Person;
            if let Some(evidence) = evidence.filter(|e| !joined_person && (matches.is_empty() || e.cues != [kinds::UNKNOWN_NAME])) {
                entities.list[entity].evidence.absorb(&evidence);
            }
            candidate_entity[index] = Some(entity);
        }
    }
    let gap_words = |gap: Range<usize>| gap.map(|i| finder.word(i)).collect();
    let role_after = |c: &Candidate| finder.is_word(c.surface.end) && lex.is_role(&finder.word(c.surface.end).to_lowercase());
    for list in lists::lists(&candidates, &candidate_entity, gap_words, role_after) {
        lists::share_kinds(&list, &mut entities.list);
    }
    // The cues of all mentions decide each kind.
    for entity in &mut entities.list {
        if entity.evidence.is_empty() {
            entity.evidence.add_fallback(entity.kind, 1.0);
        }
        entity.kind = entity.evidence.best().0;
    }

    for (index, candidate) in candidates.iter().enumerate() {
        let Some(entity) = candidate_entity[index] else { continue };
        entities.list[entity].surfaces.insert(finder.name_text(&candidate.surface));
        entities.list[entity].surfaces.insert(finder.name_text(&candidate.name));
        entities.mentions.push(Mention {
            surface: candidate.surface.clone(),
            name: candidate.name.clone(),
            sentence: candidate.sentence,
            entity,
        });
    }
    entities.mentions.sort_by_key(|m| m.surface.start);
    entities.longest_mention = entities.mentions.iter().map(|m| m.surface.len()).max().unwrap_or(0);

    roles::read_roles(&finder, &candidates, &candidate_entity, &mut entities);
    entities
}

/// The local entity filed under `key`, created as `name` of `kind` if new.
fn entity_for(list: &mut Vec<LocalEntity>, keys: &mut HashMap<String, usize>, key: String, name: &str, kind: EntityKind) -> usize {
    *keys.entry(key).or_insert_with(|| {
        list.push(LocalEntity {
            name: name.to_string(),
            kind,
            surfaces: BTreeSet::new(),
            roles: Vec::new(),
            acronyms: Vec::new(),
            evidence: Evidence::default(),
        });
        list.len() - 1
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::text::analyse_paragraphs;

    /// Entities as "kind:name[role]{surface|surface}" in first-mention order.
    fn check(text: &str, expected: &[&str]) {
        let doc = analyse_paragraphs(text);
        let found = find(&doc);
        let mut order: Vec<usize> = Vec::new();
        for mention in &found.mentions {
            if !order.contains(&mention.entity) {
                order.push(mention.entity);
            }
        }
        let got: Vec<String> = order
            .iter()
            .map(|&e| {
                let entity = &found.list[e];
                let roles = if entity.roles.is_empty() { String::new() } else { format!("[{}]", entity.roles.join(";")) };
                let surfaces: Vec<&str> = entity.surfaces.iter().map(String::as_str).filter(|s| *s != entity.name).collect();
                let aliases = if surfaces.is_empty() { String::new() } else { format!("{{{}}}", surfaces.join("|")) };
                format!("{}:{}{}{}", entity.kind.as_str(), entity.name, roles, aliases)
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_plurals_apostrophe_stays_inside_an_organisations_name() {
        check(
            "Lending fell. The British Bankers' Association said lending was weak. The Teachers' Union agreed with the players' view.",
            &["organization:British Bankers' Association", "organization:Teachers' Union"],
        );
    }

    #[test]
    fn sentence_starters_are_not_entities() {
        check("However, Many of them left. Asked about it, officials in Cambodia declined. Detainees wait.", &["place:Cambodia"]);
    }

    #[test]
    fn a_name_opening_a_sentence_joins_the_same_name_used_mid_sentence() {
        let text = "Yukos appealed. Shares in Yukos fell. Yukos said no.";
        check(text, &["organization:Yukos"]);
        assert_eq!(find(&analyse_paragraphs(text)).mentions.len(), 3);
    }

    #[test]
    fn titles_and_offices_alone_name_nobody() {
        check("The Cardinal said the Duke of Edinburgh and an MEP agreed with Tony Blair.", &["person:Tony Blair"]);
    }

    #[test]
    fn a_nationality_before_a_person_is_its_own_mention() {
        check(
            "The award went to Briton Clive Owen and to British Airways.",
            &["other:British{Briton}", "person:Clive Owen", "organization:British Airways"],
        );
    }

    #[test]
    fn a_titled_short_form_joins_a_person_by_surname_only() {
        check(
            "Charles Kennedy spoke. Prince Charles listened. Mr Kennedy left.",
            &["person:Charles Kennedy{Kennedy|Mr Kennedy}", "person:Charles{Prince Charles}"],
        );
        // An untitled "Charles" is the person who goes by that name, not Charles Kennedy.
        check(
            "Prince Charles listened, as did Charles Kennedy. Later Charles smiled.",
            &["person:Charles{Prince Charles}", "person:Charles Kennedy"],
        );
    }

    #[test]
    fn pre_name_role_gives_person_role_and_affiliation() {
        let text = "Interior Ministry spokesman Khieu Sopheak said on Tuesday that talks would go on. Gen. Sopheak added more. General Sopheak left.";
        check(text, &["organization:Interior Ministry", "person:Khieu Sopheak[spokesman;general]{Gen. Sopheak|General Sopheak|Sopheak}"]);
        let found = find(&analyse_paragraphs(text));
        assert_eq!(found.links.len(), 1);
        assert_eq!(found.links[0].kind, crate::model::RelationKind::SpokespersonOf);
    }

    #[test]
    fn appositions_give_roles() {
        check(
            "Asked about it, Sok Phal, the head of immigration for the Interior Ministry, said no. Phal left. Bill Herod, an adviser to RISC, agreed, Mr. Herod said.",
            &[
                "person:Sok Phal[head of immigration]{Phal}",
                "organization:Interior Ministry",
                "person:Bill Herod[adviser]{Herod|Mr. Herod}",
                "organization:RISC",
            ],
        );
    }

    #[test]
    fn titles_inside_runs_split_from_names_and_places() {
        check(
            "In a ruling, US Federal Judge Cormac Carney said no. Carney’s ruling stands.",
            &["place:United States{US}", "person:Cormac Carney[federal judge]{Carney|Federal Judge Cormac Carney}"],
        );
    }

    #[test]
    fn acronyms_defined_in_brackets_join_their_organisation() {
        check(
            "The Returnee Integration Support Center (RISC) helps. Last year, according to the RISC, 41 arrived. The trusted platform module (TPM) is a chip.",
            &["organization:Returnee Integration Support Center{RISC}"],
        );
    }

    #[test]
    fn organisations_with_of_and_and() {
        check(
            "Preap Kol of Transparency International spoke to the Ministry of Culture and Fine Arts and to U.S. Immigration and Customs Enforcement in Cambodia and Thailand.",
            &[
                "person:Preap Kol",
                "organization:Transparency International",
                "organization:Ministry of Culture and Fine Arts",
                "organization:U.S. Immigration and Customs Enforcement",
                "place:Cambodia",
                "place:Thailand",
            ],
        );
    }

    #[test]
    fn organisation_heads_take_of_and_for() {
        check(
            "The Writers Guild of America and the Alliance for Digital Inclusion agreed.",
            &["organization:Writers Guild of America", "organization:Alliance for Digital Inclusion"],
        );
    }

    #[test]
    fn a_name_listed_with_people_is_a_person() {
        check(
            "Sir Paul McCartney, Robbie Williams and Zorblat sang.",
            &["person:Paul McCartney{Sir Paul McCartney}", "person:Robbie Williams", "person:Zorblat"],
        );
        // Two names joined by "and" are no list, and a name before a role word is a modifier.
        check("Tony Blair and Zorblat met.", &["person:Tony Blair", "organization:Zorblat"]);
        check(
            "Michael Howard, Tony Blair and Zorblat leader Jim Smith met.",
            &["person:Michael Howard", "person:Tony Blair", "organization:Zorblat", "person:Jim Smith[leader]"],
        );
    }

    #[test]
    fn a_title_case_headline_names_only_what_is_known_or_named_again() {
        let input = crate::pipeline::ArticleInput {
            id: "a".into(),
            outlet: "Test".into(),
            url: None,
            published: None,
            title: None,
            raw: "US Deporting Over 30 Cambodians, Despite Government Appeals\n\nThe US deported 41 Cambodians.".into(),
        };
        let found = crate::pipeline::analyse(&input).entities;
        let mut names: Vec<&str> = found.list.iter().map(|e| e.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, ["Cambodian", "United States"], "no \"Government Appeals\"");
    }

    #[test]
    fn demonyms_and_unnamed_speakers() {
        let text = "A U.S. Embassy spokesman said Cambodian citizens and Thai refugee camps matter.";
        check(text, &["organization:U.S. Embassy", "other:Cambodian", "other:Thai"]);
        let found = find(&analyse_paragraphs(text));
        assert_eq!(found.unnamed.len(), 1);
    }
}
