//! The article reader: the cleaned article with mentions, quotes and
//! figures marked, scrolled to and highlighting the linked sentence. The
//! headline paragraph is the reader's heading, marked like the rest.

use super::{
    browser,
    cards::{not_found, original},
    data,
    marked::{marked_text, TARGET_ID},
};
use crate::model::{EntityKind, Paragraph, ParagraphKind};
use crate::view::state::{Action, ReaderTarget};
use crate::view::strings::{kind_name, EN};
use yew::prelude::*;

/// The reader open on `target`. A function rather than a component: the
/// panel renders on every change of the view anyway. The app scrolls to the
/// target (`scroll_to_target`) once it is drawn.
pub fn reader(target: &ReaderTarget, dispatch: &Callback<Action>) -> Html {
    let (corpus, index) = data();
    let Some(article) = index.article(corpus, &target.article) else { return not_found() };
    let marked = |p: &Paragraph| marked_text(&article.id, p.start, p.end, target.start, dispatch);
    // The headline paragraph is the heading, marked like the body; the title stands in when there is none.
    let heading = match article.paragraphs.iter().find(|p| p.kind == ParagraphKind::Headline) {
        Some(headline) => marked(headline),
        None => html! { { &article.title } },
    };
    let paragraphs = article.paragraphs.iter().map(|p| match p.kind {
        ParagraphKind::Headline => Html::default(),
        ParagraphKind::Caption => html! { <p class="caption">{ marked(p) }</p> },
        ParagraphKind::Body => html! { <p>{ marked(p) }</p> },
    });
    html! {
        <article class="card reader" lang="en">
            <h2>{ heading }</h2>
            <p class="byline">
                <bdi>{ &article.outlet }</bdi>
                { for article.published.as_ref().map(|p| html! { <>{ ", " }<time datetime={p.clone()}>{ p }</time></> }) }
                { for original(article).map(|original| html! { <>{ " · " }{ original }</> }) }
            </p>
            <div class="legend" aria-hidden="true">
                { for EntityKind::ALL.into_iter().map(|kind| html! { <span class={classes!("mention", kind.as_str())}>{ kind_name(kind) }</span> }) }
                <span class="quote">{ EN.legend_quote }</span><span class="figure">{ EN.legend_figure }</span>
            </div>
            { for paragraphs }
        </article>
    }
}

/// Scrolls the reader to its target sentence: run by the app whenever the
/// reader opens or its target changes, after the panel is drawn.
pub fn scroll_to_target() {
    browser::scroll_to(TARGET_ID);
}
