//! Graph viewport maths: fitting the precomputed layout, zooming about a
//! point, panning, and where labels go so that none overlaps another; what
//! a selection draws, its edges as a few paths, and the edge under the pointer.

use super::case;
use super::decimal::decimal;
use super::gesture::{Gesture, Move};
use super::state::GraphView;
use crate::model::{Entity, Relation};
use std::collections::HashSet;

/// The visible rectangle in layout units for a view and an aspect ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Layout units visible across the graph at zoom 1.
pub const BASE_WIDTH: f64 = 1100.0;

impl ViewBox {
    pub fn of(view: GraphView, aspect: f64) -> ViewBox {
        let width = BASE_WIDTH / view.zoom;
        let height = width / aspect.max(0.2);
        ViewBox { x: view.x - width / 2.0, y: view.y - height / 2.0, width, height }
    }

    pub fn attribute(&self) -> String {
        format!("{} {} {} {}", decimal(self.x, 1), decimal(self.y, 1), decimal(self.width, 1), decimal(self.height, 1))
    }

    /// Layout units per screen pixel when drawn `pixel_width` wide.
    pub fn units_per_pixel(&self, pixel_width: f64) -> f64 {
        self.width / pixel_width.max(1.0)
    }

    /// The visible rectangle in screen pixels, drawn `pixel_width` wide.
    fn screen(&self, pixel_width: f64) -> Rect {
        Rect { left: 0.0, top: 0.0, width: pixel_width, height: self.height / self.units_per_pixel(pixel_width) }
    }

    /// Where a layout point is drawn, in pixels from the view's corner.
    fn on_screen(&self, (x, y): (f64, f64), pixel_width: f64) -> (f64, f64) {
        let scale = self.units_per_pixel(pixel_width);
        ((x - self.x) / scale, (y - self.y) / scale)
    }

    /// How to move, in screen pixels, a picture drawn at `drawn` so that it
    /// shows this view, both `pixel_width` wide: a pan or zoom in progress
    /// moves the picture already drawn instead of drawing it again.
    pub fn moved_from(&self, drawn: &ViewBox, pixel_width: f64) -> Move {
        let (dx, dy) = self.on_screen((drawn.x, drawn.y), pixel_width);
        Move { dx, dy, scale: drawn.width / self.width }
    }

    /// The layout point shown at (`fx`, `fy`), fractions of the drawing's box.
    pub fn point_at(&self, (fx, fy): (f64, f64)) -> (f64, f64) {
        (self.x + fx * self.width, self.y + fy * self.height)
    }

    /// The layout point drawn at a screen point (the inverse of `on_screen`).
    fn in_layout(&self, (x, y): (f64, f64), pixel_width: f64) -> (f64, f64) {
        let scale = self.units_per_pixel(pixel_width);
        (self.x + x * scale, self.y + y * scale)
    }
}

/// The view that frames all `entities` in a viewport of the given aspect
/// ratio (width / height), with a margin.
pub fn fit<'e>(entities: impl IntoIterator<Item = &'e Entity>, aspect: f64) -> GraphView {
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for e in entities {
        min_x = min_x.min(f64::from(e.x));
        max_x = max_x.max(f64::from(e.x));
        min_y = min_y.min(f64::from(e.y));
        max_y = max_y.max(f64::from(e.y));
    }
    if min_x > max_x {
        return GraphView { x: 0.0, y: 0.0, zoom: 1.0 };
    }
    const MARGIN: f64 = 1.2;
    let width_needed = ((max_x - min_x) * MARGIN).max((max_y - min_y) * MARGIN * aspect.max(0.2)).max(120.0);
    GraphView { x: (min_x + max_x) / 2.0, y: (min_y + max_y) / 2.0, zoom: (BASE_WIDTH / width_needed).clamp(0.1, 20.0) }
}

/// Zooms by `factor` keeping the layout point under (`fx`, `fy`) — fractions
/// of the viewport — where it is.
pub fn zoom_at(view: GraphView, factor: f64, fx: f64, fy: f64, aspect: f64) -> GraphView {
    let before = ViewBox::of(view, aspect);
    let anchor = before.point_at((fx, fy));
    let zoom = (view.zoom * factor).clamp(0.1, 20.0);
    let after = ViewBox::of(GraphView { zoom, ..view }, aspect);
    GraphView { x: anchor.0 - (fx - 0.5) * after.width, y: anchor.1 - (fy - 0.5) * after.height, zoom }
}

/// The view after a pan or zoom gesture.
pub fn after(view: GraphView, gesture: Gesture, aspect: f64) -> GraphView {
    match gesture {
        Gesture::Pan { dx, dy } => pan(view, dx, dy, aspect),
        Gesture::Zoom { factor, x, y } => zoom_at(view, factor, x, y, aspect),
    }
}

/// Moves the view by a fraction of its size (positive moves the content left/up).
pub fn pan(view: GraphView, fx: f64, fy: f64, aspect: f64) -> GraphView {
    let bx = ViewBox::of(view, aspect);
    GraphView { x: view.x + fx * bx.width, y: view.y + fy * bx.height, ..view }
}

/// Node radius in screen pixels: grows with the square root of mentions,
/// from 4 to 16 for the most mentioned node drawn (`most`), whatever the
/// corpus size, and stays the same at every zoom, so zooming in separates
/// crowded nodes.
pub fn radius(mentions: usize, most: usize) -> f64 {
    4.0 + 12.0 * (mentions as f64 / most.max(1) as f64).sqrt()
}

/// Nodes drawn at most; the rest stay reachable through filters, search and
/// the tables, so a large corpus still opens quickly.
pub const MAX_NODES: usize = 300;
/// The positions of the at most `limit` entities to draw: by `priority`
/// of each position (lowest first: the selection, then its neighbours),
/// then the most mentioned. A neighbourhood larger than the limit is capped
/// like the rest, its most mentioned first: the entity's card and the
/// tables under the graph list every relation.
pub fn prominent(entities: &[&Entity], priority: &[u8], limit: usize) -> Vec<usize> {
    if entities.len() <= limit {
        return (0..entities.len()).collect();
    }
    let keyed = entities.iter().zip(priority).enumerate().map(|(position, (e, &p))| ((p, std::cmp::Reverse(e.mentions.len())), position));
    super::sorting::first_by(keyed, limit, |(a, _), (b, _)| a.cmp(b)).into_iter().map(|(_, position)| position).collect()
}

