//! The built page: where the prerendered default view and the corpus go in
//! the `index.html` Trunk writes, how the corpus is cut into pieces there
//! and read back, and how it is escaped. Pure; the `prerender` binary reads
//! and writes the files, the app reads the pieces back
//! (`app::browser::embedded_corpus`).

mod items;

use crate::json;
use crate::model::{Article, Corpus, Entity, Event, Figure, Quote, Relation, SharedId, Span};
use serde::Serialize;
use std::collections::HashMap;

/// The id of the `<script type="application/json">` holding the corpus's
/// head (a [`CorpusHead`]), which the pieces after it complete.
pub const CORPUS_ELEMENT_ID: &str = "corpus";

/// The class of the `<script type="application/json">` elements after the
/// head, each holding a run of items of one list (a [`CorpusPiece`]).
pub const CORPUS_PIECE_CLASS: &str = "corpus-piece";

/// About how much JSON one piece holds. The app parses one piece per task,
/// so a piece must parse well within a frame budget's multiple on a slow
/// phone, and the text of one piece is all of the JSON the wasm holds at a
/// time: its memory keeps its high-water mark, so the whole 31 MB of a
/// large corpus copied in at once would stay reserved.
pub const PIECE_BYTES: usize = 512 * 1024;

/// Set on `<html>` by the page's head script when the address asks for a
/// view other than the prerendered one, which stays hidden until the app
/// has drawn that view.
pub const ROUTED_ATTRIBUTE: &str = "data-routed";

/// Set on `<html>` once the app runs: the prerendered page is interactive.
pub const READY_ATTRIBUTE: &str = "data-ready";

/// The empty element the app renders into, as `index.html` writes it.
const APP_ROOT: &str = r#"<div id="app"></div>"#;

#[derive(Debug, PartialEq, Eq)]
pub enum PageError {
    /// The page has no empty `<div id="app"></div>` to prerender into.
    NoAppRoot,
    /// The page has no `</body>` to put the corpus before.
    NoBodyEnd,
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::NoAppRoot => write!(f, "no empty `{APP_ROOT}` to prerender into (was the page prerendered already?)"),
            PageError::NoBodyEnd => write!(f, "no `</body>` to put the corpus before"),
        }
    }
}

/// Some consecutive items of the corpus's lists, as one element carries
/// them; lists it does not carry are absent from its JSON.
#[derive(Debug, Default, PartialEq, Serialize)]
pub struct CorpusPiece {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Article>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
}

/// What the page says of the corpus before its pieces: the corpus's own
/// fields other than its lists, and how long each list is, so that the
/// reader makes room for each list once. Grown piece by piece instead, a
/// list would take up to twice its size, and the wasm's memory keeps its
/// high-water mark.
#[derive(Debug, PartialEq, Serialize)]
pub struct CorpusHead {
    pub schema_version: u32,
    pub version: String,
    pub articles: usize,
    pub entities: usize,
    pub events: usize,
    pub quotes: usize,
    pub figures: usize,
    pub relations: usize,
}

/// Reads the corpus back as the page embeds it: the head, then each piece
/// in page order. The ids by which the items read name an article or an
/// entity share its id ([`SharedId`]) instead of keeping a copy each; a
/// piece's own copies are dropped as soon as it is read, so they never add
/// up.
pub struct CorpusReader {
    corpus: Corpus,
    /// The ids of the articles and of the entities read so far (articles
    /// come first in the page, entities before the items that name them),
    /// one copy each.
    articles: SharedIds,
    entities: SharedIds,
    /// The entities' kind cues read so far.
    kind_cues: SharedIds,
}

/// Ids read, one shared copy of each, found by their text. A map to
/// positions, the kind of map the index keeps too: every other kind would
/// add its own code to the wasm.
#[derive(Default)]
struct SharedIds {
    positions: HashMap<String, usize>,
    copies: Vec<SharedId>,
}

impl SharedIds {
    fn add(&mut self, id: SharedId) {
        self.positions.insert(id.to_string(), self.copies.len());
        self.copies.push(id);
    }

    /// Makes `id` the shared copy, if its item was read.
    fn share(&self, id: &mut SharedId) {
        if let Some(&position) = self.positions.get(id.as_str()) {
            *id = self.copies[position].clone();
        }
    }

