//! The corpus's items read from the page's JSON (`docs/corpus-format.md`)
//! with the small [`json`](crate::json) reader, as serde would read them:
//! members in any order, unknown members skipped, a missing or null
//! optional member as `None`, a missing required one an error.

use super::CorpusHead;
use crate::json::{Reader, Result};
use crate::model::{
    Article, Corpus, DatePoint, Entity, EntityKind, Event, EventDate, Figure, Paragraph, ParagraphKind, Precision, Quote, Relation,
    RelationKind, SharedId, Span,
};

pub fn head(r: &mut Reader) -> Result<CorpusHead> {
    let (mut schema_version, mut version) = (None, None);
    let mut lengths = [None; 6];
    r.object(&mut |r, member| {
        match member {
            "schema_version" => schema_version = Some(u32::try_from(r.usize()?).unwrap_or(u32::MAX)),
            "version" => version = Some(r.string()?),
            _ => match LISTS.iter().position(|list| *list == member) {
                Some(list) => lengths[list] = Some(r.usize()?),
                None => r.skip()?,
            },
        }
        Ok(())
    })?;
    let length = |list: usize| r.required(lengths[list], LISTS[list]);
    Ok(CorpusHead {
        articles: length(0)?,
        entities: length(1)?,
        events: length(2)?,
        quotes: length(3)?,
        figures: length(4)?,
        relations: length(5)?,
        schema_version: r.required(schema_version, "schema_version")?,
        version: r.required(version, "version")?,
    })
}

/// The corpus's lists, in the page's order.
const LISTS: [&str; 6] = ["articles", "entities", "events", "quotes", "figures", "relations"];

/// Appends the items of a piece (a `CorpusPiece`) to the corpus's lists.
pub fn piece(r: &mut Reader, corpus: &mut Corpus) -> Result<()> {
    r.object(&mut |r, member| match member {
        "articles" => r.items(&mut |r| article(r).map(|item| corpus.articles.push(item))),
        "entities" => r.items(&mut |r| entity(r).map(|item| corpus.entities.push(item))),
        "events" => r.items(&mut |r| event(r).map(|item| corpus.events.push(item))),
        "quotes" => r.items(&mut |r| quote(r).map(|item| corpus.quotes.push(item))),
        "figures" => r.items(&mut |r| figure(r).map(|item| corpus.figures.push(item))),
        "relations" => r.items(&mut |r| relation(r).map(|item| corpus.relations.push(item))),
        _ => r.skip(),
    })
}

fn strings(r: &mut Reader) -> Result<Vec<String>> {
    r.array(Reader::string)
}

fn optional_string(r: &mut Reader) -> Result<Option<String>> {
    r.nullable(Reader::string)
}

/// An id naming another item (or a kind cue), which `CorpusReader` then
/// shares with it (with the first entity naming the cue).
fn shared_id(r: &mut Reader) -> Result<SharedId> {
    r.string().map(SharedId::from)
}

/// A string that must be one of `names`, as its position there.
fn one_of(r: &mut Reader, names: &[&str], expected: &'static str) -> Result<usize> {
    let name = r.string()?;
    r.required(names.iter().position(|n| *n == name), expected)
}

