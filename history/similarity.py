"""How alike two goal texts read: TF-IDF cosine similarity (scikit-learn), 0..1.

Words (with bigrams, English stop words dropped) catch shared terms such as "renewal" or
"SOC 2"; character n-grams inside words catch their inflections ("renew", "renewals",
"renewing") and acronyms written differently. The two cosines are averaged. Term weights
come from the texts being compared, so words every goal uses count for little.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

# Rows compared at once when looking for similar pairs: bounds memory at BLOCK x n floats.
BLOCK_ROWS = 512

Matrix = NDArray[np.float64]


def _vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    words = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    return words, chars


def tfidf_views(corpus: Sequence[str]) -> list[csr_matrix]:
    """The corpus under each vectorizer, one L2-normalised row per text (a view with no
    vocabulary, e.g. only stop words, is left out)."""
    views = []
    for vectorizer in _vectorizers():
        try:
            views.append(csr_matrix(vectorizer.fit_transform(corpus)))
        except ValueError:  # empty vocabulary
            continue
    return views


def _cosine(views: list[csr_matrix], rows: range, columns: range) -> Matrix:
    if not views:
        return np.zeros((len(rows), len(columns)))
    products = [
        (view[rows.start:rows.stop] @ view[columns.start:columns.stop].T).toarray()
        for view in views
    ]
    return np.asarray(np.mean(products, axis=0), dtype=np.float64)


def similarity_matrix(left: Sequence[str], right: Sequence[str]) -> Matrix:
    """Cosine similarity of every text in `left` with every text in `right` (rows x columns)."""
    if not left or not right:
        return np.zeros((len(left), len(right)))
    views = tfidf_views([*left, *right])
    return _cosine(views, range(len(left)), range(len(left), len(left) + len(right)))


def similar_pairs(texts: Sequence[str], threshold: float) -> list[tuple[int, int, float]]:
    """Every pair (i < j) of texts at least `threshold` alike, most alike first; compared a
    block of rows at a time, so ten thousand goals never need a full n x n matrix."""
    if len(texts) < 2:
        return []
    views = tfidf_views(texts)
    pairs = []
    for start in range(0, len(texts), BLOCK_ROWS):
        rows = range(start, min(start + BLOCK_ROWS, len(texts)))
        block = _cosine(views, rows, range(len(texts)))
        for i, j in zip(*np.nonzero(block >= threshold), strict=True):
            if rows[i] < j:
                pairs.append((rows[i], int(j), round(float(block[i, j]), 3)))
    return sorted(pairs, key=lambda pair: -pair[2])
