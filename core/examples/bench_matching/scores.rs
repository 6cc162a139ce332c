//! Ranking metrics: nDCG@10, recall@10 and hit@1 of a ranking against the relevance.

use super::*;

/// Per-profile figures of one ranking method.
#[derive(Default, Clone)]
pub(crate) struct Scores {
    pub(crate) ndcg: Vec<f64>,
    pub(crate) recall: Vec<f64>,
    pub(crate) hit1: Vec<f64>,
}

pub(crate) fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() { 0.0 } else { xs.iter().sum::<f64>() / xs.len() as f64 }
}

impl Scores {
    pub(crate) fn ndcg(&self) -> f64 {
        mean(&self.ndcg)
    }
    pub(crate) fn recall(&self) -> f64 {
        mean(&self.recall)
    }
    pub(crate) fn hit1(&self) -> f64 {
        mean(&self.hit1)
    }
    pub(crate) fn only(&self, keep: impl Fn(usize) -> bool) -> Scores {
        let pick = |xs: &[f64]| xs.iter().enumerate().filter(|(i, _)| keep(*i)).map(|(_, x)| *x).collect();
        Scores { ndcg: pick(&self.ndcg), recall: pick(&self.recall), hit1: pick(&self.hit1) }
    }
}

pub(crate) fn dcg(gains: impl Iterator<Item = u8>) -> f64 {
    gains.take(K).enumerate().map(|(i, r)| (2f64.powi(i32::from(r)) - 1.0) / ((i + 2) as f64).log2()).sum()
}

/// Adds one profile's nDCG@10, recall@10 and hit@1 for a ranking of vacancy indices.
pub(crate) fn judge(set: &QualitySet<'_, '_>, case: usize, ranked: &[usize], into: &mut Scores) {
    let mut all: Vec<u8> = (0..set.vacancies.len()).map(|v| set.relevance(case, v)).collect();
    all.sort_unstable_by(|a, b| b.cmp(a));
    let ideal = dcg(all.iter().copied());
    let got = dcg(ranked.iter().map(|&v| set.relevance(case, v)));
    let relevant = all.iter().filter(|&&r| r == 2).count().min(K);
    let found = ranked.iter().take(K).filter(|&&v| set.relevance(case, v) == 2).count();
    into.ndcg.push(if ideal > 0.0 { got / ideal } else { 0.0 });
    into.recall.push(if relevant > 0 { found as f64 / relevant as f64 } else { 0.0 });
    into.hit1.push(f64::from(u8::from(ranked.first().is_some_and(|&v| set.relevance(case, v) == 2))));
}
