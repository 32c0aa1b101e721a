//! Facets: entity kinds, articles (`article_facet`), date range and quotes only, with counts.

use super::{article_facet::ArticleFacet, browser, emit_on, use_mount, SharedFiltered};
use crate::model::EntityKind;
use crate::view::calendar::{format_day, range_of};
use crate::view::sorted_set::SortedSet;
use crate::view::state::{Action, DayRange};
use crate::view::strings::{count, kind_name, EN};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The filters the facets set, so that panning and zooming do not redraw them.
#[derive(Properties, PartialEq)]
pub struct FacetsProps {
    pub kinds: SortedSet<EntityKind>,
    pub articles: SortedSet<String>,
    pub range: Option<DayRange>,
    pub quotes_only: bool,
    /// Whether the app is framed by another page, where the facets stay folded.
    pub embed: bool,
    pub filtered: SharedFiltered,
    pub dispatch: Callback<Action>,
}

#[function_component(Facets)]
pub fn facets(props: &FacetsProps) -> Html {
    let counted = |kind: EntityKind| props.filtered.entities.iter().filter(|e| e.kind == kind).count();
    let kinds = EntityKind::ALL.into_iter().map(|kind| {
        let onchange = emit_on(&props.dispatch, Action::ToggleKind(kind));
        html! {
            <li><label class={classes!("kind", kind.as_str())}>
                <input type="checkbox" checked={props.kinds.contains(&kind)} {onchange} />
                { kind_name(kind) } <span class="count">{ counted(kind) }</span>
            </label></li>
        }
    });
    let range = props.range;
    let date_input = |label: &'static str, value: Option<i64>, is_start: bool| {
        let onchange = props.dispatch.reform(move |e: Event| {
            let day = range_of(&e.target_unchecked_into::<HtmlInputElement>().value()).map(|r| r.0);
            let DayRange { from, to } = range.unwrap_or(DayRange { from: None, to: None });
            Action::SetRange(Some(if is_start { DayRange { from: day, to } } else { DayRange { from, to: day } }))
        });
        let value = value.map(format_day).unwrap_or_default();
        html! { <label>{ label }<input type="date" {value} {onchange} /></label> }
    };
    let quotes = emit_on(&props.dispatch, Action::SetQuotesOnly(!props.quotes_only));
    let clear = emit_on(&props.dispatch, Action::ClearFilters);
    // Folded on phones and in frames, so the views come first. The page is
    // prerendered folded (rendering reads no browser state) and unfolds on
    // wide screens once running: there the facets are a column of their own,
    // so nothing else moves.
    let unfolded = use_state(|| false);
    {
        let (unfolded, embed) = (unfolded.clone(), props.embed);
        use_mount(move || unfolded.set(!embed && browser::is_wide()));
    }
    html! {
        <aside class="facets" aria-label={EN.facets}>
            <details open={*unfolded}>
                <summary><h2>{ EN.facets }</h2></summary>
                <fieldset><legend>{ EN.kinds }</legend><ul>{ for kinds }</ul></fieldset>
                <ArticleFacet chosen={props.articles.clone()} filtered={props.filtered.clone()} dispatch={props.dispatch.clone()} />
                <fieldset class="dates"><legend>{ EN.date_range }</legend>
                    { date_input(EN.from, range.and_then(|r| r.from), true) }
                    { date_input(EN.to, range.and_then(|r| r.to), false) }
                </fieldset>
                <label class="toggle"><input type="checkbox" checked={props.quotes_only} onchange={quotes} />{ EN.quotes_only }</label>
                <p class="counts" aria-live="polite">
                    { format!("{}, {}, {}", count(props.filtered.events.len(), EN.one_event, EN.events), count(props.filtered.entities.len(), EN.one_entity, EN.entities), count(props.filtered.quotes.len(), EN.one_quote, EN.quotes)) }
                </p>
                <button type="button" onclick={clear}>{ EN.clear_filters }</button>
            </details>
        </aside>
    }
}
