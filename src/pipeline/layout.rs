//! Graph layout: a deterministic force-directed layout (Fruchterman–Reingold
//! forces, Barnes–Hut approximation of repulsion on a quadtree), precomputed
//! so the browser never lays out the full graph on load.

/// A weighted undirected edge between node indexes.
pub type Edge = (usize, usize, f32);

const OPENING_ANGLE: f32 = 1.0;
/// The square the finished layout is scaled into, centred on the origin.
pub const EXTENT: f32 = 1000.0;

#[derive(Clone, Copy)]
struct Cell {
    x0: f32,
    y0: f32,
    size: f32,
    mass: f32,
    cx: f32,
    cy: f32,
    /// Index of the first of four children, or 0 for a leaf.
    children: u32,
    /// The one body in a leaf, if any.
    body: Option<u32>,
}

impl Cell {
    fn new(x0: f32, y0: f32, size: f32) -> Cell {
        Cell { x0, y0, size, mass: 0.0, cx: 0.0, cy: 0.0, children: 0, body: None }
    }
}

struct QuadTree {
    cells: Vec<Cell>,
}

impl QuadTree {
    fn build(positions: &[(f32, f32)]) -> QuadTree {
        let (min_x, min_y, max_x, max_y) = bounds(positions);
        let size = (max_x - min_x).max(max_y - min_y).max(1.0) * 1.001;
        let mut tree = QuadTree { cells: Vec::with_capacity(positions.len() * 3) };
        tree.cells.push(Cell::new(min_x, min_y, size));
        for (index, _) in positions.iter().enumerate() {
            tree.insert(0, index as u32, positions, 0);
        }
        tree
    }

    fn quadrant(cell: &Cell, (x, y): (f32, f32)) -> u32 {
        let half = cell.size / 2.0;
        u32::from(x >= cell.x0 + half) + 2 * u32::from(y >= cell.y0 + half)
    }

    fn insert(&mut self, cell_index: usize, body: u32, positions: &[(f32, f32)], depth: u32) {
        let position = positions[body as usize];
        let cell = self.cells[cell_index];
        let mass = cell.mass + 1.0;
        self.cells[cell_index].cx = (cell.cx * cell.mass + position.0) / mass;
        self.cells[cell_index].cy = (cell.cy * cell.mass + position.1) / mass;
        self.cells[cell_index].mass = mass;
        if cell.children == 0 {
            match cell.body {
                None if cell.mass == 0.0 => {
                    self.cells[cell_index].body = Some(body);
                    return;
                }
                // Coincident bodies deep down share a leaf rather than splitting forever.
                _ if depth > 24 => return,
                existing => {
                    let first_child = self.cells.len() as u32;
                    let half = cell.size / 2.0;
                    for quadrant in 0..4 {
                        let x0 = cell.x0 + half * (quadrant % 2) as f32;
                        let y0 = cell.y0 + half * (quadrant / 2) as f32;
                        self.cells.push(Cell::new(x0, y0, half));
                    }
                    self.cells[cell_index].children = first_child;
                    self.cells[cell_index].body = None;
                    if let Some(existing) = existing {
                        let q = Self::quadrant(&self.cells[cell_index], positions[existing as usize]);
                        self.insert((first_child + q) as usize, existing, positions, depth + 1);
                    }
                }
            }
        }
        let cell = self.cells[cell_index];
        let q = Self::quadrant(&cell, position);
        self.insert((cell.children + q) as usize, body, positions, depth + 1);
    }

    /// The repulsive force on `body` at `position`.
    fn repulsion(&self, body: usize, position: (f32, f32), k2: f32, stack: &mut Vec<usize>) -> (f32, f32) {
        let mut force = (0.0, 0.0);
        stack.clear();
        stack.push(0);
        while let Some(index) = stack.pop() {
            let cell = &self.cells[index];
            if cell.mass == 0.0 || cell.body == Some(body as u32) && cell.children == 0 && cell.mass == 1.0 {
                continue;
            }
            let dx = position.0 - cell.cx;
            let dy = position.1 - cell.cy;
            let distance2 = (dx * dx + dy * dy).max(0.01);
            let far = cell.size * cell.size < OPENING_ANGLE * OPENING_ANGLE * distance2;
            if cell.children == 0 || far {
                let push = k2 * cell.mass / distance2;
                force.0 += dx * push;
                force.1 += dy * push;
            } else {
                stack.extend((0..4).map(|q| (cell.children + q) as usize));
            }
        }
        force
    }
}