    /// Makes `id` the shared copy, or the copy the next ones share.
    fn share_or_add(&mut self, id: &mut SharedId) {
        match self.positions.get(id.as_str()) {
            Some(&position) => *id = self.copies[position].clone(),
            None => self.add(id.clone()),
        }
    }
}

impl CorpusReader {
    pub fn new(head: &str) -> json::Result<CorpusReader> {
        let CorpusHead { schema_version, version, articles, entities, events, quotes, figures, relations } =
            json::Reader::new(head).document(items::head)?;
        let corpus = Corpus {
            schema_version,
            version,
            articles: Vec::with_capacity(articles),
            entities: Vec::with_capacity(entities),
            events: Vec::with_capacity(events),
            quotes: Vec::with_capacity(quotes),
            figures: Vec::with_capacity(figures),
            relations: Vec::with_capacity(relations),
        };
        Ok(CorpusReader { corpus, articles: SharedIds::default(), entities: SharedIds::default(), kind_cues: SharedIds::default() })
    }

    /// Appends the items of the next piece to the corpus's lists, read
    /// straight into them (no list of the piece's own to copy from).
    pub fn read(&mut self, piece: &str) -> json::Result<()> {
        let CorpusReader { corpus, articles, entities, kind_cues } = self;
        let (first_article, first_entity, first_event) = (corpus.articles.len(), corpus.entities.len(), corpus.events.len());
        let (first_quote, first_figure, first_relation) = (corpus.quotes.len(), corpus.figures.len(), corpus.relations.len());
        json::Reader::new(piece).document(|r| items::piece(r, corpus))?;
        corpus.articles[first_article..].iter().for_each(|article| articles.add(article.id.as_str().into()));
        corpus.entities[first_entity..].iter().for_each(|entity| entities.add(entity.id.as_str().into()));
        // Makes `span` name its article by the shared id, if the article was read.
        let share = |span: &mut Span| articles.share(&mut span.article);
        for entity in &mut corpus.entities[first_entity..] {
            entity.mentions.iter_mut().for_each(share);
            entity.kind_cues.iter_mut().for_each(|cue| kind_cues.share_or_add(cue));
        }
        for event in &mut corpus.events[first_event..] {
            articles.share(&mut event.article);
            share(&mut event.date.span);
            share(&mut event.evidence);
            event.entities.iter_mut().for_each(|id| entities.share(id));
        }
        for quote in &mut corpus.quotes[first_quote..] {
            share(&mut quote.span);
            share(&mut quote.evidence);
            quote.speaker.iter_mut().for_each(|id| entities.share(id));
        }
        for figure in &mut corpus.figures[first_figure..] {
            share(&mut figure.span);
            share(&mut figure.evidence);
            figure.claimant.iter_mut().for_each(|id| entities.share(id));
        }
        for relation in &mut corpus.relations[first_relation..] {
            relation.evidence.iter_mut().for_each(share);
            entities.share(&mut relation.source);
            entities.share(&mut relation.target);
        }
        Ok(())
    }

    pub fn corpus(self) -> Corpus {
        self.corpus
    }
}

/// The corpus as the page embeds it: the head (a [`CorpusHead`]), then pieces of about `piece_bytes` (the page uses
/// [`PIECE_BYTES`]) of JSON each, every list's items in order. An item
/// larger than that is a piece of its own.
pub fn corpus_pieces(corpus: &Corpus, piece_bytes: usize) -> serde_json::Result<(String, Vec<String>)> {
    let head = CorpusHead {
        schema_version: corpus.schema_version,
        version: corpus.version.clone(),
        articles: corpus.articles.len(),
        entities: corpus.entities.len(),
        events: corpus.events.len(),
        quotes: corpus.quotes.len(),
        figures: corpus.figures.len(),
        relations: corpus.relations.len(),
    };
    let mut pieces = Vec::new();
    cut("articles", &corpus.articles, piece_bytes, &mut pieces)?;
    cut("entities", &corpus.entities, piece_bytes, &mut pieces)?;
    cut("events", &corpus.events, piece_bytes, &mut pieces)?;
    cut("quotes", &corpus.quotes, piece_bytes, &mut pieces)?;
    cut("figures", &corpus.figures, piece_bytes, &mut pieces)?;
    cut("relations", &corpus.relations, piece_bytes, &mut pieces)?;
    Ok((serde_json::to_string(&head)?, pieces))
}

