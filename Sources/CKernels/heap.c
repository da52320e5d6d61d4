#include "CKernels.h"
#include <stdlib.h> /* defines __GLIBC__ where the C library is glibc */

#ifdef __GLIBC__
#include <malloc.h>
#endif

int backstep_keep_freed_blocks(long mmap_threshold, long trim_threshold) {
#ifdef __GLIBC__
    // mallopt returns 1 on success; both must hold or glibc's own rule stays.
    return mallopt(M_MMAP_THRESHOLD, (int)mmap_threshold) == 1
        && mallopt(M_TRIM_THRESHOLD, (int)trim_threshold) == 1;
#else
    (void)mmap_threshold;
    (void)trim_threshold;
    return 0;
#endif
}

long backstep_heap_block_bytes(const void *p) {
#ifdef __GLIBC__
    // A chunk is its usable size plus the 8-byte size field before it.
    return (long)malloc_usable_size((void *)p) + (long)sizeof(size_t);
#else
    (void)p;
    return 0;
#endif
}
