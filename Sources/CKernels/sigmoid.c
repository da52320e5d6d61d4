// The sigmoid's tanh kernel (see Sources/Autodiff/Functions/TanhKernel.swift,
// which explains the method), compiled a second and third time for AVX2 and
// AVX-512 and chosen at run time. Every operation is the Swift kernel's, in
// the same order, and contraction into fused multiply-adds is off, so each
// element comes out bit for bit as the Swift loop computes it.

#include "CKernels.h"

#if defined(__x86_64__) && defined(__clang__)

#include <math.h>
#include <stdint.h>
#include <string.h>

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

static inline uint64_t bits_of(double d) { uint64_t b; memcpy(&b, &d, sizeof b); return b; }
static inline double double_of(uint64_t b) { double d; memcpy(&d, &b, sizeof d); return d; }

// e^x - 1 for x in [-40, 0]: range reduction by k ln 2, then a degree-13 series.
static inline double expm1_of_negative(double x) {
    const double shifter = 0x1.8p52;
    const double ln2_high = 0x1.62e4200000000p-1, ln2_low = 0x1.fdf473de6af28p-22;
    double big = x * 0x1.71547652b82fep0 + shifter;
    double k = big - shifter;
    double r = (x - k * ln2_high) - k * ln2_low;
    double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    double q0 = 1.0 / 2 + r * (1.0 / 6), q1 = 1.0 / 24 + r * (1.0 / 120);
    double q2 = 1.0 / 720 + r * (1.0 / 5040), q3 = 1.0 / 40320 + r * (1.0 / 362880);
    double q4 = 1.0 / 3628800 + r * (1.0 / 39916800), q5 = 1.0 / 479001600 + r * (1.0 / 6227020800.0);
    double p = (q0 + q1 * r2) + (q2 + q3 * r2) * r4 + (q4 + q5 * r2) * r8;
    double em1 = r + r2 * p;
    double scale = double_of((bits_of(big) + 1023) << 52);
    return scale * em1 + (scale - 1);
}

static inline double sigmoid_one(double v) {
    double h = v * 0.5;
    double m = fabs(h);
    double a = m < 20 ? m : 20;
    double t = expm1_of_negative(-2 * a);
    double z = copysign(-t / (t + 2), h);
    double tanh_h = h != h ? h : z;
    return tanh_h * 0.5 + 0.5;
}

__attribute__((target("avx512f")))
static void sigmoid_avx512(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) y[i] = sigmoid_one(x[i]);
}

__attribute__((target("avx2")))
static void sigmoid_avx2(const double *x, double *y, long n) {
    for (long i = 0; i < n; i++) y[i] = sigmoid_one(x[i]);
}

int backstep_sigmoid(const double *x, double *y, long n) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) { sigmoid_avx512(x, y, n); return 1; }
    if (__builtin_cpu_supports("avx2")) { sigmoid_avx2(x, y, n); return 1; }
    return 0;
}

#else

int backstep_sigmoid(const double *x, double *y, long n) {
    (void)x; (void)y; (void)n;
    return 0;
}

#endif
