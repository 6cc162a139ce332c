//! Two pieces of work at once: the second on a scoped thread of its own while the first
//! runs on the calling thread. In the browser build, which has no threads, and wherever no
//! thread can be made, they run one after the other: the answer is the same either way.

/// Runs `here` on this thread and `beside` on a second one, and returns both results.
/// `beside` runs on this thread instead when no thread can be made or its thread panicked
/// (so it is `Fn`: it may run twice, and its work must be safe to redo).
pub(crate) fn both<A, B: Send>(here: impl FnOnce() -> A, beside: impl Fn() -> B + Sync) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::thread::scope(|scope| {
            let other = std::thread::Builder::new().spawn_scoped(scope, &beside);
            let a = here();
            let b = match other.map(|h| h.join()) {
                Ok(Ok(b)) => b,
                _ => beside(),
            };
            (a, b)
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        (here(), beside())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_both_results_in_order() {
        let here = std::thread::current().id();
        let (a, (b, elsewhere)) = both(|| 1 + 1, || ("b", std::thread::current().id() != here));
        assert_eq!((a, b), (2, "b"));
        assert!(elsewhere, "the second ran on its own thread");
    }
}
