import Autodiff

/// W2, W3, W6: the training workloads (filled in once the NumPy-compatible generator lands).
func benchmarkTraining(_ wanted: (String) -> Bool) throws {}