/// What the graph draws for a selection, whatever the viewport: the drawn
/// entities, most important first (the selection, its neighbours, then by
/// mentions), which of them are dimmed, and the edges between them.
/// Computed once per filters and selection, so panning and zooming only
/// place them.
#[derive(Debug)]
pub struct Drawing<'e> {
    /// Each drawn entity, with whether it must show (the selection or one of its neighbours).
    pub ranked: Vec<(&'e Entity, bool)>,
    /// The relations whose ends are both drawn, in the order given.
    pub edges: Vec<DrawnEdge<'e>>,
    /// Every edge, as a few paths (`edge_paths`). The keyboard and assistive
    /// technology reach the selected entity's relations through its card and
    /// every relation through the tables under the graph, rather than
    /// through hundreds of elements built anew on every selection.
    pub paths: Vec<EdgePath>,
    selected: Option<String>,
    neighbours: HashSet<&'e str>,
}

impl<'e> Drawing<'e> {
    /// The drawing of `entities` and `relations`, each with its ends (by
    /// position in `entities`) and its count of evidence sentences, with
    /// `selected` chosen. Ends are positions, not ids, so that the tens of
    /// thousands of relations of a large corpus are sorted out without a
    /// lookup each.
    pub fn new(
        entities: &[&'e Entity],
        relations: impl IntoIterator<Item = (&'e Relation, (usize, usize), usize)> + Clone,
        selected: Option<&str>,
    ) -> Drawing<'e> {
        // By position: 0 for the selection, 1 for its neighbours, 2 for the rest.
        let mut priority = vec![2u8; entities.len()];
        if let Some(at) = selected.and_then(|s| entities.iter().position(|e| e.id == s)) {
            for (_, (source, target), _) in relations.clone() {
                if source == at || target == at {
                    priority[source] = 1;
                    priority[target] = 1;
                }
            }
            priority[at] = 0;
        }
        let neighbours: HashSet<&'e str> = priority.iter().zip(entities).filter(|&(&p, _)| p == 1).map(|(_, e)| e.id.as_str()).collect();
        // By position, where the entity is in `ranked`, if drawn.
        let mut drawn_at: Vec<Option<usize>> = vec![None; entities.len()];
        let mut ranked: Vec<(usize, bool)> = prominent(entities, &priority, MAX_NODES).into_iter().map(|p| (p, priority[p] < 2)).collect();
        super::sorting::sort_by_key(&mut ranked, |&(p, must_show)| {
            (priority[p] != 0, !must_show, std::cmp::Reverse(entities[p].mentions.len()))
        });
        for (rank, &(position, _)) in ranked.iter().enumerate() {
            drawn_at[position] = Some(rank);
        }
        let edges = relations
            .into_iter()
            .filter_map(|(relation, (source, target), evidence)| {
                drawn_at[source]?;
                drawn_at[target]?;
                let near = selected.is_none() || (priority[source] < 2 && priority[target] < 2);
                let look = EdgeLook::of(relation.kind.is_typed(), near, evidence);
                Some(DrawnEdge { relation, source: entities[source], target: entities[target], evidence, look })
            })
            .collect();
        let ranked = ranked.into_iter().map(|(p, must_show)| (entities[p], must_show)).collect();
        let mut drawing = Drawing { ranked, edges, paths: Vec::new(), selected: selected.map(str::to_string), neighbours };
        drawing.paths = edge_paths(&drawing.edges);
        drawing
    }

    /// The drawn edge of the relation with this id.
    pub fn edge(&self, relation: &str) -> Option<&DrawnEdge<'e>> {
        self.edges.iter().find(|edge| edge.relation.id == relation)
    }

    /// The drawn entities in the order their nodes are painted, the most
    /// important last, on top: those that must show over the rest, the
    /// more mentioned over the less. The selection is painted among its
    /// neighbours, not last, so that choosing a node does not itself move
    /// its element: moving the focused element takes the focus from it and
    /// makes the browser restyle the page in the middle of the render.
    /// The graph marks the selection on top with a copy of its shape instead.
    pub fn paint_order(&self) -> Vec<&'e Entity> {
        let mut order = self.ranked.clone();
        super::sorting::sort_by_key(&mut order, |&(entity, must_show)| (!must_show, std::cmp::Reverse(entity.mentions.len())));
        order.into_iter().rev().map(|(entity, _)| entity).collect()
    }

    /// Whether what is not the selection or its neighbours fades: something is selected.
    pub fn fades(&self) -> bool {
        self.selected.is_some()
    }

    /// Whether an entity is faded: something is selected, and it is neither that nor a neighbour.
    pub fn dimmed(&self, id: &str) -> bool {
        self.selected.as_deref().is_some_and(|s| s != id) && !self.neighbours.contains(id)
    }
}

/// A relation drawn between two drawn entities.
#[derive(Debug, Clone, Copy)]
pub struct DrawnEdge<'e> {
    pub relation: &'e Relation,
    pub source: &'e Entity,
    pub target: &'e Entity,
    /// Its evidence sentences that pass the filters.
    pub evidence: usize,
    pub look: EdgeLook,
}

impl DrawnEdge<'_> {
    /// Its ends in layout units.
    pub fn ends(&self) -> ((f64, f64), (f64, f64)) {
        ((f64::from(self.source.x), f64::from(self.source.y)), (f64::from(self.target.x), f64::from(self.target.y)))
    }
}

