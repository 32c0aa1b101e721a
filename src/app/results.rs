//! Search results: matching entities and sentences, each a way in.

use super::{data, ViewProps};
use crate::view::state::{Action, ReaderTarget};
use crate::view::strings::EN;
use yew::prelude::*;

#[function_component(Results)]
pub fn results(props: &ViewProps) -> Html {
    let (corpus, index) = data();
    let filtered = &props.filtered;
    let entities = filtered.entity_hits.iter().take(30).map(|entity| {
        let id = entity.id.clone();
        let onclick = props.dispatch.reform(move |_| Action::SelectEntity(Some(id.clone())));
        html! { <li><button type="button" class={classes!("chip", entity.kind.as_str())} data-entity-id={entity.id.clone()} {onclick}>{ &entity.name }</button></li> }
    });
    let sentences = filtered.sentence_hits.iter().map(|hit| {
        let article = index.article(corpus, &hit.sentence.article);
        let pieces = hit.pieces(article.map_or("", |a| a.text.as_str())).into_iter().map(|(piece, matched)| {
            if matched {
                html! { <mark>{ piece }</mark> }
            } else {
                html! { { piece } }
            }
        });
        let target = ReaderTarget { article: hit.sentence.article.clone(), start: Some(hit.sentence.start) };
        let onclick = props.dispatch.reform(move |_| Action::OpenReader(target.clone()));
        html! {
            <li><button type="button" class="hit" {onclick}>
                { for pieces }
                <small>{ article.map_or(String::new(), |a| a.title.clone()) }</small>
            </button></li>
        }
    });
    let count = filtered.entity_hits.len() + filtered.sentence_hits.len();
    html! {
        <section class="results" aria-labelledby="results-title" aria-live="polite">
            <h2 id="results-title">{ EN.results } <span class="count">{ count }</span></h2>
            if count == 0 { <p>{ EN.no_results }</p> }
            <ul class="chips">{ for entities }</ul>
            <ul class="hits">{ for sentences }</ul>
        </section>
    }
}
