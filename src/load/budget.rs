//! One job per input on worker threads, each with a wall-clock budget: a job that overruns is
//! reported and abandoned. A job renews its budget by calling its heartbeat (a collection,
//! after each record), so the budget bounds the time without progress, not the size of a
//! big honest feed. An overrun job is abandoned (its thread finishes on its own and its result is dropped), so one
//! hostile file cannot stall a whole load.
//!
//! What it cannot do: stop the abandoned work. Rust threads cannot be killed, so a job that
//! overran keeps a core busy until it returns; the load goes on with a fresh worker.

use std::any::Any;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, Instant};

/// How one job ended.
pub enum Finished<T> {
    /// It returned in time.
    Done(T),
    /// It was still running when its budget (given) ran out.
    OverBudget(Duration),
    /// It panicked, with this payload.
    Panicked(Box<dyn Any + Send>),
}

enum Msg<T> {
    Started {
        worker: usize,
        job: usize,
        at: Instant,
    },
    Alive {
        worker: usize,
        job: usize,
        at: Instant,
    },
    Finished {
        worker: usize,
        job: usize,
        result: thread::Result<T>,
    },
}

/// Shared by the workers: the job, the next job to take, and how many there are.
struct Work<F> {
    job: F,
    next: AtomicUsize,
    jobs: usize,
}

/// Runs `job(0..jobs, heartbeat)` on `workers` threads; `on_done` hears of each job exactly
/// once, in the order they end, on the calling thread. A job still running `budget(i)` after
/// it started or last called its heartbeat is reported [`Finished::OverBudget`] and its
/// worker replaced.
pub fn run<T, F>(
    jobs: usize,
    workers: usize,
    budget: &dyn Fn(usize) -> Duration,
    job: F,
    on_done: &mut dyn FnMut(usize, Finished<T>),
) where
    T: Send + 'static,
    F: Fn(usize, &dyn Fn()) -> T + Send + Sync + 'static,
{
    if jobs == 0 {
        return;
    }
    let work = Arc::new(Work {
        job,
        next: AtomicUsize::new(0),
        jobs,
    });
    let (tx, rx) = mpsc::channel();
    let mut retired: HashMap<usize, Arc<AtomicBool>> = HashMap::new();
    let spawn = |id: usize, retired: &mut HashMap<usize, Arc<AtomicBool>>| {
        let flag = Arc::new(AtomicBool::new(false));
        retired.insert(id, Arc::clone(&flag));
        spawn_worker(id, Arc::clone(&work), flag, tx.clone());
    };
    let mut next_id = 0;
    for _ in 0..workers.clamp(1, jobs) {
        spawn(next_id, &mut retired);
        next_id += 1;
    }
    // Job, start and budget of what each live worker is doing.
    let mut running: HashMap<usize, (usize, Instant, Duration)> = HashMap::new();
    let mut reported = vec![false; jobs];
    let mut left = jobs;
    while left > 0 {
        let wait = running
            .values()
            .map(|&(_, at, limit)| (at + limit).saturating_duration_since(Instant::now()))
            .min()
            .unwrap_or(Duration::from_millis(100));
        // The loop keeps a sender for new workers, so a timeout is the only error.
        match rx.recv_timeout(wait).ok() {
            Some(Msg::Started { worker, job, at }) => {
                running.insert(worker, (job, at, budget(job)));
            }
            Some(Msg::Alive { worker, job, at }) => {
                if let Some(run) = running.get_mut(&worker).filter(|r| r.0 == job) {
                    run.1 = at;
                }
            }
            Some(Msg::Finished {
                worker,
                job,
                result,
            }) => {
                running.remove(&worker);
                // A job reported over budget may still finish: it was already counted.
                if !std::mem::replace(&mut reported[job], true) {
                    left -= 1;
                    on_done(
                        job,
                        match result {
                            Ok(v) => Finished::Done(v),
                            Err(payload) => Finished::Panicked(payload),
                        },
                    );
                }
            }
            None => {}
        }
        for (worker, job, limit) in overdue(&running, Instant::now()) {
            running.remove(&worker);
            if let Some(flag) = retired.remove(&worker) {
                flag.store(true, Ordering::Relaxed);
            }
            if !std::mem::replace(&mut reported[job], true) {
                left -= 1;
                on_done(job, Finished::OverBudget(limit));
            }
            spawn(next_id, &mut retired);
            next_id += 1;
        }
    }
}