fn span(r: &mut Reader) -> Result<Span> {
    let (mut article, mut start, mut end) = (None, None, None);
    r.object(&mut |r, member| {
        match member {
            "article" => article = Some(r.string()?),
            "start" => start = Some(r.usize()?),
            "end" => end = Some(r.usize()?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Span { article: r.required(article, "article")?.into(), start: r.required(start, "start")?, end: r.required(end, "end")? })
}

fn article(r: &mut Reader) -> Result<Article> {
    let (mut id, mut title, mut outlet, mut url, mut published, mut text, mut paragraphs, mut sentences) = Default::default();
    r.object(&mut |r, member| {
        match member {
            "id" => id = Some(r.string()?),
            "title" => title = Some(r.string()?),
            "outlet" => outlet = Some(r.string()?),
            "url" => url = optional_string(r)?,
            "published" => published = optional_string(r)?,
            "text" => text = Some(r.string()?),
            "paragraphs" => paragraphs = Some(r.array(paragraph)?),
            "sentences" => sentences = Some(r.array(offsets)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Article {
        id: r.required(id, "id")?,
        title: r.required(title, "title")?,
        outlet: r.required(outlet, "outlet")?,
        url,
        published,
        text: r.required(text, "text")?,
        paragraphs: r.required(paragraphs, "paragraphs")?,
        sentences: r.required(sentences, "sentences")?,
    })
}

/// A sentence's `[start, end]`.
fn offsets(r: &mut Reader) -> Result<[usize; 2]> {
    let offsets = r.array(Reader::usize)?;
    r.required(offsets.try_into().ok(), "two offsets")
}

fn paragraph(r: &mut Reader) -> Result<Paragraph> {
    let (mut start, mut end, mut kind) = (None, None, None);
    r.object(&mut |r, member| {
        match member {
            "start" => start = Some(r.usize()?),
            "end" => end = Some(r.usize()?),
            "kind" => {
                let kinds = [ParagraphKind::Headline, ParagraphKind::Body, ParagraphKind::Caption];
                kind = Some(kinds[one_of(r, &["headline", "body", "caption"], "a paragraph kind")?]);
            }
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Paragraph { start: r.required(start, "start")?, end: r.required(end, "end")?, kind: r.required(kind, "kind")? })
}

fn entity(r: &mut Reader) -> Result<Entity> {
    let (mut id, mut name, mut kind, mut aliases, mut mentions, mut role, mut roles) = Default::default();
    let (mut confidence, mut kind_cues, mut x, mut y) = Default::default();
    r.object(&mut |r, member| {
        match member {
            "id" => id = Some(r.string()?),
            "name" => name = Some(r.string()?),
            "kind" => kind = Some(EntityKind::ALL[one_of(r, &EntityKind::ALL.map(EntityKind::as_str), "an entity kind")?]),
            "aliases" => aliases = Some(strings(r)?),
            "mentions" => mentions = Some(r.array(span)?),
            "role" => role = optional_string(r)?,
            "roles" => roles = Some(strings(r)?),
            "confidence" => confidence = Some(r.number()? as f32),
            "kind_cues" => kind_cues = Some(r.array(shared_id)?),
            "x" => x = Some(r.number()? as f32),
            "y" => y = Some(r.number()? as f32),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Entity {
        id: r.required(id, "id")?,
        name: r.required(name, "name")?,
        kind: r.required(kind, "kind")?,
        aliases: r.required(aliases, "aliases")?,
        mentions: r.required(mentions, "mentions")?,
        role,
        roles: r.required(roles, "roles")?,
        confidence: r.required(confidence, "confidence")?,
        kind_cues: r.required(kind_cues, "kind_cues")?,
        x: r.required(x, "x")?,
        y: r.required(y, "y")?,
    })
}

fn precision(r: &mut Reader) -> Result<Precision> {
    Ok(Precision::ALL[one_of(r, &Precision::ALL.map(Precision::as_str), "a precision")?])
}

fn date_point(r: &mut Reader) -> Result<DatePoint> {
    let (mut value, mut precision_read) = (None, None);
    r.object(&mut |r, member| {
        match member {
            "value" => value = Some(r.string()?),
            "precision" => precision_read = Some(precision(r)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(DatePoint { value: r.required(value, "value")?, precision: r.required(precision_read, "precision")? })
}

fn event_date(r: &mut Reader) -> Result<EventDate> {
    let (mut value, mut precision_read, mut end, mut resolved, mut as_written, mut span_read) = Default::default();
    r.object(&mut |r, member| {
        match member {
            "value" => value = optional_string(r)?,
            "precision" => precision_read = Some(precision(r)?),
            "end" => end = r.nullable(date_point)?,
            "resolved" => resolved = Some(r.boolean()?),
            "as_written" => as_written = Some(r.string()?),
            "span" => span_read = Some(span(r)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(EventDate {
        value,
        precision: r.required(precision_read, "precision")?,
        end,
        resolved: r.required(resolved, "resolved")?,
        as_written: r.required(as_written, "as_written")?,
        span: r.required(span_read, "span")?,
    })
}

fn event(r: &mut Reader) -> Result<Event> {
    let (mut id, mut article, mut date, mut text, mut evidence, mut entities) = Default::default();
    r.object(&mut |r, member| {
        match member {
            "id" => id = Some(r.string()?),
            "article" => article = Some(r.string()?),
            "date" => date = Some(event_date(r)?),
            "text" => text = Some(r.string()?),
            "evidence" => evidence = Some(span(r)?),
            "entities" => entities = Some(r.array(shared_id)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Event {
        id: r.required(id, "id")?,
        article: r.required(article, "article")?.into(),
        date: r.required(date, "date")?,
        text: r.required(text, "text")?,
        evidence: r.required(evidence, "evidence")?,
        entities: r.required(entities, "entities")?,
    })
}

fn quote(r: &mut Reader) -> Result<Quote> {
    let (mut id, mut speaker, mut text, mut span_read, mut evidence) = Default::default();
    r.object(&mut |r, member| {
        match member {
            "id" => id = Some(r.string()?),
            "speaker" => speaker = r.nullable(shared_id)?,
            "text" => text = Some(r.string()?),
            "span" => span_read = Some(span(r)?),
            "evidence" => evidence = Some(span(r)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Quote {
        id: r.required(id, "id")?,
        speaker,
        text: r.required(text, "text")?,
        span: r.required(span_read, "span")?,
        evidence: r.required(evidence, "evidence")?,
    })
}

fn figure(r: &mut Reader) -> Result<Figure> {
    let (mut id, mut value, mut text, mut unit, mut qualifier, mut span_read, mut evidence, mut claimant, mut conflicts_with) =
        Default::default();
    r.object(&mut |r, member| {
        match member {
            "id" => id = Some(r.string()?),
            "value" => value = Some(r.number()?),
            "text" => text = Some(r.string()?),
            "unit" => unit = optional_string(r)?,
            "qualifier" => qualifier = optional_string(r)?,
            "span" => span_read = Some(span(r)?),
            "evidence" => evidence = Some(span(r)?),
            "claimant" => claimant = r.nullable(shared_id)?,
            "conflicts_with" => conflicts_with = Some(strings(r)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Figure {
        id: r.required(id, "id")?,
        value: r.required(value, "value")?,
        text: r.required(text, "text")?,
        unit,
        qualifier,
        span: r.required(span_read, "span")?,
        evidence: r.required(evidence, "evidence")?,
        claimant,
        conflicts_with: r.required(conflicts_with, "conflicts_with")?,
    })
}

fn relation(r: &mut Reader) -> Result<Relation> {
    let (mut id, mut source, mut target, mut kind, mut evidence) = Default::default();
    r.object(&mut |r, member| {
        match member {
            "id" => id = Some(r.string()?),
            "source" => source = Some(r.string()?),
            "target" => target = Some(r.string()?),
            "kind" => kind = Some(RelationKind::ALL[one_of(r, &RelationKind::ALL.map(RelationKind::as_str), "a relation kind")?]),
            "evidence" => evidence = Some(r.array(span)?),
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(Relation {
        id: r.required(id, "id")?,
        source: r.required(source, "source")?.into(),
        target: r.required(target, "target")?.into(),
        kind: r.required(kind, "kind")?,
        evidence: r.required(evidence, "evidence")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_quote(text: &str) -> Result<Quote> {
        Reader::new(text).document(quote)
    }

    #[test]
    fn members_read_as_serde_reads_them() {
        let span = r#"{"article": "a", "start": 1, "end": 2}"#;
        let full = format!(r#"{{"id": "q1", "speaker": "s", "text": "t", "span": {span}, "evidence": {span}}}"#);
        let reordered =
            format!(r#"{{"evidence": {span}, "new": [1, {{"x": null}}], "span": {span}, "text": "t", "speaker": "s", "id": "q1"}}"#);
        let without_optional = format!(r#"{{"id": "q1", "text": "t", "span": {span}, "evidence": {span}}}"#);
        let null_optional = format!(r#"{{"id": "q1", "speaker": null, "text": "t", "span": {span}, "evidence": {span}}}"#);
        for text in [&full, &reordered, &without_optional, &null_optional] {
            assert_eq!(read_quote(text).unwrap(), serde_json::from_str::<Quote>(text).unwrap(), "{text}");
        }
        let without_required = format!(r#"{{"id": "q1", "speaker": "s", "span": {span}, "evidence": {span}}}"#);
        assert_eq!(read_quote(&without_required).unwrap_err().expected, "text");
        assert!(serde_json::from_str::<Quote>(&without_required).is_err());
    }

    #[test]
    fn enumerations_take_only_their_names() {
        let relation = |kind: &str| format!(r#"{{"id": "r", "source": "a", "target": "b", "kind": "{kind}", "evidence": []}}"#);
        for kind in RelationKind::ALL {
            assert_eq!(Reader::new(&relation(kind.as_str())).document(super::relation).unwrap().kind, kind);
        }
        assert_eq!(Reader::new(&relation("friend_of")).document(super::relation).unwrap_err().expected, "a relation kind");
    }
}
