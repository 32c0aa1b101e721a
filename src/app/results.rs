//! Search results: matching entities and sentences, each a way in.

use super::{data, emit_on, scroll_list::ScrollList};
use crate::view::filter::{hits, SentenceHit};
use crate::view::markup::lead_in;
use crate::view::state::{Action, Filters, ReaderTarget};
use crate::view::strings::{count, EN};
use yew::prelude::*;

/// A hit's height in pixels as `static/style.css` sets it: its sentence and
/// its article's title, a line each.
const HIT_ROW: f64 = 58.0;
/// Characters kept before the match, so that the match shows on its line.
const LEAD_IN: usize = 24;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub filters: Filters,
    pub dispatch: Callback<Action>,
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let (corpus, index) = data();
    // The hits alone, not the whole filtered corpus: a keystroke shows only them.
    let found = use_memo(props.filters.clone(), |filters| hits(corpus, index, filters));
    let entities = found.entities.iter().take(30).map(|entity| {
        let onclick = emit_on(&props.dispatch, Action::SelectEntity(Some(entity.id.clone())));
        html! { <li><button type="button" class={classes!("chip", entity.kind.as_str())} data-entity-id={entity.id.clone()} {onclick}>{ &entity.name }</button></li> }
    });
    let hit_row = {
        let (found, dispatch) = (found.clone(), props.dispatch.clone());
        Callback::from(move |position: usize| sentence_hit(&found.sentences[position], &dispatch))
    };
    let total = found.entities.len() + found.sentences.len();
    html! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">{ EN.results } <span class="count" aria-hidden="true">{ total }</span></h2>
            // Announced as typing narrows the results; scrolling the list announces nothing.
            <p class="visually-hidden" aria-live="polite">{ count(total, EN.one_result, EN.results) }</p>
            if total == 0 { <p>{ EN.no_results }</p> }
            if !found.entities.is_empty() { <ul class="chips">{ for entities }</ul> }
            <ScrollList class="hits" count={found.sentences.len()} row_height={HIT_ROW} row={hit_row} />
        </section>
    }
}

/// A matching sentence on one line, its match in view, and its article
/// beneath; the whole sentence in its tooltip and accessible name.
fn sentence_hit(hit: &SentenceHit, dispatch: &Callback<Action>) -> Html {
    let (corpus, index) = data();
    let article = index.article(corpus, &hit.sentence.article);
    let text = article.map_or("", |a| a.text.as_str());
    let onclick =
        emit_on(dispatch, Action::OpenReader(ReaderTarget { article: hit.sentence.article.to_string(), start: Some(hit.sentence.start) }));
    let sentence = &text[hit.sentence.start..hit.sentence.end];
    let title = article.map_or(String::new(), |a| a.title.clone());
    let pieces = hit.pieces(text).into_iter().enumerate().map(|(i, (piece, matched))| match (i, matched) {
        (_, true) => html! { <mark>{ piece }</mark> },
        // Only the text before the first match is cut, so that the match shows on the line.
        (0, false) => html! { { lead_in(piece, LEAD_IN) } },
        (_, false) => html! { { piece } },
    });
    html! {
        <button type="button" class="hit" title={sentence.to_string()} aria-label={format!("{sentence} \u{2014} {title}")} {onclick}>
            <span class="line">{ for pieces }</span>
            <small class="line">{ title }</small>
        </button>
    }
}
