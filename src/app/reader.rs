//! The article reader: the cleaned article with mentions, quotes and
//! figures marked, scrolled to and highlighting the linked sentence.

use super::{
    browser, data,
    marked::{marked_text, TARGET_ID},
};
use crate::model::{EntityKind, ParagraphKind};
use crate::view::state::{Action, ReaderTarget};
use crate::view::strings::{kind_name, EN};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub target: ReaderTarget,
    pub dispatch: Callback<Action>,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let corpus = &data().0;
    use_effect_with(props.target.clone(), |_| browser::scroll_to(TARGET_ID));
    let Some(article) = corpus.article(&props.target.article) else { return html! { <p>{ EN.no_results }</p> } };
    let paragraphs = article.paragraphs.iter().map(|p| {
        let body = marked_text(&article.id, p.start, p.end, props.target.start, &props.dispatch);
        match p.kind {
            ParagraphKind::Caption => html! { <p class="caption">{ body }</p> },
            ParagraphKind::Body => html! { <p>{ body }</p> },
        }
    });
    html! {
        <article class="card reader" lang="en">
            <h2>{ &article.title }</h2>
            <p class="byline">
                { &article.outlet }
                { for article.published.as_ref().map(|p| html! { <>{ ", " }<time datetime={p.clone()}>{ p }</time></> }) }
                { for article.url.as_ref().map(|url| html! { <>{ " · " }<a href={url.clone()} target="_blank" rel="noopener noreferrer">{ EN.original }</a></> }) }
            </p>
            <div class="legend" aria-hidden="true">
                { for EntityKind::ALL.into_iter().map(|kind| html! { <span class={classes!("mention", kind.as_str())}>{ kind_name(kind) }</span> }) }
                <span class="quote">{ EN.legend_quote }</span><span class="figure">{ EN.legend_figure }</span>
            </div>
            { for paragraphs }
        </article>
    }
}
