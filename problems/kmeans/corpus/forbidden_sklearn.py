# expect: forbidden_import
# why: scikit-learn's KMeans is not an allowed module (numpy only)
import numpy as np
from sklearn.cluster import KMeans


def kmeans(X, centroids, max_iter=100, tol=1e-4):
    model = KMeans(n_clusters=len(centroids), init=np.asarray(centroids), n_init=1, max_iter=max_iter, tol=tol)
    model.fit(np.asarray(X))
    return model.labels_, model.cluster_centers_, model.n_iter_
