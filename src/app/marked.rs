//! Renders a stretch of article text with its marks: entity mentions by
//! kind (choosable), quotes, figures, and the sentence a link points at
//! wrapped in one highlighted element.

use super::{data, emit_on};
use crate::view::markup::{marks, segments, Mark};
use crate::view::state::Action;
use yew::prelude::*;

pub const TARGET_ID: &str = "target-sentence";

pub fn marked_text(article: &str, start: usize, end: usize, target: Option<usize>, dispatch: &Callback<Action>) -> Html {
    let (corpus, index) = data();
    let sentence = target.and_then(|t| index.sentence_at(corpus, article, t)).filter(|s| s[0] >= start && s[1] <= end);
    match sentence {
        Some([from, to]) => html! {
            <>
                { marked(article, start, from, dispatch) }
                <span class="target" id={TARGET_ID}>{ marked(article, from, to, dispatch) }</span>
                { marked(article, to, end, dispatch) }
            </>
        },
        None => marked(article, start, end, dispatch),
    }
}

fn marked(article: &str, start: usize, end: usize, dispatch: &Callback<Action>) -> Html {
    let (corpus, index) = data();
    let Some(text) = index.article(corpus, article).map(|a| a.text.as_str()) else { return Html::default() };
    let found = marks(corpus, index, article, start, end);
    let pieces = segments(start, end, &found).into_iter().map(|segment| {
        let words = &text[segment.start..segment.end];
        let mut classes = Classes::new();
        let mut entity = None;
        for mark in &segment.marks {
            match mark {
                Mark::Mention { entity: id, kind } => {
                    classes.push("mention");
                    classes.push(kind.as_str());
                    entity = Some(id.clone());
                }
                Mark::Quote => classes.push("quote"),
                Mark::Figure => classes.push("figure"),
            }
        }
        match entity {
            Some(entity) => {
                let onclick = emit_on(dispatch, Action::SelectEntity(Some(entity.clone())));
                html! { <button type="button" class={classes} data-entity-id={entity} {onclick}>{ words }</button> }
            }
            None if segment.marks.is_empty() => html! { { words } },
            None => html! { <span class={classes}>{ words }</span> },
        }
    });
    html! { <>{ for pieces }</> }
}
