//! The graph's edges: lines that select their relation when chosen and
//! name it on hover and focus, with that name drawn at the edge's midpoint.

use super::{activate, ViewProps};
use crate::model::{Entity, Relation};
use crate::view::graph::{edge_label, ViewBox, LABEL_FONT_SIZE};
use crate::view::state::Action;
use crate::view::strings::relation_sentence;
use std::collections::HashMap;
use yew::prelude::*;

/// The drawn entities by id, and which relation is hovered or focused
/// (ephemeral state owned by the graph).
pub struct EdgeScene<'a> {
    pub drawn: &'a HashMap<&'a str, &'a Entity>,
    pub named: &'a UseStateHandle<Option<String>>,
}

impl EdgeScene<'_> {
    fn ends(&self, relation: &Relation) -> Option<(&Entity, &Entity)> {
        Some((*self.drawn.get(relation.source.as_str())?, *self.drawn.get(relation.target.as_str())?))
    }

    fn name_on<E: 'static>(&self, value: Option<&str>) -> Callback<E> {
        let (named, value) = (self.named.clone(), value.map(str::to_string));
        Callback::from(move |_: E| named.set(value.clone()))
    }

    /// Lines for the relations between drawn entities. Only the selected
    /// entity's join the Tab order: a large corpus draws thousands of edges,
    /// and the tables under the graph reach every relation.
    pub fn lines(&self, props: &ViewProps, dimmed: impl Fn(&str) -> bool) -> Html {
        let selected = props.state.entity();
        props
            .filtered
            .relations
            .iter()
            .filter_map(|(relation, evidence)| {
                let (source, target) = self.ends(relation)?;
                let id = relation.id.clone();
                let (onclick, onkeydown) = activate(props.dispatch.reform(move |_| Action::SelectRelation(Some(id.clone()))));
                let typed = relation.kind.is_typed();
                let chosen = props.state.relation() == Some(relation.id.as_str());
                let faded = dimmed(&relation.source) || dimmed(&relation.target);
                let in_tab_order = selected.is_some_and(|s| s == relation.source || s == relation.target);
                Some(html! {
                    <line class={classes!("edge", typed.then_some("typed"), chosen.then_some("selected"), faded.then_some("dimmed"))}
                        x1={source.x.to_string()} y1={source.y.to_string()} x2={target.x.to_string()} y2={target.y.to_string()}
                        stroke-width={(1.0 + (evidence.len() as f64).sqrt() * if typed { 1.5 } else { 1.0 }).to_string()}
                        role="button" tabindex={if in_tab_order { "0" } else { "-1" }} aria-pressed={chosen.to_string()}
                        aria-label={relation_sentence(&source.name, relation.kind, &target.name, evidence.len())} {onclick} {onkeydown}
                        onpointerenter={self.name_on(Some(&relation.id))} onfocus={self.name_on(Some(&relation.id))}
                        onpointerleave={self.name_on(None)} onblur={self.name_on(None)} />
                })
            })
            .collect()
    }

    /// The hovered or focused relation's name at its edge's midpoint, drawn
    /// over the nodes; hidden from assistive technology, which reads the
    /// edge's own name.
    pub fn name(&self, props: &ViewProps, viewbox: ViewBox, pixel_width: f64) -> Html {
        let Some((relation, evidence)) = props.filtered.relations.iter().find(|(r, _)| Some(&r.id) == self.named.as_ref()) else {
            return html! {};
        };
        let Some((source, target)) = self.ends(relation) else { return html! {} };
        let text = relation_sentence(&source.name, relation.kind, &target.name, evidence.len());
        let ends = ((f64::from(source.x), f64::from(source.y)), (f64::from(target.x), f64::from(target.y)));
        let label = edge_label(ends.0, ends.1, &text, viewbox, pixel_width);
        let scale = viewbox.units_per_pixel(pixel_width);
        html! {
            <g class="edge-name" aria-hidden="true">
                <rect x={label.frame.x.to_string()} y={label.frame.y.to_string()} width={label.frame.width.to_string()}
                    height={label.frame.height.to_string()} rx={(3.0 * scale).to_string()} />
                <text x={label.anchor.0.to_string()} y={label.anchor.1.to_string()} font-size={(LABEL_FONT_SIZE * scale).to_string()}
                    text-anchor="middle">{ text }</text>
            </g>
        }
    }
}
