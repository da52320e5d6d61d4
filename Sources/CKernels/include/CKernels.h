#ifndef BACKSTEP_CKERNELS_H
#define BACKSTEP_CKERNELS_H

/// The C the engine needs where Swift cannot say it: element loops that gain
/// from the wide vector units of the machine they run on (the Swift package is
/// compiled for baseline x86-64, two doubles per instruction; these functions
/// pick AVX-512 or AVX2 at run time), and hints to the CPU and the allocator.

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

/// Asks glibc's malloc to serve blocks below `mmap_threshold` bytes from the
/// heap and to give freed memory back to the kernel only when more than
/// `trim_threshold` bytes are free at its top. Returns 1 when both were set, 0
/// where the C library is not glibc or refused.
int backstep_keep_freed_blocks(long mmap_threshold, long trim_threshold);

/// The bytes of heap the block at `p` (from malloc) takes, its header included;
/// 0 where the C library is not glibc. For tests that hold node sizes.
long backstep_heap_block_bytes(const void *p);

#endif
