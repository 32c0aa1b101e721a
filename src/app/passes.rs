//! Starting the app in passes: the first render (or hydration) of the
//! page's costliest sections waits for later tasks, so that no single task
//! blocks input for the whole start. During hydration the prerendered HTML
//! of a waiting section stays on screen; it becomes live a task later.
//! The app is marked ready (`browser::reveal`) once every pass is done.

use super::{browser, use_effect_on};
use std::cell::Cell;
use yew::prelude::*;
use yew::suspense::{Suspension, SuspensionResult};

thread_local! {
    /// Whether the app's first render is under way: only sections created
    /// in it wait. Never set natively, so the prerenderer renders everything.
    static STARTING: Cell<bool> = const { Cell::new(false) };
    /// Sections of the first render that have not yet rendered.
    static WAITING: Cell<usize> = const { Cell::new(0) };
}

/// Called before the app first renders: its sections may wait for later passes.
pub fn begin() {
    STARTING.set(true);
}

/// Called once the first pass has rendered: the app is ready when no section still waits.
pub fn first_pass_done() {
    STARTING.set(false);
    reveal_when_done();
}

fn reveal_when_done() {
    if !STARTING.get() && WAITING.get() == 0 {
        browser::reveal();
    }
}

/// Suspends the calling component during the app's first render until
/// `pass` later tasks have run; afterwards, and in every later render, it
/// goes on at once.
#[hook]
fn use_pass(pass: u32) -> SuspensionResult<()> {
    let suspension = use_state(|| {
        STARTING.get().then(|| {
            WAITING.set(WAITING.get() + 1);
            Suspension::from_future(async move {
                for _ in 0..pass {
                    browser::yield_to_browser().await;
                }
            })
        })
    });
    let waited = suspension.is_some();
    let done = suspension.as_ref().is_none_or(Suspension::resumed);
    use_effect_on(done, move |&done| {
        if waited && done {
            WAITING.set(WAITING.get() - 1);
            reveal_when_done();
        }
    });
    match &*suspension {
        Some(waiting) if !waiting.resumed() => Err(waiting.clone()),
        _ => Ok(()),
    }
}

/// `content`, first rendered `pass` tasks after the rest of the app; its
/// prerendered HTML stays on screen meanwhile.
pub fn later(pass: u32, content: Html) -> Html {
    html! { <Suspense><Later {pass}>{ content }</Later></Suspense> }
}

#[derive(Properties, PartialEq)]
struct LaterProps {
    /// How many tasks after the first pass the content first renders.
    pub pass: u32,
    pub children: Html,
}

/// What `later` puts in its `Suspense`: the content, once `pass` tasks have run.
#[function_component(Later)]
fn later_pass(props: &LaterProps) -> HtmlResult {
    use_pass(props.pass)?;
    Ok(props.children.clone())
}
