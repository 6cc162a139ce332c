//! A few open connections to the desk database, shared by the server's requests: each
//! request borrows one on a blocking thread (SQLite calls block), so reads run side by side
//! (WAL) and writes queue on SQLite's own lock.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use sportello::desk::{Day, Desk, DeskError, DeskErrorKind};

/// The connections of one database file.
#[derive(Clone)]
pub struct Pool {
    inner: Arc<Inner>,
}

struct Inner {
    file: PathBuf,
    idle: Mutex<Vec<Desk>>,
    returned: Condvar,
}

impl Pool {
    /// Opens `size` connections to the existing database `file` (migrating it if needed).
    pub fn open(file: &Path, size: usize) -> Result<Pool, DeskError> {
        let idle = (0..size.max(1)).map(|_| Desk::open_existing(file)).collect::<Result<Vec<_>, _>>()?;
        Ok(Pool { inner: Arc::new(Inner { file: file.to_owned(), idle: Mutex::new(idle), returned: Condvar::new() }) })
    }

    /// The database file.
    pub fn file(&self) -> &Path {
        &self.inner.file
    }

    /// Runs `f` on a connection set to `today`, on a blocking thread.
    pub async fn run<T: Send + 'static>(
        &self,
        today: Day,
        f: impl FnOnce(&mut Desk) -> Result<T, DeskError> + Send + 'static,
    ) -> Result<T, DeskError> {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let mut lent = Lent { inner: &inner, desk: Some(inner.take()?.with_today(today)) };
            match lent.desk.as_mut() {
                Some(desk) => f(desk),
                None => Err(unavailable()),
            }
        })
        .await
        .unwrap_or_else(|_| Err(unavailable()))
    }
}

impl Inner {
    fn take(&self) -> Result<Desk, DeskError> {
        let mut idle = self.idle.lock().map_err(|_| unavailable())?;
        loop {
            if let Some(desk) = idle.pop() {
                return Ok(desk);
            }
            idle = self.returned.wait(idle).map_err(|_| unavailable())?;
        }
    }
}

/// A borrowed connection, given back when dropped (also when the request's work panics).
struct Lent<'a> {
    inner: &'a Inner,
    desk: Option<Desk>,
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        if let (Some(desk), Ok(mut idle)) = (self.desk.take(), self.inner.idle.lock()) {
            idle.push(desk);
            self.inner.returned.notify_one();
        }
    }
}

fn unavailable() -> DeskError {
    DeskError::new(
        DeskErrorKind::Storage,
        "database",
        "il database non è disponibile in questo momento: riprovare",
        "the database is not available right now: try again",
    )
}