/// How an edge is drawn. Edges that look alike are drawn as one path, so
/// the fields order the paths: faded ones under bright ones, typed over
/// co-occurrences, thin under thick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EdgeLook {
    /// Both ends are the selection or its neighbours, or nothing is selected: the edge stays bright when the others fade.
    pub near: bool,
    /// A stated relation (spokesperson of, member of…) rather than a co-occurrence.
    pub typed: bool,
    /// The stroke width in quarter pixels: finer steps would not show, and
    /// coarser ones would merge widths that do.
    quarter_pixels: u16,
}

impl EdgeLook {
    /// The look of an edge with `evidence` sentences: wider with their
    /// square root, and half as much again for a typed relation.
    pub fn of(typed: bool, near: bool, evidence: usize) -> EdgeLook {
        let width = 1.0 + (evidence as f64).sqrt() * if typed { 1.5 } else { 1.0 };
        EdgeLook { near, typed, quarter_pixels: (width * 4.0).round().min(f64::from(u16::MAX)) as u16 }
    }

    /// The stroke width in screen pixels (the stroke does not scale with the zoom).
    pub fn stroke_width(&self) -> f64 {
        f64::from(self.quarter_pixels) / 4.0
    }
}

/// How many paths the edges of one look are dealt among. Where edges cross
/// or meet at a node, the strokes of one path do not darken each other the
/// way separate translucent lines do; over a few paths, the crowded middle
/// of a large graph stays nearly as dark as when each edge was a line.
pub const EDGE_LAYERS: usize = 4;

/// The edges of one look, or a share of them (see `EDGE_LAYERS`), as SVG
/// path data.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgePath {
    pub look: EdgeLook,
    pub layer: usize,
    pub data: String,
}

impl EdgePath {
    /// A number unique among the paths: it keys the path's element, so a
    /// path of the same look and layer keeps its element when the data change.
    pub fn key(&self) -> u32 {
        let look = (u32::from(self.look.near) << 17) | (u32::from(self.look.typed) << 16) | u32::from(self.look.quarter_pixels);
        look * EDGE_LAYERS as u32 + self.layer as u32
    }
}

/// The edges as a few paths, by look and layer, in drawing order (see
/// `EdgeLook`): a few elements for the browser to build, lay out and paint
/// instead of one per relation. The edges are dealt among the layers in turn.
pub fn edge_paths<'a, 'e: 'a>(edges: impl IntoIterator<Item = &'a DrawnEdge<'e>>) -> Vec<EdgePath> {
    use std::fmt::Write;
    let mut order: Vec<(usize, &DrawnEdge)> = edges.into_iter().enumerate().map(|(i, edge)| (i % EDGE_LAYERS, edge)).collect();
    super::sorting::sort_by_key(&mut order, |&(layer, edge)| (edge.look, layer));
    let mut paths: Vec<EdgePath> = Vec::new();
    for (layer, edge) in order {
        match paths.last_mut() {
            Some(path) if (path.look, path.layer) == (edge.look, layer) => {}
            _ => paths.push(EdgePath { look: edge.look, layer, data: String::new() }),
        }
        if let Some(path) = paths.last_mut() {
            // Writing to a String cannot fail.
            let (from, to) = (edge.source, edge.target);
            let _ = write!(path.data, "M{} {}L{} {}", decimal(from.x, 2), decimal(from.y, 2), decimal(to.x, 2), decimal(to.y, 2));
        }
    }
    paths
}

/// How far, in screen pixels, beyond an edge's stroke the pointer still
/// takes it: a thin line is hard to hit exactly.
pub const EDGE_REACH: f64 = 4.0;

/// The edge under `point` (in layout units) when `viewbox` is drawn
/// `pixel_width` wide: of the edges whose stroke passes within
/// `EDGE_REACH` pixels, the one whose stroke the point is deepest in (so
/// at the same distance from two centre lines the thicker wins), then a
/// bright one over a faded one. The graph draws its edges as a few paths,
/// which the browser cannot tell apart, so the pointer is matched here.
pub fn edge_at<'d, 'e>(edges: &'d [DrawnEdge<'e>], point: (f64, f64), viewbox: ViewBox, pixel_width: f64) -> Option<&'d DrawnEdge<'e>> {
    let units_per_pixel = viewbox.units_per_pixel(pixel_width);
    edges
        .iter()
        .map(|edge| {
            let (from, to) = edge.ends();
            (edge, distance_to_segment(point, from, to) / units_per_pixel - edge.look.stroke_width() / 2.0)
        })
        .filter(|&(_, beyond_stroke)| beyond_stroke <= EDGE_REACH)
        .min_by(|(a, a_beyond), (b, b_beyond)| a_beyond.total_cmp(b_beyond).then(b.look.near.cmp(&a.look.near)))
        .map(|(edge, _)| edge)
}

/// The distance from `point` to the segment from `from` to `to`.
fn distance_to_segment(point: (f64, f64), from: (f64, f64), to: (f64, f64)) -> f64 {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length_squared = dx * dx + dy * dy;
    let along =
        if length_squared > 0.0 { (((point.0 - from.0) * dx + (point.1 - from.1) * dy) / length_squared).clamp(0.0, 1.0) } else { 0.0 };
    let nearest = (from.0 + along * dx, from.1 + along * dy);
    ((point.0 - nearest.0).powi(2) + (point.1 - nearest.1).powi(2)).sqrt()
}

/// An axis-aligned rectangle in screen pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    fn right(&self) -> f64 {
        self.left + self.width
    }

    fn bottom(&self) -> f64 {
        self.top + self.height
    }

    fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right() && other.left < self.right() && self.top < other.bottom() && other.top < self.bottom()
    }

    fn contains(&self, inner: &Rect) -> bool {
        inner.left >= self.left && inner.right() <= self.right() && inner.top >= self.top && inner.bottom() <= self.bottom()
    }

    /// Where text centred in this box is anchored (text-anchor middle, at
    /// the baseline).
    fn text_anchor(&self) -> (f64, f64) {
        (self.left + self.width / 2.0, self.top + LABEL_BASELINE)
    }
}

