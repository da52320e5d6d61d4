#ifndef BACKSTEP_CKERNELS_H
#define BACKSTEP_CKERNELS_H

/// Element loops that gain from the wide vector units of the machine they run
/// on. The Swift package is compiled for baseline x86-64 (two doubles per
/// instruction); these functions pick AVX-512 or AVX2 at run time.

/// y[i] = σ(x[i]) = tanh(x[i]/2)/2 + 1/2 for i < n, with exactly the operations
/// of Autodiff's Swift kernel (no fused multiply-adds), so results are
/// bit-identical. Returns 1 when done, 0 when this CPU has no wider unit to
/// offer (the caller then runs its own loop).
int backstep_sigmoid(const double *x, double *y, long n);

/// Asks the CPU to start loading the `bytes` bytes that end at `end` (one
/// request per cache line); no effect on results, and no fault for any address.
static inline void backstep_prefetch_before(const void *end, long bytes) {
    const char *p = (const char *)end;
    for (long offset = 64; offset <= bytes; offset += 64)
        __builtin_prefetch(p - offset, 0, 3);
}

#endif
