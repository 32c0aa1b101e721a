//! Every string the interface shows, in one place, ready for translation.
//! Components take their words from here and never spell them inline.

use super::case;
use super::decimal::decimal;
use crate::model::{EntityKind, RelationKind, SharedId};

pub struct Strings {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub details: &'static str,
    pub overview_title: &'static str,
    pub one_article: &'static str,
    pub one_outlet: &'static str,
    pub outlets: &'static str,
    pub events_about: &'static str,
    pub most_mentioned_people: &'static str,
    pub most_mentioned_organisations: &'static str,
    pub latest_events: &'static str,
    pub overview_hint: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub facets: &'static str,
    pub kinds: &'static str,
    pub articles: &'static str,
    pub filter_articles_label: &'static str,
    pub filter_articles_placeholder: &'static str,
    pub chosen_articles: &'static str,
    pub remove_article: &'static str,
    pub quotes_only: &'static str,
    pub date_range: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub clear_filters: &'static str,
    pub timeline: &'static str,
    pub graph: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset_view: &'static str,
    pub lanes_by_article: &'static str,
    pub lanes_by_kind: &'static str,
    pub clear_range: &'static str,
    pub brush_hint: &'static str,
    pub timeline_help: &'static str,
    pub previous_event: &'static str,
    pub next_event: &'static str,
    pub graph_help: &'static str,
    pub events_as_list: &'static str,
    pub graph_as_table: &'static str,
    pub entity: &'static str,
    pub entities: &'static str,
    pub kind: &'static str,
    pub role: &'static str,
    pub mentions: &'static str,
    pub aliases: &'static str,
    pub relation: &'static str,
    pub evidence: &'static str,
    pub quotes: &'static str,
    pub figures: &'static str,
    pub related: &'static str,
    pub events: &'static str,
    pub conflict: &'static str,
    pub claimed_by: &'static str,
    pub date_as_written: &'static str,
    pub date_normalised: &'static str,
    pub unresolved: &'static str,
    pub published: &'static str,
    pub original: &'static str,
    pub read_in_article: &'static str,
    pub close: &'static str,
    pub copy_link: &'static str,
    pub copy_snippet: &'static str,
    pub link_copied: &'static str,
    pub copy_by_hand: &'static str,
    pub embed_this_view: &'static str,
    pub embed_help: &'static str,
    pub export: &'static str,
    pub export_events_csv: &'static str,
    pub export_entities_csv: &'static str,
    pub export_quotes_csv: &'static str,
    pub export_relations_csv: &'static str,
    pub export_json: &'static str,
    pub export_timeline: &'static str,
    pub export_svg: &'static str,
    pub export_gexf: &'static str,
    pub export_graphml: &'static str,
    pub results: &'static str,
    pub one_result: &'static str,
    pub no_results: &'static str,
    pub older_corpus: &'static str,
    pub dismiss: &'static str,
    pub error_title: &'static str,
    pub error_body: &'static str,
    pub reload: &'static str,
    pub nobody: &'static str,
    pub matching: &'static str,
    pub source: &'static str,
    pub target: &'static str,
    pub show_all: &'static str,
    pub skip_to_main: &'static str,
    pub one_event: &'static str,
    pub one_entity: &'static str,
    pub one_quote: &'static str,
    pub one_figure: &'static str,
    pub one_sentence: &'static str,
    pub sentences: &'static str,
    pub more_lanes: &'static str,
    pub undated: &'static str,
    pub unnamed: &'static str,
    pub showing_most_mentioned: &'static str,
    pub showing_first: &'static str,
    pub legend_quote: &'static str,
    pub legend_figure: &'static str,
    pub precision_year: &'static str,
    pub precision_month: &'static str,
    pub precision_day: &'static str,
}