/// Label text size, box height and baseline within the box, in pixels.
pub const LABEL_FONT_SIZE: f64 = 12.0;
const LABEL_HEIGHT: f64 = 16.0;
const LABEL_BASELINE: f64 = 12.0;
/// Space between a node's shape and its label.
const LABEL_GAP: f64 = 2.0;

/// A node to label, in screen pixels, most important first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRequest {
    pub x: f64,
    pub y: f64,
    /// The node's radius (its shape reaches a little further, see `extent`).
    pub radius: f64,
    pub width: f64,
    pub mentions: usize,
    /// The selection and its neighbours: labelled even over another node.
    pub must_show: bool,
}

impl LabelRequest {
    /// Whether this node's label may cover `other` when it has no clear
    /// place: a node mentioned at least twice as often matters more than
    /// seeing the other one whole.
    fn outweighs(&self, other: &LabelRequest) -> bool {
        self.mentions >= 2 * other.mentions
    }

    /// Half the side of the square that holds the node's shape (a
    /// triangle's apex reaches 1.1 radius).
    fn extent(&self) -> f64 {
        1.1 * self.radius
    }

    fn shape(&self) -> Rect {
        let e = self.extent();
        Rect { left: self.x - e, top: self.y - e, width: 2.0 * e, height: 2.0 * e }
    }

    /// The label's box below, above, right and left of the node, in order of preference.
    fn candidates(&self) -> [Rect; 4] {
        let (e, w, h) = (self.extent() + LABEL_GAP, self.width, LABEL_HEIGHT);
        let beside = self.y - h / 2.0;
        [
            Rect { left: self.x - w / 2.0, top: self.y + e, width: w, height: h },
            Rect { left: self.x - w / 2.0, top: self.y - e - h, width: w, height: h },
            Rect { left: self.x + e, top: beside, width: w, height: h },
            Rect { left: self.x - e - w, top: beside, width: w, height: h },
        ]
    }
}

/// Places labels greedily, most important first. Each takes the first of
/// its candidate boxes (below, above, right, left) that lies inside `view`,
/// overlaps no label already placed, and covers no other node; failing
/// that, the first that covers only nodes it outweighs (mentioned at most
/// half as often); failing that, the label is left out. Labels that must
/// show come first, so they compete only with each other, and they may
/// cover any node: one is left out only when all four boxes are off screen
/// or taken by a more important label, and then that entity stays named by
/// its accessible name, the entity panel and the tables.
pub fn place_labels(requests: &[LabelRequest], view: Rect) -> Vec<Option<Rect>> {
    let shapes: Vec<Rect> = requests.iter().map(LabelRequest::shape).collect();
    let mut placed: Vec<Rect> = Vec::new();
    requests
        .iter()
        .enumerate()
        .map(|(index, request)| {
            let free = |candidate: &&Rect| view.contains(candidate) && !placed.iter().any(|label| label.overlaps(candidate));
            let clear = |candidate: &&Rect, may_cover: &dyn Fn(&LabelRequest) -> bool| {
                shapes
                    .iter()
                    .zip(requests)
                    .enumerate()
                    .all(|(other, (shape, node))| other == index || !shape.overlaps(candidate) || may_cover(node))
            };
            let candidates = request.candidates();
            let chosen = candidates
                .iter()
                .filter(free)
                .find(|c| clear(c, &|_| false))
                .or_else(|| candidates.iter().filter(free).find(|c| clear(c, &|node| request.outweighs(node))))
                .or_else(|| candidates.iter().filter(free).find(|_| request.must_show))
                .copied();
            placed.extend(chosen);
            chosen
        })
        .collect()
}

/// Where each node's label goes, for nodes given most important first
/// with whether theirs must show (the selection and its neighbours): its
/// text anchor (middle, baseline) in layout units, or `None` when it is
/// left out (see `place_labels`).
pub fn node_labels(nodes: &[(&Entity, bool)], viewbox: ViewBox, pixel_width: f64) -> Vec<Option<(f64, f64)>> {
    let most = nodes.iter().map(|(e, _)| e.mentions.len()).max().unwrap_or(1);
    let requests: Vec<LabelRequest> = nodes
        .iter()
        .map(|&(entity, must_show)| {
            let (x, y) = viewbox.on_screen((f64::from(entity.x), f64::from(entity.y)), pixel_width);
            LabelRequest {
                x,
                y,
                radius: radius(entity.mentions.len(), most),
                width: label_width(&entity.name),
                mentions: entity.mentions.len(),
                must_show,
            }
        })
        .collect();
    place_labels(&requests, viewbox.screen(pixel_width))
        .into_iter()
        .map(|label| label.map(|rect| viewbox.in_layout(rect.text_anchor(), pixel_width)))
        .collect()
}

/// An edge's name shown on hover or focus, in layout units: its box and
/// where its text is anchored (middle, baseline).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeLabel {
    pub frame: ViewBox,
    pub anchor: (f64, f64),
}

/// Where an edge's name goes: centred on the edge's midpoint, moved inside
/// the view when the midpoint is near its border (or off screen).
pub fn edge_label(from: (f64, f64), to: (f64, f64), text: &str, viewbox: ViewBox, pixel_width: f64) -> EdgeLabel {
    let scale = viewbox.units_per_pixel(pixel_width);
    let (width, height) = (label_width(text) * scale, LABEL_HEIGHT * scale);
    let middle = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
    let inside = |centre: f64, size: f64, start: f64, span: f64| (centre - size / 2.0).min(start + span - size).max(start);
    let frame = ViewBox {
        x: inside(middle.0, width, viewbox.x, viewbox.width),
        y: inside(middle.1, height, viewbox.y, viewbox.height),
        width,
        height,
    };
    EdgeLabel { frame, anchor: (frame.x + width / 2.0, frame.y + LABEL_BASELINE * scale) }
}