/// Cuts `items` into runs of about `piece_bytes` of JSON and appends each
/// run as the [`CorpusPiece`] of the list named `list`.
fn cut<T: Serialize>(list: &str, items: &[T], piece_bytes: usize, pieces: &mut Vec<String>) -> serde_json::Result<()> {
    let piece = |run: &[String]| format!(r#"{{"{list}":[{}]}}"#, run.join(","));
    let mut run: Vec<String> = Vec::new();
    let mut bytes = 0;
    for item in items {
        let json = serde_json::to_string(item)?;
        if !run.is_empty() && bytes + json.len() > piece_bytes {
            pieces.push(piece(&run));
            run.clear();
            bytes = 0;
        }
        bytes += json.len() + 1;
        run.push(json);
    }
    if !run.is_empty() {
        pieces.push(piece(&run));
    }
    Ok(())
}

/// `template` with `view` (prerendered HTML) inside the app's root and the
/// corpus (its head and pieces, from [`corpus_pieces`]) embedded at the end
/// of the body, after the content, so the browser paints the view before it
/// reads the data.
pub fn assemble(template: &str, view: &str, head: &str, pieces: &[String]) -> Result<String, PageError> {
    let root = template.find(APP_ROOT).ok_or(PageError::NoAppRoot)?;
    let body_end = template.rfind("</body>").filter(|&end| end > root).ok_or(PageError::NoBodyEnd)?;
    let root_content = root + APP_ROOT.len() - "</div>".len();
    let mut scripts = format!(r#"<script type="application/json" id="{CORPUS_ELEMENT_ID}">{}</script>"#, script_safe(head));
    for piece in pieces {
        scripts.push_str(&format!(r#"<script type="application/json" class="{CORPUS_PIECE_CLASS}">{}</script>"#, script_safe(piece)));
    }
    let mut page = String::with_capacity(template.len() + view.len() + scripts.len());
    page.push_str(&template[..root_content]);
    page.push_str(view);
    page.push_str(&template[root_content..body_end]);
    page.push_str(&scripts);
    page.push_str(&template[body_end..]);
    Ok(page)
}

/// JSON that cannot end its `<script>` element or open a comment in it:
/// `<` only occurs inside JSON strings, where `\u003c` means the same.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const TEMPLATE: &str = "<html><head><title>t</title></head><body><noscript>n</noscript><div id=\"app\"></div></body></html>";

    #[test]
    fn the_view_goes_in_the_root_and_the_corpus_after_it() {
        let page = assemble(TEMPLATE, "<main>view</main>", r#"{"a":1}"#, &[r#"{"b":[2]}"#.into(), r#"{"c":[3]}"#.into()]).unwrap();
        assert_eq!(
            page,
            "<html><head><title>t</title></head><body><noscript>n</noscript><div id=\"app\"><main>view</main></div>\
             <script type=\"application/json\" id=\"corpus\">{\"a\":1}</script>\
             <script type=\"application/json\" class=\"corpus-piece\">{\"b\":[2]}</script>\
             <script type=\"application/json\" class=\"corpus-piece\">{\"c\":[3]}</script></body></html>"
        );
    }

    #[test]
    fn corpus_text_cannot_close_the_script_or_open_a_comment() {
        let json = r#"{"title":"</script><script>alert(1)</script><!--"}"#;
        let page = assemble(TEMPLATE, "", json, &[json.into()]).unwrap();
        let scripts = &page[page.find("id=\"corpus\">").unwrap()..];
        assert_eq!(scripts.matches("</script>").count(), 2, "only the elements' own end tags");
        assert!(!scripts.contains("<!--"));
        for opening in ["id=\"corpus\">", "class=\"corpus-piece\">"] {
            let text = &page[page.find(opening).unwrap() + opening.len()..];
            let embedded = &text[..text.find("</script>").unwrap()];
            let decoded: serde_json::Value = serde_json::from_str(embedded).unwrap();
            assert_eq!(decoded["title"], "</script><script>alert(1)</script><!--");
        }
    }

    #[test]
    fn a_page_without_an_empty_root_or_a_body_end_is_refused() {
        assert_eq!(assemble("<body></body>", "", "{}", &[]), Err(PageError::NoAppRoot));
        assert_eq!(assemble("<body><div id=\"app\"><p>old</p></div></body>", "", "{}", &[]), Err(PageError::NoAppRoot));
        assert_eq!(assemble("<body><div id=\"app\"></div>", "", "{}", &[]), Err(PageError::NoBodyEnd));
    }

    /// The corpus as the app reads it back: the head, then each piece in order.
    fn read_back(head: &str, pieces: &[String]) -> Corpus {
        let mut reader = CorpusReader::new(head).unwrap();
        for piece in pieces {
            reader.read(piece).unwrap();
        }
        reader.corpus()
    }

    #[test]
    fn ids_read_back_share_the_named_articles_and_entities_copy() {
        let corpus: Corpus = serde_json::from_str(include_str!("../corpus/corpus.json")).unwrap();
        let (head, pieces) = corpus_pieces(&corpus, 2000).unwrap();
        let read = read_back(&head, &pieces);
        let mentions = read.entities.iter().flat_map(|e| &e.mentions);
        let evidence = read.relations.iter().flat_map(|r| &r.evidence).chain(read.events.iter().flat_map(|e| [&e.evidence, &e.date.span]));
        let spans = mentions.chain(evidence).map(|span| &span.article);
        let articles: Vec<&SharedId> = spans.chain(read.events.iter().map(|e| &e.article)).collect();
        let named = read.relations.iter().flat_map(|r| [&r.source, &r.target]).chain(read.events.iter().flat_map(|e| &e.entities));
        let speakers = read.quotes.iter().filter_map(|q| q.speaker.as_ref());
        let entities: Vec<&SharedId> = named.chain(speakers).chain(read.figures.iter().filter_map(|f| f.claimant.as_ref())).collect();
        let cues: Vec<&SharedId> = read.entities.iter().flat_map(|e| &e.kind_cues).collect();
        for (ids, named) in [(articles, "article"), (entities, "entity"), (cues, "kind cue")] {
            let copies: HashSet<*const u8> = ids.iter().map(|id| id.as_ptr()).collect();
            let distinct: HashSet<&str> = ids.iter().map(|id| id.as_str()).collect();
            assert!(distinct.len() > 1);
            assert_eq!(copies.len(), distinct.len(), "one copy of each {named}'s id, shared by the items naming it");
        }
    }

    #[test]
    fn the_pieces_read_back_into_the_same_corpus_and_stay_near_their_size() {
        let corpus: Corpus = serde_json::from_str(include_str!("../corpus/corpus.json")).unwrap();
        let (head, whole) = corpus_pieces(&corpus, PIECE_BYTES).unwrap();
        assert_eq!(whole.len(), 6, "a small corpus: one piece per list");
        let read = read_back(&head, &whole);
        assert_eq!(read, corpus);
        assert_eq!(read.relations.capacity(), corpus.relations.len(), "room made once, to the item");
        let (head, small) = corpus_pieces(&corpus, 2000).unwrap();
        assert_eq!(read_back(&head, &small), corpus);
        assert!(small.len() > 20, "{} pieces", small.len());
        let largest_item = corpus.articles.iter().map(|a| serde_json::to_string(a).unwrap().len()).max().unwrap();
        for piece in &small {
            // A piece passes the size only by its last item, or is one large item.
            assert!(piece.len() < 2000 + largest_item + 20, "{} bytes", piece.len());
        }
    }

    #[test]
    fn the_shipped_page_has_the_root_and_the_head_script_the_app_relies_on() {
        let index = include_str!("../index.html");
        assert!(index.contains(APP_ROOT));
        assert!(index.contains(&format!("setAttribute(\"{ROUTED_ATTRIBUTE}\"")));
        assert!(include_str!("../static/style.css").contains(&format!("[{ROUTED_ATTRIBUTE}] #app")));
    }
}
