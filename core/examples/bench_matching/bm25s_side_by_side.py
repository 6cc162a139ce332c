"""bm25s on the matching benchmark's speed corpus: retrieval only, one thread.

The speed part of ``bench_matching`` writes its synthetic vacancies and latency queries as
text with ``--corpus DIR``. This script indexes the same vacancies (title and skill labels)
with bm25s and answers the same queries (the profile's skill labels), so that the two
engines are timed side by side on one machine and one day::

    cargo run --release -p sportello --features index --example bench_matching -- \\
        --only speed --sizes 1000000 --corpus /tmp/corpus
    python3 -m venv /tmp/bm25s && /tmp/bm25s/bin/pip install bm25s==0.3.16 numba
    /tmp/bm25s/bin/python core/examples/bench_matching/bm25s_side_by_side.py /tmp/corpus 1000000

It prints the indexing time and, for the queries after the warm-up ones, the latency p50
and p99 of retrieving the first 300 vacancies (the candidates Sportello scores) and the
first 20, each query on its own, with numba and one thread. bm25s only retrieves: it does
not filter by place or date, score, or explain, as Sportello does in its figures.
"""

import statistics
import sys
import time

import bm25s

WARM_UP = 20


def percentile(xs, q):
    xs = sorted(xs)
    return xs[round((len(xs) - 1) * q)]


def main():
    folder, n = sys.argv[1], int(sys.argv[2])
    with open(f"{folder}/vacancies-{n}.tsv", encoding="utf-8") as f:
        corpus = [line.rstrip("\n").split("\t", 1)[1].replace(" | ", " ") for line in f]
    with open(f"{folder}/queries.tsv", encoding="utf-8") as f:
        queries = [line.rstrip("\n").replace(" | ", " ") for line in f]
    print(f"bm25s {bm25s.__version__}: {len(corpus)} vacancies, {len(queries) - WARM_UP} queries "
          f"after {WARM_UP} warm-up ones, {statistics.mean(len(q.split()) for q in queries):.1f} words each")

    t = time.perf_counter()
    tokens = bm25s.tokenize(corpus, stopwords="en", show_progress=False)
    tokenize = time.perf_counter() - t
    retriever = bm25s.BM25(backend="numba")
    t = time.perf_counter()
    retriever.index(tokens, show_progress=False)
    index = time.perf_counter() - t
    print(f"indexing: tokenize {tokenize:.1f} s, index {index:.1f} s")

    query_tokens = [bm25s.tokenize([q], stopwords="en", return_ids=False, show_progress=False)[0] for q in queries]
    for k in (300, 20):
        times = []
        for i, q in enumerate(query_tokens):
            t = time.perf_counter()
            retriever.retrieve([q], k=k, n_threads=1, show_progress=False)
            if i >= WARM_UP:
                times.append(time.perf_counter() - t)
        print(f"retrieve top {k}: p50 {1000 * percentile(times, 0.5):.2f} ms, p99 {1000 * percentile(times, 0.99):.2f} ms")


if __name__ == "__main__":
    main()