/// Rendered width of a label at `LABEL_FONT_SIZE`, erring wide: advances
/// by character class (narrow i, l and punctuation; wide m and w; capitals
/// and digits) set by the widest common sans-serif (DejaVu Sans, where no
/// name of the BBC build comes out wider), plus a little padding.
pub fn label_width(text: &str) -> f64 {
    let advance = |c: char| match c {
        'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | 'J' | ' ' | '.' | ',' | '\'' | '\u{2019}' | '-' | ':' | ';' | '!' | '|' | '/' | '('
        | ')' => 4.2,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 11.0,
        c if case::is_capital(c) || c.is_ascii_digit() => 8.6,
        _ => 7.6,
    };
    text.chars().map(advance).sum::<f64>() + 4.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RelationKind;

    fn entity_at(name: &str, x: f32, y: f32, mentions: usize) -> Entity {
        Entity {
            id: name.into(),
            name: name.into(),
            kind: crate::model::EntityKind::Person,
            aliases: vec![],
            mentions: vec![crate::model::Span { article: "a".into(), start: 0, end: 1 }; mentions],
            role: None,
            roles: vec![],
            confidence: 1.0,
            kind_cues: vec![],
            x,
            y,
        }
    }

    fn tie(source: &str, target: &str, kind: RelationKind) -> Relation {
        Relation { id: format!("{source}-{target}"), source: source.into(), target: target.into(), kind, evidence: vec![] }
    }

    #[test]
    fn zooming_keeps_the_anchor_still() {
        let view = GraphView { x: 0.0, y: 0.0, zoom: 1.0 };
        let zoomed = zoom_at(view, 2.0, 0.25, 0.5, 1.0);
        let (a, b) = (ViewBox::of(view, 1.0), ViewBox::of(zoomed, 1.0));
        assert!((a.x + 0.25 * a.width - (b.x + 0.25 * b.width)).abs() < 1e-9);
        assert_eq!(zoomed.zoom, 2.0);
        assert_eq!(zoom_at(view, 1000.0, 0.5, 0.5, 1.0).zoom, 20.0);
        assert_eq!(after(view, Gesture::Zoom { factor: 2.0, x: 0.25, y: 0.5 }, 1.0), zoomed);
        let moved = pan(view, 0.1, 0.0, 2.0);
        assert_eq!(after(view, Gesture::Pan { dx: 0.1, dy: 0.0 }, 2.0), moved);
        assert!((moved.x - BASE_WIDTH * 0.1).abs() < 1e-9);
    }

    #[test]
    fn a_moved_picture_puts_every_point_where_the_new_view_draws_it() {
        let drawn = ViewBox::of(GraphView { x: 10.0, y: -20.0, zoom: 1.0 }, 1.5);
        let pixel_width = 900.0;
        for now in [zoom_at(GraphView { x: 10.0, y: -20.0, zoom: 1.0 }, 1.4, 0.3, 0.7, 1.5), GraphView { x: 200.0, y: 50.0, zoom: 0.5 }] {
            let now = ViewBox::of(now, 1.5);
            let moved = now.moved_from(&drawn, pixel_width);
            for point in [(0.0, 0.0), (123.0, -45.0), (-300.0, 210.0)] {
                let (x, y) = drawn.on_screen(point, pixel_width);
                let (want_x, want_y) = now.on_screen(point, pixel_width);
                assert!((moved.dx + moved.scale * x - want_x).abs() < 1e-9 && (moved.dy + moved.scale * y - want_y).abs() < 1e-9);
            }
        }
        assert_eq!(drawn.moved_from(&drawn, pixel_width).transform(), None, "a picture at its own view is not moved");
        assert_eq!(Move { dx: 3.0, dy: -4.3, scale: 2.0 }.transform().as_deref(), Some("translate(3px, -4.3px) scale(2)"));
    }

    const VIEW: Rect = Rect { left: 0.0, top: 0.0, width: 600.0, height: 400.0 };

    fn request(x: f64, y: f64, width: f64) -> LabelRequest {
        LabelRequest { x, y, radius: 5.0, width, mentions: 1, must_show: false }
    }

    fn sides(requests: &[LabelRequest]) -> Vec<Option<&'static str>> {
        let names = ["below", "above", "right", "left"];
        place_labels(requests, VIEW)
            .iter()
            .zip(requests)
            .map(|(placed, request)| placed.map(|rect| names[request.candidates().iter().position(|c| *c == rect).unwrap()]))
            .collect()
    }

    #[test]
    fn labels_try_below_above_right_and_left_before_giving_way() {
        let node = LabelRequest { mentions: 2, ..request(300.0, 100.0, 60.0) };
        let (below, above, right, left) =
            (request(300.0, 120.0, 9.0), request(300.0, 80.0, 9.0), request(345.0, 100.0, 9.0), request(255.0, 100.0, 9.0));
        let side_among = |neighbours: &[LabelRequest]| sides(&[&[node], neighbours].concat())[0];
        assert_eq!(side_among(&[]), Some("below"));
        assert_eq!(side_among(&[below]), Some("above"));
        assert_eq!(side_among(&[below, above]), Some("right"));
        assert_eq!(side_among(&[below, above, right]), Some("left"));
        // Covering a node mentioned half as often beats leaving the label out; covering a peer does not.
        assert_eq!(side_among(&[below, above, right, left]), Some("below"));
        let peer = |n: LabelRequest| LabelRequest { mentions: 2, ..n };
        assert_eq!(side_among(&[peer(below), peer(above), peer(right), peer(left)]), None);
        // A more important label takes the place first.
        assert_eq!(sides(&[request(340.0, 95.0, 60.0), node]), [Some("below"), Some("above")]);
    }

    #[test]
    fn placed_labels_never_overlap_each_other_nor_cover_nodes_they_do_not_outweigh() {
        let requests: Vec<LabelRequest> = (0..200)
            .map(|i| LabelRequest {
                mentions: 200 / (i as usize + 1),
                ..request(f64::from(i * 37 % 580) + 10.0, f64::from(i * 53 % 380) + 10.0, label_width(&"x".repeat(i as usize % 12 + 2)))
            })
            .collect();
        let placed = place_labels(&requests, VIEW);
        let labels: Vec<(usize, Rect)> = placed.iter().enumerate().filter_map(|(i, p)| p.map(|r| (i, r))).collect();
        assert!(labels.len() > 20, "{}", labels.len());
        for (i, a) in &labels {
            assert!(VIEW.contains(a));
            assert!(labels.iter().all(|(j, b)| i == j || !a.overlaps(b)));
            assert!(requests.iter().enumerate().all(|(j, r)| *i == j || !r.shape().overlaps(a) || requests[*i].outweighs(r)));
        }
    }

    #[test]
    fn labels_that_must_show_may_cover_any_node_but_not_a_label() {
        // The selection and three neighbours hem in a fourth neighbour.
        let must_show = |x: f64, y: f64, width: f64| LabelRequest { must_show: true, ..request(x, y, width) };
        let mut requests =
            vec![must_show(300.0, 125.0, 20.0), must_show(300.0, 75.0, 20.0), must_show(350.0, 100.0, 20.0), must_show(250.0, 100.0, 20.0)];
        let hemmed_in = must_show(300.0, 100.0, 60.0);
        requests.push(hemmed_in);
        let placed = place_labels(&requests, VIEW);
        assert_eq!(placed[4], Some(hemmed_in.candidates()[0]));
        assert!(placed[..4].iter().flatten().all(|label| !label.overlaps(&hemmed_in.candidates()[0])));
        requests[4].must_show = false;
        assert_eq!(place_labels(&requests, VIEW)[4], None);
        // Off screen on every side: left out even though it must show.
        let cornered = must_show(2.0, 2.0, 700.0);
        assert_eq!(place_labels(&[cornered], VIEW), [None]);
    }

    #[test]
    fn label_widths_follow_the_letters() {
        assert!(label_width("Khieu Sopheak") > label_width("US"));
        assert!(label_width("MMMM") > label_width("illi") * 2.0);
        assert_eq!(Rect { left: 10.0, top: 20.0, width: 40.0, height: 16.0 }.text_anchor(), (30.0, 32.0));
    }

    #[test]
    fn fitting_shows_every_node_whatever_the_aspect() {
        let nodes = [
            entity_at("a", -500.0, -100.0, 1),
            entity_at("b", 500.0, 100.0, 1),
            entity_at("c", 0.0, 480.0, 1),
            entity_at("d", 0.0, -480.0, 1),
        ];
        for aspect in [0.5, 1.0, 2.5] {
            let view = ViewBox::of(fit(nodes.iter(), aspect), aspect);
            for n in &nodes {
                let (x, y) = (f64::from(n.x), f64::from(n.y));
                assert!(x > view.x && x < view.x + view.width && y > view.y && y < view.y + view.height, "aspect {aspect}: {view:?}");
            }
        }
    }

    #[test]
    fn large_graphs_draw_the_prominent_nodes_and_the_selection() {
        let all: Vec<Entity> = (0..10).map(|i| entity_at(&format!("e{i}"), 0.0, 0.0, i + 1)).collect();
        let refs: Vec<&Entity> = all.iter().collect();
        let ids = |drawn: Vec<usize>| drawn.iter().map(|&p| all[p].id.clone()).collect::<Vec<_>>();
        let first_chosen: Vec<u8> = (0..10).map(|i| if i == 0 { 0 } else { 2 }).collect();
        assert_eq!(ids(prominent(&refs, &first_chosen, 3)), ["e0", "e9", "e8"]);
        assert_eq!(prominent(&refs, &[2; 10], 20).len(), 10);
        // A selection (e1) whose neighbours (e0, e2, e3, e4) outnumber the room: itself, then its most mentioned neighbours.
        let priority = [1, 0, 1, 1, 1, 2, 2, 2, 2, 2];
        assert_eq!(ids(prominent(&refs, &priority, 3)), ["e1", "e4", "e3"]);
    }

    #[test]
    fn a_drawing_puts_the_selection_and_its_neighbours_first_and_dims_the_rest() {
        let all: Vec<Entity> = (0..4).map(|i| entity_at(&format!("e{i}"), 0.0, 0.0, i + 1)).collect();
        let refs: Vec<&Entity> = all.iter().collect();
        let relations = [tie("e0", "e1", RelationKind::CoOccurs), tie("e2", "e3", RelationKind::CoOccurs)];
        fn order<'e>(drawing: &Drawing<'e>) -> Vec<(&'e str, bool)> {
            drawing.ranked.iter().map(|&(e, must_show)| (e.id.as_str(), must_show)).collect()
        }

        let drawing = Drawing::new(&refs, ends(&refs, relations.iter().map(|r| (r, 1))), Some("e0"));
        assert_eq!(order(&drawing), [("e0", true), ("e1", true), ("e3", false), ("e2", false)]);
        assert_eq!(["e0", "e1", "e2", "e3"].map(|id| drawing.dimmed(id)), [false, false, true, true]);
        // Painted least important first; the selection (e0) among its neighbours, by mentions, not last.
        let painted = |drawing: &Drawing| drawing.paint_order().iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(painted(&drawing), ["e2", "e3", "e0", "e1"]);

        let nothing_selected = Drawing::new(&refs, ends(&refs, relations.iter().map(|r| (r, 1))), None);
        assert_eq!(order(&nothing_selected), [("e3", false), ("e2", false), ("e1", false), ("e0", false)]);
        assert_eq!(painted(&nothing_selected), ["e0", "e1", "e2", "e3"]);
        assert!(!nothing_selected.dimmed("e0"));
    }

    /// Five entities in a cross (b at the centre), one far off, and the
    /// relations between them (with their evidence counts), one of which
    /// leads to an entity that is not drawn.
    fn crossing() -> (Vec<Entity>, Vec<(Relation, usize)>) {
        let entities = vec![
            entity_at("a", -100.0, 0.0, 5),
            entity_at("b", 0.0, 0.0, 4),
            entity_at("c", 100.0, 0.0, 3),
            entity_at("d", 0.0, -100.0, 2),
            entity_at("e", 0.0, 100.0, 1),
            entity_at("f", 400.0, 400.0, 1),
        ];
        let relations = vec![
            (tie("a", "c", RelationKind::CoOccurs), 1),
            (tie("d", "e", RelationKind::HeadOf), 9),
            (tie("b", "f", RelationKind::CoOccurs), 1),
            (tie("a", "b", RelationKind::CoOccurs), 2),
            (tie("c", "gone", RelationKind::CoOccurs), 1),
        ];
        (entities, relations)
    }

    /// The relations with their ends' positions among `entities`, as filtering gives them: those with both ends there.
    fn ends<'e>(
        entities: &[&Entity],
        relations: impl IntoIterator<Item = (&'e Relation, usize)>,
    ) -> Vec<(&'e Relation, (usize, usize), usize)> {
        let at = |id: &str| entities.iter().position(|e| e.id == id);
        relations.into_iter().filter_map(|(r, evidence)| Some((r, at(&r.source).zip(at(&r.target))?, evidence))).collect()
    }

    fn drawing<'e>(entities: &'e [Entity], relations: &'e [(Relation, usize)], selected: Option<&str>) -> Drawing<'e> {
        let refs: Vec<&Entity> = entities.iter().collect();
        Drawing::new(&refs, ends(&refs, relations.iter().map(|(r, evidence)| (r, *evidence))), selected)
    }

    #[test]
    fn a_drawing_keeps_the_edges_between_drawn_entities_and_knows_which_stay_bright() {
        let (entities, relations) = crossing();
        let drawing = drawing(&entities, &relations, Some("a"));
        let edges: Vec<(&str, bool)> = drawing.edges.iter().map(|e| (e.relation.id.as_str(), e.look.near)).collect();
        // c–gone has an end that filtering left out; b–f joins a neighbour of a to a dimmed entity.
        assert_eq!(edges, [("a-c", true), ("d-e", false), ("b-f", false), ("a-b", true)]);
        assert_eq!(drawing.edge("b-f").map(|e| (e.source.id.as_str(), e.target.id.as_str(), e.evidence)), Some(("b", "f", 1)));
        assert!(drawing.edge("c-gone").is_none());
        assert!(drawing.fades());
        assert_eq!(drawing.paths, edge_paths(&drawing.edges));
        let unselected = self::drawing(&entities, &relations, None);
        assert!(unselected.edges.iter().all(|e| e.look.near));
        assert!(!unselected.fades());
    }

    #[test]
    fn edge_widths_follow_the_evidence_to_a_quarter_pixel() {
        assert_eq!(EdgeLook::of(false, true, 1).stroke_width(), 2.0);
        assert_eq!(EdgeLook::of(true, true, 1).stroke_width(), 2.5);
        // 1 + √2 = 2.414… and 1 + √3 = 2.732… stay apart; 1 + √9 · 1.5 = 5.5.
        assert_eq!([2, 3].map(|n| EdgeLook::of(false, true, n).stroke_width()), [2.5, 2.75]);
        assert_eq!(EdgeLook::of(true, false, 9).stroke_width(), 5.5);
        assert_eq!(EdgeLook::of(false, true, 2), EdgeLook::of(false, true, 3 - 1));
        assert_ne!(EdgeLook::of(false, true, 2), EdgeLook::of(false, false, 2));
        assert_ne!(EdgeLook::of(false, true, 2), EdgeLook::of(true, true, 2));
    }

    #[test]
    fn edges_that_look_alike_share_a_few_paths_drawn_faded_first_and_thin_before_thick() {
        let (entities, relations) = crossing();
        let drawing = drawing(&entities, &relations, Some("a"));
        let paths = edge_paths(&drawing.edges);
        let shown: Vec<(bool, bool, f64, &str)> =
            paths.iter().map(|path| (path.look.near, path.look.typed, path.look.stroke_width(), path.data.as_str())).collect();
        assert_eq!(
            shown,
            [
                (false, false, 2.0, "M0 0L400 400"),
                (false, true, 5.5, "M0 -100L0 100"),
                (true, false, 2.0, "M-100 0L100 0"),
                (true, false, 2.5, "M-100 0L0 0"),
            ]
        );
        assert!(edge_paths(&[]).is_empty());
        // Ten edges of one look are dealt among the layers in turn, keeping their order; every path has its own key.
        let many: Vec<(Relation, usize)> =
            (0..10).map(|i| (tie(["a", "b", "c"][i % 3], ["d", "e"][i % 2], RelationKind::CoOccurs), 1)).collect();
        let many = self::drawing(&entities, &many, None);
        let paths = edge_paths(&many.edges);
        assert_eq!(paths.iter().map(|path| path.layer).collect::<Vec<_>>(), (0..EDGE_LAYERS).collect::<Vec<_>>());
        assert_eq!(paths[0].data, "M-100 0L0 -100M0 0L0 -100M100 0L0 -100");
        assert_eq!(paths.iter().map(|path| path.data.matches('M').count()).sum::<usize>(), 10);
        let distinct = |paths: &[EdgePath]| paths.iter().map(EdgePath::key).collect::<HashSet<u32>>().len();
        assert_eq!((distinct(&paths), distinct(&edge_paths(&drawing.edges))), (EDGE_LAYERS, 4));
    }

    #[test]
    fn the_pointer_takes_the_edge_it_is_on_and_nothing_far_from_every_edge() {
        let (entities, relations) = crossing();
        let drawing = drawing(&entities, &relations, None);
        // 1 layout unit to a pixel.
        let viewbox = ViewBox { x: -200.0, y: -200.0, width: 800.0, height: 800.0 };
        let at = |x: f64, y: f64, viewbox: ViewBox| edge_at(&drawing.edges, (x, y), viewbox, 800.0).map(|e| e.relation.id.as_str());
        assert_eq!(at(-150.0, -150.0, viewbox), None, "far from every edge");
        assert_eq!(at(50.0, 60.0, viewbox), None, "between edges");
        assert_eq!(at(-130.0, 0.0, viewbox), None, "beyond an edge's end");
        // Of the crossing a–c and d–e, the one the pointer is on.
        assert_eq!(at(60.0, 3.0, viewbox), Some("a-c"));
        assert_eq!(at(2.0, 60.0, viewbox), Some("d-e"));
        assert_eq!(at(50.0, 50.0, viewbox), Some("b-f"));
        // a–b lies on a–c: equally near, the thicker (more evidence) wins.
        assert_eq!(at(-50.0, 1.0, viewbox), Some("a-b"));
        // Within reach of d–e's thick stroke (5.5 px) but not of the thin a–c's.
        let reach = 5.5 / 2.0 + EDGE_REACH - 0.5;
        assert_eq!(at(reach, -60.0, viewbox), Some("d-e"));
        assert_eq!(at(60.0, -(1.0 + EDGE_REACH + 0.5), viewbox), None);
    }

    #[test]
    fn the_pointers_reach_is_in_pixels_whatever_the_zoom() {
        let (entities, relations) = crossing();
        let drawing = drawing(&entities, &relations, None);
        let at = |viewbox: ViewBox| edge_at(&drawing.edges, (60.0, 10.0), viewbox, 800.0).map(|e| e.relation.id.as_str());
        // 10 layout units off a–c: 10 pixels at 1 unit to a pixel, 1 pixel zoomed out to 10 units a pixel.
        assert_eq!(at(ViewBox { x: -200.0, y: -200.0, width: 800.0, height: 800.0 }), None);
        assert_eq!(at(ViewBox { x: -4000.0, y: -4000.0, width: 8000.0, height: 8000.0 }), Some("a-c"));
        // Zoomed out that far, d–e's thick stroke covers the point too, and is deeper in it.
        assert_eq!(
            edge_at(&drawing.edges, (8.0, 60.0), ViewBox { x: -4000.0, y: -4000.0, width: 8000.0, height: 8000.0 }, 800.0)
                .map(|e| e.relation.id.as_str()),
            Some("d-e")
        );
        // The view the pointer is over: the fraction of the box it is at, in layout units.
        let zoomed = ViewBox::of(zoom_at(GraphView { x: 0.0, y: 0.0, zoom: 1.0 }, 4.0, 0.5, 0.5, 1.0), 1.0);
        assert_eq!(zoomed.point_at((0.5, 0.5)), (0.0, 0.0));
        let on_a_c = zoomed.point_at((0.6, 0.5 + 3.0 / 800.0));
        assert_eq!(edge_at(&drawing.edges, on_a_c, zoomed, 800.0).map(|e| e.relation.id.as_str()), Some("a-c"));
    }

    #[test]
    fn at_equal_depth_a_bright_edge_wins_over_a_faded_one() {
        let entities =
            [entity_at("a", 0.0, 0.0, 3), entity_at("b", 100.0, 0.0, 2), entity_at("c", 0.0, 100.0, 1), entity_at("d", 100.0, 100.0, 1)];
        // Selecting a brightens a–d; b–c, faded, crosses it at (50, 50).
        let relations = [(tie("b", "c", RelationKind::CoOccurs), 1), (tie("a", "d", RelationKind::CoOccurs), 1)];
        let drawing = drawing(&entities, &relations, Some("a"));
        let viewbox = ViewBox { x: -50.0, y: -50.0, width: 200.0, height: 200.0 };
        assert_eq!(edge_at(&drawing.edges, (50.0, 50.0), viewbox, 200.0).map(|e| e.relation.id.as_str()), Some("a-d"));
    }

    #[test]
    fn node_labels_sit_by_their_nodes_in_layout_units() {
        // Zoom 1 on a 550 px wide view: 2 layout units to a pixel.
        let viewbox = ViewBox::of(GraphView { x: 0.0, y: 0.0, zoom: 1.0 }, 550.0 / 300.0);
        let (a, b, far) = (entity_at("A", 0.0, 0.0, 1), entity_at("B", 0.0, 18.0, 1), entity_at("C", 800.0, 0.0, 1));
        let labels = node_labels(&[(&a, false), (&b, false), (&far, true)], viewbox, 550.0);
        // B's node takes the place below A, so A's label goes above; B's goes below B; C is off screen.
        let below = 2.0 * (radius(1, 1) * 1.1 + LABEL_GAP + LABEL_BASELINE);
        assert_eq!(labels[0].map(|(x, y)| (x, y < 0.0)), Some((0.0, true)), "{labels:?}");
        assert_eq!(labels[1].map(|(x, y)| (x, (y - 18.0 - below).abs() < 1e-9)), Some((0.0, true)), "{labels:?}");
        assert_eq!(labels[2], None);
    }

    #[test]
    fn edge_names_stay_inside_the_view() {
        let viewbox = ViewBox { x: 0.0, y: 0.0, width: 500.0, height: 300.0 };
        let centred = edge_label((100.0, 100.0), (300.0, 200.0), "Cambodia", viewbox, 500.0);
        let frame = centred.frame;
        assert!((frame.x + frame.width / 2.0 - 200.0).abs() < 1e-9 && (frame.y + frame.height / 2.0 - 150.0).abs() < 1e-9);
        assert_eq!(centred.anchor, (200.0, frame.y + LABEL_BASELINE));
        for (from, to) in [((-50.0, 10.0), (10.0, -20.0)), ((480.0, 290.0), (900.0, 800.0))] {
            let shown = edge_label(from, to, "Khieu Sopheak, spokesperson of Interior Ministry", viewbox, 500.0).frame;
            assert!(shown.x >= 0.0 && shown.y >= 0.0 && shown.x + shown.width <= 500.0 && shown.y + shown.height <= 300.0, "{shown:?}");
        }
    }

    #[test]
    fn node_radius_grows_with_mentions() {
        assert!(radius(9, 100) > radius(1, 100));
        assert_eq!((radius(0, 0), radius(1500, 1500), radius(23, 23)), (4.0, 16.0, 16.0));
    }
}