pub const EN: Strings = Strings {
    app_title: "Deportation to Cambodia: news explorer",
    app_subtitle: "Every event, person and relation linked to the sentence that supports it.",
    details: "Details",
    overview_title: "About this corpus",
    one_article: "article",
    one_outlet: "outlet",
    outlets: "outlets",
    events_about: "Its dated events run from",
    most_mentioned_people: "People named most",
    most_mentioned_organisations: "Organisations named most",
    latest_events: "Latest events",
    overview_hint: "Choose a name to see its network, events and quotes; choose an event, or walk them in date order with Next; every item links to the sentence that supports it.",
    search_label: "Search sentences and names",
    search_placeholder: "Search, e.g. Interior Ministry",
    facets: "Filters",
    kinds: "Entity kinds",
    articles: "Articles",
    filter_articles_label: "Filter articles by title, outlet or date",
    filter_articles_placeholder: "Filter articles\u{2026}",
    chosen_articles: "Chosen articles",
    remove_article: "Remove from the filter",
    quotes_only: "Quotes only",
    date_range: "Date range",
    from: "From",
    to: "To",
    clear_filters: "Clear filters",
    timeline: "Timeline",
    graph: "Relations",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset_view: "Fit all",
    lanes_by_article: "Lanes by article",
    lanes_by_kind: "Lanes by entity kind",
    clear_range: "Clear date range",
    brush_hint: "Drag here to filter by dates",
    timeline_help: "Wheel or buttons zoom, drag or arrow keys pan, Enter opens an event; Previous and Next (or P and N) walk through the events in date order.",
    previous_event: "\u{2190} Previous",
    next_event: "Next \u{2192}",
    graph_help: "Wheel, buttons or + and − zoom; drag or arrow keys pan; choose a node for its network.",
    events_as_list: "Events as a list",
    graph_as_table: "Entities and relations as tables",
    entity: "Entity",
    entities: "Entities",
    kind: "Kind",
    role: "Role",
    mentions: "Mentions",
    aliases: "Also called",
    relation: "Relation",
    evidence: "Evidence",
    quotes: "Quotes",
    figures: "Figures",
    related: "Related",
    events: "Events",
    conflict: "conflicts with",
    claimed_by: "claimed by",
    date_as_written: "As written",
    date_normalised: "Normalised",
    unresolved: "not resolvable without a publication date",
    published: "Published",
    original: "Original article",
    read_in_article: "Read in article",
    close: "Close",
    copy_link: "Copy link",
    copy_snippet: "Copy snippet",
    link_copied: "Link copied",
    copy_by_hand: "Copy this link:",
    embed_this_view: "Embed this view",
    embed_help: "Paste this into your page. The frame sizes itself if you add the script from the README.",
    export: "Export",
    export_events_csv: "Events (CSV)",
    export_entities_csv: "Entities (CSV)",
    export_quotes_csv: "Quotes (CSV)",
    export_relations_csv: "Relations (CSV)",
    export_json: "Everything shown (JSON)",
    export_timeline: "Timeline for TimelineJS (JSON)",
    export_svg: "Graph (SVG)",
    export_gexf: "Graph for Gephi (GEXF)",
    export_graphml: "Graph (GraphML)",
    results: "Search results",
    one_result: "search result",
    no_results: "Nothing matches these filters.",
    older_corpus: "This link was made for another version of the corpus; some items may have changed.",
    dismiss: "Dismiss",
    error_title: "Something went wrong",
    error_body: "The explorer hit an unexpected error.",
    reload: "Reload the explorer",
    nobody: "unattributed",
    matching: "matching",
    source: "From",
    target: "To",
    show_all: "Show all",
    skip_to_main: "Skip to the timeline",
    one_event: "event",
    one_entity: "entity",
    one_quote: "quote",
    one_figure: "figure",
    one_sentence: "sentence",
    sentences: "sentences",
    more_lanes: "more lanes",
    undated: "Statements whose dates cannot be placed without a publication date",
    unnamed: "No entity",
    showing_most_mentioned: "Showing the most mentioned entities; filter or search to see others.",
    showing_first: "Showing the first",
    legend_quote: "quote",
    legend_figure: "figure",
    precision_year: "year",
    precision_month: "month",
    precision_day: "day",
};

pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organisation",
        EntityKind::Place => "Place",
        EntityKind::Other => "Other",
    }
}

