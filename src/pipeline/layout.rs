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
        let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for &(x, y) in positions {
            min_x = min_x.min(x);
            min_y = min_y.min(y);
            max_x = max_x.max(x);
            max_y = max_y.max(y);
        }
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
/// the origin. The same input always gives the same output.
pub fn layout(count: usize, edges: &[Edge]) -> Vec<(f32, f32)> {
    if count == 0 {
        return Vec::new();
    }
    let golden_angle = std::f32::consts::PI * (3.0 - 5f32.sqrt());
    let mut positions: Vec<(f32, f32)> = (0..count)
        .map(|i| {
            let radius = 10.0 * (i as f32 + 0.5).sqrt();
            let angle = i as f32 * golden_angle;
            (radius * angle.cos(), radius * angle.sin())
        })
        .collect();
    let k = 10.0f32;
    let k2 = k * k;
    // Large graphs start from a spread spiral and settle in fewer steps.
    let iterations = if count <= 1000 { 300 } else { 90 };
    let mut temperature = 10.0 * (count as f32).sqrt();
    let cooling = temperature / (iterations as f32 + 1.0);
    let mut degree = vec![0u32; count];
    for &(a, b, _) in edges {
        degree[a] += 1;
        degree[b] += 1;
    }
    let mut displacement = vec![(0.0f32, 0.0f32); count];
    let mut stack = Vec::new();
    for _ in 0..iterations {
        let tree = QuadTree::build(&positions);
        for (index, d) in displacement.iter_mut().enumerate() {
            *d = tree.repulsion(index, positions[index], k2, &mut stack);
            // Gravity keeps disconnected parts from drifting apart.
            d.0 -= positions[index].0 * 0.05;
            d.1 -= positions[index].1 * 0.05;
        }
        for &(a, b, weight) in edges {
            let dx = positions[a].0 - positions[b].0;
            let dy = positions[a].1 - positions[b].1;
            let distance = (dx * dx + dy * dy).sqrt().max(0.01);
            // Attraction d²/k along the edge, stronger with more evidence.
            let pull = distance / k * weight.sqrt();
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
    ring_isolated(&mut positions, &degree);
    fit(&mut positions);
    positions
}

/// Nodes without edges feel only repulsion and drift far out, shrinking
/// the network when the view fits everything: set them on a ring just
/// outside the connected nodes instead, in index order.
fn ring_isolated(positions: &mut [(f32, f32)], degree: &[u32]) {
    let connected: Vec<(f32, f32)> = positions.iter().zip(degree).filter(|(_, &d)| d > 0).map(|(p, _)| *p).collect();
    let isolated: Vec<usize> = (0..positions.len()).filter(|&i| degree[i] == 0).collect();
    if connected.is_empty() || isolated.is_empty() {
        return;
    }
    let n = connected.len() as f32;
    let centre = (connected.iter().map(|p| p.0).sum::<f32>() / n, connected.iter().map(|p| p.1).sum::<f32>() / n);
    let radius = connected.iter().map(|p| ((p.0 - centre.0).powi(2) + (p.1 - centre.1).powi(2)).sqrt()).fold(10.0, f32::max) * 1.15;
    for (k, &index) in isolated.iter().enumerate() {
        let angle = std::f32::consts::TAU * k as f32 / isolated.len() as f32 + 0.3;
        positions[index] = (centre.0 + radius * angle.cos(), centre.1 + radius * angle.sin());
    }
}

/// Scales and centres positions into the `EXTENT` square, rounded to 0.1.
fn fit(positions: &mut [(f32, f32)]) {
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for &(x, y) in positions.iter() {
        min_x = min_x.min(x);
        min_y = min_y.min(y);
        max_x = max_x.max(x);
        max_y = max_y.max(y);
    }
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

    #[test]
    fn isolated_nodes_stay_near_the_network() {
        let mut edges = Vec::new();
        for a in 0..20 {
            edges.push((a, (a + 1) % 20, 1.0));
        }
        let positions = layout(21, &edges);
        let network_radius = positions[..20].iter().map(|p| distance(*p, (0.0, 0.0))).fold(0.0, f32::max);
        let isolated = distance(positions[20], (0.0, 0.0));
        assert!(isolated > network_radius * 0.9 && isolated < network_radius * 1.3, "{positions:?}");
    }

    #[test]
    fn trivial_graphs() {
        assert!(layout(0, &[]).is_empty());
        assert_eq!(layout(1, &[]), vec![(0.0, 0.0)]);
    }
}