/// Workers whose job has run past its budget at `now`: (worker, job, budget).
fn overdue(
    running: &HashMap<usize, (usize, Instant, Duration)>,
    now: Instant,
) -> Vec<(usize, usize, Duration)> {
    let mut late: Vec<_> = running
        .iter()
        .filter(|(_, (_, at, limit))| now.saturating_duration_since(*at) > *limit)
        .map(|(&w, &(job, _, limit))| (w, job, limit))
        .collect();
    late.sort_unstable();
    late
}

fn spawn_worker<T, F>(id: usize, work: Arc<Work<F>>, retired: Arc<AtomicBool>, tx: Sender<Msg<T>>)
where
    T: Send + 'static,
    F: Fn(usize, &dyn Fn()) -> T + Send + Sync + 'static,
{
    let body = move || {
        while !retired.load(Ordering::Relaxed) {
            let job = work.next.fetch_add(1, Ordering::Relaxed);
            if job >= work.jobs {
                return;
            }
            let at = Instant::now();
            if tx
                .send(Msg::Started {
                    worker: id,
                    job,
                    at,
                })
                .is_err()
            {
                return;
            }
            let alive = || {
                let _ = tx.send(Msg::Alive {
                    worker: id,
                    job,
                    at: Instant::now(),
                });
            };
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (work.job)(job, &alive)));
            if tx
                .send(Msg::Finished {
                    worker: id,
                    job,
                    result,
                })
                .is_err()
            {
                return;
            }
        }
    };
    // Named so a stuck one is recognisable in a debugger; failing to start one is as fatal
    // here as in `thread::spawn`.
    thread::Builder::new()
        .name(format!("load-{id}"))
        .spawn(body)
        .expect("start a loader thread");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcomes(
        jobs: usize,
        budget: Duration,
        job: impl Fn(usize, &dyn Fn()) -> usize + Send + Sync + 'static,
    ) -> Vec<String> {
        let mut seen = vec![String::new(); jobs];
        run(jobs, 2, &|_| budget, job, &mut |i, f| {
            seen[i] = match f {
                Finished::Done(v) => format!("done {v}"),
                Finished::OverBudget(_) => "late".to_string(),
                Finished::Panicked(_) => "panic".to_string(),
            }
        });
        seen
    }

    #[test]
    fn every_job_is_reported_once_in_its_slot() {
        let seen = outcomes(50, Duration::from_secs(30), |i, _| i * 2);
        assert_eq!(seen[0], "done 0");
        assert_eq!(seen[49], "done 98");
        assert!(seen.iter().all(|s| s.starts_with("done")));
    }

    #[test]
    fn a_job_over_budget_is_abandoned_and_the_rest_go_on() {
        let start = Instant::now();
        let seen = outcomes(6, Duration::from_millis(200), |i, _| {
            if i == 1 {
                thread::sleep(Duration::from_secs(5));
            }
            i
        });
        assert_eq!(seen[1], "late");
        assert_eq!(seen[5], "done 5");
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn a_panicking_job_is_reported_not_lost() {
        let seen = outcomes(3, Duration::from_secs(30), |i, _| {
            assert!(i != 2, "job 2 fails");
            i
        });
        assert_eq!(seen, ["done 0", "done 1", "panic"]);
    }

    #[test]
    fn a_heartbeat_renews_the_budget() {
        let seen = outcomes(2, Duration::from_millis(300), |i, alive| {
            // 10 x 100 ms: far over one budget in all, never over it between beats.
            for _ in 0..10 {
                thread::sleep(Duration::from_millis(100));
                alive();
            }
            i
        });
        assert_eq!(seen, ["done 0", "done 1"]);
    }

    #[test]
    fn overdue_lists_only_late_jobs() {
        let now = Instant::now();
        let long_ago = now - Duration::from_secs(10);
        let running = HashMap::from([
            (0, (7, long_ago, Duration::from_secs(1))),
            (1, (8, now, Duration::from_secs(1))),
        ]);
        assert_eq!(overdue(&running, now), [(0, 7, Duration::from_secs(1))]);
    }
}