/// The kind as the entity card gives it: "Organisation", or "Organisation
/// (a guess, 50%: unknown name)" when the pipeline was unsure.
pub fn kind_with_confidence(kind: EntityKind, confidence: f32, cues: &[SharedId]) -> String {
    if confidence >= crate::model::SURE_KIND {
        return kind_name(kind).to_string();
    }
    let why = if cues.is_empty() { String::new() } else { format!(": {}", join(cues, ", ")) };
    format!("{} (a guess, {}%{why})", kind_name(kind), decimal(confidence * 100.0, 0))
}

/// A relation kind in words: "Chum Sounry *spokesperson of* Foreign Ministry".
pub fn relation_name(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::SpokespersonOf => "spokesperson of",
        RelationKind::AdviserTo => "adviser to",
        RelationKind::HeadOf => "head of",
        RelationKind::MemberOf => "member of",
        RelationKind::AffiliatedWith => "affiliated with",
        RelationKind::CoOccurs => "named together",
    }
}

/// What an edge stands for, in plain words: "spokesperson of", "named
/// together in 3 sentences".
fn relation_phrase(kind: RelationKind, sentences: usize) -> String {
    match kind {
        RelationKind::CoOccurs => format!("{} in {}", relation_name(kind), count(sentences, EN.one_sentence, EN.sentences)),
        _ => relation_name(kind).to_string(),
    }
}

/// An edge's name, on hover and focus and for assistive technology:
/// "Chum Sounry, spokesperson of Foreign Ministry (2 sentences)", "Cambodia
/// and United States, named together in 3 sentences".
pub fn relation_sentence(source: &str, kind: RelationKind, target: &str, sentences: usize) -> String {
    match kind {
        RelationKind::CoOccurs => format!("{source} and {target}, {}", relation_phrase(kind, sentences)),
        _ => format!("{source}, {} {target} ({})", relation_phrase(kind, sentences), count(sentences, EN.one_sentence, EN.sentences)),
    }
}

/// `items` joined by `separator`, through one `join` for every kind of
/// string: each kind's own `join` is compiled into the wasm anew.
pub fn join<S: std::borrow::Borrow<str>>(items: &[S], separator: &str) -> String {
    items.iter().map(|item| item.borrow()).collect::<Vec<&str>>().join(separator)
}

/// "1 event", "3 events": a count with the noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {}", case::lowercase(many))
    }
}

/// How many articles the article facet lists: "2095 articles", or, while
/// its filter narrows them, "12 of 2095 articles match".
pub fn articles_listed(shown: usize, total: usize) -> String {
    if shown == total {
        count(total, EN.one_article, EN.articles)
    } else {
        let verb = if shown == 1 { "matches" } else { "match" };
        format!("{shown} of {} {verb}", count(total, EN.one_article, EN.articles))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unsure_kind_says_so_and_why() {
        assert_eq!(kind_with_confidence(EntityKind::Place, 0.9, &["place gazetteer".into()]), "Place");
        assert_eq!(
            kind_with_confidence(EntityKind::Organization, 0.5, &["unknown name".into()]),
            "Organisation (a guess, 50%: unknown name)"
        );
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(1, EN.one_event, EN.events), "1 event");
        assert_eq!(count(0, EN.one_event, EN.events), "0 events");
        assert_eq!(count(26, EN.one_entity, EN.entities), "26 entities");
        assert_eq!(articles_listed(2, 2), "2 articles");
        assert_eq!(articles_listed(1, 2095), "1 of 2095 articles matches");
        assert_eq!(articles_listed(0, 2095), "0 of 2095 articles match");
    }

    #[test]
    fn relations_read_as_plain_words() {
        assert_eq!(relation_phrase(RelationKind::SpokespersonOf, 2), "spokesperson of");
        assert_eq!(relation_phrase(RelationKind::CoOccurs, 1), "named together in 1 sentence");
        assert_eq!(
            relation_sentence("Chum Sounry", RelationKind::SpokespersonOf, "Foreign Ministry", 2),
            "Chum Sounry, spokesperson of Foreign Ministry (2 sentences)"
        );
        assert_eq!(
            relation_sentence("Cambodia", RelationKind::CoOccurs, "United States", 3),
            "Cambodia and United States, named together in 3 sentences"
        );
    }
}
