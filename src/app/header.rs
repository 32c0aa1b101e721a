//! The header: title, search box, copy link, embed and export.

use super::{browser, data, emit_on};
use crate::view::export;
use crate::view::filter::apply;
use crate::view::state::{Action, ViewState};
use crate::view::strings::EN;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The last copy of the link: Ok when it worked, else the link to copy by hand.
pub type Copied = UseStateHandle<Option<Result<(), String>>>;

/// The header. A function rather than a component: it takes the whole view
/// state, so it would render on every change anyway; the app holds `copied`.
pub fn header(state: &ViewState, dispatch: &Callback<Action>, copied: &Copied) -> Html {
    let (corpus, index) = data();
    let oninput = dispatch.reform(|e: InputEvent| Action::SetQuery(e.target_unchecked_into::<HtmlInputElement>().value()));
    let copy = {
        let (state, copied) = (state.clone(), copied.clone());
        Callback::from(move |_| {
            // The page's address is read on click: rendering reads no browser state.
            let link = format!("{}#{}", browser::base_url(), state.encode(&corpus.version));
            let copied = copied.clone();
            yew::platform::spawn_local(async move {
                let worked = browser::copy_text(&link).await;
                copied.set(Some(if worked { Ok(()) } else { Err(link) }))
            });
        })
    };
    let embed = emit_on(dispatch, Action::OpenEmbedDialog);
    let labels = [
        EN.export_events_csv,
        EN.export_entities_csv,
        EN.export_quotes_csv,
        EN.export_relations_csv,
        EN.export_json,
        EN.export_timeline,
        EN.export_svg,
        EN.export_gexf,
        EN.export_graphml,
    ];
    let exports = export::FILES.into_iter().zip(labels).map(|((file, mime), label)| {
        // Filtered on click: while typing runs ahead of the views, no filtered corpus matches the address.
        let filters = state.filters();
        let onclick =
            Callback::from(move |_| browser::download(file, mime, &export::content(file, corpus, index, &apply(corpus, index, &filters))));
        html! { <li><button type="button" {onclick} data-export={file}>{ label }</button></li> }
    });
    html! {
        <header class="header">
            <div class="titles">
                <h1>{ EN.app_title }</h1>
                if !state.embed { <p class="subtitle">{ EN.app_subtitle }</p> }
            </div>
            <div class="search" role="search">
                <label for="search" class="visually-hidden">{ EN.search_label }</label>
                <input id="search" type="search" placeholder={EN.search_placeholder} value={state.query.clone()} {oninput} autocomplete="off" />
            </div>
            <div class="actions">
                <button type="button" onclick={copy}>{ if **copied == Some(Ok(())) { EN.link_copied } else { EN.copy_link } }</button>
                if let Some(Err(link)) = &**copied {
                    <label class="manual-copy">{ EN.copy_by_hand }<input type="text" readonly=true value={link.clone()} /></label>
                }
                <button type="button" onclick={embed}>{ EN.embed_this_view }</button>
                <details class="menu">
                    <summary>{ EN.export }</summary>
                    <ul>{ for exports }</ul>
                </details>
            </div>
        </header>
    }
}
