//! Cards for an event, a relation's evidence and the embed dialog.

use super::{browser, data, emit_on, marked::marked_text};
use crate::model::{Article, Precision, Span};
use crate::view::state::{Action, Open, ReaderTarget, ViewState};
use crate::view::strings::{relation_name, EN};
use yew::prelude::*;

/// Where the article was published: a link for a web address, any other
/// value as plain text (a corpus may come from anywhere, and only `http` and
/// `https` are safe to follow); nothing when the corpus gives no address.
pub fn original(article: &Article) -> Option<Html> {
    let url = article.url.as_deref()?;
    Some(match article.web_address() {
        Some(url) => html! { <a href={url.to_string()} target="_blank" rel="noopener noreferrer">{ EN.original }</a> },
        None => html! { <span class="url">{ format!("{}: {url}", EN.original) }</span> },
    })
}

/// A sentence with its marks, its article and a link that opens the reader there.
pub fn evidence(span: &Span, dispatch: &Callback<Action>) -> Html {
    let (corpus, index) = data();
    let Some(article) = index.article(corpus, &span.article) else { return Html::default() };
    let read = emit_on(dispatch, Action::OpenReader(ReaderTarget { article: span.article.to_string(), start: Some(span.start) }));
    html! {
        <figure class="evidence">
            <blockquote>{ marked_text(&span.article, span.start, span.end, None, dispatch) }</blockquote>
            <figcaption>
                <cite>{ &article.title }</cite>{ " — " }<bdi>{ &article.outlet }</bdi>
                { for article.published.as_ref().map(|p| format!(", {p}")) }
                { " " }<button type="button" class="link" onclick={read}>{ EN.read_in_article }</button>
            </figcaption>
        </figure>
    }
}

/// What a card shows for an item the corpus does not hold.
pub fn not_found() -> Html {
    html! { <p>{ EN.no_results }</p> }
}

pub fn event_card(id: &str, dispatch: &Callback<Action>) -> Html {
    let (corpus, index) = data();
    let Some(event) = index.event(corpus, id) else { return not_found() };
    let article = index.article(corpus, &event.article);
    let precision = match event.date.precision {
        Precision::Year => EN.precision_year,
        Precision::Month => EN.precision_month,
        Precision::Day => EN.precision_day,
    };
    let normalised = match (&event.date.value, &event.date.end) {
        (Some(value), Some(end)) => format!("{value} – {} ({precision})", end.value),
        (Some(value), None) => format!("{value} ({precision})"),
        (None, _) => EN.unresolved.to_string(),
    };
    html! {
        <article class="card event-card" data-event-id={event.id.clone()}>
            <h2>{ &event.text }</h2>
            <dl>
                <dt>{ EN.date_as_written }</dt><dd>{ &event.date.as_written }</dd>
                <dt>{ EN.date_normalised }</dt><dd><time datetime={event.date.value.clone().unwrap_or_default()}>{ normalised }</time></dd>
                <dt>{ EN.published }</dt><dd>{ article.and_then(|a| a.published.clone()).unwrap_or_default() }</dd>
            </dl>
            { evidence(&event.evidence, dispatch) }
            { for article.and_then(original).map(|original| html! { <p>{ original }</p> }) }
        </article>
    }
}

/// A button that selects the entity `id`, named `name`.
pub fn entity_link(id: &str, name: &str, dispatch: &Callback<Action>) -> Html {
    let onclick = emit_on(dispatch, Action::SelectEntity(Some(id.to_string())));
    html! { <button type="button" class="link" data-entity-id={id.to_string()} {onclick}>{ name }</button> }
}

pub fn relation_card(id: &str, dispatch: &Callback<Action>) -> Html {
    let (corpus, index) = data();
    let Some(relation) = index.relation(corpus, id) else { return not_found() };
    let link = |entity: &str| entity_link(entity, index.entity(corpus, entity).map_or(entity, |e| &e.name), dispatch);
    html! {
        <article class="card relation-card">
            <h2>{ link(&relation.source) }{ format!(" {} ", relation_name(relation.kind)) }{ link(&relation.target) }</h2>
            <h3>{ format!("{} ({})", EN.evidence, relation.evidence.len()) }</h3>
            { for relation.evidence.iter().map(|span| evidence(span, dispatch)) }
        </article>
    }
}

pub fn embed_dialog(state: &ViewState) -> Html {
    let mut embedded = state.clone();
    embedded.embed = true;
    if embedded.open == Some(Open::Embed) {
        embedded.open = None;
    }
    let src = format!("{}#{}", browser::base_url(), embedded.encode(&data().0.version));
    let snippet = format!(
        "<iframe src=\"{src}\" title=\"{}\" width=\"100%\" height=\"640\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>",
        EN.app_title
    );
    let copy = {
        let snippet = snippet.clone();
        // Where the clipboard is closed the snippet stays selectable in the text area.
        Callback::from(move |_| {
            let snippet = snippet.clone();
            yew::platform::spawn_local(async move {
                browser::copy_text(&snippet).await;
            });
        })
    };
    html! {
        <section class="card embed-dialog" role="dialog" aria-labelledby="embed-title">
            <h2 id="embed-title">{ EN.embed_this_view }</h2>
            <p>{ EN.embed_help }</p>
            <label for="embed-snippet" class="visually-hidden">{ EN.embed_this_view }</label>
            <textarea id="embed-snippet" readonly=true rows="6" value={snippet} />
            <button type="button" onclick={copy}>{ EN.copy_snippet }</button>
        </section>
    }
}
