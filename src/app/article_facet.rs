//! The article facet: a field that narrows the list by title, outlet or
//! date, the chosen articles first as removable chips, and the list as
//! checkboxes, only those in view built. The chosen articles live in the
//! URL; the field's text is this component's own, as it filters nothing else.

use super::{data, emit_on, scroll_list::ScrollList, SharedFiltered};
use crate::model::Article;
use crate::view::filter::articles_matching;
use crate::view::sorted_set::SortedSet;
use crate::view::state::Action;
use crate::view::strings::{articles_listed, count, EN};
use std::collections::HashMap;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A row's height in pixels as `static/style.css` sets it: the title on one
/// line, count, outlet and date on the next.
const ARTICLE_ROW: f64 = 46.0;
/// Up to this many articles the list shows them all at a glance, so a
/// filter field and chips would only add stops on the way through.
const LISTED_WITHOUT_FILTER: usize = 8;

#[derive(Properties, PartialEq)]
pub struct ArticleFacetProps {
    pub chosen: SortedSet<String>,
    pub filtered: SharedFiltered,
    pub dispatch: Callback<Action>,
}

#[function_component(ArticleFacet)]
pub fn article_facet(props: &ArticleFacetProps) -> Html {
    let (corpus, index) = data();
    let query = use_state(String::new);
    let matching = use_memo((*query).clone(), |query| articles_matching(&corpus.articles, query));
    let filterable = corpus.articles.len() > LISTED_WITHOUT_FILTER;
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let chips = props.chosen.iter().filter_map(|id| index.article(corpus, id)).map(|article| {
        let onclick = emit_on(&props.dispatch, Action::ToggleArticle(article.id.clone()));
        html! {
            <li><button type="button" class="chip" title={article.title.clone()} aria-label={format!("{}: {}", EN.remove_article, article.title)} {onclick}>
                <span class="line">{ &article.title }</span><span aria-hidden="true">{ "\u{00d7}" }</span>
            </button></li>
        }
    });
    let row = {
        let (matching, chosen, dispatch) = (matching.clone(), props.chosen.clone(), props.dispatch.clone());
        let mut per_article: HashMap<&str, usize> = HashMap::new();
        for event in &props.filtered.events {
            *per_article.entry(event.article.as_str()).or_default() += 1;
        }
        Callback::from(move |position: usize| {
            let article = &corpus.articles[matching[position]];
            let events = per_article.get(article.id.as_str()).copied().unwrap_or(0);
            article_row(article, chosen.contains(&article.id), events, emit_on(&dispatch, Action::ToggleArticle(article.id.clone())))
        })
    };
    html! {
        <fieldset class="article-facet">
            <legend>{ EN.articles }</legend>
            if filterable {
                if !props.chosen.is_empty() { <ul class="chosen" aria-label={EN.chosen_articles}>{ for chips }</ul> }
                <label for="article-filter" class="visually-hidden">{ EN.filter_articles_label }</label>
                <input id="article-filter" type="search" autocomplete="off" placeholder={EN.filter_articles_placeholder}
                    value={(*query).clone()} {oninput} aria-controls="article-list" aria-describedby="article-matches" />
                <p id="article-matches" class="help" aria-live="polite">{ articles_listed(matching.len(), corpus.articles.len()) }</p>
            }
            <ScrollList id="article-list" class="articles" count={matching.len()} row_height={ARTICLE_ROW} {row} />
        </fieldset>
    }
}

/// An article as a checkbox: its title on one line; on the next the events
/// it gives under the other filters (first, so never cut), its outlet and
/// date. Cut to fit, whole in the tooltip and the checkbox's name.
fn article_row(article: &Article, chosen: bool, events: usize, onchange: Callback<Event>) -> Html {
    let published = article.published.as_deref().map(|p| format!(" \u{00b7} {p}")).unwrap_or_default();
    html! {
        <label title={format!("{} \u{2014} {}{published}", article.title, article.outlet)}>
            <input type="checkbox" checked={chosen} {onchange} />
            <span class="line">{ &article.title }</span>
            <span class="line meta">{ format!("{} \u{00b7} ", count(events, EN.one_event, EN.events)) }<bdi>{ &article.outlet }</bdi>{ published }</span>
        </label>
    }
}