/// Positions for `count` nodes, scaled into an `EXTENT`-wide square around
/// the origin. Each connected component is laid out on its own and turned
/// to lie flat; the largest takes the top, and the others (smaller ones
/// first, single nodes last) wrap in rows below it, no wider than it, so a
/// view fitted to the graph is not shrunk by stragglers far away. The same
/// input always gives the same output.
pub fn layout(count: usize, edges: &[Edge]) -> Vec<(f32, f32)> {
    let mut positions = vec![(0.0, 0.0); count];
    let pieces: Vec<Piece> = components(count, edges).into_iter().map(Piece::lay_out).collect();
    for (piece, offset) in pieces.iter().zip(pack(&pieces)) {
        for (&node, &(x, y)) in piece.nodes.iter().zip(&piece.positions) {
            positions[node] = (x + offset.0, y + offset.1);
        }
    }
    fit(&mut positions);
    positions
}

/// The ideal edge length of the force layout, in its own units.
const K: f32 = 10.0;
/// Space between packed components side by side (room for a label), in
/// force-layout units; rows are `K` apart.
const GAP: f32 = 2.0 * K;

/// The connected components, each with its node indexes ascending and its
/// edges renumbered to them; the largest first, ties by lowest node.
fn components(count: usize, edges: &[Edge]) -> Vec<(Vec<usize>, Vec<Edge>)> {
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut node: usize) -> usize {
        while parent[node] != node {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        node
    }
    for &(a, b, _) in edges {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    // Component number and index within it, in order of each component's lowest node.
    let mut number_of_root = vec![usize::MAX; count];
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut local = vec![0; count];
    for (node, local_index) in local.iter_mut().enumerate() {
        let r = root(&mut parent, node);
        if number_of_root[r] == usize::MAX {
            number_of_root[r] = members.len();
            members.push(Vec::new());
        }
        *local_index = members[number_of_root[r]].len();
        members[number_of_root[r]].push(node);
    }
    let mut component_edges = vec![Vec::new(); members.len()];
    for &(a, b, weight) in edges {
        component_edges[number_of_root[root(&mut parent, a)]].push((local[a], local[b], weight));
    }
    let mut found: Vec<(Vec<usize>, Vec<Edge>)> = members.into_iter().zip(component_edges).collect();
    found.sort_by_key(|(nodes, _)| std::cmp::Reverse(nodes.len()));
    found
}

/// One component laid out in force-layout units, its bounding box's
/// corner at the origin.
struct Piece {
    nodes: Vec<usize>,
    positions: Vec<(f32, f32)>,
    width: f32,
    height: f32,
}

impl Piece {
    fn lay_out((nodes, edges): (Vec<usize>, Vec<Edge>)) -> Piece {
        let mut positions = force_layout(nodes.len(), &edges);
        lay_flat(&mut positions);
        let (min_x, min_y, max_x, max_y) = bounds(&positions);
        for position in &mut positions {
            position.0 -= min_x;
            position.1 -= min_y;
        }
        Piece { nodes, positions, width: max_x - min_x, height: max_y - min_y }
    }
}

/// The offset of each piece: the main component (the first, unless every
/// component is a single node) at the origin, the rest in rows below it,
/// each row centred under it and no wider than it. Without a main
/// component, or with one narrower than a square block of the rest, the
/// rows are as wide as that block.
fn pack(pieces: &[Piece]) -> Vec<(f32, f32)> {
    let (main_width, mut top, rest) = match pieces.split_first() {
        Some((main, rest)) if main.nodes.len() > 1 => (main.width, main.height + K, rest),
        _ => (0.0, 0.0, pieces),
    };
    let mut offsets = vec![(0.0, 0.0); pieces.len() - rest.len()];
    let row_width = main_width.max(GAP * ((rest.len() as f32).sqrt().ceil() - 1.0));
    let close_row = |row: &mut Vec<(f32, f32)>, used: f32, offsets: &mut Vec<(f32, f32)>| {
        let indent = (main_width - used) / 2.0;
        offsets.extend(row.drain(..).map(|(x, y)| (x + indent, y)));
    };
    let mut row: Vec<(f32, f32)> = Vec::new();
    let (mut x, mut row_height) = (0.0f32, 0.0f32);
    for piece in rest {
        if x > 0.0 && x + piece.width > row_width {
            close_row(&mut row, x - GAP, &mut offsets);
            top += row_height + K;
            (x, row_height) = (0.0, 0.0);
        }
        row.push((x, top));
        x += piece.width + GAP;
        row_height = row_height.max(piece.height);
    }
    close_row(&mut row, x - GAP, &mut offsets);
    offsets
}

/// Turns positions about their centre so that their widest spread (the
/// principal axis) runs across: a graph box is wider than it is tall.
fn lay_flat(positions: &mut [(f32, f32)]) {
    let n = positions.len() as f32;
    let centre = (positions.iter().map(|p| p.0).sum::<f32>() / n, positions.iter().map(|p| p.1).sum::<f32>() / n);
    let (mut xx, mut yy, mut xy) = (0.0f32, 0.0f32, 0.0f32);
    for &(x, y) in positions.iter() {
        let (dx, dy) = (x - centre.0, y - centre.1);
        xx += dx * dx;
        yy += dy * dy;
        xy += dx * dy;
    }
    let angle = 0.5 * (2.0 * xy).atan2(xx - yy);
    let (sin, cos) = (-angle).sin_cos();
    for position in positions.iter_mut() {
        let (dx, dy) = (position.0 - centre.0, position.1 - centre.1);
        *position = (dx * cos - dy * sin, dx * sin + dy * cos);
    }
}

fn bounds(positions: &[(f32, f32)]) -> (f32, f32, f32, f32) {
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for &(x, y) in positions {
        min_x = min_x.min(x);
        min_y = min_y.min(y);
        max_x = max_x.max(x);
        max_y = max_y.max(y);
    }
    (min_x, min_y, max_x, max_y)
}

/// Fruchterman–Reingold positions for one connected component, in units
/// where an edge is about `K` long.
fn force_layout(count: usize, edges: &[Edge]) -> Vec<(f32, f32)> {
    let golden_angle = std::f32::consts::PI * (3.0 - 5f32.sqrt());
    let mut positions: Vec<(f32, f32)> = (0..count)
        .map(|i| {
            let radius = K * (i as f32 + 0.5).sqrt();
            let angle = i as f32 * golden_angle;
            (radius * angle.cos(), radius * angle.sin())
        })
        .collect();
    if count < 2 {
        return positions;
    }
    let k2 = K * K;
    // Large graphs start from a spread spiral and settle in fewer steps.
    let iterations = if count <= 1000 { 300 } else { 90 };
    let mut temperature = 10.0 * (count as f32).sqrt();
    let cooling = temperature / (iterations as f32 + 1.0);
    let mut displacement = vec![(0.0f32, 0.0f32); count];
    let mut stack = Vec::new();
    for _ in 0..iterations {
        let tree = QuadTree::build(&positions);
        for (index, d) in displacement.iter_mut().enumerate() {
            *d = tree.repulsion(index, positions[index], k2, &mut stack);
            // Gravity keeps the component compact.
            d.0 -= positions[index].0 * 0.05;
            d.1 -= positions[index].1 * 0.05;
        }
        for &(a, b, weight) in edges {
            let dx = positions[a].0 - positions[b].0;
            let dy = positions[a].1 - positions[b].1;
            let distance = (dx * dx + dy * dy).sqrt().max(0.01);
            // Attraction d²/k along the edge, stronger with more evidence.
            let pull = distance / K * weight.sqrt();
            displacement[a].0 -= dx * pull;
            displacement[a].1 -= dy * pull;
            displacement[b].0 += dx * pull;
            displacement[b].1 += dy * pull;
        }
        for (position, d) in positions.iter_mut().zip(&displacement) {
            let length = (d.0 * d.0 + d.1 * d.1).sqrt().max(1e-6);
            let step = length.min(temperature);
            position.0 += d.0 / length * step;
            position.1 += d.1 / length * step;
        }
        temperature = (temperature - cooling).max(0.5);
    }
    positions
}

/// Scales and centres positions into the `EXTENT` square, rounded to 0.1.
fn fit(positions: &mut [(f32, f32)]) {
    let (min_x, min_y, max_x, max_y) = bounds(positions);
    let span = (max_x - min_x).max(max_y - min_y).max(1e-3);
    let scale = if positions.len() == 1 { 0.0 } else { EXTENT / span };
    let (mid_x, mid_y) = ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0);
    for position in positions.iter_mut() {
        position.0 = ((position.0 - mid_x) * scale * 10.0).round() / 10.0;
        position.1 = ((position.1 - mid_y) * scale * 10.0).round() / 10.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: (f32, f32), b: (f32, f32)) -> f32 {
        ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
    }

    #[test]
    fn same_input_same_layout_within_extent() {
        let edges: Vec<Edge> = (0..40).map(|i| (i, (i * 7 + 3) % 50, 1.0)).collect();
        let first = layout(50, &edges);
        assert_eq!(first, layout(50, &edges));
        assert!(first.iter().all(|&(x, y)| x.abs() <= EXTENT / 2.0 + 0.1 && y.abs() <= EXTENT / 2.0 + 0.1));
    }

    #[test]
    fn connected_nodes_sit_closer_than_strangers() {
        // Two cliques of five, joined by nothing.
        let mut edges = Vec::new();
        for group in [0, 5] {
            for a in group..group + 5 {
                for b in a + 1..group + 5 {
                    edges.push((a, b, 1.0));
                }
            }
        }
        let positions = layout(10, &edges);
        let within = distance(positions[0], positions[1]) + distance(positions[5], positions[6]);
        let across = distance(positions[0], positions[5]) + distance(positions[1], positions[6]);
        assert!(within < across, "within {within} across {across}");
        assert!(positions.iter().enumerate().all(|(i, p)| positions[i + 1..].iter().all(|q| distance(*p, *q) > 1.0)));
    }

    fn ring(nodes: std::ops::Range<usize>) -> Vec<Edge> {
        nodes.clone().map(|a| (a, if a + 1 == nodes.end { nodes.start } else { a + 1 }, 1.0)).collect()
    }

    #[test]
    fn small_components_line_up_below_the_main_one_no_wider() {
        // A ring of 20, a ring of 3, a pair and two single nodes, listed in a muddle.
        let mut edges = ring(5..25);
        edges.extend(ring(0..3));
        edges.push((25, 26, 1.0));
        let positions = layout(29, &edges);
        let main: Vec<(f32, f32)> = positions[5..25].to_vec();
        let (min_x, _, max_x, max_y) = bounds(&main);
        for small in [0, 1, 2, 3, 4, 25, 26, 27, 28] {
            let (x, y) = positions[small];
            assert!(y > max_y && x >= min_x && x <= max_x, "node {small} at {:?}, main {min_x}..{max_x} above {max_y}", (x, y));
        }
        let (all_min_x, _, all_max_x, _) = bounds(&positions);
        assert_eq!((min_x, max_x), (all_min_x, all_max_x), "the strip is no wider than the main component");
        let strip_top = [0, 1, 2, 3, 4, 25, 26, 27, 28].iter().map(|&i| positions[i].1).fold(f32::MAX, f32::min);
        assert!(positions.iter().all(|p| p.1 <= strip_top + (strip_top - max_y) * 4.0), "the strip is a few rows: {positions:?}");
    }

    #[test]
    fn components_lie_flat() {
        // A path of twelve nodes runs across the box, not down it.
        let edges: Vec<Edge> = (0..11).map(|a| (a, a + 1, 1.0)).collect();
        let (min_x, min_y, max_x, max_y) = bounds(&layout(12, &edges));
        assert!(max_x - min_x > 3.0 * (max_y - min_y), "{min_x}..{max_x} × {min_y}..{max_y}");
    }

    #[test]
    fn nodes_without_edges_wrap_into_rows() {
        let positions = layout(9, &[]);
        let (min_x, min_y, max_x, max_y) = bounds(&positions);
        assert_eq!((max_x - min_x, max_y - min_y), (EXTENT, EXTENT / 2.0), "three rows of three, rows closer than columns");
        assert!(positions.iter().enumerate().all(|(i, p)| positions[i + 1..].iter().all(|q| distance(*p, *q) >= EXTENT / 4.0)));
    }

    #[test]
    fn trivial_graphs() {
        assert!(layout(0, &[]).is_empty());
        assert_eq!(layout(1, &[]), vec![(0.0, 0.0)]);
    }
}
